// Materi PENA: tell this page's search worker (workers/pena-search.js) when the reader opens
// or focuses search, so that the search index is fetched then and not on page load. The
// worker asks once when it starts, in case search was opened before it was listening.
(function () {
  "use strict";
  var toggle = document.getElementById("__search");
  var input = document.querySelector("[data-md-component=search-query]");
  if (!toggle || !input || typeof BroadcastChannel !== "function") return;
  var channel = new BroadcastChannel("pena-search");
  var opened = false;
  function open() {
    if (!opened) channel.postMessage("open");
    opened = true;
  }
  channel.onmessage = function (event) { if (event.data === "ask" && opened) channel.postMessage("open"); };
  if (toggle.checked || document.activeElement === input) open();
  toggle.addEventListener("change", function () { if (toggle.checked) open(); });
  input.addEventListener("focus", open);
})();
