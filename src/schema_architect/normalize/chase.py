"""Tests anyone can run on a decomposition: lossless join (the chase) and dependency preservation.

Both take the original relation's :class:`Dependencies` and the fragments as attribute lists, so
they work on any decomposition, not only the ones this package produces.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..errors import InputError
from .closure import Bits, Dependencies, closure_bits
from .relation import FD


def _fragment_masks(deps: Dependencies, fragments: Iterable[Iterable[str]]) -> list[Bits]:
    masks = [deps.mask(f) for f in fragments]
    if not masks:
        raise InputError("a decomposition needs at least one fragment")
    covered = 0
    for m in masks:
        covered |= m
    if covered != deps.universe:
        missing = deps.names(deps.universe & ~covered)
        raise InputError(
            f"the fragments do not cover {deps.relation.name}: missing {', '.join(missing)}",
            hint="every attribute must appear in some fragment",
        )
    return masks


@dataclass
class ChaseResult:
    lossless: bool
    tableau: list[list[str]]  # final tableau, "a" = distinguished symbol, "b<row>" otherwise
    rounds: int


def chase(deps: Dependencies, fragments: Sequence[Iterable[str]]) -> ChaseResult:
    """Run the chase: one tableau row per fragment (distinguished where the fragment has the
    attribute), equate symbols with every FD until nothing changes; lossless iff a row is all
    distinguished (Aho, Beeri & Ullman 1979)."""
    masks = _fragment_masks(deps, fragments)
    n = len(deps.relation)
    # Symbol 0 is the distinguished "a"; every other cell starts with its own symbol. Equating
    # symbols is a union-find (the smaller symbol is the root, so "a" always wins), which avoids
    # rewriting the whole tableau on each equation.
    rows = [[0 if m >> j & 1 else 1 + i * n + j for j in range(n)] for i, m in enumerate(masks)]
    parent = list(range(1 + len(rows) * n))

    def find(x: int) -> int:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    def union(x: int, y: int) -> bool:
        rx, ry = find(x), find(y)
        if rx == ry:
            return False
        if ry < rx:
            rx, ry = ry, rx
        parent[ry] = rx
        return True

    fds = [(lhs, rhs & ~lhs) for lhs, rhs in deps.minimal_cover_bits]
    fd_cols = [([j for j in range(n) if lhs >> j & 1], [j for j in range(n) if rhs >> j & 1]) for lhs, rhs in fds]
    rounds = 0
    changed = True
    lossless = False
    while changed and not lossless:
        changed = False
        rounds += 1
        for lcols, rcols in fd_cols:
            seen: dict[tuple, list[int]] = {}
            for row in rows:
                first = seen.setdefault(tuple(find(row[j]) for j in lcols), row)
                if first is not row:
                    for j in rcols:
                        if union(first[j], row[j]):
                            changed = True
        lossless = any(all(find(v) == 0 for v in row) for row in rows)
    final = [[find(v) for v in row] for row in rows]
    return ChaseResult(lossless, _show(final), rounds)


def _show(rows: list[list[int]]) -> list[list[str]]:
    return [["a" if v == 0 else f"b{v}" for v in row] for row in rows]


def is_lossless(deps: Dependencies, fragments: Sequence[Iterable[str]]) -> bool:
    """True when joining the fragments always gives back the original relation."""
    return chase(deps, fragments).lossless


def preserved_closure_bits(lhs: Bits, masks: list[Bits], fds) -> Bits:
    """Closure of ``lhs`` under the union of the FDs projected on each fragment, without computing
    the projections (Ullman's algorithm: Z := Z | ((Z & Ri)+ & Ri) until stable). Polynomial."""
    z = lhs
    changed = True
    while changed:
        changed = False
        for m in masks:
            t = closure_bits(z & m, fds) & m
            if t & ~z:
                z |= t
                changed = True
    return z


def not_preserved(deps: Dependencies, fragments: Sequence[Iterable[str]]) -> list[FD]:
    """The FDs of the minimal cover that the fragments' own FDs no longer imply."""
    masks = _fragment_masks(deps, fragments)
    lost = []
    for lhs, rhs in deps.minimal_cover_bits:
        if any((lhs | rhs) & ~m == 0 for m in masks):
            continue  # inside one fragment: that fragment enforces it
        if preserved_closure_bits(lhs, masks, deps.minimal_cover_bits) & rhs != rhs:
            lost.append(deps.to_fd((lhs, rhs)))
    return lost


def preserves_dependencies(deps: Dependencies, fragments: Sequence[Iterable[str]]) -> bool:
    """True when the FDs that hold within the fragments imply every FD of the relation."""
    return not not_preserved(deps, fragments)
