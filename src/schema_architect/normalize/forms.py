"""Normal-form tests (1NF, 2NF, 3NF, BCNF), each violation with its witness and a reason.

* 1NF cannot be seen in FDs: attributes the caller (or the 1NF detector, ``first_nf``) flags as
  non-atomic are reported as 1NF violations.
* 2NF: a non-prime attribute depends on a proper part of a candidate key. Tested exactly: for each
  key K and each a in K, the non-prime attributes in (K - a)+ are partially dependent; the witness
  left side is then shrunk to a minimal part of K that still determines them.
* 3NF and BCNF: checking the FDs of any cover is enough (a standard result); we check the minimal
  cover. X -> A breaks BCNF when X is not a superkey, and 3NF when moreover A is not prime.

Each violation is reported once, under the lowest form it breaks (a partial dependency also breaks
3NF and BCNF).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .closure import Closure, Dependencies, bits_of, closure_bits
from .relation import FD

FORMS = ("1NF", "2NF", "3NF", "BCNF")


@dataclass
class Violation:
    form: str  # the lowest normal form it breaks: "1NF", "2NF", "3NF" or "BCNF"
    kind: str  # non-atomic | partial dependency | transitive dependency | non-superkey determinant
    fd: FD | None
    reason: str
    proof: Closure | None = None
    attributes: tuple[str, ...] = ()

    def to_dict(self, relation=None) -> dict:
        return {
            "form": self.form,
            "kind": self.kind,
            "fd": self.fd.to_dict(relation) if self.fd else None,
            "reason": self.reason,
            "proof": self.proof.lines() if self.proof else [],
        }


@dataclass
class NormalFormReport:
    normal_form: str  # the highest form satisfied: "BCNF", "3NF", "2NF", "1NF" or "none" (not 1NF)
    violations: list[Violation] = field(default_factory=list)

    def satisfies(self, form: str) -> bool:
        if self.normal_form == "none":
            return False
        return FORMS.index(self.normal_form) >= FORMS.index(form.upper())


def _braces(names) -> str:
    return ", ".join(names)


def check_normal_forms(deps: Dependencies, *, nonatomic: tuple[str, ...] | list[str] = ()) -> NormalFormReport:
    """The highest normal form ``deps.relation`` is in, with every violation explained."""
    rel = deps.relation
    universe = deps.universe
    keys = deps.candidate_keys_bits
    prime = deps.prime_bits
    cover = deps.minimal_cover_bits
    violations: list[Violation] = []

    for a in nonatomic:
        name = rel.resolve(a, context="a non-atomic flag")
        violations.append(
            Violation("1NF", "non-atomic", None, f"{name} holds a repeating group, a list or a composite value, not one atomic value", attributes=(name,))
        )

    # Witnesses first, grouped by (form, left side); reasons are written once the group is known.
    found: dict[tuple[str, int], list] = {}  # (form, lhs) -> [rhs mask, key mask]
    reported: set[tuple[int, int]] = set()

    # 2NF: partial dependencies of non-prime attributes on part of a key.
    for k in keys:
        if k & (k - 1) == 0:  # single-attribute key: no proper part determines anything new
            continue
        for b in bits_of(k):
            part = k & ~b
            dependents = closure_bits(part, cover) & ~part & ~prime & universe
            for a in bits_of(dependents):
                lhs = _shrink(part, a, cover)
                if (lhs, a) not in reported:
                    reported.add((lhs, a))
                    found.setdefault(("2NF", lhs), [0, k])[0] |= a

    # 3NF and BCNF: FDs of the minimal cover whose left side is not a superkey.
    for lhs, a in cover:
        if closure_bits(lhs, cover) == universe or (lhs, a) in reported:
            continue
        if any(lhs & ~k == 0 and lhs != k for k in keys) and not a & prime:
            continue  # a partial dependency, already reported under 2NF via a minimal witness
        form = "BCNF" if a & prime else "3NF"
        found.setdefault((form, lhs), [0, keys[0]])[0] |= a

    names = lambda m: ", ".join(deps.names(m))
    for (form, lhs), (rhs, k) in found.items():
        fd = deps.to_fd((lhs, rhs))
        proof = deps.closure_trace(deps.names(lhs), deps.minimal_cover)
        many = rhs & (rhs - 1)
        subject = f"{names(rhs)} {'are' if many else 'is'} not prime and {'depend' if many else 'depends'} on {{{names(lhs)}}}"
        if form == "2NF":
            kind, reason = "partial dependency", f"{subject}, a proper part of the candidate key {{{names(k)}}}"
        elif form == "3NF":
            kind = "transitive dependency"
            reason = (
                f"{subject}, which is not a superkey: the key {{{names(k)}}} determines "
                f"{'them' if many else 'it'} only transitively, through {{{names(lhs)}}}"
            )
        else:
            kind = "non-superkey determinant"
            reason = (
                f"{{{names(lhs)}}} determines {names(rhs)} but is not a superkey of {rel.name} (its closure misses "
                f"{names(universe & ~closure_bits(lhs, cover))}); 3NF tolerates this only because "
                f"{names(rhs)} {'are' if many else 'is'} prime"
            )
        violations.append(Violation(form, kind, fd, reason, proof))

    broken = {v.form for v in violations}
    if "1NF" in broken:
        nf = "none"
    elif "2NF" in broken:
        nf = "1NF"
    elif "3NF" in broken:
        nf = "2NF"
    elif "BCNF" in broken:
        nf = "3NF"
    else:
        nf = "BCNF"
    return NormalFormReport(nf, violations)


def _shrink(lhs: int, a: int, cover) -> int:
    """A minimal subset of ``lhs`` whose closure still holds ``a``."""
    for b in bits_of(lhs):
        t = lhs & ~b
        if t and closure_bits(t, cover) & a:
            lhs = t
    return lhs


__all__ = ["FORMS", "NormalFormReport", "Violation", "check_normal_forms"]
