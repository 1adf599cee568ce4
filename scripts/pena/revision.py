"""When the content changed, from git history.

Each page's "Terakhir diperbarui 12 November 2026" / "Last updated 12 November 2026" comes
from mkdocs-git-revision-date-localized-plugin (configured in mkdocs.yml). This module holds
what the plugin does not:

- whether the history is there at all: a shallow clone dates every page with the date of its
  one commit, and a copy outside git (the tests' copies) has no dates; overrides/hooks/
  page_dates.py turns both into a clear message instead of wrong dates;
- the site version date: the day of the newest content change, printed on the what-is-new
  page, the offline edition's download page, the handouts, the PDFs and the saved copy's
  "updated" notice (`site_version_date()`: the one function all of them use);
- the one date format of both languages ("12 November 2026", day first, as in Indonesian and
  British English), the same pattern the plugin is given in mkdocs.yml.
"""

from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path
from zoneinfo import ZoneInfo

from babel.dates import format_date as babel_format_date
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError

from pena.content import REPO_ROOT

#: The readers' time zone (WIB); mkdocs.yml gives the plugin the same one.
TIMEZONE = ZoneInfo("Asia/Jakarta")
#: CLDR pattern of "12 November 2026"; mkdocs.yml gives the plugin its strftime twin "%-d %B %Y".
DATE_PATTERN = "d MMMM y"
#: What counts as content: the docs, except styles and scripts (they change how pages look,
#: not what they say).
CONTENT_PATHSPEC = (".", ":(exclude)assets")

#: Written into a page's Markdown (by hand or by a hook that runs before page_dates.py), it
#: becomes the version date in the page's language.
VERSION_MARKER = "<!-- pena:version-date -->"
#: The plugin whose `fallback_to_build_date` (ALLOW_BUILD_DATE) lets copies outside git build.
PLUGIN = "git-revision-date-localized"

FULL = "full"
SHALLOW = "shallow"
NO_HISTORY = "none"


class HistoryError(Exception):
    """The git history needed for correct dates is missing."""


def today() -> datetime.date:
    return datetime.datetime.now(TIMEZONE).date()


def format_date(value: datetime.date, lang: str) -> str:
    """'12 November 2026' in Indonesian, English and any other locale Babel knows."""
    return babel_format_date(value, DATE_PATTERN, locale=lang)


def _git(folder: Path, *args: str) -> subprocess.CompletedProcess[str] | None:
    try:
        return subprocess.run(["git", "-C", str(folder), *args], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired):  # no git installed, or a hung repository
        return None


def history(folder: Path) -> str:
    """FULL, SHALLOW or NO_HISTORY for the repository holding `folder`."""
    done = _git(folder, "rev-parse", "--is-shallow-repository")
    if done is None or done.returncode != 0:
        return NO_HISTORY
    return SHALLOW if done.stdout.strip() == "true" else FULL


def require_history(docs_dir: Path, allow_build_date: bool) -> str:
    """The history state, or HistoryError with what to do when dates would be wrong."""
    state = history(docs_dir)
    if state == SHALLOW:
        raise HistoryError(
            f"{docs_dir} is in a shallow git clone, so every page would be dated with the clone's "
            "newest commit. Fetch the whole history first: git fetch --unshallow "
            "(or clone without --depth; .ci/run does this by itself)")
    if state == NO_HISTORY and not allow_build_date:
        raise HistoryError(
            f"{docs_dir} is not in a git repository (or git is not installed), so pages cannot be "
            "dated from their history. Build from a git clone, or set ALLOW_BUILD_DATE=true to date "
            "every page with the build date (copies made by tests and previews)")
    return state


def _newest_commit_day(folder: Path, *log_args: str) -> datetime.date | None:
    """Author date (the date the plugin reads too) of the newest commit `git log` selects."""
    done = _git(folder, "log", "-1", "--format=%at", *log_args)
    if done is None or done.returncode != 0 or not done.stdout.strip():
        return None
    return datetime.datetime.fromtimestamp(int(done.stdout.strip()), TIMEZONE).date()


def page_changed(source: Path) -> datetime.date:
    """The day a page's own source file last changed, as the plugin computes it (renames
    followed, pure renames not counted); today for a file not committed yet."""
    return _newest_commit_day(source.parent, "--follow", "--diff-filter=r", "--", source.name) or today()


def site_version_date(docs_dir: Path = REPO_ROOT / "docs", allow_build_date: bool = False) -> datetime.date:
    """The day of the newest content change: the version date of the site, the offline
    edition and the PDFs. Raises HistoryError where the history is missing or shallow."""
    if require_history(docs_dir, allow_build_date) == NO_HISTORY:
        return today()
    # Nothing committed yet (a brand-new repository): the content is new today.
    return _newest_commit_day(docs_dir, "--", *CONTENT_PATHSPEC) or today()


def build_date_allowed(config: MkDocsConfig) -> bool:
    """Whether this build may date pages with the build date (ALLOW_BUILD_DATE, through the
    plugin's `fallback_to_build_date`)."""
    plugin = config.plugins.get(PLUGIN)
    if plugin is None:
        raise PluginError(f"the '{PLUGIN}' plugin is not configured: list it in mkdocs.yml after i18n "
                          "(pip install -r requirements.txt installs it)")
    return bool(plugin.config.get("fallback_to_build_date"))


def build_version_date(config: MkDocsConfig) -> datetime.date:
    """site_version_date() for a MkDocs build (the hooks): missing history is a PluginError
    with what to do, never a traceback."""
    try:
        return site_version_date(Path(config.docs_dir), build_date_allowed(config))
    except HistoryError as error:
        raise PluginError(str(error)) from None


def env_allows_build_date() -> bool:
    """ALLOW_BUILD_DATE as the builds read it (`!ENV` in mkdocs.yml), for scripts that work on
    a built site outside MkDocs (the PDFs)."""
    return os.environ.get("ALLOW_BUILD_DATE", "").strip().lower() in {"true", "yes", "on", "1"}
