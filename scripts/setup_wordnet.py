#!/usr/bin/env python3
"""Build an NLTK-readable WordNet 3.0 from Debian's files, without downloading anything.

    python scripts/setup_wordnet.py DEST            # e.g. .cache/nltk_data

Debian's ``wordnet-base`` and ``wordnet-sense-index`` install the WordNet 3.0 database files
under /usr/share/wordnet. NLTK's reader wants them in ``DEST/corpora/wordnet/`` together with a
``lexnames`` file (the 45 lexicographer files: number, name, syntactic category), which Debian
does not ship as a data file. This script copies the files there and writes ``lexnames``.
It is idempotent: files already up to date are left alone. Point NLTK at DEST with
``NLTK_DATA=DEST``.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

DEBIAN_PACKAGES = ("wordnet-base", "wordnet-sense-index")
FALLBACK_DIR = Path("/usr/share/wordnet")

# The WordNet database files NLTK's WordNetCorpusReader opens (data/index per part of speech,
# morphological exception lists) plus the sense index and counts it uses for lemma keys.
WANTED = (
    "data.adj", "data.adv", "data.noun", "data.verb",
    "index.adj", "index.adv", "index.noun", "index.verb",
    "adj.exc", "adv.exc", "noun.exc", "verb.exc",
    "index.sense", "cntlist.rev", "cntlist",
)  # fmt: skip

# lexnames(5WN): file number, lexicographer file name, syntactic category (1 noun, 2 verb, 3 adj, 4 adv).
LEXNAMES = [
    "adj.all", "adj.pert", "adv.all", "noun.Tops", "noun.act", "noun.animal", "noun.artifact",
    "noun.attribute", "noun.body", "noun.cognition", "noun.communication", "noun.event",
    "noun.feeling", "noun.food", "noun.group", "noun.location", "noun.motive", "noun.object",
    "noun.person", "noun.phenomenon", "noun.plant", "noun.possession", "noun.process",
    "noun.quantity", "noun.relation", "noun.shape", "noun.state", "noun.substance", "noun.time",
    "verb.body", "verb.change", "verb.cognition", "verb.communication", "verb.competition",
    "verb.consumption", "verb.contact", "verb.creation", "verb.emotion", "verb.motion",
    "verb.perception", "verb.possession", "verb.social", "verb.stative", "verb.weather", "adj.ppl",
]  # fmt: skip
CATEGORY = {"noun": 1, "verb": 2, "adj": 3, "adv": 4}


def lexnames_text() -> str:
    return "".join(f"{i:02d}\t{name}\t{CATEGORY[name.split('.')[0]]}\n" for i, name in enumerate(LEXNAMES))


def debian_wordnet_files() -> dict[str, Path]:
    """File name -> path, from what dpkg says the two packages installed (fallback: /usr/share/wordnet)."""
    found: dict[str, Path] = {}
    try:
        listing = subprocess.run(
            ["dpkg", "-L", *DEBIAN_PACKAGES], capture_output=True, text=True, check=False
        ).stdout.splitlines()
    except FileNotFoundError:  # not a Debian system
        listing = []
    for line in listing:
        path = Path(line.strip())
        if path.name in WANTED and path.is_file():
            found[path.name] = path
    for name in WANTED:
        if name not in found and (FALLBACK_DIR / name).is_file():
            found[name] = FALLBACK_DIR / name
    return found


def up_to_date(src: Path, dest: Path) -> bool:
    if not dest.is_file():
        return False
    s, d = src.stat(), dest.stat()
    return s.st_size == d.st_size and int(s.st_mtime) == int(d.st_mtime)


def build(dest_root: Path) -> tuple[Path, list[str]]:
    """Create or refresh DEST/corpora/wordnet; return the folder and the names of files changed."""
    files = debian_wordnet_files()
    required = [n for n in WANTED if n.startswith(("data.", "index.")) and n != "index.sense"]
    missing = [n for n in required if n not in files]
    if missing:
        raise SystemExit(
            f"WordNet files missing: {', '.join(missing)}; install the Debian packages "
            f"{' and '.join(DEBIAN_PACKAGES)} (apt-get install {' '.join(DEBIAN_PACKAGES)})"
        )
    target = dest_root / "corpora" / "wordnet"
    target.mkdir(parents=True, exist_ok=True)
    changed: list[str] = []
    for name, src in sorted(files.items()):
        dest = target / name
        if not up_to_date(src, dest):
            tmp = dest.with_suffix(dest.suffix + ".tmp")
            shutil.copy2(src, tmp)
            tmp.replace(dest)  # atomic: a concurrent reader never sees half a file
            changed.append(name)
    lexnames = target / "lexnames"
    text = lexnames_text()
    if not lexnames.is_file() or lexnames.read_text(encoding="utf-8") != text:
        lexnames.write_text(text, encoding="utf-8")
        changed.append("lexnames")
    return target, changed


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    target, changed = build(Path(argv[0]).resolve())
    state = f"updated {', '.join(changed)}" if changed else "already up to date"
    print(f"WordNet for NLTK in {target}: {state}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
