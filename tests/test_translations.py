"""Translator workflow (scripts/translations.py, and the release's translation condition) on a
small site with its own git history."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from pena.testing import REPO, small_site

ABOUT_ID = "docs/tentang.id.md"
ABOUT_EN = "docs/tentang.en.md"


def git(root: Path, *args: str) -> None:
    subprocess.run(["git", *args], cwd=root, check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@t", "GIT_COMMITTER_NAME": "t",
                        "GIT_COMMITTER_EMAIL": "t@t", "PATH": "/usr/bin:/bin"})


def tool(root: Path, *args: str) -> subprocess.CompletedProcess[str]:
    done = subprocess.run([sys.executable, str(root / "scripts" / "translations.py"), *args], cwd=root,
                          capture_output=True, text=True, timeout=120)
    assert "Traceback" not in done.stderr, done.stderr
    return done


def status_of(root: Path, translation: str) -> dict:
    done = tool(root, "status", "--json")
    assert done.returncode == 0, done.stderr
    rows = {row["translation"]: row for row in json.loads(done.stdout)}
    return rows[translation]


@pytest.fixture()
def repo(tmp_path: Path) -> Path:
    """A small site with the scripts under test (they work on the folder they live in)."""
    root = small_site(tmp_path / "repo").root
    (root / "scripts").mkdir()
    for script in ("translations.py", "release.py"):
        shutil.copy(REPO / "scripts" / script, root / "scripts" / script)
    git(root, "init", "-q")
    tool(root, "mark", ABOUT_EN)
    git(root, "add", "-A")
    git(root, "commit", "-qm", "start")
    return root


def first_h2_id(path: Path) -> tuple[str, str]:
    for line in path.read_text("utf-8").splitlines():
        if line.startswith("## ") and "{ #" in line:
            return line, line.split("{ #")[1].split(" }")[0]
    raise AssertionError(f"{path} has no H2 with an id")


def test_json_status_fields(repo: Path) -> None:
    row = status_of(repo, ABOUT_EN)
    assert row == {**row, "source": ABOUT_ID, "translation": ABOUT_EN, "status": "ok", "changed_sections": []}


def test_edit_makes_stale_with_section_then_diff_then_mark(repo: Path) -> None:
    heading, section = first_h2_id(repo / ABOUT_ID)
    source = repo / ABOUT_ID
    text = source.read_text("utf-8")
    source.write_text(text.replace(heading, heading + "\n\nKalimat baru yang ditambahkan penulis.", 1), "utf-8")
    git(repo, "commit", "-qam", "edit source")

    row = status_of(repo, ABOUT_EN)
    assert row["status"] == "stale"
    assert row["changed_sections"] == [section]

    diff = tool(repo, "diff", ABOUT_EN)
    assert diff.returncode == 0
    assert "+Kalimat baru yang ditambahkan penulis." in diff.stdout
    assert f"changed sections: {section}" in diff.stdout

    assert tool(repo, "mark", ABOUT_EN).returncode == 0
    assert status_of(repo, ABOUT_EN)["status"] == "ok"
    assert "up to date" in tool(repo, "diff", ABOUT_EN).stdout


def test_reflowing_whitespace_is_not_a_change(repo: Path) -> None:
    source = repo / ABOUT_ID
    source.write_text(source.read_text("utf-8").replace(". ", ".\n", 3), "utf-8")
    assert status_of(repo, ABOUT_EN)["status"] == "ok"


def test_staleness_without_git_history(repo: Path) -> None:
    subprocess.run(["rm", "-rf", str(repo / ".git")], check=True)
    heading, section = first_h2_id(repo / ABOUT_ID)
    source = repo / ABOUT_ID
    source.write_text(source.read_text("utf-8").replace(heading, heading + "\n\nTambahan.", 1), "utf-8")
    assert status_of(repo, ABOUT_EN)["changed_sections"] == [section]
    diff = tool(repo, "diff", ABOUT_EN)
    assert diff.returncode == 1
    assert "not a git checkout" in diff.stdout and section in diff.stdout


def test_deleted_translation_is_missing(repo: Path) -> None:
    (repo / ABOUT_EN).unlink()
    assert status_of(repo, ABOUT_EN)["status"] == "missing"
    table = tool(repo, "status").stdout
    assert f"missing  {ABOUT_EN}" in table


@pytest.mark.parametrize(
    ("argument", "expected"),
    [
        ("docs/tidak-ada.en.md", "no such file"),
        (ABOUT_ID, "this is the id original"),
        ("mkdocs.yml", "not a page under docs/"),
    ],
)
def test_bad_input_one_line_nonzero(repo: Path, argument: str, expected: str) -> None:
    for command in ("diff", "mark"):
        done = tool(repo, command, argument)
        assert done.returncode == 2
        assert expected in done.stderr and len(done.stderr.strip().splitlines()) == 1


def test_malformed_front_matter_is_reported(repo: Path) -> None:
    page = repo / ABOUT_EN
    page.write_text(page.read_text("utf-8").replace("type: page", "type: [page", 1), "utf-8")
    done = tool(repo, "mark", ABOUT_EN)
    assert done.returncode == 2
    assert "tentang.en.md:" in done.stderr and "not valid YAML" in done.stderr


def test_stale_page_shows_notice_in_built_site(tmp_path: Path) -> None:
    from pena.testing import small_site

    small = small_site(tmp_path / "small")
    small.replace("tentang.id.md", "## Cara { #cara }\n", "## Cara { #cara }\n\nTambahan.\n")
    result = small.build()
    assert result.returncode == 0, result.stderr
    html = (small.root / "site" / "en" / "tentang" / "index.html").read_text("utf-8")
    assert "This translation may be out of date" in html and 'href="../../tentang/"' in html
    status = (small.root / "site" / "en" / "status-terjemahan" / "index.html").read_text("utf-8")
    assert "out of date (cara)" in status


def test_release_stops_with_the_list_of_missing_and_stale_translations(repo: Path) -> None:
    """In everyday work a missing or stale translation is a warning; a release needs none."""
    heading, section = first_h2_id(repo / ABOUT_ID)
    source = repo / ABOUT_ID
    source.write_text(source.read_text("utf-8").replace(heading, heading + "\n\nTambahan.", 1), "utf-8")
    (repo / "docs" / "index.en.md").unlink()
    done = subprocess.run([sys.executable, str(repo / "scripts" / "release.py")], cwd=repo, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert "2 translation(s) missing or out of date" in done.stderr
    assert f"stale    {ABOUT_EN}  changed: {section}" in done.stderr
    assert "missing  docs/index.en.md" in done.stderr
    assert not (repo / "dist").exists()  # stopped before building anything
