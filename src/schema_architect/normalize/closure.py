"""Attribute closure, implication, minimal cover and candidate keys, on bit sets.

Attribute sets are Python ints (bit i = the relation's i-th attribute): union is ``|``, "X is a
subset of Y" is ``X & ~Y == 0``. An FD list is a list of ``(lhs, rhs)`` int pairs. The public,
name-based API is :class:`Dependencies`, which also keeps the derivation steps of a closure: the
proof shown to people ("A -> B added B; B, C -> D added D").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property

from ..errors import InputError
from .relation import FD, Relation, as_fds

Bits = int
FDBits = tuple[Bits, Bits]


def bits_of(mask: Bits) -> list[Bits]:
    """The single-bit masks of ``mask``, lowest (first attribute) first."""
    out = []
    while mask:
        low = mask & -mask
        out.append(low)
        mask ^= low
    return out


def popcount(mask: Bits) -> int:
    return mask.bit_count()


def closure_bits(x: Bits, fds: Iterable[FDBits]) -> Bits:
    """X+ under ``fds``: apply every FD whose left side is inside X until nothing changes.

    Each pass drops the FDs already applied, so the work is O(passes x FDs) with passes <= FDs.
    """
    pending = list(fds)
    changed = True
    while changed and pending:
        changed = False
        rest = []
        for lhs, rhs in pending:
            if lhs & ~x == 0:
                if rhs & ~x:
                    x |= rhs
                    changed = True
            else:
                rest.append((lhs, rhs))
        pending = rest
    return x


def closure_trace_bits(x: Bits, fds: list[FDBits]) -> tuple[Bits, list[tuple[int, Bits]]]:
    """X+ plus the derivation: (index of the FD applied, attributes it added), in order."""
    steps: list[tuple[int, Bits]] = []
    pending = list(enumerate(fds))
    changed = True
    while changed and pending:
        changed = False
        rest = []
        for i, (lhs, rhs) in pending:
            if lhs & ~x == 0:
                added = rhs & ~x
                if added:
                    x |= added
                    steps.append((i, added))
                    changed = True
            else:
                rest.append((i, (lhs, rhs)))
        pending = rest
    return x, steps


def _sort_key(fd: FDBits) -> tuple:
    lhs, rhs = fd
    return (popcount(lhs), [b.bit_length() for b in bits_of(lhs)], [b.bit_length() for b in bits_of(rhs)])


def minimal_cover_bits(fds: Iterable[FDBits]) -> list[FDBits]:
    """A minimal cover: single-attribute right sides, no extraneous left attribute, no redundant FD.

    The input is first put in a canonical order (left-side size, then attribute order), so the
    result does not depend on the order the FDs were listed in.
    """
    single: set[FDBits] = set()
    for lhs, rhs in fds:
        for b in bits_of(rhs & ~lhs):
            single.add((lhs, b))
    cover = sorted(single, key=_sort_key)
    # Left-reduce: B in X is extraneous for X -> A when (X - B)+ already holds A.
    for i, (lhs, a) in enumerate(cover):
        for b in bits_of(lhs):
            if lhs != b and closure_bits(lhs & ~b, cover) & a:
                lhs &= ~b
                cover[i] = (lhs, a)
    cover = sorted(set(cover), key=_sort_key)
    # Drop redundant FDs: X -> A is redundant when the others already imply it.
    i = 0
    while i < len(cover):
        lhs, a = cover[i]
        others = cover[:i] + cover[i + 1 :]
        if closure_bits(lhs, others) & a:
            cover = others
        else:
            i += 1
    return cover


def group_by_lhs(cover: list[FDBits]) -> list[FDBits]:
    """Merge FDs with the same left side (the "canonical cover" of Silberschatz et al.)."""
    merged: dict[Bits, Bits] = {}
    for lhs, rhs in cover:
        merged[lhs] = merged.get(lhs, 0) | rhs
    return sorted(merged.items(), key=_sort_key)


def minimize_key_bits(s: Bits, universe: Bits, fds: list[FDBits], *, keep: Bits = 0, try_first: Bits = 0) -> Bits:
    """Drop attributes from the superkey ``s`` (of ``universe``) while it stays a superkey.

    ``keep`` attributes are known to be in every key and are not tried; ``try_first`` attributes
    are dropped before the others, which steers the choice of key (e.g. toward a preferred one).
    """
    order = bits_of(s & ~keep & try_first) + bits_of(s & ~keep & ~try_first)
    for b in order:
        t = s & ~b
        if closure_bits(t, fds) & universe == universe:
            s = t
    return s


def candidate_keys_bits(universe: Bits, fds: list[FDBits], *, limit: int = 10_000) -> list[Bits]:
    """All candidate keys, by Lucchesi & Osborn's enumeration (1978).

    Polynomial in (#keys x #FDs x #attributes): from each key K and FD X -> Y, X | (K - Y) is a
    superkey; when no known key lies inside it, minimizing it yields a new key, and every key is
    reached this way. Attribute classification prunes the minimizing: attributes on no right side
    are in every key (never tried), attributes on right sides only are in no key (dropped first).
    """
    fds = [(lhs, rhs & ~lhs) for lhs, rhs in fds if rhs & ~lhs]
    on_rhs = on_lhs = 0
    for lhs, rhs in fds:
        on_lhs |= lhs
        on_rhs |= rhs
    core = universe & ~on_rhs
    only_rhs = on_rhs & ~on_lhs
    first = minimize_key_bits(universe & ~only_rhs, universe, fds, keep=core)
    keys = [first]
    i = 0
    while i < len(keys):
        k = keys[i]
        i += 1
        for lhs, rhs in fds:
            s = lhs | (k & ~rhs)
            if any(kk & ~s == 0 for kk in keys):
                continue
            keys.append(minimize_key_bits(s, universe, fds, keep=core))
            if len(keys) > limit:
                raise InputError(
                    f"more than {limit} candidate keys",
                    hint="the FDs describe an unusually symmetric relation; check them or raise the limit",
                )
    return sorted(keys, key=lambda k: (popcount(k), [b.bit_length() for b in bits_of(k)]))


# -- the name-based API ----------------------------------------------------------------------------
@dataclass(frozen=True)
class ClosureStep:
    fd: FD  # the FD applied
    added: tuple[str, ...]  # what it added to the closure


@dataclass(frozen=True)
class Closure:
    start: tuple[str, ...]
    result: tuple[str, ...]
    steps: tuple[ClosureStep, ...]
    relation: Relation

    def lines(self) -> list[str]:
        """The derivation, one line per step, ending with the result."""
        rel = self.relation
        out = [f"start with {{{', '.join(self.start)}}}"]
        for s in self.steps:
            out.append(f"{s.fd.text(rel)}  adds {', '.join(s.added)}")
        out.append(f"{{{', '.join(self.start)}}}+ = {{{', '.join(self.result)}}}")
        return out

    def to_dict(self) -> dict:
        return {
            "start": list(self.start),
            "result": list(self.result),
            "steps": [{"fd": s.fd.text(self.relation), "added": list(s.added)} for s in self.steps],
        }


class Dependencies:
    """A relation with its FDs: closures, implication, covers, keys. Results are cached.

    ``fds`` may be FD objects, strings ``"A, B -> C"``, pairs ``(lhs, rhs)`` or dicts; every name is
    checked against the relation (an unknown name is an :class:`InputError` with a suggestion).
    """

    def __init__(self, relation: Relation, fds: Iterable = ()):
        self.relation = relation
        self.fds: list[FD] = as_fds(fds, relation)
        self.bits: list[FDBits] = [(relation.mask(f.lhs), relation.mask(f.rhs)) for f in self.fds]
        self.universe = relation.universe

    # conversions
    def to_fd(self, fd: FDBits) -> FD:
        return FD(frozenset(self.relation.names(fd[0])), frozenset(self.relation.names(fd[1])))

    def mask(self, names: Iterable[str]) -> Bits:
        return self.relation.mask(names)

    def names(self, mask: Bits) -> tuple[str, ...]:
        return self.relation.names(mask)

    # closure and implication
    def closure(self, attributes: Iterable[str]) -> tuple[str, ...]:
        return self.names(closure_bits(self.mask(attributes), self.bits))

    def closure_trace(self, attributes: Iterable[str], fds: list[FD] | None = None) -> Closure:
        """The closure with its derivation under ``fds`` (default: the given FDs)."""
        fd_list = self.fds if fds is None else fds
        bits = self.bits if fds is None else [(self.mask(f.lhs), self.mask(f.rhs)) for f in fd_list]
        start = self.mask(attributes)
        result, steps = closure_trace_bits(start, bits)
        return Closure(
            self.names(start),
            self.names(result),
            tuple(ClosureStep(fd_list[i], self.names(added)) for i, added in steps),
            self.relation,
        )

    def implies(self, fd) -> bool:
        fd = fd if isinstance(fd, FD) else as_fds([fd], self.relation)[0]
        rhs = self.mask(fd.rhs)
        return closure_bits(self.mask(fd.lhs), self.bits) & rhs == rhs

    def implies_all(self, fds: Iterable) -> bool:
        return all(self.implies(f) for f in as_fds(fds, self.relation))

    def equivalent_to(self, fds: Iterable) -> bool:
        other = Dependencies(self.relation, fds)
        return self.implies_all(other.fds) and other.implies_all(self.fds)

    def is_superkey(self, attributes: Iterable[str]) -> bool:
        return closure_bits(self.mask(attributes), self.bits) == self.universe

    # covers
    @cached_property
    def minimal_cover_bits(self) -> list[FDBits]:
        return minimal_cover_bits(self.bits)

    @property
    def minimal_cover(self) -> list[FD]:
        """Single-attribute right sides, no extraneous attribute, no redundant FD; deterministic order."""
        return [self.to_fd(f) for f in self.minimal_cover_bits]

    @property
    def canonical_cover(self) -> list[FD]:
        """The minimal cover with FDs of equal left side merged."""
        return [self.to_fd(f) for f in group_by_lhs(self.minimal_cover_bits)]

    # keys
    @cached_property
    def candidate_keys_bits(self) -> list[Bits]:
        return candidate_keys_bits(self.universe, self.minimal_cover_bits)

    @property
    def candidate_keys(self) -> list[tuple[str, ...]]:
        """Every candidate key, smallest first, attributes in relation order."""
        return [self.names(k) for k in self.candidate_keys_bits]

    @cached_property
    def prime_bits(self) -> Bits:
        p = 0
        for k in self.candidate_keys_bits:
            p |= k
        return p

    @property
    def prime_attributes(self) -> tuple[str, ...]:
        return self.names(self.prime_bits)

    def key_of(self, attributes: Iterable[str]) -> tuple[str, ...]:
        """A candidate key inside the superkey ``attributes`` (error when it is not a superkey)."""
        m = self.mask(attributes)
        if closure_bits(m, self.bits) != self.universe:
            raise InputError(f"{{{', '.join(self.names(m))}}} is not a key of {self.relation.name}")
        return self.names(minimize_key_bits(m, self.universe, self.bits))
