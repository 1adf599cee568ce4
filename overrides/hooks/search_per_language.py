"""One search index per language.

mkdocs-static-i18n merges every language into one `search/search_index.json`, so a search on
an English page returns Indonesian pages too. After the last language is built, split the
index: `/search/search_index.json` keeps the default language, `/<lang>/search/` gets each
other language with locations made relative to `/<lang>/`. Pages of a translation get the
"base" of Material's __config pointed at `/<lang>/`, where the search worker looks for the
index (Material uses "base" only for search and instant loading, which is off here).
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">[^<]*?"base": ")([^"]*)"')


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    lang = getattr(page.file, "locale_alternate_of", None)
    if i18n is None or lang is None or lang == i18n.default_language:
        return output
    # base is the relative path to the site root; the language root is one folder further.
    return _CONFIG_BASE.sub(lambda m: f'{m.group(1)}{m.group(2)}/{lang}/"', output, count=1)


def split_index(index: dict, translations: tuple[str, ...]) -> dict[str, dict]:
    """Map '' (default language) and each translation to its own index."""
    parts: dict[str, dict] = {"": {**index, "docs": []}}
    for lang in translations:
        parts[lang] = {**index, "docs": [], "config": {**index["config"], "lang": ["en"]}}
    for doc in index["docs"]:
        first = doc["location"].split("/", 1)[0]
        if first in translations:
            parts[first]["docs"].append({**doc, "location": doc["location"][len(first) + 1:]})
        else:
            parts[""]["docs"].append(doc)
    return parts


@event_priority(-200)  # after static-i18n (-100) has written the merged index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # static-i18n is still building the other languages
    site = Path(config.site_dir)
    merged = site / "search" / "search_index.json"
    if not merged.is_file():
        return
    translations = tuple(lang for lang in i18n.build_languages if lang != i18n.default_language)
    offline_js = (site / "search" / "search_index.js").is_file()
    merged_index = json.loads(merged.read_text("utf-8"))
    for prefix, index in split_index(merged_index, translations).items():
        folder = site / prefix / "search"
        folder.mkdir(parents=True, exist_ok=True)
        data = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(data, "utf-8")
        if offline_js:  # Material's offline plugin inlines the index for file:// use
            (folder / "search_index.js").write_text(f"var __index = {data}", "utf-8")
