/* Unit cost (HPP) and price calculator (riset-sederhana/kalkulator-harga).
 * Enhances the form of overrides/tools/hpp.html: every word shown comes from its data-
 * attributes, written from the page's front matter in the page's language.
 * Arithmetic and the shared form glue: PenaCalc (calc.js). */
(function () {
  "use strict";
  var C = window.PenaCalc;
  var form = document.getElementById("hpp-form");
  if (!C || !form) return;

  var rows = document.getElementById("hpp-rows");
  var tool = C.enhance(form, calculate);
  var d = tool.data;
  var lang = tool.lang;

  function $(sel, el) {
    return (el || form).querySelector(sel);
  }

  function $$(sel, el) {
    return Array.prototype.slice.call((el || form).querySelectorAll(sel));
  }

  function clearError(input) {
    tool.show(input, { ok: true });
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
    var row = rows.lastElementChild.cloneNode(true);
    $$("input", row).forEach(function (input) {
      input.value = "";
      input.removeAttribute("aria-invalid");
    });
    var error = $(".pena-tool__error", row);
    error.textContent = "";
    error.hidden = true;
    rows.appendChild(row);
    var n = renumber();
    $(".hpp-name", row).focus();
    tool.status.textContent = C.fill(d.msgAdded, { n: n });
  }

  function removeRow(row) {
    if (rows.children.length < 2) return;
    var next = row.nextElementSibling || row.previousElementSibling;
    rows.removeChild(row);
    var n = renumber();
    // Keep the keyboard in the list: the same position's remove button, else "add".
    var target = next && $(".pena-tool__remove", next);
    (target && !target.disabled ? target : document.getElementById("hpp-add")).focus();
    tool.status.textContent = C.fill(d.msgRemoved, { n: n });
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

  // Calculation ---------------------------------------------------------------------------

  function calculate(take) {
    var failed = false;
    function check(input, parsed) {
      failed = failed || !parsed.ok;
      return take(input, parsed);
    }
    function field(id, parse) {
      var input = document.getElementById(id);
      return check(input, parse(input.value));
    }
    var costs = $$(".hpp-amount", rows).map(function (input) {
      return check(input, C.parseMoney(input.value, lang));
    });
    var units = field("hpp-units", function (v) { return C.parseCount(v, lang); });
    var how = mode();
    var value = field("hpp-" + how, function (v) {
      return how === "price" ? C.parseMoney(v, lang) : C.parsePercent(v, lang, how);
    });
    var fixed = field("hpp-fixed", function (v) {
      return v.trim() === "" ? { ok: true, value: null } : C.parseMoney(v, lang, { allowZero: true });
    });
    if (failed) return null;
    var r = C.priceTool({ costs: costs, units: units, mode: how, value: value, fixedCost: fixed });
    if (!r.ok) {
      take(document.getElementById("hpp-" + how), r);
      return null;
    }
    r = r.value;

    var money = function (v) { return C.formatMoney(v, lang); };
    tool.out("total-cost", money(r.totalCost));
    tool.out("unit-cost", money(r.unitCost));
    tool.out("price", money(r.price));
    tool.out("profit-unit", money(r.profitUnit));
    tool.out("profit-batch", money(r.profitBatch));
    tool.out("markup", C.formatPercent(r.markupPct, lang));
    tool.out("margin", C.formatPercent(r.marginPct, lang));
    var be = r.breakEven;
    tool.out("break-even", be.status === "ok"
      ? C.fill(d.breakEven, { units: C.formatCount(be.units, lang), fixed: money(fixed) })
      : be.status === "impossible" ? d.breakEvenImpossible : d.breakEvenNone);
    var loss = r.loss ? C.fill(d.loss, { amount: money(-r.profitUnit) }) : "";
    var warning = $("[data-out='loss']");
    warning.hidden = !r.loss;
    warning.textContent = loss;
    return C.fill(d.summary, {
      unitCost: money(r.unitCost), price: money(r.price),
      profitUnit: money(r.profitUnit), profitBatch: money(r.profitBatch)
    }) + (loss ? " " + loss : "");
  }

  renumber();
  showMode();
})();
