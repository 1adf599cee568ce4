"""The termbase: docs/_data/glossary.yml is the one source of the glossary pages, the
abbreviation tooltips of every page, and the term consistency check (GL001)."""

from __future__ import annotations

import functools
import json
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator

from pena.content import YAML_LOADER, Site
from pena.findings import ERROR, Finding, finding
from pena.rules import SITE, rule

GLOSSARY = "_data/glossary.yml"
SCHEMA = "_data/glossary.schema.json"


@dataclass(frozen=True)
class Term:
    id: str  # the Indonesian term
    en: str
    keep: bool
    abbr: dict[str, str]
    definition: dict[str, str]
    avoid: tuple[str, ...]
    line: int

    def term(self, lang: str) -> str:
        return self.id if lang == "id" else self.en


class GlossaryError(Exception):
    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("; ".join(str(f) for f in findings))
        self.findings = findings


@functools.lru_cache(maxsize=4)
def _load(path: Path, mtime: float) -> tuple[Term, ...]:
    schema_path = path.parent / Path(SCHEMA).name
    text = path.read_text("utf-8")
    try:
        node = yaml.compose(text, Loader=YAML_LOADER)
        data = yaml.load(text, Loader=YAML_LOADER)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        raise GlossaryError([finding(path, mark.line + 1 if mark else None, "GL002",
                                     f"glossary is not valid YAML: {getattr(error, 'problem', error)}",
                                     "check indentation and quotes")]) from None
    lines = [item.start_mark.line + 1 for item in node.value] if node is not None and node.id == "sequence" else []
    validator = Draft202012Validator(json.loads(schema_path.read_text("utf-8")))
    problems = []
    for error in validator.iter_errors(data):
        index = error.path[0] if error.path and isinstance(error.path[0], int) else None
        line = lines[index] if index is not None and index < len(lines) else 1
        where = ".".join(str(p) for p in list(error.path)[1:]) or "entry"
        problems.append(finding(path, line, "GL002", f"glossary {where}: {error.message}",
                                "see docs/_data/glossary.schema.json"))
    if problems:
        raise GlossaryError(problems)
    seen: dict[str, int] = {}
    terms = []
    for index, entry in enumerate(data):
        key = entry["id"].lower()
        if key in seen:
            raise GlossaryError([finding(path, lines[index], "GL002",
                                         f"term '{entry['id']}' is listed twice (first on line {seen[key]})",
                                         "merge the two entries")])
        seen[key] = lines[index]
        terms.append(Term(entry["id"], entry["en"], entry.get("keep", False), entry.get("abbr") or {},
                          entry["definition"], tuple(entry.get("avoid") or ()), lines[index]))
    return tuple(terms)


def load_terms(docs_dir: Path) -> tuple[Term, ...]:
    path = docs_dir / GLOSSARY
    return _load(path, path.stat().st_mtime)


def _alternation(words: list[str]) -> re.Pattern[str]:
    """One case-insensitive whole-word pattern for many terms (longest first): a page is
    scanned once, not once per term."""
    ordered = sorted(set(words), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(" + "|".join(re.escape(w) for w in ordered) + r")(?![\w-])", re.IGNORECASE)


@rule("GL001", ERROR, "an English page uses a rival term the termbase says to avoid", scope=SITE)
@rule("GL002", ERROR, "the glossary data is invalid (YAML, schema, a term listed twice)", scope=SITE)
def check_glossary(site: Site) -> list[Finding]:
    try:
        terms = load_terms(site.docs_dir)
    except GlossaryError as error:
        return error.findings
    guarded = [term for term in terms if term.avoid]
    if not guarded:
        return []
    term_pattern = _alternation([term.id for term in guarded])
    rival_of = {rival.lower(): term for term in guarded for rival in term.avoid}
    rival_pattern = _alternation(list(rival_of))
    found = []
    for source in site.in_lang(site.langs.default):
        used = {match.group(1).lower() for match in term_pattern.finditer(source.body)}
        if not used:
            continue
        for lang in site.langs.translations:
            translation = site.get(source.key, lang)
            if translation is None:
                continue
            for match in rival_pattern.finditer(translation.body):
                term = rival_of[match.group(1).lower()]
                if term.id.lower() in used:
                    line = translation.body_line + translation.body.count("\n", 0, match.start())
                    found.append(finding(translation.path, line, "GL001",
                                         f"'{match.group(0)}' is a rival term for '{term.id}'",
                                         f"use the agreed term '{term.en}' (docs/_data/glossary.yml)"))
    return found


# --------------------------------------------------------------------------------------------
# Rendering (used by overrides/hooks/glossary.py)
# --------------------------------------------------------------------------------------------


def abbreviations(terms: tuple[Term, ...], lang: str) -> str:
    """Markdown abbreviation definitions for the abbr extension, in one language."""
    lines = []
    for term in terms:
        expansion = term.abbr.get(lang)
        if expansion:
            lines.append(f"*[{term.id}]: {expansion}")
    return "\n".join(lines)


def glossary_markdown(terms: tuple[Term, ...], lang: str, labels: dict[str, Any]) -> str:
    """Definition list sorted in the page language; the other language's term beside each.

    No per-term anchors or extra markup: the page holds every term and must stay within the
    12 KB budget for a later page (each term costs about 100 compressed bytes).
    """
    other = "en" if lang == "id" else "id"
    rows = []
    for term in sorted(terms, key=lambda t: t.term(lang).casefold()):
        # Terms kept as-is in English have no other-language form worth repeating.
        other_form = "" if term.id == term.en else f" *{labels[other]}: {term.term(other)}*"
        note = labels["kept"] if term.keep and lang != "id" else ""
        rows.append(f"{term.term(lang)}\n:   {term.definition[lang]}{other_form}{note}\n")
    return "\n".join(rows)

