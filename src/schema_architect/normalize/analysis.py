"""The whole analysis of one relation: keys with proofs, normal form, covers, both decompositions.

:func:`analyze` is what the CLI prints and what the engines can call to explain a design. A key the
user declares (``declared_keys``) is checked: FDs cannot contradict each other (any set of FDs has
a model), so "contradictory" here means a declared key the FDs do not make a key, or one that is not
minimal. Cycles (A -> B, B -> A) are fine: they mean A and B are both keys.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from ..errors import InputError
from .closure import Closure, Dependencies, closure_bits, minimize_key_bits
from .decompose import Decomposition, NormalizationLimitError, decompose_bcnf, synthesize_3nf
from .forms import NormalFormReport, check_normal_forms
from .relation import FD, Relation


@dataclass
class Analysis:
    deps: Dependencies
    candidate_keys: list[tuple[str, ...]]
    key_proofs: list[Closure]
    prime_attributes: tuple[str, ...]
    minimal_cover: list[FD]
    canonical_cover: list[FD]
    report: NormalFormReport
    decomposition_3nf: Decomposition
    decomposition_bcnf: Decomposition | None
    bcnf_error: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def relation(self) -> Relation:
        return self.deps.relation

    @property
    def normal_form(self) -> str:
        return self.report.normal_form

    def to_dict(self) -> dict:
        rel = self.relation
        bcnf = self.decomposition_bcnf
        return {
            "relation": {"name": rel.name, "attributes": list(rel.attributes)},
            "fds": [f.text(rel) for f in self.deps.fds],
            "candidate_keys": [list(k) for k in self.candidate_keys],
            "key_proofs": [p.to_dict() for p in self.key_proofs],
            "prime_attributes": list(self.prime_attributes),
            "normal_form": self.normal_form,
            "violations": [v.to_dict(rel) for v in self.report.violations],
            "minimal_cover": [f.text(rel) for f in self.minimal_cover],
            "canonical_cover": [f.text(rel) for f in self.canonical_cover],
            "decomposition_3nf": self.decomposition_3nf.to_dict(),
            "decomposition_bcnf": bcnf.to_dict() if bcnf else {"error": self.bcnf_error},
            "lossless": {"3nf": self.decomposition_3nf.lossless, "bcnf": bcnf.lossless if bcnf else None},
            "dependency_preserving": {
                "3nf": self.decomposition_3nf.dependency_preserving,
                "bcnf": bcnf.dependency_preserving if bcnf else None,
            },
            "notes": list(self.notes),
        }


def check_declared_key(deps: Dependencies, key: Iterable[str]) -> tuple[str, ...]:
    """The declared key in relation order; an error when the FDs do not make it a (minimal) key."""
    rel = deps.relation
    m = rel.mask(key, context="the declared key")
    if not m:
        raise InputError("the declared key is empty", hint="name at least one attribute")
    c = closure_bits(m, deps.minimal_cover_bits)
    shown = "{" + ", ".join(deps.names(m)) + "}"
    if c != deps.universe:
        missing = ", ".join(deps.names(deps.universe & ~c))
        raise InputError(
            f"contradictory spec: declared key {shown} of {rel.name} does not determine {missing} under the given FDs",
            hint=f"add an FD such as '{', '.join(deps.names(m))} -> {missing}', or declare a different key",
        )
    smaller = minimize_key_bits(m, deps.universe, deps.minimal_cover_bits)
    if smaller != m:
        raise InputError(
            f"contradictory spec: declared key {shown} of {rel.name} is not minimal: "
            f"{{{', '.join(deps.names(smaller))}}} already determines every attribute",
            hint="declare the smaller key, or remove the FD that makes it a key",
        )
    return deps.names(m)


def analyze(relation: Relation, fds: Iterable, *, declared_keys: Iterable[Iterable[str]] = (),
            nonatomic: Iterable[str] = ()) -> Analysis:
    """Analyze ``relation`` under ``fds``: keys (with closure proofs), normal form, decompositions."""
    deps = Dependencies(relation, fds)
    notes = []
    trivial = [f for f in deps.fds if f.is_trivial]
    if trivial:
        notes.append("trivial FDs ignored: " + "; ".join(f.text(relation) for f in trivial))
    declared = [check_declared_key(deps, k) for k in declared_keys]
    keys = deps.candidate_keys
    cover = deps.minimal_cover
    proofs = [deps.closure_trace(k, cover) for k in keys]
    report = check_normal_forms(deps, nonatomic=list(nonatomic))
    primary = declared[0] if declared else None
    d3 = synthesize_3nf(deps, primary_key=primary)
    bcnf, bcnf_error = None, None
    try:
        bcnf = decompose_bcnf(deps, primary_key=primary)
    except NormalizationLimitError as exc:
        bcnf_error = exc.one_line()
        notes.append(f"BCNF decomposition not computed: {bcnf_error}")
    return Analysis(deps, keys, proofs, deps.prime_attributes, cover, deps.canonical_cover, report, d3, bcnf,
                    bcnf_error, notes)
