/* Monthly money plan (literasi-keuangan/rencana-keuangan).
 * Enhances the form of overrides/tools/money-plan.html: every word shown comes from its data-
 * attributes, written from the page's front matter in the page's language.
 * Its arithmetic is here; parsing, formats and the form glue: PenaCalc (calc.js). */
(function (root) {
  "use strict";
  var C = root.PenaCalc || (typeof require === "function" ? require("./calc.js") : null);
  if (!C) return;

  // Arithmetic: pure functions, unit-tested under Node (tests/js/) ------------------------
  // Warn when instalments take more than this share of income (the page may set another).
  var INSTALMENT_LIMIT = 30;

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

  var api = {
    INSTALMENT_LIMIT: INSTALMENT_LIMIT,
    moneyPlan: moneyPlan
  };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }

  // The page ------------------------------------------------------------------------------
  var form = document.getElementById("plan-form");
  if (!form) return;

  var tool = C.enhance(form, calculate);
  var d = tool.data;
  var lang = tool.lang;
  var limit = Number(d.instalmentLimit) || INSTALMENT_LIMIT;
  var income = document.getElementById("plan-income");
  var pockets = Array.prototype.slice.call(form.querySelectorAll(".plan-pocket"));
  var tbody = document.getElementById("plan-shares");

  function labelOf(input) {
    var label = form.querySelector("label[for='" + input.id + "']");
    return label ? label.textContent : input.getAttribute("data-pocket");
  }

  function row(name, amount, share) {
    var tr = document.createElement("tr");
    var th = document.createElement("th");
    th.scope = "row";
    th.textContent = name;
    var td1 = document.createElement("td");
    td1.textContent = C.formatMoney(amount, lang);
    var td2 = document.createElement("td");
    td2.textContent = C.formatPercent(share, lang);
    var bar = document.createElement("span");
    bar.className = "pena-tool__bar";
    bar.setAttribute("aria-hidden", "true");
    bar.style.width = Math.min(100, Math.max(0, share)) + "%";
    td2.appendChild(bar);
    tr.appendChild(th);
    tr.appendChild(td1);
    tr.appendChild(td2);
    return tr;
  }

  function calculate(take) {
    var inc = C.parseMoney(income.value, lang);
    var failed = !inc.ok;
    take(income, inc);
    var list = pockets.map(function (input) {
      var empty = input.value.trim() === "";
      var parsed = empty ? { ok: true, value: 0 } : C.parseMoney(input.value, lang, { allowZero: true });
      failed = failed || !parsed.ok;
      return { key: input.getAttribute("data-pocket"), amount: take(input, parsed), name: labelOf(input) };
    });
    if (failed) return null;

    var r = moneyPlan(inc.value, list, d.instalmentKey, limit);
    var money = function (v) { return C.formatMoney(v, lang); };
    var pct = function (v) { return C.formatPercent(v, lang); };
    var state = r.balance > 0 ? "left" : r.balance < 0 ? "missing" : "even";
    tool.out("income", money(r.income));
    tool.out("total", money(r.total));
    tool.out("total-again", money(r.total));
    tool.out("total-share", pct(r.totalShare));
    tool.out("balance-label", state === "missing" ? d.labelMissing : d.labelLeft);
    tool.out("balance", money(Math.abs(r.balance)));
    tool.out("advice", state === "left" ? d.adviceLeft : state === "missing" ? d.adviceMissing : d.adviceEven);

    tbody.textContent = "";
    r.shares.forEach(function (s, i) {
      tbody.appendChild(row(list[i].name, s.amount, s.share));
    });
    if (state === "left") tbody.appendChild(row(d.labelLeft, r.left, r.balanceShare));

    var warn = form.querySelector("[data-out='instalment']");
    warn.hidden = !r.instalmentWarning;
    warn.textContent = r.instalmentWarning
      ? C.fill(d.instalmentWarning, { amount: money(r.instalment), share: pct(r.instalmentShare), limit: pct(limit) })
      : "";
    var summary = state === "left" ? d.summaryLeft : state === "missing" ? d.summaryMissing : d.summaryEven;
    return C.fill(summary, {
      total: money(r.total), share: pct(r.totalShare), amount: money(Math.abs(r.balance))
    }) + (r.instalmentWarning ? " " + warn.textContent : "");
  }
})(typeof self !== "undefined" ? self : this);
