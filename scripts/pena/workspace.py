"""Copies of the repository and MkDocs builds run as a subprocess: shared by the tests (which
plant defects in copies), the benchmarks and the release script."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from pena.content import REPO_ROOT

SOURCES = ("docs", "overrides", "scripts")
FILES = ("mkdocs.yml", "pyproject.toml")
#: Environment for building a copy: copies carry no git history, so their pages may be dated
#: with the build date (overrides/hooks/page_dates.py stops any other build without history).
COPY_ENV = {"ALLOW_BUILD_DATE": "true"}


def copy_repo(dest: Path, link_node_modules: bool = False) -> Path:
    """The sources needed to build and check the site, copied to `dest` (not a git repository:
    build it with COPY_ENV)."""
    for name in SOURCES:
        shutil.copytree(REPO_ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in FILES:
        shutil.copy2(REPO_ROOT / name, dest / name)
    if link_node_modules and (REPO_ROOT / "node_modules").is_dir():
        (dest / "node_modules").symlink_to(REPO_ROOT / "node_modules")
    return dest


def mkdocs_build(root: Path, dest: Path, *, quiet: bool = False, capture: bool = True,
                 **env: str) -> subprocess.CompletedProcess[str]:
    """A strict build of `root` into `dest`. Never pass -q for checks: it hides warnings from
    --strict (platform notes); `quiet` is only for benchmarks."""
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(root / "mkdocs.yml"),
               "-d", str(dest)] + (["-q"] if quiet else [])
    return subprocess.run(command, cwd=root, env={**os.environ, "NO_MKDOCS_2_WARNING": "1", **env},
                          capture_output=capture, text=True, timeout=1800)
