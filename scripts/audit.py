#!/usr/bin/env python3
"""Lighthouse audit (mobile profile) of the built site, served with gzip on 127.0.0.1.

    python scripts/audit.py [--reports reports/lighthouse]

Builds the site (strict) into a temporary folder with SITE_URL set to the local server's
address (so canonical and hreflang URLs point at the server being measured), then audits the
home page and, from the modules of the nav, a module overview, a lesson, a quiz and a handout,
in every language; prints the four category scores per page and writes each JSON report to the
reports folder.
Targets: accessibility, best practices and SEO 100; performance 95 or more. Performance
varies from run to run: this is a benchmark, not a test.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from pena.cli import run
from pena.content import REPO_ROOT, Site, load_site, page_url
from pena.serve import serve
from pena.workspace import mkdocs_build

LIGHTHOUSE = REPO_ROOT / "node_modules" / ".bin" / "lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
CHROME_FLAGS = ("--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run "
                "--disable-background-networking --disable-component-update --disable-sync")


def audit(url: str, report: Path) -> dict[str, int]:
    with tempfile.TemporaryDirectory() as profile:
        env = {**os.environ, "CHROME_PATH": shutil.which("chromium") or "/usr/bin/chromium"}
        done = subprocess.run(
            [str(LIGHTHOUSE), url, "--quiet", "--output=json", f"--output-path={report}",
             f"--only-categories={','.join(CATEGORIES)}", "--form-factor=mobile",
             f"--chrome-flags={CHROME_FLAGS} --user-data-dir={profile}"],
            env=env, capture_output=True, text=True, timeout=300)
    if done.returncode != 0 or not report.is_file():
        raise RuntimeError(f"lighthouse failed on {url}: {done.stderr.strip()[-400:]}")
    data = json.loads(report.read_text("utf-8"))
    return {name: round((data["categories"][name]["score"] or 0) * 100) for name in CATEGORIES}


def audited_pages(site: Site) -> list[str]:
    """Site-relative URLs: the home page, then an overview, a lesson, a quiz and a handout taken
    from different modules (in nav order), in every language."""
    keys = ["index.md"]
    modules = list(site.modules)
    for number, wanted in enumerate(("overview", "lesson", "quiz", "handout")):
        module = modules[number % len(modules)]
        keys += [page.key for page in site.in_lang(site.langs.default)
                 if page.module == module and page.type == wanted][:1]
    return [page_url(key, lang, site.langs) for lang in site.langs.all for key in keys]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--reports", type=Path, default=REPO_ROOT / "reports" / "lighthouse")
    args = parser.parse_args()
    if not LIGHTHOUSE.exists():
        print("audit.py: lighthouse is not installed: run `npm ci` (make audit does)", file=sys.stderr)
        return 2
    args.reports.mkdir(parents=True, exist_ok=True)
    folder = Path(tempfile.mkdtemp(prefix="pena-audit-"))
    server, base = serve(folder)
    built = mkdocs_build(REPO_ROOT, folder, SITE_URL=base)
    if built.returncode != 0:
        server.shutdown()
        print(f"audit.py: the build failed:\n{built.stderr[-2000:]}", file=sys.stderr)
        return 1
    failed = False
    print(f"{'page':48} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
    try:
        for path in audited_pages(load_site()):
            name = path.strip("/").replace("/", "_") or "home"
            scores = audit(base + path, args.reports / f"{name}.json")
            misses = [c for c in CATEGORIES[1:] if scores[c] < 100] + (
                ["performance"] if scores["performance"] < 95 else [])
            failed = failed or bool(misses)
            mark = "  below target: " + ", ".join(misses) if misses else ""
            print(f"/{path:47} {scores['performance']:>5} {scores['accessibility']:>5} "
                  f"{scores['best-practices']:>5} {scores['seo']:>5}{mark}")
    finally:
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"reports: {args.reports}")
    return 1 if failed else 0


if __name__ == "__main__":
    run(main, {RuntimeError: 1})
