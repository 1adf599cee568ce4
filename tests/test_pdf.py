"""Module and handout PDFs (scripts/pena/pdf.py), read back with pypdf.

Printing a module takes Chromium 10-25 s on 2 cores, so the default run prints one module
(its PDF in Indonesian, its handout in both languages); the slow run (`-m slow`) prints every
module in both languages, as `make release` does.
"""

from __future__ import annotations

import collections
from pathlib import Path

import pytest
from pypdf import PdfReader

from pena.content import load_site
from pena.pdf import handout_pdf_name, language_texts, make_pdfs, module_keys, module_pdf_name
from pena.revision import format_date, site_version_date
from pena.testing import TEST_SITE_URL

SITE = load_site()
MODULES = SITE.modules  # the modules of the nav
SAMPLE = "literasi-keuangan"
SLOW = pytest.mark.slow


def cases(default: set[tuple[str, str]]) -> list:  # type: ignore[type-arg]
    """Every module and language; those not in `default` only in the slow run."""
    return [pytest.param(m, lang, marks=() if (m, lang) in default else SLOW)
            for m in MODULES for lang in SITE.langs.all]


MODULE_CASES = cases({(SAMPLE, "id")})
HANDOUT_CASES = cases({(SAMPLE, lang) for lang in SITE.langs.all})
PDF_BUDGET = 2 * 1024 * 1024
A4 = (595.28, 841.89)  # points (Chromium rounds up to whole CSS pixels)


@pytest.fixture(scope="module")
def printed(built_site: Path, tmp_path_factory: pytest.TempPathFactory, browser):  # type: ignore[no-untyped-def]
    """print(module, lang, handouts_only) -> the folder with those PDFs, each printed once."""
    out = tmp_path_factory.mktemp("pdf")
    done: set[tuple[str, str, bool]] = set()

    def print_pdfs(module: str, lang: str, handouts_only: bool = False) -> Path:
        if (module, lang, False) not in done and (module, lang, handouts_only) not in done:
            make_pdfs(built_site, out, modules=(module,), langs_wanted=(lang,), handouts_only=handouts_only,
                      browser=browser)
            done.add((module, lang, handouts_only))
        return out

    return print_pdfs


def version_of(lang: str) -> str:
    """'Versi 30 November 2026': the site version date as the PDFs and handouts print it."""
    return language_texts(lang).ui["print"]["version"].format(date=format_date(site_version_date(), lang))


def text_of(reader: PdfReader) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def font_sizes(reader: PdfReader) -> collections.Counter[float]:
    """Characters per font size in points (Tf size times the text and user space scales)."""
    sizes: collections.Counter[float] = collections.Counter()

    def visit(text: str, cm: list[float], tm: list[float], font: object, size: float) -> None:
        if text.strip():
            sizes[round(size * abs(tm[3]) * abs(cm[3]), 1)] += len(text.strip())

    for page in reader.pages:
        page.extract_text(visitor_text=visit)
    return sizes


@pytest.mark.browser
@pytest.mark.parametrize(("module", "lang"), MODULE_CASES)
def test_module_pdf(printed, module: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    path = printed(module, lang) / module_pdf_name(module, lang)
    assert path.stat().st_size <= PDF_BUDGET, f"{path.name}: {path.stat().st_size} bytes > {PDF_BUDGET}"
    reader = PdfReader(path)
    keys = module_keys(module)
    assert len(reader.pages) >= len(keys) + 1, "a cover, then every page starting on a new page"
    text = text_of(reader)
    overview = SITE.get(f"{module}/index.md", lang)
    assert str(overview.meta["title"]) in reader.pages[0].extract_text()
    site_address = TEST_SITE_URL + ("" if lang == SITE.langs.default else f"{lang}/") + f"{module}/"
    assert site_address in " ".join(reader.pages[0].extract_text().split())
    for key in keys:
        assert " ".join(str(SITE.get(key, lang).meta["title"]).split()) in text, key
    last = reader.pages[-1].extract_text()
    assert f"{len(reader.pages)} / {len(reader.pages)}" in last, "page numbers"
    assert language_texts(lang).ui["print"]["pendamping"] in text, "the handout, with its print design"
    # The version date (the site's one: pena.revision) on the cover and at every page's foot;
    # the licence line on the cover.
    cover = " ".join(reader.pages[0].extract_text().split())
    assert version_of(lang) in cover and language_texts(lang).ui["licence"]["line"] in cover, cover
    assert version_of(lang) in last, "the version date at the foot of every page"

    destinations = set(reader.named_destinations)
    internal, external = [], []
    for page in reader.pages:
        for annotation in page.get("/Annots") or []:
            link = annotation.get_object()
            if "/Dest" in link:
                internal.append(link["/Dest"])
            elif "/A" in link and "/URI" in link["/A"]:
                external.append(str(link["/A"]["/URI"]))
    assert len(internal) >= len(keys), "the contents and the links between pages stay inside the PDF"
    assert not [d for d in internal if d not in destinations], "internal links without a target"
    assert external and all(url.startswith(("https://", "http://", "mailto:")) for url in external)
    assert not [url for url in external if url.startswith(("http://127.", "file:"))], external


@pytest.mark.browser
@pytest.mark.parametrize(("module", "lang"), HANDOUT_CASES)
def test_handout_pdf_is_one_a4_page_with_header_and_pendamping_line(
        printed, module: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    reader = PdfReader(printed(module, lang, handouts_only=True) / handout_pdf_name(module, lang))
    assert len(reader.pages) == 1
    box = reader.pages[0].mediabox
    assert abs(float(box.width) - A4[0]) < 2 and abs(float(box.height) - A4[1]) < 2, box
    text = " ".join(reader.pages[0].extract_text().split())
    ui = language_texts(lang).ui["print"]
    module_title = str(SITE.get(f"{module}/index.md", lang).meta["title"])
    assert f"{ui['brand']} · {module_title} · " in text, text[:200]
    assert ui["pendamping"] in text and ui["phone"] in text
    assert TEST_SITE_URL in text, "the address under the QR code"
    assert f"{ui['brand']} · {module_title} · {version_of(lang)}" in text, "the version date"
    assert language_texts(lang).ui["licence"]["line"] in text, "the licence line"
    sizes = font_sizes(reader)
    body = sizes.most_common(1)[0][0]
    assert body >= 14, f"body text is {body} pt: {sizes}"


def test_pdf_names_are_distinct_per_module_and_language() -> None:
    names = {f(m, lang) for m in MODULES for lang in SITE.langs.all for f in (module_pdf_name, handout_pdf_name)}
    assert len(names) == 2 * len(MODULES) * len(SITE.langs.all)


# A handout as long as CONTRIBUTING allows (230 words), with the most lines: short numbered
# steps under four sections. Its words come from the real handouts of the language.
LONGEST = 230


def long_handout(words: list[str]) -> str:
    pick = iter(words * 20)

    def take(n: int) -> str:
        return " ".join(next(pick) for _ in range(n))

    parts = [f"<p><strong>{take(10)}.</strong></p>"]
    used = 10
    for section in range(4):
        parts.append(f'<h2 id="s{section}">{take(3)}</h2><ol>')
        used += 3
        for _ in range(6):
            parts.append(f"<li>{take(8)}.</li>")
            used += 8
        parts.append("</ol>")
    assert used >= LONGEST - 40
    parts.append(f"<p>{take(LONGEST - used)}.</p>")
    return "".join(parts)


@pytest.mark.browser
@pytest.mark.parametrize("lang", SITE.langs.all)
def test_handout_design_holds_the_longest_allowed_handout(browser, site_server: str, lang: str) -> None:  # type: ignore[no-untyped-def]
    import io
    import re

    words = re.findall(r"[A-Za-zÀ-ž]{3,}", " ".join(
        p.body for p in SITE.in_lang(lang) if p.type == "handout"))
    tab = browser.new_page()
    tab.goto(site_server + ("" if lang == SITE.langs.default else f"{lang}/") + f"{SAMPLE}/lembar-kpm/")
    tab.evaluate("""html => {
        const article = document.querySelector('.md-content__inner');
        const h1 = article.querySelector('h1');
        for (const el of [...article.children]) {
            if (el !== h1 && !el.matches('.pena-share, .pena-print-qr, [class^=pena-sheet]')) el.remove();
        }
        h1.insertAdjacentHTML('afterend', html);
    }""", long_handout(words))
    assert len(tab.locator(".md-content__inner").inner_text().split()) >= LONGEST
    tab.emulate_media(media="print")
    reader = PdfReader(io.BytesIO(tab.pdf(format="A4", print_background=True)))
    tab.close()
    assert len(reader.pages) == 1, f"a {LONGEST}-word handout prints on {len(reader.pages)} pages"
    text = " ".join(reader.pages[0].extract_text().split())
    assert language_texts(lang).ui["print"]["pendamping"] in text and TEST_SITE_URL in text
    assert font_sizes(reader).most_common(1)[0][0] >= 14
