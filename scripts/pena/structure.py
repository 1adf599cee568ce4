"""The structure of a page as the site renders it: headings, links, images, admonitions, lists
and sentences, read from the HTML that Python-Markdown makes of the page with the
`markdown_extensions` of mkdocs.yml, the same renderer and settings as the build.

Why render instead of parsing the Markdown separately: a second parser disagrees with the build
at the edges (a numbered list right after a paragraph line is a list to CommonMark but a plain
paragraph to Python-Markdown), and a check must see what readers see.

Python-Markdown keeps no source positions, so line numbers for messages are found afterwards:
each rendered heading, admonition and link is matched, in document order, to the next source
line that writes it (`# ...`, `!!! kind`, `](target`).

Rendering every page costs about a second; `make check` must stay well under two. So the
structure of a page is cached on disk, keyed by a hash of everything it depends on (the page
text, where its body starts, the extension settings, the versions of Python-Markdown and
pymdown-extensions, and this file), in $PENA_CACHE or ~/.cache/materi-pena. Only pages that
changed are rendered again; a stale entry cannot be hit, and deleting the folder is always safe.
"""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import os
import re
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from typing import TYPE_CHECKING, Any

from lxml import html as lxml_html

if TYPE_CHECKING:  # Python-Markdown is imported when a page is rendered, not for a cache hit
    import markdown

# Extensions MkDocs always loads (mkdocs.config.defaults: MarkdownExtensions builtins).
MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")
#: Extensions left out when reading structure: toc only adds generated ids and permalinks (and
#: without it a heading has an id exactly when the author gave one, `{ #id }`); smartsymbols
#: only turns "(c)" or "1/2" into symbols, and costs a third of the rendering time.
LEFT_OUT = ("toc", "pymdownx.smartsymbols")
#: Links that Markdown extensions add themselves (footnote references), not the author.
GENERATED_LINK_CLASSES = {"footnote-ref", "footnote-backref", "headerlink"}
BLOCKS = {"p", "li", "td", "th", "dt", "dd", "blockquote", "figcaption", "div", "details", "table",
          "ul", "ol", "dl", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "summary", "tr", "thead", "tbody"}

_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")
_WORD = re.compile(r"\w+")
_LETTERS = re.compile(r"[^\W_]+")  # words without underscores (a blank to fill in is not a word)
_FENCE = re.compile(r"^\s*(```|~~~)")
_ATX = re.compile(r"^(#{1,6})\s")
_ADMONITION = re.compile(r"^\s*(?:!!!|\?\?\?\+?)\s*([\w-]+)")


@dataclass
class Heading:
    level: int
    text: str
    id: str | None
    line: int


@dataclass
class Link:
    target: str
    text: str
    line: int
    is_image: bool = False


@dataclass
class Admonition:
    kind: str
    title: str
    collapsible: bool
    line: int
    end_line: int


@dataclass
class Prose:
    """The running text of one block as a reader sees it: link text kept, link targets and
    images dropped, code spans blanked out (spaces, so words in code are not read as words),
    line breaks of the source kept as newlines so that every offset maps back to its line.

    kind: "heading", "title" (an admonition's title), "text" (paragraph, list item, definition)
    or "table-row" (the cells of one row joined with " | "). box: the title of the innermost
    admonition the block sits in, or "".
    """

    kind: str
    line: int
    text: str
    box: str = ""

    def line_at(self, offset: int) -> int:
        return self.line + self.text.count("\n", 0, offset)

    def sentences(self) -> list[tuple[int, str]]:
        """(line, sentence) pairs, split like Structure.sentences."""
        found = []
        start = 0
        for match in [*_SENTENCE_END.finditer(self.text), None]:
            end = match.start() if match else len(self.text)
            sentence = self.text[start:end]
            if _WORD.search(sentence):
                found.append((self.line_at(start + len(sentence) - len(sentence.lstrip())), sentence.strip()))
            start = match.end() if match else end
        return found


@dataclass
class Structure:
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    admonitions: list[Admonition] = field(default_factory=list)
    text_words: int = 0
    sentences: list[str] = field(default_factory=list)  # running text outside headings and box titles
    ordered_lists: int = 0
    prose: list[Prose] = field(default_factory=list)  # every block of running text, in order


def extensions_from_config(config: dict[str, Any]) -> tuple[list[str], dict[str, dict[str, Any]]]:
    """(extension names, their settings) as MkDocs reads `markdown_extensions`, minus LEFT_OUT."""
    names: list[str] = list(MKDOCS_BUILTINS)
    settings: dict[str, dict[str, Any]] = {}
    for item in config.get("markdown_extensions") or []:
        name, options = (item, {}) if isinstance(item, str) else next(iter(item.items()))
        if name not in names:
            names.append(name)
        settings[name] = dict(options or {})
    return [n for n in names if n not in LEFT_OUT], {k: v for k, v in settings.items() if k not in LEFT_OUT}


def make_renderer(config: dict[str, Any]) -> markdown.Markdown:
    """A Python-Markdown converter with the site's extensions (reuse it: setting up costs more
    than converting a page)."""
    import markdown

    names, settings = extensions_from_config(config)
    return markdown.Markdown(extensions=names, extension_configs=settings)


# --------------------------------------------------------------------------------------------
# Reading the rendered HTML
# --------------------------------------------------------------------------------------------


HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
TEXT_BLOCKS = ("p", "li", "dt", "dd", "figcaption")
_MARKUP = re.compile(r"`[^`]*`|\]\([^)]*\)|<[^>]+>|\{[^}]*\}|[*_`~\[\]!\\]")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)*\|?\s*$")


def reader_text(element: Any) -> str:
    """What a reader sees of an element's own text (nested blocks left out; see Prose)."""
    parts = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag == "code":
            parts.append(" " * (len(child.text_content()) + 2))
        elif tag and tag not in BLOCKS and tag != "img":
            parts.append(reader_text(child))
        parts.append(child.tail or "")
    return "".join(parts)


class _SourceLines:
    """Finds, in document order, the source line that writes each rendered element."""

    def __init__(self, body: str, body_line: int) -> None:
        self.lines = body.split("\n")
        self.first = body_line
        in_fence = False
        self.outside_code: list[int] = []
        for index, line in enumerate(self.lines):
            if _FENCE.match(line):
                in_fence = not in_fence
            elif not in_fence:
                self.outside_code.append(index)
        self.cursors: dict[str, int] = {}
        self._plain: dict[int, str] = {}

    def next(self, kind: str, matches: Any, advance: bool = True) -> int | None:
        """File line of the next source line (after the last one of this kind) that `matches`."""
        start = self.cursors.get(kind, -1)
        for index in self.outside_code:
            if index > start and matches(self.lines[index]):
                if advance:
                    self.cursors[kind] = index
                return self.first + index
        return None

    def at_or_last(self, kind: str, matches: Any) -> int:
        """Like next(); when nothing matches (raw HTML, a reference definition) the last line
        found of this kind, so a message still points near the place."""
        found = self.next(kind, matches)
        return found if found is not None else self.first + max(self.cursors.get(kind, 0), 0)

    def plain(self, index: int) -> str:
        """A source line without Markdown markup, to find the words of a rendered block."""
        if index not in self._plain:
            self._plain[index] = _MARKUP.sub(" ", self.lines[index])
        return self._plain[index]

    def text_block(self, text: str, table_row: bool = False) -> int:
        """Line of a block of running text: the next line after the last block that writes its
        first words (a table row: the next line with a '|' holding them)."""
        words = _LETTERS.findall(text.split("\n", 1)[0])[:3]
        pattern = re.compile(r"\W+".join(re.escape(w) for w in words)) if words else None
        start = self.cursors.get("prose", -1)
        for index in self.outside_code:
            line = self.lines[index]
            if index <= start or (table_row and ("|" not in line or _TABLE_RULE.match(line))):
                continue
            if pattern is None or pattern.search(self.plain(index)):
                self.cursors["prose"] = index
                return self.first + index
        return self.first + start + 1

    def set_prose(self, line: int) -> None:
        self.cursors["prose"] = max(self.cursors.get("prose", -1), line - self.first)

    def block_end(self, line: int) -> int:
        """Last file line of the indented block that starts at file line `line`."""
        end = line - self.first
        for index in range(end + 1, len(self.lines)):
            text = self.lines[index]
            if text.strip() and not text.startswith((" ", "\t")):
                break
            if text.strip():
                end = index
        return self.first + end


def parse_structure(body: str, body_line: int = 1, renderer: markdown.Markdown | None = None) -> Structure:
    """The structure of a page body as `renderer` (see make_renderer) renders it."""
    renderer = renderer or make_renderer({})
    renderer.reset()
    rendered = renderer.convert(body)
    result = Structure()
    if rendered.strip():
        root = lxml_html.fragment_fromstring(rendered, create_parent="div")
        _Walk(result, _SourceLines(body, body_line)).visit(root, "")
        result.text_words = len(_WORD.findall(root.text_content()))
    return result


class _Walk:
    """One pass over the rendered page, in document order, filling a Structure."""

    def __init__(self, result: Structure, source: _SourceLines) -> None:
        self.result = result
        self.source = source

    def visit(self, element: Any, box: str) -> None:
        self.each(list(element), box)

    def each(self, children: list[Any], box: str) -> None:
        for child in children:
            if not isinstance(child.tag, str):
                continue  # a comment
            tag = child.tag
            if tag in HEADINGS:
                self.heading(child, box)
            elif tag in ("div", "details") and self.admonition(child, box):
                continue
            elif tag == "tr":
                self.table_row(child, box)
            elif tag in TEXT_BLOCKS:
                self.text(child, box)
            elif tag == "a" or tag == "img":
                self.link(child)
            if tag == "ol":
                self.result.ordered_lists += 1
            if tag != "tr" and tag not in HEADINGS:
                self.visit(child, box)

    def heading(self, element: Any, box: str) -> None:
        level = int(element.tag[1])
        line = self.source.at_or_last("heading", lambda text: _heading_level(text) == level)
        text = " ".join(element.text_content().split())
        self.result.headings.append(Heading(level, text, element.get("id"), line))
        self.result.prose.append(Prose("heading", line, reader_text(element).strip(), box))
        self.source.set_prose(line)
        for link in element.iter("a", "img"):
            self.link(link)

    def admonition(self, element: Any, box: str) -> bool:
        """Record an admonition (a `div.admonition` or a `details`) and walk its content."""
        classes = (element.get("class") or "").split()
        if element.tag == "div" and "admonition" not in classes:
            return False
        if element.tag == "div":
            title_element = next(iter(element.find_class("admonition-title")), None)
        else:
            title_element = element.find("summary")
        kind = next((c for c in classes if c != "admonition"), "note")
        title = " ".join(title_element.text_content().split()) if title_element is not None else ""
        line = self.source.at_or_last("admonition", lambda text: bool(_ADMONITION.match(text)))
        self.result.admonitions.append(Admonition(kind, title, element.tag == "details", line,
                                                  self.source.block_end(line)))
        if title_element is not None:
            self.result.prose.append(Prose("title", line, reader_text(title_element).strip(), title))
        self.source.set_prose(line)
        self.each([child for child in element if child is not title_element], title)
        return True

    def table_row(self, element: Any, box: str) -> None:
        cells = [reader_text(cell) for cell in element if isinstance(cell.tag, str)]
        text = " | ".join(" ".join(cell.split()) for cell in cells)
        self.result.prose.append(Prose("table-row", self.source.text_block(text, table_row=True), text, box))
        for cell in cells:
            self.result.sentences += [s for s in _SENTENCE_END.split(cell) if _WORD.search(s)]
        for link in element.iter("a", "img"):
            self.link(link)

    def text(self, element: Any, box: str) -> None:
        text = reader_text(element)
        if not _WORD.search(text):
            return
        stripped = text.strip()
        self.result.prose.append(Prose("text", self.source.text_block(stripped), stripped, box))
        self.result.sentences += [s for s in _SENTENCE_END.split(" ".join(stripped.split())) if _WORD.search(s)]

    def link(self, element: Any) -> None:
        if element.tag == "img" and element.get("src") is not None:
            target = element.get("src")
            line = self.source.at_or_last("link", lambda text: target in text)
            self.result.links.append(Link(target, element.get("alt") or "", line, is_image=True))
        elif element.tag == "a" and element.get("href") is not None:
            if GENERATED_LINK_CLASSES & set((element.get("class") or "").split()):
                return
            target = element.get("href")
            line = self.source.at_or_last("link", lambda text: target in text)
            self.result.links.append(Link(target, " ".join(element.text_content().split()), line))


def _heading_level(line: str) -> int:
    match = _ATX.match(line)
    return len(match.group(1)) if match else 0


# --------------------------------------------------------------------------------------------
# The structure cache
# --------------------------------------------------------------------------------------------


def cache_dir() -> Path:
    if os.environ.get("PENA_CACHE"):
        return Path(os.environ["PENA_CACHE"]) / "structure"
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "materi-pena" / "structure"


@functools.lru_cache(maxsize=1)
def _code_version() -> str:
    parts = [Path(__file__).read_bytes().decode("utf-8"), version("markdown"), version("pymdown-extensions")]
    return hashlib.sha256("\n".join(parts).encode("utf-8")).hexdigest()


def settings_key(config: dict[str, Any]) -> str:
    """A stable text of the extension settings (part of the cache key)."""
    return json.dumps(extensions_from_config(config), sort_keys=True, default=repr)


def cached_structure(body: str, body_line: int, settings: str, renderer: Callable[[], markdown.Markdown]) -> Structure:
    """parse_structure, remembered on disk; `renderer` is only called when the page changed."""
    key = hashlib.sha256(f"{_code_version()}\n{settings}\n{body_line}\n{body}".encode()).hexdigest()
    path = cache_dir() / key[:2] / f"{key}.json"
    try:
        return _from_json(json.loads(path.read_text("utf-8")))
    except (OSError, ValueError, KeyError, TypeError):
        pass  # not cached yet (or unreadable): render
    structure = parse_structure(body, body_line, renderer())
    write_json_atomic(path, dataclasses.asdict(structure))
    return structure


def write_json_atomic(path: Path, data: object) -> None:
    """Write a cache file so that parallel runs never read half of it; a read-only home still
    checks, only slower."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", dir=path.parent, delete=False) as handle:
            json.dump(data, handle, ensure_ascii=False)
        os.replace(handle.name, path)
    except OSError:
        pass


def _from_json(data: dict[str, Any]) -> Structure:
    return Structure(
        prose=[Prose(**item) for item in data["prose"]],
        headings=[Heading(**item) for item in data["headings"]],
        links=[Link(**item) for item in data["links"]],
        admonitions=[Admonition(**item) for item in data["admonitions"]],
        text_words=data["text_words"],
        sentences=list(data["sentences"]),
        ordered_lists=data["ordered_lists"],
    )
