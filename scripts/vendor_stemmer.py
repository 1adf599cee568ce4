#!/usr/bin/env python3
"""Write docs/assets/javascripts/lunr/min/lunr.id.min.js: Indonesian for lunr.js, in the
lunr-languages plugin shape that Material's search worker loads for an index in language `id`.

Nothing in it is our own linguistics:
- the stemmer is the Snowball Indonesian algorithm (Tala 2003, snowballstem.org) as generated
  JavaScript, copied unchanged from the npm package @nlpjs/lang-id (MIT);
- the stop words are the standard Indonesian list of the npm package stopwords-iso (MIT), minus
  the content words this site needs kept (`stopwords.keep` in docs/_data/search.yml).
Our part is the lunr glue: each word is indexed as written and as its root, so that a query
root found by prefix (`keluh*`) also meets the words the stemmer cuts differently (keluhan).

Run after `npm ci` whenever package.json or the keep list changes:
    python scripts/vendor_stemmer.py          # write the file and its licence files
    python scripts/vendor_stemmer.py --check  # exit 1 if the committed file is out of date
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from pena import cli
from pena.content import DOCS_DIR, REPO_ROOT
from pena.search import SearchDataError, load_search_data

NODE_MODULES = REPO_ROOT / "node_modules"
STEMMER_PACKAGE = NODE_MODULES / "@nlpjs" / "lang-id"
STOPWORDS_PACKAGE = NODE_MODULES / "stopwords-iso"
TARGET_DIR = DOCS_DIR / "assets" / "javascripts" / "lunr"
TARGET = TARGET_DIR / "min" / "lunr.id.min.js"

MIT = """MIT License

Copyright (c) {holder}

Permission is hereby granted, free of charge, to any person obtaining a copy of this software and
associated documentation files (the "Software"), to deal in the Software without restriction,
including without limitation the rights to use, copy, modify, merge, publish, distribute,
sublicense, and/or sell copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all copies or
substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR IMPLIED, INCLUDING BUT
NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS FOR A PARTICULAR PURPOSE AND
NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM,
DAMAGES OR OTHER LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT
OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.
"""

GLUE = """
    var snowball = new IndonesianStemmer();

    lunr.id = function () {
      this.pipeline.reset();
      this.pipeline.add(lunr.id.trimmer, lunr.id.stopWordFilter, lunr.id.stemmer);
      if (this.searchPipeline) {
        this.searchPipeline.reset();
        this.searchPipeline.add(lunr.id.stemmer);
      }
    };

    // Trim punctuation but keep letters with diacritics and digits (Rp5.000, 10%).
    lunr.id.trimmer = function (token) {
      return token.update(function (s) {
        return s.replace(/^[^0-9A-Za-z\\u00C0-\\u024F]+/, "").replace(/[^0-9A-Za-z\\u00C0-\\u024F]+$/, "");
      });
    };
    lunr.Pipeline.registerFunction(lunr.id.trimmer, "trimmer-id");

    lunr.id.stopWordFilter = lunr.generateStopWordFilter(STOP_WORDS);
    lunr.Pipeline.registerFunction(lunr.id.stopWordFilter, "stopWordFilter-id");

    // The word as written and its Snowball root: a query root searched by prefix then also
    // meets words that Snowball cuts differently (keluh* finds keluhan, cut to "luhan").
    lunr.id.stemmer = function (token) {
      var word = token.toString();
      var root = snowball.stemWord(word);
      if (root === word || !root) return token;
      return [token, token.clone(function () { return root; })];
    };
    lunr.Pipeline.registerFunction(lunr.id.stemmer, "stemmer-id");
"""


class VendorError(Exception):
    pass


def _package(folder: Path) -> dict:
    manifest = folder / "package.json"
    if not manifest.is_file():
        raise VendorError(f"{manifest.relative_to(REPO_ROOT)} is missing: run `npm ci` first")
    return json.loads(manifest.read_text("utf-8"))


def stop_words(keep: frozenset[str]) -> list[str]:
    words = json.loads((STOPWORDS_PACKAGE / "stopwords-iso.json").read_text("utf-8"))["id"]
    return sorted({w for w in words if w not in keep})


def build() -> dict[Path, str]:
    """The vendored files and their text, generated from node_modules."""
    stemmer_pkg, stop_pkg = _package(STEMMER_PACKAGE), _package(STOPWORDS_PACKAGE)
    source = (STEMMER_PACKAGE / "src" / "indonesian-stemmer.js").read_text("utf-8")
    export = "module.exports = IndonesianStemmer;"
    if export not in source:
        raise VendorError("@nlpjs/lang-id changed its stemmer file: the export line is gone; review it by hand")
    stemmer = source.replace(export, "").strip()
    keep = load_search_data(DOCS_DIR).keep_words
    words = json.dumps(stop_words(keep), ensure_ascii=False)
    header = (
        "/*!\n"
        " * lunr.id: Indonesian for lunr.js (lunr-languages plugin shape) for Materi PENA.\n"
        " * Generated by scripts/vendor_stemmer.py; do not edit by hand.\n"
        f" * Stemmer: Snowball Indonesian, generated JavaScript from @nlpjs/lang-id {stemmer_pkg['version']}\n"
        " *   (MIT, see ../nlpjs.LICENSE.txt), unchanged between the markers below.\n"
        f" * Stop words: stopwords-iso {stop_pkg['version']} list \"id\" (MIT, see ../stopwords-iso.LICENSE.txt)\n"
        " *   without the words kept in docs/_data/search.yml.\n"
        " */\n"
    )
    body = (
        "(function (root, factory) {\n"
        "  if (typeof define === \"function\" && define.amd) define(factory);\n"
        "  else if (typeof exports === \"object\") module.exports = factory();\n"
        "  else factory()(root.lunr);\n"
        "}(this, function () {\n"
        "  return function (lunr) {\n"
        "    if (typeof lunr === \"undefined\") throw new Error(\"lunr.id needs lunr.js loaded first\");\n"
        f"    var STOP_WORDS = {words};\n"
        "    // ---- begin @nlpjs/lang-id src/indonesian-stemmer.js ----\n"
        f"{stemmer}\n"
        "    // ---- end @nlpjs/lang-id src/indonesian-stemmer.js ----\n"
        f"{GLUE}"
        "  };\n"
        "}));\n"
    )
    nlpjs_licence = (STEMMER_PACKAGE / "LICENSE.md").read_text("utf-8")
    stop_licence = (
        f"stopwords-iso {stop_pkg['version']} (npm) declares the MIT licence in its package.json and ships\n"
        "no licence file; the MIT text follows with the author named there.\n\n"
        + MIT.format(holder=stop_pkg["author"].split("<")[0].strip())
    )
    return {
        TARGET: header + body,
        TARGET_DIR / "nlpjs.LICENSE.txt": f"@nlpjs/lang-id {stemmer_pkg['version']} (npm)\n\n{nlpjs_licence}",
        TARGET_DIR / "stopwords-iso.LICENSE.txt": stop_licence,
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="only compare with the committed files")
    args = parser.parse_args()
    outdated = []
    for path, text in build().items():
        current = path.read_text("utf-8") if path.is_file() else None
        if current == text:
            continue
        outdated.append(path.relative_to(REPO_ROOT))
        if not args.check:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, "utf-8")
    if args.check and outdated:
        raise VendorError(f"out of date: {', '.join(map(str, outdated))} (run python scripts/vendor_stemmer.py)")
    print("up to date" if not outdated else f"wrote {', '.join(map(str, outdated))}")
    return 0


if __name__ == "__main__":
    cli.run(main, {VendorError: 1, SearchDataError: 2, OSError: 2})
