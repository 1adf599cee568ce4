/* Unit cost and price calculator (riset-sederhana/kalkulator-harga).
 * Enhances the form written in the page: every word shown comes from the page's HTML and
 * data- attributes, so each language page carries its own text. Arithmetic: PenaCalc. */
(function () {
  "use strict";
  var C = window.PenaCalc;
  var form = document.getElementById("hpp-form");
  if (!C || !form) return;

  var d = form.dataset;
  var lang = d.lang || document.documentElement.lang || "id";
  var rows = document.getElementById("hpp-rows");
  var status = document.getElementById("hpp-status");
  var result = document.getElementById("hpp-result");

  function $(sel, el) {
    return (el || form).querySelector(sel);
  }

  function $$(sel, el) {
    return Array.prototype.slice.call((el || form).querySelectorAll(sel));
  }

  function check(input, parsed) {
    C.showFieldError(input, document.getElementById(input.id + "-error"), d, parsed);
    return parsed;
  }

  function setError(input, code) {
    check(input, { ok: false, error: code });
  }

  function clearError(input) {
    check(input, { ok: true });
  }

  // Cost lines ---------------------------------------------------------------------------

  function renumber() {
    var list = $$(".pena-tool__row", rows);
    list.forEach(function (row, i) {
      var n = i + 1;
      var name = $(".hpp-name", row);
      var amount = $(".hpp-amount", row);
      var error = $(".pena-tool__error", row);
      var labels = $$("label", row);
      name.id = "hpp-name-" + n;
      amount.id = "hpp-amount-" + n;
      error.id = amount.id + "-error";
      amount.setAttribute("aria-describedby", error.id);
      labels[0].htmlFor = name.id;
      labels[0].textContent = C.fill(d.nameLabel, { n: n });
      labels[1].htmlFor = amount.id;
      labels[1].textContent = C.fill(d.amountLabel, { n: n });
      var remove = $(".pena-tool__remove", row);
      remove.setAttribute("aria-label", C.fill(d.removeLabel, { n: n }));
      remove.disabled = list.length === 1;
    });
    return list.length;
  }

  function addRow() {
    var last = rows.lastElementChild;
    var row = last.cloneNode(true);
    $$("input", row).forEach(function (input) {
      input.value = "";
      clearError(input);
    });
    var error = $(".pena-tool__error", row);
    error.textContent = "";
    error.hidden = true;
    rows.appendChild(row);
    var n = renumber();
    $(".hpp-name", row).focus();
    status.textContent = C.fill(d.msgAdded, { n: n });
  }

  function removeRow(row) {
    if (rows.children.length < 2) return;
    var next = row.nextElementSibling || row.previousElementSibling;
    rows.removeChild(row);
    var n = renumber();
    // Keep the keyboard in the list: the same position's remove button, else "add".
    var target = next && $(".pena-tool__remove", next);
    (target && !target.disabled ? target : document.getElementById("hpp-add")).focus();
    status.textContent = C.fill(d.msgRemoved, { n: n });
  }

  rows.addEventListener("click", function (event) {
    var button = event.target.closest(".pena-tool__remove");
    if (button) removeRow(button.closest(".pena-tool__row"));
  });
  document.getElementById("hpp-add").addEventListener("click", addRow);

  // Price mode ----------------------------------------------------------------------------

  function mode() {
    var checked = $("input[name='hpp-mode']:checked");
    return checked ? checked.value : "markup";
  }

  function showMode() {
    var current = mode();
    $$("[data-mode]").forEach(function (box) {
      box.hidden = box.getAttribute("data-mode") !== current;
      if (box.hidden) clearError($("input", box));
    });
  }

  $$("input[name='hpp-mode']").forEach(function (radio) {
    radio.addEventListener("change", showMode);
  });

  // A corrected field loses its old message as soon as it is edited.
  form.addEventListener("input", function (event) {
    if (event.target.getAttribute("aria-invalid")) clearError(event.target);
  });

  // Calculation ---------------------------------------------------------------------------

  function out(name, text) {
    $("[data-out='" + name + "']").textContent = text;
  }

  function calculate() {
    var invalid = [];
    function take(input, parsed) {
      if (!check(input, parsed).ok) invalid.push(input);
      return parsed.value;
    }
    var costs = $$(".hpp-amount", rows).map(function (input) {
      return take(input, C.parseMoney(input.value, lang));
    });
    var unitsInput = document.getElementById("hpp-units");
    var units = take(unitsInput, C.parseCount(unitsInput.value, lang));
    var how = mode();
    var valueInput = document.getElementById("hpp-" + how);
    var value = take(valueInput, how === "price"
      ? C.parseMoney(valueInput.value, lang)
      : C.parsePercent(valueInput.value, lang, how));
    var fixedInput = document.getElementById("hpp-fixed");
    var fixed = null;
    if (fixedInput.value.trim() === "") clearError(fixedInput);
    else fixed = take(fixedInput, C.parseMoney(fixedInput.value, lang, { allowZero: true }));

    var r = invalid.length ? null : C.priceTool({
      costs: costs, units: units, mode: how, value: value, fixedCost: fixed
    });
    if (r && !r.ok) {
      setError(valueInput, r.error);
      invalid.push(valueInput);
    }
    if (invalid.length) {
      result.hidden = true;
      status.textContent = d.msgCheck;
      invalid[0].focus();
      return;
    }
    r = r.value;
    var money = function (v) { return C.formatMoney(v, lang); };
    out("totalCost", money(r.totalCost));
    out("unitCost", money(r.unitCost));
    out("price", money(r.price));
    out("profitUnit", money(r.profitUnit));
    out("profitBatch", money(r.profitBatch));
    out("markup", C.formatPercent(r.markupPct, lang));
    out("margin", C.formatPercent(r.marginPct, lang));
    var be = r.breakEven;
    out("breakEven", be.status === "ok"
      ? C.fill(d.breakEven, { units: C.formatCount(be.units, lang), fixed: money(fixed) })
      : be.status === "impossible" ? d.breakEvenImpossible : d.breakEvenNone);
    var loss = $("[data-out='loss']");
    loss.hidden = !r.loss;
    loss.textContent = r.loss ? C.fill(d.loss, { amount: money(-r.profitUnit) }) : "";
    result.hidden = false;
    status.textContent = C.fill(d.summary, {
      unitCost: money(r.unitCost), price: money(r.price),
      profitUnit: money(r.profitUnit), profitBatch: money(r.profitBatch)
    }) + (r.loss ? " " + loss.textContent : "");
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    calculate();
  });

  // Ready: show the tool, hide the "needs JavaScript" note.
  renumber();
  showMode();
  $$(".pena-nojs", document).forEach(function (el) { el.hidden = true; });
  form.hidden = false;
})();
