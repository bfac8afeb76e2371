"""Run the real Mermaid 11 and DBML parsers (node, installed here by ``npm ci``) over rendered text.

One node process serves the whole test session: loading the parsers takes seconds, parsing is fast.
"""

from __future__ import annotations

import atexit
import json
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent
_server: subprocess.Popen | None = None


def _start() -> subprocess.Popen:
    global _server
    if _server is None or _server.poll() is not None:
        node = shutil.which("node")
        assert node, "node is missing: run scripts/setup.sh --dev"
        assert (HERE / "node_modules" / "mermaid").is_dir(), "parsers missing: run scripts/setup.sh --dev (npm ci)"
        _server = subprocess.Popen(
            [node, str(HERE / "parse.mjs")], cwd=HERE, text=True, encoding="utf-8",
            stdin=subprocess.PIPE, stdout=subprocess.PIPE,
        )
        atexit.register(_stop, _server)
    return _server


def _stop(proc: subprocess.Popen) -> None:
    if proc.poll() is None:
        proc.stdin.close()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()


def parse_diagrams(kind: str, texts: list[str]) -> list[dict]:
    """Each text parsed by the real parser for ``kind`` ("mermaid" or "dbml"): {"ok": bool, ...}."""
    server = _start()
    server.stdin.write(json.dumps({"kind": kind, "texts": texts}) + "\n")
    server.stdin.flush()
    reply = server.stdout.readline()
    assert reply, f"the {kind} parser process died (exit code {server.poll()})"
    return json.loads(reply)
