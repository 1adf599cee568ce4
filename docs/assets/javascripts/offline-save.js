// Materi PENA: the "save everything for offline reading" form of the download page
// (overrides/partials/offline-save.html). Saving means registering the service worker as
// sw.js?save=<languages>: the new worker stores every file of those languages while it
// installs (Workbox precaching) and reports its progress here; when it is active, the copy is
// complete. Texts come from the form's data-msg-* attributes (mkdocs.yml, extra.ui.offline).
(function () {
  "use strict";
  var form = document.querySelector("[data-pena-save]");
  var sw = navigator.serviceWorker;
  if (!form) return;
  var nojs = document.querySelector("[data-pena-save-nojs]");
  if (!sw || !window.caches || !window.isSecureContext) {
    if (nojs) nojs.textContent = form.getAttribute("data-msg-unsupported");
    return;
  }
  form.hidden = false;
  if (nojs) nojs.hidden = true;

  var root = new URL(form.getAttribute("data-root"), location.href).href;
  var sizes = JSON.parse(form.getAttribute("data-sizes"));  // {"id": [gzip bytes, stored bytes], ...}
  var order = Object.keys(sizes).filter(function (key) { return key.indexOf(",") < 0; });
  var boxes = form.querySelectorAll("input[name=pena-save-lang]");
  var start = form.querySelector("[data-pena-save-start]"), remove = form.querySelector("[data-pena-save-remove]");
  var bar = form.querySelector("progress"), counter = form.querySelector("[data-pena-save-progress]");
  var status = form.querySelector("[data-pena-save-status]"), sizeLine = form.querySelector("[data-pena-save-size]");
  var busy = false, failure = null;

  function msg(name, values) {
    var text = form.getAttribute("data-msg-" + name) || "";
    for (var key in values || {}) text = text.split("{" + key + "}").join(values[key]);
    return text;
  }
  function megabytes(bytes) {
    var text = bytes >= 1e6 ? (bytes / 1e6).toFixed(1) + " MB" : Math.max(1, Math.round(bytes / 1e3)) + " KB";
    return text.replace(".", form.getAttribute("data-decimal") || ".");
  }
  function say(text) { status.textContent = text; }
  // Languages as a key of `sizes`: "id", "en" or "id,en" (in the order of the site's languages).
  function key(langs) { return order.filter(function (l) { return langs.indexOf(l) >= 0; }).join(","); }
  function bytes(langs, index) { return langs.length ? sizes[key(langs)][index] : 0; }
  function chosen() {
    return Array.prototype.filter.call(boxes, function (b) { return b.checked; }).map(function (b) { return b.value; });
  }
  function savedIn(registration) {
    var worker = registration && registration.active;
    var found = worker && /[?&]save=([^&]*)/.exec(worker.scriptURL);
    return found ? decodeURIComponent(found[1]).split(",") : [];
  }
  function names(langs) {
    return Array.prototype.filter.call(boxes, function (b) { return langs.indexOf(b.value) >= 0; })
      .map(function (b) { return b.parentNode.textContent.trim(); }).join(", ");
  }

  var saved = [];
  // The checked languages are what will be saved; only files not saved yet are downloaded.
  function union(a, b) { return a.concat(b.filter(function (l) { return a.indexOf(l) < 0; })); }
  function refresh() {
    var wanted = chosen(), same = key(wanted) === key(saved);
    var needed = bytes(union(saved, wanted), 0) - bytes(saved, 0);
    sizeLine.textContent = !wanted.length ? msg("choose") : same ? "" : msg("size", { size: megabytes(needed) });
    start.disabled = busy || !wanted.length || same;
    remove.hidden = busy || !saved.length;
  }
  // state: "done", "failed" or "idle", also on the form (data-state) for styles and tests.
  function finish(text, state) {
    form.setAttribute("data-state", state || "idle");
    busy = false;
    bar.hidden = true;
    counter.hidden = true;
    say(text);
    return sw.getRegistration(root).then(function (registration) { saved = savedIn(registration); refresh(); });
  }

  sw.addEventListener("message", function (event) {
    var data = event.data || {};
    if (data.pena === "progress" && busy) {
      bar.max = data.total;
      bar.value = data.done;
      counter.textContent = msg("progress", { done: megabytes(data.done), total: megabytes(data.total) });
    } else if (data.pena === "failed") {
      failure = data.reason;
    }
  });

  function save() {
    var wanted = chosen(), langs = key(wanted);
    if (!wanted.length) return say(msg("choose"));
    if (navigator.onLine === false) return say(msg("offline"));
    var needed = bytes(union(saved, wanted), 1) - bytes(saved, 1);
    var estimate = navigator.storage && navigator.storage.estimate ? navigator.storage.estimate() : Promise.resolve(null);
    busy = true;
    failure = null;
    form.setAttribute("data-state", "saving");
    refresh();
    return estimate.then(function (space) {
      if (space && space.quota && space.quota - space.usage < needed) {
        return finish(msg("storage"), "failed");
      }
      if (navigator.storage && navigator.storage.persist) navigator.storage.persist().catch(function () {});
      say(msg("started", { size: sizeLine.textContent }));
      bar.hidden = false;
      counter.hidden = false;
      return sw.register(root + "sw.js?save=" + encodeURIComponent(langs), { scope: root, updateViaCache: "none" })
        .then(function (registration) {
          var worker = registration.installing || registration.waiting;
          if (!worker) {  // already installed, or it failed before we could listen
            var active = registration.active && registration.active.scriptURL.indexOf("save=" + encodeURIComponent(langs)) >= 0;
            return active ? finish(msg("done", { langs: names(wanted) }), "done") : finish(msg(failure || "server"), "failed");
          }
          return new Promise(function (resolve) {
            worker.addEventListener("statechange", function () {
              if (worker.state === "activated") resolve(finish(msg("done", { langs: names(wanted) }), "done"));
              if (worker.state === "redundant") resolve(finish(msg(failure || (navigator.onLine === false ? "network" : "server")), "failed"));
            });
          });
        });
    }).catch(function () { return finish(msg(navigator.onLine === false ? "network" : "server"), "failed"); });
  }

  function forget() {
    busy = true;
    refresh();
    return sw.register(root + "sw.js", { scope: root, updateViaCache: "none" })
      .then(function () { return caches.delete("pena-saved"); })
      .then(function () { saved = []; return finish(msg("removed"), "done"); })
      .catch(function () { return finish(msg("server"), "failed"); });
  }

  Array.prototype.forEach.call(boxes, function (box) { box.addEventListener("change", refresh); });
  start.addEventListener("click", save);
  remove.addEventListener("click", forget);
  sw.getRegistration(root).then(function (registration) {
    saved = savedIn(registration);
    Array.prototype.forEach.call(boxes, function (box) { if (saved.indexOf(box.value) >= 0) box.checked = true; });
    if (saved.length) say(msg("already", { langs: names(saved) }));
    refresh();
  });
})();
