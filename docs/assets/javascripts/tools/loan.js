/* Loan cost calculator (literasi-keuangan/kalkulator-pinjaman).
 * Enhances the form of overrides/tools/loan.html: every word shown comes from its data-
 * attributes, written from the page's front matter in the page's language; so do the caps.
 * Its arithmetic is here; parsing, formats and the form glue: PenaCalc (calc.js). */
(function (root) {
  "use strict";
  var C = root.PenaCalc || (typeof require === "function" ? require("./calc.js") : null);
  if (!C) return;

  // Arithmetic: pure functions, unit-tested under Node (tests/js/) ------------------------
  // The day count stated on the page: a week is 7 days, a month 30.
  var DAYS = { daily: 1, weekly: 7, monthly: 30 };
  var MONTH = 30;

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
    if (paid < offer.received) return C.fail("paid-less");
    var cost = paid - offer.received;
    var days = offer.count * period;
    var share = (cost / offer.received) * 100;
    var perDay = share / days;
    var principal = offer.received + (offer.fee || 0);
    var cap = days < limits.longFromDays ? limits.capShort : limits.capLong;
    var monthly = (offer.instalment * MONTH) / period;
    var instalmentShare = income > 0 ? (monthly / income) * 100 : null;
    return C.ok({
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

  var api = {
    DAYS: DAYS,
    loanCost: loanCost
  };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }

  // The page ------------------------------------------------------------------------------
  var form = document.getElementById("loan-form");
  if (!form) return;

  var tool = C.enhance(form, calculate);
  var d = tool.data;
  var lang = tool.lang;
  var limits = {
    capShort: Number(d.capShort), capLong: Number(d.capLong), longFromDays: Number(d.longFromDays),
    total: Number(d.total), instalment: Number(d.instalmentLimit)
  };
  var FIELDS = ["received", "fee", "instalment", "count"];
  var OK = { ok: true, value: null };

  function input(n, name) {
    return document.getElementById("loan-" + n + "-" + name);
  }

  function offerName(n) {
    return document.querySelector("#loan-offer-" + n + " > legend").textContent;
  }

  function blank(n) {
    return FIELDS.every(function (name) { return input(n, name).value.trim() === ""; });
  }

  function each(selector, fn) {
    Array.prototype.forEach.call(form.querySelectorAll(selector), fn);
  }

  // Reads one offer; null when a field was refused (its message is shown by take).
  function read(n, take) {
    var failed = false;
    function field(name, parse) {
      var el = input(n, name);
      var parsed = parse(el.value);
      failed = failed || !parsed.ok;
      return take(el, parsed);
    }
    var offer = {
      received: field("received", function (v) { return C.parseMoney(v, lang); }),
      fee: field("fee", function (v) {
        return v.trim() === "" ? { ok: true, value: 0 } : C.parseMoney(v, lang, { allowZero: true });
      }),
      instalment: field("instalment", function (v) { return C.parseMoney(v, lang); }),
      count: field("count", function (v) { return C.parseCount(v, lang); }),
      frequency: form.querySelector("input[name='loan-" + n + "-frequency']:checked").value
    };
    return failed ? null : offer;
  }

  function verdict(name, text, warning) {
    var p = form.querySelector("[data-out='" + name + "']");
    p.textContent = text;
    p.className = warning ? "pena-tool__warning" : "pena-tool__note";
  }

  function calculate(take) {
    var second = !blank(2);
    var offers = [read(1, take)];
    if (second) offers.push(read(2, take));
    else FIELDS.forEach(function (name) { take(input(2, name), OK); });
    var incomeInput = document.getElementById("loan-income");
    var incomeParsed = incomeInput.value.trim() === "" ? OK : C.parseMoney(incomeInput.value, lang);
    var income = take(incomeInput, incomeParsed);
    if (!incomeParsed.ok || offers.indexOf(null) >= 0) return null;

    var results = offers.map(function (offer, i) {
      var r = loanCost(offer, limits, income);
      if (!r.ok) take(input(i + 1, "instalment"), r);
      return r.value;
    });
    if (results.indexOf(undefined) >= 0) return null;

    var money = function (v) { return C.formatMoney(v, lang); };
    var rate = function (v) { return C.formatRate(v, lang); };
    var pct = function (v) { return C.formatPercent(v, lang); };
    var summary = results.map(function (r, i) {
      var n = i + 1;
      var words = {
        offer: offerName(n), cost: money(r.cost), principal: money(r.principal), cap: rate(r.cap),
        perDay: rate(r.perDay), perMonth: rate(r.perMonth), monthly: money(r.monthlyInstalment),
        share: r.instalmentShare === null ? "" : pct(r.instalmentShare), limit: pct(limits.instalment)
      };
      tool.out("principal-" + n, words.principal);
      tool.out("paid-" + n, money(r.paid));
      tool.out("cost-" + n, words.cost);
      tool.out("share-" + n, pct(r.share));
      tool.out("days-" + n, C.fill(d.days, { n: C.formatCount(r.days, lang) }));
      tool.out("per-day-" + n, words.perDay);
      tool.out("per-month-" + n, words.perMonth);
      tool.out("monthly-instalment-" + n, words.monthly);
      tool.out("instalment-share-" + n, words.share);
      var cap = r.cost === 0 ? [d.noCost] : [r.overTotal && d.overTotal, r.overCap && d.overCap].filter(Boolean);
      verdict("cap-" + n, (cap.length ? cap : [d.within]).map(function (s) { return C.fill(s, words); }).join(" "),
        r.overTotal || r.overCap);
      verdict("instalment-" + n, C.fill(r.instalmentWarning ? d.instalmentOver : d.instalmentWithin, words),
        r.instalmentWarning);
      return C.fill(d.summary, words);
    });

    var compare = "";
    if (second && results[0].cost > 0 && results[1].cost > 0) {
      var dearer = results[0].perDay >= results[1].perDay ? 1 : 2;
      var ratio = results[dearer - 1].perDay / results[2 - dearer].perDay;
      compare = ratio < 1.05 ? d.same : C.fill(d.compare, {
        dearer: offerName(dearer), cheaper: offerName(3 - dearer), ratio: C.formatDecimal(ratio, lang, 1)
      });
    }
    tool.out("compare", compare);
    each("[data-second], [data-income]", function (el) {
      el.hidden = (el.hasAttribute("data-second") && !second) ||
        (el.hasAttribute("data-income") && income === null) ||
        (el.getAttribute("data-out") === "compare" && !compare);
    });
    return summary.concat(compare ? [compare] : []).join(" ");
  }
})(typeof self !== "undefined" ? self : this);
