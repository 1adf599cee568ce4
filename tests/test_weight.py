"""Page weight budgets (scripts/pena/pageweight.py), asserted in bytes on the built files
(deterministic, unlike timings): the real site is within every budget, the split between a
page's content and the theme is found on every page, and WT001/WT002 catch planted pages."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pena.content import load_site, output_path
from pena.pageweight import BUDGETS, check_page_weight, gz, page_load, site_weights, split_content
from pena.testing import MiniProject, page_text
from pena.toolforms import page_scripts

SITE = load_site()


def test_every_page_is_within_its_budgets(built_site: Path) -> None:
    over = [str(f) for f in check_page_weight(SITE, built_site) if f.code == "WT001"]
    assert not over, over


def test_every_built_page_is_measured_and_split_into_content_and_theme(built_site: Path) -> None:
    weights = site_weights(SITE, built_site)
    assert len(weights) == len(SITE.pages)
    for weight in weights:
        html = (built_site / weight.built).read_text("utf-8")
        content, theme = split_content(html)
        assert content.startswith("<h1") and "pena-share" not in content and "md-nav" not in content, weight.built
        assert 'class="md-header' in theme and "pena-share" in theme
        # Compressed apart, the two parts come to about the whole page (within 10% below, 15%
        # above: each part has its own gzip header, and compresses without the words it shares
        # with the other; a quiz shares every question heading with its table of contents, and
        # compact.py's whitespace removal makes the whole smaller: up to 1.11 measured).
        parts, whole = weight.parts["content"] + weight.parts["theme"], weight.parts["later page"]
        assert 0.9 * whole <= parts <= 1.15 * whole, (weight.built, parts, whole)


def test_budget_counter_counts_what_the_page_loads(built_site: Path) -> None:
    sizes = page_load(built_site, built_site / "index.html")
    assert any(name.endswith(".css") for name in sizes) and any(name.endswith(".js") for name in sizes)
    assert sum(sizes.values()) > gz((built_site / "index.html").read_bytes())


def test_page_specific_scripts_only_where_used(built_site: Path) -> None:
    for (key, lang), page in SITE.pages.items():
        html = (built_site / output_path(key, lang, SITE.langs)).read_text("utf-8")
        for script in ("tools/hpp.js", "tools/money-plan.js", "tools/loan.js"):
            listed = script in page_scripts(page.meta)  # its `scripts:`, or its tool form's
            assert (script in html) == listed, f"{script} on {key} ({lang}): listed={listed}"


def built_page(folder: Path, content: str, theme_padding: str = "") -> None:
    """A built page shaped like Material's: header and nav, then the article with the content."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "index.html").write_text(
        f'<html><head></head><body><header class="md-header">{theme_padding}</header>'
        f'<article class="md-content__inner md-typeset"><h1 id="t">T</h1>{content}'
        '<aside class="pena-share">share</aside></article></body></html>', "utf-8")


def text_of_gzip_size(target: int, seed: int) -> str:
    """Random letters whose gzip size is `target` bytes (within a few bytes)."""
    import random

    generator = random.Random(seed)
    text = ""
    while gz(text.encode()) < target:
        text += "".join(generator.choice("abcdefghijklmnopqrstuvwxyz ") for _ in range(64))
    return text


@pytest.mark.parametrize(("content_bytes", "expected"), [(9_000, "WT001"), (7_700, "WT002")])
def test_wt001_wt002_a_long_page_fails_and_a_nearly_full_one_warns(tmp_path: Path, content_bytes: int,
                                                                  expected: str) -> None:
    mini = MiniProject(tmp_path / "mini", {"tentang.id.md": page_text("Tentang", "Teks."),
                                           "tentang.en.md": page_text("About", "Text.")}, [{"A": ["tentang.md"]}])
    built = tmp_path / "built"
    built_page(built / "tentang", f"<p>{text_of_gzip_size(content_bytes, 1)}</p>")
    built_page(built / "en" / "tentang", "<p>Text.</p>", theme_padding=text_of_gzip_size(BUDGETS["theme"] + 150, 2))
    found = {(f.code, f.path, f.message.split(" of site/")[0]) for f in check_page_weight(mini.site(), built)}
    assert (expected, "docs/tentang.id.md", "content") in found, found
    assert ("WT001", "docs/tentang.en.md", "theme") in found, found
    assert not any(path == "docs/tentang.en.md" and part == "content" for _, path, part in found)
    assert BUDGETS["content"] < 9_000 and 0.9 * BUDGETS["content"] <= 7_700


def test_wt002_pages_near_a_shared_budget_give_one_warning(tmp_path: Path) -> None:
    """Many pages near the theme budget share one cause: one WT002 with the count and the
    heaviest page, not one line per page; content stays per page (each author's own)."""
    pages = {f"p{n}.{lang}.md": page_text(f"P{n}", "Teks.") for n in range(3) for lang in ("id", "en")}
    mini = MiniProject(tmp_path / "mini", pages, [{"A": [f"p{n}.md" for n in range(3)]}])
    built = tmp_path / "built"
    for n in range(3):
        for prefix in (built, built / "en"):
            padding = text_of_gzip_size(int(BUDGETS["theme"] * (0.92 + n / 100)), n)
            built_page(prefix / f"p{n}", f"<p>{text_of_gzip_size(7_700, 10 + n)}</p>" if n == 0 else "<p>T.</p>",
                       theme_padding=padding)
    found = [f for f in check_page_weight(mini.site(), built) if f.code == "WT002"]
    theme = [f for f in found if "theme" in f.message]
    assert len(theme) == 1, theme
    assert theme[0].message.startswith("6 pages use 90% or more of the theme budget"), theme[0].message
    assert theme[0].path in ("docs/p2.id.md", "docs/p2.en.md"), theme[0].path
    content = [f for f in found if f.message.startswith("content of")]
    assert {f.path for f in content} == {"docs/p0.id.md", "docs/p0.en.md"}, content


def test_page_weights_kept_on_disk_are_the_sizes_measured_afresh(built_site: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk cache of page sizes (keyed by the HTML) changes nothing but the time: a cold run,
    a warm run and a run over a damaged cache file give the same weights."""
    from pena import pageweight

    monkeypatch.setenv("PENA_CACHE", str(tmp_path / "cache"))
    cold = site_weights(load_site(), built_site)
    cache_file = pageweight._weights_cache()
    assert cache_file.is_file() and len(json.loads(cache_file.read_text("utf-8"))) == len(cold)
    assert site_weights(load_site(), built_site) == cold
    cache_file.write_text("{not json", "utf-8")
    assert site_weights(load_site(), built_site) == cold
