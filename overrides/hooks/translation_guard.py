"""Fail the strict build when an English page is missing or a file shadows its suffixed twin.

mkdocs-static-i18n silently builds a missing translation from the Indonesian text
(fallback_to_default). That is useful for previews, so ALLOW_MISSING_TRANSLATIONS=true keeps
it and adds a visible "not yet translated" notice; otherwise the build logs a WARNING, which
`mkdocs build --strict` turns into a failure naming the Indonesian source file.
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


def missing_allowed() -> bool:
    return os.environ.get("ALLOW_MISSING_TRANSLATIONS", "").lower() in ("1", "true", "yes")


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
    if not missing_allowed():
        log.warning(
            f"Doc file '{page.file.src_uri}' has no '{built_for}' translation: create "
            f"'docs/{expected}' (or preview with ALLOW_MISSING_TRANSLATIONS=true)."
        )
    ui = config.extra.get("ui", {})
    title, body = ui.get("untranslated_title", "Not yet translated"), ui.get("untranslated_body", "")
    return f'!!! warning "{title}"\n\n    {body}\n\n' + markdown
