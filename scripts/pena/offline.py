"""What "save everything" stores for a language, derived from the built site.

Shared by the service-worker hook (which writes the lists the worker precaches and the sizes
the download page shows) and the tests (which check the lists and their budget). The list is
read from the finished site, not from the sources, so that whatever other hooks add (search
index files, stemmers, tool scripts, images) is saved too without anyone updating a list.

A language's files are the files of its folder (the default language: everything outside the
other languages' folders), plus the shared `assets/`, minus what is never needed offline:
downloads (zip, PDF), source maps, pre-compressed copies, the sitemap, the 404 page, the
service worker's own files, and the search stemmers and word segmenters of languages the site
does not have (Material ships 30 of them; the Thai segmenter alone is 159 KB compressed).
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass
from pathlib import Path

from pena.content import Languages
from pena.pageweight import gz

#: Served compressed by a static host (the same list as pena.serve's gzip server).
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt", ".webmanifest")
#: Material fingerprints its own bundles: main.57a0d79d.min.css, bundle.a5f9d56c.min.js.
FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:css|js)$")
NEVER_SAVED_SUFFIXES = (".gz", ".map", ".zip", ".pdf", ".webmanifest")
NEVER_SAVED_NAMES = ("sitemap.xml", "404.html", "sw.js")
#: Folders of files the service worker itself loads (kept by the browser with the worker).
NEVER_SAVED_FOLDERS = ("offline/", "assets/javascripts/vendor/workbox/")
LUNR_LANGUAGE = re.compile(r"^assets/javascripts/lunr/(?:min/)?lunr\.([a-z]{2})\.min\.js$")
LUNR_SEGMENTERS = ("assets/javascripts/lunr/tinyseg.js", "assets/javascripts/lunr/wordcut.js")
#: Written into the download page's save form and replaced by the sizes once the site is built
#: (the download page is itself one of the saved files).
SIZES_PLACEHOLDER = "__PENA_SAVE_SIZES__"


def format_size(size: int, decimal: str = ".") -> str:
    """Bytes for readers: '1.2 MB' (decimal megabytes, one decimal) or '450 KB'."""
    if size >= 1_000_000:
        return f"{size / 1_000_000:.1f}".replace(".", decimal) + " MB"
    return f"{max(1, round(size / 1000))} KB"


@dataclass(frozen=True)
class Entry:
    """One file to save: its URL relative to the site root, revision, and sizes in bytes."""

    url: str
    path: str
    revision: str | None  # None for fingerprinted files: the name changes with the content
    raw: int
    gz: int


def transfer_size(path: Path, data: bytes) -> int:
    """Bytes a static host with compression sends (gzip level 6, like pena.serve)."""
    return gz(data) if path.suffix in COMPRESSIBLE else len(data)


def url_of(rel: str) -> str:
    """Directory URL of a built page ('a/b/index.html' -> 'a/b/', 'index.html' -> './')."""
    if rel == "index.html":
        return "./"
    return rel[: -len("index.html")] if rel.endswith("/index.html") else rel


def saved(rel: str, lang: str, langs: Languages) -> bool:
    """Whether the built file `rel` (posix, relative to the site) is saved for `lang`."""
    name = rel.rsplit("/", 1)[-1]
    if rel.endswith(NEVER_SAVED_SUFFIXES) or name in NEVER_SAVED_NAMES or rel.startswith(NEVER_SAVED_FOLDERS):
        return False
    if rel.startswith("assets/"):
        stemmer = LUNR_LANGUAGE.match(rel)
        return rel not in LUNR_SEGMENTERS and not (stemmer and stemmer.group(1) not in langs.all)
    first = rel.split("/", 1)[0]
    if lang == langs.default:
        return not ("/" in rel and first in langs.translations)
    return "/" in rel and first == lang


def save_list(site: Path, lang: str, langs: Languages) -> list[Entry]:
    """Every file saved for `lang`, in path order."""
    entries = []
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        rel = path.relative_to(site).as_posix()
        if not saved(rel, lang, langs):
            continue
        data = path.read_bytes()
        revision = None if FINGERPRINTED.search(rel) else hashlib.sha256(data).hexdigest()[:12]
        entries.append(Entry(url_of(rel), rel, revision, len(data), transfer_size(path, data)))
    return entries


def union(*lists: list[Entry]) -> list[Entry]:
    """Entries of several languages, each shared file once."""
    seen: dict[str, Entry] = {}
    for entries in lists:
        for entry in entries:
            seen.setdefault(entry.url, entry)
    return list(seen.values())
