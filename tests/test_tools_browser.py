"""Browser tests of the two interactive tools, in both languages, through Debian's Chromium.

The expected numbers are worked out here from the pages' worked examples (Bu Sari's cassava
chips and her family's monthly plan), not copied from the tools' output. Messages are read
from the page itself (its data-msg-* attributes), because every word of a tool lives in the
page of its language; a few are also checked word for word.

Set PENA_TOOLS_URL to test an already served build (for example a non-strict preview while
other modules are still missing); otherwise the session's strict build is used.
"""

from __future__ import annotations

import gzip
import math
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:  # Playwright itself is imported by conftest's browser fixture
    from playwright.sync_api import Browser, Locator, Page

REPO = Path(__file__).resolve().parents[1]
TOOLS_JS = REPO / "docs" / "assets" / "javascripts" / "tools"
HPP = "riset-sederhana/kalkulator-harga/"
PLAN = "literasi-keuangan/rencana-keuangan/"
PREFIX = {"id": "", "en": "en/"}
LANGS = ["id", "en"]
BAD_TEXT = re.compile(r"NaN|Infinity|undefined|null")


# --------------------------------------------------------------------------------------------
# Expected values, computed independently of calc.js
# --------------------------------------------------------------------------------------------


def rp(value: float, lang: str) -> str:
    """Rp1.234.567 (id) or Rp1,234,567 (en), whole rupiah."""
    sign = "-" if value < 0 else ""
    grouped = f"{round(abs(value)):,}"
    return sign + "Rp" + (grouped.replace(",", ".") if lang == "id" else grouped)


def pct(value: float, lang: str) -> str:
    """33,3% (id) or 33.3% (en): one decimal, none when it is zero."""
    text = f"{round(value, 1):.1f}".removesuffix(".0")
    return (text.replace(".", ",") if lang == "id" else text) + "%"


def count(value: int, lang: str) -> str:
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if lang == "id" else grouped


# Bu Sari's batch: name, amount, and how it is typed on each language's page.
SARI = [
    ({"id": "Singkong", "en": "Cassava"}, 50_000, {"id": "Rp 50.000", "en": "Rp 50,000"}),
    ({"id": "Minyak goreng", "en": "Cooking oil"}, 54_000, {"id": "54.000", "en": "54,000"}),
    ({"id": "Bumbu", "en": "Seasoning"}, 20_000, {"id": "20000", "en": "20000"}),
    ({"id": "Gas", "en": "Gas"}, 22_000, {"id": "Rp22.000", "en": "Rp22,000"}),
    ({"id": "Kemasan dan label", "en": "Packs and labels"}, 60_000, {"id": "60.000", "en": "60,000"}),
]
UNITS = 100
TOTAL = sum(amount for _, amount, _ in SARI)  # 206,000
UNIT_COST = TOTAL / UNITS  # 2,060
FIXED = 288_000  # the cassava slicer
MARKUP = 50

# The family plan: income 3,000,000; seven pockets.
INCOME = 3_000_000
POCKETS = {
    "usaha": 300_000, "rumah-tangga": 1_500_000, "pendidikan": 300_000, "kesehatan": 150_000,
    "tabungan": 150_000, "dana-darurat": 150_000, "cicilan": 300_000,
}
LIMIT = 30


def local(value: int, lang: str) -> str:
    """A number typed with the page's thousands mark, as a reader would."""
    return count(value, lang)


# --------------------------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------------------------


@pytest.fixture(scope="session")
def tools_url(request: pytest.FixtureRequest) -> str:
    url = os.environ.get("PENA_TOOLS_URL")
    if url:
        return url.rstrip("/") + "/"
    return request.getfixturevalue("site_server")


def open_tool(page: Page, base: str, path: str, lang: str) -> Locator:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(base + PREFIX[lang] + path)
    form_id = "#hpp-form" if path == HPP else "#plan-form"
    page.wait_for_selector(form_id, state="visible")
    assert page.get_attribute("html", "lang") == lang
    assert not errors, errors
    return page.locator(form_id)


def out(form: Locator, name: str) -> str:
    return form.locator(f"[data-out='{name}']").inner_text().strip()


def expected_message(page: Page, selector: str, code: str) -> str:
    """The page's own message for an error code: the field's data-msg-*, else the form's."""
    key = "msg" + "".join(part.capitalize() for part in code.split("-"))
    text = page.eval_on_selector(
        selector, "(el, key) => el.dataset[key] || el.form.dataset[key] || ''", key)
    assert text, f"no message for {code} on {selector}"
    return text


def assert_clean(form: Locator) -> None:
    text = form.inner_text()
    assert not BAD_TEXT.search(text), text


def assert_field_error(page: Page, form: Locator, selector: str, code: str) -> None:
    field = page.locator(selector)
    error_id = field.get_attribute("id") + "-error"
    error = page.locator(f"#{error_id}")
    assert error.is_visible(), f"no message shown next to {selector} for {code}"
    assert error.inner_text().strip() == expected_message(page, selector, code)
    assert field.get_attribute("aria-invalid") == "true"
    assert error_id in (field.get_attribute("aria-describedby") or "").split()
    assert page.evaluate("document.activeElement.id") == field.get_attribute("id")
    assert form.locator(".pena-tool__result").is_hidden()
    assert form.locator("[role=status]").inner_text().strip() == form.get_attribute("data-msg-check")
    assert_clean(form)


def fill_hpp(page: Page, lang: str, *, mode: str = "markup", value: str = str(MARKUP),
             fixed: str | None = None) -> None:
    add = page.locator("#hpp-add")
    while page.locator(".hpp-amount").count() < len(SARI):
        add.click()
    for index, (names, _, typed) in enumerate(SARI, start=1):
        page.fill(f"#hpp-name-{index}", names[lang])
        page.fill(f"#hpp-amount-{index}", typed[lang])
    page.fill("#hpp-units", str(UNITS))
    page.check(f"input[name='hpp-mode'][value='{mode}']")
    page.fill(f"#hpp-{mode}", value)
    page.fill("#hpp-fixed", local(FIXED, lang) if fixed is None else fixed)


def submit(form: Locator) -> None:
    form.locator("button[type=submit]").click()


def fill_plan(page: Page, lang: str, pockets: dict[str, int] | None = None) -> None:
    page.fill("#plan-income", ("Rp " if lang == "id" else "Rp") + local(INCOME, lang))
    for key, amount in (pockets or POCKETS).items():
        page.fill(f"#plan-{key}", local(amount, lang))


# --------------------------------------------------------------------------------------------
# Unit cost and price calculator
# --------------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_hpp_worked_example_with_markup(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, HPP, lang)
    assert page.locator(".pena-nojs").is_hidden()
    fill_hpp(page, lang)
    submit(form)

    price = math.ceil(UNIT_COST * (100 + MARKUP) / 100)  # 3,090
    profit = price - UNIT_COST  # 1,030
    assert out(form, "totalCost") == rp(TOTAL, lang) == ("Rp206.000" if lang == "id" else "Rp206,000")
    assert out(form, "unitCost") == rp(UNIT_COST, lang)
    assert out(form, "price") == rp(price, lang)
    assert out(form, "profitUnit") == rp(profit, lang)
    assert out(form, "profitBatch") == rp(profit * UNITS, lang)
    assert out(form, "markup") == pct(MARKUP, lang)
    assert out(form, "margin") == pct(profit / price * 100, lang) == ("33,3%" if lang == "id" else "33.3%")
    break_even = math.ceil(FIXED / profit)  # 279.6 -> 280
    assert out(form, "breakEven") == form.get_attribute("data-break-even").replace(
        "{units}", count(break_even, lang)).replace("{fixed}", rp(FIXED, lang))
    assert form.locator("[data-out='loss']").is_hidden()
    status = form.locator("[role=status]")
    assert status.get_attribute("aria-live") == "polite"
    assert rp(UNIT_COST, lang) in status.inner_text() and rp(price, lang) in status.inner_text()
    assert_clean(form)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_hpp_own_price_and_margin(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, HPP, lang)
    warung_price = 3_500
    fill_hpp(page, lang, mode="price", value=("Rp" + local(warung_price, lang)))
    submit(form)
    profit = warung_price - UNIT_COST  # 1,440
    assert out(form, "price") == rp(warung_price, lang)
    assert out(form, "profitUnit") == rp(profit, lang)
    assert out(form, "profitBatch") == rp(profit * UNITS, lang) == rp(144_000, lang)
    assert out(form, "markup") == pct(profit / UNIT_COST * 100, lang)  # 69.9%
    assert out(form, "margin") == pct(profit / warung_price * 100, lang)  # 41.1%
    assert count(math.ceil(FIXED / profit), lang) in out(form, "breakEven")  # exactly 200
    # The markup field is hidden in this mode and its old content is ignored.
    assert page.locator("#hpp-markup").is_hidden()

    margin = 40
    page.check("input[name='hpp-mode'][value='margin']")
    page.fill("#hpp-margin", str(margin))
    page.fill("#hpp-fixed", "")
    submit(form)
    price = math.ceil(UNIT_COST / (1 - margin / 100))  # 3,433.33 -> 3,434
    assert out(form, "price") == rp(price, lang)
    assert out(form, "profitUnit") == rp(price - UNIT_COST, lang)
    assert out(form, "breakEven") == form.get_attribute("data-break-even-none")
    assert_clean(form)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_hpp_price_below_cost(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, HPP, lang)
    fill_hpp(page, lang, mode="price", value=local(2_000, lang))
    submit(form)
    loss = form.locator("[data-out='loss']")
    assert loss.is_visible()
    assert rp(UNIT_COST - 2_000, lang) in loss.inner_text()  # loses Rp60 a pack
    assert out(form, "profitUnit") == rp(2_000 - UNIT_COST, lang)
    assert out(form, "breakEven") == form.get_attribute("data-break-even-impossible")
    # Exactly at cost (0% markup) is not a loss, but break-even is still impossible.
    page.check("input[name='hpp-mode'][value='markup']")
    page.fill("#hpp-markup", "0")
    submit(form)
    assert loss.is_hidden()
    assert out(form, "breakEven") == form.get_attribute("data-break-even-impossible")
    assert_clean(form)


HPP_BAD = [
    ("#hpp-amount-1", "", "empty"),
    ("#hpp-amount-1", "lima puluh ribu", "letters"),
    ("#hpp-amount-1", "-50000", "negative"),
    ("#hpp-amount-1", "0", "zero"),
    ("#hpp-amount-1", "9000000000000", "too-large"),
    ("#hpp-units", "", "empty"),
    ("#hpp-units", "0", "zero"),
    ("#hpp-units", "seratus", "letters"),
    ("#hpp-units", "-100", "negative"),
    ("#hpp-units", "99999999999999", "too-large"),
    ("#hpp-markup", "", "empty"),
    ("#hpp-markup", "abc", "letters"),
    ("#hpp-markup", "-10", "negative"),
    ("#hpp-markup", "5000", "percent-high"),
    ("#hpp-fixed", "alat", "letters"),
    ("#hpp-fixed", "-1", "negative"),
    ("#hpp-fixed", "1" + "0" * 15, "too-large"),
]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_hpp_margin_of_100_and_whole_units(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, HPP, lang)
    fill_hpp(page, lang, mode="margin", value="100")
    submit(form)
    assert_field_error(page, form, "#hpp-margin", "margin-high")
    page.fill("#hpp-margin", "40")
    page.fill("#hpp-units", "2,5" if lang == "id" else "2.5")
    submit(form)
    assert_field_error(page, form, "#hpp-units", "not-whole")


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_hpp_messages_speak_the_page_language(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, HPP, lang)
    fill_hpp(page, lang)
    page.fill("#hpp-units", "0")
    submit(form)
    expected = {"id": "Angka harus lebih dari 0.", "en": "The number must be more than 0."}[lang]
    assert page.locator("#hpp-units-error").inner_text().strip() == expected
    page.fill("#hpp-units", "100")
    page.fill("#hpp-amount-2", "")
    submit(form)
    text = page.locator("#hpp-amount-2-error").inner_text()
    assert ("hapus" in text) if lang == "id" else ("remove" in text)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_hpp_cost_lines_by_keyboard(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, HPP, lang)
    rows = page.locator("#hpp-rows > li")
    assert rows.count() == 3
    remove_label = form.get_attribute("data-remove-label")
    page.focus("#hpp-add")
    page.keyboard.press("Enter")
    assert rows.count() == 4
    assert page.evaluate("document.activeElement.id") == "hpp-name-4"
    assert page.locator("#hpp-name-4").input_value() == ""
    label = form.get_attribute("data-amount-label").replace("{n}", "4")
    assert page.get_by_label(label, exact=True).count() == 1
    assert page.get_by_role("button", name=remove_label.replace("{n}", "4")).count() == 1
    assert form.get_attribute("data-msg-added").replace("{n}", "4") == form.locator(
        "[role=status]").inner_text().strip()

    # Remove line 2: the lines are renumbered and keep unique ids and labels.
    page.fill("#hpp-name-3", "marker")
    page.get_by_role("button", name=remove_label.replace("{n}", "2")).press("Enter")
    assert rows.count() == 3
    assert page.locator("#hpp-name-2").input_value() == "marker"
    assert page.evaluate("document.activeElement.classList.contains('pena-tool__remove')")
    ids = page.eval_on_selector_all("#hpp-form [id]", "els => els.map(e => e.id)")
    assert len(ids) == len(set(ids))
    # The last line cannot be removed.
    for n in (3, 2):
        page.get_by_role("button", name=remove_label.replace("{n}", str(n))).click()
    assert rows.count() == 1
    assert page.get_by_role("button", name=remove_label.replace("{n}", "1")).is_disabled()

    # The whole calculation works from the keyboard: Enter in a field submits.
    page.fill("#hpp-amount-1", local(TOTAL, lang))
    page.fill("#hpp-units", str(UNITS))
    page.fill("#hpp-markup", str(MARKUP))
    page.locator("#hpp-markup").press("Enter")
    assert out(form, "unitCost") == rp(UNIT_COST, lang)


# --------------------------------------------------------------------------------------------
# Monthly money plan
# --------------------------------------------------------------------------------------------


def share_rows(form: Locator) -> list[list[str]]:
    return [
        [cell.strip() for cell in row.locator("th, td").all_inner_texts()]
        for row in form.locator("#plan-shares tr").all()
    ]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_plan_worked_example(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, PLAN, lang)
    assert page.locator(".pena-nojs").is_hidden()
    fill_plan(page, lang)
    submit(form)
    total = sum(POCKETS.values())  # 2,850,000
    left = INCOME - total  # 150,000
    assert out(form, "income") == rp(INCOME, lang)
    assert out(form, "total") == rp(total, lang) == ("Rp2.850.000" if lang == "id" else "Rp2,850,000")
    assert out(form, "balanceLabel") == form.get_attribute("data-label-left")
    assert out(form, "balance") == rp(left, lang)
    assert out(form, "advice") == form.get_attribute("data-advice-left")
    assert out(form, "totalShare") == pct(total / INCOME * 100, lang)  # 95%
    assert form.locator("[data-out='instalment']").is_hidden()
    labels = {key: page.locator(f"label[for='plan-{key}']").inner_text().strip() for key in POCKETS}
    expected = [[labels[key], rp(amount, lang), pct(amount / INCOME * 100, lang)]
                for key, amount in POCKETS.items()]
    expected.append([form.get_attribute("data-label-left"), rp(left, lang), pct(left / INCOME * 100, lang)])
    assert share_rows(form) == expected
    assert rp(left, lang) in form.locator("[role=status]").inner_text()
    assert_clean(form)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_plan_short_with_heavy_instalments(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, PLAN, lang)
    pockets = {**POCKETS, "cicilan": 1_000_000}  # the fridge loan
    fill_plan(page, lang, pockets)
    submit(form)
    total = sum(pockets.values())  # 3,550,000
    assert out(form, "total") == rp(total, lang)
    assert out(form, "balanceLabel") == form.get_attribute("data-label-missing")
    assert out(form, "balance") == rp(total - INCOME, lang) == rp(550_000, lang)
    assert out(form, "advice") == form.get_attribute("data-advice-missing")
    warning = form.locator("[data-out='instalment']")
    assert warning.is_visible()
    share = pockets["cicilan"] / INCOME * 100
    assert share > LIMIT
    text = warning.inner_text()
    assert pct(share, lang) in text and pct(LIMIT, lang) in text and rp(1_000_000, lang) in text
    assert text in form.locator("[role=status]").inner_text()
    assert len(share_rows(form)) == len(pockets)  # no "left over" row when short
    assert_clean(form)

    # Exactly 30% is not warned about: the page says "more than 30%".
    page.fill("#plan-cicilan", local(INCOME * LIMIT // 100, lang))
    submit(form)
    assert warning.is_hidden()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_plan_empty_pockets_count_as_zero(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, PLAN, lang)
    page.fill("#plan-income", local(INCOME, lang))
    page.fill("#plan-rumah-tangga", local(INCOME, lang))
    submit(form)
    assert out(form, "balance") == rp(0, lang)
    assert out(form, "advice") == form.get_attribute("data-advice-even")
    rows = share_rows(form)
    assert len(rows) == len(POCKETS)
    assert [row[1] for row in rows].count(rp(0, lang)) == len(POCKETS) - 1
    assert_clean(form)


PLAN_BAD = [
    ("#plan-income", "", "empty"),
    ("#plan-income", "tiga juta", "letters"),
    ("#plan-income", "-3000000", "negative"),
    ("#plan-income", "0", "zero"),
    ("#plan-income", "Rp" + "9" * 16, "too-large"),
    ("#plan-cicilan", "satu juta", "letters"),
    ("#plan-cicilan", "-300000", "negative"),
    ("#plan-tabungan", "5" + "0" * 13, "too-large"),
    ("#plan-usaha", "3.00.000", "format"),
]


BAD_INPUTS = [("hpp", selector, typed, code) for selector, typed, code in HPP_BAD] + [
    ("plan", selector, typed, code) for selector, typed, code in PLAN_BAD]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize(("tool", "selector", "typed", "code"), BAD_INPUTS,
                         ids=[f"{t}-{s[1:]}-{c}" for t, s, _, c in BAD_INPUTS])
def test_bad_input(page: Page, tools_url: str, lang: str, tool: str, selector: str, typed: str, code: str) -> None:
    path, fill = (HPP, fill_hpp) if tool == "hpp" else (PLAN, fill_plan)
    form = open_tool(page, tools_url, path, lang)
    fill(page, lang)
    submit(form)  # a good result first: a bad input must hide it
    assert form.locator(".pena-tool__result").is_visible()
    page.fill(selector, typed)
    submit(form)
    assert_field_error(page, form, selector, code)
    # Typing again clears the message and the invalid mark.
    page.fill(selector, "1")
    assert page.locator(selector + "-error").is_hidden()
    assert page.get_attribute(selector, "aria-invalid") is None


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_plan_messages_speak_the_page_language(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, PLAN, lang)
    submit(form)
    expected = {"id": "Isi perkiraan pemasukan sebulan.", "en": "Type the expected income for the month."}
    assert page.locator("#plan-income-error").inner_text().strip() == expected[lang]


# --------------------------------------------------------------------------------------------
# Both tools: without JavaScript, small screens, loading
# --------------------------------------------------------------------------------------------

NO_JS_EXAMPLE = {
    HPP: {"id": ["Rp206.000", "Rp2.060", "Rp3.090", "200 bungkus", "280 bungkus"],
          "en": ["Rp206,000", "Rp2,060", "Rp3,090", "200 packs", "280 packs"]},
    PLAN: {"id": ["Rp3.000.000", "Rp2.850.000", "Rp150.000", "33,3%"],
           "en": ["Rp3,000,000", "Rp2,850,000", "Rp150,000", "33.3%"]},
}


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", [HPP, PLAN], ids=["hpp", "plan"])
def test_without_javascript(browser: Browser, tools_url: str, path: str, lang: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(tools_url + PREFIX[lang] + path)
        assert page.locator("form.pena-tool").is_hidden()
        assert page.locator(".pena-nojs").is_visible()
        assert page.locator("#cara-menghitung, #cara-menyusun").is_visible()
        example = page.locator(".admonition.example")
        assert example.is_visible()
        text = example.inner_text()
        for figure in NO_JS_EXAMPLE[path][lang]:
            assert figure in text, figure
    finally:
        context.close()


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", [HPP, PLAN], ids=["hpp", "plan"])
def test_small_screen_and_labels(page: Page, tools_url: str, path: str, lang: str) -> None:
    page.set_viewport_size({"width": 320, "height": 640})
    form = open_tool(page, tools_url, path, lang)
    if path == HPP:
        fill_hpp(page, lang)
    else:
        fill_plan(page, lang, {**POCKETS, "cicilan": 1_000_000})
    submit(form)
    assert form.locator(".pena-tool__result").is_visible()
    box = form.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= 320
    overflow = page.evaluate(
        """form => [...form.querySelectorAll('*')].filter(el => el.offsetParent !== null)
               .filter(el => el.getBoundingClientRect().right > 320.5)
               .map(el => el.outerHTML.slice(0, 80))""",
        form.element_handle())
    assert overflow == []
    unlabelled = page.evaluate(
        "form => [...form.querySelectorAll('input')].filter(i => !i.labels.length).map(i => i.outerHTML)",
        form.element_handle())
    assert unlabelled == []
    nameless = page.evaluate(
        """form => [...form.querySelectorAll('button')]
               .filter(b => !(b.getAttribute('aria-label') || b.textContent.trim())).map(b => b.outerHTML)""",
        form.element_handle())
    assert nameless == []


@pytest.mark.browser
def test_scripts_load_only_on_tool_pages_and_stay_local(page: Page, tools_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(tools_url + "riset-sederhana/")
    assert not [url for url in requested if "/tools/" in url or "tools.css" in url]
    requested.clear()
    page.goto(tools_url + HPP)
    tools = [url for url in requested if "/tools/" in url or "tools.css" in url]
    assert sorted(url.rsplit("/", 1)[1] for url in tools) == ["calc.js", "hpp.js", "tools.css"]
    assert all(url.startswith(tools_url) for url in tools)
    order = page.eval_on_selector_all(
        "script[src*='/tools/']", "els => els.map(e => e.getAttribute('src').split('/').pop())")
    assert order == ["calc.js", "hpp.js"]


@pytest.mark.parametrize("name", ["calc.js", "hpp.js", "money-plan.js"])
def test_scripts_are_small(name: str) -> None:
    size = len(gzip.compress((TOOLS_JS / name).read_bytes(), compresslevel=9))
    assert size < 10 * 1024, f"{name} is {size} bytes gzipped"
