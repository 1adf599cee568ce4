"""What is new / Apa yang baru: the changes that matter to readers, kept as data.

docs/_data/whats-new.yml holds one entry per change (a new lesson, a corrected fact, a
changed rule), written with the change itself, not generated from commit messages:

    - date: 2026-11-30
      kind: corrected                 # new | corrected | changed
      pages: [literasi-keuangan/pinjaman-dan-penipuan.md#bunga]   # optional, anchors allowed
      text:
        id: Batas bunga pinjaman daring diperbarui ...
        en: The cap on online loan interest was updated ...

The schema (whats-new.schema.json) checks the shape; this module checks what a schema cannot:
every language has its text, every linked page exists and its anchors in every language, and no
date lies in the future. overrides/hooks/whats_new.py renders the list (newest first) where a
page holds the marker; scripts/check.py reports the same problems as rule WN001.
"""

from __future__ import annotations

import datetime
import posixpath
from dataclasses import dataclass
from pathlib import Path

from pena.content import Site
from pena.data import DataError, load_entries
from pena.findings import ERROR, Finding, finding
from pena.revision import format_date, today
from pena.rules import SITE, rule

DATA = "_data/whats-new.yml"
SCHEMA = "_data/whats-new.schema.json"
CODE = "WN001"
MARKER = "<!-- pena:whats-new -->"


@dataclass(frozen=True)
class Change:
    date: datetime.date
    kind: str
    pages: tuple[str, ...]  # page keys, each with an optional '#anchor'
    text: dict[str, str]
    line: int


def _problem(path: Path, line: int, message: str, hint: str) -> Finding:
    return finding(path, line, CODE, message, hint)


def load_changes(site: Site) -> list[Change]:
    """Every change, newest first (entries of one day keep their order in the file)."""
    path = site.docs_dir / DATA
    entries = load_entries(path, site.docs_dir / SCHEMA, CODE,
                           describe=lambda entry: str(entry.get("date", "")))
    problems: list[Finding] = []
    changes = []
    for item, line in zip(entries.items, entries.lines, strict=True):
        date = datetime.date.fromisoformat(item["date"])
        if date > today():
            problems.append(_problem(path, line, f"date {item['date']} is in the future",
                                     "write the day the change was published (YYYY-MM-DD)"))
        for lang in site.langs.all:
            if not item["text"].get(lang, "").strip():
                problems.append(_problem(path, line, f"entry of {item['date']} has no '{lang}' text",
                                         f"add text: {{{lang}: ...}}; every language shows every change"))
        for target in item.get("pages", []):
            problems += _check_target(site, path, line, target)
        changes.append(Change(date, item["kind"], tuple(item.get("pages", [])), item["text"], line))
    if problems:
        raise DataError(problems)
    # Stable sort: same-day entries stay in file order.
    return sorted(changes, key=lambda change: change.date, reverse=True)


def _check_target(site: Site, path: Path, line: int, target: str) -> list[Finding]:
    """The page must exist (a missing translation is TR001's business, and previews show the
    original instead); the anchor must exist in every language version there is."""
    key, _, anchor = target.partition("#")
    versions = [page for lang in site.langs.all if (page := site.get(key, lang)) is not None]
    if site.get(key, site.langs.default) is None:
        return [_problem(path, line, f"page '{key}' does not exist",
                         "use the page's path under docs/ without the language suffix, "
                         "e.g. literasi-keuangan/buku-kas.md")]
    return [_problem(path, line, f"page '{key}' ({page.lang}) has no section '#{anchor}'",
                     f"use one of the {{ #id }} anchors of {page.rel}")
            for page in versions if anchor and anchor not in {h.id for h in page.structure.headings if h.id}]


@rule(CODE, ERROR, "the what-is-new data (docs/_data/whats-new.yml) is invalid: YAML, schema, a page or section "
      "that does not exist, a language without text, a date in the future", scope=SITE)
def check_whats_new(site: Site) -> list[Finding]:
    """Findings for scripts/check.py; none when the data is sound."""
    try:
        load_changes(site)
    except DataError as error:
        return error.findings
    return []


def changes_markdown(changes: list[Change], site: Site, lang: str, page_key: str,
                     labels: dict[str, object]) -> str:
    """The list for one language: one H3 per day (its ISO date is the anchor, so a reader can
    link to 'everything since'), one bullet per change with links to the pages it affects."""
    kinds = labels["kinds"]
    assert isinstance(kinds, dict)
    lines: list[str] = []
    day: datetime.date | None = None
    for change in changes:
        if change.date != day:
            day = change.date
            if lines:
                lines.append("")
            lines += [f"### {format_date(day, lang)} {{ #{day.isoformat()} }}", ""]
        links = []
        for target in change.pages:
            key, _, anchor = target.partition("#")
            page = site.get(key, lang) or site.get(key, site.langs.default)  # a preview's fallback
            assert page is not None  # load_changes checked it
            href = posixpath.relpath(key, posixpath.dirname(page_key) or ".") + (f"#{anchor}" if anchor else "")
            links.append(f"[{page.meta['title']}]({href})")
        pages = f" {labels['pages']}: {', '.join(links)}." if links else ""
        lines.append(f"- **{kinds[change.kind]}:** {change.text[lang].strip()}{pages}")
    return "\n".join(lines) + "\n"
