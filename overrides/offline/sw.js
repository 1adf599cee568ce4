// Materi PENA service worker, the part every reader gets (overrides/hooks/service_worker.py
// writes sw.js = Workbox core + strategies (vendored, MIT) + `self.PENA = {...}` + this file,
// minified with rjsmin; budget: 6 KB gzip with the registration script).
//
// - Every same-origin page and file the reader opens is kept in "pena-visited" by Workbox
//   strategies: pages and unversioned files network first (online readers always get the
//   current site; offline, the kept copy), Material's fingerprinted bundles cache first.
// - Registered as sw.js?save=id (or id,en) after "save everything", it first imports
//   workbox-routing, workbox-precaching, the file lists of those languages and sw-save.js,
//   which precache them (see there); those requests are answered before this file's.
// - A page that is neither saved nor kept gets an offline page in the reader's language that
//   lists what can be read.
// - A new version (sw.js changes with every changed file): refresh what was kept while
//   visiting, so an old copy is never served for ever.
(function () {
  "use strict";
  var P = self.PENA, wb = self.workbox, here = new URL(self.location.href), scope = self.registration.scope;
  var VISITED = "pena-visited";
  P.save = (here.searchParams.get("save") || "").split(",").filter(function (l) { return P.langs[l]; });
  wb.core.setCacheNameDetails({ prefix: "pena", precache: "saved", runtime: "visited", suffix: "" });
  if (P.save.length) importScripts.apply(self, P.save.map(function (l) { return P.lists[l]; }).concat(P.imports));

  self.addEventListener("install", function () { self.skipWaiting(); });
  var pages = new wb.strategies.NetworkFirst({ cacheName: VISITED, networkTimeoutSeconds: 8 });
  var bundles = new wb.strategies.CacheFirst({ cacheName: VISITED });

  function langOf(url) {
    var rel = url.slice(scope.length);
    var found;  // the language whose folder prefix matches ("" is the default language's)
    for (var l in P.langs) if (rel.indexOf(P.langs[l].prefix) === 0 && !(found && P.langs[found].prefix)) found = l;
    return found;
  }
  function esc(text) {
    return String(text).replace(/[&<>"]/g, function (c) { return "&#" + c.charCodeAt(0) + ";"; });
  }
  // Pages of one language that can be read offline, with their titles from the kept HTML.
  function kept(lang) {
    var found = {};
    return caches.keys().then(function (names) {
      return Promise.all(names.filter(function (n) { return /^pena-(saved|visited)$/.test(n); }).map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.map(function (request) {
              var url = request.url.split("?")[0];
              if (!/\/$/.test(url) || langOf(url) !== lang || found[url]) return;
              found[url] = url;
              return cache.match(request).then(function (r) { return r.text(); }).then(function (html) {
                var title = /<title>([^<]*)</.exec(html);
                if (title) found[url] = title[1];
              });
            }));
          });
        });
      }));
    }).then(function () { return Object.keys(found).sort().map(function (url) { return [url, found[url]]; }); });
  }
  function offlinePage(url) {
    var lang = langOf(url), ui = P.langs[lang].ui;
    return kept(lang).then(function (list) {
      var items = list.map(function (p) { return '<li><a href="' + esc(p[0]) + '">' + p[1] + "</a>"; }).join("");
      return new Response('<!doctype html><html lang="' + lang + '"><meta charset="utf-8"><meta name="viewport" ' +
        'content="width=device-width,initial-scale=1"><title>' + esc(ui.title) + "</title><style>" + P.style +
        "</style><header>" + esc(ui.site) + "</header><main><h1>" + esc(ui.title) + "</h1><p>" + esc(ui.body) +
        '</p><p><a href="' + esc(url) + '"><b>' + esc(ui.retry) + "</b></a></p><h2>" + esc(ui.kept) + "</h2>" +
        (items ? "<ul>" + items + "</ul>" : "<p>" + esc(ui.none) + "</p>") + '<p><a href="' +
        esc(scope + P.langs[lang].prefix + "unduh/#simpan") + '">' + esc(ui.save) + "</a></p></main>",
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8", "Cache-Control": "no-store" } });
    });
  }

  self.addEventListener("fetch", function (event) {
    var request = event.request, url = new URL(request.url);
    // Downloads the reader asks for separately (PDF, zip) and the worker's own files are never kept.
    if (request.method !== "GET" || url.origin !== here.origin || /\.(pdf|zip)$|\/sw\.js$|\/offline\//.test(url.pathname)) return;
    var strategy = P.fingerprinted.test(url.pathname) ? bundles : pages;
    event.respondWith(strategy.handle({ event: event, request: request }).catch(function () {
      return request.mode === "navigate" ? offlinePage(url.href) : Response.error();
    }));
  });

  self.addEventListener("activate", function (event) {
    event.waitUntil(self.clients.claim().then(function () { return caches.open("pena-meta"); }).then(function (meta) {
      return meta.match("version").then(function (old) { return old && old.text(); }).then(function (previous) {
        var work = [meta.put("version", new Response(P.version))];
        if (previous && previous !== P.version) {
          var fresh = new wb.strategies.NetworkFirst({ cacheName: VISITED, fetchOptions: { cache: "no-cache" } });
          work.push(caches.open(VISITED).then(function (cache) { return cache.keys(); }).then(function (requests) {
            return Promise.all(requests.filter(function (r) { return !P.fingerprinted.test(r.url); }).map(function (r) {
              return fresh.handle({ event: event, request: r.url }).catch(function () { /* offline: next visit */ });
            }));
          }));
          if (self.penaUpdated) work.push(self.penaUpdated(meta));
        }
        return Promise.all(work);
      });
    }));
  });
})();
