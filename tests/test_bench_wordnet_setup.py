"""scripts/setup_wordnet.py: WordNet 3.0 for NLTK built from Debian's files, idempotently, no download."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(__file__).resolve().parents[1] / "scripts" / "setup_wordnet.py"


def run(dest):
    return subprocess.run([sys.executable, str(SCRIPT), str(dest)], capture_output=True, text=True, check=False)


@pytest.fixture(scope="module")
def built(tmp_path_factory):
    dest = tmp_path_factory.mktemp("nltk_data")
    first = run(dest)
    assert first.returncode == 0, first.stderr
    return dest, first


def test_builds_the_nltk_layout_with_lexnames(built):
    dest, first = built
    folder = dest / "corpora" / "wordnet"
    for name in ("data.noun", "index.noun", "noun.exc", "index.sense", "lexnames"):
        assert (folder / name).is_file(), name
    lex = (folder / "lexnames").read_text().splitlines()
    assert len(lex) == 45
    assert lex[0] == "00\tadj.all\t3" and lex[3] == "03\tnoun.Tops\t1" and lex[44] == "44\tadj.ppl\t3"
    assert [int(line.split("\t")[0]) for line in lex] == list(range(45))
    assert "updated" in first.stderr


def test_second_run_changes_nothing(built):
    dest, _ = built
    lexnames = dest / "corpora" / "wordnet" / "lexnames"
    before = lexnames.stat().st_mtime_ns
    again = run(dest)
    assert again.returncode == 0 and "already up to date" in again.stderr
    assert lexnames.stat().st_mtime_ns == before


def test_a_damaged_file_is_repaired(built):
    dest, _ = built
    lexnames = dest / "corpora" / "wordnet" / "lexnames"
    lexnames.write_text("00\tadj.all\t3\n")
    fixed = run(dest)
    assert fixed.returncode == 0 and "lexnames" in fixed.stderr
    assert len(lexnames.read_text().splitlines()) == 45


def test_nltk_reads_the_result(built):
    # Through the scorer's loader, which hands the folder to NLTK's WordNetCorpusReader.
    code = (
        "from schema_architect.bench.resources import wordnet; wn = wordnet();"
        "print(wn.get_version(), wn.synsets('telephone')[0].name(), wn.morphy('cities'), wn.root)"
    )
    dest, _ = built
    env = dict(os.environ, NLTK_DATA=str(dest))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, check=False)
    assert out.returncode == 0, out.stderr
    version, synset, lemma, root = out.stdout.split()
    assert (version, synset, lemma) == ("3.0", "telephone.n.01", "city")
    assert root.startswith(str(dest))


def test_usage_message_without_a_destination():
    res = subprocess.run([sys.executable, str(SCRIPT)], capture_output=True, text=True, check=False)
    assert res.returncode == 2 and "setup_wordnet.py DEST" in res.stderr
