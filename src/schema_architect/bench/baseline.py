"""A deliberately simple baseline engine: one table per "X ..., including A, B and C" sentence.

It reads each sentence for an attribute list after a cue word ("with", "including", "includes",
"has", "records", ...), names the table after the one or two words just before the cue, keys it by
the first identifier-like attribute (or adds "<Table> ID"), and turns an attribute that equals
another table's key into a foreign key. No synonyms, no normalization, no relationship tables:
the floor every real engine must clear.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model import Column, DataType, ForeignKey, PrimaryKey, Schema, Table
from ..model.naming import words

CUE = re.compile(
    r"\b(?:including|includes|include|included|with|has|have|having|contains|containing|"
    r"records?|recording|stores?|such as|consisting of|like)\b|:",
    re.IGNORECASE,
)
# Words skipped when looking backwards from the cue for the entity's name.
FILLER = frozenset(
    """each every a an the its their his her whose who which that this these those is are was were
    be will should must shall can also all basic detailed relevant related information info details
    detail data attributes attribute fields field own unique multiple several many some various
    of for to in on by and or as it they system""".split()  # noqa: SIM905
)
# Words that end an attribute phrase's useful part ("a unique employee ID" -> "employee ID").
LEADING_NOISE = re.compile(
    r"^(?:and|or|the|a|an|its|their|his|her|each|unique|specific|own|basic)\s+", re.IGNORECASE
)
NUMERIC_WORDS = {"quantity", "count", "age", "capacity", "amount", "price", "salary", "cost", "fee",
                 "total", "number", "score", "rating", "balance", "stock", "budget", "weight"}  # fmt: skip
ID_WORDS = {"id", "number", "code", "no"}


@lru_cache(maxsize=1)
def _inflect():
    import inflect

    return inflect.engine()


def _singular(word: str) -> str:
    return _inflect().singular_noun(word) or word


def _title(phrase: str) -> str:
    return " ".join(w.upper() if w.lower() == "id" else w.capitalize() for w in phrase.split())


def _entity_before(text: str) -> str | None:
    toks = re.findall(r"[A-Za-z]+", text)
    picked: list[str] = []
    for tok in reversed(toks):
        low = tok.lower()
        if low in FILLER or CUE.fullmatch(low) or (low.endswith("ed") and len(low) > 4):
            if picked:
                break
            continue
        picked.insert(0, tok)
        if len(picked) == 2:
            break
    if not picked:
        return None
    picked[-1] = _singular(picked[-1].lower())
    return _title(" ".join(p.lower() for p in picked))


def _attributes(text: str) -> list[str]:
    text = re.split(r"[.;(]|\bwhere\b|\bwhich\b", text, maxsplit=1)[0]
    parts = re.split(r",|\band\b|\bor\b|/", text)
    out = []
    for part in parts:
        phrase = part.strip().strip("\"'").strip()
        while LEADING_NOISE.match(phrase):
            phrase = LEADING_NOISE.sub("", phrase, count=1)
        phrase = re.sub(r"\betc\b\.?", "", phrase).strip()
        n = len(phrase.split())
        if 1 <= n <= 4 and re.fullmatch(r"[A-Za-z][A-Za-z \-']*", phrase):
            out.append(_title(phrase.lower()))
    return out


def _type_of(attr: str) -> DataType:
    w = set(words(attr))
    if w & {"date", "birthday"}:
        return DataType.date()
    if w & {"time", "timestamp"}:
        return DataType.timestamp()
    if w & ID_WORDS or w & NUMERIC_WORDS:
        return DataType.decimal(10, 2) if w & {"price", "amount", "salary", "cost", "fee", "balance", "budget"} else DataType.integer()
    return DataType.varchar(255)


def baseline_schema(text: str) -> Schema:
    tables: dict[str, list[str]] = {}
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        # The last cue with a list after it: "Each product has information including name, model".
        for cue in reversed(list(CUE.finditer(sentence))):
            attrs = _attributes(sentence[cue.end():])
            if len(attrs) < 2:
                continue
            name = _entity_before(sentence[: cue.start()])
            if not name:
                continue
            existing = tables.setdefault(name, [])
            existing.extend(a for a in attrs if a not in existing)
            break
    if not tables:
        tables = {"Record": ["ID"]}

    keys: dict[str, str] = {}
    for name, attrs in tables.items():
        key = next((a for a in attrs if set(words(a)) & ID_WORDS), None)
        if key is None:
            key = f"{name} ID"
            attrs.insert(0, key)
        keys[name] = key
    schema_tables = []
    for name, attrs in tables.items():
        fks = [
            ForeignKey(columns=[a], ref_table=other, ref_columns=[keys[other]])
            for a in attrs
            for other in tables
            if other != name and a.lower() == keys[other].lower() and a != keys[name]
        ]
        schema_tables.append(
            Table(
                name=name,
                columns=[Column(name=a, type=_type_of(a), nullable=a != keys[name]) for a in attrs],
                primary_key=PrimaryKey(columns=[keys[name]]),
                foreign_keys=fks,
            )
        )
    return Schema(tables=schema_tables)


class BaselineEngine:
    name = "baseline"

    def design(self, text: str) -> Schema:
        return baseline_schema(text)
