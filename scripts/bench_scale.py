#!/usr/bin/env python3
"""How build and check times grow with the number of pages (a benchmark, not a test).

    python scripts/bench_scale.py [--factors 1,10,100]

For each factor N, copies the repository to a temporary folder, adds N-1 copies of every
module (both languages, with nav entries), then times the strict MkDocs build and
`scripts/check.py --site` (the checks alone). Prints one row per factor.

Above --max-build (default 10) only the source checks run: every built page embeds the whole
nav, so a 100x site would write gigabytes of HTML on this 2-core machine.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from pena.cli import run
from pena.content import modules
from pena.workspace import copy_repo


def make_copy(dest: Path, factor: int) -> int:
    copy_repo(dest, link_node_modules=True)
    config = (dest / "mkdocs.yml").read_text("utf-8")
    extra_nav = []
    for copy in range(2, factor + 1):
        for module in modules(dest / "mkdocs.yml"):
            target = dest / "docs" / f"{module}-{copy}"
            shutil.copytree(dest / "docs" / module, target)
            pages = sorted({p.name.split(".")[0] for p in target.glob("*.md")})
            extra_nav.append(f"  - {module} {copy}:\n" + "".join(
                f"      - {module}-{copy}/{page}.md\n" for page in (["index"] + [p for p in pages if p != "index"])))
    (dest / "mkdocs.yml").write_text(config.rstrip("\n") + "\n" + "".join(extra_nav), "utf-8")
    return sum(1 for _ in (dest / "docs").rglob("*.md"))


def timed(command: list[str], cwd: Path) -> float:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SITE_URL": "https://bench.test/"}
    started = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, env=env, capture_output=True, text=True)
    elapsed = time.perf_counter() - started
    if done.returncode != 0:
        tail = "\n".join((done.stdout + done.stderr).strip().splitlines()[-5:])
        raise RuntimeError(f"{' '.join(command[:3])} failed:\n{tail}")
    return elapsed


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--factors", default="1,10,100", help="comma-separated page multipliers")
    parser.add_argument("--max-build", type=int, default=10, help="largest factor that is also built")
    args = parser.parse_args()
    factors = [int(f) for f in re.split(r"[,\s]+", args.factors) if f]
    print(f"{'factor':>6} {'pages':>6} {'build s':>8} {'check s':>8} {'site MB':>8}  (check: all checks incl. links)")
    for factor in factors:
        with tempfile.TemporaryDirectory() as folder:
            root = Path(folder)
            pages = make_copy(root, factor)
            if factor > args.max_build:
                check = timed([sys.executable, "scripts/check.py", "--root", str(root)], root)
                print(f"{factor:>6} {pages:>6} {'-':>8} {check:>8.2f} {'-':>8}  (sources only, not built)", flush=True)
                continue
            build = timed([sys.executable, "-m", "mkdocs", "build", "--strict", "-d", "site"], root)
            check = timed([sys.executable, "scripts/check.py", "--root", str(root), "--site", "site"], root)
            size = sum(p.stat().st_size for p in (root / "site").rglob("*") if p.is_file()) / 1e6
            print(f"{factor:>6} {pages:>6} {build:>8.1f} {check:>8.2f} {size:>8.1f}", flush=True)
    return 0


if __name__ == "__main__":
    run(main, {RuntimeError: 1})
