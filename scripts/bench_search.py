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
import json
import os
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pena import cli, workspace  # noqa: E402
from pena.content import REPO_ROOT, YAML_LOADER  # noqa: E402

QUERIES = Path(__file__).resolve().parent / "search_queries.yml"
RUNNER = Path(__file__).resolve().parent / "search_run.js"


class BenchError(Exception):
    pass


@dataclass(frozen=True)
class Question:
    query: str
    answers: tuple[str, ...]


def load_questions(path: Path = QUERIES) -> list[Question]:
    try:
        data = yaml.load(path.read_text("utf-8"), Loader=YAML_LOADER)
        return [Question(str(item["q"]), tuple(item["answer"])) for item in data]
    except (yaml.YAMLError, KeyError, TypeError) as error:
        raise BenchError(f"{path}: each entry needs `q:` and `answer: [page/, ...]` ({error})") from None


def run_search(site: Path, queries: list[str], *, prefix: str = "", before: bool = False) -> list[list[str]]:
    """Pages found for each query, best first, by the real worker of the built site."""
    command = ["node", str(RUNNER), str(site), prefix] + (["--before"] if before else [])
    result = subprocess.run(command, input=json.dumps(queries), capture_output=True, text=True, timeout=300)
    if result.returncode != 0:
        raise BenchError(result.stderr.strip() or f"{RUNNER.name} exited {result.returncode}")
    return json.loads(result.stdout)


def rank(found: list[str], answers: tuple[str, ...]) -> int | None:
    for position, page in enumerate(found, start=1):
        if page in answers:
            return position
    return None


def score(questions: list[Question], results: list[list[str]]) -> tuple[int, float, list[tuple[Question, int | None]]]:
    ranks = [rank(found, q.answers) for q, found in zip(questions, results, strict=True)]
    top3 = sum(1 for r in ranks if r is not None and r <= 3)
    mrr = sum(1 / r for r in ranks if r) / len(ranks)
    return top3, mrr, list(zip(questions, ranks, strict=True))


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
                raise BenchError(f"build failed:\n{built.stderr[-2000:]}")
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
    cli.run(main, {BenchError: 1, OSError: 2})
