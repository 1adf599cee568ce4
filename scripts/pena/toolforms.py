"""Interactive tool forms: one Jinja template per form, its words in the page's front matter.

A tool page says which form it shows and gives every word of it in its own language:

    tool:
      form: loan                 # overrides/tools/loan.html renders it
      limits: {instalment: 30}   # numbers: the same in every language
      submit: Hitung             # words: translated, may hold {slots} the calculator fills
      ...

and holds the marker `<!-- pena:tool -->` where the form goes (the `tools` hook renders it
there). The schema (docs/_data/page.schema.json, `$defs`) lists the words each form needs;
this module holds what the hook, the checks and the tests share: the marker, the scripts
and styles a form loads, and the translation rule TL001 (both languages give the same
words, with the same {slots} and the same numbers).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from pena.content import Page, Site
from pena.findings import ERROR, Finding, finding
from pena.rules import SITE, rule

MARKER = "<!-- pena:tool -->"
TOOL_KEY = "tool"
SHARED_SCRIPT = "tools/calc.js"
STYLE = "tools.css"

_SLOT = re.compile(r"\{(\w+)\}")


def tool_data(page_meta: dict[str, Any]) -> dict[str, Any] | None:
    data = page_meta.get(TOOL_KEY)
    return data if isinstance(data, dict) else None


def page_scripts(page_meta: dict[str, Any]) -> list[str]:
    """Scripts a page loads (under docs/assets/javascripts/): its `scripts:` plus its tool's."""
    scripts = list(page_meta.get("scripts") or [])
    data = tool_data(page_meta)
    if data and isinstance(data.get("form"), str):
        scripts += [s for s in (SHARED_SCRIPT, f"tools/{data['form']}.js") if s not in scripts]
    return scripts


def page_styles(page_meta: dict[str, Any]) -> list[str]:
    """Stylesheets a page loads (under docs/assets/stylesheets/): its `styles:` plus the tools'."""
    styles = list(page_meta.get("styles") or [])
    if tool_data(page_meta) and STYLE not in styles:
        styles.append(STYLE)
    return styles


def slots(text: str) -> list[str]:
    """The {name} slots of a sentence, sorted: 'Hapus baris {n}' -> ['n']."""
    return sorted(set(_SLOT.findall(text)))


def leaves(data: Any, path: str = "") -> Iterator[tuple[str, Any]]:
    """(dotted path, value) of every leaf: 'costs.names.0' -> 'Bahan baku'."""
    if isinstance(data, dict):
        for key, value in data.items():
            yield from leaves(value, f"{path}.{key}" if path else str(key))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from leaves(value, f"{path}.{index}")
    else:
        yield path, data


def _line_of(page: Page, path: str) -> int:
    """Front matter line of a dotted key path, found key by key; the `tool:` line if unsure."""
    lines = page.raw.split("\n")[: page.body_line]
    line = next((i for i, text in enumerate(lines) if text.startswith(f"{TOOL_KEY}:")), 0)
    for key in path.split("."):
        pattern = re.compile(rf"^\s*(- )?['\"]?{re.escape(key)}['\"]?:")
        found = next((i for i in range(line + 1, len(lines)) if pattern.match(lines[i])), None)
        if found is None:
            break
        line = found
    return line + 1


def compare_words(source: Page, translation: Page) -> list[Finding]:
    """TL001: the translation's tool words have the same keys, {slots} and numbers."""
    words = tool_data(source.meta)
    theirs = tool_data(translation.meta)
    if words is None and theirs is None:
        return []
    lang = translation.lang
    hint = f"keep the keys, {{slots}} and numbers of {source.rel}; translate only the words"
    if theirs is None or words is None:
        missing, has = (translation, source) if theirs is None else (source, translation)
        return [finding(translation.path, 1, "TL001",
                        f"{has.lang} has tool words (`{TOOL_KEY}:`) but {missing.lang} has none", hint)]
    mine = dict(leaves(words))
    other = dict(leaves(theirs))
    found = []
    for path in [p for p in mine if p not in other]:
        found.append(finding(translation.path, _line_of(translation, path.rsplit(".", 1)[0]), "TL001",
                             f"{lang} has no tool word {TOOL_KEY}.{path}", hint))
    for path in [p for p in other if p not in mine]:
        found.append(finding(translation.path, _line_of(translation, path), "TL001",
                             f"{lang} has a tool word {TOOL_KEY}.{path} that {source.lang} does not have", hint))
    for path, value in mine.items():
        if path not in other:
            continue
        theirs_value = other[path]
        line = _line_of(translation, path)
        if isinstance(value, str) and isinstance(theirs_value, str):
            if slots(value) != slots(theirs_value):
                found.append(finding(
                    translation.path, line, "TL001",
                    f"{TOOL_KEY}.{path} has the slots {slots(theirs_value)} in {lang} "
                    f"but {slots(value)} in {source.lang}",
                    "the calculator fills in {slots}: keep each one, spelled the same, in any order"))
        elif value != theirs_value:
            found.append(finding(
                translation.path, line, "TL001",
                f"{TOOL_KEY}.{path} is {theirs_value!r} in {lang} but {value!r} in {source.lang}",
                "numbers and form names are not words: they must be the same in every language"))
    return found


@rule("TL001", ERROR, "a translation's tool words (front matter `tool:`) differ in keys, {slots} or numbers",
      scope=SITE)
def check_tool_words(site: Site) -> list[Finding]:
    found: list[Finding] = []
    for source in site.in_lang(site.langs.default):
        for lang in site.langs.translations:
            translation = site.get(source.key, lang)
            if translation is not None:
                found += compare_words(source, translation)
    return found
