"""Report a problem / Laporkan kesalahan, and Edit this page / Ubah halaman ini.

Both point somewhere that only a deployment knows, so both are set like SITE_URL, from the
environment through mkdocs.yml:

- REPORT_WHATSAPP (a number in international form, 6281234567890) and/or REPORT_EMAIL:
  every page gets a plain link (no JavaScript) that opens a message prefilled with the
  page's title, address and language (`pena_report`, rendered by overrides/partials/report.html).
  A bad value stops the build; a release build (RELEASE=true, set by scripts/release.py)
  without a contact stops too, because its readers would have nowhere to report.
- REPO_URL (and EDIT_URI when the host is not GitHub-like): Material's edit action links each
  page to its own source file, the .en.md on English pages. The edit address is made
  absolute and repo_url is then cleared, because Material's header would otherwise fetch
  the repository's star count from the host's API on every page load.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from urllib.parse import quote, urljoin, urlsplit

from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page

log = logging.getLogger("mkdocs.hooks.report")

# A WhatsApp click-to-chat number: country code and number, digits only (E.164: at most 15).
_WHATSAPP = re.compile(r"[1-9][0-9]{7,14}")
# Enough to catch typos (no @, spaces, missing domain); a real check is sending a message.
_EMAIL = re.compile(r"[^@\s<>\"(),;:]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+")


@dataclass(frozen=True)
class Contacts:
    whatsapp: str = ""
    email: str = ""


_contacts: dict[str, Contacts] = {}


def whatsapp_number(value: str) -> str:
    """'+62 812-3456-7890' -> '6281234567890'; anything else is a clear error."""
    digits = re.sub(r"[\s().+-]", "", value)
    if digits.startswith("0"):
        raise PluginError(f"REPORT_WHATSAPP '{value}' starts with 0: write the number in international "
                          "form, the country code instead of the leading 0 (e.g. 6281234567890)")
    if not _WHATSAPP.fullmatch(digits):
        raise PluginError(f"REPORT_WHATSAPP '{value}' is not a WhatsApp number: use the country code and "
                          "the number, digits only, 8 to 15 of them (e.g. 6281234567890)")
    return digits


def email_address(value: str) -> str:
    value = value.strip()
    if value.lower().startswith("mailto:"):
        value = value[len("mailto:"):]
    if not _EMAIL.fullmatch(value):
        raise PluginError(f"REPORT_EMAIL '{value}' is not an email address: write it like "
                          "laporan@example.org (no spaces, no name, no angle brackets)")
    return value


def contacts(config: MkDocsConfig) -> Contacts:
    report = config.extra.get("report") or {}
    whatsapp = str(report.get("whatsapp") or "").strip()
    email = str(report.get("email") or "").strip()
    found = Contacts(whatsapp_number(whatsapp) if whatsapp else "", email_address(email) if email else "")
    if not (found.whatsapp or found.email):
        if str(report.get("required", "")).lower() in ("true", "1", "yes"):
            raise PluginError("this release build has no contact for problem reports: set REPORT_WHATSAPP "
                              "(e.g. 6281234567890) or REPORT_EMAIL (e.g. laporan@example.org) to the "
                              "person or team who fixes the materials, then build again")
        log.info("No REPORT_WHATSAPP or REPORT_EMAIL set: pages have no 'report a problem' link")
    return found


def edit_address(repo_url: str | None, edit_uri: str | None) -> str | None:
    """The absolute address that page source paths are appended to, or None (no edit links)."""
    if repo_url:
        parts = urlsplit(repo_url)
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in repo_url:
            raise PluginError(f"REPO_URL '{repo_url}' is not an absolute http(s) address: set it like "
                              "https://github.com/organisation/materi-pena")
        host = parts.netloc.lower()
        if not edit_uri:
            if host == "github.com" or host.endswith(".github.com"):
                edit_uri = "edit/main/docs/"
            elif host == "gitlab.com" or host.startswith("gitlab."):
                edit_uri = "-/edit/main/docs/"
            else:
                raise PluginError(f"REPO_URL '{repo_url}' is not on GitHub or GitLab: also set EDIT_URI to "
                                  "the editing address of the docs folder, e.g. _edit/main/docs/ "
                                  "(Gitea, Forgejo) or a full https:// address")
        edit_uri = urljoin(repo_url.rstrip("/") + "/", edit_uri)
    elif edit_uri and not urlsplit(edit_uri).scheme:
        raise PluginError(f"EDIT_URI '{edit_uri}' is relative but REPO_URL is not set: set REPO_URL to the "
                          "repository address too, or make EDIT_URI a full https:// address")
    if not edit_uri:
        return None
    if urlsplit(edit_uri).scheme not in ("http", "https"):
        raise PluginError(f"EDIT_URI '{edit_uri}' is not an http(s) address")
    return edit_uri if edit_uri.endswith("/") else edit_uri + "/"


def on_config(config: MkDocsConfig) -> MkDocsConfig:
    _contacts["site"] = contacts(config)
    # static-i18n runs on_config once per language: after the first run repo_url is None and
    # edit_uri already absolute, which edit_address() leaves as it is.
    config.edit_uri = edit_address(config.repo_url, config.edit_uri)
    config.repo_url = None
    return config


def report_links(title: str, url: str, ui: dict[str, str]) -> list[dict[str, str]]:
    """One prefilled link per configured contact: WhatsApp click-to-chat, then email."""
    found = _contacts["site"]
    message = ui["message"].format(title=title, url=url, language=ui["language"])
    links = []
    if found.whatsapp:
        links.append({"channel": "whatsapp", "label": ui["whatsapp"],
                      "href": f"https://wa.me/{found.whatsapp}?text={quote(message, safe='')}"})
    if found.email:
        subject = ui["subject"].format(title=title)
        links.append({"channel": "email", "label": ui["email"],
                      "href": f"mailto:{found.email}?subject={quote(subject, safe='')}&body={quote(message, safe='')}"})
    return links


def on_page_context(context: dict, page: Page, config: MkDocsConfig, nav: Navigation) -> dict:
    ui = config.extra.get("ui", {}).get("report", {})
    url = page.canonical_url or urljoin(config.site_url or "", page.url)
    title = str(page.meta.get("title") or page.title or config.site_name)
    context["pena_report"] = report_links(title, url, ui)
    return context
