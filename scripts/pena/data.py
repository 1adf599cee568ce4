"""Data files under docs/_data/: YAML lists validated against a JSON Schema beside them.

One loader for every list of entries (the what's-new list), built on the shared
`pena.content.load_data_file` (which also reads the cast and the glossary): YAML syntax errors
and schema errors become findings with the file, the line of the entry and a hint, never a
traceback. Each caller picks its own rule code.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from jsonschema import FormatChecker

from pena.content import YAML_LOADER, YamlSyntaxError, load_data_file, rel
from pena.findings import Finding, finding


class DataError(Exception):
    """The data file is unusable; `findings` says where and why."""

    def __init__(self, findings: list[Finding]) -> None:
        super().__init__("; ".join(str(f) for f in findings))
        self.findings = findings


@dataclass(frozen=True)
class Entries:
    """The entries of a data file and the 1-based line where each one starts."""

    path: Path
    items: list[Any]
    lines: list[int]


class _TextDates(YAML_LOADER):  # type: ignore[misc, valid-type]
    """Dates stay text (`2024-01-28`), so the schema checks them (format: date) with a line
    number; PyYAML would turn them into dates and crash on an impossible one like 2024-02-30."""


_TextDates.yaml_implicit_resolvers = {
    first: [(tag, pattern) for tag, pattern in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in YAML_LOADER.yaml_implicit_resolvers.items()
}


def load_entries(path: Path, schema_path: Path, code: str,
                 describe: Callable[[Any], str] | None = None) -> Entries:
    """Read a YAML list and validate it; raise DataError with one finding per problem.

    `describe(entry)` names an entry in messages (e.g. its term); the default is its position.
    """
    hint = f"see {rel(schema_path)}"
    try:
        loaded = load_data_file(path, schema_path, loader=_TextDates, format_checker=FormatChecker())
    except (OSError, UnicodeDecodeError) as error:
        raise DataError([finding(path, None, code, f"cannot read the data file: {error}",
                                 "save it as UTF-8 text")]) from None
    except YamlSyntaxError as error:
        raise DataError([finding(path, error.line, code, f"not valid YAML: {error.problem}",
                                 "check indentation and quotes")]) from None
    data, node = loaded.data, loaded.root
    lines = [item.start_mark.line + 1 for item in node.value] if node is not None and node.id == "sequence" else []
    problems = []
    for problem in loaded.problems:
        index = problem.where[0] if problem.where and isinstance(problem.where[0], int) else None
        line = lines[index] if index is not None and index < len(lines) else 1
        field = ".".join(str(p) for p in problem.where[1:])
        name = describe(data[index]) if describe and index is not None and isinstance(data[index], dict) else None
        entry = f"entry {index + 1}" + (f" ({name})" if name else "") if index is not None else "file"
        problems.append(finding(path, line, code, f"{entry}{' ' + field if field else ''}: {problem.message}", hint))
    if problems:
        raise DataError(problems)
    return Entries(path, data, lines)
