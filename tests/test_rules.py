"""The rule registry: every code has a planted-defect test, every code a check can report is
registered, and the tables in README.md and CONTRIBUTING.md are the registry's."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pena import rules
from pena.findings import ERROR, finding
from pena.testing import REPO

CODE = re.compile(r"""["']([A-Z]{2}\d{3})["']""")
TESTS = Path(__file__).parent


def codes_in(paths: list[Path]) -> set[str]:
    return {code for path in paths for code in CODE.findall(path.read_text("utf-8"))}


def test_every_registered_rule_has_a_planted_defect_test() -> None:
    mentioned = codes_in([p for p in TESTS.glob("test_*.py") if p.name != Path(__file__).name])
    untested = sorted(set(rules.load()) - mentioned)
    assert not untested, f"no test names these rules; plant each defect in a test: {untested}"


def test_every_code_in_the_checks_is_registered() -> None:
    sources = sorted((REPO / "scripts" / "pena").glob("*.py")) + sorted((REPO / "overrides" / "hooks").glob("*.py"))
    unregistered = sorted(codes_in(sources) - set(rules.load()) - {"XX000"})
    assert not unregistered, f"codes used but not registered with @rule: {unregistered}"


@pytest.mark.parametrize("name", rules.DOCUMENTS)
def test_rule_tables_are_generated_from_the_registry(name: str) -> None:
    text = (REPO / name).read_text("utf-8")
    assert rules.with_table(text) == text, f"{name}: rule table out of date: run `python -m pena.rules --write`"
    for code in rules.load():
        assert f"| {code} |" in text


def test_severity_comes_from_the_registry() -> None:
    rules.load()
    assert finding("docs/x.md", 1, "TR001", "m").severity == rules.severity_of("TR001") == "warning"
    assert finding("docs/x.md", 1, "PG001", "m").severity == ERROR


def test_registering_a_code_twice_or_a_bad_code_fails() -> None:
    with pytest.raises(ValueError, match="registered twice"):
        rules.rule("PG001", ERROR, "again")(lambda page: [])
    with pytest.raises(ValueError, match="two capitals"):
        rules.rule("P1", ERROR, "bad")
    with pytest.raises(ValueError, match="markers are missing"):
        rules.with_table("no markers here")
