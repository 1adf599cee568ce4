"""The built bilingual site: languages, switcher, hreflang, per-language search, no external
requests, and the strict build's failures on missing translations and broken anchors."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from pena.content import load_site, output_path, page_url
from pena.htmltags import start_tags, tags
from pena.search import read_index
from pena.testing import TEST_SITE_URL, MiniProject, small_site

SITE = load_site()
PAGES = sorted({key for key, _ in SITE.pages})


def absolute_url(key: str, lang: str) -> str:
    return urljoin(TEST_SITE_URL, page_url(key, lang, SITE.langs))


@pytest.mark.parametrize("key", PAGES)
def test_every_page_exists_in_both_languages_with_lang_switcher_and_hreflang(built_site: Path, key: str) -> None:
    for lang in SITE.langs.all:
        assert SITE.get(key, lang) is not None, f"{key} has no {lang} source"
        html_file = built_site / output_path(key, lang, SITE.langs)
        assert html_file.is_file(), f"{html_file} not built"
        found = tags(html_file)
        assert found[0][0] == "html" and found[0][1]["lang"] == lang
        me = absolute_url(key, lang)
        # language switcher: each language's entry leads to this page in that language
        switcher = {a["hreflang"]: a["href"] for t, a in found if t == "a" and "md-select__link" in a.get("class", "")}
        assert set(switcher) == set(SITE.langs.all)
        for other, href in switcher.items():
            assert urljoin(me, href) == absolute_url(key, other), f"{lang} switcher of {key} -> {href}"
        # head alternates: absolute, one per language plus x-default, reciprocal
        alternates = {a["hreflang"]: a["href"] for t, a in found if t == "link" and a.get("rel") == "alternate"}
        assert set(alternates) == {*SITE.langs.all, "x-default"}
        for other in SITE.langs.all:
            assert alternates[other] == absolute_url(key, other)
            assert urlsplit(alternates[other]).scheme == "https"
        assert alternates["x-default"] == absolute_url(key, SITE.langs.default)


def test_sitemap_has_absolute_alternates(built_site: Path) -> None:
    sitemap = (built_site / "sitemap.xml").read_text("utf-8")
    for key in PAGES:
        for lang in SITE.langs.all:
            assert f'hreflang="{lang}" href="{absolute_url(key, lang)}"' in sitemap


def test_home_titles_read_well(built_site: Path) -> None:
    titles = {lang: re.search(r"<title>(.*?)</title>", (built_site / output_path("index.md", lang, SITE.langs))
                              .read_text("utf-8")).group(1) for lang in SITE.langs.all}
    assert titles == {"id": "Materi PENA", "en": "PENA Materials"}


def _titles(lang: str) -> set[str]:
    """Every title a page of `lang` may be indexed under: its front-matter title and its H1."""
    found = set()
    for page in SITE.in_lang(lang):
        found.add(str(page.meta["title"]))
        found.update(h.text for h in page.structure.headings if h.level == 1)
    return found


def test_search_index_per_language(built_site: Path) -> None:
    """Each language's index holds exactly that language's pages (compared by URL: a page's
    indexed title is its H1, which may differ from the nav title)."""
    for lang in SITE.langs.all:
        folder = built_site / ("search" if lang == SITE.langs.default else f"{lang}/search")
        index = read_index(folder / "pena-index.js")  # search_index.json is a stub (issue 17)
        prefix = "" if lang == SITE.langs.default else f"{lang}/"
        wanted = {page_url(p.key, lang, SITE.langs)[len(prefix):] for p in SITE.in_lang(lang)}
        located = {doc["location"] for doc in index["docs"] if "#" not in doc["location"]}
        missing, extra = sorted(wanted - located)[:5], sorted(located - wanted)[:5]
        assert located == wanted, f"{lang}: index lacks {missing}, has extra {extra}"
        # Both languages share URLs, so the language of each indexed page shows in its title.
        titles = {doc["title"] for doc in index["docs"] if "#" not in doc["location"]}
        foreign = titles - _titles(lang)
        assert not foreign, f"{lang} index holds pages of another language: {sorted(foreign)[:5]}"


def test_english_pages_point_search_at_english_index(built_site: Path) -> None:
    html = (built_site / "en" / "tentang" / "index.html").read_text("utf-8")
    config = json.loads(re.search(r'<script id="__config" type="application/json">(.*?)</script>', html).group(1))
    assert config["base"] == "../../en/"  # a folder: Material resolves search/ against it




def _loaded_references(html: str) -> list[str]:
    """References the browser loads by itself: scripts, styles, icons, images, media, frames."""
    loaded = []
    for tag, attrs in start_tags(html):
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and attrs.get("src"):
            loaded.append(attrs["src"])
        if tag == "link" and attrs.get("rel") in ("stylesheet", "icon", "preload", "modulepreload", "manifest"):
            loaded.append(attrs.get("href", ""))
    return loaded


def test_nothing_loaded_from_another_host(built_site: Path) -> None:
    offenders = []
    for html_file in built_site.rglob("*.html"):
        for ref in _loaded_references(html_file.read_text("utf-8")):
            if urlsplit(ref).netloc or ref.startswith("//"):
                offenders.append(f"{html_file.relative_to(built_site)}: {ref}")
    for css in built_site.rglob("*.css"):
        for match in re.finditer(r"url\(\s*['\"]?((?:https?:)?//[^)'\"]+)", css.read_text("utf-8")):
            offenders.append(f"{css.relative_to(built_site)}: {match.group(1)}")
    assert not offenders, offenders[:10]


def test_detector_of_external_loads_works() -> None:
    assert _loaded_references('<script src="https://unpkg.com/x"></script><link rel="stylesheet" href="//cdn/x.css">'
                              ) == ["https://unpkg.com/x", "//cdn/x.css"]
    assert _loaded_references('<a href="https://ojk.go.id">OJK</a>') == []


# --------------------------------------------------------------------------------------------
# The strict build fails on what static-i18n and MkDocs would let through
# --------------------------------------------------------------------------------------------


@pytest.fixture()
def small(tmp_path: Path) -> MiniProject:
    """A site of three pages with the real theme, hooks and configuration: it builds in seconds."""
    return small_site(tmp_path / "small")


def test_missing_english_page_shows_a_notice_and_fails_only_a_release_build(small: MiniProject,
                                                                            tmp_path: Path) -> None:
    small.path("tentang.en.md").unlink()
    everyday = small.build(tmp_path / "out")
    assert everyday.returncode == 0, everyday.stderr
    preview = (tmp_path / "out" / "en" / "tentang" / "index.html").read_text("utf-8")
    assert "Not yet translated" in preview and 'lang="en"' in preview
    release = small.build(tmp_path / "release", REQUIRE_TRANSLATIONS="true")
    assert release.returncode != 0
    assert "'tentang.id.md' has no 'en' translation: create 'docs/tentang.en.md'" in release.stderr


def test_broken_anchor_in_english_page_fails_the_strict_build(small: MiniProject) -> None:
    small.append("tentang.en.md", "See [the home page](index.md#no-such-part).\n")
    result = small.build()
    assert result.returncode != 0
    assert "tentang.en.md" in result.stderr and "no-such-part" in result.stderr


def test_unsuffixed_file_shadowing_a_suffixed_one_fails(small: MiniProject) -> None:
    small.write("tentang.md", small.path("tentang.id.md").read_text("utf-8"))
    result = small.build()
    assert result.returncode != 0
    assert "'tentang.md' shadows 'tentang.id.md'" in result.stderr
