"""Real browser (Playwright + Debian's Chromium): language switch and per-language search."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser


def search(page, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type like a person (Material ignores fill()), return the result links."""
    page.keyboard.press("/")
    field = page.locator("input.md-search__input")
    field.press_sequentially(query, delay=30)
    results = page.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=15_000)
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


def test_switch_language_lands_on_same_page_then_search_is_english_only(page, site_server: str) -> None:
    page.goto(site_server + "literasi-keuangan/buku-kas/")
    assert page.locator("html").get_attribute("lang") == "id"
    page.locator(".md-header .md-select").hover()
    page.locator('a.md-select__link[hreflang="en"]').click()
    page.wait_for_url(site_server + "en/literasi-keuangan/buku-kas/")
    expect(page.locator("html")).to_have_attribute("lang", "en")

    hrefs = search(page, "cash book")
    assert hrefs
    absolute = [page.evaluate("h => new URL(h, location.href).href", h) for h in hrefs]
    assert all(url.startswith(site_server + "en/") for url in absolute), absolute


def test_indonesian_search_finds_prefixes_and_stays_indonesian(page, site_server: str) -> None:
    page.goto(site_server + "tentang/")
    hrefs = search(page, "pinja")  # a prefix: finds pinjaman, pinjol
    absolute = [page.evaluate("h => new URL(h, location.href).href", h) for h in hrefs]
    assert any("literasi-keuangan" in url for url in absolute), absolute
    assert not any(url.startswith(site_server + "en/") for url in absolute), absolute


def test_page_load_requests_stay_on_the_site_and_skip_sitemaps(page, site_server: str) -> None:
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    for path in ("", "en/riset-sederhana/harga-dan-uji-coba/", "literasi-keuangan/kuis/"):
        page.goto(site_server + path)
        page.wait_for_load_state("networkidle")
    assert requests and all(url.startswith(site_server) for url in requests), requests
    assert not [url for url in requests if url.endswith("sitemap.xml")]
    assert page.locator('link[rel="alternate"][hreflang]').count() == 0  # removed from the live page
