// Unit tests of the tools' arithmetic: `node --test tests/js/`.
// Expected numbers are worked out by hand in the comments (the pages' worked examples).
"use strict";

const test = require("node:test");
const assert = require("node:assert/strict");
const path = require("node:path");

const C = require(path.join(__dirname, "..", "..", "docs", "assets", "javascripts", "tools", "calc.js"));

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
  assert.equal(C.priceFromMarkup(2000, 50), 3000);
  assert.equal(C.priceFromMargin(2000, 50), 4000);
  const r = value(C.priceTool({ costs: [2000], units: 1, mode: "price", value: 3000, fixedCost: null }));
  assert.equal(r.markupPct, 50);
  assert.equal(C.formatPercent(r.marginPct, "id"), "33,3%");
  assert.equal(C.priceFromMargin(2000, 100), null);
});

// Bu Sari's cassava chips, one batch: 50,000 + 54,000 + 20,000 + 22,000 + 60,000 = 206,000
// for 100 packs, so HPP = 2,060 a pack.
const SARI = [50000, 54000, 20000, 22000, 60000];

test("Bu Sari with a 50% markup", () => {
  const r = value(C.priceTool({ costs: SARI, units: 100, mode: "markup", value: 50, fixedCost: 288000 }));
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
  const r = value(C.priceTool({ costs: SARI, units: 100, mode: "price", value: 3500, fixedCost: 288000 }));
  assert.equal(r.profitUnit, 1440);
  assert.equal(r.profitBatch, 144000);
  assert.equal(C.formatPercent(r.markupPct, "id"), "69,9%"); // 1,440 / 2,060
  assert.equal(C.formatPercent(r.marginPct, "id"), "41,1%"); // 1,440 / 3,500
  assert.deepEqual(r.breakEven, { status: "ok", units: 200 }); // 288,000 / 1,440 = 200 exactly
  assert.equal(r.loss, false);
});

test("Bu Sari with a 40% margin", () => {
  const r = value(C.priceTool({ costs: SARI, units: 100, mode: "margin", value: 40, fixedCost: null }));
  assert.equal(r.price, 3434); // 2,060 / 0.6 = 3,433.33, rounded up to whole rupiah
  assert.equal(r.profitUnit, 1374);
  assert.ok(r.marginPct >= 40);
  assert.deepEqual(r.breakEven, { status: "none" });
});

test("break-even is impossible when the price does not cover the unit cost", () => {
  const below = value(C.priceTool({ costs: SARI, units: 100, mode: "price", value: 2000, fixedCost: 200000 }));
  assert.equal(below.loss, true);
  assert.equal(below.profitUnit, -60);
  assert.deepEqual(below.breakEven, { status: "impossible" });
  const equal = value(C.priceTool({ costs: SARI, units: 100, mode: "markup", value: 0, fixedCost: 1 }));
  assert.deepEqual(equal.breakEven, { status: "impossible" });
  assert.equal(C.breakEvenUnits(0, 3000, 2000), 0);
  assert.equal(C.breakEvenUnits(1000, 3000, 2000), 1);
  assert.equal(C.breakEvenUnits(1001, 3000, 2000), 2);
});

test("no NaN or Infinity from edge values", () => {
  const huge = value(C.priceTool({ costs: [1e12, 1e12], units: 1, mode: "markup", value: 1000, fixedCost: 1e12 }));
  for (const v of [huge.unitCost, huge.price, huge.profitBatch, huge.markupPct, huge.marginPct]) {
    assert.ok(Number.isFinite(v));
  }
  const tiny = value(C.priceTool({ costs: [1], units: 3, mode: "markup", value: 0, fixedCost: null }));
  assert.ok(Number.isFinite(tiny.markupPct) && Number.isFinite(tiny.marginPct));
  assert.equal(C.unitCost(100, 0), 0);
  const plan = C.moneyPlan(0, [{ key: "cicilan", amount: 0 }], "cicilan");
  assert.ok(Number.isFinite(plan.instalmentShare) && Number.isFinite(plan.totalShare));
});

// Bu Sari's household plan (the page's example): income 3,000,000; pockets 300,000 +
// 1,500,000 + 300,000 + 150,000 + 150,000 + 150,000 + 300,000 = 2,850,000; left 150,000 (5%).
function plan(instalment) {
  return [
    { key: "usaha", amount: 300000 }, { key: "rumah-tangga", amount: 1500000 },
    { key: "pendidikan", amount: 300000 }, { key: "kesehatan", amount: 150000 },
    { key: "tabungan", amount: 150000 }, { key: "dana-darurat", amount: 150000 },
    { key: "cicilan", amount: instalment },
  ];
}

test("money plan with money left", () => {
  const r = C.moneyPlan(3000000, plan(300000), "cicilan", 30);
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
  const r = C.moneyPlan(3000000, plan(1000000), "cicilan", 30);
  assert.equal(r.total, 3550000);
  assert.equal(r.left, 0);
  assert.equal(r.missing, 550000);
  assert.equal(r.balance, -550000);
  assert.equal(C.formatPercent(r.instalmentShare, "en"), "33.3%");
  assert.equal(r.instalmentWarning, true);
});

test("money plan that comes out exactly even", () => {
  const r = C.moneyPlan(1000000, [{ key: "rumah-tangga", amount: 1000000 }], "cicilan", 30);
  assert.equal(r.balance, 0);
  assert.equal(r.left, 0);
  assert.equal(r.missing, 0);
  assert.equal(r.instalmentShare, 0);
});

test("instalment exactly at the limit is not warned about; default limit is 30%", () => {
  assert.equal(C.moneyPlan(1000000, [{ key: "cicilan", amount: 300000 }], "cicilan").instalmentWarning, false);
  assert.equal(C.moneyPlan(1000000, [{ key: "cicilan", amount: 300001 }], "cicilan").instalmentWarning, true);
  assert.equal(C.moneyPlan(1000000, [{ key: "cicilan", amount: 250000 }], "cicilan", 20).instalmentWarning, true);
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
