/* PenaCalc: what the PENA tools (price calculator, money plan, loan cost) share: parsing
 * numbers as people type them, writing them the page language's way, showing a message at a
 * field, and the form glue. Each tool's own arithmetic lives in its script (hpp.js,
 * money-plan.js, loan.js). Pure functions except `enhance`: the same file runs in the
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
    ok: ok,
    fail: fail,
    parseMoney: parseMoney,
    parseCount: parseCount,
    parsePercent: parsePercent,
    formatMoney: formatMoney,
    formatCount: formatCount,
    formatDecimal: formatDecimal,
    formatPercent: formatPercent,
    formatRate: formatRate,
    fill: fill,
    fieldMessage: fieldMessage,
    showFieldError: showFieldError,
    enhance: enhance
  };
});
