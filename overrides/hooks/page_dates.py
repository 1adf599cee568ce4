"""Page dates from git history, and the site version date.

- Each page's "Terakhir diperbarui" / "Last updated" date comes from
  mkdocs-git-revision-date-localized-plugin (mkdocs.yml), rendered by
  overrides/partials/source-file.html. Before the plugin reads any history, this hook checks
  that the history is there: a shallow clone would date every page with its one commit, and
  a folder outside git has no history at all. Both stop the build with what to do, unless
  ALLOW_BUILD_DATE=true (the plugin's `fallback_to_build_date`) says that a copy may carry
  the build date, as the tests' copies do.
- Every template gets `pena_version` = {"iso": "2026-11-30", "text": "30 November 2026"}: the
  day of the newest content change (pena.revision.site_version_date, the one function every
  version date comes from), in the language being built. The handouts print it in their
  header (overrides/partials/handout-print.html).
- A page holding `<!-- pena:version-date -->` gets the same date written in its language.
"""

from __future__ import annotations

import datetime

from jinja2 import Environment
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.plugins import event_priority
from mkdocs.structure.files import Files
from mkdocs.structure.pages import Page

from pena.content import page_lang
from pena.revision import VERSION_MARKER, build_version_date, format_date

_version: dict[str, datetime.date] = {}


# Before the plugin's own on_config, which reads the history of docs/ straight away.
@event_priority(100)
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _version["date"] = build_version_date(config)
    return config


def version(lang: str) -> dict[str, str]:
    day = _version["date"]
    return {"iso": day.isoformat(), "text": format_date(day, lang)}


def on_env(env: Environment, config: MkDocsConfig, files: Files) -> Environment:
    # static-i18n sets theme.language to the language being built.
    env.globals["pena_version"] = version(config.theme["language"])
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    if VERSION_MARKER not in markdown:
        return markdown
    lang = page_lang(page, config.theme["language"])
    shown = version(lang)
    return markdown.replace(VERSION_MARKER, f'<time datetime="{shown["iso"]}">{shown["text"]}</time>')
