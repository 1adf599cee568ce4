"""Links, anchors, images and assets of the built site.

Every `href` and `src` of every built page (Markdown, raw HTML, and the theme's header, nav,
switcher and footer alike, in both languages) must resolve to a file of the site, and every
`#fragment` to an id in the target page. Findings name the Markdown source of the page that
holds the broken link.

Why not only a crawler: linkinator (npm) checks the same things but took 1.7-2.3 s on this
site because it serves and fetches every page over HTTP; mkdocs-htmlproofer-plugin reports
false 404s for pages of the other language (it cannot see static-i18n's second build) and
tripled the build time; linkchecker cannot check anchors of directory URLs over file://.
Reading the files directly with lxml takes a fraction of a second. linkinator stays in use
for external links (`make check-external`) and as a cross-check in the tests.
"""

from __future__ import annotations

import json
import posixpath
import re
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from pena.content import REPO_ROOT, Site, output_path
from pena.findings import ERROR, WARNING, Finding, finding
from pena.rules import BUILT, EXTERNAL, rule

LINKINATOR = REPO_ROOT / "node_modules" / ".bin" / "linkinator"
NOT_FILES = ("mailto:", "tel:", "javascript:", "data:", "blob:")
#: The share bar's own links (WhatsApp with the page's address as text): one per page, all to
#: the same host, so they are not listed among the external links to check.
SHARE_LINKS = ("https://wa.me/?text=",)


@dataclass
class BuiltPage:
    ids: set[str]
    refs: list[tuple[str, int]]  # (href or src, source line in the HTML)


def read_built(path: Path) -> BuiltPage:
    tree = etree.parse(str(path), etree.HTMLParser(encoding="utf-8"))
    ids = {str(value) for value in tree.xpath("//@id | //a/@name")}
    refs = []
    for element in tree.xpath("//*[@href or @src]"):
        if element.tag == "link" and element.get("rel") in ("canonical", "alternate"):
            continue  # absolute URLs of the published site, checked by test_site
        for attribute in ("href", "src"):
            value = element.get(attribute)
            if value is not None:
                refs.append((value, element.sourceline or 0))
    return BuiltPage(ids, refs)


def _resolve(page_rel: str, path: str, folders: set[str]) -> str:
    """Site-relative file a relative link of page `page_rel` points at (strings: this runs for
    every link of every page, and pathlib is ten times slower here)."""
    target = posixpath.normpath(posixpath.join(posixpath.dirname(page_rel), path))
    if path.endswith("/") or target in folders:
        target = "index.html" if target == "." else f"{target}/index.html"
    return target


@rule("LK001", ERROR, "a link, anchor, image or asset does not resolve (templates and raw HTML included, "
      "every language)", scope=BUILT)
def check_built_links(site: Site, built: Path) -> list[Finding]:
    return scan_built(site, built)[0]


def external_urls(site: Site, built: Path) -> list[str]:
    """External URLs the built pages link to (listed by `make check`, checked by `make check-external`)."""
    return scan_built(site, built)[1]


def scan_built(site: Site, built: Path) -> tuple[list[Finding], list[str]]:
    """Read the built site once per loaded Site: (broken internal links, external URLs)."""
    key = ("built links", built.resolve())
    if key not in site.cache:
        site.cache[key] = _scan_built(site, built.resolve())
    return site.cache[key]  # type: ignore[return-value]


def _scan_built(site: Site, site_dir: Path) -> tuple[list[Finding], list[str]]:
    sources = {output_path(key, lang, site.langs): page.rel for (key, lang), page in site.pages.items()}
    files = {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*") if path.is_file()}
    folders = {"."} | {posixpath.dirname(name) for name in files}
    folders |= {parent for name in list(folders) for parent in _parents(name)}
    pages = {name: read_built(site_dir / name) for name in sorted(files) if name.endswith(".html")}
    found: list[Finding] = []
    external: set[str] = set()
    # Pages of one folder share most links (nav, header, footer): resolve each once per folder.
    resolved: dict[tuple[str, str], tuple[str, str, str] | None] = {}
    for built_rel, built in pages.items():
        if posixpath.basename(built_rel) == "404.html":
            continue  # served at any address, so MkDocs writes it with root-absolute links on purpose
        source = sources.get(built_rel, f"site/{built_rel}")
        folder = posixpath.dirname(built_rel)
        for ref, line in built.refs:
            key = (folder, ref)
            if key not in resolved:
                resolved[key] = _classify(built_rel, ref, folders)
            kind, target, fragment = resolved[key] or ("skip", "", "")
            if kind == "external":
                if not ref.startswith(SHARE_LINKS):
                    external.add(ref)
            elif kind == "absolute":
                found.append(finding(source, None, "LK001", f"root-absolute link '{ref}' breaks in a sub-folder "
                                     "and offline", "use a relative link", severity=ERROR))
            elif kind == "local":
                target = target or built_rel  # a bare '#fragment' points into the page itself
                where = f" (line {line} of site/{built_rel})" if source.startswith("docs/") else f":{line}"
                if target not in files:
                    found.append(finding(source, None, "LK001", f"broken link to '{ref}': no such file{where}",
                                         "fix the link; links in the header, nav or footer come from mkdocs.yml "
                                         "or overrides/"))
                elif fragment and target in pages and fragment not in pages[target].ids:
                    found.append(finding(source, None, "LK001", f"broken anchor '{ref}': no id '{fragment}' in "
                                         f"site/{target}{where}", "use an id that exists: headings carry '{ #id }'"))
    return found, sorted(external)


def _classify(page_rel: str, ref: str, folders: set[str]) -> tuple[str, str, str] | None:
    """('external' | 'absolute' | 'local', target file, fragment), or None for links that are
    not files (mailto:, tel:, javascript:, data:)."""
    parts = urlsplit(ref)
    if parts.scheme in ("http", "https") or ref.startswith("//"):
        return ("external", "", "")
    if ref.startswith(NOT_FILES) or parts.scheme:
        return None
    if parts.path.startswith("/"):
        return ("absolute", "", "")
    target = _resolve(page_rel, unquote(parts.path), folders) if parts.path else ""
    return ("local", target, unquote(parts.fragment))


def _parents(name: str) -> list[str]:
    parts = name.split("/")
    return ["/".join(parts[:i]) for i in range(1, len(parts))]


# --------------------------------------------------------------------------------------------
# External links, on demand (needs the internet): linkinator
# --------------------------------------------------------------------------------------------


@rule("LK002", WARNING, "an external link is broken", scope=EXTERNAL)
def check_external_links(site: Site, built: Path) -> list[Finding]:
    return linkinator_broken(run_linkinator(built, external=True), external_only=True)


def run_linkinator(site_dir: Path, external: bool = False) -> dict:
    if not LINKINATOR.exists():
        raise FileNotFoundError(f"{LINKINATOR} is missing: run `npm ci` (make check does)")
    if shutil.which("node") is None:
        raise FileNotFoundError("node is not installed: apt-get install nodejs")
    command = [str(LINKINATOR), str(site_dir), "--recurse", "--check-fragments", "--format", "json"]
    if not external:
        command += ["--skip", r"^(?!http://localhost)"]
    command += [arg for prefix in SHARE_LINKS for arg in ("--skip", "^" + re.escape(prefix))]
    done = subprocess.run(command, capture_output=True, text=True, timeout=1800)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"linkinator gave no report: {done.stderr.strip()[:500]}") from None


def linkinator_broken(report: dict, external_only: bool = False) -> list[Finding]:
    found = []
    for link in report.get("links", []):
        if link["state"] != "BROKEN":
            continue
        url = link["url"]
        is_external = url.startswith("http") and "localhost" not in url
        if external_only and not is_external:
            continue
        found.append(finding(link.get("parent") or "site", None, "LK002" if is_external else "LK001",
                             f"broken link to '{url}' (HTTP {link.get('status') or 'error'})",
                             "update or remove the link", severity=WARNING if is_external else ERROR))
    return found
