"""Cut a SQL script into statements cheaply, without parsing them.

Understands string literals, quoted identifiers (double quotes, backticks, brackets), comments,
PostgreSQL dollar quoting, ``;`` terminators, SQL Server ``GO`` and Oracle ``/`` lines, MySQL's
``DELIMITER``, and BEGIN ... END bodies of triggers and routines. Each statement carries its
1-based starting line so errors and skipped constructs can say ``file:line``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_STANDARD_STRING = r"'(?:[^']|'')*'"
_BACKSLASH_STRING = r"'(?:[^'\\]|\\.|'')*'"
_REST = (
    r'|"(?:[^"]|"")*"'
    r"|`[^`]*`"
    r"|\[[^\]\n]*\]"
    r"|--[^\n]*"
    r"|/\*.*?\*/"
    r"|\$(?P<tag>[A-Za-z_]*)\$.*?\$(?P=tag)\$"
    r"|(?P<semi>;)"
    r"|^[ \t]*(?P<batch>GO|/)[ \t]*(?:--[^\n]*)?$"
    r"|^[ \t]*DELIMITER[ \t]+(?P<delim>\S+)[ \t]*$"
)
_SCANNERS = {
    False: re.compile(_STANDARD_STRING + _REST, re.S | re.M | re.I),
    True: re.compile(_BACKSLASH_STRING + _REST, re.S | re.M | re.I),
}
# Inside a routine body without batch lines: the tokens that open and close blocks.
_BLOCK_TOKENS = re.compile(
    _STANDARD_STRING
    + r'|"(?:[^"]|"")*"|`[^`]*`|--[^\n]*|/\*.*?\*/|\$(?P<tag>[A-Za-z_]*)\$.*?\$(?P=tag)\$|(?P<semi>;)'
    + r"|\b(?P<word>BEGIN|CASE|END)\b(?P<after>[ \t]*(?:IF|LOOP|WHILE|REPEAT|CASE)\b)?",
    re.S | re.I,
)
_BATCH_LINE = re.compile(r"^[ \t]*(?:GO|/)[ \t]*$", re.M | re.I)
_ROUTINE_HEAD = re.compile(
    r"\s*CREATE\s+(?:OR\s+(?:REPLACE|ALTER)\s+)?(?:DEFINER\s*=\s*\S+\s+)?(?:TEMP(?:ORARY)?\s+)?"
    r"(?:TRIGGER|PROCEDURE|PROC|FUNCTION|PACKAGE|TYPE\s+BODY)\b",
    re.I,
)
_COMMENT_OR_SPACE = re.compile(r"(?:\s+|--[^\n]*|/\*.*?\*/)*", re.S)


@dataclass(frozen=True)
class Statement:
    text: str  # without its terminator, comments before it stripped
    line: int  # 1-based line of its first character


def split_statements(text: str, *, backslash_escapes: bool = False) -> list[Statement]:
    """The statements of ``text``, in order, with their starting lines."""
    scanner = _SCANNERS[backslash_escapes]
    out: list[Statement] = []
    n = len(text)
    pos = 0
    line = 1
    line_pos = 0  # text[:line_pos] has been counted into ``line``
    delimiter = None  # a custom MySQL DELIMITER, when set
    has_batch_lines = None  # decided on the first routine

    def line_at(i: int) -> int:
        nonlocal line, line_pos
        line += text.count("\n", line_pos, i)
        line_pos = i
        return line

    def emit(start: int, end: int) -> None:
        body = text[start:end].strip()
        if body:
            out.append(Statement(body, line_at(start)))

    while pos < n:
        # Skip blanks and comments between statements so each statement starts on its first word.
        m = _COMMENT_OR_SPACE.match(text, pos)
        start = m.end()
        if start >= n:
            break
        if delimiter is None and _ROUTINE_HEAD.match(text, start):
            if has_batch_lines is None:
                has_batch_lines = _BATCH_LINE.search(text) is not None
            end, resume = _routine_end(text, start, scanner, has_batch_lines)
            emit(start, end)
            pos = resume
            continue
        cursor = start
        while True:
            if delimiter is not None:
                hit = text.find(delimiter, cursor)
                dm = scanner.search(text, cursor)
                if dm and dm.group("delim") and (hit < 0 or dm.start() < hit):
                    emit(start, dm.start())
                    delimiter = None if dm.group("delim") == ";" else dm.group("delim")
                    pos = dm.end()
                    break
                if hit < 0:
                    emit(start, n)
                    pos = n
                    break
                emit(start, hit)
                pos = hit + len(delimiter)
                break
            tm = scanner.search(text, cursor)
            if tm is None:
                emit(start, n)
                pos = n
                break
            if tm.group("semi") or tm.group("batch"):
                emit(start, tm.start())
                pos = tm.end()
                break
            if tm.group("delim"):
                emit(start, tm.start())
                d = tm.group("delim")
                delimiter = None if d == ";" else d
                pos = tm.end()
                break
            cursor = tm.end()
    return out


def _routine_end(text: str, start: int, scanner: re.Pattern, has_batch_lines: bool) -> tuple[int, int]:
    """(end of the routine's text, where scanning resumes) for a CREATE TRIGGER/PROCEDURE/... at ``start``.

    In scripts with ``GO`` or ``/`` lines (T-SQL, PL/SQL) the next such line ends it; otherwise the
    ``;`` after the END matching its BEGIN, or the first ``;`` when there is no BEGIN (dollar-quoted
    PostgreSQL bodies, one-statement SQLite/MySQL bodies).
    """
    n = len(text)
    if has_batch_lines:
        cursor = start
        while True:
            tm = scanner.search(text, cursor)
            if tm is None:
                return n, n
            if tm.group("batch"):
                return tm.start(), tm.end()
            cursor = tm.end()
    depth = 0
    cursor = start
    while True:
        m = _BLOCK_TOKENS.search(text, cursor)
        if m is None:
            return n, n
        cursor = m.end()
        if m.group("semi") and depth == 0:
            return m.start(), m.end()
        word = (m.group("word") or "").upper()
        if word in ("BEGIN", "CASE"):
            depth += 1
        elif word == "END" and not m.group("after"):
            depth = max(0, depth - 1)
