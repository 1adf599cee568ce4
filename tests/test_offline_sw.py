"""Save for offline reading in the browser: the service worker in Debian's Chromium, the site
served over HTTP with gzip (pena.serve), every byte the browser fetches counted by the server.

- Save everything, go offline: pages of both languages, the language switch, search and a
  calculator work; a page that was never saved shows the offline page in its language.
- A published change reaches the saved copy, which tells the reader once.
- Budgets: the worker and its registration on the first view; "save everything" per language.
"""

from __future__ import annotations

import gzip
import json
import re
import shutil
import time
import warnings
from collections.abc import Iterator
from pathlib import Path

import pytest
from test_tools_browser import fill_hpp

from pena.content import load_site
from pena.offline import save_list, union
from pena.serve import GzipHandler, serve
from pena.testing import copy_repo, mkdocs_build

SITE = load_site()
LANGS = SITE.langs
SW_BUDGET = 6 * 1024  # worker + registration, gzip, first view
SAVE_BUDGET = 4 * 1024 * 1024  # "save everything" for one language
WARN_AT = 0.9  # budgets warn when 90% used, before they fail


class CountingHandler(GzipHandler):
    """The test server: gzip like a real host, and a record of every body it sent."""

    def copyfile(self, source, outputfile) -> None:  # type: ignore[no-untyped-def]
        data = source.read()
        outputfile.write(data)
        self.server.transfers.append((self.path.split("?")[0], len(data)))  # type: ignore[attr-defined]


class Server:
    def __init__(self, folder: Path) -> None:
        self.server, self.url = serve(folder, handler_class=CountingHandler)
        self.server.transfers = []  # type: ignore[attr-defined]

    @property
    def transfers(self) -> list[tuple[str, int]]:
        return self.server.transfers  # type: ignore[attr-defined]

    def bytes_since(self, start: int) -> int:
        return sum(size for _, size in self.transfers[start:])


@pytest.fixture(scope="module")
def served(built_site: Path) -> Iterator[Server]:
    server = Server(built_site)
    yield server
    server.server.shutdown()


def registration_bytes(site: Path) -> int:
    """gzip size of the registration block of pena.js (the rest of pena.js is not ours to count)."""
    script = (site / "assets/javascripts/pena.js").read_text("utf-8")
    block = script[script.index("// --- offline ("):script.index("// --- end offline")]
    return len(gzip.compress(block.encode(), 6))


def check_budget(name: str, used: int, budget: int) -> None:
    assert used <= budget, f"{name}: {used} bytes > budget {budget}"
    if used > WARN_AT * budget:
        warnings.warn(f"{name}: {used} of {budget} bytes ({used / budget:.0%}), headroom {budget - used}", stacklevel=2)
    print(f"{name}: {used} of {budget} bytes, headroom {budget - used}")


def new_context(browser):  # type: ignore[no-untyped-def]
    return browser.new_context(viewport={"width": 390, "height": 800}, service_workers="allow")


def wait_until(tab, script: str, timeout: float = 60) -> None:  # type: ignore[no-untyped-def]
    """Poll an async page expression (Playwright's wait_for_function does not await promises)."""
    deadline = time.monotonic() + timeout
    while not tab.evaluate(script):
        assert time.monotonic() < deadline, f"timed out waiting for {script}"
        tab.wait_for_timeout(250)


def wait_controlled(tab) -> None:  # type: ignore[no-untyped-def]
    tab.wait_for_function("navigator.serviceWorker.controller !== null", timeout=20_000)


def save(tab, base: str, langs: list[str]) -> str:  # type: ignore[no-untyped-def]
    """Press "save everything" on the download page for `langs`; returns the final message."""
    tab.goto(base + "unduh/")
    form = tab.locator("[data-pena-save]")
    form.wait_for(state="visible")
    for box in form.locator("input[name=pena-save-lang]").all():
        box.set_checked(box.get_attribute("value") in langs)
    assert re.search(r"\d", form.locator("[data-pena-save-size]").inner_text()), "no size shown before saving"
    form.locator("[data-pena-save-start]").click()
    tab.wait_for_function("el => ['done', 'failed'].includes(el.dataset.state)", arg=form.element_handle(),
                          timeout=120_000)
    status = form.locator("[data-pena-save-status]").inner_text()
    assert form.get_attribute("data-state") == "done", status
    return status


def search(tab, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    tab.keyboard.press("/")
    tab.locator("input.md-search__input").press_sequentially(query, delay=30)
    results = tab.locator(".md-search-result__item > a")
    results.first.wait_for(timeout=20_000)
    return [results.nth(i).get_attribute("href") or "" for i in range(results.count())]


# --------------------------------------------------------------------------------------------
# Budgets from the built files (deterministic)
# --------------------------------------------------------------------------------------------


def test_worker_and_registration_fit_the_first_view_budget(built_site: Path) -> None:
    worker = gzip.compress((built_site / "sw.js").read_bytes(), 6)
    assert b"importScripts" in (built_site / "sw.js").read_bytes()
    check_budget("service worker + registration (gzip)", len(worker) + registration_bytes(built_site), SW_BUDGET)


@pytest.mark.parametrize("lang", LANGS.all)
def test_save_everything_fits_its_budget(built_site: Path, lang: str) -> None:
    entries = save_list(built_site, lang, LANGS)
    urls = {entry.url for entry in entries}
    home = "./" if lang == LANGS.default else f"{lang}/"
    assert home in urls and any(url.endswith("search_index.json") for url in urls), sorted(urls)[:20]
    assert not any(url.endswith((".pdf", ".zip", ".map", "sw.js")) or "wordcut" in url for url in urls)
    other = [other for other in LANGS.all if other != lang]
    assert not any(url.startswith(tuple(f"{o}/" for o in other if o != LANGS.default)) for url in urls)
    check_budget(f"save everything ({lang}, gzip)", sum(entry.gz for entry in entries), SAVE_BUDGET)


def test_save_lists_name_every_page_of_their_language(built_site: Path) -> None:
    from pena.content import page_url

    for lang in LANGS.all:
        urls = {entry.url for entry in save_list(built_site, lang, LANGS)}
        for page in SITE.in_lang(lang):
            assert (page_url(page.key, lang, LANGS) or "./") in urls, (page.key, lang)


def test_download_page_has_the_sizes_of_the_lists(built_site: Path) -> None:
    both = union(*(save_list(built_site, lang, LANGS) for lang in LANGS.all))
    html = (built_site / "unduh" / "index.html").read_text("utf-8")
    assert "__PENA_SAVE_SIZES__" not in html
    sizes = json.loads(re.search(r'data-sizes="([^"]*)"', html).group(1).replace("&quot;", '"'))
    # Measured before the numbers were written into the download pages, which are saved too.
    assert abs(sizes[",".join(LANGS.all)][0] - sum(e.gz for e in both)) < 1000, sizes
    for lang in LANGS.all:
        assert abs(sizes[lang][1] - sum(e.raw for e in save_list(built_site, lang, LANGS))) < 1000, sizes


# --------------------------------------------------------------------------------------------
# In the browser
# --------------------------------------------------------------------------------------------


@pytest.mark.browser
def test_first_view_adds_at_most_the_worker_budget(browser, served: Server) -> None:  # type: ignore[no-untyped-def]
    page_path = "literasi-keuangan/buku-kas/"
    totals = {}
    for mode in ("block", "allow"):
        context = browser.new_context(viewport={"width": 390, "height": 800}, service_workers=mode)
        tab = context.new_page()
        start = len(served.transfers)
        tab.goto(served.url + page_path)
        if mode == "allow":
            wait_controlled(tab)
        tab.wait_for_load_state("networkidle")
        totals[mode] = served.bytes_since(start)
        fetched = [path for path, _ in served.transfers[start:]]
        context.close()
        if mode == "allow":
            assert fetched.count("/" + page_path) == 1, "the worker fetched the page again"
    check_budget("first view: worker and registration (gzip, measured)",
                 totals["allow"] - totals["block"] + registration_bytes(served_folder(served)), SW_BUDGET)


def served_folder(server: Server) -> Path:
    return Path(server.server.RequestHandlerClass.keywords["directory"])  # type: ignore[attr-defined]


@pytest.mark.browser
def test_save_everything_then_read_offline(browser, served: Server) -> None:  # type: ignore[no-untyped-def]
    base = served.url
    context = new_context(browser)
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    tab.goto(base)
    wait_controlled(tab)

    # One language, then the second: each download within budget, both with progress.
    for langs in (["id"], ["id", "en"]):
        start = len(served.transfers)
        message = save(tab, base, langs)
        assert tab.locator("[data-pena-save] progress").is_hidden()
        assert message.startswith(tab.locator("[data-pena-save]").get_attribute("data-msg-done").split("{")[0]), message
        check_budget(f"save everything, measured ({langs[-1]})", served.bytes_since(start), SAVE_BUDGET)
    assert "save=id%2Cen" in tab.evaluate("navigator.serviceWorker.controller.scriptURL")

    context.set_offline(True)
    pages = ["", "literasi-keuangan/buku-kas/", "riset-sederhana/kuis/", "digital-marketing/lembar-kpm/",
             "en/", "en/fotografi-videografi/cahaya-dan-latar/", "en/literasi-keuangan/pinjaman-dan-penipuan/"]
    for path in pages:
        tab.goto(base + path)
        assert tab.locator("article h1").count() == 1, f"{path}: not the saved page offline"
        assert tab.locator("link[rel=stylesheet]").count() >= 1 and tab.evaluate(
            "getComputedStyle(document.querySelector('.md-header')).position") == "sticky", f"{path}: no CSS"
        assert tab.evaluate("document.documentElement.lang") == ("en" if path.startswith("en/") else "id")

    # Language switch, offline.
    tab.goto(base + "literasi-keuangan/buku-kas/")
    tab.locator(".md-header .md-select").hover()
    tab.locator('a.md-select__link[hreflang="en"]').click()
    tab.wait_for_load_state()
    assert tab.url == base + "en/literasi-keuangan/buku-kas/"
    assert tab.locator("article h1").count() == 1

    # Search, offline, in each language.
    assert any("buku-kas" in href for href in search(tab, "cash"))
    tab.goto(base + "literasi-keuangan/")
    assert any("buku-kas" in href for href in search(tab, "kas"))

    # A calculator, offline.
    tab.goto(base + "riset-sederhana/kalkulator-harga/")
    form = tab.locator("#hpp-form")
    form.wait_for(state="visible")
    fill_hpp(tab, "id")
    form.locator("button[type=submit]").click()
    result = form.locator(".pena-tool__result")
    assert result.is_visible(), form.locator("[role=status]").inner_text()
    assert "Rp" in result.inner_text()

    # A page that does not exist in the saved copy: the offline page, in its language.
    tab.goto(base + "en/not-saved-anywhere/")
    assert tab.evaluate("document.documentElement.lang") == "en"
    assert "This page is not saved yet" in tab.locator("h1").inner_text()
    assert not errors, errors
    context.close()


@pytest.mark.browser
def test_unsaved_page_offline_lists_the_pages_that_were_read(browser, served: Server) -> None:  # type: ignore[no-untyped-def]
    base = served.url
    context = new_context(browser)
    tab = context.new_page()
    tab.goto(base + "literasi-keuangan/")
    wait_controlled(tab)
    tab.goto(base + "literasi-keuangan/buku-kas/")  # kept while reading, not saved with the button
    tab.wait_for_load_state("networkidle")
    context.set_offline(True)
    tab.goto(base + "literasi-keuangan/buku-kas/")
    assert tab.locator("article h1").count() == 1
    tab.goto(base + "literasi-keuangan/kuis/")
    assert tab.evaluate("document.documentElement.lang") == "id"
    assert tab.locator("h1").inner_text() == "Halaman ini belum tersimpan"
    links = [a.get_attribute("href") for a in tab.locator("main li a").all()]
    assert base + "literasi-keuangan/buku-kas/" in links, links
    assert all("/en/" not in link for link in links), links
    tab.locator("main a[href$='unduh/#simpan']").wait_for()
    context.close()


# --------------------------------------------------------------------------------------------
# A new version reaches the saved copy
# --------------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.slow  # a second build of the site
def test_published_change_updates_the_saved_copy_and_says_so_once(
        browser, built_site: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    live = tmp_path / "live"
    shutil.copytree(built_site, live)
    changed = copy_repo(tmp_path / "repo")
    lesson = changed / "docs" / "literasi-keuangan" / "buku-kas.id.md"
    marker = "Kalimat baru untuk menguji pembaruan salinan tersimpan."
    text = lesson.read_text("utf-8")
    lesson.write_text(text.replace("\n## ", f"\n{marker}\n\n## ", 1), "utf-8")
    result = mkdocs_build(changed, tmp_path / "next")
    assert result.returncode == 0, result.stderr

    server = Server(live)
    base = server.url
    context = new_context(browser)
    tab = context.new_page()
    try:
        tab.goto(base)
        wait_controlled(tab)
        save(tab, base, ["id"])
        tab.goto(base + "literasi-keuangan/buku-kas/")
        assert marker not in tab.content()

        # Publish the new version, then open any page online: the browser finds the new worker
        # (soon after a navigation, so it may already be looking) and it stores the changes.
        start = len(server.transfers)
        shutil.rmtree(live)
        shutil.copytree(tmp_path / "next", live)
        old_version = tab.evaluate("navigator.serviceWorker.controller.scriptURL")
        tab.goto(base + "tentang/")
        wait_until(tab, "caches.open('pena-meta').then(c => c.match('/notice')).then(r => !!r)")
        downloaded = [path for path, _ in server.transfers[start:]]
        assert "/sw.js" in downloaded and old_version.endswith("save=id")
        assert "/literasi-keuangan/buku-kas/" in downloaded
        assert "/literasi-keuangan/mengatur-uang/" not in downloaded, "unchanged pages were downloaded again"

        # The saved copy now has the change, offline too; the notice shows once.
        context.set_offline(True)
        tab.goto(base + "literasi-keuangan/buku-kas/")
        assert marker in tab.content()
        notice = tab.locator(".pena-notice")
        assert notice.count() == 1 and "diperbarui" in notice.inner_text()
        tab.goto(base + "literasi-keuangan/")
        assert tab.locator(".pena-notice").count() == 0
    finally:
        context.close()
        server.server.shutdown()


@pytest.mark.browser
def test_save_failures_say_what_went_wrong(browser, built_site: Path, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    live = tmp_path / "live"
    shutil.copytree(built_site, live)
    shutil.rmtree(live / "literasi-keuangan" / "buku-kas")  # a listed file the host lost
    server = Server(live)
    base = server.url
    context = new_context(browser)
    tab = context.new_page()
    try:
        tab.goto(base + "unduh/")
        wait_controlled(tab)
        form = tab.locator("[data-pena-save]")
        status = form.locator("[data-pena-save-status]")

        def attempt(expected: str) -> None:
            form.locator("[data-pena-save-start]").click()
            tab.wait_for_function("el => el.dataset.state === 'failed'", arg=form.element_handle(), timeout=60_000)
            assert status.inner_text() == form.get_attribute(f"data-msg-{expected}"), status.inner_text()
            form.evaluate("el => el.removeAttribute('data-state')")

        context.set_offline(True)  # no connection before starting
        tab.wait_for_function("!navigator.onLine")
        form.locator("[data-pena-save-start]").click()
        assert status.inner_text() == form.get_attribute("data-msg-offline")
        context.set_offline(False)
        tab.wait_for_function("navigator.onLine")

        # A phone with almost no free storage (the browser's estimate, stubbed: Chromium's quota
        # override reaches the estimate only some of the time).
        tab.evaluate("navigator.storage.estimate = () => Promise.resolve({quota: 50000, usage: 1000})")
        attempt("storage")
        tab.evaluate("delete navigator.storage.estimate")

        attempt("server")  # the missing page: nothing half-saved is used
        assert "save=" not in tab.evaluate("navigator.serviceWorker.controller.scriptURL")
        assert tab.locator("[data-pena-save] progress").is_hidden()
    finally:
        context.close()
        server.server.shutdown()
