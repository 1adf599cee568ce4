"""The start tags of an HTML document with their attributes, in document order.

A small reader on the standard library's HTMLParser for tests and measures that ask "which
tags and attributes does this page have" (the built-site link check reads pages with lxml,
which also gives line numbers and ids).
"""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

Tag = tuple[str, dict[str, str]]


class Tags(HTMLParser):
    """Every start tag with its attributes (a valueless attribute reads as "")."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[Tag] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, {k: v or "" for k, v in attrs}))


def start_tags(html: str) -> list[Tag]:
    parser = Tags()
    parser.feed(html)
    return parser.tags


def tags(path: Path) -> list[Tag]:
    """The start tags of an HTML file."""
    return start_tags(path.read_text("utf-8"))
