"""Missing translations are visible, and a release needs them all; a file shadowing its
suffixed twin fails the strict build.

mkdocs-static-i18n silently builds a missing translation from the Indonesian text
(fallback_to_default). Here such a page gets a visible "not yet translated" notice and the
build logs it (INFO): a missing English page is a warning in everyday work (`make check` says
TR001), not a failure. A release build sets REQUIRE_TRANSLATIONS=true (scripts/release.py
does): then the log line is a WARNING, which `mkdocs build --strict` turns into a failure
naming the Indonesian source file.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from pena.content import languages, split_suffix

log = logging.getLogger("mkdocs.hooks.translation_guard")


def translations_required() -> bool:
    return os.environ.get("REQUIRE_TRANSLATIONS", "").lower() in ("1", "true", "yes")


def on_files(files: Files, config: MkDocsConfig) -> Files:
    """An unsuffixed 'x.md' beside 'x.id.md' silently replaces it: report it."""
    langs = languages(Path(config.config_file_path))
    sources = {file.src_uri for file in files}
    for src in sorted(sources):
        if not src.endswith(".md") or split_suffix(src, langs)[1] is not None:
            continue
        stem = src[: -len(".md")]
        twins = [f"{stem}.{lang}.md" for lang in langs.all if f"{stem}.{lang}.md" in sources]
        if twins:
            log.warning(
                f"Doc file '{src}' shadows '{twins[0]}': static-i18n uses the unsuffixed file "
                f"for every language. Delete '{src}' or merge it into the suffixed files."
            )
    return files


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    built_for = getattr(page.file, "locale_alternate_of", None)
    source_locale = getattr(page.file, "locale", None)
    if built_for is None or source_locale is None or built_for == source_locale:
        return markdown
    # This page is built for `built_for` from a file in another language: a missing translation.
    expected = page.file.src_uri.replace(f".{source_locale}.md", f".{built_for}.md")
    message = (f"Doc file '{page.file.src_uri}' has no '{built_for}' translation: create 'docs/{expected}' "
               "(the page shows the original with a 'not yet translated' notice until then).")
    log.log(logging.WARNING if translations_required() else logging.INFO, message)
    ui = config.extra.get("ui", {})
    title, body = ui.get("untranslated_title", "Not yet translated"), ui.get("untranslated_body", "")
    return f'!!! warning "{title}"\n\n    {body}\n\n' + markdown
