// Unit tests of the tools' parsing, formats and arithmetic: `node --test tests/js/`.
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const TOOLS = path.join(__dirname, "..", "..", "docs", "assets", "javascripts", "tools");
const C = require(path.join(TOOLS, "calc.js")); // shared: parsing, formats, field messages
const H = require(path.join(TOOLS, "hpp.js")); // each tool's own arithmetic
const P = require(path.join(TOOLS, "money-plan.js"));
const L = require(path.join(TOOLS, "loan.js"));

function value(result) {
  assert.equal(result.ok, true, `expected ok, got ${JSON.stringify(result)}`);
  return result.value;
}

function error(result) {
  assert.equal(result.ok, false, `expected an error, got ${JSON.stringify(result)}`);
  return result.error;
}

test("parseMoney accepts what people type", () => {
  const cases = [
    ["5000", "id", 5000], ["5.000", "id", 5000], ["Rp 5.000", "id", 5000], ["Rp5.000", "id", 5000],
    ["rp5000", "id", 5000], ["IDR 5.000", "id", 5000], ["  5 000 ", "id", 5000],
    ["Rp1.234.567", "id", 1234567], ["Rp5.000,50", "id", 5000.5], ["2,5", "id", 2.5],
    ["Rp5,000", "en", 5000], ["5,000", "en", 5000], ["Rp1,234,567", "en", 1234567],
    ["Rp5,000.50", "en", 5000.5], ["2.5", "en", 2.5],
    // Groups of three are thousands in either language: nobody means 5 rupiah.
    ["5.000", "en", 5000], ["5,000", "id", 5000], ["Rp\u00a05.000", "id", 5000],
    ["1000000000000", "id", 1e12],
  ];
  for (const [text, lang, expected] of cases) {
    assert.equal(value(C.parseMoney(text, lang)), expected, `${text} (${lang})`);
  }
});

test("parseMoney rejects bad input with a reason", () => {
  const cases = [
    ["", "empty"], ["   ", "empty"], ["Rp", "empty"], [null, "empty"], [undefined, "empty"],
    ["abc", "letters"], ["lima ribu", "letters"], ["5rb", "letters"], ["5e3", "letters"],
    ["-5000", "negative"], ["-Rp5.000", "negative"], ["Rp -5.000", "negative"], ["\u22125000", "negative"],
    ["0", "zero"], ["Rp0", "zero"],
    ["1000000000001", "too-large"], ["99999999999999999999", "too-large"], ["9".repeat(400), "too-large"],
    ["5.00", "format"], ["5..000", "format"], ["5.000.00", "format"], ["1,2,3", "format"],
    ["5+3", "format"], [".", "format"], ["5.000,000.5", "format"],
  ];
  for (const [text, expected] of cases) {
    assert.equal(error(C.parseMoney(text, "id")), expected, `${JSON.stringify(text)}`);
  }
  assert.equal(error(C.parseMoney("2,5", "en")), "format", "a decimal comma on an English page");
  assert.equal(error(C.parseMoney("2.5", "id")), "format", "a decimal point on an Indonesian page");
  assert.equal(value(C.parseMoney("0", "id", { allowZero: true })), 0);
});

test("parseCount wants a whole number above zero", () => {
  assert.equal(value(C.parseCount("100", "id")), 100);
  assert.equal(value(C.parseCount("1.000", "id")), 1000);
  assert.equal(value(C.parseCount("1,000", "en")), 1000);
  assert.equal(error(C.parseCount("0", "id")), "zero");
  assert.equal(error(C.parseCount("", "id")), "empty");
  assert.equal(error(C.parseCount("-3", "id")), "negative");
  assert.equal(error(C.parseCount("seratus", "id")), "letters");
  assert.equal(error(C.parseCount("2,5", "id")), "not-whole");
  assert.equal(error(C.parseCount("Rp100", "id")), "letters");
  assert.equal(error(C.parseCount("2000000000000", "id")), "too-large");
});

test("parsePercent for markup and margin", () => {
  assert.equal(value(C.parsePercent("50", "id", "markup")), 50);
  assert.equal(value(C.parsePercent("50%", "id", "markup")), 50);
  assert.equal(value(C.parsePercent(" 33,3 % ", "id", "margin")), 33.3);
  assert.equal(value(C.parsePercent("33.3", "en", "margin")), 33.3);
  assert.equal(value(C.parsePercent("0", "id", "markup")), 0);
  assert.equal(value(C.parsePercent("150", "id", "markup")), 150);
  assert.equal(error(C.parsePercent("100", "id", "margin")), "margin-high");
  assert.equal(error(C.parsePercent("120", "id", "margin")), "margin-high");
  assert.equal(error(C.parsePercent("1001", "id", "markup")), "percent-high");
  assert.equal(error(C.parsePercent("", "id", "markup")), "empty");
  assert.equal(error(C.parsePercent("-10", "id", "markup")), "negative");
  assert.equal(error(C.parsePercent("lima puluh", "id", "markup")), "letters");
  assert.equal(error(C.parsePercent("5.0.0", "id", "markup")), "format");
});

test("money, counts and percentages are written the local way", () => {
  assert.equal(C.formatMoney(1234567, "id"), "Rp1.234.567");
  assert.equal(C.formatMoney(1234567, "en"), "Rp1,234,567");
  assert.equal(C.formatMoney(0, "id"), "Rp0");
  assert.equal(C.formatMoney(999, "en"), "Rp999");
  assert.equal(C.formatMoney(2060.4, "id"), "Rp2.060");
  assert.equal(C.formatMoney(-640000, "id"), "-Rp640.000");
  assert.equal(C.formatMoney(1e12, "en"), "Rp1,000,000,000,000");
  assert.equal(C.formatMoney(NaN, "id"), "Rp0");
  assert.equal(C.formatCount(1250, "id"), "1.250");
  assert.equal(C.formatCount(1250, "en"), "1,250");
  assert.equal(C.formatPercent(100 / 3, "id"), "33,3%");
  assert.equal(C.formatPercent(100 / 3, "en"), "33.3%");
  assert.equal(C.formatPercent(50, "id"), "50%");
  assert.equal(C.formatPercent(-0.01, "id"), "0%");
  assert.equal(C.formatPercent(-12.34, "en"), "-12.3%");
});

test("markup versus margin: cost 2,000 sold at 3,000", () => {
  assert.equal(H.priceFromMarkup(2000, 50), 3000);
  assert.equal(H.priceFromMargin(2000, 50), 4000);
  const r = value(H.priceTool({ costs: [2000], units: 1, mode: "price", value: 3000, fixedCost: null }));
  assert.equal(r.markupPct, 50);
  assert.equal(C.formatPercent(r.marginPct, "id"), "33,3%");
  assert.equal(H.priceFromMargin(2000, 100), null);
});

// Bu Sari's cassava chips, one batch (docs/_data/cast.yml): cassava 50,000 + oil 48,000 +
// seasoning 16,000 + gas 22,000 + packs and labels 55,000 + equipment wear 5,000 + transport
// 6,000 + phone data 4,000 = 206,000 for 100 packs, so HPP = 2,060 a pack.
const SARI = [50000, 48000, 16000, 22000, 55000, 5000, 6000, 4000];

test("Bu Sari with a 50% markup", () => {
  const r = value(H.priceTool({ costs: SARI, units: 100, mode: "markup", value: 50, fixedCost: 288000 }));
  assert.equal(r.totalCost, 206000);
  assert.equal(r.unitCost, 2060);
  assert.equal(r.price, 3090); // 2,060 x 1.5
  assert.equal(r.profitUnit, 1030);
  assert.equal(r.profitBatch, 103000);
  assert.equal(r.markupPct, 50);
  assert.equal(C.formatPercent(r.marginPct, "id"), "33,3%"); // 1,030 / 3,090
  // Cassava slicer Rp288,000 / 1,030 a pack = 279.6, rounded up: 280 packs.
  assert.deepEqual(r.breakEven, { status: "ok", units: 280 });
});

test("Bu Sari selling to warung at Rp3,500", () => {
  const r = value(H.priceTool({ costs: SARI, units: 100, mode: "price", value: 3500, fixedCost: 288000 }));
  assert.equal(r.profitUnit, 1440);
  assert.equal(r.profitBatch, 144000);
  assert.equal(C.formatPercent(r.markupPct, "id"), "69,9%"); // 1,440 / 2,060
  assert.equal(C.formatPercent(r.marginPct, "id"), "41,1%"); // 1,440 / 3,500
  assert.deepEqual(r.breakEven, { status: "ok", units: 200 }); // 288,000 / 1,440 = 200 exactly
  assert.equal(r.loss, false);
});

test("Bu Sari with a 40% margin", () => {
  const r = value(H.priceTool({ costs: SARI, units: 100, mode: "margin", value: 40, fixedCost: null }));
  assert.equal(r.price, 3434); // 2,060 / 0.6 = 3,433.33, rounded up to whole rupiah
  assert.equal(r.profitUnit, 1374);
  assert.ok(r.marginPct >= 40);
  assert.deepEqual(r.breakEven, { status: "none" });
});

test("break-even is impossible when the price does not cover the unit cost", () => {
  const below = value(H.priceTool({ costs: SARI, units: 100, mode: "price", value: 2000, fixedCost: 200000 }));
  assert.equal(below.loss, true);
  assert.equal(below.profitUnit, -60);
  assert.deepEqual(below.breakEven, { status: "impossible" });
  const equal = value(H.priceTool({ costs: SARI, units: 100, mode: "markup", value: 0, fixedCost: 1 }));
  assert.deepEqual(equal.breakEven, { status: "impossible" });
  assert.equal(H.breakEvenUnits(0, 3000, 2000), 0);
  assert.equal(H.breakEvenUnits(1000, 3000, 2000), 1);
  assert.equal(H.breakEvenUnits(1001, 3000, 2000), 2);
});

test("no NaN or Infinity from edge values", () => {
  const huge = value(H.priceTool({ costs: [1e12, 1e12], units: 1, mode: "markup", value: 1000, fixedCost: 1e12 }));
  for (const v of [huge.unitCost, huge.price, huge.profitBatch, huge.markupPct, huge.marginPct]) {
    assert.ok(Number.isFinite(v));
  }
  const tiny = value(H.priceTool({ costs: [1], units: 3, mode: "markup", value: 0, fixedCost: null }));
  assert.ok(Number.isFinite(tiny.markupPct) && Number.isFinite(tiny.marginPct));
  assert.equal(H.unitCost(100, 0), 0);
  const plan = P.moneyPlan(0, [{ key: "cicilan", amount: 0 }], "cicilan");
  assert.ok(Number.isFinite(plan.instalmentShare) && Number.isFinite(plan.totalShare));
});

// A plan in round numbers: income 3,000,000; pockets 300,000 + 1,500,000 + 300,000 + 150,000 +
// 150,000 + 150,000 + 300,000 = 2,850,000; left 150,000 (5%).
function plan(instalment) {
  return [
    { key: "usaha", amount: 300000 }, { key: "rumah-tangga", amount: 1500000 },
    { key: "pendidikan", amount: 300000 }, { key: "kesehatan", amount: 150000 },
    { key: "tabungan", amount: 150000 }, { key: "dana-darurat", amount: 150000 },
    { key: "cicilan", amount: instalment },
  ];
}

test("money plan with money left", () => {
  const r = P.moneyPlan(3000000, plan(300000), "cicilan", 30);
  assert.equal(r.total, 2850000);
  assert.equal(r.left, 150000);
  assert.equal(r.missing, 0);
  assert.equal(r.balanceShare, 5);
  assert.equal(r.totalShare, 95);
  assert.deepEqual(r.shares.map((s) => s.share), [10, 50, 10, 5, 5, 5, 10]);
  assert.equal(r.instalmentShare, 10);
  assert.equal(r.instalmentWarning, false);
});

test("money plan short of money, instalments above 30%", () => {
  // Instalment 1,000,000: total 3,550,000, missing 550,000; 1,000,000 / 3,000,000 = 33.3%.
  const r = P.moneyPlan(3000000, plan(1000000), "cicilan", 30);
  assert.equal(r.total, 3550000);
  assert.equal(r.left, 0);
  assert.equal(r.missing, 550000);
  assert.equal(r.balance, -550000);
  assert.equal(C.formatPercent(r.instalmentShare, "en"), "33.3%");
  assert.equal(r.instalmentWarning, true);
});

// Bu Sari's family (docs/_data/cast.yml): income 656,000 + 1,800,000 = 2,456,000; pockets
// 156,000 + 1,500,000 + 300,000 + 150,000 + 50,000 + 100,000 + 200,000 = 2,456,000. A fridge
// offer adds 600,000 of instalments: 800,000 / 2,456,000 = 32.6%, above 30%.
test("Bu Sari's family plan: every rupiah in a pocket; the fridge offer goes over 30%", () => {
  const pockets = [
    { key: "usaha", amount: 156000 }, { key: "rumah-tangga", amount: 1500000 },
    { key: "pendidikan", amount: 300000 }, { key: "kesehatan", amount: 150000 },
    { key: "tabungan", amount: 50000 }, { key: "dana-darurat", amount: 100000 },
    { key: "cicilan", amount: 200000 },
  ];
  const even = P.moneyPlan(2456000, pockets, "cicilan", 30);
  assert.equal(even.balance, 0);
  assert.equal(C.formatPercent(even.instalmentShare, "id"), "8,1%");
  pockets[6] = { key: "cicilan", amount: 800000 };
  const fridge = P.moneyPlan(2456000, pockets, "cicilan", 30);
  assert.equal(fridge.missing, 600000);
  assert.equal(C.formatPercent(fridge.instalmentShare, "id"), "32,6%");
  assert.equal(fridge.instalmentWarning, true);
});

test("money plan that comes out exactly even", () => {
  const r = P.moneyPlan(1000000, [{ key: "rumah-tangga", amount: 1000000 }], "cicilan", 30);
  assert.equal(r.balance, 0);
  assert.equal(r.left, 0);
  assert.equal(r.missing, 0);
  assert.equal(r.instalmentShare, 0);
});

test("instalment exactly at the limit is not warned about; default limit is 30%", () => {
  assert.equal(P.moneyPlan(1000000, [{ key: "cicilan", amount: 300000 }], "cicilan").instalmentWarning, false);
  assert.equal(P.moneyPlan(1000000, [{ key: "cicilan", amount: 300001 }], "cicilan").instalmentWarning, true);
  assert.equal(P.moneyPlan(1000000, [{ key: "cicilan", amount: 250000 }], "cicilan", 20).instalmentWarning, true);
});

test("fill puts values into the page's message templates", () => {
  assert.equal(C.fill("Hapus biaya {n}", { n: 3 }), "Hapus biaya 3");
  assert.equal(C.fill("{a} dan {b}", { a: "x" }), "x dan {b}");
  assert.equal(C.fill(undefined, {}), "");
});

test("fieldMessage prefers the field's message, then the form's, then the generic one", () => {
  const form = { msgFormat: "generic", msgTooLarge: "form too large" };
  assert.equal(C.fieldMessage({ msgTooLarge: "field too large" }, form, "too-large"), "field too large");
  assert.equal(C.fieldMessage({}, form, "too-large"), "form too large");
  assert.equal(C.fieldMessage({}, form, "letters"), "generic");
});

test("showFieldError marks the field and fills or clears its message", () => {
  const attributes = {};
  const input = {
    dataset: {},
    setAttribute: (name, value) => { attributes[name] = value; },
    removeAttribute: (name) => { delete attributes[name]; },
  };
  const errorElement = { textContent: "", hidden: true };
  const form = { msgFormat: "generic", msgEmpty: "Fill this in" };
  assert.equal(C.showFieldError(input, errorElement, form, { ok: false, error: "empty" }), false);
  assert.equal(attributes["aria-invalid"], "true");
  assert.equal(errorElement.textContent, "Fill this in");
  assert.equal(errorElement.hidden, false);
  assert.equal(C.showFieldError(input, errorElement, form, { ok: true, value: 5 }), true);
  assert.equal(attributes["aria-invalid"], undefined);
  assert.equal(errorElement.textContent, "");
  assert.equal(errorElement.hidden, true);
});

test("rates keep two significant digits below 1%", () => {
  assert.equal(C.formatRate(0.47619, "id"), "0,48%");
  assert.equal(C.formatRate(0.037037, "id"), "0,037%");
  assert.equal(C.formatRate(0.037037, "en"), "0.037%");
  assert.equal(C.formatRate(0.3, "en"), "0.3%");
  assert.equal(C.formatRate(0.2, "id"), "0,2%");
  assert.equal(C.formatRate(14.2857, "id"), "14,3%");
  assert.equal(C.formatRate(1.1111, "en"), "1.1%");
  assert.equal(C.formatRate(0, "id"), "0%");
  assert.equal(C.formatRate(0.000123, "en"), "0.00012%");
  assert.equal(C.formatDecimal(12.857, "id", 1), "12,9");
  assert.equal(C.formatDecimal(1234.5, "en", 1), "1,234.5");
  assert.equal(C.formatDecimal(100, "id", 0), "100");
  assert.equal(C.formatPercent(1000, "id"), "1.000%");
});

// The loan tool's caps as the page gives them (tool.limits): 0.3% a day under 180 days,
// 0.2% from 180 days on, all charges at most 100% of the loan, instalments at most 30%.
const CAPS = { capShort: 0.3, capLong: 0.2, longFromDays: 180, total: 100, instalment: 30 };

// Pak Dedi's offer A: Rp1,500,000 loan, Rp300,000 taken off, so Rp1,200,000 received;
// 20 weekly instalments of Rp100,000 = Rp2,000,000 paid, Rp800,000 cost = 66.7% of the money
// received; 20 x 7 = 140 days, 66.67% / 140 = 0.476% a day, x 30 = 14.3% a month.
test("loan offer A: weekly, above OJK's daily cap", () => {
  const a = value(L.loanCost({ received: 1200000, fee: 300000, instalment: 100000, count: 20, frequency: "weekly" },
    CAPS, 1200000));
  assert.equal(a.principal, 1500000);
  assert.equal(a.paid, 2000000);
  assert.equal(a.cost, 800000);
  assert.equal(C.formatPercent(a.share, "id"), "66,7%");
  assert.equal(a.days, 140);
  assert.equal(C.formatRate(a.perDay, "id"), "0,48%");
  assert.equal(C.formatRate(a.perMonth, "id"), "14,3%");
  assert.equal(a.cap, 0.3);
  assert.equal(a.overCap, true);
  assert.equal(a.overTotal, false); // 800,000 is less than the 1,500,000 loan
  // 100,000 x 30 / 7 = 428,571.43 a month = 35.7% of 1,200,000: above 30%.
  assert.equal(C.formatMoney(a.monthlyInstalment, "id"), "Rp428.571");
  assert.equal(C.formatPercent(a.instalmentShare, "id"), "35,7%");
  assert.equal(a.instalmentWarning, true);
});

// Offer B: Rp1,500,000 loan, Rp15,000 admin fee taken off, Rp1,485,000 received; 10 monthly
// instalments of Rp165,000 = Rp1,650,000 paid, Rp165,000 cost = 11.1%; 300 days,
// 11.11% / 300 = 0.037% a day, x 30 = 1.1% a month; cap 0.2% (6 months or more).
test("loan offer B: monthly, within the cap; A costs 12.9 times as much a day", () => {
  const b = value(L.loanCost({ received: 1485000, fee: 15000, instalment: 165000, count: 10, frequency: "monthly" },
    CAPS, null));
  assert.equal(b.principal, 1500000);
  assert.equal(b.paid, 1650000);
  assert.equal(b.cost, 165000);
  assert.equal(C.formatPercent(b.share, "en"), "11.1%");
  assert.equal(b.days, 300);
  assert.equal(C.formatRate(b.perDay, "en"), "0.037%");
  assert.equal(C.formatRate(b.perMonth, "en"), "1.1%");
  assert.equal(b.cap, 0.2);
  assert.equal(b.overCap, false);
  assert.equal(b.overTotal, false);
  assert.equal(b.instalmentShare, null);
  assert.equal(b.instalmentWarning, false);
  const a = value(L.loanCost({ received: 1200000, fee: 0, instalment: 100000, count: 20, frequency: "weekly" }, CAPS, null));
  assert.equal(C.formatDecimal(a.perDay / b.perDay, "id", 1), "12,9"); // (800/1200/140) / (165/1485/300)
});

test("loan: daily instalments, the cap boundary at 180 days, and the 100% rule", () => {
  // Rp500,000 received, 30 daily instalments of Rp20,000: cost 100,000 = 20% in 30 days = 0.67% a day.
  const daily = value(L.loanCost({ received: 500000, fee: 0, instalment: 20000, count: 30, frequency: "daily" }, CAPS, 3000000));
  assert.equal(daily.days, 30);
  assert.equal(C.formatRate(daily.perDay, "id"), "0,67%");
  assert.equal(daily.overCap, true);
  assert.equal(daily.monthlyInstalment, 600000); // 20,000 x 30
  assert.equal(daily.instalmentShare, 20);
  // 179 days is "under 6 months" (0.3%), 180 days is not (0.2%).
  assert.equal(value(L.loanCost({ received: 100, fee: 0, instalment: 1, count: 179, frequency: "daily" }, CAPS, null)).cap, 0.3);
  assert.equal(value(L.loanCost({ received: 100, fee: 0, instalment: 1, count: 180, frequency: "daily" }, CAPS, null)).cap, 0.2);
  // Exactly at the cap is allowed: 0.3% a day for 100 days = 30% of the money received.
  const atCap = value(L.loanCost({ received: 1000000, fee: 0, instalment: 13000, count: 100, frequency: "daily" }, CAPS, null));
  assert.equal(atCap.perDay, 0.3);
  assert.equal(atCap.overCap, false);
  // 24 monthly instalments of Rp90,000 on Rp1,000,000: cost 1,160,000 is 116% of the loan,
  // though 0.16% a day is under the 0.2% cap.
  const long = value(L.loanCost({ received: 1000000, fee: 0, instalment: 90000, count: 24, frequency: "monthly" }, CAPS, null));
  assert.equal(long.overTotal, true);
  assert.equal(long.overCap, false);
  // The fee counts in the loan amount: Rp1,160,000 on a Rp1,200,000 loan is within 100%.
  assert.equal(value(L.loanCost({ received: 1000000, fee: 200000, instalment: 90000, count: 24, frequency: "monthly" },
    CAPS, null)).overTotal, false);
  // Instalments exactly at 30% are not warned about.
  assert.equal(value(L.loanCost({ received: 100000, fee: 0, instalment: 300000, count: 1, frequency: "monthly" },
    CAPS, 1000000)).instalmentWarning, false);
});

test("loan: paying back less than received is refused, paying back exactly is no cost", () => {
  assert.equal(error(L.loanCost({ received: 1200000, fee: 0, instalment: 10000, count: 20, frequency: "weekly" }, CAPS, null)),
    "paid-less");
  const none = value(L.loanCost({ received: 600000, fee: 0, instalment: 100000, count: 6, frequency: "monthly" }, CAPS, null));
  assert.equal(none.cost, 0);
  assert.equal(none.perDay, 0);
  assert.equal(none.overCap, false);
  assert.equal(C.formatRate(none.perMonth, "id"), "0%");
  for (const v of [none.share, none.perDay, none.perMonth]) assert.ok(Number.isFinite(v));
});
