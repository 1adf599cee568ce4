#!/usr/bin/env python3
"""Translator workflow: which English pages are missing or behind, what changed, mark done.

    python scripts/translations.py status [--json]
    python scripts/translations.py diff docs/<path>.en.md
    python scripts/translations.py mark docs/<path>.en.md [docs/<other>.en.md ...]
"""

from __future__ import annotations

import argparse
import difflib
import json
import subprocess
import sys
from itertools import groupby
from pathlib import Path

from pena.cli import run
from pena.content import (
    ContentError,
    Page,
    languages,
    load_page,
    load_site,
    parse_page,
    rel,
    split_suffix,
)
from pena.freshness import MISSING, OK, mark, page_status, site_status, source_hash

# The checkout (or copy) this script belongs to: its pages are the ones read and marked.
ROOT = Path(__file__).resolve().parents[1]
DOCS_DIR = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"


class UsageError(Exception):
    """Bad input from the user: printed as one line, exit code 2."""


# --------------------------------------------------------------------------------------------
# Input
# --------------------------------------------------------------------------------------------


def translation_and_source(argument: str) -> tuple[Page, Page]:
    path = Path(argument)
    if not path.is_absolute():
        path = (Path.cwd() / path).resolve()
    if not path.is_file():
        raise UsageError(f"{argument}: no such file (give a path like docs/riset-sederhana/index.en.md)")
    try:
        rel_to_docs = path.relative_to(DOCS_DIR).as_posix()
    except ValueError:
        raise UsageError(f"{argument}: not a page under {rel(DOCS_DIR)}/") from None
    langs = languages(MKDOCS_YML)
    key, lang = split_suffix(rel_to_docs, langs)
    if lang is None or not rel_to_docs.endswith(".md"):
        raise UsageError(f"{argument}: not a language-suffixed page (name.<lang>.md)")
    if lang == langs.default:
        others = ", ".join(f"{key[:-3]}.{t}.md" for t in langs.translations)
        raise UsageError(f"{argument}: this is the {lang} original; give its translation ({others})")
    source_path = DOCS_DIR / f"{key[:-3]}.{langs.default}.md"
    if not source_path.is_file():
        raise UsageError(f"{argument}: its source {rel(source_path)} does not exist")
    return load_page(path, DOCS_DIR, langs), load_page(source_path, DOCS_DIR, langs)


# --------------------------------------------------------------------------------------------
# Commands
# --------------------------------------------------------------------------------------------


def command_status(as_json: bool) -> int:
    site = load_site(DOCS_DIR, MKDOCS_YML)
    for error in site.errors:
        print(error, file=sys.stderr)
    rows = site_status(site)
    if as_json:
        print(json.dumps([row.as_dict() for row in rows], ensure_ascii=False, indent=1))
        return 0

    def group(row) -> str:  # type: ignore[no-untyped-def]
        return row.key.split("/", 1)[0] if "/" in row.key else "(umum / general)"

    for name, members in groupby(sorted(rows, key=lambda r: (group(r), r.key)), key=group):
        print(f"\n{name}")
        for row in members:
            print(f"  {row.line()}")
    counts = {status: sum(1 for r in rows if r.status == status) for status in (OK, "stale", MISSING)}
    print(f"\n{counts[OK]} ok, {counts['stale']} stale, {counts[MISSING]} missing")
    return 0


def _git(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True)


def recorded_source_text(translation: Page, source: Page) -> tuple[str | None, str]:
    """The Indonesian text the translation was made from, searched in git history."""
    wanted = (translation.meta.get("translation") or {}).get("source_hash")
    if not wanted:
        return None, "the translation has never been marked: no recorded source version"
    if _git("rev-parse", "--is-inside-work-tree").returncode != 0:
        return None, "this is not a git checkout, so old versions cannot be shown"
    source_rel = source.path.relative_to(ROOT).as_posix()
    log = _git("log", "--format=%H", "--", source_rel)
    for commit in log.stdout.split():
        shown = _git("show", f"{commit}:{source_rel}")
        if shown.returncode != 0:
            continue
        try:
            old = parse_page(shown.stdout, source.path, source.docs_dir, languages(MKDOCS_YML))
        except ContentError:
            continue
        if source_hash(old) == wanted:
            return shown.stdout, f"commit {commit[:10]}"
    return None, "the recorded source version is not in the git history (was it committed?)"


def command_diff(argument: str) -> int:
    translation, source = translation_and_source(argument)
    status = page_status(source, translation, translation.lang)
    if status.status == OK:
        print(f"{translation.rel} is up to date with {source.rel}")
        return 0
    old_text, where = recorded_source_text(translation, source)
    if old_text is None:
        sections = ", ".join(status.changed_sections) or "unknown"
        print(f"{translation.rel}: cannot show the diff: {where}. Changed sections: {sections}.")
        return 1
    diff = difflib.unified_diff(old_text.splitlines(keepends=True), source.raw.splitlines(keepends=True),
                                fromfile=f"{source.rel} ({where})", tofile=f"{source.rel} (now)")
    sys.stdout.writelines(diff)
    print(f"\nchanged sections: {', '.join(status.changed_sections)}")
    return 0


def command_mark(arguments: list[str]) -> int:
    for argument in arguments:
        translation, source = translation_and_source(argument)
        mark(translation, source)
        print(f"marked {translation.rel} as up to date with {source.rel}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Translation status, diff and mark.")
    sub = parser.add_subparsers(dest="command", required=True)
    status = sub.add_parser("status", help="table of ok, stale and missing translations")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    diff = sub.add_parser("diff", help="what changed in the source since the translation was made")
    diff.add_argument("page", help="docs/<path>.en.md")
    mark = sub.add_parser("mark", help="record that a translation matches its source now")
    mark.add_argument("pages", nargs="+", help="docs/<path>.en.md")
    args = parser.parse_args(argv)
    if args.command == "status":
        return command_status(args.json)
    if args.command == "diff":
        return command_diff(args.page)
    return command_mark(args.pages)


if __name__ == "__main__":
    run(main, {UsageError: 2, ContentError: 2})
