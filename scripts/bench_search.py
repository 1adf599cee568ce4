#!/usr/bin/env python3
"""How well search answers everyday Indonesian questions, before and after our search work.

For each question in scripts/search_queries.yml it runs the built site's search worker in Node
(scripts/search_run.js) and finds the rank of the page that answers it. Prints the share of
questions answered in the first 3 results and the mean reciprocal rank (MRR: 1 for first place,
1/2 for second, 0 when not found), for:
- before: Material's own worker on the index as Material writes it (no stemming, no stop
  words, no synonyms, no page boosts), as the site had it before issue 17;
- after: our worker (Indonesian stemmer and stop words, termbase synonyms, page boosts).

    python scripts/bench_search.py               # builds the site into a temporary folder
    python scripts/bench_search.py --site site   # uses an existing build
"""

from __future__ import annotations

import argparse
import os
import tempfile
from pathlib import Path

from pena import cli, workspace
from pena.content import REPO_ROOT
from pena.search import QUERIES, SearchRunError, load_questions, run_search, score


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--site", type=Path, help="a built site (default: build one now)")
    args = parser.parse_args()
    questions = load_questions()
    with tempfile.TemporaryDirectory(prefix="bench-search-") as tmp:
        site = args.site
        if site is None:
            site = Path(tmp) / "site"
            built = workspace.mkdocs_build(REPO_ROOT, site, quiet=True,
                                           SITE_URL=os.environ.get("SITE_URL", "http://127.0.0.1:8000/"))
            if built.returncode != 0:
                raise SearchRunError(f"build failed:\n{built.stderr[-2000:]}")
        queries = [q.query for q in questions]
        rows = {}
        for label, before in (("before (Material as it was)", True), ("after (issue 17)", False)):
            rows[label] = score(questions, run_search(site, queries, before=before))
    n = len(questions)
    print(f"Search benchmark: {n} everyday Indonesian questions ({QUERIES.relative_to(REPO_ROOT)}), Indonesian index")
    print(f"{'':30} {'in top 3':>14} {'MRR':>6}")
    for label, (top3, mrr, _) in rows.items():
        print(f"{label:30} {top3:>4}/{n} {100 * top3 / n:5.1f}% {mrr:6.3f}")
    for label, (_, _, ranked) in rows.items():
        misses = [(q, r) for q, r in ranked if r is None or r > 3]
        print(f"\nNot in the top 3, {label}: {len(misses)}")
        for q, r in misses:
            print(f"  {q.query!r}: {'not found' if r is None else f'rank {r}'} (wanted {', '.join(q.answers)})")
    return 0


if __name__ == "__main__":
    cli.run(main, {SearchRunError: 1, OSError: 2})
