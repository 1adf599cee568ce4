"""Helpers of the test suite (tests/): strict builds at the test address, copies of the
repository to plant defects in, and small text edits that report the line they touched.

They live in the package, not in conftest.py, so test modules import them like any code
(`from pena.testing import copy_repo`) and other tools can reuse them."""

from __future__ import annotations

import re
import shutil
import subprocess
import textwrap
from pathlib import Path
from typing import Any

import yaml

from pena import workspace
from pena.content import REPO_ROOT, Site, load_site
from pena.findings import Finding
from pena.freshness import mark

REPO = REPO_ROOT
#: The address test builds are published at: share links, QR codes and hreflang use it.
TEST_SITE_URL = "https://pena.test/materi/"
#: The rest of a deployment's settings (README): where problem reports go, where pages are edited.
TEST_DEPLOYMENT = {"REPORT_EMAIL": "laporan@pena.test", "REPO_URL": "https://git.pena.test/pena/materi-pena",
                   "EDIT_URI": "_edit/main/docs/"}


def mkdocs_build(root: Path, dest: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """Strict build at TEST_SITE_URL with TEST_DEPLOYMENT (`env` adds or overrides environment
    variables). The repository is dated from its git history; a copy or a small site (not a
    git repository) with the build date (workspace.COPY_ENV)."""
    copy = {} if root.resolve() == REPO_ROOT else workspace.COPY_ENV
    return workspace.mkdocs_build(root, dest, **{"SITE_URL": TEST_SITE_URL, "ALLOW_BUILD_DATE": "",
                                                 **TEST_DEPLOYMENT, **copy, **env})


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


# --------------------------------------------------------------------------------------------
# Small projects: the checkout's configuration with a handful of pages, for in-process checks
# --------------------------------------------------------------------------------------------

_NAV_BLOCK = re.compile(r"^nav:[ \t]*\n(?:(?:[ \t]+.*|[ \t]*)\n?)*", re.M)


def config_with_nav(nav: list[Any], source: Path = REPO / "mkdocs.yml") -> str:
    """The text of mkdocs.yml with another nav: the same languages, Markdown extensions,
    exclude_docs and hooks, so small projects are read exactly like the site."""
    text = _NAV_BLOCK.sub("", source.read_text("utf-8")).rstrip("\n")
    return text + "\n\n" + yaml.safe_dump({"nav": nav}, allow_unicode=True, sort_keys=False)


def page_text(title: str, body: str, type: str = "page", **meta: Any) -> str:  # noqa: A002 - the front matter key
    """A page: front matter (title, a description, type, extra keys), the H1, then `body`
    (dedented). Its body starts on line 9 of the file when `meta` is empty (see BODY_LINE)."""
    head = {"title": title, "description": f"{title}: a page written by a test of the checks.", "type": type, **meta}
    return f"---\n{yaml.safe_dump(head, allow_unicode=True, sort_keys=False)}---\n\n# {title}\n\n" + \
        textwrap.dedent(body).lstrip("\n")


BODY_LINE = 9


WHATS_NEW_OF_A_SMALL_PROJECT = """\
- date: 2024-01-28
  kind: new
  text:
    id: Situs kecil untuk pengujian.
    en: A small site for tests.
"""


class MiniProject:
    """A project folder with the checkout's configuration and data files (docs/_data) and the
    pages a test writes; `check()` runs every registered rule on it in process."""

    def __init__(self, root: Path, pages: dict[str, str], nav: list[Any]) -> None:
        self.root = root
        self.docs = root / "docs"
        shutil.copytree(REPO / "docs" / "_data", self.docs / "_data")
        # The site's what-is-new entries link pages a small project does not have (WN001).
        (self.docs / "_data" / "whats-new.yml").write_text(WHATS_NEW_OF_A_SMALL_PROJECT, "utf-8")
        (root / "mkdocs.yml").write_text(config_with_nav(nav), "utf-8")
        for name, text in pages.items():
            self.write(name, text)

    def path(self, name: str) -> Path:
        return self.docs / name

    def write(self, name: str, text: str) -> Path:
        path = self.path(name)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, "utf-8")
        return path

    def append(self, name: str, text: str) -> int:
        return append(self.path(name), text)

    def replace(self, name: str, old: str, new: str) -> int:
        return replace(self.path(name), old, new)

    def site(self) -> Site:
        return load_site(self.docs, self.root / "mkdocs.yml")

    def mark_translations(self) -> None:
        """Mark every translation as up to date with its source (like translations.py mark)."""
        site = self.site()
        for (key, lang), page in site.pages.items():
            source = site.get(key, site.langs.default)
            if lang != site.langs.default and source is not None:
                mark(page, source)

    def check(self, built: Path | None = None) -> list[Finding]:
        from pena import rules

        return rules.run(self.site(), built)

    def build(self, dest: Path | None = None, **env: str) -> subprocess.CompletedProcess[str]:
        """A strict build at TEST_SITE_URL with the site's theme, hooks and assets (copied on the
        first build): a few seconds for a few pages, where a copy of the whole site takes the
        time of a full build. `dest` defaults to <root>/site."""
        for name in ("overrides", "docs/assets"):
            if not (self.root / name).exists():
                shutil.copytree(REPO / name, self.root / name, ignore=shutil.ignore_patterns("__pycache__"))
        return mkdocs_build(self.root, dest or self.root / "site", **env)


def small_site(root: Path) -> MiniProject:
    """A buildable site of three pages in both languages (home, an about page with two sections,
    the generated translation status page), every translation marked up to date."""
    pages = {
        "index.id.md": page_text("Beranda", "Selamat datang. Baca [tentang materi ini](tentang.md).\n", "home"),
        "index.en.md": page_text("Home", "Welcome. Read [about these materials](tentang.md).\n", "home"),
        "tentang.id.md": page_text("Tentang", "Pengantar.\n\n## Asal { #asal }\n\nDari pelatihan.\n\n"
                                             "## Cara { #cara }\n\nBaca satu bagian.\n"),
        "tentang.en.md": page_text("About", "Introduction.\n\n## Origin { #asal }\n\nFrom a training.\n\n"
                                            "## How { #cara }\n\nRead one part.\n"),
        "status-terjemahan.id.md": page_text("Status terjemahan", "<!-- pena:translation-status -->\n", "generated"),
        "status-terjemahan.en.md": page_text("Translation status", "<!-- pena:translation-status -->\n", "generated"),
    }
    project = MiniProject(root, pages, [{"Mulai": ["index.md", "tentang.md", "status-terjemahan.md"]}])
    project.mark_translations()
    return project
