"""Translation status in the site itself.

- A stale English page (its Indonesian source changed since the translation was marked) gets a
  notice at its top with a link to the Indonesian original.
- The page holding `<!-- pena:translation-status -->` gets a table of every page: its status
  and links to both versions (template: overrides/partials/translation-status.html). Both use
  scripts/pena/freshness.py, like the translator CLI.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from pena.content import Site, load_site, page_lang, page_url
from pena.freshness import STALE, Status, site_status

MARKER = "<!-- pena:translation-status -->"
_cache: dict[str, tuple[Site, list[Status]]] = {}


def on_pre_build(config: MkDocsConfig) -> None:
    _cache.clear()  # sources may have changed since the last build (mkdocs serve)


def _status(config: MkDocsConfig) -> tuple[Site, list[Status]]:
    if "site" not in _cache:
        site = load_site(Path(config.docs_dir), Path(config.config_file_path))
        _cache["site"] = (site, site_status(site))
    return _cache["site"]


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    site, rows = _status(config)
    ui = config.extra.get("ui", {})
    lang = page_lang(page, site.langs.default)
    key = page.file.src_uri.rsplit(".", 2)[0] + ".md"
    row = next((r for r in rows if r.key == key and r.lang == lang and r.status == STALE), None)
    if row is not None and getattr(page.file, "locale", None) == lang:
        original = get_relative_url(page_url(key, site.langs.default, site.langs), page.url)
        markdown = (f'!!! warning "{ui["stale_title"]}"\n\n    {ui["stale_body"]} '
                    f'<a href="{original}" hreflang="{site.langs.default}">{ui["stale_link"]}</a>\n\n'
                    + markdown)
    if MARKER in markdown:
        markdown = markdown.replace(MARKER, status_table(site, rows, page, config))
    return markdown


def status_table(site: Site, rows: list[Status], page: Page, config: MkDocsConfig) -> str:
    """The table of every translation (template: overrides/partials/translation-status.html)."""
    shown_lang = page_lang(page, site.langs.default)
    shown = []
    for row in rows:
        page_shown = row.translation if row.translation and shown_lang == row.lang else row.source
        translated = get_relative_url(page_url(row.key, row.lang, site.langs), page.url)
        shown.append({
            "title": str(page_shown.meta.get("title", row.key)),
            "original": get_relative_url(page_url(row.key, site.langs.default, site.langs), page.url),
            "translated": translated if row.translation else "",
            "lang": row.lang,
            "status": row.status,
            "changed": row.changed_sections,
        })
    template = config.theme.get_env().get_template("partials/translation-status.html")
    return template.render(rows=shown, labels=config.extra["ui"]["status"], default_lang=site.langs.default)
