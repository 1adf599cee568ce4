/* Monthly money plan (literasi-keuangan/rencana-keuangan).
 * Enhances the form of overrides/tools/money-plan.html: every word shown comes from its data-
 * attributes, written from the page's front matter in the page's language.
 * Arithmetic and the shared form glue: PenaCalc (calc.js). */
(function () {
  "use strict";
  var C = window.PenaCalc;
  var form = document.getElementById("plan-form");
  if (!C || !form) return;

  var tool = C.enhance(form, calculate);
  var d = tool.data;
  var lang = tool.lang;
  var limit = Number(d.instalmentLimit) || C.INSTALMENT_LIMIT;
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

    var r = C.moneyPlan(inc.value, list, d.instalmentKey, limit);
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
})();
