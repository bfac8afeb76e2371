"""Run the real Mermaid 11 and DBML parsers (node, installed here by ``npm ci``) over rendered text."""

from __future__ import annotations

import json
import shutil
import subprocess
from pathlib import Path

HERE = Path(__file__).resolve().parent


def parse_diagrams(kind: str, texts: list[str]) -> list[dict]:
    """Each text parsed by the real parser for ``kind`` ("mermaid" or "dbml"): {"ok": bool, ...}."""
    node = shutil.which("node")
    assert node, "node is missing: run scripts/setup.sh --dev"
    assert (HERE / "node_modules" / "mermaid").is_dir(), "parsers missing: run scripts/setup.sh --dev (npm ci)"
    payload = json.dumps([{"kind": kind, "text": t} for t in texts])
    proc = subprocess.run(
        [node, str(HERE / "parse.mjs")], input=payload, capture_output=True, text=True, timeout=300, cwd=HERE
    )
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout)
