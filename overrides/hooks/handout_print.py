"""KPM handouts designed for the reader who keeps them on the wall.

- Each H2 section of a handout (type `handout`) starts with a simple icon: an inline SVG from
  the Material Design icons that ship with Material for MkDocs (no file to fetch, and it
  prints). `extra.handout_icons` in mkdocs.yml maps section ids to icon names; a section
  without an entry gets `extra.handout_icons._default`.
- Handouts get `pena_sheet` in their template context (the site's name in the page's
  language, the module's title) for overrides/partials/handout-print.html: the printed header
  with the version date (`pena_version`, from hooks/page_dates.py), the line for the
  pendamping's name and phone, and the licence line. The
  print design itself is the handout section of pena.css.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

import material
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from pena.content import languages, load_site, page_lang

ICONS = Path(material.__file__).parent / "templates" / ".icons" / "material"
_H2 = re.compile(r'<h2 id="([^"]+)">')


@lru_cache(maxsize=64)
def icon_svg(name: str) -> str:
    path = ICONS / f"{name}.svg"
    if not path.is_file():
        raise PluginError(f"mkdocs.yml extra.handout_icons: no Material icon named '{name}' "
                          f"(hint: pick a name from {ICONS.relative_to(ICONS.parents[3])}, without .svg)")
    svg = path.read_text("utf-8")
    return svg.replace("<svg ", '<svg class="pena-icon" aria-hidden="true" focusable="false" ', 1)


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if page.meta.get("type") != "handout":
        return html
    icons = config.extra.get("handout_icons", {})
    return _H2.sub(lambda m: f"{m.group(0)}{icon_svg(icons.get(m.group(1), icons['_default']))}", html)


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: object) -> dict:
    if page.meta.get("type") != "handout":
        return context
    langs = languages(Path(config.config_file_path))
    lang = page_lang(page, langs.default)
    module = page.file.src_uri.split("/", 1)[0]
    overview = load_site(Path(config.docs_dir), Path(config.config_file_path)).get(f"{module}/index.md", lang)
    ui = config.extra.get("ui", {}).get("print", {})
    context["pena_sheet"] = {"brand": ui.get("brand", config.site_name),
                             "module": str(overview.meta["title"]) if overview else ""}
    return context
