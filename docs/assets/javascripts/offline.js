// Materi PENA: registers the service worker (sw.js at the site root), on every page.
// overrides/hooks/service_worker.py adds this file and minifies the built copy: it counts
// against the 6 KB first-view budget together with the worker. Without service workers
// nothing happens and the site stays a normal website.
(function () {
  "use strict";
  var sw = navigator.serviceWorker, script = document.currentScript;
  if (!sw || !script) return;
  var root = new URL("../../", script.src).href;  // this file is assets/javascripts/offline.js
  window.addEventListener("load", function () {
    // Register once. A reader who saved everything has sw.js?save=...: registering plain
    // sw.js again would drop the saved copy; the browser checks for new versions by itself.
    sw.getRegistration(root).then(function (registration) {
      return registration || sw.register(root + "sw.js", { scope: root, updateViaCache: "none" });
    }).catch(function () { /* private mode or blocked storage */ });
  });
})();
