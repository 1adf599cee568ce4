"""Links, anchors, images and assets of the built site, checked by linkinator.

linkinator (npm, pinned in package.json) serves the site folder itself, follows every href and
src of every page (templates, raw HTML and Markdown alike, both languages) and checks
fragments. This module runs it and turns its JSON report into findings that name the Markdown
source of the page holding the broken link.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

from pena.content import REPO_ROOT, Site, output_path
from pena.findings import WARNING, Finding, finding

LINKINATOR = REPO_ROOT / "node_modules" / ".bin" / "linkinator"
# Only the site itself is checked by default; every other URL is listed as skipped.
LOCAL_ONLY = r"^(?!http://localhost)"


def run_linkinator(site_dir: Path, external: bool = False) -> dict:
    if not LINKINATOR.exists():
        raise FileNotFoundError(f"{LINKINATOR} is missing: run `npm ci` (make check does)")
    if shutil.which("node") is None:
        raise FileNotFoundError("node is not installed: apt-get install nodejs")
    command = [str(LINKINATOR), str(site_dir), "--recurse", "--check-fragments", "--format", "json"]
    if not external:
        command += ["--skip", LOCAL_ONLY]
    done = subprocess.run(command, capture_output=True, text=True, timeout=900)
    try:
        return json.loads(done.stdout)
    except json.JSONDecodeError:
        raise RuntimeError(f"linkinator gave no report: {done.stderr.strip()[:500]}") from None


def _source_of(parent: str | None, site_dir: Path, site: Site) -> str:
    """The Markdown file behind a built page, or the built file when there is none."""
    root = str(site_dir.resolve())
    local = (parent or "").split("#")[0]
    rel = local[len(root):] if local.startswith(root) else local
    built = (rel + "index.html" if rel.endswith("/") or rel == "" else rel).lstrip("/")
    if not built.endswith(".html"):
        built += "/index.html"
    for (key, lang), page in site.pages.items():
        if output_path(key, lang, site.langs) == built:
            return page.rel
    return f"site/{built}"


def link_findings(report: dict, site_dir: Path, site: Site) -> tuple[list[Finding], list[str]]:
    """(findings for broken links, sorted list of skipped external URLs)."""
    found: dict[tuple[str, str], Finding] = {}
    skipped: set[str] = set()
    root = str(site_dir.resolve())
    for link in report.get("links", []):
        url = link["url"]
        if link["state"] == "SKIPPED":
            skipped.add(url)
            continue
        if link["state"] != "BROKEN":
            continue
        # linkinator leaves out the parent of some broken fragments; name the target page then.
        source = _source_of(link.get("parent") or url, site_dir, site)
        shown = url[len(root):] if url.startswith(root) else url
        status = link.get("status")
        problem = "anchor does not exist" if status == 200 and "#" in url else f"HTTP {status or 'error'}"
        external = not url.startswith(root) and url.startswith("http")
        found[(source, url)] = finding(
            source, None, "LK002" if external else "LK001",
            f"broken link to '{shown}' ({problem})",
            "fix the link or anchor in the source; links in the header, nav or footer come from "
            "mkdocs.yml or overrides/", severity=WARNING if external else "error")
    return sorted(found.values(), key=str), sorted(skipped)
