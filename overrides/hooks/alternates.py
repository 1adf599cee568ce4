"""Language alternates: absolute hreflang links in the head, relative switcher links.

- Material writes `<link rel="alternate" hreflang>` from static-i18n's switcher links, which
  come out relative; search engines expect absolute URLs and an x-default. Rewrite them from
  `site_url`.
- On a language's home page static-i18n leaves the switcher links root-absolute ("/en/"),
  which breaks when the site lives in a sub-folder or is opened from file:// (the offline
  edition). Make them relative to the page.
- The offline edition gets no head alternates at all: Material's script fetches
  `sitemap.xml` next to every alternate URL, which would be a request to the published host
  from a file:// page, and search engines never see the offline edition anyway.
"""

from __future__ import annotations

import posixpath
import re
from urllib.parse import urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.structure.pages import Page

_HEAD_ALTERNATE = re.compile(r'<link rel="alternate" href="([^"]*)" hreflang="([^"]*)">')
_SWITCHER_LINK = re.compile(r'<a href="(/[^"]*)" hreflang="([^"]*)" class="md-select__link">')


def absolute_alternates(html: str, page_url: str, default_lang: str) -> str:
    def absolute(match: re.Match[str]) -> str:
        href = urljoin(page_url, match.group(1))
        tag = f'<link rel="alternate" href="{href}" hreflang="{match.group(2)}">'
        if match.group(2) == default_lang:
            tag += f'\n<link rel="alternate" href="{href}" hreflang="x-default">'
        return tag

    return _HEAD_ALTERNATE.sub(absolute, html)


def relative_switcher(html: str, page_dest: str, site_path: str, use_directory_urls: bool) -> str:
    """Turn '/<site path>/en/' into a link relative to the page's folder."""
    page_dir = posixpath.dirname(page_dest)

    def relative(match: re.Match[str]) -> str:
        target = match.group(1)
        if target.startswith(site_path):
            target = target[len(site_path):]
        target = target.lstrip("/")
        if not use_directory_urls and (target == "" or target.endswith("/")):
            target += "index.html"
        href = posixpath.relpath(target or ".", page_dir or ".")
        if use_directory_urls and (target == "" or target.endswith("/")):
            href = href.rstrip("/") + "/"
        return f'<a href="{href}" hreflang="{match.group(2)}" class="md-select__link">'

    return _SWITCHER_LINK.sub(relative, html)


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    default = i18n.default_language if i18n else config.theme["language"]
    site_path = urlsplit(config.site_url or "/").path or "/"
    output = relative_switcher(output, page.file.dest_uri, site_path, config.use_directory_urls)
    offline = config.plugins.get("material/offline")
    if offline is not None and offline.config.enabled:
        return _HEAD_ALTERNATE.sub("", output)
    return absolute_alternates(output, page.canonical_url or config.site_url or "", default)
