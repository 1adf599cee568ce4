"""Findings: one line each, with a stable rule code and a hint how to fix it."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from pena.content import ContentError, rel

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    path: str  # repository-relative
    line: int | None
    code: str
    message: str
    hint: str = ""
    severity: str = ERROR

    def __str__(self) -> str:
        where = self.path + (f":{self.line}" if self.line else "")
        hint = f" (hint: {self.hint})" if self.hint else ""
        return f"{where}: {self.severity} {self.code} {self.message}{hint}"

    def as_dict(self) -> dict[str, object]:
        return {"path": self.path, "line": self.line, "code": self.code, "message": self.message,
                "hint": self.hint, "severity": self.severity}


def finding(path: Path | str, line: int | None, code: str, message: str, hint: str = "",
            severity: str | None = None) -> Finding:
    """A finding; its severity comes from the rule registry (pena/rules.py) unless given."""
    if severity is None:
        from pena.rules import severity_of  # the registry imports this module

        severity = severity_of(code) or ERROR
    return Finding(rel(path) if isinstance(path, Path) else path, line, code, message, hint, severity)


def from_content_error(error: ContentError, code: str = "FM001") -> Finding:
    return finding(error.path, error.line, code, error.message, error.hint)
