"""Sharing with KPM: WhatsApp links, QR codes (decoded by zxing-cpp), copy, print to one A4 page."""

from __future__ import annotations

import io
import re
from pathlib import Path
from urllib.parse import quote, unquote

import pytest
import zxingcpp
from PIL import Image
from playwright.sync_api import expect
from pypdf import PdfReader

from pena.content import load_site, output_path, page_url
from pena.testing import TEST_SITE_URL, small_site

SITE = load_site()
ALL = sorted(SITE.pages)
HANDOUTS = sorted((p.key, p.lang) for p in SITE.pages.values() if p.type == "handout")


def url_of(key: str, lang: str, base: str = TEST_SITE_URL) -> str:
    return base + page_url(key, lang, SITE.langs)


@pytest.mark.parametrize(("key", "lang"), ALL)
def test_every_page_has_whatsapp_link_and_qr_for_its_own_url(built_site: Path, key: str, lang: str) -> None:
    html = (built_site / output_path(key, lang, SITE.langs)).read_text("utf-8")
    me = url_of(key, lang)
    links = re.findall(r'class="md-button pena-share__whatsapp" href="(https://wa\.me/\?text=[^"]+)"', html)
    assert links, "no WhatsApp link"
    text = unquote(links[0].split("text=", 1)[1].replace("&amp;", "&"))
    assert text.endswith(" " + me), text
    assert quote(me, safe="") in links[0]
    printed = html.split('<figure class="pena-print-qr', 1)[1].split("</figure>", 1)[0]
    assert re.search(r'<svg aria-hidden="true" viewBox="0 0 \d+ \d+" class="pena-qr">', printed)
    assert f'<span class="pena-print-qr__url">{me}</span>' in printed


def decode_qr(page, svg: str) -> str:  # type: ignore[no-untyped-def]
    page.set_content(f'<body style="margin:0;background:#fff"><div style="width:400px">{svg}</div></body>')
    page.locator("svg").evaluate("s => { s.style.width = '400px'; s.style.height = '400px'; }")
    image = Image.open(io.BytesIO(page.locator("svg").screenshot()))
    results = zxingcpp.read_barcodes(image)
    assert results, "no QR code found in the image"
    return results[0].text


# One page of each language by default; every handout and more with `make test-slow`.
QR_SAMPLE = [("index.md", SITE.langs.default), next(h for h in HANDOUTS if h[1] != SITE.langs.default)]


@pytest.mark.browser
@pytest.mark.parametrize(("key", "lang"), [
    *QR_SAMPLE, *[pytest.param(key, lang, marks=pytest.mark.slow) for key, lang in
                  HANDOUTS + [("index.md", "en"), ("bagikan.md", "en")] if (key, lang) not in QR_SAMPLE]])
def test_qr_code_decodes_to_the_page_url(built_site: Path, page, key: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    html = (built_site / output_path(key, lang, SITE.langs)).read_text("utf-8")
    printed = html.split('<figure class="pena-print-qr', 1)[1]
    svg = re.search(r'<svg aria-hidden="true" viewBox="[^"]*" class="pena-qr">.*?</svg>', printed, re.S).group(0)
    assert decode_qr(page, svg) == url_of(key, lang)


@pytest.mark.browser
def test_handout_collection_lists_every_handout_with_decodable_qr(built_site: Path, page) -> None:  # type: ignore[no-untyped-def]
    for lang in SITE.langs.all:
        html = (built_site / output_path("bagikan.md", lang, SITE.langs)).read_text("utf-8")
        codes = re.findall(r'<figure class="pena-handout__qr">(<svg.*?</svg>)', html, re.S)
        expected = sorted(url_of(key, lang) for key, handout_lang in HANDOUTS if handout_lang == lang)
        assert len(expected) == len(SITE.modules)  # one handout per module
        assert sorted(decode_qr(page, svg) for svg in codes) == expected


@pytest.mark.browser
def test_copy_link_puts_url_on_clipboard_and_announces_it(browser, site_server: str) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    tab = context.new_page()
    for path, announced in (("riset-sederhana/", "Tautan sudah disalin."), ("en/riset-sederhana/", "Link copied.")):
        tab.goto(site_server + path)
        tab.get_by_role("button", name="Salin tautan" if path.startswith("riset") else "Copy link").click()
        expect(tab.locator(".pena-share [role=status]")).to_have_text(announced)
        assert tab.evaluate("navigator.clipboard.readText()") == TEST_SITE_URL + path
    context.close()


@pytest.mark.browser
@pytest.mark.parametrize(("key", "lang"), HANDOUTS)
def test_handout_prints_on_one_a4_page_with_url_and_qr(page, site_server: str, key: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    path = url_of(key, lang, site_server)
    page.goto(path)
    expect(page.locator(".pena-print-qr svg")).to_be_visible()  # handouts show their QR code on screen too
    page.emulate_media(media="print")
    expect(page.locator(".pena-share")).to_be_hidden()
    expect(page.locator(".md-header")).to_be_hidden()
    # On paper the handout's QR code sits in its printed foot, beside the pendamping line.
    expect(page.locator(".pena-sheet__foot svg")).to_be_visible()
    pdf = PdfReader(io.BytesIO(page.pdf(format="A4", print_background=True)))
    assert len(pdf.pages) == 1, f"{key} ({lang}) prints on {len(pdf.pages)} pages"
    text = "".join(pdf.pages[0].extract_text().split())
    assert url_of(key, lang).replace(" ", "") in text


@pytest.mark.browser
def test_share_bar_hidden_in_print_on_a_lesson(page, site_server: str) -> None:  # type: ignore[no-untyped-def]
    page.goto(site_server + "literasi-keuangan/buku-kas/")
    expect(page.locator(".pena-share")).to_be_visible()
    expect(page.locator(".pena-print-qr")).to_be_hidden()  # on screen the QR code is for handouts only
    page.emulate_media(media="print")
    expect(page.locator(".pena-share")).to_be_hidden()
    expect(page.locator(".pena-print-qr")).to_be_visible()


@pytest.mark.parametrize("value", ["", "not a url", "ftp://example.org/"])
def test_missing_or_malformed_site_url_fails_the_build(tmp_path: Path, value: str) -> None:
    result = small_site(tmp_path / "small").build(tmp_path / "out", SITE_URL=value)
    assert result.returncode != 0
    assert "site_url" in result.stderr and "Traceback" not in result.stderr
    assert not (tmp_path / "out" / "index.html").exists()
