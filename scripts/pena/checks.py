"""Structure checks of the sources: one function per concern, each returning findings.

Every rule code is registered with its severity and summary by the `@rule` lines above the
function that checks it (pena/rules.py explains how to add one).
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from jsonschema import Draft202012Validator

from pena.content import Page, Site, is_external, nav_sources
from pena.findings import ERROR, WARNING, Finding, finding, from_content_error
from pena.freshness import MISSING, STALE, site_status
from pena.rules import PAGE, SITE, rule

MODULE_TYPES = ("overview", "lesson", "activity", "quiz", "handout")
VAGUE_LINK_TEXT = {"klik di sini", "di sini", "klik disini", "disini", "click here", "here",
                   "read more", "baca selengkapnya", "selengkapnya", "link", "tautan"}
IMAGE_BUDGET_BYTES = 200 * 1024
WORD_RATIO = (0.75, 1.35)
MIN_QUIZ_QUESTIONS = 8
KEY_POINTS_ID = "poin-penting"
HANDOUT_MAX_AVERAGE_WORDS = 15


# --------------------------------------------------------------------------------------------
# Front matter
# --------------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=4)
def _validator(schema_path: Path) -> Draft202012Validator:
    return Draft202012Validator(json.loads(schema_path.read_text("utf-8")))


def _key_line(page: Page, key: str | None) -> int:
    """Line of a front matter key, for messages; the opening '---' when unknown."""
    if key:
        for number, line in enumerate(page.raw.split("\n")[: page.body_line], start=1):
            if line.startswith(f"{key}:"):
                return number
    return 1


@rule("FM001", ERROR, "front matter is not valid YAML, or the file is not UTF-8", scope=SITE)
@rule("FM002", ERROR, "front matter does not match docs/_data/page.schema.json (unknown keys, wrong types)",
      scope=SITE)
def check_front_matter(site: Site) -> list[Finding]:
    found = [from_content_error(error) for error in site.errors]
    validator = _validator(site.docs_dir / "_data" / "page.schema.json")
    for page in site.pages.values():
        for error in sorted(validator.iter_errors(page.meta), key=lambda e: list(e.path)):
            key = str(error.path[0]) if error.path else None
            # Nested keys (a tool form's words, `tool:`) are named by their whole path.
            path = ".".join(str(part) for part in error.path)
            if error.validator == "additionalProperties":
                known = error.schema.get("properties", {})
                unknown = sorted(set(error.instance) - set(known)) if isinstance(error.instance, dict) else []
                key = key or (unknown[0] if unknown else None)
                name = ".".join(part for part in (path, unknown[0] if unknown else "") if part)
                message = f"unknown front matter key '{name}'"
                hint = "allowed keys are listed in docs/_data/page.schema.json"
            elif error.validator == "required":
                message = f"front matter {path + ': ' if path else ''}{error.message}"
                hint = ("every page needs title, description and type" if not path else
                        "the words each tool form needs are listed in docs/_data/page.schema.json ($defs)")
            else:
                where = ".".join(str(part) for part in error.path) or "front matter"
                message = f"'{where}': {error.message}"
                hint = "see docs/_data/page.schema.json for the expected value"
            found.append(finding(page.path, _key_line(page, key), "FM002", message, hint))
    return found


@rule("FS001", ERROR, "a page has no language suffix (it would shadow its suffixed twin)", scope=SITE)
def check_shadowing(site: Site) -> list[Finding]:
    found = []
    for path in site.unsuffixed:
        stem = path.name[: -len(".md")]
        twins = [path.with_name(f"{stem}.{lang}.md") for lang in site.langs.all]
        if any(twin.exists() for twin in twins):
            found.append(finding(path, None, "FS001",
                                 "unsuffixed page replaces its suffixed twin in every language",
                                 f"delete it or merge it into {stem}.{site.langs.default}.md"))
        else:
            found.append(finding(path, None, "FS001", "page has no language suffix",
                                 f"rename it to {stem}.{site.langs.default}.md"))
    return found


# --------------------------------------------------------------------------------------------
# Modules and nav
# --------------------------------------------------------------------------------------------


@rule("MD001", ERROR, "a module lacks a page type in a language (overview, 2+ lessons, activity, quiz, handout)",
      scope=SITE)
def check_modules(site: Site) -> list[Finding]:
    found = []
    for module in site.modules:
        folder = site.docs_dir / module
        for lang in site.langs.all:
            types = {p.type for p in site.in_lang(lang) if p.module == module}
            for wanted in MODULE_TYPES:
                count = sum(1 for p in site.in_lang(lang) if p.module == module and p.type == wanted)
                needed = 2 if wanted == "lesson" else 1
                if count < needed:
                    found.append(finding(
                        folder, None, "MD001",
                        f"module '{module}' has {count} page(s) of type '{wanted}' in '{lang}', needs {needed}",
                        f"add the page ({', '.join(sorted(t for t in types if t))} present); "
                        "see the module template in CONTRIBUTING.md"))
    return found


@rule("MD002", ERROR, "a page is not in the nav of mkdocs.yml", scope=SITE)
def check_nav(site: Site) -> list[Finding]:
    listed = set(nav_sources(site.mkdocs_yml))
    found = []
    for page in site.in_lang(site.langs.default):
        if page.type != "generated" and page.key not in listed:
            found.append(finding(page.path, None, "MD002", f"page '{page.key}' is not in the nav",
                                 f"add '{page.key}' under nav: in mkdocs.yml"))
    return found


# --------------------------------------------------------------------------------------------
# Page rules
# --------------------------------------------------------------------------------------------


@rule("PG001", ERROR, "a page needs exactly one H1, and it comes first", scope=PAGE)
@rule("PG002", ERROR, "a heading level is skipped", scope=PAGE)
@rule("PG003", ERROR, "an H2/H3 has no explicit id, or an id is used twice", scope=PAGE)
def check_headings(page: Page) -> list[Finding]:
    found = []
    headings = page.structure.headings
    h1 = [h for h in headings if h.level == 1]
    if len(h1) != 1:
        found.append(finding(page.path, h1[1].line if len(h1) > 1 else page.body_line, "PG001",
                             f"page has {len(h1)} H1 headings, needs exactly one",
                             "start the page with one '# Title' line"))
    elif headings[0].level != 1:
        found.append(finding(page.path, headings[0].line, "PG001", "the first heading is not the H1",
                             "put the '# Title' line before every other heading"))
    seen: dict[str, int] = {}
    previous = 1
    for heading in headings:
        if heading.level > previous + 1:
            found.append(finding(page.path, heading.line, "PG002",
                                 f"heading level jumps from H{previous} to H{heading.level}",
                                 f"use H{previous + 1} here"))
        previous = heading.level
        if heading.level in (2, 3):
            if not heading.id:
                found.append(finding(page.path, heading.line, "PG003",
                                     f"H{heading.level} '{heading.text}' has no explicit id",
                                     "end the heading with '{ #id }', the same id in both languages"))
            elif heading.id in seen:
                found.append(finding(page.path, heading.line, "PG003",
                                     f"id '#{heading.id}' is used twice (first on line {seen[heading.id]})",
                                     "give each heading its own id"))
            else:
                seen[heading.id] = heading.line
    return found


def _resolve_local(page: Page, target: str) -> Path | None:
    path = unquote(urlsplit(target).path)
    if not path:
        return None
    base = posixpath.dirname(page.key)
    return page.docs_dir / posixpath.normpath(posixpath.join(base, path))


def image_candidates(page: Page, target: str) -> list[Path]:
    """An image referenced as img/x.svg may exist as img/x.svg or per language img/x.<lang>.svg."""
    plain = _resolve_local(page, target)
    if plain is None:
        return []
    localized = plain.with_name(f"{plain.stem}.{page.lang}{plain.suffix}")
    return [localized, plain]


@rule("PG004", ERROR, "an image is missing, loaded from another host, or has no real alt text", scope=PAGE)
def check_images(page: Page) -> list[Finding]:
    found = []
    for image in (link for link in page.structure.links if link.is_image):
        if is_external(image.target):
            found.append(finding(page.path, image.line, "PG004", f"image '{image.target}' is loaded from another host",
                                 "copy the image into docs/ and link it relatively"))
            continue
        existing = [path for path in image_candidates(page, image.target) if path.is_file()]
        if not existing:
            found.append(finding(page.path, image.line, "PG004", f"image '{image.target}' does not exist",
                                 "check the path relative to this page"))
        name = posixpath.basename(image.target)
        stem = name.rsplit(".", 1)[0]
        alt = image.text.strip()
        if not alt or alt.lower() in (name.lower(), stem.lower(), stem.replace("-", " ").lower()):
            found.append(finding(page.path, image.line, "PG004",
                                 f"image '{image.target}' has {'no' if not alt else 'its file name as'} alt text",
                                 "describe what the picture shows, in the page's language"))
    return found


@rule("PG006", ERROR, "vague link text ('di sini', 'click here')", scope=PAGE)
def check_link_text(page: Page) -> list[Finding]:
    found = []
    for link in page.structure.links:
        if not link.is_image and link.text.strip().strip(".!").lower() in VAGUE_LINK_TEXT:
            found.append(finding(page.path, link.line, "PG006", f"link text '{link.text}' does not say where it goes",
                                 "use the name of the target as link text"))
    return found


def quiz_questions(page: Page) -> list[tuple[int, bool]]:
    """(line, has folded answer) for every H3 question with an id 'soal-N'."""
    headings = page.structure.headings
    result = []
    for index, heading in enumerate(headings):
        if heading.level != 3 or not (heading.id or "").startswith("soal-"):
            continue
        end = headings[index + 1].line if index + 1 < len(headings) else 10**9
        folded = any(a.collapsible and heading.line < a.line < end for a in page.structure.admonitions)
        result.append((heading.line, folded))
    return result


@rule("PG005", ERROR, "a quiz has fewer than 8 questions, or a question without a folded answer", scope=PAGE)
def check_quiz(page: Page) -> list[Finding]:
    if page.type != "quiz":
        return []
    questions = quiz_questions(page)
    found = [finding(page.path, line, "PG005", "quiz question has no folded answer",
                     "follow the question with '??? success \"...\"' holding the answer and why")
             for line, folded in questions if not folded]
    if len(questions) < MIN_QUIZ_QUESTIONS:
        found.append(finding(page.path, None, "PG005",
                             f"quiz has {len(questions)} questions, needs at least {MIN_QUIZ_QUESTIONS}",
                             "each question is an H3 with id 'soal-N'"))
    return found


@rule("PG007", ERROR, "a lesson does not end with its key points section", scope=PAGE)
def check_key_points(page: Page) -> list[Finding]:
    if page.type != "lesson":
        return []
    h2 = [h for h in page.structure.headings if h.level == 2]
    if not h2 or h2[-1].id != KEY_POINTS_ID:
        return [finding(page.path, h2[-1].line if h2 else None, "PG007",
                        "lesson does not end with a key points section",
                        f"make the last H2 '## Poin penting {{ #{KEY_POINTS_ID} }}' (English: Key points)")]
    return []


@rule("PG008", ERROR, "a KPM handout averages more than 15 words a sentence, or has no numbered steps", scope=PAGE)
def check_handout(page: Page) -> list[Finding]:
    """KPM handouts: short sentences (15 words or fewer on average) and numbered steps."""
    if page.type != "handout":
        return []
    found = []
    sentences = page.structure.sentences
    words = [len(re.findall(r"[\w'-]+", sentence)) for sentence in sentences]
    average = sum(words) / len(words) if words else 0
    if average > HANDOUT_MAX_AVERAGE_WORDS:
        longest = sentences[words.index(max(words))]
        found.append(finding(page.path, None, "PG008",
                             f"handout sentences average {average:.1f} words (at most {HANDOUT_MAX_AVERAGE_WORDS})",
                             f"split long sentences, e.g. '{longest[:60]}...'"))
    if page.structure.ordered_lists == 0:
        found.append(finding(page.path, None, "PG008", "handout has no numbered steps",
                             "write what to do as a numbered list (1. 2. 3.)"))
    return found


@rule("IM001", ERROR, "an image is over 200 KB", scope=SITE)
def check_image_sizes(site: Site) -> list[Finding]:
    found = []
    budget = IMAGE_BUDGET_BYTES
    for path in sorted(site.docs_dir.rglob("*")):
        if path.suffix.lower() in (".svg", ".png", ".jpg", ".jpeg", ".webp", ".gif") and path.is_file():
            size = path.stat().st_size
            if size > budget:
                found.append(finding(path, None, "IM001",
                                     f"image is {size // 1024} KB, over the {budget // 1024} KB budget",
                                     "use SVG for diagrams; compress photos to under 200 KB"))
    return found


# --------------------------------------------------------------------------------------------
# Translation parity
# --------------------------------------------------------------------------------------------


def _internal_targets(page: Page) -> list[str]:
    return [link.target for link in page.structure.links
            if not link.is_image and not is_external(link.target) and not link.target.startswith("mailto:")]


def _first_difference(a: list[str], b: list[str]) -> tuple[int, str | None, str | None] | None:
    for index in range(max(len(a), len(b))):
        left = a[index] if index < len(a) else None
        right = b[index] if index < len(b) else None
        if left != right:
            return index, left, right
    return None


def parity(source: Page, translation: Page) -> list[Finding]:
    found = []
    lang = translation.lang

    def compare(code: str, what: str, a: list[str], b: list[str], lines: list[int], hint: str) -> None:
        diff = _first_difference(a, b)
        if diff is None:
            return
        index, left, right = diff
        line = lines[index] if index < len(lines) else None
        if right is None:
            message = f"{lang} has no {what} {left} (item {index + 1} in {source.lang})"
        elif left is None:
            message = f"{lang} has an extra {what} {right} (item {index + 1})"
        else:
            message = f"{what} {index + 1} is {left} in {source.lang} but {right} in {lang}"
        found.append(finding(translation.path, line, code, message, hint))

    sh = [h for h in source.structure.headings if h.level in (2, 3)]
    th = [h for h in translation.structure.headings if h.level in (2, 3)]
    compare("TR003", "section", [f"#{h.id or h.text}" for h in sh], [f"#{h.id or h.text}" for h in th],
            [h.line for h in th], "use the same H2/H3 ids in the same order as the Indonesian page")
    compare("TR004", "admonition", [a.kind for a in source.structure.admonitions],
            [a.kind for a in translation.structure.admonitions],
            [a.line for a in translation.structure.admonitions], "use the same admonition types in the same order")
    si = [link.target for link in source.structure.links if link.is_image]
    ti = [link.target for link in translation.structure.links if link.is_image]
    compare("TR005", "image", si, ti, [link.line for link in translation.structure.links if link.is_image],
            "reference the same images; words in images go into per-language files name.<lang>.svg")
    compare("TR006", "link target", _internal_targets(source), _internal_targets(translation),
            [link.line for link in translation.structure.links if not link.is_image and not is_external(link.target)],
            "link to the same pages and anchors as the Indonesian page")
    if source.type == "quiz":
        a, b = len(quiz_questions(source)), len(quiz_questions(translation))
        if a != b:
            found.append(finding(translation.path, None, "TR007",
                                 f"quiz has {b} questions in {lang} but {a} in {source.lang}",
                                 "translate every question"))
    words_source, words_translation = source.structure.text_words, translation.structure.text_words
    if words_source >= 40:
        ratio = words_translation / words_source
        if not WORD_RATIO[0] <= ratio <= WORD_RATIO[1]:
            found.append(finding(translation.path, None, "TR008",
                                 f"{lang} has {words_translation} words, {ratio:.2f} times the "
                                 f"{words_source} of {source.lang} (allowed {WORD_RATIO[0]}-{WORD_RATIO[1]})",
                                 "a part may be untranslated or added; compare section by section"))
    return found


@rule("TR001", WARNING, "a translation is missing", scope=SITE)
@rule("TR002", WARNING, "a translation is behind its source (names the changed sections)", scope=SITE)
@rule("TR003", ERROR, "translation parity: the H2/H3 ids differ", scope=SITE)
@rule("TR004", ERROR, "translation parity: the admonition types differ", scope=SITE)
@rule("TR005", ERROR, "translation parity: the images differ", scope=SITE)
@rule("TR006", ERROR, "translation parity: the internal link targets differ", scope=SITE)
@rule("TR007", ERROR, "translation parity: the quiz question count differs", scope=SITE)
@rule("TR008", ERROR, "translation parity: the word count is outside 0.75-1.35 times the source", scope=SITE)
def check_translations(site: Site) -> list[Finding]:
    found: list[Finding] = []
    for row in site_status(site):
        if row.status == MISSING:
            expected = row.as_dict()["translation"]
            found.append(finding(row.source.path, None, "TR001", f"no {row.lang} translation",
                                 f"create {expected}, then run scripts/translations.py mark {expected}"))
            continue
        assert row.translation is not None
        if row.status == STALE:
            sections = ", ".join(row.changed_sections) or "front matter"
            found.append(finding(row.translation.path, None, "TR002",
                                 f"translation is behind its source; changed sections: {sections}",
                                 f"update it, then run scripts/translations.py mark {row.translation.rel}"))
        found += parity(row.source, row.translation)
    return found
