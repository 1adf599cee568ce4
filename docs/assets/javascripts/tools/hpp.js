/* Unit cost (HPP) and price calculator (riset-sederhana/kalkulator-harga).
 * Enhances the form of overrides/tools/hpp.html: every word shown comes from its data-
 * attributes, written from the page's front matter in the page's language.
 * Its arithmetic is here; parsing, formats and the form glue: PenaCalc (calc.js). */
(function (root) {
  "use strict";
  var C = root.PenaCalc || (typeof require === "function" ? require("./calc.js") : null);
  if (!C) return;

  // Arithmetic: pure functions, unit-tested under Node (tests/js/) ------------------------
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
    if (price === null) return C.fail("margin-high");
    var profit = price - cost;
    var fixed = input.fixedCost;
    return C.ok({
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

  var api = {
    unitCost: unitCost,
    priceFromMarkup: priceFromMarkup,
    priceFromMargin: priceFromMargin,
    breakEvenUnits: breakEvenUnits,
    priceTool: priceTool
  };
  if (typeof module === "object" && module.exports) {
    module.exports = api;
    return;
  }

  // The page ------------------------------------------------------------------------------
  var form = document.getElementById("hpp-form");
  if (!form) return;

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
    var r = priceTool({ costs: costs, units: units, mode: how, value: value, fixedCost: fixed });
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
})(typeof self !== "undefined" ? self : this);
