#!/usr/bin/env python3
"""Release build: the module and handout PDFs, the offline edition as a zip, then the
published site that links them with their sizes.

    python scripts/release.py            # site/ with site/pdf/*.pdf and site/unduh/materi-pena-offline.zip

0. Every page must exist in every language and every translation be up to date: otherwise the
   release stops with the list (in everyday work these are warnings, TR001/TR002).
1. Build the site into dist/print/ and print every module and handout PDF from it with
   Chromium (scripts/pena/pdf.py) into dist/pdf/: this needs Debian's chromium.
2. Build the offline edition (OFFLINE=true: Material's offline plugin, file:// friendly URLs)
   into dist/offline/ and zip it as dist/materi-pena-offline.zip.
3. Build the published site into site/ with OFFLINE_ZIP and PDF_DIR; the offline hook copies
   them into the site and shows their sizes on the download page and the module overviews.
Every build is strict; a failure stops the release with the build's own messages.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

from pena.content import load_site
from pena.edition import ZIP_NAME, ZIP_URL, zip_folder
from pena.freshness import behind
from pena.pdf import CHROMIUM, make_pdfs
from pena.workspace import mkdocs_build

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
ZIP = DIST / ZIP_NAME


def require_translations() -> None:
    """Release condition: no missing or stale translation. Exits with the list otherwise."""
    rows = behind(load_site(ROOT / "docs", ROOT / "mkdocs.yml"))
    if rows:
        listed = "\n".join(f"  {row.line()}" for row in rows)
        sys.exit(f"release: {len(rows)} translation(s) missing or out of date:\n{listed}\n"
                 "Translate or update each, then run: python scripts/translations.py mark <file>")


def build(dest: Path, **env: str) -> None:
    # RELEASE=true: a release without a contact for problem reports stops (hooks/report.py).
    done = mkdocs_build(ROOT, dest, capture=False, REQUIRE_TRANSLATIONS="true", RELEASE="true", **env)
    if done.returncode != 0:
        sys.exit(f"release: the build into {dest} failed (see the messages above)")


def main() -> int:
    argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter).parse_args()
    require_translations()
    if not Path(CHROMIUM).exists():
        sys.exit("release: the PDFs are printed with Debian's chromium: apt-get install -y chromium")
    printable, pdfs, offline = DIST / "print", DIST / "pdf", DIST / "offline"
    for folder in (printable, pdfs, offline):
        shutil.rmtree(folder, ignore_errors=True)
    build(printable)
    made = make_pdfs(printable, pdfs)
    build(offline, OFFLINE="true")
    zip_folder(offline, ZIP)
    build(ROOT / "site", OFFLINE_ZIP=str(ZIP), PDF_DIR=str(pdfs))
    print(f"release: site/ ready; {len(made)} PDFs ({sum(p.stat().st_size for p in made) / 1_000_000:.1f} MB) "
          f"in site/pdf/; offline edition {ZIP.stat().st_size / 1_000_000:.1f} MB at site/{ZIP_URL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
