"""Search: one index per language, Indonesian word forms, synonyms, and no index bytes before
the reader opens search.

- Page boost: every page's search entries get the lunr boost of its type (lessons before
  quizzes), unless the page sets `search: boost:` itself (Material's own front matter key).
- Worker: each page's Material __config names our worker (assets/javascripts/workers/
  pena-search.js) instead of Material's; ours loads Material's worker, the real index and the
  stemmer only when the reader opens search. Pages of a translation get "base" pointed at
  `<lang>/`, where the search files of that language are (Material uses "base" only for
  search and instant loading, which is off here).
- Index: static-i18n writes one merged `search/search_index.json`; after the last language is
  built it is split per language. Each language gets the real index `search/pena-index.js`
  (its lunr language and full pipeline, synonyms from the termbase) and a stub
  `search/search_index.json` (+ `.js` in the offline edition) that Material fetches on load.
Languages come from the i18n configuration; a language without a lunr stemmer is searched
without word processing, as Material does.
"""

from __future__ import annotations

import json
import logging
import posixpath
import re
from pathlib import Path

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from pena import search
from pena.content import languages
from pena.glossary import GlossaryError, load_terms

log = logging.getLogger("mkdocs.hooks.search")
_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.DOTALL)
_material_worker: list[str] = []  # the name of Material's worker, read from the first page
_synonyms: dict[str, list[list[str]]] = {}  # language -> [typed phrase, site term] pairs


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    """Read the termbase and search.yml before anything is built: bad data stops the build
    with file and line, and no half-written site."""
    docs_dir = Path(config.docs_dir)
    langs = languages(Path(config.config_file_path))
    try:
        terms = load_terms(docs_dir)
        data = search.load_search_data(docs_dir)
        pairs = {lang: search.synonym_pairs(terms, data, lang, langs, docs_dir) for lang in langs.all}
    except (GlossaryError, search.SearchDataError) as error:
        raise PluginError(f"search hook: {error}") from None
    _synonyms.clear()
    _synonyms.update(pairs)
    return config


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    boost = search.BOOST_BY_TYPE.get(page.meta.get("type", "page"))
    meta = page.meta.get("search")
    if boost is not None and not (isinstance(meta, dict) and "boost" in meta):
        page.meta["search"] = {**(meta if isinstance(meta, dict) else {}), "boost": boost}
    return markdown


def _point_at_our_worker(output: str, lang: str | None) -> str:
    """Name our worker in Material's __config; for a translation, point "base" at `<lang>/`."""
    match = _CONFIG.search(output)
    if match is None:
        return output
    app = json.loads(match.group(2))
    folder, worker = posixpath.split(app["search"])
    if not _material_worker and worker != search.WORKER:
        _material_worker.append(worker)
    app["search"] = posixpath.join(folder, search.WORKER)
    if lang is not None:
        # base is the relative path to the site root; the language root is one folder further.
        app["base"] = posixpath.join(app["base"], lang) + "/"
    # Escaped like Jinja's tojson, so no text can close the script element.
    text = json.dumps(app, ensure_ascii=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return output[:match.start(2)] + text + output[match.end(2):]


def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    i18n = config.plugins.get("i18n")
    lang = getattr(page.file, "locale_alternate_of", None)
    translation = i18n is not None and lang is not None and lang != i18n.default_language
    return _point_at_our_worker(output, lang if translation else None)


def on_post_template(output_content: str, template_name: str, config: MkDocsConfig) -> str:
    return _point_at_our_worker(output_content, None)  # 404.html: its base is the site root


def _stemmer_available(site: Path, lang: str) -> bool:
    return lang == "en" or (site / "assets" / "javascripts" / "lunr" / "min" / f"lunr.{lang}.min.js").is_file()


def _material_worker_name(site: Path) -> str:
    if _material_worker:
        return _material_worker[0]
    found = sorted((site / "assets" / "javascripts" / "workers").glob("search.*.min.js"))
    if not found:
        raise PluginError("search hook: Material's search worker is missing from assets/javascripts/workers/")
    return found[0].name


@event_priority(-200)  # after static-i18n (-100) and the offline plugin (-100) wrote the merged index
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False):
        return  # static-i18n is still building the other languages
    site = Path(config.site_dir)
    merged = site / "search" / "search_index.json"
    if not merged.is_file():
        return
    default = i18n.default_language
    langs = (default, *(lang for lang in i18n.build_languages if lang != default))
    offline_js = (site / "search" / "search_index.js").is_file()
    worker = _material_worker_name(site)
    parts = search.split_index(json.loads(merged.read_text("utf-8")), langs[1:])
    for lang in langs:
        prefix = "" if lang == default else f"{lang}/"
        index = parts[prefix.rstrip("/")]
        pairs = _synonyms.get(lang, [])
        index["config"] = search.language_config(index["config"], lang, _stemmer_available(site, lang), pairs)
        folder = site / prefix / "search"
        folder.mkdir(parents=True, exist_ok=True)
        full = json.dumps(index, ensure_ascii=False, separators=(",", ":"))
        (folder / Path(search.INDEX_FILE).name).write_text(f"{search.INDEX_GLOBAL}={full};\n", "utf-8")
        stub = search.stub_index(index["config"], prefix + search.INDEX_FILE, worker)
        text = json.dumps(stub, ensure_ascii=False, separators=(",", ":"))
        (folder / "search_index.json").write_text(text, "utf-8")
        if offline_js:  # Material's offline plugin reads the index from a script under file://
            (folder / "search_index.js").write_text(f"var __index = {text}", "utf-8")
        log.debug(f"search index '{lang}': {len(index['docs'])} entries, {len(pairs)} synonym pairs")
