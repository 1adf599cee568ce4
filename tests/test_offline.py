"""The offline edition: a zip that opens from file:// with navigation, language switch and
search working and no request to any other host; and its download page."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect

from pena.content import modules
from pena.edition import FOLDER_IN_ZIP, ZIP_NAME, ZIP_URL, zip_folder
from pena.pdf import PDF_FOLDER, handout_pdf_name, module_pdf_name
from pena.revision import format_date, site_version_date
from pena.testing import REPO, mkdocs_build

MODULES = modules()  # the modules of the nav


@pytest.fixture(scope="module")
def offline_root(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("offline")
    result = mkdocs_build(REPO, work / "build", OFFLINE="true")
    assert result.returncode == 0, result.stderr
    archive = work / "edition.zip"
    zip_folder(work / "build", archive)
    with zipfile.ZipFile(archive) as bundle:
        bundle.extractall(work / "unzipped")
    return work / "unzipped" / FOLDER_IN_ZIP


def search_results(tab, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    tab.keyboard.press("/")
    tab.locator("input.md-search__input").press_sequentially(query, delay=30)
    results = tab.locator(".md-search-result__item > a")
    expect(results.first).to_be_visible(timeout=20_000)
    return [tab.evaluate("a => a.href", results.nth(i).element_handle()) for i in range(results.count())]


@pytest.mark.browser
def test_offline_edition_works_from_file_urls(browser, offline_root: Path) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))

    tab.goto((offline_root / "index.html").as_uri())
    assert tab.locator("html").get_attribute("lang") == "id"
    tab.locator('article a[href="literasi-keuangan/index.html"]').first.click()
    tab.wait_for_url("**/literasi-keuangan/index.html")

    id_results = search_results(tab, "kas")
    assert id_results and all("/en/" not in url for url in id_results), id_results
    tab.keyboard.press("Escape")

    tab.locator(".md-header .md-select").hover()
    tab.locator('a.md-select__link[hreflang="en"]').click()
    tab.wait_for_url("**/en/literasi-keuangan/index.html")
    expect(tab.locator("html")).to_have_attribute("lang", "en")
    en_results = search_results(tab, "cash")
    assert en_results and all("/en/" in url for url in en_results), en_results

    foreign = [url for url in requests if not url.startswith(("file://", "data:", "blob:", "about:"))]
    assert not foreign, foreign
    context.close()


def test_offline_edition_references_no_other_host(offline_root: Path) -> None:
    for html in offline_root.rglob("*.html"):
        text = html.read_text("utf-8")
        assert "unpkg.com" not in text, html
    assert (offline_root / "assets" / "javascripts" / "vendor" / "iframe-worker-shim.js").is_file()


def test_offline_edition_says_its_version_date(offline_root: Path) -> None:
    """The download page of the offline edition names the site version date (pena.revision),
    in each language."""
    day = site_version_date()
    for folder, words in (("", "edisi luring, versi"), ("en/", "offline edition, version of")):
        page = (offline_root / folder / "unduh.html").read_text("utf-8")  # file:// edition: no folder URLs
        lang = folder.rstrip("/") or "id"
        assert f'{words} <time datetime="{day.isoformat()}">{format_date(day, lang)}</time>' in page, folder


def test_download_page_shows_sizes_and_ships_the_zip_and_pdfs(tmp_path: Path) -> None:
    archive = tmp_path / ZIP_NAME
    archive.write_bytes(b"0" * 2_345_678)
    pdfs = tmp_path / "pdf"
    pdfs.mkdir()
    for lang in ("id", "en"):
        for module in MODULES:
            (pdfs / module_pdf_name(module, lang)).write_bytes(b"%PDF" + b"0" * 1_234_000)
            (pdfs / handout_pdf_name(module, lang)).write_bytes(b"%PDF" + b"0" * 56_000)
    result = mkdocs_build(REPO, tmp_path / "site", OFFLINE_ZIP=str(archive), PDF_DIR=str(pdfs))
    assert result.returncode == 0, result.stderr
    site = tmp_path / "site"
    assert (site / ZIP_URL).stat().st_size == 2_345_678
    page_id = (site / "unduh" / "index.html").read_text("utf-8")
    page_en = (site / "en" / "unduh" / "index.html").read_text("utf-8")
    assert 'href="materi-pena-offline.zip"' in page_id and "(2,3 MB)" in page_id
    assert 'href="../../unduh/materi-pena-offline.zip"' in page_en and "(2.3 MB)" in page_en
    # Every module's PDFs, in the page's language, with their sizes; copied into the site.
    for module in MODULES:
        assert (site / PDF_FOLDER / module_pdf_name(module, "en")).is_file()
        assert f'href="../pdf/{module_pdf_name(module, "id")}" download>' in page_id
        assert f'href="../../pdf/{handout_pdf_name(module, "en")}" download>' in page_en
        overview = (site / "en" / module / "index.html").read_text("utf-8")
        line = overview.split('class="pena-pdf-links">', 1)[1].split("</p>", 1)[0]
        assert f'href="../../pdf/{module_pdf_name(module, "en")}"' in line and "(1.2 MB)" in line and "(56 KB)" in line
    assert page_id.count("(1,2 MB)") == len(MODULES) and page_id.count("(56 KB)") == len(MODULES)


def test_download_page_says_when_pdfs_and_zip_are_not_built(built_site: Path) -> None:
    page = (built_site / "unduh" / "index.html").read_text("utf-8")
    assert "make release" in page and "pena-pdfs" not in page
    assert "pena-pdf-links" not in (built_site / "literasi-keuangan" / "index.html").read_text("utf-8")
