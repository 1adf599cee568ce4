"""The site's version date: shown on handouts, PDF covers and the download page, and in the
"materials updated" notice of the saved copy.

One function, so that the "last updated" work of issue 20 can replace how the date is found
without touching its users. Today: the date of the last git commit that changed the content
(docs/, mkdocs.yml); outside a git checkout (tests build copies of the repository), the newest
modification time of those files, so a build is still deterministic for a given tree.
"""

from __future__ import annotations

import datetime
import functools
import subprocess
from pathlib import Path

from babel.dates import format_date

from pena.content import REPO_ROOT

CONTENT = ("docs", "mkdocs.yml")


@functools.lru_cache(maxsize=8)
def site_version_date(root: Path = REPO_ROOT) -> datetime.date:
    try:
        done = subprocess.run(["git", "log", "-1", "--format=%cs", "--", *CONTENT], cwd=root,
                              capture_output=True, text=True, timeout=20)
        if done.returncode == 0 and done.stdout.strip():
            return datetime.date.fromisoformat(done.stdout.strip())
    except (OSError, subprocess.SubprocessError):
        pass
    newest = max(path.stat().st_mtime for name in CONTENT for path in [root / name, *(root / name).rglob("*")]
                 if path.exists())
    return datetime.datetime.fromtimestamp(newest, tz=datetime.UTC).date()


def format_version_date(date: datetime.date, lang: str) -> str:
    """'14 November 2026' in the page's language (Babel's CLDR month names)."""
    return format_date(date, format="long", locale={"en": "en_GB"}.get(lang, lang))
