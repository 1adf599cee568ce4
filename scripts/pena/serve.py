"""Serve a built site on 127.0.0.1 with gzip, as a real static host would.

Used by the browser tests and by `make audit` (Lighthouse measures transfer sizes, so an
uncompressed server would understate performance).
"""

from __future__ import annotations

import functools
import gzip
import http.server
import io
import socketserver
import threading
from pathlib import Path

COMPRESSIBLE = (".html", ".css", ".js", ".json", ".svg", ".xml", ".txt")


class GzipHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep output quiet
        pass

    def end_headers(self) -> None:
        # Assets are fingerprinted by Material; pages may be cached briefly, as on a real host.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def send_head(self):  # type: ignore[no-untyped-def]
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            if not self.path.split("?")[0].endswith("/"):
                return super().send_head()  # redirect to the folder with a slash
            path = path / "index.html"
        wants_gzip = "gzip" in self.headers.get("Accept-Encoding", "")
        if not (wants_gzip and path.suffix in COMPRESSIBLE and path.is_file()):
            return super().send_head()
        body = gzip.compress(path.read_bytes(), compresslevel=6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)


def serve(folder: Path, port: int = 0,
          handler_class: type[GzipHandler] = GzipHandler) -> tuple[socketserver.TCPServer, str]:
    """Start a background server for `folder`; returns the server and its base URL."""
    handler = functools.partial(handler_class, directory=str(folder))
    server = socketserver.ThreadingTCPServer(("127.0.0.1", port), handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"
