#!/usr/bin/env python3
"""Vendor Workbox's runtime files into docs/assets/javascripts/vendor/workbox/.

    python scripts/vendor_workbox.py            # fetch the pinned version with `npm pack`

Workbox (Google, MIT) is the service-worker library of the "save for offline reading" feature.
Its npm packages ship ready-made production builds (`build/workbox-*.prod.js`) meant to be
loaded with importScripts; we copy those files unchanged, with the licence, so that building
the site needs only Python and nothing is ever fetched from another host. Run this script only
to upgrade Workbox (it needs npm and the npm registry), then rebuild and run the offline tests.

The service-worker hook (overrides/hooks/service_worker.py) inlines core, routing and
strategies into sw.js (one request, about 4.5 KB gzip); precaching is imported only by readers
who press "save everything".
"""

from __future__ import annotations

import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TARGET = ROOT / "docs" / "assets" / "javascripts" / "vendor" / "workbox"
VERSION = "7.4.1"
MODULES = ("core", "routing", "strategies", "precaching")


def npm_pack(package: str, dest: Path) -> Path:
    done = subprocess.run(["npm", "pack", "--silent", "--pack-destination", str(dest), package],
                          capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"vendor_workbox: `npm pack {package}` failed: {done.stderr.strip() or done.stdout.strip()}")
    return dest / done.stdout.strip().splitlines()[-1]


def member(archive: tarfile.TarFile, name: str) -> bytes:
    handle = archive.extractfile(f"package/{name}")
    if handle is None:
        sys.exit(f"vendor_workbox: {name} is missing from the package")
    return handle.read()


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for module in MODULES:
            tarball = npm_pack(f"workbox-{module}@{VERSION}", Path(tmp))
            with tarfile.open(tarball) as archive:
                code = member(archive, f"build/workbox-{module}.prod.js").decode("utf-8")
                licence = member(archive, "LICENSE")
            # The source-map comment points at a file we do not ship.
            code = "\n".join(line for line in code.splitlines() if not line.startswith("//# sourceMappingURL"))
            (TARGET / f"workbox-{module}.prod.js").write_text(code + "\n", "utf-8")
        (TARGET / "LICENSE.txt").write_bytes(
            f"Workbox {VERSION} (https://github.com/GoogleChrome/workbox), modules: {', '.join(MODULES)}\n\n".encode()
            + licence)
    print(f"vendor_workbox: Workbox {VERSION} ({', '.join(MODULES)}) in {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
