#!/usr/bin/env python3
"""The quality gate of Materi PENA: `make check` runs it after a strict build.

    python scripts/check.py --site site        # sources + built-site links
    python scripts/check.py                    # sources only
    python scripts/check.py --external-only    # external links (needs the internet)

Each finding is one line: path[:line]: severity CODE message (hint: ...). Errors make the exit
code 1; warnings (missing or stale translations, skipped external links) do not.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from pena import checks, glossary, sitelinks  # noqa: E402
from pena.cli import run  # noqa: E402
from pena.content import REPO_ROOT, ContentError, Site, load_site  # noqa: E402
from pena.findings import ERROR, Finding  # noqa: E402


def source_findings(site: Site, docs: Path, mkdocs_yml: Path) -> list[Finding]:
    found = checks.check_front_matter(site)
    found += checks.check_shadowing(site)
    found += checks.check_modules(site)
    found += checks.check_nav(site, mkdocs_yml)
    found += checks.check_page_rules(site)
    found += checks.check_image_sizes(docs)
    found += checks.check_translations(site)
    found += glossary.check_glossary(site)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="repository to check")
    parser.add_argument("--site", type=Path, help="built site folder: also check its links")
    parser.add_argument("--external-only", action="store_true", help="check external links only")
    parser.add_argument("--json", action="store_true", help="print findings as JSON")
    args = parser.parse_args(argv)
    docs, mkdocs_yml = args.root / "docs", args.root / "mkdocs.yml"
    started = time.perf_counter()

    if args.external_only:
        site_dir = args.site or args.root / "site"
        if not (site_dir / "index.html").is_file():
            print(f"{site_dir}: no built site; run `make build` first", file=sys.stderr)
            return 2
        found = sitelinks.linkinator_broken(sitelinks.run_linkinator(site_dir, external=True), external_only=True)
        for item in found:
            print(item)
        print(f"external links: {len(found)} broken")
        return 1 if found else 0

    site = load_site(docs, mkdocs_yml)
    found = source_findings(site, docs, mkdocs_yml)
    skipped: list[str] = []
    if args.site:
        if not (args.site / "index.html").is_file():
            print(f"{args.site}: no built site here; run `make build` first", file=sys.stderr)
            return 2
        link_found, skipped = sitelinks.check_built_links(args.site, site)
        found += link_found
    elapsed = time.perf_counter() - started

    errors = [f for f in found if f.severity == ERROR]
    if args.json:
        print(json.dumps({"findings": [f.as_dict() for f in found], "skipped_external": skipped},
                         ensure_ascii=False, indent=1))
    else:
        for item in sorted(found, key=lambda f: (f.severity != ERROR, f.path, f.line or 0, f.code)):
            print(item)
        if skipped:
            print(f"{len(skipped)} external links listed, not checked (run `make check-external`):")
            for url in skipped:
                print(f"  {url}")
        print(f"{len(errors)} errors, {len(found) - len(errors)} warnings "
              f"(checks took {elapsed:.2f} s)")
    return 1 if errors else 0


if __name__ == "__main__":
    run(main, {ContentError: 1, FileNotFoundError: 2, RuntimeError: 2, OSError: 2})
