"""The one content model of Materi PENA: configuration, languages, modules, pages, front matter.

Hooks (overrides/hooks/), scripts (scripts/) and tests all read the docs through this module,
so a page is read the same way everywhere. What the configuration decides is read from
mkdocs.yml, never repeated in code: the languages (the i18n plugin), the modules (the nav),
which files are pages (`exclude_docs`), and how Markdown renders (`markdown_extensions`:
`Page.structure` is read from the HTML Python-Markdown makes with them, see structure.py).
"""

from __future__ import annotations

import functools
import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

import pathspec
import yaml
from jsonschema import Draft202012Validator, FormatChecker

from pena.structure import (
    Admonition,
    Heading,
    Link,
    Prose,
    Structure,
    cached_structure,
    make_renderer,
    parse_structure,
    settings_key,
)

if TYPE_CHECKING:
    import markdown

__all__ = ["Admonition", "Heading", "Link", "Prose", "Structure", "parse_structure"]  # re-exported: one import place

#: The checkout this package is installed from (editable, by the Makefile): the default project
#: of scripts and tests. Code that works on another copy passes its paths explicitly.
REPO_ROOT = Path(__file__).resolve().parents[2]
DOCS_DIR = REPO_ROOT / "docs"
MKDOCS_YML = REPO_ROOT / "mkdocs.yml"

# libyaml's C loader when PyYAML has it (about ten times faster); same safe semantics.
YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class YamlSyntaxError(Exception):
    """A data file that is not valid YAML: its line (1-based; None if unknown) and the problem."""

    def __init__(self, line: int | None, problem: str) -> None:
        super().__init__(problem)
        self.line, self.problem = line, problem


def load_yaml_with_nodes(text: str, loader: type = YAML_LOADER) -> tuple[Any, yaml.Node | None]:
    """A data file's values and its node tree (whose marks give each value's line, for messages),
    read by libyaml (or `loader`). Raises YamlSyntaxError with the line of a syntax error."""
    try:
        return yaml.load(text, Loader=loader), yaml.compose(text, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise YamlSyntaxError(mark.line + 1 if mark else None, str(getattr(error, "problem", error))) from None


def node_at(node: yaml.Node, where: Sequence[Any]) -> yaml.Node:
    """The YAML node at a data path (e.g. a JSON Schema error path): the deepest one found."""
    for part in where:
        if isinstance(node, yaml.MappingNode):
            match = next((value for key, value in node.value if key.value == str(part)), None)
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int) and part < len(node.value):
            match = node.value[part]
        else:
            match = None
        if match is None:
            break
        node = match
    return node


def node_line(root: yaml.Node | None, where: Sequence[Any]) -> int | None:
    """1-based line of the value at a data path (the deepest node found); None for an empty file."""
    return None if root is None else node_at(root, where).start_mark.line + 1


class SchemaProblem(NamedTuple):
    """One place where a data file breaks its JSON Schema."""

    where: tuple[Any, ...]  # the data path: keys and list positions
    line: int | None  # 1-based line of the deepest node of `where` found in the file
    message: str  # jsonschema's message


@dataclass(frozen=True)
class DataFile:
    """A docs/_data file: its values, its node tree (for lines) and its schema problems."""

    data: Any
    root: yaml.Node | None
    problems: list[SchemaProblem]


def load_data_file(path: Path, schema_path: Path, *, loader: type = YAML_LOADER,
                   format_checker: FormatChecker | None = None) -> DataFile:
    """Read a YAML data file and check it against the JSON Schema at `schema_path` (Draft 2020-12).

    The one loader of docs/_data files: callers turn `problems` (sorted by data path) into
    findings with their own rule code and hint. Raises YamlSyntaxError (with its line) when the
    file is not YAML; OSError and UnicodeDecodeError when it cannot be read as UTF-8 text."""
    data, root = load_yaml_with_nodes(path.read_text("utf-8"), loader)
    validator = Draft202012Validator(json.loads(schema_path.read_text("utf-8")), format_checker=format_checker)
    problems = [SchemaProblem(tuple(error.path), node_line(root, list(error.path)), error.message)
                for error in sorted(validator.iter_errors(data), key=lambda e: [str(p) for p in e.path])]
    return DataFile(data, root, problems)



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


# --------------------------------------------------------------------------------------------
# Configuration (mkdocs.yml)
# --------------------------------------------------------------------------------------------


ConfigVersion = tuple[Path, int, int]


def _version(mkdocs_yml: Path) -> ConfigVersion:
    """(path, modification time, size): what is derived from mkdocs.yml is cached per version,
    so a long-running process (mkdocs serve, the tests) sees edits."""
    stat = mkdocs_yml.stat()
    return mkdocs_yml.absolute(), stat.st_mtime_ns, stat.st_size


def mkdocs_config(mkdocs_yml: Path = MKDOCS_YML) -> dict[str, Any]:
    """mkdocs.yml as MkDocs reads it (with !ENV), read once per version of the file."""
    return _read_config(_version(mkdocs_yml))


@functools.lru_cache(maxsize=16)
def _read_config(version: ConfigVersion) -> dict[str, Any]:
    from mkdocs.utils.yaml import get_yaml_loader, yaml_load

    # MkDocs' own loader (it understands !ENV and !!python/name), on libyaml's C parser.
    loader = get_yaml_loader(getattr(yaml, "CLoader", yaml.Loader))
    with open(version[0], encoding="utf-8") as handle:
        return yaml_load(handle, loader) or {}


def page_lang(page: Any, default: str) -> str:
    """The language of a page MkDocs is building: static-i18n marks the pages of every language
    but the default one with `locale_alternate_of`; the others are in `default`."""
    return getattr(page.file, "locale_alternate_of", None) or default


def languages(mkdocs_yml: Path = MKDOCS_YML) -> Languages:
    """Languages as configured for mkdocs-static-i18n in mkdocs.yml (one source of truth)."""
    for plugin in mkdocs_config(mkdocs_yml).get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            langs = plugin["i18n"]["languages"]
            default = next(lang["locale"] for lang in langs if lang.get("default"))
            return Languages(default=default, all=tuple(lang["locale"] for lang in langs))
    raise ContentError(mkdocs_yml, None, "no i18n plugin configured", "add plugins: - i18n")


def nav_sections(mkdocs_yml: Path = MKDOCS_YML) -> list[tuple[str, list[str]]]:
    """(title, page paths) of each top-level section of the nav, in order."""
    sections = []
    for item in mkdocs_config(mkdocs_yml).get("nav") or []:
        if isinstance(item, dict):
            for title, children in item.items():
                sections.append((str(title), _pages_in(children)))
    return sections


def nav_sources(mkdocs_yml: Path = MKDOCS_YML) -> list[str]:
    """Every page path listed in the nav of mkdocs.yml, in order."""
    return _pages_in(mkdocs_config(mkdocs_yml).get("nav") or [])


def _pages_in(item: Any) -> list[str]:
    if isinstance(item, str):
        return [item] if item.endswith(".md") else []
    children = item.values() if isinstance(item, dict) else item if isinstance(item, list) else []
    return [page for child in children for page in _pages_in(child)]


def modules(mkdocs_yml: Path = MKDOCS_YML) -> tuple[str, ...]:
    """Module folders in nav order: a top-level nav section whose pages all live in one folder
    and include that folder's index.md (its overview) is a module."""
    return _modules(_version(mkdocs_yml))


@functools.lru_cache(maxsize=16)
def _modules(version: ConfigVersion) -> tuple[str, ...]:
    mkdocs_yml = version[0]
    found = []
    for _, pages in nav_sections(mkdocs_yml):
        folders = {page.split("/", 1)[0] if "/" in page else "" for page in pages}
        if len(folders) == 1 and "" not in folders:
            folder = folders.pop()
            if f"{folder}/index.md" in pages and folder not in found:
                found.append(folder)
    return tuple(found)


def excluded_docs(mkdocs_yml: Path = MKDOCS_YML) -> pathspec.PathSpec:
    """Files of docs/ that MkDocs leaves out: its defaults ('.*', '/templates/') plus the
    `exclude_docs` and `draft_docs` patterns of mkdocs.yml (gitignore syntax, like MkDocs)."""
    config = mkdocs_config(mkdocs_yml)
    lines = [".*", "/templates/"]
    for key in ("exclude_docs", "draft_docs"):
        lines += str(config.get(key) or "").splitlines()
    return pathspec.GitIgnoreSpec.from_lines(lines)


def markdown_renderer(mkdocs_yml: Path = MKDOCS_YML) -> markdown.Markdown:
    """Python-Markdown with the `markdown_extensions` of mkdocs.yml, made once per distinct
    settings (copies of the project with the same extensions share one)."""
    settings = markdown_settings(mkdocs_yml)
    if settings not in _RENDERERS:
        _RENDERERS[settings] = make_renderer(mkdocs_config(mkdocs_yml))
    return _RENDERERS[settings]


_RENDERERS: dict[str, markdown.Markdown] = {}


def markdown_settings(mkdocs_yml: Path = MKDOCS_YML) -> str:
    """The extension settings of mkdocs.yml as stable text (the structure cache keys on it)."""
    return _settings(_version(mkdocs_yml))


@functools.lru_cache(maxsize=8)
def _settings(version: ConfigVersion) -> str:
    return settings_key(_read_config(version))


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
class Page:
    path: Path
    docs_dir: Path
    lang: str
    key: str  # language-independent source path, e.g. "riset-sederhana/index.md"
    meta: dict[str, Any]
    body: str
    body_line: int  # 1-based line of the first body line in the file
    raw: str
    mkdocs_yml: Path | None = None  # the configuration the page belongs to

    @property
    def rel(self) -> str:
        return rel(self.path)

    @property
    def config_file(self) -> Path:
        return self.mkdocs_yml or self.docs_dir.parent / "mkdocs.yml"

    @functools.cached_property
    def module(self) -> str | None:
        """The module folder the page belongs to (see modules()), or None."""
        first = self.key.split("/", 1)[0]
        return first if "/" in self.key and first in modules(self.config_file) else None

    @property
    def type(self) -> str | None:
        return self.meta.get("type")

    @functools.cached_property
    def structure(self) -> Structure:
        """Headings, links, admonitions, lists and sentences as the site renders them."""
        config_file = self.config_file
        return cached_structure(self.body, self.body_line, markdown_settings(config_file),
                                lambda: markdown_renderer(config_file))

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


def load_page(path: Path, docs_dir: Path = DOCS_DIR, langs: Languages | None = None,
              mkdocs_yml: Path | None = None) -> Page:
    try:
        raw = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise ContentError(path, None, "file is not UTF-8 text", "save the file as UTF-8") from None
    return parse_page(raw, path, docs_dir, langs, mkdocs_yml)


def parse_page(raw: str, path: Path, docs_dir: Path = DOCS_DIR, langs: Languages | None = None,
               mkdocs_yml: Path | None = None) -> Page:
    """A page from its text; `path` says where it lives (it need not exist, e.g. a git version)."""
    mkdocs_yml = mkdocs_yml or docs_dir.parent / "mkdocs.yml"
    langs = langs or languages(mkdocs_yml)
    meta, body, body_line = split_front_matter(raw, path)
    key, lang = split_suffix(path.relative_to(docs_dir).as_posix(), langs)
    return Page(path=path, docs_dir=docs_dir, lang=lang or langs.default, key=key,
                meta=meta, body=body, body_line=body_line, raw=raw, mkdocs_yml=mkdocs_yml)


def markdown_files(docs_dir: Path = DOCS_DIR, mkdocs_yml: Path | None = None) -> Iterator[Path]:
    """The Markdown pages MkDocs builds: every .md under docs/ except what `exclude_docs` leaves out."""
    excluded = excluded_docs(mkdocs_yml or docs_dir.parent / "mkdocs.yml")
    for path in sorted(docs_dir.rglob("*.md")):
        if not excluded.match_file(path.relative_to(docs_dir).as_posix()):
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

    @property
    def modules(self) -> tuple[str, ...]:
        """Module folders in nav order (see modules())."""
        return modules(self.root / "mkdocs.yml")


def load_site(docs_dir: Path = DOCS_DIR, mkdocs_yml: Path | None = None) -> Site:
    mkdocs_yml = mkdocs_yml or docs_dir.parent / "mkdocs.yml"
    langs = languages(mkdocs_yml)
    pages: dict[tuple[str, str], Page] = {}
    errors: list[ContentError] = []
    unsuffixed: list[Path] = []
    for path in markdown_files(docs_dir, mkdocs_yml):
        if split_suffix(path.relative_to(docs_dir).as_posix(), langs)[1] is None:
            unsuffixed.append(path)
        try:
            page = load_page(path, docs_dir, langs, mkdocs_yml)
        except ContentError as error:
            errors.append(error)
            continue
        pages[(page.key, page.lang)] = page
    return Site(docs_dir, langs, pages, errors, unsuffixed, mkdocs_yml)


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


def output_path(key: str, lang: str, langs: Languages) -> str:
    """Built HTML file of a page (directory URLs), relative to the site folder."""
    stem = key[: -len(".md")]
    html = f"{stem}.html" if stem == "index" or stem.endswith("/index") else f"{stem}/index.html"
    return html if lang == langs.default else f"{lang}/{html}"


def page_url(key: str, lang: str, langs: Languages) -> str:
    """URL of a page relative to the site root ("" for the home page, "en/buku-kas/" ...)."""
    built = output_path(key, lang, langs)
    return built[: -len("index.html")] if built.endswith("index.html") else built
