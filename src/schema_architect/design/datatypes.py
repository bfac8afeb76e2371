"""Data types from attribute names: the last word decides, then any word, then text.

"Departure Time" -> TIMESTAMP, "Budget" -> DECIMAL(12,2), "Passenger Capacity" -> INTEGER,
"Email" -> VARCHAR(255), "Is Active" -> BOOLEAN. Identifiers (ID, number as a key) are INTEGER;
codes and serials stay text.
"""

from __future__ import annotations

import re

from ..model.types import DataType
from .lexicon import BOOLEAN_PREFIXES, IRREGULAR_PARTICIPLES, TEXT_IS_IDENTIFIER_WORDS, TYPE_BY_LAST_WORD
from .words import singular

_BY_CLASS = {
    "date": DataType.date(),
    "timestamp": DataType.timestamp(),
    "decimal": DataType.decimal(12, 2),
    "integer": DataType.integer(),
    "text": DataType.text(),
    "email": DataType.varchar(255),
    "phone": DataType.varchar(30),
    "boolean": DataType.boolean(),
    "varchar": DataType.varchar(255),
}
_NAME_TEXT = DataType.varchar(255)
# Numbers written with letters, spaces or a leading zero ("AB-123-CD", "+44 20 ..."): text even as keys.
_LABEL_NUMBERS = frozenset({"plate", "license", "licence", "phone", "telephone", "mobile", "passport", "registration",
                            "serial", "tracking", "isbn", "vin"})


def infer_type(name: str, *, is_key: bool = False) -> tuple[DataType, str]:
    """The type for a column called ``name`` and the reason, e.g. (DATE, "'date' names a day")."""
    # "Check-in Time", "Sign-up Date": a hyphenated particle is part of its word, not a preposition
    words = [w for w in re.sub(r"-(?=(?:in|out|on|up|off)\b)", "", name.lower()).replace("-", " ").split() if w]
    if not words:
        return _NAME_TEXT, "no hint in the name: text"
    low = " ".join(words)
    # "Price at Purchase", "Length of Service": the noun before the preposition is the head.
    for k, w in enumerate(words[1:], start=1):
        if w in ("at", "of", "for", "per", "in", "on") and words[0] not in ("number", "total", "count"):
            words = words[:k]
            break
    # "Date Paid", "Time Added": a trailing participle says which event; the noun before it types the column.
    if len(words) > 1 and (words[-1].endswith("ed") or words[-1] in IRREGULAR_PARTICIPLES) and words[-1] not in TYPE_BY_LAST_WORD \
            and (TYPE_BY_LAST_WORD.get(singular(words[-2])) or words[-2] in ("number", "count", "total")):
        words = words[:-1]
    last = singular(words[-1]) if words[-1] not in ("data", "status") else words[-1]
    if low.startswith(BOOLEAN_PREFIXES) and len(words) > 1:
        return DataType.boolean(), f"'{words[0]}' asks a yes/no question"
    if is_key and last in ("number", "no", "no.", "num") and len(words) > 1 and words[-2] in _LABEL_NUMBERS:
        return DataType.varchar(50), f"a {words[-2]} number is a label of letters and digits, even as a key"
    if last in ("id",) or (is_key and last in ("number", "no", "no.", "num")):
        return DataType.integer(), "identifiers are integers"  # before "birth": "Birth Record ID" is a key
    if "date of birth" in low or "birth" in words:
        return DataType.date(), "a birth date is a day"
    if last in TEXT_IS_IDENTIFIER_WORDS:
        return DataType.varchar(64), f"a {last} is a label, not a quantity"
    if last in ("number", "no", "no.", "num"):
        if "of" in words or words[0] in ("number", "total"):
            return DataType.integer(), "'number of' counts"
        return DataType.varchar(50), "a number that is not a key (phone, ID card) is text"
    kind = TYPE_BY_LAST_WORD.get(last) or TYPE_BY_LAST_WORD.get(words[-1])
    if kind:
        return _BY_CLASS[kind], f"'{words[-1]}' suggests {kind}"
    for w in words[:-1]:
        k = TYPE_BY_LAST_WORD.get(singular(w))
        if k in ("email", "phone"):
            return _BY_CLASS[k], f"'{w}' suggests {k}"
    if words[0] in ("number", "total", "count") and "of" in words:
        return DataType.integer(), "a count"
    return _NAME_TEXT, "no type word in the name: text"
