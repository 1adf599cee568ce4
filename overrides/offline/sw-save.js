// Materi PENA service worker, the part for readers who pressed "save everything" (sw.js?save=..
// imports it after workbox-routing, workbox-precaching and the file lists of those languages,
// offline/save-<lang>.<hash>.js, each [url, revision or null, bytes]).
//
// Workbox precaching stores every listed file while the worker installs, one at a time; a file
// already stored with the same revision is not downloaded again, so a save that was cut off
// resumes, and a new site version downloads only what changed and deletes what is gone.
// Progress and failures are posted to the open pages (offline-save.js shows them). When a new
// version has been stored, a notice waits in the pena-meta cache; the next page served from
// the saved copy carries it at the top of its text, once (works without JavaScript too).
(function () {
  "use strict";
  var P = self.PENA, wb = self.workbox, scope = self.registration.scope;
  var entries = [], sizes = {}, total = 0, done = 0;
  function tell(message) {
    return self.clients.matchAll({ type: "window", includeUncontrolled: true }).then(function (all) {
      all.forEach(function (client) { client.postMessage(message); });
    });
  }
  P.save.forEach(function (lang) {
    self.PENA_SAVE[lang].forEach(function (e) {
      var url = new URL(e[0], scope).href;
      if (sizes[url] !== undefined) return;
      entries.push({ url: url, revision: e[1] });
      sizes[url] = e[2];
      total += e[2];
    });
  });
  function withNotice(response) {
    return caches.open("pena-meta").then(function (meta) {
      return meta.match("notice").then(function (found) {
        if (!found) return response;
        return Promise.all([found.json(), response.text(), meta.delete("notice")]).then(function (got) {
          var lang = /<html lang="([^"]*)"/.exec(got[1]), text = got[0][lang && lang[1]] || got[0][Object.keys(got[0])[0]];
          var html = got[1].replace(/(<article[^>]*>)/, '$1<p class="pena-notice" role="status">' + text + "</p>");
          return new Response(html, { status: response.status, statusText: response.statusText, headers: response.headers });
        });
      });
    });
  }
  wb.precaching.addPlugins([{
    handlerWillRespond: function (x) {
      var navigation = x.request.mode === "navigate" && !(x.event && x.event.type === "install");
      return navigation && x.response && x.response.ok ? withNotice(x.response) : x.response;
    },
    handlerDidRespond: function (x) {
      if (x.event && x.event.type === "install") {
        done += sizes[x.request.url] || 0;
        return tell({ pena: "progress", done: done, total: total });
      }
    },
    handlerDidError: function (x) {
      if (x.event && x.event.type === "install") {
        var name = x.error && x.error.name;
        var reason = name === "QuotaExceededError" ? "storage" : name === "TypeError" ? "network" : "server";
        return tell({ pena: "failed", reason: reason }).then(function () { return undefined; });  // no fallback response
      }
    },
  }]);
  wb.precaching.precacheAndRoute(entries, { ignoreURLParametersMatching: [/^utm_/] });
  self.penaUpdated = function (meta) { return meta.put("notice", new Response(JSON.stringify(P.notice))); };
})();
