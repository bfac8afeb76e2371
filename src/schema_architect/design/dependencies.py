"""Stage 6: functional dependencies the text states or the column names imply, then normalization.

Stated: "X determines Y", "Y depends on X", "each X has exactly one Y" between two columns of the
same table. Inferred, from a short list of well-known dependencies: a postal code determines its
city and state/province. The tables concerned go through the normalization engine
(``schema_architect.normalize.normalize_schema``, 3NF synthesis), which splits them and adds the
keys and foreign keys; its rationale becomes design decisions.
"""

from __future__ import annotations

import re

from ..errors import SchemaArchitectError
from ..model.conceptual import Decision, Span
from ..model.schema import Schema
from .words import clean_phrase, loose

# determinant head words -> dependent head words (all lower case, compared on loose names)
KNOWN_DEPENDENCIES: dict[frozenset[str], frozenset[str]] = {
    frozenset({"zip", "zip code", "postal code", "postcode", "post code"}):
        frozenset({"city", "state", "province", "county"}),
}
_KEYWORD = re.compile(r"\bdetermines\b|\bdepends\s+(?:only\s+)?on\b", re.IGNORECASE)
_STATED = re.compile(r"\b([A-Za-z][\w ]{1,40}?)\s+(?:uniquely\s+)?determines\s+(?:the\s+)?([A-Za-z][\w ]{1,40}?)(?=[,.;]|\s+and\b|$)"
                     r"|\b(?:the\s+)?([A-Za-z][\w ]{1,40}?)\s+depends\s+(?:only\s+)?on\s+(?:the\s+)?([A-Za-z][\w ]{1,40}?)(?=[,.;]|$)", re.IGNORECASE)


def find_dependencies(schema: Schema, text: str) -> tuple[dict[str, list[str]], list[Decision]]:
    """FDs per table name, as 'A, B -> C' strings, with a decision for each."""
    fds: dict[str, list[str]] = {}
    decisions: list[Decision] = []
    stated = []
    seen: set[int] = set()
    for hit in _KEYWORD.finditer(text):  # look only around the keywords: bounded work on long texts
        lo = max(0, hit.start() - 60)
        for m in _STATED.finditer(text, lo, min(len(text), hit.end() + 60)):
            if m.start() in seen:
                continue
            seen.add(m.start())
            lhs, rhs = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
            stated.append((loose(clean_phrase(lhs)), loose(clean_phrase(rhs)), Span(start=m.start(), end=m.end(), text=m.group())))
        if len(stated) > 50:
            break
    for table in schema.tables:
        cols = {loose(c): c for c in table.column_names}
        pk = {loose(c) for c in table.primary_key_columns}
        for lhs, rhs, span in stated:
            if lhs in cols and rhs in cols and lhs not in pk and lhs != rhs:
                fds.setdefault(table.name, []).append(f"{cols[lhs]} -> {cols[rhs]}")
                decisions.append(Decision(subject=f"table {table.name}", decision=f"{cols[lhs]} -> {cols[rhs]}",
                                          rationale="the text states this dependency", span=span))
        for determinants, dependents in KNOWN_DEPENDENCIES.items():
            lhs = next((cols[k] for k in cols if k in determinants and k not in pk), None)
            rhs = [cols[k] for k in cols if k in dependents]
            if lhs and rhs:
                fds.setdefault(table.name, []).append(f"{lhs} -> {', '.join(rhs)}")
                decisions.append(Decision(subject=f"table {table.name}", decision=f"{lhs} -> {', '.join(rhs)}",
                                          rationale=f"{lhs} determines {', '.join(rhs)} (inferred dependency)"))
    return fds, decisions


def normalize_design(schema: Schema, text: str) -> tuple[Schema, list[Decision]]:
    """The schema with tables split along their dependencies (3NF), and why."""
    fds, decisions = find_dependencies(schema, text)
    if not fds:
        return schema, decisions
    from ..normalize import normalize_schema

    try:
        result = normalize_schema(schema, fds, target="3nf")
    except SchemaArchitectError as exc:
        decisions.append(Decision(subject="normalization", decision="kept the tables as designed",
                                  rationale=f"the normalization engine declined: {exc.one_line()}"))
        return schema, decisions
    for line in result.rationale[:40]:
        decisions.append(Decision(subject="normalization", decision="3NF", rationale=line))
    return result.schema, decisions
