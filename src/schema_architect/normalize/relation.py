"""Relations and functional dependencies: the names people write, checked and parsed.

A :class:`Relation` is a name plus an ordered list of attribute names; an :class:`FD` is a pair of
attribute sets. Everything that reads user text (``"R(A, B, C)"``, ``"A, B -> C"``) lives here, so
every mistake is reported the same way: an :class:`~schema_architect.errors.InputError` naming the
offending FD or attribute and suggesting the closest attribute name.

Attribute names may contain spaces (``loan number``); lists are comma-separated. Arrows are ``->``
or ``→``. Lookups are exact first, then case-insensitive (SQL names are case-insensitive), which is
also why two attributes differing only in case count as duplicates.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from ..errors import InputError

ARROWS = ("->", "→")


@dataclass(frozen=True)
class FD:
    """A functional dependency ``lhs -> rhs`` between attribute sets (compared as sets)."""

    lhs: frozenset[str]
    rhs: frozenset[str]

    def __post_init__(self) -> None:
        object.__setattr__(self, "lhs", frozenset(self.lhs))
        object.__setattr__(self, "rhs", frozenset(self.rhs))

    @property
    def is_trivial(self) -> bool:
        return self.rhs <= self.lhs

    def text(self, relation: Relation | None = None) -> str:
        """``A, B -> C`` with attributes in the relation's order (alphabetical without one)."""
        order = relation.ordered if relation is not None else sorted
        return f"{', '.join(order(self.lhs))} -> {', '.join(order(self.rhs))}"

    def to_dict(self, relation: Relation | None = None) -> dict:
        order = relation.ordered if relation is not None else sorted
        return {"lhs": list(order(self.lhs)), "rhs": list(order(self.rhs)), "text": self.text(relation)}

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class Relation:
    """A relation schema: a name and its attributes, in order. Validated on creation."""

    name: str
    attributes: tuple[str, ...]
    _index: dict = field(init=False, repr=False, compare=False, hash=False)
    _lower: dict = field(init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        attrs = tuple(str(a).strip() for a in self.attributes)
        object.__setattr__(self, "attributes", attrs)
        if not attrs:
            raise InputError(
                f"relation {self.name} has no attributes",
                hint="list its attributes, e.g. R(A, B, C)",
            )
        lower: dict[str, str] = {}
        for a in attrs:
            if not a:
                raise InputError(f"relation {self.name} has an empty attribute name", hint="remove the extra comma")
            if a.lower() in lower:
                raise InputError(
                    f"relation {self.name} lists attribute {a!r} twice"
                    + ("" if lower[a.lower()] == a else f" (as {lower[a.lower()]!r} and {a!r})"),
                    hint="attribute names must be unique (case-insensitively)",
                )
            lower[a.lower()] = a
        object.__setattr__(self, "_index", {a: i for i, a in enumerate(attrs)})
        object.__setattr__(self, "_lower", lower)

    # -- names --------------------------------------------------------------------------------------
    def __len__(self) -> int:
        return len(self.attributes)

    def __iter__(self) -> Iterator[str]:
        return iter(self.attributes)

    def resolve(self, name: str, *, context: str = "") -> str:
        """The attribute spelled ``name`` (exact, then case-insensitive), or an error with a suggestion."""
        name = name.strip()
        if name in self._index:
            return name
        found = self._lower.get(name.lower())
        if found is not None:
            return found
        where = f"{context} names" if context else "name"
        raise InputError(
            f"{where} attribute {name!r}, which relation {self.name} does not have",
            hint=self._suggest(name),
        )

    def _suggest(self, name: str) -> str:
        attrs = ", ".join(self.attributes)
        # Textbook shorthand "AB -> C" for single-letter attributes.
        if len(name) > 1 and all(ch.lower() in self._lower for ch in name):
            return f"separate attributes with commas: {', '.join(self._lower[ch.lower()] for ch in name)}"
        close = difflib.get_close_matches(name.lower(), list(self._lower), n=1, cutoff=0.6)
        if close:
            return f"did you mean {self._lower[close[0]]!r}? attributes of {self.name}: {attrs}"
        return f"attributes of {self.name}: {attrs}"

    def ordered(self, names: Iterable[str]) -> tuple[str, ...]:
        """``names`` sorted in the relation's attribute order."""
        return tuple(sorted(names, key=self._index.__getitem__))

    # -- bit sets (the engine works on ints: bit i = attribute i) ---------------------------------
    @property
    def universe(self) -> int:
        return (1 << len(self.attributes)) - 1

    def mask(self, names: Iterable[str], *, context: str = "") -> int:
        m = 0
        for n in names:
            m |= 1 << self._index[self.resolve(n, context=context)]
        return m

    def names(self, mask: int) -> tuple[str, ...]:
        out = []
        i = 0
        while mask:
            if mask & 1:
                out.append(self.attributes[i])
            mask >>= 1
            i += 1
        return tuple(out)


# -- parsing ---------------------------------------------------------------------------------------
_RELATION = re.compile(r"^\s*([^()]*?)\s*\((.*)\)\s*$", re.DOTALL)


def parse_relation(text: str) -> Relation:
    """``"R(A, B, C)"`` or ``"Loan(loan number, amount)"``; a bare ``"A, B, C"`` is named ``R``."""
    m = _RELATION.match(text)
    if m:
        name, body = m.group(1) or "R", m.group(2)
    elif "(" in text or ")" in text:
        raise InputError(f"cannot read relation {text!r}", hint="write it as Name(attr1, attr2, ...)")
    else:
        name, body = "R", text
    body = body.strip()
    if not body:
        raise InputError(f"relation {name} has no attributes", hint="list its attributes, e.g. R(A, B, C)")
    attrs = [a.strip() for a in body.split(",")]
    if any(not a for a in attrs):
        raise InputError(f"relation {name} has an empty attribute name in {text!r}", hint="remove the extra comma")
    return Relation(name, tuple(attrs))


def _split_side(side: str) -> list[str]:
    side = side.strip()
    if side.startswith("{") and side.endswith("}"):
        side = side[1:-1]
    if not side.strip():
        return []
    return [p.strip() for p in side.split(",")]


def parse_fd(text: str, relation: Relation | None = None) -> FD:
    """``"A, B -> C"`` (or ``→``); names are checked against ``relation`` when given."""
    spec = text.replace("→", "->")
    parts = spec.split("->")
    if len(parts) != 2:
        raise InputError(
            f"cannot read functional dependency {text!r}: "
            + ("no arrow" if len(parts) == 1 else "more than one arrow"),
            hint="write it as 'A, B -> C' (comma-separated attributes, one '->' or '→')",
        )
    lhs, rhs = _split_side(parts[0]), _split_side(parts[1])
    if not lhs:
        raise InputError(
            f"functional dependency {text!r} has an empty left side",
            hint="put at least one attribute before the arrow; a constant attribute is not supported",
        )
    if not rhs:
        raise InputError(f"functional dependency {text!r} has an empty right side", hint="put at least one attribute after the arrow")
    if any(not a for a in lhs + rhs):
        raise InputError(f"functional dependency {text!r} has an empty attribute name", hint="remove the extra comma")
    if relation is not None:
        ctx = f"functional dependency {text.strip()!r}"
        lhs = [relation.resolve(a, context=ctx) for a in lhs]
        rhs = [relation.resolve(a, context=ctx) for a in rhs]
    return FD(frozenset(lhs), frozenset(rhs))


FDLike = "FD | str | tuple | dict"


def as_fd(item, relation: Relation) -> FD:
    """One FD from an FD, a string ``"A -> B"``, a pair ``(lhs, rhs)`` or ``{"lhs": .., "rhs": ..}``.

    In the pair and dict forms each side is a list of attribute names, or one name as a string.
    """
    if isinstance(item, str):
        return parse_fd(item, relation)
    if isinstance(item, FD):
        lhs, rhs = item.lhs, item.rhs
    elif isinstance(item, dict):
        lhs, rhs = item.get("lhs"), item.get("rhs")
    elif isinstance(item, (tuple, list)) and len(item) == 2:
        lhs, rhs = item
    else:
        raise InputError(f"cannot read functional dependency {item!r}", hint="give 'A -> B', (lhs, rhs) or an FD")
    lhs = [lhs] if isinstance(lhs, str) else list(lhs or [])
    rhs = [rhs] if isinstance(rhs, str) else list(rhs or [])
    shown = f"{', '.join(map(str, lhs))} -> {', '.join(map(str, rhs))}"
    if not lhs:
        raise InputError(f"functional dependency {shown!r} has an empty left side", hint="put at least one attribute on the left")
    if not rhs:
        raise InputError(f"functional dependency {shown!r} has an empty right side", hint="put at least one attribute on the right")
    ctx = f"functional dependency {shown!r}"
    return FD(
        frozenset(relation.resolve(str(a), context=ctx) for a in lhs),
        frozenset(relation.resolve(str(a), context=ctx) for a in rhs),
    )


def as_fds(items: Iterable, relation: Relation) -> list[FD]:
    """Every FD in ``items`` checked against ``relation``; exact duplicates are dropped (order kept)."""
    out: list[FD] = []
    for item in items:
        fd = as_fd(item, relation)
        if fd not in out:
            out.append(fd)
    return out
