"""What a page costs a reader on mobile data: gzip-compressed bytes of a built page and of the
stylesheets and scripts it loads (a static host serves them compressed)."""

from __future__ import annotations

import gzip
import posixpath
from pathlib import Path

from pena.htmltags import start_tags


def gz(data: bytes) -> int:
    """Compressed size at the level a typical host uses."""
    return len(gzip.compress(data, compresslevel=6))


def page_load(built_site: Path, html_file: Path) -> dict[str, int]:
    """Compressed bytes of the HTML and of each CSS, JS and font file it loads on first view."""
    html = html_file.read_bytes()
    sizes = {html_file.relative_to(built_site).as_posix(): gz(html)}
    folder = html_file.parent
    for tag, attrs in start_tags(html.decode("utf-8")):
        ref = attrs.get("src") if tag == "script" else attrs.get("href") if (
            tag == "link" and attrs.get("rel") in ("stylesheet", "preload")) else None
        if ref and "://" not in ref:
            target = Path(posixpath.normpath(folder / ref.split("?")[0]))
            sizes[target.relative_to(built_site).as_posix()] = gz(target.read_bytes())
    return sizes
