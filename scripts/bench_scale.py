#!/usr/bin/env python3
"""How build and check times grow with the number of pages (a benchmark, not a test).

    python scripts/bench_scale.py [--factors 1,10,100]

For each factor N, copies the repository to a temporary folder, adds N-1 copies of every
module (every language, with nav entries; each copied page gets a comment line, so no two pages
share a structure-cache entry), then times the strict MkDocs build and `scripts/check.py --site`
twice: with an empty structure cache (every page rendered) and again (every page cached).
Prints one row per factor: wall clock and, in brackets, CPU seconds (on a busy shared machine
the CPU time says more about the work than the clock).

Above --max-build (default 10) only the source checks run: every built page embeds the whole
nav, so a 100x site would write gigabytes of HTML on this 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pena.cli import run
from pena.content import modules
from pena.workspace import COPY_ENV, copy_repo


def make_copy(dest: Path, factor: int) -> int:
    copy_repo(dest, link_node_modules=True)
    config = (dest / "mkdocs.yml").read_text("utf-8")
    extra_nav = []
    for copy in range(2, factor + 1):
        for module in modules(dest / "mkdocs.yml"):
            target = dest / "docs" / f"{module}-{copy}"
            shutil.copytree(dest / "docs" / module, target)
            for page in target.glob("*.md"):
                page.write_text(page.read_text("utf-8") + f"\n<!-- copy {copy} -->\n", "utf-8")
            pages = sorted({p.name.split(".")[0] for p in target.glob("*.md")})
            extra_nav.append(f"  - {module} {copy}:\n" + "".join(
                f"      - {module}-{copy}/{page}.md\n" for page in (["index"] + [p for p in pages if p != "index"])))
    (dest / "mkdocs.yml").write_text(config.rstrip("\n") + "\n" + "".join(extra_nav), "utf-8")
    return sum(1 for _ in (dest / "docs").rglob("*.md"))


def timed(command: list[str], cwd: Path, **env: str) -> str:
    """'wall (cpu)' seconds of a command; fails with the command's last lines."""
    environment = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://bench.test/", **COPY_ENV, **env}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=environment, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode not in (0, 1) or (done.returncode == 1 and "mkdocs" in command):
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-5:])
        raise RuntimeError(f"{' '.join(command[:3])} failed:\n{tail}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return f"{elapsed:.1f} ({cpu:.1f})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--factors", default="1,10,100", help="comma-separated page multipliers")
    parser.add_argument("--max-build", type=int, default=10, help="largest factor that is also built")
    args = parser.parse_args()
    factors = [int(f) for f in re.split(r"[,\s]+", args.factors) if f]
    print(f"{'factor':>6} {'pages':>6} {'build s':>14} {'check, cold':>14} {'check, cached':>14} {'site MB':>8}")
    for factor in factors:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder) / "repo"
            pages = make_copy(root, factor)
            cache = {"PENA_CACHE": str(Path(folder) / "cache")}  # empty: the first check renders every page
            check = [sys.executable, "scripts/check.py", "--root", str(root)]
            if factor > args.max_build:
                cold, warm = timed(check, root, **cache), timed(check, root, **cache)
                print(f"{factor:>6} {pages:>6} {'-':>14} {cold:>14} {warm:>14} {'-':>8}  (sources only, not built)",
                      flush=True)
                continue
            build = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], root)
            check += ["--site", "site"]
            cold, warm = timed(check, root, **cache), timed(check, root, **cache)
            size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file()) / 1e6
            print(f"{factor:>6} {pages:>6} {build:>14} {cold:>14} {warm:>14} {size:>8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    run(main, {RuntimeError: 1})
