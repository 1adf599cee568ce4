"""axe-core on every built page in both languages, pages without JavaScript, 320 px width."""

from __future__ import annotations

import pytest

from pena.content import load_site, page_url
from pena.testing import REPO

pytestmark = pytest.mark.browser
SITE = load_site()
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"


def axe_violations(page) -> list[dict]:  # type: ignore[no-untyped-def]
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("axe.run(document, {resultTypes: ['violations']})")
    return [{"id": v["id"], "nodes": [n["target"] for n in v["nodes"]][:3]} for v in result["violations"]]


@pytest.mark.parametrize(("key", "lang"), sorted(SITE.pages))
def test_axe_finds_no_violations(page, site_server: str, key: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_server + page_url(key, lang, SITE.langs))
    assert axe_violations(page) == []


def test_axe_detects_a_planted_violation(page, site_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_server + "tentang/")
    page.evaluate("document.querySelector('article').insertAdjacentHTML('beforeend', '<img src=\"x.png\">')")
    assert any(v["id"] == "image-alt" for v in axe_violations(page))


def test_lesson_readable_and_navigable_without_javascript(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(java_script_enabled=False, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    tab.goto(site_server + "literasi-keuangan/buku-kas/")
    assert tab.locator("article h1").is_visible()
    assert tab.locator("article p").first.is_visible()
    tab.locator('.md-nav--primary a[href="../kuis/"]').first.click()  # the quiz of the same module
    tab.wait_for_load_state()
    assert tab.url == site_server + "literasi-keuangan/kuis/"
    assert tab.locator("article details").first.is_visible()
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
