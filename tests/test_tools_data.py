"""Tool forms without a browser: the words in front matter, their parity (TL001), the schema,
the translation hash, and the tools hook's rendering and its messages. In-process and fast;
each defect is planted in a copy of a real page's text."""

from __future__ import annotations

import importlib.util
import json
import re
from typing import Any

import pytest
from jsonschema import Draft202012Validator
from lxml import html as lxml_html
from mkdocs.exceptions import PluginError

from pena.checks import check_front_matter
from pena.content import DOCS_DIR, REPO_ROOT, Page, Site, languages, parse_page
from pena.freshness import page_status, translation_record
from pena.toolforms import MARKER, compare_words, leaves, page_scripts, page_styles, slots

TOOL_PAGES = ["riset-sederhana/kalkulator-harga", "literasi-keuangan/rencana-keuangan",
              "literasi-keuangan/kalkulator-pinjaman"]
SCHEMA = json.loads((DOCS_DIR / "_data" / "page.schema.json").read_text("utf-8"))


def load_hook() -> Any:
    spec = importlib.util.spec_from_file_location("tools_hook", REPO_ROOT / "overrides" / "hooks" / "tools.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


HOOK = load_hook()
ENV = HOOK.environment([str(REPO_ROOT / "overrides")])


def page(key: str, lang: str, edit: tuple[str, str] | None = None) -> Page:
    path = DOCS_DIR / f"{key}.{lang}.md"
    text = path.read_text("utf-8")
    if edit:
        assert edit[0] in text, edit[0]
        text = text.replace(edit[0], edit[1], 1)
    return parse_page(text, path)


def codes(findings: list) -> list[str]:
    return [f.code for f in findings]


# --------------------------------------------------------------------------------------------
# The real pages
# --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("key", TOOL_PAGES)
def test_real_tool_pages_agree_and_match_the_schema(key: str) -> None:
    source, translation = page(key, "id"), page(key, "en")
    assert compare_words(source, translation) == []
    for one in (source, translation):
        errors = list(Draft202012Validator(SCHEMA).iter_errors(one.meta))
        assert errors == [], [e.message for e in errors]
        assert one.body.count(MARKER) == 1


@pytest.mark.parametrize("lang", ["id", "en"])
@pytest.mark.parametrize("key", TOOL_PAGES)
def test_every_word_reaches_the_form(key: str, lang: str) -> None:
    """Rendered from the template, the form shows or carries every word of the front matter."""
    data = page(key, lang).meta["tool"]
    form = HOOK.render_form(ENV, data, lang, key)
    tree = lxml_html.fromstring(form)
    shown = " ".join(tree.text_content().split())
    carried = " ".join(" ".join(str(v).split()) for el in tree.iter() for v in el.attrib.values())
    for path, value in leaves(data):
        if not isinstance(value, str) or path == "form":
            continue
        plain = " ".join(value.replace("*", "").split())
        assert plain in shown or plain in carried, f"{key} ({lang}): tool.{path} is not in the form"
    assert tree.get("data-lang") == lang
    ids = [el.get("id") for el in tree.iter() if el.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"
    for field in tree.iter("input"):
        if field.get("type") == "text":
            assert tree.xpath(f"//label[@for='{field.get('id')}']"), field.get("id")
            for ref in (field.get("aria-describedby") or "").split():
                assert ref in ids, f"{field.get('id')} describedby {ref}"


def test_inline_words_are_escaped_and_keep_emphasis() -> None:
    assert str(HOOK.inline("*Markup* dari HPP <b>")) == "<em>Markup</em> dari HPP &lt;b&gt;"


def test_a_form_loads_its_script_and_the_shared_ones() -> None:
    meta = page("literasi-keuangan/kalkulator-pinjaman", "id").meta
    assert page_scripts(meta) == ["tools/calc.js", "tools/loan.js"]
    assert page_styles(meta) == ["tools.css"]
    assert page_scripts({"title": "x"}) == [] and page_styles({}) == []


# --------------------------------------------------------------------------------------------
# TL001: both languages give the same words
# --------------------------------------------------------------------------------------------

LOAN = "literasi-keuangan/kalkulator-pinjaman"


def loan_finding(edit_en: tuple[str, str]) -> list:
    return compare_words(page(LOAN, "id"), page(LOAN, "en", edit_en))


def test_tl001_missing_word_names_the_key_and_line() -> None:
    found = loan_finding(("    same: Per day, both offers cost about the same.\n", ""))
    assert codes(found) == ["TL001"]
    assert "en has no tool word tool.sentences.same" in found[0].message
    en = page(LOAN, "en").raw.split("\n")
    assert en[found[0].line - 1].strip() == "sentences:"
    assert found[0].path.endswith("kalkulator-pinjaman.en.md")


def test_tl001_extra_word() -> None:
    found = loan_finding(("    same: Per day,", "    extra: One more.\n    same: Per day,"))
    assert codes(found) == ["TL001"]
    assert "tool.sentences.extra" in found[0].message and "id does not have" in found[0].message


def test_tl001_changed_or_renamed_slot() -> None:
    found = loan_finding(('cost {cost}, that is', 'cost {kost}, that is'))
    assert codes(found) == ["TL001"]
    assert "tool.sentences.summary" in found[0].message and "'kost'" in found[0].message
    en = page(LOAN, "en").raw.split("\n")
    assert en[found[0].line - 1].strip().startswith("summary:")


def test_tl001_changed_number() -> None:
    found = loan_finding(("    cap-short: 0.3\n", "    cap-short: 0.4\n"))
    assert codes(found) == ["TL001"]
    assert "tool.limits.cap-short is 0.4 in en but 0.3 in id" in found[0].message


def test_tl001_list_of_different_length_and_missing_mapping() -> None:
    hpp = "riset-sederhana/kalkulator-harga"
    found = compare_words(page(hpp, "id"), page(hpp, "en", ("    - Fuel\n", "    - Fuel\n    - Gas\n")))
    assert codes(found) == ["TL001"] and "tool.costs.names.3" in found[0].message
    en = page(hpp, "en")
    del en.meta["tool"]
    found = compare_words(page(hpp, "id"), en)
    assert codes(found) == ["TL001"] and "en has none" in found[0].message


def test_slots_and_leaves() -> None:
    assert slots("{b} dan {a} dan {b}") == ["a", "b"]
    assert dict(leaves({"a": {"b": [1, "x"]}})) == {"a.b.0": 1, "a.b.1": "x"}


# --------------------------------------------------------------------------------------------
# Schema (FM002 in make check, and the hook's message at build time)
# --------------------------------------------------------------------------------------------


def test_schema_describes_every_word_of_each_form() -> None:
    meta = page(LOAN, "id").meta
    del meta["tool"]["sentences"]["same"]
    errors = list(Draft202012Validator(SCHEMA).iter_errors(meta))
    assert [list(e.absolute_path) for e in errors] == [["tool", "sentences"]]
    assert "'same' is a required property" in errors[0].message
    meta["tool"]["sentences"]["same"] = "x"
    meta["tool"]["sentences"]["unknown"] = "x"
    meta["tool"]["messages"]["typo-code"] = "x"
    paths = sorted(".".join(map(str, e.absolute_path)) for e in Draft202012Validator(SCHEMA).iter_errors(meta))
    assert paths == ["tool.messages", "tool.sentences"]


def test_fm002_names_a_missing_or_unknown_tool_word_by_its_path() -> None:
    edited = page(LOAN, "id", ("    same: Per hari,", "    sama: Per hari,"))
    site = Site(DOCS_DIR, languages(), {(edited.key, "id"): edited}, [], [])
    found = [(f.code, f.message) for f in check_front_matter(site)]
    assert ("FM002", "unknown front matter key 'tool.sentences.sama'") in found
    assert ("FM002", "front matter tool.sentences: 'same' is a required property") in found


def test_hook_stops_the_build_naming_the_missing_word() -> None:
    data = page(LOAN, "en").meta["tool"]
    del data["offers"]["more"]
    with pytest.raises(PluginError, match=r"x\.en\.md: front matter tool\.offers: 'more' is a required property"):
        HOOK.check_words(data, DOCS_DIR / "_data" / "page.schema.json", "x.en.md")
    with pytest.raises(PluginError, match="needs a word the front matter lacks"):
        HOOK.render_form(ENV, data, "en", "x.en.md")  # the template's own safety net


def test_hook_stops_the_build_on_an_unknown_form_or_a_missing_marker() -> None:
    with pytest.raises(PluginError, match="tool form 'abacus' has no template tools/abacus.html"):
        HOOK.render_form(ENV, {"form": "abacus"}, "id", "x.id.md")

    class FakeFile:
        src_uri = "x.id.md"

    class FakePage:
        file = FakeFile()
        meta: dict[str, Any] = {}

    fake = FakePage()
    fake.meta = {"tool": page(LOAN, "id").meta["tool"]}
    with pytest.raises(PluginError, match=r"x\.id\.md: a tool page needs the marker <!-- pena:tool --> exactly once"):
        HOOK.on_page_markdown("# Title\n\nno marker\n", fake, None, None)
    fake.meta = {}
    with pytest.raises(PluginError, match="has the marker <!-- pena:tool --> but no `tool:`"):
        HOOK.on_page_markdown(f"# Title\n\n{MARKER}\n", fake, None, None)
    quoted = f"# Title\n\nA tool page holds `{MARKER}` where its form goes.\n"
    assert HOOK.on_page_markdown(quoted, fake, None, None) == quoted  # a guide may quote it
    fake.meta = {"tool": "words"}
    with pytest.raises(PluginError, match="must be a mapping"):
        HOOK.on_page_markdown("# Title\n", fake, None, None)


# --------------------------------------------------------------------------------------------
# Translators see when tool words change
# --------------------------------------------------------------------------------------------


def test_a_changed_tool_word_makes_the_translation_stale_in_section_tool() -> None:
    source = page(LOAN, "id")
    translation = page(LOAN, "en")
    assert page_status(source, translation, "en").status == "ok"
    changed = page(LOAN, "id", ("    same: Per hari, biaya kedua tawaran hampir sama.",
                                "    same: Per hari, biaya keduanya hampir sama."))
    status = page_status(changed, translation, "en")
    assert status.status == "stale" and status.changed_sections == ["_tool"]


def test_pages_without_tool_words_keep_their_hashes() -> None:
    """Adding tool words to the hash must not make every other translation stale."""
    about = DOCS_DIR / "tentang.en.md"
    recorded = parse_page(about.read_text("utf-8"), about).meta["translation"]
    source = DOCS_DIR / "tentang.id.md"
    current = translation_record(parse_page(source.read_text("utf-8"), source))
    assert current["source_hash"] == recorded["source_hash"]
    assert "_tool" not in current["sections"]


def test_schema_lists_the_error_codes_the_scripts_produce() -> None:
    """Every error code of the tool scripts (fail("...")) may be given a message in front matter."""
    scripts = (REPO_ROOT / "docs" / "assets" / "javascripts" / "tools").glob("*.js")
    calls = [call for path in scripts for call in re.findall(r"fail\((.*)\);", path.read_text("utf-8"))]
    produced = {code for call in calls for code in re.findall(r'"([a-z-]+)"', call)}
    allowed = set(SCHEMA["$defs"]["messages"]["propertyNames"]["enum"])
    assert {"empty", "paid-less", "margin-high"} <= produced, produced
    assert produced <= allowed, produced - allowed
