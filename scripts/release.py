#!/usr/bin/env python3
"""Release build: the offline edition as a zip, then the published site that links it.

    python scripts/release.py            # site/ with site/unduh/materi-pena-offline.zip

1. Build the offline edition (OFFLINE=true: Material's offline plugin, file:// friendly URLs)
   into dist/offline/ and zip it as dist/materi-pena-offline.zip.
2. Build the published site into site/ with OFFLINE_ZIP pointing at the zip; the offline hook
   copies it next to the download page and shows its size.
Both builds are strict; a failure stops the release with the build's own messages.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from pena.edition import ZIP_NAME, ZIP_URL, zip_folder
from pena.workspace import mkdocs_build

ROOT = Path(__file__).resolve().parents[1]
DIST = ROOT / "dist"
ZIP = DIST / ZIP_NAME


def build(dest: Path, **env: str) -> None:
    done = mkdocs_build(ROOT, dest, capture=False, **env)
    if done.returncode != 0:
        sys.exit(f"release: the build into {dest} failed (see the messages above)")


def main() -> int:
    offline = DIST / "offline"
    shutil.rmtree(offline, ignore_errors=True)
    build(offline, OFFLINE="true")
    zip_folder(offline, ZIP)
    build(ROOT / "site", OFFLINE_ZIP=str(ZIP))
    print(f"release: site/ ready; offline edition {ZIP.stat().st_size / 1_000_000:.1f} MB at site/{ZIP_URL}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
