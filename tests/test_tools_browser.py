"""Browser tests of the three interactive tools, in both languages, through Debian's Chromium.

What is tested here is what only a browser shows: the forms rendered from their templates,
the worked examples of the pages computed end to end, the way each kind of error is shown,
the page without JavaScript, and a 320 px screen. The arithmetic itself, every parse error
code and the number formats are covered by the JavaScript unit tests (tests/js/).

Expected numbers are worked out here from the families' numbers in the cast file
(docs/_data/cast.yml) and the pages' worked examples, not copied from the tools' output.
Expected words come from the pages' front matter (`tool:`), read with the content model: the
form must show what the translator wrote.

Set PENA_TOOLS_URL to test an already served build; otherwise the session's strict build is used.
"""

from __future__ import annotations

import gzip
import math
import os
import re
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pytest
import yaml
from playwright.sync_api import expect

from pena.content import load_page
from pena.toolforms import page_scripts

if TYPE_CHECKING:
    from playwright.sync_api import Browser, Locator, Page

REPO = Path(__file__).resolve().parents[1]
TOOLS_JS = REPO / "docs" / "assets" / "javascripts" / "tools"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
HPP = "riset-sederhana/kalkulator-harga"
PLAN = "literasi-keuangan/rencana-keuangan"
LOAN = "literasi-keuangan/kalkulator-pinjaman"
FORM_ID = {HPP: "#hpp-form", PLAN: "#plan-form", LOAN: "#loan-form"}
PREFIX = {"id": "", "en": "en/"}
LANGS = ["id", "en"]
BAD_TEXT = re.compile(r"NaN|Infinity|undefined|null|\{\w+\}")
NARROW = {"width": 320, "height": 640}


# --------------------------------------------------------------------------------------------
# Expected values, computed independently of calc.js
# --------------------------------------------------------------------------------------------


def rp(value: float, lang: str) -> str:
    """Rp1.234.567 (id) or Rp1,234,567 (en), whole rupiah."""
    sign = "-" if value < 0 else ""
    grouped = f"{round(abs(value)):,}"
    return sign + "Rp" + (grouped.replace(",", ".") if lang == "id" else grouped)


def decimal(text: str, lang: str) -> str:
    return text.replace(".", ",") if lang == "id" else text


def pct(value: float, lang: str) -> str:
    """33,3% (id) or 33.3% (en): one decimal, none when it is zero."""
    return decimal(f"{round(value, 1):.1f}".removesuffix(".0"), lang) + "%"


def rate(value: float, lang: str) -> str:
    """Below 1%: two significant digits (0,48%; 0,037%); from 1% on like pct."""
    if value == 0 or value >= 1:
        return pct(value, lang)
    digits = 1 - math.floor(math.log10(value))
    return decimal(f"{value:.{digits}f}".rstrip("0").rstrip("."), lang) + "%"


def count(value: int, lang: str) -> str:
    grouped = f"{value:,}"
    return grouped.replace(",", ".") if lang == "id" else grouped


def fill(template: str, **values: object) -> str:
    for key, value in values.items():
        template = template.replace("{" + key + "}", str(value))
    return template


def words(path: str, lang: str) -> dict[str, Any]:
    """The tool words of a page's front matter, in one language."""
    return load_page(REPO / "docs" / f"{path}.{lang}.md").meta["tool"]


# The families' numbers come from the cast file, as on the pages (docs/_data/cast.yml).
CAST = {family["key"]: family for family in yaml.safe_load(
    (REPO / "docs" / "_data" / "cast.yml").read_text("utf-8"))["families"]}
SARI_FAMILY = CAST["sari"]

# Bu Sari's batch: its cost lines, typed the ways people type them (Rp 50.000, 48.000, 16000...).
SARI = list(SARI_FAMILY["batch"]["costs"].items())
TYPED = [lambda v, lang: ("Rp " if lang == "id" else "Rp ") + count(v, lang), lambda v, lang: count(v, lang),
         lambda v, lang: str(v), lambda v, lang: "Rp" + count(v, lang)]
UNITS = SARI_FAMILY["batch"]["units"]
TOTAL = sum(amount for _, amount in SARI)  # 206,000
UNIT_COST = TOTAL / UNITS  # 2,060
FIXED = SARI_FAMILY["derived"]["slicer_price"]  # 288,000
WARUNG_PRICE = SARI_FAMILY["products"][0]["warung_price"]  # 3,500
MARKUP = 50

# The family's monthly plan: seven pockets that use up the income exactly.
INCOME = SARI_FAMILY["plan"]["income"]
POCKETS = SARI_FAMILY["plan"]["pockets"]
FRIDGE = SARI_FAMILY["plan"]["fridge_offer_instalment"]  # on top of the pocket's instalment
LIMIT = 30

# Pak Dedi's two offers (the loans lesson): money received, taken off, instalment, count, period.
DAYS = {"daily": 1, "weekly": 7, "monthly": 30}
OFFER_A = {"received": 1_200_000, "fee": 300_000, "instalment": 100_000, "count": 20, "frequency": "weekly"}
OFFER_B = {"received": 1_485_000, "fee": 15_000, "instalment": 165_000, "count": 10, "frequency": "monthly"}
LOAN_INCOME = 1_200_000  # the page's instalment example
CAPS = {"short": 0.3, "long": 0.2, "long_from": 180, "total": 100}


def loan(offer: dict[str, Any], income: int | None = None) -> dict[str, Any]:
    """The loan figures as the page's method states them (flat, month = 30 days, week = 7)."""
    paid = offer["instalment"] * offer["count"]
    cost = paid - offer["received"]
    days = offer["count"] * DAYS[offer["frequency"]]
    share = cost / offer["received"] * 100
    per_day = share / days
    cap = CAPS["short"] if days < CAPS["long_from"] else CAPS["long"]
    monthly = offer["instalment"] * 30 / DAYS[offer["frequency"]]
    principal = offer["received"] + offer.get("fee", 0)
    return {
        "principal": principal, "paid": paid, "cost": cost, "share": share, "days": days,
        "per_day": per_day, "per_month": per_day * 30, "cap": cap, "over_cap": per_day > cap,
        "over_total": cost > principal * CAPS["total"] / 100, "monthly": monthly,
        "instalment_share": monthly / income * 100 if income else None,
    }


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


def open_tool(page: Page, base: str, path: str, lang: str, viewport: dict[str, int] | None = None) -> Locator:
    errors: list[str] = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    if viewport:
        page.set_viewport_size(viewport)
    page.goto(base + PREFIX[lang] + path + "/")
    form = page.locator(FORM_ID[path])
    expect(form).to_be_visible()
    expect(page.locator(".pena-nojs")).to_be_hidden()
    expect(page.locator("html")).to_have_attribute("lang", lang)
    assert not errors, errors
    return form


def out(form: Locator, name: str) -> Locator:
    return form.locator(f"[data-out='{name}']")


def submit(form: Locator) -> None:
    form.locator("button[type=submit]").click()


def assert_clean(form: Locator) -> None:
    text = form.inner_text()
    assert not BAD_TEXT.search(text), text


def assert_accessible(page: Page, form: Locator) -> None:
    """axe-core on the form as the reader sees it after a calculation (results shown)."""
    page.add_script_tag(path=str(AXE))
    result = form.evaluate("form => axe.run(form, {resultTypes: ['violations']})")
    assert [(v["id"], [n["target"] for n in v["nodes"]][:3]) for v in result["violations"]] == []


def assert_fits(form: Locator, width: int) -> None:
    """Nothing visible sticks out of a narrow screen; every input has a label, every button a name."""
    report = form.evaluate(
        """(form, width) => ({
            overflow: [...form.querySelectorAll('*')].filter(el => el.offsetParent !== null)
                .filter(el => el.getBoundingClientRect().right > width + 0.5).map(el => el.outerHTML.slice(0, 80)),
            unlabelled: [...form.querySelectorAll('input')].filter(i => !i.labels.length).map(i => i.id),
            nameless: [...form.querySelectorAll('button')]
                .filter(b => !(b.getAttribute('aria-label') || b.textContent.trim())).map(b => b.outerHTML),
        })""", width)
    assert report == {"overflow": [], "unlabelled": [], "nameless": []}
    assert form.page.evaluate("document.documentElement.scrollWidth") <= width  # the page does not scroll sideways


def fill_hpp(page: Page, lang: str, *, mode: str = "markup", value: str = str(MARKUP),
             fixed: str | None = None) -> None:
    add = page.locator("#hpp-add")
    while page.locator(".hpp-amount").count() < len(SARI):
        add.click()
    for index, (name, amount) in enumerate(SARI, start=1):
        page.fill(f"#hpp-name-{index}", name)
        page.fill(f"#hpp-amount-{index}", TYPED[index % len(TYPED)](amount, lang))
    page.fill("#hpp-units", str(UNITS))
    page.check(f"input[name='hpp-mode'][value='{mode}']")
    page.fill(f"#hpp-{mode}", value)
    page.fill("#hpp-fixed", local(FIXED, lang) if fixed is None else fixed)


def fill_plan(page: Page, lang: str, pockets: dict[str, int] | None = None) -> None:
    page.fill("#plan-income", ("Rp " if lang == "id" else "Rp") + local(INCOME, lang))
    for key, amount in (pockets or POCKETS).items():
        page.fill(f"#plan-{key}", local(amount, lang))


def fill_offer(page: Page, n: int, offer: dict[str, Any], lang: str) -> None:
    if n == 2 and not page.locator("#loan-offer-2").is_visible():
        page.locator("#loan-form details > summary").click()
    for name in ("received", "fee", "instalment", "count"):
        value = offer.get(name)
        page.fill(f"#loan-{n}-{name}", "" if value is None else local(value, lang))
    page.check(f"input[name='loan-{n}-frequency'][value='{offer['frequency']}']")


# --------------------------------------------------------------------------------------------
# Unit cost and price calculator
# --------------------------------------------------------------------------------------------


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_hpp_worked_example_on_a_small_screen(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, HPP, lang, NARROW)
    said = words(HPP, lang)
    fill_hpp(page, lang)
    submit(form)

    price = math.ceil(UNIT_COST * (100 + MARKUP) / 100)  # 3,090
    profit = price - UNIT_COST  # 1,030
    expect(out(form, "total-cost")).to_have_text(rp(TOTAL, lang))
    assert rp(TOTAL, lang) == ("Rp206.000" if lang == "id" else "Rp206,000")
    expect(out(form, "unit-cost")).to_have_text(rp(UNIT_COST, lang))
    expect(out(form, "price")).to_have_text(rp(price, lang))
    expect(out(form, "profit-unit")).to_have_text(rp(profit, lang))
    expect(out(form, "profit-batch")).to_have_text(rp(profit * UNITS, lang))
    expect(out(form, "markup")).to_have_text(pct(MARKUP, lang))
    expect(out(form, "margin")).to_have_text(pct(profit / price * 100, lang))  # 33.3%
    break_even = math.ceil(FIXED / profit)  # 279.6 -> 280
    expect(out(form, "break-even")).to_have_text(
        fill(said["sentences"]["break-even"], units=count(break_even, lang), fixed=rp(FIXED, lang)))
    expect(out(form, "loss")).to_be_hidden()
    status = form.locator("[role=status]")
    expect(status).to_have_attribute("aria-live", "polite")
    expect(status).to_contain_text(rp(UNIT_COST, lang))
    expect(status).to_contain_text(rp(price, lang))
    # The labels are the translator's words; the break-even label states the formula.
    expect(form.locator("label[for='hpp-units']")).to_have_text(said["units"]["label"])
    assert "÷" in said["results"]["break-even"]
    assert_clean(form)
    assert_fits(form, NARROW["width"])
    assert_accessible(page, form)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_hpp_own_price_margin_and_loss(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, HPP, lang)
    said = words(HPP, lang)["sentences"]
    warung_price = WARUNG_PRICE
    fill_hpp(page, lang, mode="price", value=("Rp" + local(warung_price, lang)))
    submit(form)
    profit = warung_price - UNIT_COST  # 1,440
    expect(out(form, "price")).to_have_text(rp(warung_price, lang))
    expect(out(form, "profit-batch")).to_have_text(rp(profit * UNITS, lang))
    assert profit * UNITS == SARI_FAMILY["derived"]["profit_per_batch_warung"]  # 144,000
    expect(out(form, "markup")).to_have_text(pct(profit / UNIT_COST * 100, lang))  # 69.9%
    expect(out(form, "margin")).to_have_text(pct(profit / warung_price * 100, lang))  # 41.1%
    expect(out(form, "break-even")).to_contain_text(count(math.ceil(FIXED / profit), lang))  # exactly 200
    expect(page.locator("#hpp-markup")).to_be_hidden()  # the other modes' fields are hidden

    margin = 40
    page.check("input[name='hpp-mode'][value='margin']")
    page.fill("#hpp-margin", str(margin))
    page.fill("#hpp-fixed", "")
    submit(form)
    price = math.ceil(UNIT_COST / (1 - margin / 100))  # 3,433.33 -> 3,434
    expect(out(form, "price")).to_have_text(rp(price, lang))
    expect(out(form, "break-even")).to_have_text(said["break-even-none"])

    page.check("input[name='hpp-mode'][value='price']")
    page.fill("#hpp-price", local(2_000, lang))
    page.fill("#hpp-fixed", local(FIXED, lang))
    submit(form)
    expect(out(form, "loss")).to_have_text(fill(said["loss"], amount=rp(UNIT_COST - 2_000, lang)))  # Rp60
    expect(out(form, "profit-unit")).to_have_text(rp(2_000 - UNIT_COST, lang))
    expect(out(form, "break-even")).to_have_text(said["break-even-impossible"])
    assert_clean(form)


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_hpp_cost_lines_by_keyboard(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, HPP, lang)
    costs = words(HPP, lang)["costs"]
    rows = page.locator("#hpp-rows > li")
    expect(rows).to_have_count(len(costs["names"]))
    expect(page.locator("#hpp-name-1")).to_have_value(costs["names"][0])
    page.focus("#hpp-add")
    page.keyboard.press("Enter")
    expect(rows).to_have_count(4)
    expect(page.locator("#hpp-name-4")).to_be_focused()
    expect(page.locator("#hpp-name-4")).to_have_value("")
    expect(page.get_by_label(fill(costs["amount"], n=4), exact=True)).to_have_count(1)
    expect(page.get_by_role("button", name=fill(costs["remove-label"], n=4))).to_have_count(1)
    expect(form.locator("[role=status]")).to_have_text(fill(costs["added"], n=4))

    # Remove line 2: the lines are renumbered and keep unique ids and labels.
    page.fill("#hpp-name-3", "marker")
    page.get_by_role("button", name=fill(costs["remove-label"], n=2)).press("Enter")
    expect(rows).to_have_count(3)
    expect(page.locator("#hpp-name-2")).to_have_value("marker")
    expect(page.locator(".pena-tool__remove:focus")).to_have_count(1)
    expect(form.locator("[role=status]")).to_have_text(fill(costs["removed"], n=3))
    ids = page.eval_on_selector_all("#hpp-form [id]", "els => els.map(e => e.id)")
    assert len(ids) == len(set(ids))
    for n in (3, 2):  # the last line cannot be removed
        page.get_by_role("button", name=fill(costs["remove-label"], n=n)).click()
    expect(rows).to_have_count(1)
    expect(page.get_by_role("button", name=fill(costs["remove-label"], n=1))).to_be_disabled()

    # The whole calculation works from the keyboard: Enter in a field submits.
    page.fill("#hpp-amount-1", local(TOTAL, lang))
    page.fill("#hpp-units", str(UNITS))
    page.fill("#hpp-markup", str(MARKUP))
    page.locator("#hpp-markup").press("Enter")
    expect(out(form, "unit-cost")).to_have_text(rp(UNIT_COST, lang))


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
def test_plan_family_example_then_heavy_instalments(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, PLAN, lang, NARROW)
    said = words(PLAN, lang)
    names = said["pockets"]["names"]
    fill_plan(page, lang)
    submit(form)
    total = sum(POCKETS.values())
    assert total == INCOME  # the cast's plan gives every rupiah a pocket
    expect(out(form, "income")).to_have_text(rp(INCOME, lang))
    expect(out(form, "total")).to_have_text(rp(total, lang))
    expect(out(form, "balance")).to_have_text(rp(0, lang))
    expect(out(form, "advice")).to_have_text(said["sentences"]["advice-even"])
    expect(out(form, "total-share")).to_have_text(pct(100, lang))
    expect(out(form, "instalment")).to_be_hidden()
    assert share_rows(form) == [[names[key], rp(amount, lang), pct(amount / INCOME * 100, lang)]
                                for key, amount in POCKETS.items()]
    assert_fits(form, NARROW["width"])

    pockets = {**POCKETS, "cicilan": POCKETS["cicilan"] + FRIDGE}  # the fridge offer on top
    fill_plan(page, lang, pockets)
    submit(form)
    total = sum(pockets.values())
    expect(out(form, "balance-label")).to_have_text(said["results"]["missing"])
    expect(out(form, "balance")).to_have_text(rp(total - INCOME, lang))
    expect(out(form, "advice")).to_have_text(said["sentences"]["advice-missing"])
    share = pockets["cicilan"] / INCOME * 100  # 32.6%, above 30%
    assert share > LIMIT
    warning = fill(said["sentences"]["instalment-warning"], amount=rp(pockets["cicilan"], lang),
                   share=pct(share, lang), limit=pct(LIMIT, lang))
    expect(out(form, "instalment")).to_have_text(warning)
    expect(form.locator("[role=status]")).to_contain_text(warning)
    assert len(share_rows(form)) == len(pockets)  # no "left over" row when short
    assert_clean(form)
    assert_fits(form, NARROW["width"])
    assert_accessible(page, form)

    # Exactly 30% is not warned about ("more than 30%"); empty pockets count as zero; what is
    # left gets a row of its own.
    for key in POCKETS:
        page.fill(f"#plan-{key}", "")
    instalment, household = INCOME * LIMIT // 100, POCKETS["rumah-tangga"]
    page.fill("#plan-cicilan", local(instalment, lang))
    page.fill("#plan-rumah-tangga", local(household, lang))
    submit(form)
    left = INCOME - instalment - household
    expect(out(form, "instalment")).to_be_hidden()
    expect(out(form, "balance-label")).to_have_text(said["results"]["left"])
    expect(out(form, "advice")).to_have_text(said["sentences"]["advice-left"])
    rows = share_rows(form)
    assert rows[-1] == [said["results"]["left"], rp(left, lang), pct(left / INCOME * 100, lang)]
    assert [row[1] for row in rows].count(rp(0, lang)) == len(POCKETS) - 2


def test_plan_warning_says_do_not_take_a_new_loan() -> None:
    """Issue 14: the instalment warning's advice is 'no new loan', not 'check the licence'."""
    assert "pinjaman baru" in words(PLAN, "id")["sentences"]["instalment-warning"]
    assert "new loan" in words(PLAN, "en")["sentences"]["instalment-warning"]


# --------------------------------------------------------------------------------------------
# Loan cost calculator
# --------------------------------------------------------------------------------------------


def assert_offer_column(form: Locator, n: int, r: dict[str, Any], lang: str, said: dict[str, Any]) -> None:
    expect(out(form, f"principal-{n}")).to_have_text(rp(r["principal"], lang))
    expect(out(form, f"paid-{n}")).to_have_text(rp(r["paid"], lang))
    expect(out(form, f"cost-{n}")).to_have_text(rp(r["cost"], lang))
    expect(out(form, f"share-{n}")).to_have_text(pct(r["share"], lang))
    expect(out(form, f"days-{n}")).to_have_text(fill(said["sentences"]["days"], n=count(r["days"], lang)))
    expect(out(form, f"per-day-{n}")).to_have_text(rate(r["per_day"], lang))
    expect(out(form, f"per-month-{n}")).to_have_text(rate(r["per_month"], lang))


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_loan_two_offers_of_the_worked_example(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, LOAN, lang, NARROW)
    said = words(LOAN, lang)
    sentences = said["sentences"]
    fill_offer(page, 1, OFFER_A, lang)
    fill_offer(page, 2, OFFER_B, lang)
    page.fill("#loan-income", local(LOAN_INCOME, lang))
    submit(form)

    a, b = loan(OFFER_A, LOAN_INCOME), loan(OFFER_B, LOAN_INCOME)
    # The page's numbers: cost 66.7% / 11.1%, 140 / 300 days, 0.48% / 0.037% a day, 14.3% / 1.1% a month.
    assert (rate(a["per_day"], "en"), rate(b["per_day"], "en")) == ("0.48%", "0.037%")
    assert (a["days"], b["days"], a["over_cap"], b["over_cap"]) == (140, 300, True, False)
    for n, r in ((1, a), (2, b)):
        assert_offer_column(form, n, r, lang, said)
        expect(out(form, f"monthly-instalment-{n}")).to_have_text(rp(r["monthly"], lang))
        expect(out(form, f"instalment-share-{n}")).to_have_text(pct(r["instalment_share"], lang))
    names = said["offers"]
    over = fill(sentences["over-cap"], offer=names["first"], perDay=rate(a["per_day"], lang),
                cap=rate(a["cap"], lang))
    expect(out(form, "cap-1")).to_have_text(over)
    expect(out(form, "cap-1")).to_have_class("pena-tool__warning")
    expect(out(form, "cap-2")).to_have_text(fill(sentences["within"], offer=names["second"],
                                                 perDay=rate(b["per_day"], lang), cap=rate(b["cap"], lang)))
    expect(out(form, "cap-2")).to_have_class("pena-tool__note")
    # Rp100,000 a week is Rp428,571 a month: 35.7% of Rp1,200,000, above 30%.
    expect(out(form, "instalment-1")).to_have_text(fill(
        sentences["instalment-over"], offer=names["first"], monthly=rp(a["monthly"], lang),
        share=pct(a["instalment_share"], lang), limit=pct(LIMIT, lang)))
    expect(out(form, "instalment-1")).to_have_class("pena-tool__warning")
    expect(out(form, "instalment-2")).to_have_class("pena-tool__note")
    ratio = decimal(f"{a['per_day'] / b['per_day']:.1f}", lang)  # 12.9
    compare = fill(sentences["compare"], dearer=names["first"], cheaper=names["second"], ratio=ratio)
    expect(out(form, "compare")).to_have_text(compare)
    status = form.locator("[role=status]")
    expect(status).to_contain_text(compare)
    expect(status).to_contain_text(rate(b["per_month"], lang))
    assert_clean(form)
    assert_fits(form, NARROW["width"])
    assert_accessible(page, form)


# One offer at a time: a daily loan above the cap, a long loan whose charges exceed the loan
# (under the daily cap), and a loan without cost.
SINGLE_OFFERS = [
    {"received": 500_000, "instalment": 20_000, "count": 30, "frequency": "daily"},
    {"received": 1_000_000, "instalment": 90_000, "count": 24, "frequency": "monthly"},
    {"received": 600_000, "instalment": 100_000, "count": 6, "frequency": "monthly"},
]


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
def test_loan_single_offers_and_verdicts(page: Page, tools_url: str, lang: str) -> None:
    form = open_tool(page, tools_url, LOAN, lang)
    said = words(LOAN, lang)
    sentences, first = said["sentences"], said["offers"]["first"]
    expected_caps = []
    for offer in SINGLE_OFFERS:
        fill_offer(page, 1, offer, lang)
        submit(form)
        r = loan(offer)
        assert_offer_column(form, 1, r, lang, said)
        values = {"offer": first, "perDay": rate(r["per_day"], lang), "cap": rate(r["cap"], lang),
                  "cost": rp(r["cost"], lang), "principal": rp(r["principal"], lang)}
        if r["cost"] == 0:
            keys = ["no-cost"]
        else:
            keys = [k for k, hit in (("over-total", r["over_total"]), ("over-cap", r["over_cap"])) if hit] or ["within"]
        expected_caps.append(keys)
        expect(out(form, "cap-1")).to_have_text(" ".join(fill(sentences[k], **values) for k in keys))
        # No second offer and no income: their cells, verdicts and comparison stay hidden.
        for hidden in ("principal-2", "cap-2", "instalment-1", "monthly-instalment-1", "compare"):
            expect(out(form, hidden)).to_be_hidden()
        assert_clean(form)
    # The cases cover every verdict: 0.67% a day over 30 days; 116% of the loan in 720 days
    # (0.16% a day, under the cap); nothing to pay.
    assert expected_caps == [["over-cap"], ["over-total"], ["no-cost"]]


def test_loan_page_matches_the_lesson() -> None:
    """The page's example and the loans lesson give the same two offers."""
    lesson = load_page(REPO / "docs" / "literasi-keuangan" / "pinjaman-dan-penipuan.id.md").body
    example = load_page(REPO / "docs" / f"{LOAN}.id.md").body
    for offer in (OFFER_A, OFFER_B):
        loan_amount = offer["received"] + offer["fee"]
        for figure in (offer["received"], offer["fee"], offer["instalment"], offer["instalment"] * offer["count"]):
            assert rp(figure, "id") in lesson and rp(figure, "id") in example, figure
        assert rp(loan_amount, "id") in lesson, loan_amount


# --------------------------------------------------------------------------------------------
# Bad input: one case per way an error is shown (every code is covered by tests/js)
# --------------------------------------------------------------------------------------------


def assert_field_error(page: Page, form: Locator, selector: str, message: str, check: str) -> None:
    field = page.locator(selector)
    error_id = field.get_attribute("id") + "-error"
    error = page.locator(f"#{error_id}")
    expect(error).to_be_visible()
    expect(error).to_have_text(message)
    expect(field).to_have_attribute("aria-invalid", "true")
    assert error_id in (field.get_attribute("aria-describedby") or "").split()
    expect(field).to_be_focused()
    expect(form.locator(".pena-tool__result")).to_be_hidden()
    expect(form.locator("[role=status]")).to_have_text(check)
    assert_clean(form)


BAD_INPUTS = {
    # A parse error with the form's message for its code.
    "form-message": (HPP, "#hpp-units", {"id": "seratus", "en": "seratus"}, ("messages", "letters")),
    # A field with a message of its own for the code.
    "field-message": (HPP, "#hpp-amount-2", {"id": "", "en": ""}, ("costs", "messages", "empty")),
    # An error found by the arithmetic, after every field parsed: shown at the field it concerns.
    "computed": (LOAN, "#loan-1-instalment", {"id": "10.000", "en": "10,000"}, ("instalment", "messages", "paid-less")),
    # An error in the folded second offer: the fold opens and the field gets the focus.
    "folded": (LOAN, "#loan-2-count", {"id": "2,5", "en": "2.5"}, ("messages", "not-whole")),
}


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("case", list(BAD_INPUTS))
def test_bad_input(page: Page, tools_url: str, lang: str, case: str) -> None:
    path, selector, typed, message_key = BAD_INPUTS[case]
    form = open_tool(page, tools_url, path, lang)
    said = words(path, lang)
    if path == HPP:
        fill_hpp(page, lang)
    else:
        fill_offer(page, 1, OFFER_A, lang)
        fill_offer(page, 2, OFFER_B, lang)
    submit(form)  # a good result first: a bad input must hide it
    expect(form.locator(".pena-tool__result")).to_be_visible()
    page.fill(selector, typed[lang])
    if case == "folded":
        page.locator("#loan-form details > summary").click()  # fold the second offer away
        expect(page.locator(selector)).to_be_hidden()
    submit(form)
    message = said
    for key in message_key:
        message = message[key]
    assert_field_error(page, form, selector, message, said["status"]["check"])
    # Typing again clears the message and the invalid mark.
    page.locator(selector).press_sequentially("1")
    expect(page.locator(selector + "-error")).to_be_hidden()
    expect(page.locator(selector)).not_to_have_attribute("aria-invalid", "true")


# --------------------------------------------------------------------------------------------
# Every tool: without JavaScript, loading
# --------------------------------------------------------------------------------------------

# Figures of the worked examples that the pages show without JavaScript. The money plan's
# example is the financial module's to write: it is checked for its method and example box only.
NO_JS_EXAMPLE = {
    HPP: {"id": ["Rp206.000", "Rp2.060", "Rp3.090", "200 bungkus", "280 bungkus"],
          "en": ["Rp206,000", "Rp2,060", "Rp3,090", "200 packs", "280 packs"]},
    PLAN: {"id": [], "en": []},
    LOAN: {"id": ["Rp800.000", "66,7%", "140 hari", "300 hari", "0,48%", "0,037%", "14,3%", "1,1%", "12,9"],
           "en": ["Rp800,000", "66.7%", "140 days", "300 days", "0.48%", "0.037%", "14.3%", "1.1%", "12.9"]},
}


@pytest.mark.browser
@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("path", [HPP, PLAN, LOAN], ids=["hpp", "plan", "loan"])
def test_without_javascript(browser: Browser, tools_url: str, path: str, lang: str) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 390, "height": 800})
    try:
        page = context.new_page()
        page.goto(tools_url + PREFIX[lang] + path + "/")
        expect(page.locator("form.pena-tool")).to_be_hidden()
        expect(page.locator(".pena-nojs")).to_be_visible()
        expect(page.locator("#cara-menghitung, #cara-menyusun")).to_be_visible()
        example = page.locator(".admonition.example")
        expect(example).to_be_visible()
        for figure in NO_JS_EXAMPLE[path][lang]:
            expect(example).to_contain_text(figure)
    finally:
        context.close()


@pytest.mark.browser
def test_scripts_load_only_on_tool_pages_and_stay_local(page: Page, tools_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda request: requested.append(request.url))
    page.goto(tools_url + "riset-sederhana/")
    assert not [url for url in requested if "/tools/" in url or "tools.css" in url]
    for path, script in ((HPP, "hpp.js"), (LOAN, "loan.js")):
        requested.clear()
        page.goto(tools_url + path + "/")
        tools = [url for url in requested if "/tools/" in url or "tools.css" in url]
        assert sorted(url.rsplit("/", 1)[1] for url in tools) == sorted(["calc.js", script, "tools.css"])
        assert all(url.startswith(tools_url) for url in tools)
        order = page.eval_on_selector_all(
            "script[src*='/tools/']", "els => els.map(e => e.getAttribute('src').split('/').pop())")
        assert order == ["calc.js", script]


def test_each_form_loads_its_own_script() -> None:
    assert page_scripts({"tool": {"form": "loan"}}) == ["tools/calc.js", "tools/loan.js"]
    assert page_scripts({"scripts": ["x.js"]}) == ["x.js"]


@pytest.mark.parametrize("name", sorted(p.name for p in TOOLS_JS.glob("*.js")))
def test_scripts_are_small(name: str) -> None:
    size = len(gzip.compress((TOOLS_JS / name).read_bytes(), compresslevel=9))
    assert size < 10 * 1024, f"{name} is {size} bytes gzipped"
