"""The termbase: docs/_data/glossary.yml is the one source of the glossary pages, the
abbreviation tooltips, the translator guide's list of kept terms and three checks:

  GL001  a page uses a rival term of its language, wherever it appears
  GL002  the termbase itself is invalid (YAML, JSON Schema, unknown language, duplicates)
  GL003  a page's first use of an Indonesian term that needs a gloss in that language has none

Every text of a term is per language ({id: ..., en: ...}); the default language (the i18n
default of mkdocs.yml) is the source language every other language glosses. Pages are read
through the content model (`Page.structure.prose`): headings, link text, tables and boxes as a
reader sees them, code spans blanked out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pena.content import Languages, Page, Prose, Site, YamlSyntaxError, languages, load_data_file
from pena.findings import ERROR, Finding, finding
from pena.rules import SITE, rule

#: GL001 and GL003 are errors: every English page glosses its kept terms and uses no rival.
SEVERITY = ERROR

GLOSSARY = "_data/glossary.yml"
SCHEMA = "_data/glossary.schema.json"
_QUOTES_OPEN = "\"“'‘"
_QUOTES_CLOSE = "\"”'’"
_LEADING_ARTICLE = re.compile(r"^(?:a|an|the)\s+", re.IGNORECASE)


@dataclass(frozen=True, eq=False)
class Term:
    """One idea: its agreed term in every language, and what goes with it."""

    forms: dict[str, str]
    default: str  # the source language: its form is the term's key
    definition: dict[str, str]
    abbr: dict[str, str]
    rivals: dict[str, tuple[str, ...]]
    glosses: dict[str, tuple[str, ...]]
    others: dict[str, tuple[str, ...]]
    source: str
    line: int

    @property
    def key(self) -> str:
        """The term in the source language, e.g. 'titik impas'."""
        return self.forms[self.default]

    def term(self, lang: str) -> str:
        """The agreed term in a language (the source term when the language has none)."""
        return self.forms.get(lang) or self.key

    def avoid(self, lang: str) -> tuple[str, ...]:
        """Rival terms a page in this language must not use."""
        return self.rivals.get(lang, ())

    def gloss(self, lang: str) -> tuple[str, ...]:
        """Accepted glosses in this language (the first is the one to write); () if none needed."""
        return self.glosses.get(lang, ())

    def also(self, lang: str) -> tuple[str, ...]:
        """Other forms of the term in a language (judol for judi online)."""
        return self.others.get(lang, ())

    def kept(self, lang: str) -> bool:
        """True when the language uses the source-language word itself (KPM, warung)."""
        return lang != self.default and self.term(lang) == self.key

    def sources_forms(self) -> tuple[str, ...]:
        """The source-language forms whose use needs a gloss in other languages."""
        return (self.key, *self.also(self.default))

    def definition_in(self, lang: str) -> str:
        return self.definition.get(lang) or self.definition[self.default]


@dataclass(frozen=True, eq=False)  # hashed by identity: one object per load of the file
class Termbase:
    terms: tuple[Term, ...]
    escape: dict[str, tuple[str, ...]]  # words after which a quoted rival is allowed
    langs: Languages


class GlossaryError(Exception):
    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("; ".join(str(f) for f in findings))
        self.findings = findings


def _per_lang(value: dict[str, Any] | None) -> dict[str, tuple[str, ...]]:
    return {lang: tuple(words) for lang, words in (value or {}).items()}


def _entry_lines(node: yaml.Node | None) -> list[int]:
    """1-based line of every item of `terms:`, for messages."""
    if node is None or node.id != "mapping":
        return []
    for key, value in node.value:
        if key.value == "terms" and value.id == "sequence":
            return [item.start_mark.line + 1 for item in value.value]
    return []


def _problem(path: Path, line: int | None, message: str, hint: str = "see docs/_data/glossary.schema.json") -> Finding:
    return finding(path, line, "GL002", message, hint)


@functools.lru_cache(maxsize=4)
def _load(path: Path, mtime: float, langs: Languages) -> Termbase:
    try:
        loaded = load_data_file(path, path.parent / Path(SCHEMA).name)
    except YamlSyntaxError as error:
        raise GlossaryError([_problem(path, error.line, f"glossary is not valid YAML: {error.problem}",
                                      "check indentation and quotes")]) from None
    data, lines = loaded.data, _entry_lines(loaded.root)
    problems = []
    for problem in loaded.problems:
        parts = list(problem.where)
        index = parts[1] if len(parts) > 1 and parts[0] == "terms" and isinstance(parts[1], int) else None
        line = lines[index] if index is not None and index < len(lines) else 1
        where = ".".join(str(p) for p in parts[2:]) if index is not None else ".".join(str(p) for p in parts)
        problems.append(_problem(path, line, f"glossary {where or 'entry'}: {problem.message}"))
    if problems:
        raise GlossaryError(problems)
    terms = []
    seen: dict[str, int] = {}
    for index, entry in enumerate(data["terms"]):
        line = lines[index]
        unknown = sorted({lang for field in ("term", "definition", "abbr", "avoid", "gloss", "also")
                          for lang in (entry.get(field) or {})} - set(langs.all))
        if unknown:
            problems.append(_problem(path, line, f"term '{entry['term'].get(langs.default)}' uses unknown "
                                     f"language(s) {', '.join(unknown)}",
                                     f"languages come from mkdocs.yml: {', '.join(langs.all)}"))
            continue
        if langs.default not in entry["term"] or langs.default not in entry["definition"]:
            problems.append(_problem(path, line, f"term on line {line} has no '{langs.default}' form or definition",
                                     "the default language is required"))
            continue
        term = Term(forms=dict(entry["term"]), default=langs.default, definition=dict(entry["definition"]),
                    abbr=dict(entry.get("abbr") or {}), rivals=_per_lang(entry.get("avoid")),
                    glosses=_per_lang(entry.get("gloss")), others=_per_lang(entry.get("also")),
                    source=entry.get("source", ""), line=line)
        for form in term.sources_forms():
            if form.lower() in seen:
                first = seen[form.lower()]
                problems.append(_problem(path, line, f"term '{form}' is listed twice (first on line {first})",
                                         "merge the two entries"))
            seen.setdefault(form.lower(), line)
        terms.append(term)
    # A rival must not be another entry's agreed term in the same language: the check would
    # then forbid what the termbase asks for.
    agreed = {(lang, form.lower()): t for t in terms for lang, form in t.forms.items()}
    for term in terms:
        for lang, words in term.rivals.items():
            for word in words:
                other = agreed.get((lang, word.lower()))
                if other is not None:
                    problems.append(_problem(path, term.line, f"'{word}' is a rival of '{term.key}' but the agreed "
                                             f"{lang} term of '{other.key}' (line {other.line})",
                                             "remove it from one of the two entries"))
    # The termbase must not write its own rivals: a gloss or definition holding a rival of its
    # language would teach what GL001 forbids.
    for lang in langs.all:
        matcher = _matcher((rival, t) for t in terms for rival in t.avoid(lang))
        for term in terms:
            texts = [*term.gloss(lang), term.definition.get(lang, "")]
            for text in texts:
                for start, end, rival_of in matcher.finditer(text):
                    problems.append(_problem(path, term.line, f"'{text[start:end]}' in the {lang} gloss or definition "
                                             f"of '{term.key}' is a rival of '{rival_of.key}'",
                                             f"write '{rival_of.term(lang)}' there"))
    if problems:
        raise GlossaryError(problems)
    return Termbase(tuple(terms), _per_lang(data["escape"]), langs)


def load_termbase(docs_dir: Path, langs: Languages | None = None) -> Termbase:
    path = docs_dir / GLOSSARY
    langs = langs or languages(docs_dir.parent / "mkdocs.yml")
    return _load(path, path.stat().st_mtime, langs)


def load_terms(docs_dir: Path, langs: Languages | None = None) -> tuple[Term, ...]:
    return load_termbase(docs_dir, langs).terms


# --------------------------------------------------------------------------------------------
# Finding terms in text
# --------------------------------------------------------------------------------------------


_WORD = re.compile(r"\w+")


class TermMatcher:
    """Finds many terms in a text in one pass over its words, looking each word up in a dict
    (a regular expression with a hundred alternatives was three times slower). Whole words
    only; the longest term wins. A term with a capital letter (KUR, PO, Lebaran) matches only
    as written; a lower-case term (warung, fritters) in any case, e.g. at a sentence start."""

    def __init__(self, forms: dict[str, Term]) -> None:
        # first word (lower case) -> (form, form in lower case, match case?, term), longest first
        self.by_first: dict[str, list[tuple[str, str, bool, Term]]] = {}
        for form, term in forms.items():
            first = _WORD.match(form)
            if first:
                entry = (form, form.lower(), any(c.isupper() for c in form), term)
                self.by_first.setdefault(first.group(0).lower(), []).append(entry)
        for candidates in self.by_first.values():
            candidates.sort(key=lambda item: -len(item[0]))
        self.first_words = {word: re.compile(rf"(?<![\w-]){re.escape(word)}(?!\w)") for word in self.by_first}

    def __bool__(self) -> bool:
        return bool(self.by_first)

    def finditer(self, text: str) -> Iterator[tuple[int, int, Term]]:
        text = text.replace("\n", " ")  # a term may run over a line break; offsets stay the same
        lower = text.lower()
        # One C-speed pass finds which first words occur at all (usually none), then only
        # their places are looked at.
        present = self.by_first.keys() & set(_WORD.findall(lower))
        if not present:
            return
        places = sorted((match.start(), word) for word in present for match in self.first_words[word].finditer(lower))
        position = 0
        for start, word in places:
            if start < position:
                continue
            for form, form_lower, exact, term in self.by_first[word]:
                end = start + len(form)
                same = text[start:end] == form if exact else lower[start:end] == form_lower
                if same and not (end < len(text) and (text[end].isalnum() or text[end] in "-_")):
                    yield start, end, term
                    position = end
                    break


def _matcher(pairs: Iterable[tuple[str, Term]]) -> TermMatcher:
    return TermMatcher(dict(pairs))


def _escaped(text: str, start: int, end: int, escape_words: tuple[str, ...]) -> bool:
    """True when the match is quoted right after an escape word: not "fritters"."""
    if not escape_words or start == 0 or text[start - 1] not in _QUOTES_OPEN:
        return False
    if not re.match(rf"[^{_QUOTES_OPEN}{_QUOTES_CLOSE}\n]{{0,60}}[{_QUOTES_CLOSE}]", text[end:]):
        return False
    before = text[: start - 1].rstrip()
    words = "|".join(re.escape(w) for w in sorted(escape_words, key=len, reverse=True))
    return bool(re.search(rf"(?<![\w-])(?:{words})[,:]?$", before, re.IGNORECASE))


def first_use(term: Term, lang: str) -> str:
    """", glossed at its first use: 'UMK (district/city minimum wage)'" when the term needs it."""
    return f", glossed at its first use: '{term.term(lang)} ({term.gloss(lang)[0]})'" if term.gloss(lang) else ""


def rivals(site: Site, termbase: Termbase) -> list[Finding]:
    """GL001: a rival term anywhere on a page of its language (headings, text, tables, boxes)."""
    found = []
    for lang in site.langs.all:
        matcher = _matcher((rival, term) for term in termbase.terms for rival in term.avoid(lang))
        if not matcher:
            continue
        escape_words = termbase.escape.get(lang, ())
        example = f'{escape_words[0]} "..."' if escape_words else "an escape word"
        for page in site.in_lang(lang):
            for block in page.structure.prose:
                for start, end, term in matcher.finditer(block.text):
                    if _escaped(block.text, start, end, escape_words):
                        continue
                    found.append(finding(
                        page.path, block.line_at(start), "GL001",
                        f"'{block.text[start:end]}' is a rival term for '{term.key}'",
                        f"write '{term.term(lang)}'{first_use(term, lang)} (docs/_data/glossary.yml); "
                        "to quote the rival on purpose, "
                        f"write it in quotation marks after an escape word: {example}"))
    return found


def _gloss_ok(text: str, term: Term, lang: str) -> bool:
    inside = re.match(r"\s*\(([^)]*)\)", text)
    if not inside:
        return False
    said = _LEADING_ARTICLE.sub("", " ".join(inside.group(1).split())).casefold()
    return any(said.startswith(_LEADING_ARTICLE.sub("", gloss).casefold()) for gloss in term.gloss(lang))


_QUOTED = re.compile(r"\"[^\"]{0,400}\"|“[^”]{0,400}”")
_BRACKETS = re.compile(r"\(([^()]*)\)")


def _asides(text: str, matches: list[tuple[int, int, Term]]) -> list[tuple[int, int]]:
    """Spans that are not the page's own use of a term: other people's words in double quotes
    (a quoted Indonesian title), a bracket holding nothing but a term (the reverse gloss
    "social facilitators (pendamping sosial)"), and the bracket right after a term, which is
    that term's gloss or expansion ("TKSK (Tenaga Kesejahteraan Sosial Kecamatan, ...)")."""
    spans = [match.span() for match in _QUOTED.finditer(text)]
    ends = {end for _, end, _ in matches}
    for bracket in _BRACKETS.finditer(text):
        inside = _LEADING_ARTICLE.sub("", bracket.group(1).strip())
        alone = any(start == bracket.start(1) + bracket.group(1).find(inside) and end == bracket.end(1)
                    - (len(bracket.group(1)) - len(bracket.group(1).rstrip())) for start, end, _ in matches)
        follows = len(text[:bracket.start()].rstrip()) in ends
        if alone or follows:
            spans.append(bracket.span())
    return spans


@functools.lru_cache(maxsize=8)
def _gloss_matcher(termbase: Termbase, lang: str) -> tuple[list[tuple[str, Term]], TermMatcher]:
    forms = [(form, term) for term in termbase.terms if term.gloss(lang) for form in term.sources_forms()]
    return forms, _matcher(forms)


def first_uses(page: Page, termbase: Termbase) -> list[tuple[Term, Prose, int, str, bool]]:
    """(term, block, offset, written, glossed) for the first use of every gloss-needing term
    in the running text of a page. Headings, box titles and the asides of `_asides` do not
    count as uses."""
    lang = page.lang
    forms, matcher = _gloss_matcher(termbase, lang)
    if not matcher:
        return []
    seen: set[str] = set()
    uses = []
    for block in page.structure.prose:
        if block.kind in ("heading", "title"):
            continue
        matches = list(matcher.finditer(block.text))
        asides = _asides(block.text, matches)
        for start, end, term in matches:
            if term.key in seen or any(left < start < right for left, right in asides):
                continue
            seen.add(term.key)
            agreed = term.term(lang)
            # "HVS paper (ordinary white printer paper)": the gloss may follow the agreed term
            # of the page's language when it starts here.
            if len(agreed) > end - start and block.text[start:].lower().startswith(agreed.lower()):
                end = start + len(agreed)
            uses.append((term, block, start, block.text[start:end], _gloss_ok(block.text[end:], term, lang)))
            # Terms inside a longer one ("KUR" in "KUR Super Mikro") are explained by its gloss.
            written = block.text[start:end].lower()
            for form, inner in forms if " " in written else ():
                if len(form) < len(written) and re.search(rf"(?<![\w-]){re.escape(form.lower())}(?![\w-])", written):
                    seen.add(inner.key)
    return uses


def missing_glosses(site: Site, termbase: Termbase) -> list[Finding]:
    """GL003: the first use of a term that needs a gloss in this language has none."""
    found = []
    for lang in site.langs.translations:
        for page in site.in_lang(lang):
            for term, block, offset, written, glossed in first_uses(page, termbase):
                if glossed:
                    continue
                found.append(finding(
                    page.path, block.line_at(offset), "GL003",
                    f"first use of '{written}' on this page has no gloss",
                    f"write '{written} ({term.gloss(lang)[0]})' here, the first time the page uses it, "
                    "in the order Indonesian (English) (docs/_data/glossary.yml)"))
    return found


@rule("GL001", SEVERITY, "a page uses a rival term that the termbase says to avoid in its language", scope=SITE)
@rule("GL002", ERROR, "the termbase (docs/_data/glossary.yml) is invalid: YAML, schema, language, duplicate, "
      "a rival that is another term's agreed term", scope=SITE)
@rule("GL003", SEVERITY, "a page's first use of an Indonesian term that needs a gloss in its language has none",
      scope=SITE)
def check_glossary(site: Site) -> list[Finding]:
    try:
        termbase = load_termbase(site.docs_dir, site.langs)
    except GlossaryError as error:
        return error.findings
    return rivals(site, termbase) + missing_glosses(site, termbase)


# --------------------------------------------------------------------------------------------
# Rendering (used by overrides/hooks/glossary.py)
# --------------------------------------------------------------------------------------------


def abbreviations(terms: tuple[Term, ...], lang: str) -> str:
    """Markdown abbreviation definitions for the abbr extension, in one language."""
    lines = []
    for term in terms:
        expansion = term.abbr.get(lang)
        if expansion:
            lines.append(f"*[{term.key}]: {expansion}")
    return "\n".join(lines)


def in_range(word: str, first: str, last: str) -> bool:
    """True when a word's first letter lies in first..last (A-K); a leading digit counts as A."""
    letter = next((c for c in word.casefold() if c.isalnum()), "a")
    letter = "a" if letter.isdigit() else letter
    return first.casefold() <= letter <= last.casefold()


def glossary_markdown(terms: tuple[Term, ...], lang: str, labels: dict[str, Any], langs: Iterable[str]) -> str:
    """Definition list sorted in the page language; the other languages' terms beside each.

    No per-term anchors or extra markup: the page holds every term and must stay light.
    """
    others = [other for other in langs if other != lang]
    rows = []
    for term in sorted(terms, key=lambda t: t.term(lang).casefold()):
        # Terms kept as they are in another language are not repeated.
        other_forms = "".join(f" *{labels[other]}: {term.term(other)}*" for other in others
                              if term.term(other) != term.term(lang))
        note = labels["kept"] if term.kept(lang) else ""
        also = f" ({', '.join(term.also(lang))})" if term.also(lang) else ""
        rows.append(f"{term.term(lang)}{also}\n:   {term.definition_in(lang)}{other_forms}{note}\n")
    return "\n".join(rows)


def kept_terms_markdown(termbase: Termbase, lang: str, labels: dict[str, str]) -> str:
    """The translator guide's list of every term that needs a gloss, written exactly as the
    first use on a page must read, generated from the termbase (never typed). A plain list, not
    a table: the guide must stay within the later-page weight budget.

    On a page in the default language the list shows the first other language's glosses."""
    if lang == termbase.langs.default and termbase.langs.translations:
        lang = termbase.langs.translations[0]
    rows = []
    for term in sorted((t for t in termbase.terms if t.gloss(lang)), key=lambda t: t.key.casefold()):
        # "HVS paper (ordinary white printer paper)": write the agreed term when it holds the
        # Indonesian word, otherwise the Indonesian word itself.
        agreed = term.term(lang)
        holds = any(re.search(rf"(?<![\w-]){re.escape(form)}(?![\w-])", agreed) for form in term.sources_forms())
        head = agreed if holds else term.key
        others = term.also(termbase.langs.default)
        extra = f"; {labels.get('also', 'also')} {', '.join(others)}" if others else ""
        rows.append(f"- {head} ({term.gloss(lang)[0]}){extra}")
    return "\n".join(rows) + "\n"
