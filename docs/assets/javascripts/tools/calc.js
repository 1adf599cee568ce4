/* PenaCalc: the arithmetic of the PENA tools (price calculator, money plan).
 * Pure functions, no DOM: the same file runs in the browser (window.PenaCalc) and under
 * Node for the unit tests (module.exports). Parsers return {ok: true, value} or
 * {ok: false, error: code}; the page turns a code into a message in its own language. */
(function (root, factory) {
  "use strict";
  var api = factory();
  if (typeof module === "object" && module.exports) {
    module.exports = api;
  } else {
    root.PenaCalc = api;
  }
})(typeof self !== "undefined" ? self : this, function () {
  "use strict";

  // Anything above this is a typing slip, not a family budget.
  var MAX_AMOUNT = 1e12;
  var MAX_MARKUP = 1000;
  var INSTALMENT_LIMIT = 30;
  var SEP = { id: { group: ".", decimal: "," }, en: { group: ",", decimal: "." } };

  function lang(code) {
    return code === "en" ? "en" : "id";
  }

  function fail(error) {
    return { ok: false, error: error };
  }

  function ok(value) {
    return { ok: true, value: value };
  }

  // Common first steps of every parser: trim, spaces, sign, letters.
  function clean(text, stripPrefix) {
    var s = String(text == null ? "" : text).replace(/[\s\u00a0\u202f]+/g, "");
    if (stripPrefix) s = s.replace(/^[-\u2212]?(rp|idr)\.?/i, function (m) {
      return m.charAt(0) === "-" || m.charAt(0) === "\u2212" ? "-" : "";
    });
    if (s === "") return fail("empty");
    if (/^[-\u2212]/.test(s)) return fail("negative");
    if (/[^0-9.,]/.test(s)) return fail(/[a-z]/i.test(s) ? "letters" : "format");
    if (!/[0-9]/.test(s)) return fail("format");
    return ok(s);
  }

  // "5.000" and "5,000" are thousands in both languages (nobody writes 5 rupiah with three
  // decimals); otherwise the page language decides which mark is the decimal one.
  function toNumber(s, code) {
    var sep = SEP[lang(code)];
    var hasDot = s.indexOf(".") >= 0;
    var hasComma = s.indexOf(",") >= 0;
    if (!hasDot && !hasComma) return ok(Number(s));
    if (hasDot !== hasComma) {
      var mark = hasDot ? "." : ",";
      var grouped = new RegExp("^\\d{1,3}(\\" + mark + "\\d{3})+$");
      if (grouped.test(s)) return ok(Number(s.split(mark).join("")));
      var decimal = new RegExp("^\\d+\\" + mark + "\\d+$");
      if (mark === sep.decimal && decimal.test(s)) return ok(Number(s.replace(mark, ".")));
      return fail("format");
    }
    var both = new RegExp("^\\d{1,3}(\\" + sep.group + "\\d{3})*\\" + sep.decimal + "\\d+$");
    if (!both.test(s)) return fail("format");
    return ok(Number(s.split(sep.group).join("").replace(sep.decimal, ".")));
  }

  function finite(result) {
    if (!result.ok) return result;
    if (isNaN(result.value)) return fail("format");
    if (result.value > MAX_AMOUNT) return fail("too-large"); // also Infinity from 400 digits
    return result;
  }

  /** Money as people type it: 5000, 5.000, Rp 5.000, Rp5,000. options.allowZero. */
  function parseMoney(text, code, options) {
    var c = clean(text, true);
    if (!c.ok) return c;
    var n = finite(toNumber(c.value, code));
    if (!n.ok) return n;
    if (n.value === 0 && !(options && options.allowZero)) return fail("zero");
    return n;
  }

  /** A whole number of units greater than zero: 100, 1.000. */
  function parseCount(text, code) {
    var c = clean(text, false);
    if (!c.ok) return c;
    var n = finite(toNumber(c.value, code));
    if (!n.ok) return n;
    if (n.value === 0) return fail("zero");
    if (Math.floor(n.value) !== n.value) return fail("not-whole");
    return n;
  }

  /** A percentage: 50, 50%, 33,3 or 33.3. kind "markup" (0-1000) or "margin" (0 to under 100). */
  function parsePercent(text, code, kind) {
    var c = clean(String(text == null ? "" : text).replace(/%\s*$/, ""), false);
    if (!c.ok) return c;
    if (!/^\d+([.,]\d+)?$/.test(c.value)) return fail("format");
    var value = Number(c.value.replace(",", "."));
    if (kind === "margin" && value >= 100) return fail("margin-high");
    if (value > MAX_MARKUP) return fail("percent-high");
    return ok(value);
  }

  function group(digits, mark) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, mark);
  }

  /** Rp1.234.567 (id) or Rp1,234,567 (en), rounded to whole rupiah. */
  function formatMoney(value, code) {
    var n = Math.round(Number(value) || 0);
    var sign = n < 0 ? "-" : "";
    return sign + "Rp" + group(String(Math.abs(n)), SEP[lang(code)].group);
  }

  /** 1.250 (id) or 1,250 (en). */
  function formatCount(value, code) {
    var n = Math.round(Number(value) || 0);
    return (n < 0 ? "-" : "") + group(String(Math.abs(n)), SEP[lang(code)].group);
  }

  /** 33,3% (id) or 33.3% (en): one decimal, none when it is zero. */
  function formatPercent(value, code) {
    var n = Math.round((Number(value) || 0) * 10) / 10;
    if (n === 0) n = 0; // no "-0%"
    var s = Math.abs(n).toFixed(1).replace(/\.0$/, "");
    return (n < 0 ? "-" : "") + s.replace(".", SEP[lang(code)].decimal) + "%";
  }

  function sum(values) {
    var total = 0;
    for (var i = 0; i < values.length; i++) total += values[i];
    return total;
  }

  // Prices are whole rupiah, rounded up so that the wanted markup or margin is reached.
  function ceilRupiah(x) {
    return Math.ceil(x - 1e-6);
  }

  function unitCost(totalCost, units) {
    return units > 0 ? totalCost / units : 0;
  }

  function priceFromMarkup(cost, markupPct) {
    return ceilRupiah((cost * (100 + markupPct)) / 100);
  }

  /** null when the margin is 100% or more: no price gives it. */
  function priceFromMargin(cost, marginPct) {
    if (marginPct >= 100) return null;
    return ceilRupiah((cost * 100) / (100 - marginPct));
  }

  /** Units to sell to earn back a fixed cost; null when each unit earns nothing. */
  function breakEvenUnits(fixedCost, price, cost) {
    var perUnit = price - cost;
    if (!(perUnit > 1e-9)) return null;
    if (fixedCost <= 0) return 0;
    return Math.ceil(fixedCost / perUnit - 1e-9);
  }

  /**
   * The price calculator in one call.
   * input: {costs: [numbers], units, mode: "markup"|"margin"|"price", value, fixedCost (or null)}
   */
  function priceTool(input) {
    var total = sum(input.costs);
    var cost = unitCost(total, input.units);
    var price;
    if (input.mode === "margin") price = priceFromMargin(cost, input.value);
    else if (input.mode === "price") price = input.value;
    else price = priceFromMarkup(cost, input.value);
    if (price === null) return fail("margin-high");
    var profit = price - cost;
    var fixed = input.fixedCost;
    return ok({
      totalCost: total,
      unitCost: cost,
      price: price,
      profitUnit: profit,
      profitBatch: profit * input.units,
      markupPct: cost > 0 ? (profit / cost) * 100 : 0,
      marginPct: price > 0 ? (profit / price) * 100 : 0,
      loss: profit < 0,
      breakEven: fixed === null || fixed === undefined
        ? { status: "none" }
        : (function () {
          var units = breakEvenUnits(fixed, price, cost);
          return units === null ? { status: "impossible" } : { status: "ok", units: units };
        })()
    });
  }

  /**
   * The monthly money plan. income > 0; pockets: [{key, amount}]; instalmentKey names the
   * instalment pocket; limitPct is the rule-of-thumb share (30 when not given).
   */
  function moneyPlan(income, pockets, instalmentKey, limitPct) {
    var limit = limitPct > 0 ? limitPct : INSTALMENT_LIMIT;
    var total = 0;
    var instalment = 0;
    var shares = [];
    for (var i = 0; i < pockets.length; i++) {
      total += pockets[i].amount;
      if (pockets[i].key === instalmentKey) instalment += pockets[i].amount;
    }
    for (var j = 0; j < pockets.length; j++) {
      shares.push({
        key: pockets[j].key,
        amount: pockets[j].amount,
        share: income > 0 ? (pockets[j].amount / income) * 100 : 0
      });
    }
    var balance = income - total;
    var instalmentShare = income > 0 ? (instalment / income) * 100 : 0;
    return {
      income: income,
      total: total,
      balance: balance,
      left: balance > 0 ? balance : 0,
      missing: balance < 0 ? -balance : 0,
      totalShare: income > 0 ? (total / income) * 100 : 0,
      balanceShare: income > 0 ? (Math.abs(balance) / income) * 100 : 0,
      shares: shares,
      instalment: instalment,
      instalmentShare: instalmentShare,
      instalmentLimit: limit,
      instalmentWarning: instalmentShare > limit
    };
  }

  /** Fills {name} slots of a message written in the page: "Hapus biaya {n}". */
  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : m;
    });
  }

  // Both tools: the message for an error code comes from the field's own data-msg-* attribute,
  // else the form's, else the form's generic format message ("too-large" -> msgTooLarge).
  function fieldMessage(fieldData, formData, code) {
    var key = "msg" + String(code).replace(/(^|-)([a-z])/g, function (m, dash, ch) {
      return ch.toUpperCase();
    });
    return fieldData[key] || formData[key] || formData.msgFormat;
  }

  // Both tools show a parse result next to its field the same way: aria-invalid on the input,
  // the message in the field's error element (hidden when there is none). Works on the objects
  // it is given, so it runs under Node's tests with plain stand-ins for the elements.
  function showFieldError(input, errorElement, formData, parsed) {
    if (parsed.ok) input.removeAttribute("aria-invalid");
    else input.setAttribute("aria-invalid", "true");
    if (errorElement) {
      errorElement.textContent = parsed.ok ? "" : fieldMessage(input.dataset, formData, parsed.error);
      errorElement.hidden = parsed.ok;
    }
    return parsed.ok;
  }

  return {
    MAX_AMOUNT: MAX_AMOUNT,
    MAX_MARKUP: MAX_MARKUP,
    INSTALMENT_LIMIT: INSTALMENT_LIMIT,
    parseMoney: parseMoney,
    parseCount: parseCount,
    parsePercent: parsePercent,
    formatMoney: formatMoney,
    formatCount: formatCount,
    formatPercent: formatPercent,
    unitCost: unitCost,
    priceFromMarkup: priceFromMarkup,
    priceFromMargin: priceFromMargin,
    breakEvenUnits: breakEvenUnits,
    priceTool: priceTool,
    moneyPlan: moneyPlan,
    fill: fill,
    fieldMessage: fieldMessage,
    showFieldError: showFieldError
  };
});
