#!/usr/bin/env python3
"""The quality gate of Materi PENA: `make check` runs it after a strict build.

    python scripts/check.py --site site        # sources + the built site (links, ...)
    python scripts/check.py                    # sources only
    python scripts/check.py --external-only    # external links (needs the internet)

Each finding is one line: path[:line]: severity CODE message (hint: ...). Errors make the exit
code 1; warnings (missing or stale translations, ...) do not. The rules and their codes are
registered in scripts/pena/rules.py (`python -m pena.rules` prints them).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from pena import pageweight, rules, sitelinks
from pena.cli import run
from pena.content import REPO_ROOT, ContentError, load_site
from pena.findings import ERROR, Finding


def report(found: list[Finding], external: list[str], headroom: list[str], elapsed: tuple[float, float],
           as_json: bool) -> None:
    errors = [f for f in found if f.severity == ERROR]
    if as_json:
        print(json.dumps({"findings": [f.as_dict() for f in found], "skipped_external": external},
                         ensure_ascii=False, indent=1))
        return
    for item in sorted(found, key=lambda f: (f.severity != ERROR, f.path, f.line or 0, f.code)):
        print(item)
    if external:
        print(f"{len(external)} external links listed, not checked (run `make check-external`):")
        for url in external:
            print(f"  {url}")
    if headroom:
        print("page weight budgets (gzip), heaviest page of each:")
        for line in headroom:
            print(line)
    # CPU time too: on a busy shared machine it says what the checks cost better than the clock.
    print(f"{len(errors)} errors, {len(found) - len(errors)} warnings "
          f"(checks took {elapsed[0]:.2f} s, {elapsed[1]:.2f} s of CPU)")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="repository to check")
    parser.add_argument("--site", type=Path, help="built site folder: also check what was built")
    parser.add_argument("--external-only", action="store_true", help="check external links only")
    parser.add_argument("--json", action="store_true", help="print findings as JSON")
    parser.add_argument("--timings", action="store_true",
                        help="also print the CPU time of each check (slowest first)")
    args = parser.parse_args(argv)
    started, started_cpu = time.perf_counter(), time.process_time()
    built = args.site or (args.root / "site" if args.external_only else None)
    if built is not None and not (built / "index.html").is_file():
        print(f"{built}: no built site here; run `make build` first", file=sys.stderr)
        return 2
    timings: dict[str, float] = {"loading the pages": 0.0}
    site = load_site(args.root / "docs", args.root / "mkdocs.yml")
    timings["loading the pages"] = time.process_time() - started_cpu
    for page in site.pages.values():
        _ = page.structure  # rendered, or read from the structure cache; timed on its own
    timings["page structure (rendered or cached)"] = time.process_time() - started_cpu - timings["loading the pages"]
    if args.external_only:
        found = rules.run(site, built, scopes=[rules.EXTERNAL], timings=timings)
        external: list[str] = []
    else:
        found = rules.run(site, built, timings=timings)
        external = sitelinks.external_urls(site, built) if built else []
    if args.timings:
        for name, seconds in sorted(timings.items(), key=lambda item: -item[1]):
            print(f"{seconds:7.3f} s of CPU  {name}", file=sys.stderr)
    headroom = pageweight.headroom(site, built) if built and not args.external_only else []
    elapsed = (time.perf_counter() - started, time.process_time() - started_cpu)
    report(found, external, headroom, elapsed, args.json)
    return 1 if any(f.severity == ERROR for f in found) else 0


if __name__ == "__main__":
    run(main, {ContentError: 1, FileNotFoundError: 2, RuntimeError: 2, OSError: 2})
