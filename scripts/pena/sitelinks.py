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
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml import etree

from pena.content import REPO_ROOT, Site, output_path
from pena.findings import ERROR, WARNING, Finding, finding

LINKINATOR = REPO_ROOT / "node_modules" / ".bin" / "linkinator"
NOT_FILES = ("mailto:", "tel:", "javascript:", "data:", "blob:")


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


def _target_file(site_dir: Path, page_file: Path, path: str) -> Path:
    joined = posixpath.normpath(posixpath.join(page_file.parent.relative_to(site_dir).as_posix(), path))
    target = site_dir / joined
    if path.endswith("/") or target.is_dir():
        target = target / "index.html"
    return target


def check_built_links(site_dir: Path, site: Site) -> tuple[list[Finding], list[str]]:
    """(findings for broken internal links and anchors, sorted external URLs found)."""
    site_dir = site_dir.resolve()
    sources = {output_path(key, lang, site.langs): page.rel for (key, lang), page in site.pages.items()}
    pages: dict[Path, BuiltPage] = {path: read_built(path) for path in site_dir.rglob("*.html")}
    found: list[Finding] = []
    external: set[str] = set()
    for page_file, built in sorted(pages.items()):
        if page_file.name == "404.html":
            continue  # served at any address, so MkDocs writes it with root-absolute links on purpose
        built_rel = page_file.relative_to(site_dir).as_posix()
        source = sources.get(built_rel, f"site/{built_rel}")
        for ref, line in built.refs:
            parts = urlsplit(ref)
            if parts.scheme in ("http", "https") or ref.startswith("//"):
                external.add(ref)
                continue
            if ref.startswith(NOT_FILES) or parts.scheme:
                continue
            if parts.path.startswith("/"):
                found.append(finding(source, None, "LK001", f"root-absolute link '{ref}' breaks in a sub-folder "
                                     "and offline", "use a relative link", severity=ERROR))
                continue
            target = _target_file(site_dir, page_file, unquote(parts.path)) if parts.path else page_file
            where = f" (line {line} of site/{built_rel})" if source.startswith("docs/") else f":{line}"
            if not target.is_file():
                found.append(finding(source, None, "LK001", f"broken link to '{ref}': no such file{where}",
                                     "fix the link; links in the header, nav or footer come from mkdocs.yml "
                                     "or overrides/"))
                continue
            fragment = unquote(parts.fragment)
            if fragment and target.suffix == ".html":
                target_page = pages.get(target) or read_built(target)
                if fragment not in target_page.ids:
                    found.append(finding(source, None, "LK001", f"broken anchor '{ref}': no id '{fragment}' in "
                                         f"site/{target.relative_to(site_dir).as_posix()}{where}",
                                         "use an id that exists: headings carry '{ #id }'"))
    return found, sorted(external)


# --------------------------------------------------------------------------------------------
# External links, on demand (needs the internet): linkinator
# --------------------------------------------------------------------------------------------


def run_linkinator(site_dir: Path, external: bool = False) -> dict:
    if not LINKINATOR.exists():
        raise FileNotFoundError(f"{LINKINATOR} is missing: run `npm ci` (make check does)")
    if shutil.which("node") is None:
        raise FileNotFoundError("node is not installed: apt-get install nodejs")
    command = [str(LINKINATOR), str(site_dir), "--recurse", "--check-fragments", "--format", "json"]
    if not external:
        command += ["--skip", r"^(?!http://localhost)"]
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
