"""Glossary pages, the translator guide's term tables and abbreviation tooltips, all generated
from docs/_data/glossary.yml.

- A page holding the marker `<!-- pena:glossary -->` gets the termbase rendered there, sorted
  in the page's language (the marker pattern of Material's own docs hooks); with a letter range
  (`<!-- pena:glossary A-K -->`) only the terms from A to K, so the list can be split over
  pages that each stay within the later-page weight budget.
- A page holding `<!-- pena:kept-terms -->` (the translator guide) gets the table of terms that
  need a gloss and the table of rival terms, so the guide never lists terms by hand.
- Every other page gets the abbreviations of its language appended (`*[KPM]: ...`), so the abbr
  extension shows the expansion on hover or tap.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from pena.content import languages
from pena.glossary import (
    GlossaryError,
    abbreviations,
    glossary_markdown,
    in_range,
    kept_terms_markdown,
    load_termbase,
)

log = logging.getLogger("mkdocs.hooks.glossary")
# "<!-- pena:glossary -->" or "<!-- pena:glossary A-K -->": the terms whose first letter in the
# page's language falls in the range (digits count as before A).
MARKER = re.compile(r"<!-- pena:glossary(?: ([A-Z])-([A-Z]))? -->")
KEPT_MARKER = "<!-- pena:kept-terms -->"
_reported: set[str] = set()  # hooks run once per page: report a data error once


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    docs_dir = Path(config.docs_dir)
    langs = languages(Path(config.config_file_path))
    try:
        termbase = load_termbase(docs_dir, langs)
    except GlossaryError as error:
        for item in error.findings:
            if str(item) not in _reported:
                _reported.add(str(item))
                log.warning(str(item))
        return markdown
    lang = getattr(page.file, "locale", None) or config.theme["language"]
    ui = config.extra.get("ui", {})
    marker = MARKER.search(markdown)
    if marker:
        first, last = marker.group(1) or "A", marker.group(2) or "Z"
        terms = tuple(t for t in termbase.terms if in_range(t.term(lang), first, last))
        # The glossary pages spell every term out already: no tooltips there, which also keeps
        # these longest pages light.
        return MARKER.sub(lambda _: glossary_markdown(terms, lang, ui.get("glossary", {}), langs.all), markdown)
    if KEPT_MARKER in markdown:
        markdown = markdown.replace(KEPT_MARKER, kept_terms_markdown(termbase, lang, ui.get("terms", {})))
    return f"{markdown}\n\n{abbreviations(termbase.terms, lang)}\n"
