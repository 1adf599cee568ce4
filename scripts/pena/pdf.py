"""PDFs of the modules and of the KPM handouts, printed by Chromium from the built site.

    make_pdfs(site, out)        # used by scripts/release.py (and by the tests)

Why Chromium (through Playwright, already used by the browser tests) and not WeasyPrint: the
PDF is then exactly the print layout readers get from their own Chrome, which the tests already
check (one A4 page per handout, QR code, no screen chrome); it embeds fonts as text (selectable
and searchable), turns in-document links into PDF links and headings into the PDF outline, and
adds page numbers; and it needs no extra system libraries (WeasyPrint needs Pango).

A module PDF is one HTML document put together from the built pages of the module in reading
order (the nav of mkdocs.yml): a cover (module title, site address and QR code, version date,
licence line), a table of contents, then each page on a new page; every page's foot repeats
the version date beside the page number. The version date is pena.revision's, the same
function the site's hooks use, so the PDFs, the handouts, the what-is-new page and the offline
edition name one date. Ids are made unique per page; a link to
another page of the same module becomes a link inside the PDF; any other link points at the
published site. The handout keeps its one-page print design. Each handout is also printed on
its own as a one-page PDF.
"""

from __future__ import annotations

import datetime
import html
import posixpath
import re
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import segno
from lxml import html as lxml_html

from pena.content import (
    MKDOCS_YML,
    Languages,
    languages,
    load_site,
    mkdocs_config,
    nav_sources,
    output_path,
    page_url,
)
from pena.content import modules as configured_modules
from pena.revision import HistoryError, env_allows_build_date, format_date, site_version_date

#: Folder of the built site that holds every PDF.
PDF_FOLDER = "pdf"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]
MARGIN = {"top": "12mm", "bottom": "16mm", "left": "14mm", "right": "14mm"}
# The handout's page-tall column (pena.css) inside the PDF's margins, which leave room for the
# page numbers: 297 mm - 12 mm - 16 mm, less a little for rounding.
PDF_CSS = """
.pena-pdf-page { break-before: page; }
.pena-pdf-page > .md-content__inner { margin: 0; padding: 0; }
.pena-pdf-page > .md-content__inner:has(> .pena-sheet__head) { --pena-sheet-height: 266mm; }
.pena-pdf-cover { display: flex; flex-direction: column; min-height: 250mm; }
.pena-pdf-cover__brand { font-size: 14pt; font-weight: 700; color: #00695c; margin: 0; }
.pena-pdf-cover__label { font-size: 12pt; margin: 30mm 0 0; text-transform: uppercase; letter-spacing: .08em; }
.md-typeset .pena-pdf-cover h1 { font-size: 30pt; margin: 2mm 0 6mm; color: #000; }
.pena-pdf-cover__lead { font-size: 13pt; max-width: 150mm; }
.pena-pdf-cover__foot { margin-top: auto; display: flex; gap: 6mm; align-items: center; font-size: 11pt; }
.pena-pdf-cover__foot svg { width: 30mm; height: 30mm; flex: none; }
.pena-pdf-cover__foot p { margin: 0 0 1.5mm; }
.pena-pdf-contents li { margin: 1.5mm 0; font-size: 12pt; }
.pena-pdf-contents a { color: #000; }
"""
FOOTER = ('<div style="font-size:8pt;width:100%;margin:0 14mm;display:flex;justify-content:space-between;'
          'color:#444;font-family:sans-serif"><span>{label}</span><span>{version} · <span class="pageNumber"></span> / '
          '<span class="totalPages"></span></span></div>')


def module_pdf_name(module: str, lang: str) -> str:
    """File name of a module's PDF: the language is in the name, since PDFs travel alone."""
    return f"materi-pena-{module}-{lang}.pdf"


def handout_pdf_name(module: str, lang: str) -> str:
    return f"lembar-kpm-{module}-{lang}.pdf"


# --------------------------------------------------------------------------------------------
# Texts of a language (mkdocs.yml, as the site uses them)
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class LanguageTexts:
    site_name: str
    copyright: str
    ui: dict

    def version(self, date: datetime.date, lang: str) -> str:
        """'Versi 30 November 2026' / 'Version of 30 November 2026'."""
        return self.ui.get("print", {}).get("version", "{date}").format(date=format_date(date, lang))


def language_texts(lang: str, mkdocs_yml: Path = MKDOCS_YML) -> LanguageTexts:
    config = mkdocs_config(mkdocs_yml)  # read once, as MkDocs reads it (pena.content)
    i18n = next(p["i18n"] for p in config["plugins"] if isinstance(p, dict) and "i18n" in p)
    language = next(entry for entry in i18n["languages"] if entry["locale"] == lang)
    ui = (language.get("extra") or {}).get("ui") or config.get("extra", {}).get("ui", {})
    return LanguageTexts(language.get("site_name") or config["site_name"],
                         language.get("copyright") or config.get("copyright", ""), ui)


# --------------------------------------------------------------------------------------------
# One HTML document per PDF
# --------------------------------------------------------------------------------------------


def module_keys(module: str) -> list[str]:
    """Pages of a module in reading order (the nav)."""
    return [key for key in nav_sources() if key.startswith(f"{module}/")]


def site_path(rel_file: str) -> str:
    """'a/b/index.html' -> '/a/b/' (a built file as the path of its URL)."""
    path = "/" + rel_file
    return path[: -len("index.html")] if path.endswith("/index.html") or path == "/index.html" else path


class Document:
    """Pages of one language printed as one document, with ids and links rewritten."""

    def __init__(self, site: Path, lang: str, langs: Languages, site_url: str, keys: list[str]) -> None:
        self.site, self.lang, self.langs, self.site_url = site, lang, langs, site_url
        self.keys = keys
        self.pages = load_site()
        self.anchor = {site_path(output_path(key, lang, langs)): f"p{n}" for n, key in enumerate(keys)}

    def article(self, key: str) -> lxml_html.HtmlElement:
        rel = output_path(key, self.lang, self.langs)
        page = self.site / rel
        tree = lxml_html.fromstring(page.read_bytes())
        article = tree.find_class("md-content__inner")[0]
        handout = bool(article.find_class("pena-sheet__head"))
        for cls in ("pena-share", "headerlink", "md-content__button", "pena-pdf-links", "pena-save",
                    "pena-save-nojs", "pena-notice") + (() if handout else ("pena-print-qr",)):
            for element in article.find_class(cls):
                element.drop_tree()
        for script in article.iter("script"):
            script.drop_tree()
        for details in article.iter("details"):
            details.set("open", "")
        prefix = self.anchor[site_path(rel)]
        here = site_path(rel)
        for element in article.iter():
            if element.get("id"):
                element.set("id", f"{prefix}-{element.get('id')}")
            if element.tag == "a" and element.get("href") is not None:
                element.set("href", self.link(element.get("href"), here, prefix))
            if element.tag in ("img", "source") and element.get("src") and "://" not in element.get("src"):
                element.set("src", (page.parent / element.get("src")).resolve().as_uri())
        return article

    def link(self, href: str, here: str, prefix: str) -> str:
        if re.match(r"^[a-z][a-z0-9+.-]*:", href, re.I) or href.startswith("//"):
            return href
        path, _, fragment = href.partition("#")
        if not path:
            return f"#{prefix}-{fragment}" if fragment else f"#{prefix}"
        base = here if here.endswith("/") else posixpath.dirname(here) + "/"
        target = posixpath.normpath(posixpath.join(base, path))
        if target.endswith("/index.html"):
            target = target[: -len("index.html")]
        elif (self.site / target.lstrip("/")).is_dir():
            target = target.rstrip("/") + "/"
        if target in self.anchor:
            return f"#{self.anchor[target]}" + (f"-{fragment}" if fragment else "")
        return urljoin(self.site_url, target.lstrip("/")) + (f"#{fragment}" if fragment else "")

    def stylesheets(self) -> list[str]:
        tree = lxml_html.fromstring((self.site / output_path(self.keys[0], self.lang, self.langs)).read_bytes())
        found = []
        page = self.site / output_path(self.keys[0], self.lang, self.langs)
        for link in tree.iter("link"):
            if link.get("rel") == "stylesheet" and "://" not in link.get("href", ""):
                found.append((page.parent / link.get("href")).resolve().as_uri())
        tools = self.site / "assets" / "stylesheets" / "tools.css"
        return found + ([tools.as_uri()] if tools.is_file() else [])

    def render(self, title: str, front: str = "") -> str:
        sections = "".join(
            f'<section class="pena-pdf-page" id="p{n}">{lxml_html.tostring(self.article(key), encoding="unicode")}'
            f"</section>" for n, key in enumerate(self.keys))
        links = "".join(f'<link rel="stylesheet" href="{href}">' for href in self.stylesheets())
        return (f'<!doctype html><html lang="{self.lang}"><head><meta charset="utf-8"><title>{html.escape(title)}'
                f"</title>{links}<style>{PDF_CSS}</style></head><body><div class=\"md-typeset\">"
                f"{front}{sections}</div></body></html>")


def cover(doc: Document, module: str, texts: LanguageTexts, version: str) -> str:
    site = doc.pages
    overview = site.get(f"{module}/index.md", doc.lang)
    url = urljoin(doc.site_url, page_url(f"{module}/index.md", doc.lang, doc.langs))
    qr = segno.make(url, error="m").svg_inline(scale=1, border=2, omitsize=True)
    ui = texts.ui.get("offline", {})
    contents = "".join(
        f'<li><a href="#p{n}">{html.escape(str(site.get(key, doc.lang).meta["title"]))}</a></li>'
        for n, key in enumerate(doc.keys) if site.get(key, doc.lang))
    return (f'<section class="pena-pdf-cover"><p class="pena-pdf-cover__brand">{html.escape(texts.site_name)}</p>'
            f'<p class="pena-pdf-cover__label">{ui["pdf_cover_module"]}</p>'
            f'<h1>{html.escape(str(overview.meta["title"]))}</h1>'
            f'<p class="pena-pdf-cover__lead">{html.escape(str(overview.meta["description"]))}</p>'
            f'<h2>{ui["pdf_contents"]}</h2><ol class="pena-pdf-contents">{contents}</ol>'
            f'<div class="pena-pdf-cover__foot">{qr}<div><p>{ui["pdf_cover_read"]}</p>'
            f'<p><a href="{url}">{html.escape(url)}</a></p>'
            f'<p>{html.escape(version)}</p>'
            f'<p>{html.escape(texts.ui["licence"]["line"])}</p></div></div></section>')


# --------------------------------------------------------------------------------------------
# Printing
# --------------------------------------------------------------------------------------------


def published_url(site: Path) -> str:
    """The site's address, from the home page's canonical link (what the build was told)."""
    home = (site / "index.html").read_text("utf-8")
    found = re.search(r'<link rel="canonical" href="([^"]+)"', home)
    if not found:
        raise SystemExit(f"{site}/index.html has no canonical link: build the site with SITE_URL set")
    parts = urlsplit(found.group(1))
    return f"{parts.scheme}://{parts.netloc}{parts.path if parts.path.endswith('/') else parts.path + '/'}"


def print_document(tab, source: str, target: Path, footer: str | None) -> None:  # type: ignore[no-untyped-def]
    with tempfile.NamedTemporaryFile("w", suffix=".html", encoding="utf-8", delete=False) as handle:
        handle.write(source)
    try:
        tab.goto(Path(handle.name).as_uri())
        tab.emulate_media(media="print")
        tab.pdf(path=str(target), format="A4", print_background=True, tagged=True, outline=True,
                margin=MARGIN if footer else None, display_header_footer=footer is not None,
                header_template="<span></span>", footer_template=footer or "<span></span>")
    finally:
        Path(handle.name).unlink()


def make_pdfs(site: Path, out: Path, modules: tuple[str, ...] | None = None,
              langs_wanted: tuple[str, ...] | None = None, site_url: str | None = None,
              handouts_only: bool = False, browser=None) -> list[Path]:  # type: ignore[no-untyped-def]
    """Every module PDF and handout PDF of `site` (a built site) into `out`. Pass a running
    Playwright `browser` to reuse it (the tests do: one sync Playwright per thread).
    `modules` defaults to every module of the nav."""
    modules = modules or configured_modules()
    if browser is None:
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            own = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            try:
                return make_pdfs(site, out, modules, langs_wanted, site_url, handouts_only, own)
            finally:
                own.close()
    try:
        day = site_version_date(allow_build_date=env_allows_build_date())
    except HistoryError as error:
        raise SystemExit(f"PDFs: {error}") from None
    langs = languages()
    pages = load_site()
    site_url = site_url or published_url(site)
    out.mkdir(parents=True, exist_ok=True)
    made = []
    tab = browser.new_page()
    for lang in langs_wanted or langs.all:
        texts = language_texts(lang)
        version = texts.version(day, lang)
        for module in modules:
            keys = module_keys(module)
            title = str(pages.get(f"{module}/index.md", lang).meta["title"])
            if not handouts_only:
                doc = Document(site, lang, langs, site_url, keys)
                target = out / module_pdf_name(module, lang)
                print_document(tab, doc.render(title, cover(doc, module, texts, version)), target,
                               FOOTER.format(label=html.escape(f"{texts.site_name} · {title}"),
                                             version=html.escape(version)))
                made.append(target)
            handout = [key for key in keys if pages.get(key, lang).type == "handout"]
            if handout:
                single = Document(site, lang, langs, site_url, handout)
                target = out / handout_pdf_name(module, lang)
                print_document(tab, single.render(title).replace(' class="pena-pdf-page"', ""), target, None)
                made.append(target)
    tab.close()
    return made
