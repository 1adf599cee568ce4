"""Sharing with KPM: share bar data, a QR code per page, and the handout collection page.

- `site_url` must be an absolute http(s) URL: share links and QR codes are built from it, so a
  missing or malformed value stops the build with a message instead of printing codes that
  point nowhere.
- Every page gets `pena_share` in its template context (absolute URL, WhatsApp link, inline
  SVG QR code made by segno at build time); overrides/partials/share.html renders it.
- A page holding `<!-- pena:handouts -->` lists every handout (type `handout`) with its
  share link and QR code (template: overrides/partials/handouts.html).
"""

from __future__ import annotations

from pathlib import Path
from urllib.parse import quote, urljoin, urlsplit

import segno
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from pena.content import load_site, page_lang, page_url

MARKER = "<!-- pena:handouts -->"


def check_site_url(value: str | None) -> str:
    if not value:
        raise PluginError("site_url is missing: set SITE_URL to the address the site is published at, "
                          "e.g. SITE_URL=https://example.org/materi-pena/ (share links and QR codes need it)")
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.netloc or " " in value:
        raise PluginError(f"site_url '{value}' is not an absolute http(s) URL: set SITE_URL like "
                          "https://example.org/materi-pena/ (share links and QR codes need it)")
    return value if value.endswith("/") else value + "/"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    config.site_url = check_site_url(config.site_url)
    return config


def qr_svg(url: str) -> str:
    """Inline SVG QR code; hidden from screen readers, whose figcaption gives the URL instead."""
    code = segno.make(url, error="m")
    svg = code.svg_inline(scale=1, border=2, dark="#000", light="#fff", omitsize=True,
                          svgclass="pena-qr", lineclass=None)
    return svg.replace("<svg ", '<svg aria-hidden="true" ', 1)


def whatsapp_link(title: str, url: str) -> str:
    return "https://wa.me/?text=" + quote(f"{title} {url}", safe="")


def share_data(title: str, url: str, ui: dict) -> dict[str, str]:
    return {"url": url, "title": title, "whatsapp": whatsapp_link(title, url),
            "qr": qr_svg(url)}


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    ui = config.extra.get("ui", {}).get("share", {})
    url = page.canonical_url or urljoin(config.site_url, page.url)
    title = page.meta.get("title") or page.title or config.site_name
    context["pena_share"] = share_data(str(title), url, ui)
    return context


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    ui = config.extra.get("ui", {}).get("share", {})
    site = load_site(Path(config.docs_dir), Path(config.config_file_path))
    lang = page_lang(page, site.langs.default)
    handouts = []
    for handout in (p for p in site.in_lang(lang) if p.type == "handout"):
        folder = page_url(handout.key, lang, site.langs)
        url = urljoin(config.site_url, folder)
        title = str(handout.meta["title"])
        module = handout.key.split("/")[0]
        overview = site.get(f"{module}/index.md", lang)
        handouts.append({**share_data(title, url, ui), "anchor": module,
                         "module_title": str(overview.meta["title"]) if overview else "",
                         "description": str(handout.meta["description"]),
                         "href": get_relative_url(folder, page.url)})
    template = config.theme.get_env().get_template("partials/handouts.html")
    return markdown.replace(MARKER, template.render(handouts=handouts, ui=ui))
