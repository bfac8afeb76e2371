"""Line numbers for findings when the schema came from a DDL file (the model keeps no positions)."""

from __future__ import annotations

import re
from dataclasses import replace

from .registry import Finding

_QUOTE = r"[\"`\[]?"
_QUOTE_END = r"[\"`\]]?"


def _name_pattern(name: str) -> str:
    return _QUOTE + re.escape(name) + _QUOTE_END


def locate_findings(findings: list[Finding], ddl_text: str) -> list[Finding]:
    """The findings with ``line`` set to the table's (or column's) line in ``ddl_text`` when found."""
    lines = ddl_text.splitlines()
    table_lines: dict[str, int] = {}
    located: list[Finding] = []
    for f in findings:
        if not f.table:
            located.append(f)
            continue
        key = f.table.lower()
        if key not in table_lines:
            table_lines[key] = _table_line(ddl_text, f.table) or 0
        start = table_lines[key]
        line = start or None
        if f.index:
            line = _index_line(ddl_text, f.index) or line
        elif start and f.column:
            line = _column_line(lines, start, f.column) or start
        located.append(replace(f, line=line))
    return located


def _table_line(text: str, table: str) -> int | None:
    pattern = re.compile(r"CREATE\s+(?:\w+\s+)*?TABLE\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:[\w\"`\[\]]+\.)?"
                         + _name_pattern(table) + r"(?=[\s(]|$)", re.IGNORECASE)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _index_line(text: str, index: str) -> int | None:
    """The line of ``CREATE [UNIQUE] INDEX name`` (or of an inline ``INDEX name (...)``)."""
    pattern = re.compile(r"\bINDEX\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:[\w\"`\[\]]+\.)?" + _name_pattern(index)
                         + r"(?=[\s(]|$)", re.IGNORECASE)
    m = pattern.search(text)
    return text.count("\n", 0, m.start()) + 1 if m else None


def _column_line(lines: list[str], start: int, column: str) -> int | None:
    pattern = re.compile(r"^\s*,?\s*" + _name_pattern(column) + r"(?=[\s,]|$)", re.IGNORECASE)
    for i in range(start - 1, len(lines)):
        if pattern.search(lines[i]):
            return i + 1
        if i > start - 1 and re.match(r"^\s*\)\s*;?", lines[i]):
            break
    return None
