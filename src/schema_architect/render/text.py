"""Text rules shared by the renderers."""

from __future__ import annotations

import unicodedata


def is_invisible(ch: str) -> bool:
    """Line breaks, controls, format characters and odd spaces: harmless in SQL, fatal to a one-line label."""
    return ch.isspace() or unicodedata.category(ch)[0] in "CZ"


def one_line(text: str) -> str:
    """``text`` as one line: every invisible character becomes a plain space."""
    return "".join(" " if is_invisible(ch) else ch for ch in text)
