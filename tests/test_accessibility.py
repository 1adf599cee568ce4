"""axe-core on the built pages, pages without JavaScript, 320 px width.

By default axe runs on one page of each page type, the types taking turns between the
languages (`make test`); every page in every language is the slow variant (`make test-slow`,
run by CI): pages of one type share their templates and structure, so the default catches what
a change to the theme or to a page type breaks, and the slow run catches a defect in one page's
content.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from pena.content import load_site, page_url
from pena.testing import REPO

pytestmark = pytest.mark.browser
SITE = load_site()
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def one_page_per_type() -> list[tuple[str, str]]:
    """The first page of each type, in the languages by turns (every language is covered)."""
    types = sorted({str(page.type) for page in SITE.pages.values()})
    chosen = []
    for number, page_type in enumerate(types):
        lang = SITE.langs.all[number % len(SITE.langs.all)]
        chosen.append(next((key, page_lang) for (key, page_lang), page in sorted(SITE.pages.items())
                           if page_lang == lang and str(page.type) == page_type))
    return chosen


SAMPLE = one_page_per_type()
REST = [item for item in sorted(SITE.pages) if item not in SAMPLE]


def axe_violations(page) -> list[dict]:  # type: ignore[no-untyped-def]
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]} for v in result["violations"]]


@pytest.mark.parametrize(("key", "lang"), SAMPLE)
def test_axe_finds_no_violations_on_each_page_type(page, site_server: str, key: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_server + page_url(key, lang, SITE.langs))
    assert axe_violations(page) == []


@pytest.mark.slow
@pytest.mark.parametrize(("key", "lang"), REST)
def test_axe_finds_no_violations_on_every_other_page(page, site_server: str, key: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_server + page_url(key, lang, SITE.langs))
    assert axe_violations(page) == []


def test_the_sample_covers_every_page_type_and_every_language() -> None:
    assert {str(SITE.get(key, lang).type) for key, lang in SAMPLE} == {str(p.type) for p in SITE.pages.values()}  # type: ignore[union-attr]
    assert {lang for _, lang in SAMPLE} == set(SITE.langs.all)


def test_axe_detects_a_planted_violation(page, site_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_server + "tentang/")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert any(v["id"] == "image-alt" for v in axe_violations(page))


def test_lesson_readable_and_navigable_without_javascript(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(site_server + "literasi-keuangan/buku-kas/")
    expect(tab.locator("article h1")).to_be_visible()
    expect(tab.locator("article p").first).to_be_visible()
    tab.locator('.md-nav--primary a[href="../kuis/"]').first.click()  # the quiz of the same module
    tab.wait_for_url(site_server + "literasi-keuangan/kuis/")
    expect(tab.locator("article details").first).to_be_visible()
    context.close()


@pytest.mark.parametrize("path", ["riset-sederhana/harga-dan-uji-coba/", "literasi-keuangan/latihan/",
                                  "en/digital-marketing/latihan/", "fotografi-videografi/kuis/",
                                  "en/literasi-keuangan/lembar-kpm/", "riset-sederhana/kalkulator-harga/",
                                  "en/literasi-keuangan/rencana-keuangan/", "status-terjemahan/"])
def test_no_horizontal_scrolling_at_320px(browser, site_server: str, path: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 320, "height": 640})
    tab = context.new_page()
    tab.goto(site_server + path)
    width = tab.evaluate("document.documentElement.scrollWidth")
    assert width <= 320, f"{path} is {width} px wide at a 320 px viewport"
    context.close()
