"""Page weight budgets, asserted in bytes on the built files (deterministic, unlike timings).

First view: the page's HTML plus every stylesheet, script and font it loads, gzip-compressed,
at most 80 KB. Later pages: at most 12 KB of compressed HTML (CSS and JS are cached). No image
over 200 KB. Fonts: the theme uses the system font stack, so there are none to count.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pena.content import load_site, output_path
from pena.pageweight import gz, page_load
from pena.toolforms import page_scripts

SITE = load_site()
FIRST_VIEW_BUDGET = 80 * 1024
LATER_PAGE_BUDGET = 12 * 1024
IMAGE_BUDGET = 200 * 1024


LESSONS = [(p.key, p.lang) for p in SITE.pages.values() if p.type == "lesson"]
TOOLS = [(p.key, p.lang) for p in SITE.pages.values() if p.type == "tool"]


@pytest.mark.parametrize(("key", "lang"), sorted(LESSONS + TOOLS + [("index.md", "id"), ("index.md", "en")]))
def test_first_view_within_budget(built_site: Path, key: str, lang: str) -> None:
    sizes = page_load(built_site, built_site / output_path(key, lang, SITE.langs))
    total = sum(sizes.values())
    assert total <= FIRST_VIEW_BUDGET, f"{key} ({lang}): {total} bytes gzip > {FIRST_VIEW_BUDGET}: {sizes}"


@pytest.mark.parametrize(("key", "lang"), sorted(SITE.pages))
def test_later_page_html_within_budget(built_site: Path, key: str, lang: str) -> None:
    size = gz((built_site / output_path(key, lang, SITE.langs)).read_bytes())
    assert size <= LATER_PAGE_BUDGET, f"{key} ({lang}): {size} bytes of gzip HTML > {LATER_PAGE_BUDGET}"


def test_no_image_over_budget(built_site: Path) -> None:
    images = [p for p in built_site.rglob("*") if p.suffix.lower() in (".svg", ".png", ".jpg", ".jpeg", ".webp")]
    big = [(str(p.relative_to(built_site)), p.stat().st_size) for p in images if p.stat().st_size > IMAGE_BUDGET]
    assert not big, big


def test_page_specific_scripts_only_where_used(built_site: Path) -> None:
    for (key, lang), page in SITE.pages.items():
        html = (built_site / output_path(key, lang, SITE.langs)).read_text("utf-8")
        for script in ("tools/hpp.js", "tools/money-plan.js", "tools/loan.js"):
            listed = script in page_scripts(page.meta)  # its `scripts:`, or its tool form's
            assert (script in html) == listed, f"{script} on {key} ({lang}): listed={listed}"


def test_budget_counter_counts_what_the_page_loads(built_site: Path) -> None:
    sizes = page_load(built_site, built_site / "index.html")
    assert any(name.endswith(".css") for name in sizes) and any(name.endswith(".js") for name in sizes)
