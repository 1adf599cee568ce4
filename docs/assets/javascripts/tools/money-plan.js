/* Monthly money plan (literasi-keuangan/rencana-keuangan).
 * Enhances the form written in the page: every word shown comes from the page's HTML and
 * data- attributes, so each language page carries its own text. Arithmetic: PenaCalc. */
(function () {
  "use strict";
  var C = window.PenaCalc;
  var form = document.getElementById("plan-form");
  if (!C || !form) return;

  var d = form.dataset;
  var lang = d.lang || document.documentElement.lang || "id";
  var limit = Number(d.instalmentLimit) || C.INSTALMENT_LIMIT;
  var status = document.getElementById("plan-status");
  var result = document.getElementById("plan-result");
  var income = document.getElementById("plan-income");
  var pockets = Array.prototype.slice.call(form.querySelectorAll(".plan-pocket"));
  var tbody = document.getElementById("plan-shares");

  function show(input, parsed) {
    return C.showFieldError(input, document.getElementById(input.id + "-error"), d, parsed);
  }

  function labelOf(input) {
    var label = form.querySelector("label[for='" + input.id + "']");
    return label ? label.textContent : input.getAttribute("data-pocket");
  }

  function out(name, text) {
    form.querySelector("[data-out='" + name + "']").textContent = text;
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

  function calculate() {
    var invalid = [];
    var inc = C.parseMoney(income.value, lang);
    if (!show(income, inc)) invalid.push(income);
    var list = pockets.map(function (input) {
      var empty = input.value.trim() === "";
      var parsed = empty ? { ok: true, value: 0 } : C.parseMoney(input.value, lang, { allowZero: true });
      if (!show(input, parsed)) invalid.push(input);
      return { key: input.getAttribute("data-pocket"), amount: parsed.value, name: labelOf(input) };
    });
    if (invalid.length) {
      result.hidden = true;
      status.textContent = d.msgCheck;
      invalid[0].focus();
      return;
    }
    var r = C.moneyPlan(inc.value, list, d.instalmentKey, limit);
    var money = function (v) { return C.formatMoney(v, lang); };
    var pct = function (v) { return C.formatPercent(v, lang); };
    var state = r.balance > 0 ? "left" : r.balance < 0 ? "missing" : "even";

    out("income", money(r.income));
    out("total", money(r.total));
    out("totalAgain", money(r.total));
    out("totalShare", pct(r.totalShare));
    out("balanceLabel", state === "missing" ? d.labelMissing : d.labelLeft);
    out("balance", money(Math.abs(r.balance)));
    out("advice", state === "left" ? d.adviceLeft : state === "missing" ? d.adviceMissing : d.adviceEven);

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

    result.hidden = false;
    var summary = state === "left" ? d.summaryLeft : state === "missing" ? d.summaryMissing : d.summaryEven;
    status.textContent = C.fill(summary, {
      total: money(r.total), share: pct(r.totalShare), amount: money(Math.abs(r.balance))
    }) + (r.instalmentWarning ? " " + warn.textContent : "");
  }

  form.addEventListener("input", function (event) {
    var el = event.target;
    if (el.getAttribute("aria-invalid")) show(el, { ok: true });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    calculate();
  });

  // Ready: show the tool, hide the "needs JavaScript" note.
  Array.prototype.forEach.call(document.querySelectorAll(".pena-nojs"), function (el) {
    el.hidden = true;
  });
  form.hidden = false;
})();
