"""Adding a module and adding a language, as CONTRIBUTING.md walks through them, in temporary
copies of the repository: the strict build, the checks, search, the handout collection and the
translation status page pick them up with no change to code.

Slow (two more builds of the whole site, one in three languages): `make test-slow`, which CI
runs after `make test`."""

from __future__ import annotations

import copy
import json
import re
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from pena import rules
from pena.content import load_site, output_path
from pena.testing import copy_repo, mkdocs_build

SOURCE_MODULE = "riset-sederhana"
NEW_MODULE = "modul-kelima"
NEW_LANG = "fr"

pytestmark = pytest.mark.slow


def add_module(root: Path) -> None:
    """A fifth module: a folder of pages (here a copy of the first) and a nav section."""
    shutil.copytree(root / "docs" / SOURCE_MODULE, root / "docs" / NEW_MODULE)
    config = (root / "mkdocs.yml").read_text("utf-8")
    section = re.search(r"^  - Riset sederhana:\n(?:      - .*\n)+", config, re.M)
    assert section, "the nav section of the first module was not found"
    copy = section.group(0).replace("Riset sederhana:", "Modul kelima:").replace(f"{SOURCE_MODULE}/", f"{NEW_MODULE}/")
    config = config.replace(section.group(0), section.group(0) + copy)
    config = config.replace("            Riset sederhana: Simple research\n",
                            "            Riset sederhana: Simple research\n            Modul kelima: Fifth module\n")
    (root / "mkdocs.yml").write_text(config, "utf-8")


def add_language(root: Path) -> None:
    """A third language: its i18n entry with its UI strings, every page and per-language image
    (copied from English, as a translator would start), and its words in the data files."""
    config = (root / "mkdocs.yml").read_text("utf-8")
    english = re.search(r"^        - locale: en\n(?:          .*\n|\n)+", config, re.M)
    assert english, "the English language block was not found"
    french = (english.group(0).replace("locale: en", f"locale: {NEW_LANG}").replace("name: English", "name: Français")
              .replace("build: !ENV [BUILD_ENGLISH, true]", "build: true")
              .replace("site_name: PENA Materials", "site_name: Matériel PENA")
              .replace("label: Share this page", "label: Partager cette page")
              .replace("stale: out of date", "stale: pas à jour"))
    config = config.replace(english.group(0), english.group(0) + french)
    # Every language names the others (the glossary shows each term in the other languages).
    config = re.sub(r"(glossary: \{[^}\n]*\ben: [^,}\n]+)", r"\1, fr: Français", config)
    (root / "mkdocs.yml").write_text(config, "utf-8")
    docs = root / "docs"
    for path in list(docs.rglob("*.en.*")):
        shutil.copy(path, path.with_name(path.name.replace(".en.", f".{NEW_LANG}.")))
    for data in (docs / "_data").glob("*.yml"):
        # Every per-language mapping ({id: ..., en: ...}) gets the new language, as its translator
        # would add it (read and written as data: the copy's comments do not matter).
        text = yaml.safe_load(data.read_text("utf-8"))
        data.write_text(yaml.safe_dump(with_new_language(text), allow_unicode=True, sort_keys=False), "utf-8")


def with_new_language(node: Any) -> Any:
    """`node` with NEW_LANG beside every `en` key, holding a copy of the English value."""
    if isinstance(node, list):
        return [with_new_language(item) for item in node]
    if isinstance(node, dict):
        copied = {key: with_new_language(value) for key, value in node.items()}
        if "en" in copied and NEW_LANG not in copied:
            copied[NEW_LANG] = copy.deepcopy(copied["en"])
        return copied
    return node


def built_copy(factory: pytest.TempPathFactory, name: str, change: Callable[[Path], None]) -> tuple[Path, Path]:
    """A copy of the repository with `change` made, built strictly: (root, built site)."""
    root = copy_repo(factory.mktemp(name) / "repo")
    change(root)
    result = mkdocs_build(root, root / "site")
    assert result.returncode == 0, result.stderr[-3000:]
    return root, root / "site"


@pytest.fixture(scope="module")
def five_modules(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return built_copy(tmp_path_factory, "fifth-module", add_module)


@pytest.fixture(scope="module")
def three_languages(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return built_copy(tmp_path_factory, "third-language", add_language)


def errors(root: Path, built: Path) -> list[str]:
    found = rules.run(load_site(root / "docs", root / "mkdocs.yml"), built)
    return [str(f) for f in found if f.severity == "error"]


def test_a_fifth_module_is_built_checked_searched_and_listed(five_modules: tuple[Path, Path]) -> None:
    root, built = five_modules
    site = load_site(root / "docs", root / "mkdocs.yml")
    assert site.modules[:2] == (SOURCE_MODULE, NEW_MODULE) and len(site.modules) == 5  # nav order
    assert {page.module for page in site.pages.values() if page.key.startswith(NEW_MODULE)} == {NEW_MODULE}
    assert errors(root, built) == []
    for lang in site.langs.all:
        prefix = "" if lang == site.langs.default else f"{lang}/"
        assert (built / output_path(f"{NEW_MODULE}/kuis.md", lang, site.langs)).is_file()
        index = (built / prefix / "search" / "pena-index.js").read_text("utf-8")
        assert f'"location":"{NEW_MODULE}/kuis/' in index, f"{lang} search index lacks the new module"
        status = (built / output_path("status-terjemahan.md", lang, site.langs)).read_text("utf-8")
        assert f"{NEW_MODULE}/lembar-kpm/" in status
        handouts = (built / output_path("bagikan.md", lang, site.langs)).read_text("utf-8")
        assert handouts.count('<div class="pena-handout">') == 5 and f'id="{NEW_MODULE}"' in handouts
        save_list = next((built / "offline").glob(f"save-{lang}.*.js")).read_text("utf-8")
        assert f'"{prefix}{NEW_MODULE}/kuis/"' in save_list, f"{lang}: 'save everything' lacks the new module"


def test_the_checks_see_a_fifth_module_as_a_module(five_modules: tuple[Path, Path], tmp_path: Path) -> None:
    root, _ = five_modules
    copy = tmp_path / "repo"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("site"))
    for lang in ("id", "en"):
        (copy / "docs" / NEW_MODULE / f"kuis.{lang}.md").unlink()
    found = rules.run(load_site(copy / "docs", copy / "mkdocs.yml"))
    assert any(f.code == "MD001" and f.path == f"docs/{NEW_MODULE}" and "quiz" in f.message for f in found)


def test_a_third_language_is_built_checked_searched_and_listed(three_languages: tuple[Path, Path]) -> None:
    root, built = three_languages
    site = load_site(root / "docs", root / "mkdocs.yml")
    assert site.langs.all == ("id", "en", NEW_LANG)
    assert errors(root, built) == []
    page = (built / NEW_LANG / "tentang" / "index.html").read_text("utf-8")
    assert f'<html lang="{NEW_LANG}"' in page
    assert "Partager cette page" in page  # its own UI strings
    assert f'hreflang="{NEW_LANG}"' in (built / "tentang" / "index.html").read_text("utf-8")  # in every switcher
    index = (built / NEW_LANG / "search" / "pena-index.js").read_text("utf-8")
    config = json.loads(index[index.index("{"):].rstrip().rstrip(";"))["config"]
    assert config["lang"] == [NEW_LANG]
    assert '"location":"tentang/' in index
    status = (built / NEW_LANG / "status-terjemahan" / "index.html").read_text("utf-8")
    assert f'hreflang="{NEW_LANG}">{NEW_LANG}</a>' in status
    rows = load_site(root / "docs", root / "mkdocs.yml")
    from pena.freshness import site_status

    assert {row.lang for row in site_status(rows)} == {"en", NEW_LANG}
    manifest = json.loads((built / f"manifest.{NEW_LANG}.webmanifest").read_text("utf-8"))
    assert manifest["lang"] == NEW_LANG and manifest["start_url"] == f"./{NEW_LANG}/"
    save_list = next((built / "offline").glob(f"save-{NEW_LANG}.*.js")).read_text("utf-8")
    assert f'"{NEW_LANG}/tentang/"' in save_list


def test_a_third_language_missing_a_page_is_reported(three_languages: tuple[Path, Path], tmp_path: Path) -> None:
    root, _ = three_languages
    copy = tmp_path / "repo"
    shutil.copytree(root, copy, ignore=shutil.ignore_patterns("site"))
    (copy / "docs" / f"tentang.{NEW_LANG}.md").unlink()
    found = rules.run(load_site(copy / "docs", copy / "mkdocs.yml"))
    assert any(f.code == "TR001" and f.path == "docs/tentang.id.md" and NEW_LANG in f.message for f in found)
