#!/usr/bin/env node
// Run the built site's real search worker in Node, the way Material's page script drives it,
// and print the pages each query finds, best first. Used by scripts/bench_search.py and the
// tests; the browser tests drive the same code through the real search box.
//
//   node scripts/search_run.js SITE_DIR [LANG_PREFIX] [--before] < queries.json
//
// LANG_PREFIX is "" for the default language or "en/" for a translation. Output: JSON, one list
// of page locations (relative to the language root) per query.
// --before runs Material's own worker on the index as Material writes it without our hook
// (no stemming, no stop words, no synonyms, no page boosts): the baseline of the benchmark.
"use strict";
const fs = require("fs");
const path = require("path");
const vm = require("vm");
const { pathToFileURL, fileURLToPath } = require("url");

const args = process.argv.slice(2);
const before = args.includes("--before");
const [site, prefix = ""] = args.filter((a) => a !== "--before");
if (!site || !fs.existsSync(path.join(site, prefix, "search", "search_index.json"))) {
  console.error(`search_run.js: no search index under ${path.join(site || "?", prefix, "search")}: build the site first`);
  process.exit(2);
}
const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
const workers = path.join(site, "assets", "javascripts", "workers");
const stub = JSON.parse(fs.readFileSync(path.join(site, prefix, "search", "search_index.json"), "utf-8"));

// A worker global scope: self, messages, importScripts relative to the worker file.
const scope = new EventTarget();
const inbox = [];
let waiting = null;
globalThis.self = globalThis;
globalThis.addEventListener = scope.addEventListener.bind(scope);
globalThis.dispatchEvent = scope.dispatchEvent.bind(scope);
globalThis.postMessage = (message) => { inbox.push(message); if (waiting) waiting(); };
delete globalThis.BroadcastChannel; // no page here: the worker loads as soon as it is set up
let workerUrl;
globalThis.importScripts = (...urls) => {
  for (const url of urls) {
    const file = fileURLToPath(new URL(url, workerUrl));
    vm.runInThisContext(fs.readFileSync(file, "utf-8"), { filename: file });
  }
};

function next(type) {
  return new Promise((resolve) => {
    const look = () => {
      const i = inbox.findIndex((m) => m.type === type);
      if (i < 0) { waiting = look; return; }
      waiting = null;
      resolve(inbox.splice(i, 1)[0]);
    };
    look();
  });
}

function send(message) {
  scope.dispatchEvent(new MessageEvent("message", { data: message }));
}

async function main() {
  const options = { suggest: false };
  if (before) {
    // Material's worker with the index as Material writes it for a language lunr lacks.
    workerUrl = pathToFileURL(path.join(workers, stub.config.pena.worker)).href;
    globalThis.location = new URL(workerUrl);
    importScripts(workerUrl);
    const real = loadIndex();
    // Material's default separator, as mkdocs.yml had it (it splits camelCase: WhatsApp).
    const separator = '[\\s\\-,:!=\\[\\]()"/]+|(?!\\b)(?=[A-Z][a-z])|\\.(?!\\d)|&[lg]t;';
    const config = { ...real.config, lang: ["en"], pipeline: [" "], separator };
    delete config.pena;
    const docs = real.docs.map(({ boost, ...doc }) => doc);
    send({ type: SETUP, data: { config, docs, options } });
  } else {
    workerUrl = pathToFileURL(path.join(workers, "pena-search.js")).href;
    globalThis.location = new URL(workerUrl);
    importScripts(workerUrl);
    send({ type: SETUP, data: { config: stub.config, docs: [], options } });
  }
  await next(READY);
  const queries = JSON.parse(fs.readFileSync(0, "utf-8"));
  const results = [];
  for (const query of queries) {
    send({ type: QUERY, data: query });
    const { data } = await next(RESULT);
    results.push(data.items.map((group) => group[0].location.split("#")[0]));
  }
  process.stdout.write(JSON.stringify(results) + "\n");
}

function loadIndex() {
  const file = path.join(site, stub.config.pena.index);
  vm.runInThisContext(fs.readFileSync(file, "utf-8"), { filename: file });
  return globalThis.__penaIndex;
}

main().catch((error) => { console.error(`search_run.js: ${error.stack || error}`); process.exit(1); });
