// Materi PENA search worker: Material's own search, loaded only when the reader opens search.
//
// Material's page script starts its search worker (the "search" entry of its __config, which
// overrides/hooks/search.py points here) and sends it search/search_index.json as soon as a
// page loads. That file is now a stub: configuration and the address of the real index, no
// documents. This worker keeps the stub and waits. When the reader opens or focuses search
// (assets/javascripts/pena.js says so on the BroadcastChannel "pena-search"), it loads
// Material's worker, the real index and, through Material, the language's stemmer, then hands
// Material the real index. Until then Material shows "Initializing search" and sends no query.
//
// Every query is rewritten before Material sees it: Material adds a trailing wildcard to each
// word, and lunr does not run wildcard terms through the language pipeline. So each plain word
// goes through the index's own pipeline here (stop words dropped, root taken) and synonyms
// from the termbase are added; index and query then meet at the same root.
//
// Offline edition (file://): the iframe-worker shim runs this file in a hidden iframe, and
// Material sends the stub only when search is opened, so the stub itself is the signal.
(function () {
  "use strict";
  var SETUP = 0, QUERY = 2;                       // Material's SearchMessageType values
  var inFrame = typeof parent !== "undefined" && "IFrameWorker" in parent;
  var here = inFrame ? document.querySelector("script[src]").src : self.location.href;
  var root = new URL("../../../", here);          // this file is assets/javascripts/workers/
  var stub = null, wanted = false, loading = null, rewrite = null, passing = false;

  function load(url) {                            // a promise both in workers and in the shim
    return Promise.resolve(importScripts(url));
  }

  function toMaterial(message) {                  // Material's listener, registered after ours
    passing = true;
    try { self.dispatchEvent(new MessageEvent("message", { data: message })); } finally { passing = false; }
  }

  function start() {
    if (loading || !stub || !wanted) return;
    var pena = stub.data.config.pena;
    loading = load(new URL(pena.worker, here).href)
      .then(function () { return load(new URL(pena.index, root).href); })
      .then(function () {
        var index = self.__penaIndex;
        toMaterial({ type: SETUP, data: { config: index.config, docs: index.docs, options: stub.data.options } });
        rewrite = rewriter(index.config);
      });
  }

  function want() { wanted = true; start(); }

  self.addEventListener("message", function (event) {
    if (passing) return;                          // our own hand-over: Material's turn
    event.stopImmediatePropagation();
    var message = event.data;
    if (message.type === SETUP) {
      stub = message;
      if (inFrame || typeof BroadcastChannel !== "function") want();
      start();
    } else if (message.type === QUERY && rewrite) {
      toMaterial({ type: QUERY, data: rewrite(message.data) });
    }
  });

  if (!inFrame && typeof BroadcastChannel === "function") {
    var channel = new BroadcastChannel("pena-search");
    channel.onmessage = function (event) { if (event.data === "open") want(); };
    channel.postMessage("ask");                   // search may have been opened before we ran
  }

  // The query rewriter of one index: same pipeline as the index, then synonyms.
  function rewriter(config) {
    var lang = config.lang[0];
    var builder = new lunr.Builder();
    if (lang === "en") builder.pipeline.add(lunr.trimmer, lunr.stopWordFilter, lunr.stemmer);
    else if (lunr[lang]) builder.use(lunr[lang]);
    var separator = new RegExp(config.separator);

    function roots(text, typing) {                // words of a query part, each as its root
      // Split before lowercasing, like Material's tokenizer: its separator splits "WhatsApp".
      var words = text.split(separator).filter(Boolean).map(function (w) { return w.toLowerCase(); });
      var out = [];
      words.forEach(function (word, i) {
        var tokens = builder.pipeline.run([new lunr.Token(word, {})]);
        if (tokens.length) out.push(tokens[tokens.length - 1].toString());
        // A dropped stop word still being typed may be the start of a longer word.
        else if (typing && i === words.length - 1) out.push(word);
      });
      return out;
    }

    var synonyms = (config.pena && config.pena.synonyms || []).map(function (pair) {
      return { from: roots(pair[0], false), to: roots(pair[1], false) };
    }).filter(function (pair) { return pair.from.length && pair.to.length; });

    function contains(list, part) {
      for (var i = 0; i + part.length <= list.length; i++) {
        if (part.every(function (word, j) { return list[i + j] === word; })) return true;
      }
      return false;
    }

    return function (query) {
      var typing = !/\s$/.test(query);
      var parts = query.trim().split(/\s+/);
      var words = [], kept = [];
      parts.forEach(function (part, i) {
        // Query syntax (+must, -not, field:, wildcards, fuzzy, boosts, quotes) stays as typed.
        if (!part || /^[+-]|[*~^:"]/.test(part)) {
          if (part) kept.push(part);
          return;
        }
        words = words.concat(roots(part, typing && i === parts.length - 1));
      });
      var extra = [];
      synonyms.forEach(function (pair) {
        if (contains(words, pair.from)) pair.to.forEach(function (word) {
          if (words.indexOf(word) < 0 && extra.indexOf(word) < 0) extra.push(word);
        });
      });
      return kept.concat(words, extra).join(" ");
    };
  }
})();
