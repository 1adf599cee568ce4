"""The offline edition and its download.

- With OFFLINE=true, Material's offline plugin would inject the iframe-worker shim from
  unpkg.com, which cannot load without internet. Put the vendored copy in `extra.polyfills`
  first (this hook's on_config runs before the plugin's), so the plugin leaves it alone.
- A page holding `<!-- pena:offline-download -->` shows the download link and its size in MB
  when the release build passes the zip in OFFLINE_ZIP (scripts/release.py does), and a short
  note otherwise. The zip is copied into the built site next to that page.
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

from pena.edition import ZIP_URL

log = logging.getLogger("mkdocs.hooks.offline")
SHIM = "assets/javascripts/vendor/iframe-worker-shim.js"
MARKER = "<!-- pena:offline-download -->"


def offline_enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return bool(plugin and plugin.config.enabled)


@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    if offline_enabled(config):
        config.extra["polyfills"] = [SHIM, *config.extra.get("polyfills", [])]
    return config


def offline_zip() -> Path | None:
    value = os.environ.get("OFFLINE_ZIP")
    if not value:
        return None
    path = Path(value)
    if not path.is_file():
        log.warning(f"OFFLINE_ZIP={value} does not exist: build the offline edition first (make release)")
        return None
    return path


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if MARKER not in markdown:
        return markdown
    ui = config.extra.get("ui", {}).get("offline", {})
    archive = offline_zip()
    if offline_enabled(config):
        block = ui["this_is_offline"]
    elif archive is None:
        block = ui["not_built"]
    else:
        size = archive.stat().st_size / 1_000_000
        shown = f"{size:.1f}".replace(".", ui.get("decimal", "."))
        href = get_relative_url(ZIP_URL, page.url)
        block = f'<a class="md-button md-button--primary" href="{href}" download>{ui["link"]} ({shown} MB)</a>'
    return markdown.replace(MARKER, block)


@event_priority(-300)
def on_post_build(config: MkDocsConfig) -> None:
    archive = offline_zip()
    i18n = config.plugins.get("i18n")
    if archive is None or offline_enabled(config) or (i18n and getattr(i18n, "building", False)):
        return
    target = Path(config.site_dir) / ZIP_URL
    target.parent.mkdir(parents=True, exist_ok=True)
    shutil.copy2(archive, target)
