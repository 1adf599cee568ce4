/* PenaCalc: the arithmetic of the PENA tools (price calculator, money plan, loan cost) and
 * the browser glue they share. The arithmetic is pure functions: the same file runs in the
 * browser (window.PenaCalc) and under Node for the unit tests (module.exports). Parsers
 * return {ok: true, value} or {ok: false, error: code}; the page turns a code into a message
 * in its own language (the form's data-msg-* attributes, written from the page's words). */
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
  // The loan tool's day count, stated on its page: a week is 7 days, a month 30.
  var DAYS = { daily: 1, weekly: 7, monthly: 30 };
  var MONTH = 30;
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

  /** 12,9 (id) or 12.9 (en): at most `decimals` decimals, trailing zeros dropped. */
  function formatDecimal(value, code, decimals) {
    var n = Number(value) || 0;
    var s = Math.abs(n).toFixed(decimals);
    if (s.indexOf(".") >= 0) s = s.replace(/\.?0+$/, "");
    if (s === "0") n = 0; // no "-0"
    var parts = s.split(".");
    var sep = SEP[lang(code)];
    return (n < 0 ? "-" : "") + group(parts[0], sep.group) + (parts[1] ? sep.decimal + parts[1] : "");
  }

  /** 33,3% (id) or 33.3% (en): one decimal, none when it is zero. */
  function formatPercent(value, code) {
    return formatDecimal(value, code, 1) + "%";
  }

  /** A small rate keeps two significant digits (0,48%; 0,037%); from 1% on, one decimal. */
  function formatRate(value, code) {
    var n = Math.abs(Number(value) || 0);
    if (n === 0 || n >= 1) return formatPercent(value, code);
    return formatDecimal(value, code, 1 - Math.floor(Math.log(n) / Math.LN10)) + "%";
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

  /**
   * One loan offer. offer: {received, fee (deducted up front, 0 if none), instalment, count,
   * frequency: "daily"|"weekly"|"monthly"}; limits: {capShort, capLong, longFromDays (the
   * caps in % a day below and from that length), total (% of the loan that all charges may
   * reach), instalment (% of income)}; income: monthly income or null.
   * Costs are flat shares of the money received, as OJK states its caps.
   */
  function loanCost(offer, limits, income) {
    var period = DAYS[offer.frequency] || MONTH;
    var paid = offer.instalment * offer.count;
    if (paid < offer.received) return fail("paid-less");
    var cost = paid - offer.received;
    var days = offer.count * period;
    var share = (cost / offer.received) * 100;
    var perDay = share / days;
    var principal = offer.received + (offer.fee || 0);
    var cap = days < limits.longFromDays ? limits.capShort : limits.capLong;
    var monthly = (offer.instalment * MONTH) / period;
    var instalmentShare = income > 0 ? (monthly / income) * 100 : null;
    return ok({
      principal: principal,
      paid: paid,
      cost: cost,
      share: share,
      days: days,
      perDay: perDay,
      perMonth: perDay * MONTH,
      cap: cap,
      overCap: perDay > cap + 1e-9,
      overTotal: cost > (principal * limits.total) / 100 + 1e-6,
      monthlyInstalment: monthly,
      instalmentShare: instalmentShare,
      instalmentWarning: instalmentShare !== null && instalmentShare > limits.instalment + 1e-9
    });
  }

  /** Fills {name} slots of a message written in the page: "Hapus biaya {n}". */
  function fill(template, values) {
    return String(template || "").replace(/\{(\w+)\}/g, function (m, key) {
      return Object.prototype.hasOwnProperty.call(values, key) ? String(values[key]) : m;
    });
  }

  // Every tool: the message for an error code comes from the field's own data-msg-* attribute,
  // else the form's, else the form's generic format message ("too-large" -> msgTooLarge).
  function fieldMessage(fieldData, formData, code) {
    var key = "msg" + String(code).replace(/(^|-)([a-z])/g, function (m, dash, ch) {
      return ch.toUpperCase();
    });
    return fieldData[key] || formData[key] || formData.msgFormat;
  }

  // Every tool shows a parse result next to its field the same way: aria-invalid on the input,
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

  /**
   * Browser glue of every tool form: reveals the form (the page says how to work without
   * it), clears a field's message as soon as it is edited, and on submit runs
   * calculate(take). take(input, parsed) shows the parse result at the field and returns its
   * value; calculate returns the sentence for the status line, or nothing when a field was
   * refused, and the glue then hides the old result and moves the focus to the first one.
   */
  function enhance(form, calculate) {
    var d = form.dataset;
    var status = form.querySelector("[role=status]");
    var result = form.querySelector(".pena-tool__result");
    var doc = form.ownerDocument;
    function show(input, parsed) {
      return showFieldError(input, doc.getElementById(input.id + "-error"), d, parsed);
    }
    form.addEventListener("input", function (event) {
      if (event.target.getAttribute("aria-invalid")) show(event.target, ok(null));
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var invalid = [];
      var summary = calculate(function (input, parsed) {
        if (!show(input, parsed)) invalid.push(input);
        return parsed.value;
      });
      if (invalid.length) {
        var folded = invalid[0].closest("details");
        if (folded) folded.open = true;
        result.hidden = true;
        status.textContent = d.msgCheck;
        invalid[0].focus();
        return;
      }
      result.hidden = false;
      status.textContent = summary;
    });
    Array.prototype.forEach.call(doc.querySelectorAll(".pena-nojs"), function (el) {
      el.hidden = true;
    });
    form.hidden = false;
    return {
      lang: d.lang || doc.documentElement.lang || "id",
      data: d,
      status: status,
      show: show,
      out: function (name, text) {
        form.querySelector("[data-out='" + name + "']").textContent = text;
      }
    };
  }

  return {
    MAX_AMOUNT: MAX_AMOUNT,
    MAX_MARKUP: MAX_MARKUP,
    INSTALMENT_LIMIT: INSTALMENT_LIMIT,
    DAYS: DAYS,
    parseMoney: parseMoney,
    parseCount: parseCount,
    parsePercent: parsePercent,
    formatMoney: formatMoney,
    formatCount: formatCount,
    formatDecimal: formatDecimal,
    formatPercent: formatPercent,
    formatRate: formatRate,
    unitCost: unitCost,
    priceFromMarkup: priceFromMarkup,
    priceFromMargin: priceFromMargin,
    breakEvenUnits: breakEvenUnits,
    priceTool: priceTool,
    moneyPlan: moneyPlan,
    loanCost: loanCost,
    fill: fill,
    fieldMessage: fieldMessage,
    showFieldError: showFieldError,
    enhance: enhance
  };
});
