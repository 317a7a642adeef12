"""Start the handbook's nginx configuration for a test: the real entry point, on a free port.

``serve(site, prefix, run_dir, registry)`` runs ``handbook preview`` (what `make
preview` runs) and returns a Server with its base URL; ``fetch`` makes one raw HTTP request that
neither follows redirects nor decompresses, so headers and bodies are what nginx sent.
"""

from __future__ import annotations

import http.client
import socket
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@dataclass
class Server:
    process: subprocess.Popen
    port: int
    prefix: str
    run_dir: Path

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}{self.prefix}"

    def stop(self) -> None:
        self.process.terminate()  # the preview process is nginx itself (exec): SIGTERM stops it
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()


def serve(site: Path, prefix: str, run_dir: Path, registry: Path | None = None) -> Server:
    port = free_port()
    command = [sys.executable, "-m", "handbook", "preview", "--site", str(site),
               "--port", str(port), "--prefix", prefix, "--run-dir", str(run_dir)]
    if registry is not None:
        command += ["--registry", str(registry)]
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"nginx preview stopped: {process.stderr.read()}")
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return Server(process, port, prefix, run_dir)
        except OSError:
            time.sleep(0.1)
    process.kill()
    raise RuntimeError("nginx preview did not start listening within 20 s")


def fetch(server: Server, path: str, headers: dict | None = None, method: str = "GET"):
    """(status, headers with lower-case names, body bytes) for ``path`` (absolute, or under the prefix)."""
    if not path.startswith("/"):
        path = server.prefix + path
    for attempt in range(3):  # a just-started nginx on a loaded machine may drop the first connection
        connection = http.client.HTTPConnection("127.0.0.1", server.port, timeout=10)
        try:
            connection.request(method, path, headers=headers or {})
            response = connection.getresponse()
            body = response.read()
            return response.status, {k.lower(): v for k, v in response.getheaders()}, body
        except ConnectionError:
            if attempt == 2:
                raise
            time.sleep(0.5)
        finally:
            connection.close()
