"""The offline edition's names, in one place: the release script writes the zip, the offline
hook links and ships it, the tests unpack it."""

from __future__ import annotations

import zipfile
from pathlib import Path

#: Folder of the download page (docs/unduh.<lang>.md); the zip is published inside it.
DOWNLOAD_FOLDER = "unduh"
ZIP_NAME = "materi-pena-offline.zip"
#: Where the zip is published, relative to the site root.
ZIP_URL = f"{DOWNLOAD_FOLDER}/{ZIP_NAME}"
#: The one folder a reader gets when unpacking the zip.
FOLDER_IN_ZIP = "materi-pena"


def zip_folder(folder: Path, archive: Path) -> None:
    """Zip a built offline edition (without precompressed .gz copies) under FOLDER_IN_ZIP/."""
    archive.unlink(missing_ok=True)
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as bundle:
        for path in sorted(folder.rglob("*")):
            if path.is_file() and not path.name.endswith(".gz"):
                bundle.write(path, f"{FOLDER_IN_ZIP}/{path.relative_to(folder).as_posix()}")
