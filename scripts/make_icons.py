#!/usr/bin/env python3
"""Render the home-screen icons of the web app manifests from the SVG logo, with Chromium.

    python scripts/make_icons.py        # writes docs/assets/images/icon-*.png

Run it once after changing docs/assets/images/favicon.svg and commit the PNGs (a few KB each):
the build itself needs no browser. Android wants PNGs: 192 and 512 px with the rounded tile of
the favicon, and a "maskable" 512 px icon whose background fills the square, with the letter
inside the central 80% that launchers keep when they cut the icon to a circle or a squircle.
"""

from __future__ import annotations

import re
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
IMAGES = ROOT / "docs" / "assets" / "images"
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"


def maskable(svg: str) -> str:
    """The favicon on a full-bleed square, the letter scaled into the 80% safe zone."""
    background = re.search(r'<rect[^>]*fill="([^"]+)"', svg)
    letter = re.search(r"<path[^>]*/>", svg)
    if background is None or letter is None:
        sys.exit("make_icons: favicon.svg needs a <rect fill=...> tile and a <path> letter")
    return ('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 24 24">'
            f'<rect width="24" height="24" fill="{background.group(1)}"/>'
            f'<g transform="translate(12 12) scale(0.72) translate(-12 -12)">{letter.group(0)}</g></svg>')


def main() -> int:
    from playwright.sync_api import sync_playwright

    favicon = (IMAGES / "favicon.svg").read_text("utf-8")
    icons = {"icon-192.png": (favicon, 192), "icon-512.png": (favicon, 512),
             "icon-maskable-512.png": (maskable(favicon), 512)}
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--headless=new", "--no-sandbox"])
        for name, (svg, size) in icons.items():
            page = browser.new_page(viewport={"width": size, "height": size})
            page.set_content(f'<body style="margin:0;background:transparent">'
                             f'{svg.replace("<svg ", f"<svg width={size!r} height={size!r} ", 1)}</body>')
            page.screenshot(path=str(IMAGES / name), omit_background=True, clip={
                "x": 0, "y": 0, "width": size, "height": size})
            page.close()
            print(f"make_icons: {name} ({(IMAGES / name).stat().st_size} bytes)")
        browser.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
