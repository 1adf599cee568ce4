#!/usr/bin/env python3
"""Lighthouse audit (mobile profile) of the built site, served with gzip on 127.0.0.1.

    python scripts/audit.py [--site site] [--reports reports/lighthouse]

Builds the site into a temporary folder with SITE_URL set to the local server's address (so
canonical and hreflang URLs point at the server being measured), then audits the home page,
a module overview, a lesson, a quiz and a handout in both languages,
prints the four category scores per page and writes each JSON report to the reports folder.
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
from pena.content import REPO_ROOT
from pena.serve import serve

LIGHTHOUSE = REPO_ROOT / "node_modules" / ".bin" / "lighthouse"
PAGES = ["", "riset-sederhana/", "literasi-keuangan/buku-kas/", "digital-marketing/kuis/",
         "fotografi-videografi/lembar-kpm/"]
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
    built = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(folder)],
                           cwd=REPO_ROOT, env={**os.environ, "SITE_URL": base, "NO_MKDOCS_2_WARNING": "1"})
    if built.returncode != 0:
        server.shutdown()
        print("audit.py: the build failed; run `make build` to see why", file=sys.stderr)
        return 1
    failed = False
    print(f"{'page':48} {'perf':>5} {'a11y':>5} {'best':>5} {'seo':>5}")
    try:
        for lang_prefix in ("", "en/"):
            for path in PAGES:
                name = (lang_prefix + path).strip("/").replace("/", "_") or "home"
                scores = audit(base + lang_prefix + path, args.reports / f"{name}.json")
                misses = [c for c in CATEGORIES[1:] if scores[c] < 100] + (
                    ["performance"] if scores["performance"] < 95 else [])
                failed = failed or bool(misses)
                mark = "  below target: " + ", ".join(misses) if misses else ""
                print(f"/{lang_prefix + path:47} {scores['performance']:>5} {scores['accessibility']:>5} "
                      f"{scores['best-practices']:>5} {scores['seo']:>5}{mark}")
    finally:
        server.shutdown()
        shutil.rmtree(folder, ignore_errors=True)
    print(f"reports: {args.reports}")
    return 1 if failed else 0


if __name__ == "__main__":
    run(main, {RuntimeError: 1})
