"""Helpers of the test suite (tests/): strict builds at the test address, copies of the
repository to plant defects in, and small text edits that report the line they touched.

They live in the package, not in conftest.py, so test modules import them like any code
(`from pena.testing import copy_repo`) and other tools can reuse them."""

from __future__ import annotations

import subprocess
from pathlib import Path

from pena import workspace
from pena.content import REPO_ROOT

REPO = REPO_ROOT
#: The address test builds are published at: share links, QR codes and hreflang use it.
TEST_SITE_URL = "https://pena.test/materi/"


def mkdocs_build(root: Path, dest: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Strict build at TEST_SITE_URL; missing translations fail unless the caller allows them."""
    return workspace.mkdocs_build(root, dest, **{"SITE_URL": TEST_SITE_URL, "ALLOW_MISSING_TRANSLATIONS": "",
                                                 **env})


def copy_repo(dest: Path) -> Path:
    """A copy of the sources (docs, overrides, scripts, mkdocs.yml) to plant defects in."""
    return workspace.copy_repo(dest)


def append(path: Path, text: str) -> int:
    """Append a block of text after a blank line; return the 1-based line where it starts."""
    content = path.read_text("utf-8").rstrip("\n") + "\n\n"
    path.write_text(content + text, "utf-8")
    return content.count("\n") + 1


def replace(path: Path, old: str, new: str) -> int:
    """Replace the first `old`; return the 1-based line where it was."""
    content = path.read_text("utf-8")
    if old not in content:
        raise AssertionError(f"{old!r} not in {path}")
    path.write_text(content.replace(old, new, 1), "utf-8")
    return content[: content.index(old)].count("\n") + 1
