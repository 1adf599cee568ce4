#!/usr/bin/env python3
"""What our additions cost: the same content built with a plain Material configuration
(no i18n, no hooks, pages of the default language only) and with ours. Prints build time and first-view
bytes of each and their ratio (a benchmark, not a test).

    python scripts/bench_overhead.py [--runs 3]
"""

from __future__ import annotations

import argparse
import shutil
import statistics
import tempfile
import time
from pathlib import Path

from pena.cli import run
from pena.content import Site, excluded_docs, load_site, output_path
from pena.pageweight import page_load
from pena.workspace import COPY_ENV, copy_repo, mkdocs_build

PLAIN_CONFIG = """site_name: Materi PENA
site_url: https://bench.test/
theme:
  name: material
  language: {lang}
  font: false
markdown_extensions: [abbr, admonition, attr_list, def_list, footnotes, md_in_html, tables, toc,
  pymdownx.details, pymdownx.superfences]
plugins: [search]
"""
def first_lesson(site: Site) -> str:
    """The built file of the first lesson of the first module (nav order), in the default language."""
    lesson = next(page for page in site.in_lang(site.langs.default)
                  if page.module == site.modules[0] and page.type == "lesson")
    return output_path(lesson.key, site.langs.default, site.langs)


def plain_copy(dest: Path, site: Site) -> None:
    """Sources of the default language only, renamed to plain .md: the site a default Material
    setup builds."""
    default = site.langs.default
    for page in site.in_lang(default):
        target = dest / "docs" / page.key
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(page.raw, "utf-8")
    excluded = excluded_docs(site.root / "mkdocs.yml")
    for asset in site.docs_dir.rglob("*"):
        name = asset.relative_to(site.docs_dir).as_posix()
        if asset.is_file() and asset.suffix != ".md" and not excluded.match_file(name):
            target = dest / "docs" / name
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(asset, target.with_name(target.name.replace(f".{default}.", ".")))
    (dest / "mkdocs.yml").write_text(PLAIN_CONFIG.replace("{lang}", default), "utf-8")


def build_time(root: Path, runs: int) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        done = mkdocs_build(root, root / "site", quiet=True, SITE_URL="https://bench.test/", **COPY_ENV)
        times.append(time.perf_counter() - started)
        if done.returncode != 0:
            raise RuntimeError(f"build in {root} failed: {done.stderr[-400:]}")
    return statistics.median(times)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    site = load_site()
    lesson = first_lesson(site)
    with tempfile.TemporaryDirectory() as folder:
        plain, ours = Path(folder) / "plain", Path(folder) / "ours"
        plain_copy(plain, site)
        copy_repo(ours)
        rows = []
        languages = " + ".join(site.langs.all)
        for label, root in ((f"plain Material, {site.langs.default} only", plain), (f"ours, {languages}", ours)):
            seconds = build_time(root, args.runs)
            weight = sum(page_load(root / "site", root / "site" / lesson).values())
            rows.append((label, seconds, weight))
    print(f"{'configuration':28} {'build s':>8} {'first view gz bytes':>20}")
    for label, seconds, weight in rows:
        print(f"{label:28} {seconds:>8.2f} {weight:>20}")
    print(f"{'ratio ours / plain':28} {rows[1][1] / rows[0][1]:>8.2f} {rows[1][2] / rows[0][2]:>20.2f}")
    print(f"(lesson page {lesson}; median of {args.runs} builds)")
    return 0


if __name__ == "__main__":
    run(main, {RuntimeError: 1})
