"""Pages without the blank lines and indentation that templates leave behind.

Material's templates put every `{% if %}` on its own indented line, so a page is about 15%
whitespace (7,900 characters of a 58,000-character lesson); gzip still spends about 750 bytes
on it, more than the last-updated date, the report link, the edit link and the footer licence
together add to every page. Each run of whitespace that holds a line break becomes one line
break, which renders the same everywhere except where whitespace is shown as written: <pre>,
<textarea>, <script> and <style> are left exactly as they are.

Written by hand for a measured reason: htmlmin (htmlmin2) does this and more but took 30 ms a
page (2.4 s a build on 2 cores); minify-html drops attribute quotes, which the built-site
checks and tests read. This takes under a millisecond a page.
"""

from __future__ import annotations

import re

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.pages import Page

_VERBATIM_OR_BREAK = re.compile(
    r"(<(pre|textarea|script|style)\b.*?</\2\s*>)"  # kept as written
    r"|[ \t]*\n\s*",                                 # whitespace with a line break in it
    re.DOTALL | re.IGNORECASE,
)


def compact(html: str) -> str:
    return _VERBATIM_OR_BREAK.sub(lambda match: match.group(1) or "\n", html)


# Last, after every hook that edits the finished HTML.
@event_priority(-100)
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    return compact(output)
