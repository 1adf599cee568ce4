"""The one registry of quality-gate rules: code, severity, summary and the function that checks it.

`scripts/check.py` runs every registered check; the rule tables in README.md and
CONTRIBUTING.md are generated from this registry (`python -m pena.rules --write`) and a test
fails when they drift.

How to add a rule
-----------------
1. Write a check function in the module of its concern and register each code it reports:

       from pena.findings import ERROR, finding
       from pena.rules import PAGE, rule

       @rule("XX000", ERROR, "a lesson has no worked example", scope=PAGE)
       def check_example(page: Page) -> list[Finding]:
           ...
           return [finding(page.path, line, "XX000", "what is wrong", "how to fix it")]

   Scopes say what the function is given: PAGE, one `content.Page` at a time (every page of
   every language); SITE, the whole `content.Site` (pages, languages, `site.mkdocs_yml`);
   BUILT, the Site and the folder of a built site (runs only with `check.py --site`);
   EXTERNAL, the same, but only for `check.py --external-only` (needs the internet). A
   function that reports several codes carries one `@rule` line per code. `finding()` takes
   its severity from the registry, so a code is an error or a warning in one place only.
2. A new module of checks goes into CHECK_MODULES below, so that importing the registry
   imports its rules.
3. Plant the defect in a test (tests/test_checks.py has helpers) and see it caught; a test fails
   for a registered code that no test mentions.
4. Run `python -m pena.rules --write` to regenerate the tables in README.md and CONTRIBUTING.md.
"""

from __future__ import annotations

import argparse
import importlib
import re
import sys
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

from pena.content import REPO_ROOT, Site
from pena.findings import ERROR, WARNING, Finding

PAGE = "page"
SITE = "site"
BUILT = "built"
EXTERNAL = "external"  # needs the internet: only `check.py --external-only`
SCOPES = (PAGE, SITE, BUILT, EXTERNAL)

#: Modules whose import registers rules. Add yours here.
CHECK_MODULES = (
    "pena.cast",
    "pena.checks",
    "pena.glossary",
    "pena.sitelinks",
    "pena.toolforms",
    "pena.pageweight",
    "pena.whatsnew",
)

_CODE = re.compile(r"^[A-Z]{2}\d{3}$")


@dataclass(frozen=True)
class Rule:
    code: str
    severity: str
    summary: str
    function: Callable[..., Iterable[Finding]]
    scope: str


_RULES: dict[str, Rule] = {}


def rule(code: str, severity: str, summary: str, scope: str = PAGE) -> Callable[[Callable], Callable]:
    """Register `code` as checked by the decorated function (see the module docstring)."""
    if not _CODE.match(code):
        raise ValueError(f"rule code '{code}' must be two capitals and three digits, like PG001")
    if severity not in (ERROR, WARNING):
        raise ValueError(f"rule {code}: severity must be '{ERROR}' or '{WARNING}'")
    if scope not in SCOPES:
        raise ValueError(f"rule {code}: scope must be one of {', '.join(SCOPES)}")

    def register(function: Callable) -> Callable:
        known = _RULES.get(code)
        same_function = known is not None and known.function.__qualname__ == function.__qualname__
        if known is not None and not same_function:
            raise ValueError(f"rule {code} is registered twice: {known.function.__qualname__} "
                             f"and {function.__qualname__}")
        _RULES[code] = Rule(code, severity, summary, function, scope)
        return function

    return register


def load() -> dict[str, Rule]:
    """Every registered rule by code (importing the check modules registers them)."""
    for module in CHECK_MODULES:
        importlib.import_module(module)
    return dict(sorted(_RULES.items()))


def severity_of(code: str) -> str | None:
    found = _RULES.get(code)
    return found.severity if found else None


def checks(scope: str) -> list[Callable[..., Iterable[Finding]]]:
    """The distinct check functions of a scope, in code order."""
    functions: list[Callable[..., Iterable[Finding]]] = []
    for item in load().values():
        if item.scope == scope and item.function not in functions:
            functions.append(item.function)
    return functions


def run(site: Site, built: Path | None = None, scopes: Iterable[str] = (SITE, PAGE, BUILT),
        timings: dict[str, float] | None = None) -> list[Finding]:
    """Run the checks of the given scopes; BUILT and EXTERNAL ones only when `built` is given.
    `timings`, when given, receives the CPU seconds each check function took (on a busy shared
    machine the clock says more about the neighbours than about the check)."""
    found: list[Finding] = []
    for scope in scopes:
        if scope in (BUILT, EXTERNAL) and built is None:
            continue
        for function in checks(scope):
            started = time.process_time()
            if scope == PAGE:
                for page in site.pages.values():
                    found += function(page)
            elif scope == SITE:
                found += function(site)
            else:
                found += function(site, built)
            if timings is not None:
                name = f"{function.__module__}.{function.__name__}"
                timings[name] = timings.get(name, 0.0) + time.process_time() - started
    return found


# --------------------------------------------------------------------------------------------
# The rule tables of README.md and CONTRIBUTING.md
# --------------------------------------------------------------------------------------------

TABLE_START = "<!-- rules:start (generated by `python -m pena.rules --write`; do not edit) -->"
TABLE_END = "<!-- rules:end -->"
DOCUMENTS = ("README.md", "CONTRIBUTING.md")


def table() -> str:
    lines = ["| code | severity | checked on | rule |", "| --- | --- | --- | --- |"]
    where = {PAGE: "each page", SITE: "sources", BUILT: "built site", EXTERNAL: "`make check-external`"}
    for item in load().values():
        lines.append(f"| {item.code} | {item.severity} | {where[item.scope]} | {item.summary} |")
    return "\n".join(lines)


def with_table(text: str) -> str:
    """`text` with the block between the markers replaced by the current table."""
    start, end = text.find(TABLE_START), text.find(TABLE_END)
    if start < 0 or end < start:
        raise ValueError(f"the rule table markers are missing: add lines '{TABLE_START}' and '{TABLE_END}'")
    return text[: start + len(TABLE_START)] + "\n" + table() + "\n" + text[end:]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m pena.rules", description="Print or write the rule table.")
    parser.add_argument("--write", action="store_true", help="update the tables in README.md and CONTRIBUTING.md")
    parser.add_argument("--root", type=Path, default=REPO_ROOT)
    args = parser.parse_args(argv)
    if not args.write:
        print(table())
        return 0
    for name in DOCUMENTS:
        path = args.root / name
        text = path.read_text("utf-8")
        updated = with_table(text)
        if updated != text:
            path.write_text(updated, "utf-8")
            print(f"updated the rule table in {name}")
    return 0


if __name__ == "__main__":
    # Run as `python -m pena.rules`, this file is `__main__`; the check modules register their
    # rules in `pena.rules`, so use that module's functions.
    from pena import rules as registry
    from pena.cli import run as run_cli

    run_cli(lambda: registry.main(sys.argv[1:]), {ValueError: 2, OSError: 2})
