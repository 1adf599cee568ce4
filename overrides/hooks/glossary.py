"""Glossary pages and abbreviation tooltips, both generated from docs/_data/glossary.yml.

- A page holding the marker `<!-- pena:glossary -->` gets the termbase rendered there, sorted
  in the page's language (the marker pattern of Material's own docs hooks).
- Every page gets the abbreviations of its language appended (`*[KPM]: ...`), so the abbr
  extension shows the expansion on hover or tap everywhere.
"""

from __future__ import annotations

import logging
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from pena.glossary import GlossaryError, abbreviations, glossary_markdown, load_terms

log = logging.getLogger("mkdocs.hooks.glossary")
MARKER = "<!-- pena:glossary -->"
_reported: set[str] = set()  # hooks run once per page: report a data error once


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    try:
        terms = load_terms(Path(config.docs_dir))
    except GlossaryError as error:
        for item in error.findings:
            if str(item) not in _reported:
                _reported.add(str(item))
                log.warning(str(item))
        return markdown
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    if MARKER in markdown:
        labels = config.extra.get("ui", {}).get("glossary", {})
        # The glossary page spells every term out already: no tooltips there, which also keeps
        # this longest page inside the 12 KB budget.
        return markdown.replace(MARKER, glossary_markdown(terms, lang, labels))
    return f"{markdown}\n\n{abbreviations(terms, lang)}\n"
