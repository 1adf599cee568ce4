"""The cast: docs/_data/cast.yml holds every recurring family (business, products, prices,
costs, household) so that every page tells the same story with the same numbers.

  CS001  a sentence about a family member gives a guarded fact (price, pack size, HPP...) with
         a number other than the cast file's
  CS002  the cast file is invalid: YAML, JSON Schema, a name used twice, or numbers that do not
         add up (batch costs vs total, hpp vs total ÷ units, plan pockets vs income)

The page rule is simple on purpose (issue 15): a sentence is about a member when it names
them, when an earlier sentence of the same paragraph names them, or when it sits in an example
box whose title names them. For each guarded fact of that member whose keyword occurs in the
sentence, the number of the fact's unit nearest to the keyword must be one of the fact's
values. "The number of the unit nearest to the keyword" is the number standing right after the
keyword (followed through any arithmetic to its result: "HPP = Rp206.000 ÷ 100 = Rp2.060"), or
right before it ("Rp3.500 ke warung", "40 g"), with no other digits in between. Sentences come
from the content model (`Page.structure.prose`).
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from pena.content import Languages, Page, Site, YamlSyntaxError, languages, load_data_file, node_at
from pena.findings import ERROR, Finding, finding
from pena.rules import PAGE, SITE, rule

#: CS001 is an error: every page agrees with the cast file.
SEVERITY = ERROR

CAST = "_data/cast.yml"
SCHEMA = "_data/cast.schema.json"


@dataclass(frozen=True)
class Fact:
    name: str
    unit: str
    values: tuple[float, ...]
    keywords: dict[str, tuple[str, ...]]
    window: int  # how far after a keyword its number may stand (characters)


@dataclass(frozen=True)
class Member:
    key: str
    names: tuple[str, ...]
    facts: tuple[Fact, ...]
    data: dict[str, Any]  # the whole entry, for pages and tools that need more than the facts


@dataclass(frozen=True)
class NumberFormat:
    thousands: str
    decimal: str
    scale: dict[str, int]


@dataclass(frozen=True, eq=False)  # hashed by identity: one object per load of the file
class Cast:
    members: tuple[Member, ...]
    formats: dict[str, NumberFormat]
    units: dict[str, dict[str, Any]]
    conventions: dict[str, Any]

    def member(self, name_or_key: str) -> Member:
        for member in self.members:
            if name_or_key == member.key or name_or_key in member.names:
                return member
        raise KeyError(name_or_key)


class CastError(Exception):
    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("; ".join(str(f) for f in findings))
        self.findings = findings


# --------------------------------------------------------------------------------------------
# Loading and CS002
# --------------------------------------------------------------------------------------------


def _line(root: yaml.Node, path: list[Any]) -> int:
    return node_at(root, path).start_mark.line + 1


def _plain(value: float) -> str:
    return f"{value:.0f}" if value == int(value) else f"{value}"


def _sums(data: Any, path: list[Any], pockets: list[str]) -> Iterator[tuple[list[Any], str]]:
    """(path, problem) for every block of numbers that does not add up."""
    if isinstance(data, list):
        for index, item in enumerate(data):
            yield from _sums(item, [*path, index], pockets)
        return
    if not isinstance(data, dict):
        return
    costs, total = data.get("costs"), data.get("total")
    if isinstance(costs, dict) and isinstance(total, (int, float)):
        added = sum(v for v in costs.values() if isinstance(v, (int, float)))
        if added != total:
            yield [*path, "total"], f"costs add up to {_plain(added)}, not the total {_plain(total)}"
    units, hpp = data.get("units"), data.get("hpp")
    numeric = all(isinstance(v, (int, float)) for v in (units, total, hpp))
    if numeric and units and abs(total / units - hpp) >= 0.5:
        yield [*path, "hpp"], (f"hpp {_plain(hpp)} is not total ÷ units = "
                               f"{_plain(total)} ÷ {_plain(units)} = {_plain(total / units)}")
    plan, income = data.get("pockets"), data.get("income")
    if isinstance(plan, dict) and isinstance(income, (int, float)):
        added = sum(v for v in plan.values() if isinstance(v, (int, float)))
        if added != income:
            yield [*path, "income"], f"pockets add up to {_plain(added)}, not the income {_plain(income)}"
        if pockets and list(plan) != pockets:
            yield [*path, "pockets"], (f"pockets are {', '.join(plan)}; the plan has the pockets of "
                                       f"conventions.pockets, in order: {', '.join(pockets)}")
    for key, value in data.items():
        yield from _sums(value, [*path, key], pockets)


def _problem(path: Path, line: int | None, message: str, hint: str) -> Finding:
    return finding(path, line, "CS002", message, hint)


def _as_values(value: Any) -> tuple[float, ...]:
    return tuple(value) if isinstance(value, list) else (value,)


@functools.lru_cache(maxsize=4)
def _load(path: Path, mtime: float, langs: Languages) -> Cast:
    try:
        loaded = load_data_file(path, path.parent / Path(SCHEMA).name)
    except YamlSyntaxError as error:
        raise CastError([_problem(path, error.line, f"cast file is not valid YAML: {error.problem}",
                                  "check indentation, and quote texts that contain commas or colons")]) from None
    data, root = loaded.data, loaded.root
    problems = [
        _problem(path, problem.line, f"cast {'.'.join(str(p) for p in problem.where) or 'file'}: {problem.message}",
                 "see docs/_data/cast.schema.json")
        for problem in loaded.problems
    ]
    if problems:
        raise CastError(problems)
    pockets = [pocket["key"] for pocket in data["conventions"]["pockets"]]
    for where, message in _sums(data["families"], ["families"], pockets):
        problems.append(_problem(path, _line(root, where), f"{'.'.join(map(str, where))}: {message}",
                                 "correct the numbers (and the arithmetic comment beside them)"))
    seen: dict[str, int] = {}
    members = []
    for index, entry in enumerate(data["families"]):
        line = _line(root, ["families", index])
        for name in entry["names"]:
            if name in seen:
                problems.append(_problem(path, line, f"'{name}' names two families (also on line {seen[name]})",
                                         "give the second person another name"))
            seen.setdefault(name, line)
        facts = []
        for number, fact in enumerate(entry.get("facts", [])):
            if fact["unit"] not in data["units"]:
                problems.append(_problem(path, _line(root, ["families", index, "facts", number]),
                                         f"fact '{fact['name']}' has unknown unit '{fact['unit']}'",
                                         f"use one of: {', '.join(data['units'])}"))
            unknown = sorted(set(fact["keywords"]) - set(langs.all))
            if unknown:
                problems.append(_problem(path, _line(root, ["families", index, "facts", number]),
                                         f"fact '{fact['name']}' has keywords in unknown language(s) "
                                         f"{', '.join(unknown)}",
                                         f"languages come from mkdocs.yml: {', '.join(langs.all)}"))
            facts.append(Fact(fact["name"], fact["unit"], _as_values(fact["value"]),
                              {lang: tuple(words) for lang, words in fact["keywords"].items()},
                              fact.get("window", NEAR_AFTER)))
        members.append(Member(entry["key"], tuple(entry["names"]), tuple(facts), entry))
    if problems:
        raise CastError(problems)
    formats = {lang: NumberFormat(spec["thousands"], spec["decimal"], dict(spec.get("scale", {})))
               for lang, spec in data["numbers"].items()}
    return Cast(tuple(members), formats, data["units"], data["conventions"])


def load_cast(docs_dir: Path, langs: Languages | None = None) -> Cast:
    path = docs_dir / CAST
    langs = langs or languages(docs_dir.parent / "mkdocs.yml")
    return _load(path, path.stat().st_mtime, langs)


@rule("CS002", ERROR, "the cast file (docs/_data/cast.yml) is invalid: YAML, schema, a name used twice, "
      "numbers that do not add up", scope=SITE)
def check_cast_file(site: Site) -> list[Finding]:
    if not (site.docs_dir / CAST).is_file():
        return []
    try:
        load_cast(site.docs_dir, site.langs)
    except CastError as error:
        return error.findings
    return []


# --------------------------------------------------------------------------------------------
# Numbers on pages and CS001
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Number:
    value: float
    unit: str
    start: int
    end: int


@functools.lru_cache(maxsize=16)
def _number_patterns(cast: Cast, lang: str) -> tuple[tuple[str, re.Pattern[str]], ...]:
    fmt = cast.formats.get(lang) or next(iter(cast.formats.values()))
    digits = rf"\d{{1,3}}(?:{re.escape(fmt.thousands)}\d{{3}})+|\d+"
    decimal = rf"(?:{re.escape(fmt.decimal)}\d+)?"
    scale = "|".join(sorted(map(re.escape, fmt.scale), key=len, reverse=True))
    scaled = rf"(?:\s?(?P<scale>{scale})(?!\w))?" if scale else ""
    patterns = []
    for unit, spec in cast.units.items():
        for prefix in spec.get("prefix", []):
            patterns.append((unit, re.compile(rf"(?<!\w){re.escape(prefix)}\s?(?P<n>(?:{digits}){decimal}){scaled}")))
        suffixes = (spec.get("suffix") or {}).get(lang, ())
        if suffixes:
            words = "|".join(sorted(map(re.escape, suffixes), key=len, reverse=True))
            patterns.append((unit, re.compile(rf"(?<![\w.,])(?P<n>(?:{digits}){decimal})\s?(?:{words})(?!\w)")))
    return tuple(patterns)


def numbers(text: str, cast: Cast, lang: str) -> list[Number]:
    """Every number with a unit in a text, read in the page language's number format."""
    fmt = cast.formats.get(lang) or next(iter(cast.formats.values()))
    found = []
    for unit, pattern in _number_patterns(cast, lang):
        for match in pattern.finditer(text):
            raw = match.group("n").replace(fmt.thousands, "").replace(fmt.decimal, ".")
            value = float(raw) * fmt.scale.get((match.groupdict().get("scale") or "").lower(), 1)
            found.append(Number(value, unit, match.start(), match.end()))
    return found


def _spans(text: str, words: tuple[str, ...]) -> list[tuple[int, int]]:
    lowered = text.lower()
    spans = []
    for word in words:
        for match in re.finditer(rf"(?<![\w-]){re.escape(word.lower())}(?![\w-])", lowered):
            spans.append(match.span())
    return spans


_OPERATOR = re.compile(r"\s*[×x÷:+−\-/]\s*(?:Rp\s?)?\d")
_EQUALS = re.compile(r"\s*=\s*")
_DIGITS = re.compile(r"[\d.,]+")
NEAR_AFTER = 24  # default: characters without a digit between a keyword and the number it introduces
_NEAR_BEFORE = 12  # ... between a number and the keyword that follows it ("Rp3.500 ke warung")


def _chain(number: Number, text: str, found: list[Number]) -> list[Number]:
    """A number and the numbers of its arithmetic: "Rp206.000 ÷ 100 = Rp2.060" gives both
    rupiah amounts (operands without a unit, such as 100, are skipped)."""
    chain = [number]
    position = number.end
    while True:
        operator = _OPERATOR.match(text, position) or _EQUALS.match(text, position)
        if not operator:
            return chain
        following = next((n for n in found if operator.end() <= n.start <= operator.end() + 3), None)
        digits = _DIGITS.match(text, operator.end() + (3 if text.startswith("Rp", operator.end()) else 0))
        if following is not None:
            chain.append(following)
            position = following.end
        elif digits and operator.group(0).strip() != "=":
            position = digits.end()
        else:
            return chain


def _stated(span: tuple[int, int], text: str, candidates: list[Number], window: int) -> Number | None:
    """The number a keyword states: the closer of the number right after it (within `window`
    characters) and the number right before it, with no digit (and no clause punctuation) in
    between; None when no number of the unit stands next to the keyword."""
    for number in candidates:
        if number.start <= span[0] and span[1] <= number.end:  # the keyword is the unit: "40 g"
            return number
    after = [n for n in candidates if n.start >= span[1] and n.start - span[1] <= window
             and not re.search(r"[\d,;.]", text[span[1]:n.start])]
    before = [n for n in candidates if n.end <= span[0] and span[0] - n.end <= _NEAR_BEFORE
              and not re.search(r"[\d,;.:=]", text[n.end:span[0]])]
    first_after = min(after, key=lambda n: n.start) if after else None
    last_before = max(before, key=lambda n: n.end) if before else None
    if first_after and (last_before is None or first_after.start - span[1] <= span[0] - last_before.end):
        return first_after
    return last_before


@functools.lru_cache(maxsize=4)
def _names(cast: Cast) -> tuple[re.Pattern[str], dict[str, Member]]:
    """One pattern for every name of the cast (a sentence is scanned once), and who each is."""
    by_name = {name: member for member in cast.members for name in member.names}
    ordered = sorted(by_name, key=len, reverse=True)
    return re.compile(r"(?<!\w)(" + "|".join(map(re.escape, ordered)) + r")(?!\w)"), by_name


def _named(text: str, cast: Cast) -> list[Member]:
    pattern, by_name = _names(cast)
    named: list[Member] = []
    for match in pattern.finditer(text):
        member = by_name[match.group(1)]
        if member not in named:
            named.append(member)
    return named


def _money(value: float, unit: str, cast: Cast, lang: str) -> str:
    fmt = cast.formats.get(lang) or next(iter(cast.formats.values()))
    whole = f"{value:,.0f}" if value == math.floor(value) else f"{value:,.2f}".rstrip("0")
    whole = whole.replace(",", "\0").replace(".", fmt.decimal).replace("\0", fmt.thousands)
    spec = cast.units.get(unit, {})
    if spec.get("prefix"):
        return f"{spec['prefix'][0]}{whole}"
    suffix = (spec.get("suffix") or {}).get(lang) or [unit]
    return f"{whole} {suffix[0]}"


def sentences_about(page: Page, cast: Cast) -> Iterator[tuple[int, str, list[Member]]]:
    """(line, sentence, members it is about) for every sentence of a page (see module doc)."""
    pattern = _names(cast)[0]
    for block in page.structure.prose:
        # A table row lists several items; only paragraphs and list items borrow the box's person.
        in_box = _named(block.box, cast) if block.box and block.kind == "text" else []
        if not in_box and not pattern.search(block.text):
            continue  # nobody of the cast in this block
        earlier: list[Member] = []
        for line, sentence in block.sentences():
            sentence = sentence.replace("\n", " ")  # a keyword may run over a line break
            named = _named(sentence, cast)
            if named:
                earlier = named
            yield line, sentence, named or earlier or (in_box if len(in_box) == 1 else [])


@rule("CS001", SEVERITY, "a sentence about a cast member gives a guarded fact (price, pack size, HPP...) "
      "with a number other than docs/_data/cast.yml", scope=PAGE)
def check_cast_facts(page: Page) -> list[Finding]:
    try:
        cast = load_cast(page.docs_dir)
    except (CastError, FileNotFoundError):
        return []  # CS002 reports the file once
    found = []
    for line, sentence, members in sentences_about(page, cast):
        if not members:
            continue
        found_numbers = numbers(sentence, cast, page.lang)
        if not found_numbers:
            continue
        for member in members:
            for fact in member.facts:
                candidates = [n for n in found_numbers if n.unit == fact.unit]
                if not candidates:
                    continue
                for span in _spans(sentence, fact.keywords.get(page.lang, ())):
                    stated = _stated(span, sentence, candidates, fact.window)
                    if stated is None:
                        continue
                    # "biaya per bungkus Rp206.000 : 100 = Rp2.060": the fact may be any number
                    # of the arithmetic that starts at the stated number.
                    chain = [n for n in _chain(stated, sentence, found_numbers) if n.unit == fact.unit]
                    if any(abs(n.value - value) < 1e-6 for n in chain for value in fact.values):
                        continue
                    expected = " or ".join(_money(v, fact.unit, cast, page.lang) for v in fact.values)
                    found.append(finding(
                        page.path, line, "CS001",
                        f"{member.names[0]}'s {fact.name} is {expected} in the cast file, "
                        f"but this sentence gives {sentence[stated.start:chain[-1].end]}",
                        "use the cast file's number (docs/_data/cast.yml); if the number belongs to someone "
                        "else, give it its own sentence; if the story needs a new number, add it to the cast "
                        "file first"))
                    break
    return found
