// Materi PENA page script (every page, under 2 KB). Progressive enhancement only: the pages
// work without it.
// 1. Share bar: copy the page link, open the native share sheet, print; the buttons are
//    hidden in the HTML and only shown when they can work.
// 2. Wide tables that scroll sideways become keyboard-focusable, so keyboard users can
//    scroll them too (Material wraps tables after load).
// 3. Material fetches sitemap.xml next to every <link rel="alternate"> in the head, to keep
//    the reader's place when switching language. static-i18n's switcher links already do
//    that, so those fetches only cost data (and 404s below the site root). The hreflang links
//    stay in the HTML for search engines; this deferred script takes them out of the live page
//    before Material reads it (Material waits for DOMContentLoaded, deferred scripts run first).
// 4. Search: tell this page's search worker (workers/pena-search.js) when the reader opens or
//    focuses search, so that the search index is fetched then and not on page load. The worker
//    asks once when it starts, in case search was opened before it was listening.
// 5. Offline reading: register the service worker (sw.js at the site root; written by
//    overrides/hooks/service_worker.py, not under `mkdocs serve` or in the zip edition, where
//    registering fails quietly) and link the web app manifest of the page's language (here
//    rather than in the HTML: no bytes on every page; only readers with JavaScript can save
//    anyway). Register once: a reader who saved everything has sw.js?save=..., which plain
//    sw.js would replace; the browser checks for new versions by itself.
(function () {
  "use strict";
  var toggle = document.getElementById("__search");
  var input = document.querySelector("[data-md-component=search-query]");
  if (toggle && input && typeof BroadcastChannel === "function") {
    var channel = new BroadcastChannel("pena-search");
    var opened = false;
    var openSearch = function () {
      if (!opened) channel.postMessage("open");
      opened = true;
    };
    channel.onmessage = function (event) { if (event.data === "ask" && opened) channel.postMessage("open"); };
    if (toggle.checked || document.activeElement === input) openSearch();
    toggle.addEventListener("change", function () { if (toggle.checked) openSearch(); });
    input.addEventListener("focus", openSearch);
  }
  var alternates = document.querySelectorAll('head link[rel="alternate"][hreflang]');
  for (var a = 0; a < alternates.length; a++) alternates[a].remove();
  window.addEventListener("load", function () {
    var wraps = document.querySelectorAll(".md-typeset__scrollwrap");
    for (var i = 0; i < wraps.length; i++) {
      if (wraps[i].scrollWidth > wraps[i].clientWidth) wraps[i].tabIndex = 0;
    }
  });
  var bar = document.querySelector(".pena-share");
  if (!bar) return;
  var status = bar.querySelector("[role=status]");
  function say(text) {
    status.textContent = "";
    // A fresh text node makes screen readers announce the message again.
    window.setTimeout(function () { status.textContent = text; }, 50);
  }
  function copyWithSelection(text) {
    // Older phone browsers and file:// pages may lack the Clipboard API.
    var field = document.createElement("textarea");
    field.value = text;
    field.setAttribute("readonly", "");
    field.style.position = "fixed";
    field.style.opacity = "0";
    document.body.appendChild(field);
    field.select();
    var done = false;
    try { done = document.execCommand("copy"); } catch (error) { done = false; }
    document.body.removeChild(field);
    return done ? Promise.resolve() : Promise.reject(new Error("copy failed"));
  }
  var copy = bar.querySelector("[data-pena-copy]");
  if (copy) {
    copy.hidden = false;
    copy.addEventListener("click", function () {
      var text = copy.getAttribute("data-pena-copy");
      var attempt = navigator.clipboard && window.isSecureContext
        ? navigator.clipboard.writeText(text).catch(function () { return copyWithSelection(text); })
        : copyWithSelection(text);
      attempt.then(
        function () { say(status.getAttribute("data-pena-copied")); },
        function () { say(status.getAttribute("data-pena-copy-failed") + " " + text); }
      );
    });
  }
  var native = bar.querySelector("[data-pena-native-share]");
  if (native && navigator.share) {
    native.hidden = false;
    native.addEventListener("click", function () {
      navigator.share({ title: document.title, url: copy.getAttribute("data-pena-copy") })
        .catch(function () { /* the reader closed the share sheet */ });
    });
  }
  var print = bar.querySelector("[data-pena-print]");
  if (print && window.print) {
    print.hidden = false;
    print.addEventListener("click", function () { window.print(); });
  }
})();

// --- offline (the worker's 6 KB gzip budget counts this block)
(function () {
  "use strict";
  var sw = navigator.serviceWorker, script = document.currentScript;
  if (!sw || !script) return;
  var root = new URL("../../", script.src).href;  // this file is assets/javascripts/pena.js
  var manifest = document.createElement("link");
  manifest.rel = "manifest";
  manifest.href = root + "manifest." + document.documentElement.lang + ".webmanifest";
  document.head.appendChild(manifest);
  window.addEventListener("load", function () {
    sw.getRegistration(root).then(function (registration) {
      return registration || sw.register(root + "sw.js", { scope: root, updateViaCache: "none" });
    }).catch(function () { /* no worker here, private mode or blocked storage */ });
  });
})();
// --- end offline
