"""Decompositions: 3NF synthesis, BCNF decomposition and projection of FDs onto a fragment.

* :func:`synthesize_3nf` is Bernstein's synthesis: from the minimal cover, one fragment per left
  side; a key fragment when no fragment holds a candidate key; fragments inside others dropped.
  Always lossless and dependency-preserving, each fragment in 3NF.
* :func:`decompose_bcnf` splits on a violating X into X+ and the rest until every fragment is in
  BCNF. Always lossless; the FDs it cannot preserve are reported.
* :func:`project` computes the FDs that hold on a fragment. Deciding whether a fragment is in BCNF
  is coNP-complete (Beeri & Bernstein 1979), so both :func:`project` and the BCNF check on
  fragments enumerate subsets of the fragment's attributes that appear on some left side, by
  increasing size, skipping supersets of keys. They stop with :class:`NormalizationLimitError`
  after ``max_subsets`` closures (default 65 536): ample for hand-written relations, and a clear
  error rather than a hang on adversarial ones.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import combinations

from ..errors import InputError
from .chase import is_lossless, not_preserved
from .closure import Bits, Dependencies, bits_of, closure_bits, group_by_lhs, minimize_key_bits, popcount
from .relation import FD, Relation

MAX_SUBSETS = 1 << 16


class NormalizationLimitError(InputError):
    """An exponential step (projection, BCNF check of a fragment) went over its budget."""


@dataclass
class Fragment:
    name: str
    attributes: tuple[str, ...]
    key: tuple[str, ...]
    fds: list[FD]  # the FDs of the minimal cover that lie inside the fragment
    reason: str

    def to_dict(self, relation: Relation | None = None) -> dict:
        return {
            "name": self.name,
            "attributes": list(self.attributes),
            "key": list(self.key),
            "fds": [f.text(relation) for f in self.fds],
            "reason": self.reason,
        }


@dataclass
class Decomposition:
    target: str  # "3nf" or "bcnf"
    relation: Relation
    fragments: list[Fragment]
    lossless: bool
    dependency_preserving: bool
    not_preserved: list[FD]
    steps: list[str] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "target": self.target,
            "relations": [f.to_dict(self.relation) for f in self.fragments],
            "lossless": self.lossless,
            "dependency_preserving": self.dependency_preserving,
            "not_preserved": [f.text(self.relation) for f in self.not_preserved],
            "steps": list(self.steps),
        }


# -- projection and BCNF checks of fragments ---------------------------------------------------------
def _lhs_attributes(deps: Dependencies) -> Bits:
    on_lhs = 0
    for lhs, _ in deps.minimal_cover_bits:
        on_lhs |= lhs
    return on_lhs


def _subsets_by_size(candidates: Bits, max_subsets: int, what: str):
    """Subsets of ``candidates``, smallest first, with a closure budget."""
    attrs = bits_of(candidates)
    count = 0
    for size in range(1, len(attrs) + 1):
        for combo in combinations(attrs, size):
            count += 1
            if count > max_subsets:
                raise NormalizationLimitError(
                    f"{what} needs more than {max_subsets} closures ({len(attrs)} attributes appear on left sides)",
                    hint="give fewer or smaller FDs, or pass a larger max_subsets",
                )
            x = 0
            for b in combo:
                x |= b
            yield x


def project_bits(deps: Dependencies, fragment: Bits, *, max_subsets: int = MAX_SUBSETS) -> list[tuple[Bits, Bits]]:
    """A minimal cover of the FDs that hold on ``fragment`` (exponential; see the module notes)."""
    from .closure import minimal_cover_bits

    cover = deps.minimal_cover_bits
    found: list[tuple[Bits, Bits]] = []
    superkeys: list[Bits] = []
    what = f"projecting the FDs on {{{', '.join(deps.names(fragment))}}}"
    for x in _subsets_by_size(fragment & _lhs_attributes(deps), max_subsets, what):
        if any(k & ~x == 0 for k in superkeys):
            continue
        c = closure_bits(x, cover) & fragment
        if c & ~x:
            found.append((x, c & ~x))
        if c == fragment:
            superkeys.append(x)
    return minimal_cover_bits(found)


def project(deps: Dependencies, attributes: Iterable[str], *, max_subsets: int = MAX_SUBSETS) -> list[FD]:
    """The FDs that hold on the fragment ``attributes``, as a minimal cover."""
    return [deps.to_fd(f) for f in project_bits(deps, deps.mask(attributes), max_subsets=max_subsets)]


def find_bcnf_violation_bits(deps: Dependencies, fragment: Bits, *, max_subsets: int = MAX_SUBSETS):
    """(X, X+ & fragment) for some X inside ``fragment`` that breaks BCNF there, or None.

    Left sides of the cover are tried first (cheap, and they give the textbook splits); only when
    none breaks BCNF are the other subsets searched, to be sure.
    """
    cover = deps.minimal_cover_bits
    for lhs, _ in group_by_lhs(cover):
        if lhs & ~fragment == 0:
            c = closure_bits(lhs, cover) & fragment
            if c & ~lhs and c != fragment:
                return lhs, c
    superkeys: list[Bits] = []
    what = f"checking BCNF of {{{', '.join(deps.names(fragment))}}}"
    for x in _subsets_by_size(fragment & _lhs_attributes(deps), max_subsets, what):
        if any(k & ~x == 0 for k in superkeys):
            continue
        c = closure_bits(x, cover) & fragment
        if c == fragment:
            superkeys.append(x)
        elif c & ~x:
            return x, c
    return None


def is_bcnf_fragment(deps: Dependencies, attributes: Iterable[str], *, max_subsets: int = MAX_SUBSETS) -> bool:
    """True when the fragment ``attributes`` is in BCNF under the FDs it inherits."""
    return find_bcnf_violation_bits(deps, deps.mask(attributes), max_subsets=max_subsets) is None


def is_3nf_fragment(deps: Dependencies, attributes: Iterable[str], *, max_subsets: int = MAX_SUBSETS) -> bool:
    """True when the fragment is in 3NF under its projected FDs (exponential; for tests and checks)."""
    from .closure import candidate_keys_bits

    frag = deps.mask(attributes)
    projected = project_bits(deps, frag, max_subsets=max_subsets)
    keys = candidate_keys_bits(frag, projected)
    prime = 0
    for k in keys:
        prime |= k
    for lhs, a in projected:
        if closure_bits(lhs, projected) & frag != frag and a & ~prime:
            return False
    return True


# -- naming ----------------------------------------------------------------------------------------
_KEY_SUFFIXES = {"id", "code", "no", "nr", "num", "number", "key", "name"}
_WORD_SPLIT = re.compile(r"[ _\-]+|(?<=[a-z0-9])(?=[A-Z])")


def stem_of(attribute: str) -> str:
    """``product_id`` -> ``product``, ``branch name`` -> ``branch``, ``zip`` -> ``zip``."""
    words = [w for w in _WORD_SPLIT.split(attribute) if w]
    if len(words) > 1 and words[-1].lower() in _KEY_SUFFIXES:
        words = words[:-1]
    sep = " " if " " in attribute else "_" if "_" in attribute or "-" in attribute else ""
    return sep.join(words) if words else attribute


def name_for(determinant: Sequence[str]) -> str:
    """A fragment name derived from its determinant (its key)."""
    return "_".join(stem_of(a) for a in determinant)


def _unique(name: str, taken: set[str]) -> str:
    candidate, n = name, 2
    while candidate.lower() in taken:
        candidate = f"{name}_{n}"
        n += 1
    taken.add(candidate.lower())
    return candidate


# -- the decompositions ------------------------------------------------------------------------------
def _primary_key(deps: Dependencies, primary_key: Iterable[str] | None) -> Bits:
    if primary_key:
        m = deps.mask(primary_key)
        if closure_bits(m, deps.minimal_cover_bits) != deps.universe:
            raise InputError(f"{{{', '.join(deps.names(m))}}} is not a key of {deps.relation.name}")
        return m
    return deps.candidate_keys_bits[0]


def _finish(deps: Dependencies, target: str, masks: list[Bits], keys: list[Bits], reasons: list[str],
            pk: Bits, steps: list[str]) -> Decomposition:
    """Name the fragments, list the FDs each keeps, and run the lossless and preservation tests."""
    rel = deps.relation
    cover = deps.minimal_cover_bits
    # The fragment holding the original key keeps the relation's name (and that key).
    home = next((i for i, m in enumerate(masks) if pk & ~m == 0), None)
    if home is None:
        home = next(i for i, m in enumerate(masks) if any(k & ~m == 0 for k in deps.candidate_keys_bits))
    else:
        keys[home] = minimize_key_bits(pk, masks[home], cover)
    taken = {rel.name.lower()}
    fragments = []
    for i, (m, k, why) in enumerate(zip(masks, keys, reasons)):
        name = rel.name if i == home else _unique(name_for(deps.names(k)), taken)
        kept = [deps.to_fd(f) for f in group_by_lhs([f for f in cover if (f[0] | f[1]) & ~m == 0])]
        fragments.append(Fragment(name, deps.names(m), deps.names(k), kept, why))
    attrs = [f.attributes for f in fragments]
    lost = not_preserved(deps, attrs)
    return Decomposition(target, rel, fragments, is_lossless(deps, attrs), not lost, lost, steps)


def synthesize_3nf(deps: Dependencies, *, primary_key: Iterable[str] | None = None) -> Decomposition:
    """Bernstein's 3NF synthesis: lossless, dependency-preserving, every fragment in 3NF."""
    cover = deps.minimal_cover_bits
    pk = _primary_key(deps, primary_key)
    steps = [f"minimal cover: {'; '.join(f.text(deps.relation) for f in deps.minimal_cover) or '(no FDs)'}"]
    masks, keys, reasons = [], [], []
    for lhs, rhs in group_by_lhs(cover):
        masks.append(lhs | rhs)
        keys.append(lhs)
        fd = deps.to_fd((lhs, rhs)).text(deps.relation)
        reasons.append(f"one relation per left side of the minimal cover: {fd}")
        steps.append(f"{fd}: relation {{{', '.join(deps.names(lhs | rhs))}}} with key {{{', '.join(deps.names(lhs))}}}")
    if not any(k & ~m == 0 for m in masks for k in deps.candidate_keys_bits):
        masks.append(pk)
        keys.append(pk)
        reasons.append("holds a candidate key, so that joining the relations is lossless")
        steps.append(
            f"no relation holds a candidate key: add {{{', '.join(deps.names(pk))}}} so the join is lossless"
        )
    # Drop relations contained in another (keep the earlier of two equal ones).
    keep = []
    for i, m in enumerate(masks):
        inside = next((j for j, o in enumerate(masks) if j != i and m & ~o == 0 and (m != o or j < i)), None)
        if inside is None:
            keep.append(i)
        else:
            steps.append(
                f"drop {{{', '.join(deps.names(m))}}}: it is contained in {{{', '.join(deps.names(masks[inside]))}}}"
            )
    return _finish(deps, "3nf", [masks[i] for i in keep], [keys[i] for i in keep], [reasons[i] for i in keep], pk, steps)


def decompose_bcnf(deps: Dependencies, *, primary_key: Iterable[str] | None = None,
                   max_subsets: int = MAX_SUBSETS) -> Decomposition:
    """Split on BCNF violations X -> X+ until none is left: lossless, maybe not dependency-preserving."""
    cover = deps.minimal_cover_bits
    pk = _primary_key(deps, primary_key)
    steps: list[str] = []
    work = [deps.universe]
    done: list[Bits] = []
    while work:
        s = work.pop(0)
        violation = find_bcnf_violation_bits(deps, s, max_subsets=max_subsets)
        if violation is None:
            done.append(s)
            continue
        x, c = violation
        rest = (s & ~c) | x
        steps.append(
            f"in {{{', '.join(deps.names(s))}}}, {{{', '.join(deps.names(x))}}} -> {', '.join(deps.names(c & ~x))} "
            f"breaks BCNF ({{{', '.join(deps.names(x))}}}+ does not hold {', '.join(deps.names(s & ~c))}): "
            f"split into {{{', '.join(deps.names(c))}}} and {{{', '.join(deps.names(rest))}}}"
        )
        work[:0] = [c, rest]
    done = [m for i, m in enumerate(done) if not any(j != i and m & ~o == 0 and (m != o or j < i) for j, o in enumerate(done))]
    keys, reasons = [], []
    for m in done:
        # Prefer a key made of the split's determinant: drop the other attributes first.
        k = minimize_key_bits(m, m, cover, try_first=m & ~_determinant_hint(m, cover))
        keys.append(k)
        reasons.append("in BCNF: every determinant inside it is a key")
    lost_note = not_preserved(deps, [deps.names(m) for m in done])
    if lost_note:
        steps.append("not preserved: " + "; ".join(f.text(deps.relation) for f in lost_note))
    return _finish(deps, "bcnf", done, keys, reasons, pk, steps)


def _determinant_hint(fragment: Bits, cover) -> Bits:
    """The smallest cover left side that is a key of ``fragment`` (0 when none is)."""
    best = 0
    for lhs, _ in cover:
        is_key = lhs & ~fragment == 0 and closure_bits(lhs, cover) & fragment == fragment
        if is_key and (not best or popcount(lhs) < popcount(best)):
            best = lhs
    return best


def decompose(attributes: Sequence[str] | Relation, fds: Iterable, *, target: str = "3nf",
              primary_key: Iterable[str] | None = None, name: str = "R") -> Decomposition:
    """Decompose a relation given by its attributes and FDs; the entry point for the design engines.

    ``target`` is ``"3nf"`` (Bernstein synthesis) or ``"bcnf"``; ``fds`` take any form
    :class:`Dependencies` accepts. Raises :class:`InputError` on unknown names or bad FDs.
    """
    relation = attributes if isinstance(attributes, Relation) else Relation(name, tuple(attributes))
    deps = Dependencies(relation, fds)
    t = target.lower()
    if t == "3nf":
        return synthesize_3nf(deps, primary_key=primary_key)
    if t == "bcnf":
        return decompose_bcnf(deps, primary_key=primary_key)
    raise InputError(f"unknown normalization target {target!r}", hint="use 3nf or bcnf")
