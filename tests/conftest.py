"""Shared fixtures: one strict build per test session, a local server, Debian's Chromium."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import pytest
from pena import workspace
from pena.serve import serve

REPO = Path(__file__).resolve().parents[1]
TEST_SITE_URL = "https://pena.test/materi/"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--log-level=3",
]


def mkdocs_build(repo: Path, dest: Path, **env_extra: str) -> subprocess.CompletedProcess[str]:
    """Strict build for tests: the test SITE_URL, and missing translations not allowed unless asked."""
    env = {"SITE_URL": TEST_SITE_URL, "ALLOW_MISSING_TRANSLATIONS": "", **env_extra}
    return workspace.mkdocs_build(repo, dest, **env)


def copy_repo(dest: Path) -> Path:
    """A copy of the sources (docs, overrides, scripts, mkdocs.yml) to plant defects in."""
    return workspace.copy_repo(dest)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    dest = tmp_path_factory.mktemp("site")
    result = mkdocs_build(REPO, dest)
    if result.returncode != 0:
        pytest.fail(f"strict build failed:\n{result.stdout}\n{result.stderr}")
    return dest


@pytest.fixture(scope="session")
def site_server(built_site: Path) -> Iterator[str]:
    server, url = serve(built_site)
    yield url
    server.shutdown()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed: run `apt-get install -y chromium` (.ci/run does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture()
def page(browser):  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 800})
    tab = context.new_page()
    yield tab
    context.close()
