"""Save for offline reading in the browser: the service worker, its file lists and the web app
manifests.

- One web app manifest per language at the site root (`manifest.<lang>.webmanifest`: name,
  start URL, theme colour, the PNG icons in assets/images/); pena.js links the page's and
  registers `sw.js`, which is not written under `mkdocs serve` (a worker would get in the way
  of live reload).
- After the last language is built, the lists of what "save everything" stores are derived
  from the finished site (scripts/pena/offline.py) and written as offline/save-<lang>.<hash>.js;
  their sizes replace the placeholder of the download page's form (offline.py renders it).
  offline/sw-save.<hash>.js is the worker's save part (overrides/offline/sw-save.js, with the
  update notice's text), imported only by readers who saved. sw.js is Workbox's core and
  strategies (vendored, MIT) + this build's settings + overrides/offline/sw.js, minified with
  rjsmin. Its version is a hash of every saved file's revision, so publishing a changed page
  changes sw.js and the browser updates the saved copy.
- The offline edition (OFFLINE=true, opened from file://) gets none of this: browsers do not
  run service workers or manifests from files.
"""

from __future__ import annotations

import hashlib
import html
import json
from pathlib import Path

import rjsmin
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files

from pena.content import Languages, languages
from pena.offline import FINGERPRINTED, SIZES_PLACEHOLDER, Entry, save_list, union
from pena.revision import build_version_date, format_date

OVERRIDES = Path(__file__).resolve().parents[1]
SOURCE = OVERRIDES / "offline" / "sw.js"
SAVE_SOURCE = OVERRIDES / "offline" / "sw-save.js"
WORKBOX = "assets/javascripts/vendor/workbox/"
INLINED = ("workbox-core.prod.js", "workbox-strategies.prod.js")
THEME_COLOUR = "#00695c"  # --md-primary-fg-color in pena.css
ICONS = (("icon-192.png", "192x192", "any"), ("icon-512.png", "512x512", "any"),
         ("icon-maskable-512.png", "512x512", "maskable"))
#: The offline page of the worker: plain, light, in the site's colours, no file to fetch.
OFFLINE_STYLE = ("body{margin:0;font:1rem/1.5 sans-serif}header{background:#00695c;color:#fff;padding:1rem;"
                 "font-weight:700}main{padding:0 1rem;max-width:38rem}a{color:#00695c}li{margin:.5rem 0}")

_serving = False


def on_startup(command: str, dirty: bool) -> None:
    global _serving
    _serving = command == "serve"


def enabled(config: MkDocsConfig) -> bool:
    plugin = config.plugins.get("material/offline")
    return not (plugin and plugin.config.enabled)


def lang_root(lang: str, langs: Languages) -> str:
    return "" if lang == langs.default else f"{lang}/"


def on_files(files: Files, config: MkDocsConfig) -> Files:
    # The worker's source (a theme file) and the Workbox files inlined into sw.js are not
    # published on their own; precaching is, for the readers who save.
    for file in list(files):
        if file.src_uri.startswith("offline/") or file.src_uri in (WORKBOX + name for name in INLINED):
            files.remove(file)
    return files


# --------------------------------------------------------------------------------------------
# After the build
# --------------------------------------------------------------------------------------------


def ui_of(config: MkDocsConfig, lang: str) -> dict:
    """extra.ui.offline of one language, as static-i18n configures it for that language."""
    i18n = config.plugins["i18n"]
    for language in i18n.config.languages:
        if language.locale == lang:
            return (language.extra or {}).get("ui", {}).get("offline", {})
    return {}


def site_name_of(config: MkDocsConfig, lang: str) -> str:
    for language in config.plugins["i18n"].config.languages:
        if language.locale == lang and language.site_name:
            return language.site_name
    return config.site_name


def write_manifest(site: Path, lang: str, langs: Languages, config: MkDocsConfig) -> None:
    name = site_name_of(config, lang)
    manifest = {
        "name": name, "short_name": name, "lang": lang, "dir": "ltr",
        "description": ui_of(config, lang).get("app_description", ""),
        "id": f"./{lang_root(lang, langs)}", "start_url": f"./{lang_root(lang, langs)}", "scope": "./",
        "display": "standalone", "background_color": "#ffffff", "theme_color": THEME_COLOUR,
        "icons": [{"src": f"assets/images/{icon}", "sizes": size, "type": "image/png", "purpose": purpose}
                  for icon, size, purpose in ICONS],
    }
    (site / f"manifest.{lang}.webmanifest").write_text(json.dumps(manifest, ensure_ascii=False, indent=1), "utf-8")


def sizes_json(lists: dict[str, list[Entry]]) -> str:
    """Compressed and stored bytes per language and for all languages: {"id": [gz, raw], ...}."""
    choices = {lang: entries for lang, entries in lists.items()}
    choices[",".join(lists)] = union(*lists.values())
    return json.dumps({key: [sum(e.gz for e in entries), sum(e.raw for e in entries)]
                       for key, entries in choices.items()}, separators=(",", ":"))


def fill_sizes(site: Path, lists: dict[str, list[Entry]]) -> None:
    data = sizes_json(lists).replace('"', "&quot;")
    for page in site.rglob("*.html"):
        text = page.read_text("utf-8")
        if SIZES_PLACEHOLDER in text:
            page.write_text(text.replace(SIZES_PLACEHOLDER, data), "utf-8")


def write_lists(site: Path, lists: dict[str, list[Entry]]) -> dict[str, str]:
    folder = site / "offline"
    folder.mkdir(exist_ok=True)
    for old in [*folder.glob("save-*.js"), *folder.glob("sw-save.*.js")]:
        old.unlink()
    urls = {}
    for lang, entries in lists.items():
        rows = json.dumps([[e.url, e.revision, e.gz] for e in entries], separators=(",", ":"))
        body = f"self.PENA_SAVE=self.PENA_SAVE||{{}};self.PENA_SAVE[{json.dumps(lang)}]={rows};\n"
        name = f"save-{lang}.{hashlib.sha256(body.encode()).hexdigest()[:10]}.js"
        (folder / name).write_text(body, "utf-8")
        urls[lang] = f"offline/{name}"
    return urls


def minified(path: Path) -> str:
    """Our worker sources without comments and indentation (rjsmin): they count against the
    6 KB first-view budget, and their comments are for the repository, not for the phone."""
    return rjsmin.jsmin(path.read_text("utf-8"))


def write_save_part(site: Path, config: MkDocsConfig, lists: dict[str, list[Entry]]) -> str:
    """offline/sw-save.<hash>.js: the save part of the worker with the update notice's text."""
    date = build_version_date(config)
    notice = {lang: html.escape(ui_of(config, lang)["updated"].format(date=format_date(date, lang)))
              for lang in lists}
    body = f"self.PENA.notice={json.dumps(notice, ensure_ascii=False)};\n{minified(SAVE_SOURCE)}"
    name = f"offline/sw-save.{hashlib.sha256(body.encode()).hexdigest()[:10]}.js"
    (site / name).write_text(body, "utf-8")
    return name


def worker_settings(config: MkDocsConfig, langs: Languages, lists: dict[str, list[Entry]],
                    list_urls: dict[str, str], save_part: str) -> str:
    version = hashlib.sha256("\n".join([f"{e.url} {e.revision or e.path}" for entries in lists.values()
                                        for e in entries] + [save_part]).encode()
                             + SOURCE.read_bytes()).hexdigest()[:16]
    ui = {}
    for lang in lists:
        text = ui_of(config, lang)
        ui[lang] = {"prefix": lang_root(lang, langs), "ui": {
            "site": site_name_of(config, lang), "title": text["offline_title"], "body": text["offline_body"],
            "retry": text["offline_retry"], "kept": text["offline_kept"], "none": text["offline_none"],
            "save": text["offline_save"]}}
    settings = {"version": version, "langs": ui, "lists": list_urls,
                "imports": [WORKBOX + "workbox-routing.prod.js", WORKBOX + "workbox-precaching.prod.js", save_part],
                "style": OFFLINE_STYLE}
    return (f"self.PENA={json.dumps(settings, ensure_ascii=False, separators=(',', ':'))};"
            f"self.PENA.fingerprinted=/{FINGERPRINTED.pattern.replace('/', chr(92) + '/')}/;")


def write_worker(site: Path, settings: str, docs_dir: Path) -> None:
    parts = [f"/* Materi PENA: overrides/offline/sw.js. Workbox (MIT): {WORKBOX}LICENSE.txt */"]
    parts += [(docs_dir / WORKBOX / name).read_text("utf-8") for name in INLINED]
    parts += [settings, minified(SOURCE)]
    (site / "sw.js").write_text("\n".join(parts), "utf-8")


@event_priority(-400)  # last: after static-i18n, the search index split and the offline downloads
def on_post_build(config: MkDocsConfig) -> None:
    i18n = config.plugins.get("i18n")
    if i18n is None or getattr(i18n, "building", False) or not enabled(config):
        return
    site = Path(config.site_dir)
    langs = languages(Path(config.config_file_path))
    built = [lang for lang in langs.all if lang in i18n.build_languages]
    for lang in built:
        write_manifest(site, lang, langs, config)
    lists = {lang: save_list(site, lang, langs) for lang in built}
    fill_sizes(site, lists)
    lists = {lang: save_list(site, lang, langs) for lang in built}  # the download page changed
    list_urls = write_lists(site, lists)
    save_part = write_save_part(site, config, lists)
    if not _serving:
        write_worker(site, worker_settings(config, langs, lists, list_urls, save_part), Path(config.docs_dir))
