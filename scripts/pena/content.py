"""The one content model of Materi PENA: pages, languages and front matter.

Hooks (overrides/hooks/), scripts (scripts/) and tests all read the docs through this module,
so a page is parsed the same way everywhere. Markdown structure (headings, links, images,
admonitions) is read with markdown-it-py, a real CommonMark parser with line maps, rather
than with ad-hoc regular expressions.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.admon import admon_plugin

#: The checkout this package is installed from (editable, by the Makefile): the default project
#: of scripts and tests. Code that works on another copy passes its paths explicitly.
REPO_ROOT = Path(__file__).resolve().parents[2]
DOCS_DIR = REPO_ROOT / "docs"
MKDOCS_YML = REPO_ROOT / "mkdocs.yml"

#: Module folders, in the order of the workshop.
MODULES: tuple[str, ...] = (
    "riset-sederhana",
    "literasi-keuangan",
    "digital-marketing",
    "fotografi-videografi",
)

# libyaml's C loader when PyYAML has it (about ten times faster); same safe semantics.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# Trailing attribute list of a heading, e.g. "Tujuan belajar { #tujuan }".
_HEADING_ATTRS = re.compile(r"\s*\{\s*([^}]*)\}\s*$")
_ID_IN_ATTRS = re.compile(r"#([A-Za-z0-9_-]+)")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+")


class ContentError(Exception):
    """A problem in a source file, reported as 'path:line: message (hint)'."""

    def __init__(self, path: Path, line: int | None, message: str, hint: str = "") -> None:
        super().__init__(message)
        self.path = path
        self.line = line
        self.message = message
        self.hint = hint

    def __str__(self) -> str:
        where = rel(self.path) + (f":{self.line}" if self.line else "")
        return f"{where}: {self.message}" + (f" (hint: {self.hint})" if self.hint else "")


def project_root(path: Path) -> Path | None:
    """The nearest folder at or above `path` that holds a mkdocs.yml (a checkout or a copy)."""
    return _project_root(path.resolve() if path.is_dir() else path.resolve().parent)


@functools.lru_cache(maxsize=256)
def _project_root(folder: Path) -> Path | None:
    if (folder / "mkdocs.yml").is_file():
        return folder
    return None if folder.parent == folder else _project_root(folder.parent)


def rel(path: Path) -> str:
    """Path relative to its project (the folder holding mkdocs.yml) for messages, so a copy of
    the repository reports 'docs/x.id.md' like the checkout does; else the path as given."""
    root = project_root(path)
    if root is None:
        return path.as_posix()
    return path.resolve().relative_to(root).as_posix()


# --------------------------------------------------------------------------------------------
# Languages
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Languages:
    default: str
    all: tuple[str, ...]

    @property
    def translations(self) -> tuple[str, ...]:
        return tuple(lang for lang in self.all if lang != self.default)


@functools.lru_cache(maxsize=8)
def languages(mkdocs_yml: Path = MKDOCS_YML) -> Languages:
    """Languages as configured for mkdocs-static-i18n in mkdocs.yml (one source of truth)."""
    from mkdocs.utils.yaml import yaml_load  # understands !ENV like MkDocs itself

    with open(mkdocs_yml, encoding="utf-8") as handle:
        config = yaml_load(handle)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = plugin["i18n"]["languages"]
            default = next(lang["locale"] for lang in langs if lang.get("default"))
            return Languages(default=default, all=tuple(lang["locale"] for lang in langs))
    raise ContentError(mkdocs_yml, None, "no i18n plugin configured", "add plugins: - i18n")


def split_suffix(rel_path: str, langs: Languages) -> tuple[str, str | None]:
    """'a/b.en.md' -> ('a/b.md', 'en'); an unsuffixed file -> (path, None)."""
    parts = rel_path.rsplit(".", 2)
    if len(parts) == 3 and parts[1] in langs.all:
        return f"{parts[0]}.{parts[2]}", parts[1]
    return rel_path, None


# --------------------------------------------------------------------------------------------
# Pages
# --------------------------------------------------------------------------------------------


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
    images dropped, code spans blanked out (same length, so offsets stay true), soft line breaks
    kept as newlines so that every offset maps back to its source line.

    kind: "heading", "title" (an admonition's title), "text" (paragraph, list item) or
    "table-row" (the cells of one row joined with " | "). box: the title of the innermost
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
            if re.search(r"\w", sentence):
                found.append((self.line_at(start + len(sentence) - len(sentence.lstrip())), sentence.strip()))
            start = match.end() if match else end
        return found


@dataclass
class Structure:
    headings: list[Heading] = field(default_factory=list)
    links: list[Link] = field(default_factory=list)
    admonitions: list[Admonition] = field(default_factory=list)
    text_words: int = 0
    sentences: list[str] = field(default_factory=list)  # body text outside headings
    ordered_lists: int = 0
    prose: list[Prose] = field(default_factory=list)  # every block of running text, in order


@dataclass
class Page:
    path: Path
    docs_dir: Path
    lang: str
    key: str  # language-independent source path, e.g. "riset-sederhana/index.md"
    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the first body line in the file
    raw: str

    @property
    def rel(self) -> str:
        return rel(self.path)

    @property
    def module(self) -> str | None:
        first = self.key.split("/", 1)[0]
        return first if first in MODULES and "/" in self.key else None

    @property
    def type(self) -> str | None:
        return self.meta.get("type")

    @functools.cached_property
    def structure(self) -> Structure:
        return parse_structure(self.body, self.body_line)

    def file_line(self, body_line_index: int) -> int:
        return self.body_line + body_line_index


def split_front_matter(text: str, path: Path) -> tuple[dict[str, Any], str, int]:
    """Return (front matter, body, 1-based line where the body starts)."""
    if not text.startswith("---"):
        return {}, text, 1
    lines = text.split("\n")
    for index in range(1, len(lines)):
        if lines[index].rstrip() in ("---", "..."):
            block = "\n".join(lines[1:index])
            try:
                meta = yaml.load(block, Loader=YAML_LOADER) or {}
            except yaml.YAMLError as error:
                mark = getattr(error, "problem_mark", None)
                line = mark.line + 2 if mark is not None else 1
                problem = getattr(error, "problem", None) or str(error).split("\n")[0]
                raise ContentError(
                    path, line, f"front matter is not valid YAML: {problem}",
                    "check quotes and indentation; quote values that contain ': '",
                ) from None
            if not isinstance(meta, dict):
                raise ContentError(path, 2, "front matter must be a YAML mapping",
                                   "write 'key: value' lines between the two '---' lines")
            return meta, "\n".join(lines[index + 1:]), index + 2
    raise ContentError(path, 1, "front matter is not closed",
                       "end the front matter with a line containing only '---'")


def load_page(path: Path, docs_dir: Path = DOCS_DIR, langs: Languages | None = None) -> Page:
    langs = langs or languages()
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError(path, None, "file is not UTF-8 text", "save the file as UTF-8") from None
    return parse_page(raw, path, docs_dir, langs)


def parse_page(raw: str, path: Path, docs_dir: Path = DOCS_DIR, langs: Languages | None = None) -> Page:
    """A page from its text; `path` says where it lives (it need not exist, e.g. a git version)."""
    langs = langs or languages()
    meta, body, body_line = split_front_matter(raw, path)
    key, lang = split_suffix(path.relative_to(docs_dir).as_posix(), langs)
    return Page(path=path, docs_dir=docs_dir, lang=lang or langs.default, key=key,
                meta=meta, body=body, body_line=body_line, raw=raw)


def markdown_files(docs_dir: Path = DOCS_DIR) -> Iterator[Path]:
    """Markdown sources, skipping the excluded data folder."""
    for path in sorted(docs_dir.rglob("*.md")):
        if "_data" not in path.relative_to(docs_dir).parts:
            yield path


@dataclass
class Site:
    """Every page of the docs, by key and language, plus the errors met while loading."""

    docs_dir: Path
    langs: Languages
    pages: dict[tuple[str, str], Page]
    errors: list[ContentError]
    unsuffixed: list[Path]
    mkdocs_yml: Path | None = None  # the configuration the pages were read with
    #: Derived data computed once per loaded site (e.g. the scan of a built site).
    cache: dict[object, object] = field(default_factory=dict, repr=False, compare=False)

    @property
    def root(self) -> Path:
        """The project folder (the one holding mkdocs.yml)."""
        return self.mkdocs_yml.parent if self.mkdocs_yml else self.docs_dir.parent

    def get(self, key: str, lang: str) -> Page | None:
        return self.pages.get((key, lang))

    def keys(self) -> list[str]:
        return sorted({key for key, _ in self.pages})

    def in_lang(self, lang: str) -> list[Page]:
        return [page for (key, page_lang), page in sorted(self.pages.items()) if page_lang == lang]


def load_site(docs_dir: Path = DOCS_DIR, mkdocs_yml: Path | None = None) -> Site:
    mkdocs_yml = mkdocs_yml or docs_dir.parent / "mkdocs.yml"
    langs = languages(mkdocs_yml)
    pages: dict[tuple[str, str], Page] = {}
    errors: list[ContentError] = []
    unsuffixed: list[Path] = []
    for path in markdown_files(docs_dir):
        if split_suffix(path.relative_to(docs_dir).as_posix(), langs)[1] is None:
            unsuffixed.append(path)
        try:
            page = load_page(path, docs_dir, langs)
        except ContentError as error:
            errors.append(error)
            continue
        pages[(page.key, page.lang)] = page
    return Site(docs_dir, langs, pages, errors, unsuffixed, mkdocs_yml)


# --------------------------------------------------------------------------------------------
# Markdown structure
# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=1)
def _parser() -> MarkdownIt:
    return MarkdownIt("commonmark").enable("table").use(admon_plugin)


def split_heading(raw: str) -> tuple[str, str | None]:
    """'Judul { #id }' -> ('Judul', 'id')."""
    match = _HEADING_ATTRS.search(raw)
    if not match:
        return raw.strip(), None
    found = _ID_IN_ATTRS.search(match.group(1))
    return raw[: match.start()].strip(), found.group(1) if found else None


def _inline_text(token: Token) -> str:
    """What a reader sees of an inline token (see Prose)."""
    parts = []
    for child in token.children or []:
        if child.type == "text":
            parts.append(child.content)
        elif child.type == "code_inline":
            parts.append(" " * (len(child.content) + 2 * len(child.markup)))
        elif child.type in ("softbreak", "hardbreak"):
            parts.append("\n")
    return "".join(parts)


def _collect_prose(tokens: list[Token], body_line: int) -> list[Prose]:
    prose: list[Prose] = []
    boxes: list[str] = []
    row: list[str] | None = None
    row_line = 0
    for index, token in enumerate(tokens):
        line = body_line + (token.map[0] if token.map else 0)
        if token.type == "admonition_open":
            boxes.append("")  # the title follows as an inline token
        elif token.type == "admonition_close" and boxes:
            boxes.pop()
        elif token.type == "tr_open":
            row, row_line = [], line
        elif token.type == "tr_close" and row is not None:
            prose.append(Prose("table-row", row_line, " | ".join(row), boxes[-1] if boxes else ""))
            row = None
        elif token.type == "inline":
            text = _inline_text(token)
            previous = tokens[index - 1].type if index else ""
            if row is not None:
                row.append(text)
                continue
            if previous == "heading_open":
                prose.append(Prose("heading", line, split_heading(text)[0], boxes[-1] if boxes else ""))
            elif previous == "admonition_title_open":
                if boxes:
                    boxes[-1] = text
                prose.append(Prose("title", line, text, text))
            else:
                prose.append(Prose("text", line, text, boxes[-1] if boxes else ""))
    return prose


def parse_structure(body: str, body_line: int = 1) -> Structure:
    result = Structure()
    tokens = _parser().parse(body)
    result.prose = _collect_prose(tokens, body_line)
    words = 0
    for index, token in enumerate(tokens):
        line = body_line + (token.map[0] if token.map else 0)
        if token.type == "heading_open":
            text, anchor = split_heading(tokens[index + 1].content)
            result.headings.append(Heading(int(token.tag[1]), text, anchor, line))
        elif token.type == "admonition_open":
            end = body_line + (token.map[1] if token.map else 0)
            title = token.info.partition(" ")[2].strip().strip('"')
            result.admonitions.append(Admonition(token.meta.get("tag", token.info.split(" ")[0]), title,
                                                 token.markup.startswith("?"), line, end))
        elif token.type == "ordered_list_open":
            result.ordered_lists += 1
        elif token.type == "inline":
            content = token.content
            in_heading = index > 0 and tokens[index - 1].type == "heading_open"
            if in_heading:
                content = split_heading(content)[0]
            else:
                text = "".join(c.content for c in token.children or [] if c.type in ("text", "code_inline"))
                result.sentences += [s for s in _SENTENCE_END.split(text) if re.search(r"\w", s)]
            words += len(re.findall(r"\w+", re.sub(r"\]\([^)]*\)", "]", content)))
            _collect_links(token, line, result.links)
    result.text_words = words
    return result


def _collect_links(token: Token, line: int, links: list[Link]) -> None:
    children = token.children or []
    for position, child in enumerate(children):
        if child.type == "image":
            links.append(Link(str(child.attrs.get("src", "")), child.content, line, is_image=True))
        elif child.type == "link_open":
            text_parts: list[str] = []
            for follower in children[position + 1:]:
                if follower.type == "link_close":
                    break
                text_parts.append(follower.content)
            links.append(Link(str(child.attrs.get("href", "")), "".join(text_parts).strip(), line))


def is_external(target: str) -> bool:
    return bool(re.match(r"^[a-z][a-z0-9+.-]*:", target, re.I)) or target.startswith("//")


def section_texts(page: Page) -> dict[str, str]:
    """Body text split by H2 id: '_top' for the text before the first H2."""
    sections: dict[str, list[str]] = {"_top": []}
    current = "_top"
    lines = page.body.split("\n")
    h2_lines = {h.line - page.body_line: (h.id or h.text) for h in page.structure.headings if h.level == 2}
    for index, line in enumerate(lines):
        if index in h2_lines:
            current = h2_lines[index]
            sections.setdefault(current, [])
        sections[current].append(line)
    return {key: "\n".join(value) for key, value in sections.items()}


def normalise(text: str) -> str:
    """Whitespace-insensitive form of a text, so reflowing a paragraph is not a change."""
    return " ".join(text.split())


def dump_front_matter(meta: dict[str, Any], body: str) -> str:
    block = yaml.safe_dump(meta, sort_keys=False, allow_unicode=True, width=100)
    return f"---\n{block}---\n{body}"


def nav_sources(mkdocs_yml: Path = MKDOCS_YML) -> list[str]:
    """Every page path listed in the nav of mkdocs.yml, in order."""
    from mkdocs.utils.yaml import yaml_load

    with open(mkdocs_yml, encoding="utf-8") as handle:
        nav = yaml_load(handle).get("nav") or []
    found: list[str] = []

    def walk(item: Any) -> None:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, list):
            for child in item:
                walk(child)
        elif isinstance(item, dict):
            for child in item.values():
                walk(child)

    walk(nav)
    return [entry for entry in found if entry.endswith(".md")]


def output_path(key: str, lang: str, langs: Languages) -> str:
    """Built HTML file of a page (directory URLs), relative to the site folder."""
    stem = key[: -len(".md")]
    html = f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"
    return html if lang == langs.default else f"{lang}/{html}"


def page_url(key: str, lang: str, langs: Languages) -> str:
    """URL of a page relative to the site root ("" for the home page, "en/buku-kas/" ...)."""
    built = output_path(key, lang, langs)
    return built[: -len("index.html")] if built.endswith("index.html") else built
