"""What is new / Apa yang baru: the page holding `<!-- pena:whats-new -->` gets the changes of
docs/_data/whats-new.yml, newest first, in its language (the marker pattern of Material's own
docs hooks). A data error (schema, a missing page or anchor, a missing language) is logged
as a warning with file and line, so the strict build fails; scripts/check.py reports the same
problems as WN001.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from pena.content import load_site, page_lang, split_suffix
from pena.data import DataError
from pena.whatsnew import MARKER, changes_markdown, load_changes

log = logging.getLogger("mkdocs.hooks.whats_new")


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    site = load_site(Path(config.docs_dir), Path(config.config_file_path))
    try:
        changes = load_changes(site)
    except DataError as error:
        for item in error.findings:
            log.warning(str(item))
        return markdown.replace(MARKER, "")
    lang = page_lang(page, site.langs.default)
    key, _ = split_suffix(page.file.src_uri, site.langs)
    labels = config.extra.get("ui", {}).get("whats_new", {})
    return markdown.replace(MARKER, changes_markdown(changes, site, lang, key, labels))
