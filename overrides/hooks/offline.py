"""Offline options on paper and in files: the download page, the zip edition and the PDFs.

- With OFFLINE=true, Material's offline plugin would inject the iframe-worker shim from
  unpkg.com, which cannot load without internet. Put the vendored copy in `extra.polyfills`
  first (this hook's on_config runs before the plugin's), so the plugin leaves it alone.
- The download page holds three markers:
  `<!-- pena:offline-save -->`: the "save everything" form (assets/javascripts/offline-save.js
  drives it; the service-worker hook fills in the sizes once the whole site is built);
  `<!-- pena:pdf-downloads -->`: a table of the module and handout PDFs of the page's language
  with their sizes; `<!-- pena:offline-download -->`: the zip edition with its size.
- Every module overview page gets a line under its title linking the module and handout PDFs
  with their sizes.
- In the offline edition the download page says so, with its version date (the version marker
  that hooks/page_dates.py, listed after this hook, turns into the date).
- The release build (scripts/release.py) passes the zip in OFFLINE_ZIP and the PDF folder in
  PDF_DIR; they are copied into the built site. Without them (make build), the page says that
  the release build makes them.
"""

from __future__ import annotations

import logging
import os
import shutil
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page
from mkdocs.utils import get_relative_url

from pena.content import languages, load_site, modules
from pena.content import page_lang as content_page_lang
from pena.edition import ZIP_URL
from pena.offline import SIZES_PLACEHOLDER, format_size
from pena.pdf import PDF_FOLDER, handout_pdf_name, module_pdf_name
from pena.revision import VERSION_MARKER

log = logging.getLogger("mkdocs.hooks.offline")
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
ZIP_MARKER = "<!-- pena:offline-download -->"
SAVE_MARKER = "<!-- pena:offline-save -->"
PDF_MARKER = "<!-- pena:pdf-downloads -->"


def offline_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if offline_enabled(config):
        config.extra["polyfills"] = [SHIM, *config.extra.get("polyfills", [])]
    return config


def env_path(name: str, is_dir: bool = False) -> Path | None:
    value = os.environ.get(name)
    if not value:
        return None
    path = Path(value)
    if not (path.is_dir() if is_dir else path.is_file()):
        log.warning(f"{name}={value} does not exist: build it first with `make release`")
        return None
    return path


def offline_zip() -> Path | None:
    return env_path("OFFLINE_ZIP")


def pdf_dir() -> Path | None:
    return env_path("PDF_DIR", is_dir=True)


def page_lang(page: Page, config: MkDocsConfig) -> str:
    return content_page_lang(page, languages(Path(config.config_file_path)).default)


# --------------------------------------------------------------------------------------------
# The download page
# --------------------------------------------------------------------------------------------


def render(config: MkDocsConfig, template: str, **context: object) -> str:
    """A partial of overrides/partials/ with the theme's Jinja environment (Material's way)."""
    return config.theme.get_env().get_template(f"partials/{template}").render(**context)


def zip_block(page: Page, config: MkDocsConfig, ui: dict) -> str:
    archive = offline_zip()
    if offline_enabled(config):
        return ui["this_is_offline"].format(date=VERSION_MARKER)
    if archive is None:
        return ui["not_built"]
    return render(config, "offline-zip.html", ui=ui, href=get_relative_url(ZIP_URL, page.url),
                  size=format_size(archive.stat().st_size, ui["decimal"]))


def save_block(page: Page, config: MkDocsConfig, ui: dict) -> str:
    if offline_enabled(config):
        return ui["save_not_here"]
    i18n = config.plugins["i18n"]
    return render(config, "offline-save.html", ui=ui, lang=page_lang(page, config), sizes=SIZES_PLACEHOLDER,
                  root=get_relative_url("./", page.url),
                  languages=[lang for lang in i18n.config.languages if lang.locale in i18n.build_languages])


def pdf_files(lang: str, config: MkDocsConfig) -> dict[str, tuple[Path | None, Path | None]]:
    """Module (from the nav) -> (module PDF, handout PDF) found in PDF_DIR, None when missing."""
    folder = pdf_dir()
    result = {}
    for module in modules(Path(config.config_file_path)):
        paths = [folder / name if folder and (folder / name).is_file() else None
                 for name in (module_pdf_name(module, lang), handout_pdf_name(module, lang))]
        result[module] = (paths[0], paths[1])
    return result


def pdf_link(path: Path | None, page: Page, ui: dict) -> dict[str, str] | None:
    if path is None:
        return None
    return {"href": get_relative_url(f"{PDF_FOLDER}/{path.name}", page.url),
            "size": format_size(path.stat().st_size, ui["decimal"])}


def pdf_table(page: Page, config: MkDocsConfig, ui: dict) -> str:
    lang = page_lang(page, config)
    files = pdf_files(lang, config)
    if offline_enabled(config) or not any(a or b for a, b in files.values()):
        return ui["pdf_not_built"]
    site = load_site(Path(config.docs_dir), Path(config.config_file_path))
    rows = []
    for module, (module_pdf, handout_pdf) in files.items():
        overview = site.get(f"{module}/index.md", lang)
        rows.append({"title": str(overview.meta["title"]) if overview else module,
                     "module": pdf_link(module_pdf, page, ui), "handout": pdf_link(handout_pdf, page, ui)})
    return render(config, "offline-pdfs.html", ui=ui, rows=rows)


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if not any(marker in markdown for marker in (ZIP_MARKER, SAVE_MARKER, PDF_MARKER)):
        return markdown
    ui = config.extra.get("ui", {}).get("offline", {})
    for marker, block in ((ZIP_MARKER, zip_block), (SAVE_MARKER, save_block), (PDF_MARKER, pdf_table)):
        if marker in markdown:
            markdown = markdown.replace(marker, block(page, config, ui))
    return markdown


# --------------------------------------------------------------------------------------------
# Module overview pages: the PDF line under the title
# --------------------------------------------------------------------------------------------


def on_page_content(content: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("type") != "overview" or offline_enabled(config):
        return content
    module = page.file.src_uri.split("/", 1)[0]
    module_pdf, handout_pdf = pdf_files(page_lang(page, config), config).get(module, (None, None))
    if module_pdf is None and handout_pdf is None:
        return content
    ui = config.extra.get("ui", {}).get("offline", {})
    line = render(config, "module-pdf.html", ui=ui, module=pdf_link(module_pdf, page, ui),
                  handout=pdf_link(handout_pdf, page, ui))
    head, found, rest = content.partition("</h1>")
    return f"{head}{found}\n{line}{rest}" if found else line + content


# --------------------------------------------------------------------------------------------
# After the build: the downloads go next to the pages that link them
# --------------------------------------------------------------------------------------------


@event_priority(-300)
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if offline_enabled(config) or (i18n and getattr(i18n, "building", False)):
        return
    site = Path(config.site_dir)
    archive = offline_zip()
    if archive is not None:
        target = site / ZIP_URL
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(archive, target)
    folder = pdf_dir()
    if folder is not None:
        (site / PDF_FOLDER).mkdir(parents=True, exist_ok=True)
        for pdf in folder.glob("*.pdf"):
            shutil.copy2(pdf, site / PDF_FOLDER / pdf.name)
