"""Property-based tests of the normalization engine against brute-force oracles.

Random FD sets over up to 10 attributes; the oracles enumerate every subset (2^10 = 1024), which is
exactly what the engine avoids doing.
"""

from __future__ import annotations

from itertools import combinations

from hypothesis import given
from hypothesis import strategies as st

from schema_architect.normalize import (
    FD,
    Dependencies,
    Relation,
    check_normal_forms,
    decompose_bcnf,
    is_lossless,
    preserves_dependencies,
    project,
    synthesize_3nf,
)

LETTERS = "ABCDEFGHIJ"


@st.composite
def relations_with_fds(draw, max_attrs: int = 10, max_fds: int = 12):
    n = draw(st.integers(1, max_attrs))
    attrs = LETTERS[:n]
    side = st.lists(st.sampled_from(attrs), min_size=1, max_size=3, unique=True)
    fds = draw(st.lists(st.tuples(side, side), max_size=max_fds))
    return Relation("R", tuple(attrs)), [FD(frozenset(l), frozenset(r)) for l, r in fds]


# -- oracles ---------------------------------------------------------------------------------------
def naive_closure(x: frozenset, fds) -> frozenset:
    x = set(x)
    changed = True
    while changed:
        changed = False
        for f in fds:
            if f.lhs <= x and not f.rhs <= x:
                x |= f.rhs
                changed = True
    return frozenset(x)


def all_subsets(attrs):
    for size in range(len(attrs) + 1):
        for combo in combinations(attrs, size):
            yield frozenset(combo)


def brute_force_keys(attrs, fds) -> set[frozenset]:
    everything = frozenset(attrs)
    superkeys = [s for s in all_subsets(attrs) if naive_closure(s, fds) == everything]
    return {s for s in superkeys if not any(o < s for o in superkeys)}


def brute_projection(attrs_all, fds, fragment: frozenset):
    return [FD(x, naive_closure(x, fds) & fragment) for x in all_subsets(sorted(fragment)) if x]


def brute_in_bcnf(fds, fragment: frozenset) -> bool:
    for x in all_subsets(sorted(fragment)):
        c = naive_closure(x, fds) & fragment
        if c != x and c != fragment:
            return False
    return True


def brute_in_3nf(fds, fragment: frozenset) -> bool:
    """3NF of a fragment from the definition: closures under F restricted to the fragment are the
    closures under F's projection, so keys and prime attributes come straight from them."""
    subsets = list(all_subsets(sorted(fragment)))
    closures = {x: naive_closure(x, fds) & fragment for x in subsets}
    superkeys = [x for x in subsets if closures[x] == fragment]
    keys = [x for x in superkeys if not any(o < x for o in superkeys)]
    prime = frozenset().union(*keys)
    return all(closures[x] == fragment or not (closures[x] - x) - prime for x in subsets)


# -- properties ------------------------------------------------------------------------------------
@given(relations_with_fds())
def test_candidate_keys_equal_brute_force(case):
    rel, fds = case
    deps = Dependencies(rel, fds)
    assert {frozenset(k) for k in deps.candidate_keys} == brute_force_keys(rel.attributes, fds)
    assert set(deps.prime_attributes) == set().union(*brute_force_keys(rel.attributes, fds))


@given(relations_with_fds())
def test_closure_matches_naive_closure(case):
    rel, fds = case
    deps = Dependencies(rel, fds)
    for size in (1, 2):
        for x in combinations(rel.attributes, min(size, len(rel))):
            assert frozenset(deps.closure(x)) == naive_closure(frozenset(x), fds)
            trace = deps.closure_trace(x)
            replay = set(x)
            for step in trace.steps:  # each step's FD fires on what came before it
                assert step.fd.lhs <= replay
                replay |= set(step.added)
            assert frozenset(replay) == frozenset(trace.result)


@given(relations_with_fds())
def test_minimal_cover_is_equivalent_and_minimal(case):
    rel, fds = case
    deps = Dependencies(rel, fds)
    cover = deps.minimal_cover
    assert deps.equivalent_to(cover)
    for i, f in enumerate(cover):
        assert len(f.rhs) == 1 and not f.is_trivial
        others = cover[:i] + cover[i + 1 :]
        assert not f.rhs <= naive_closure(f.lhs, others), f"{f} is redundant"
        for b in f.lhs:
            if len(f.lhs) > 1:
                assert not f.rhs <= naive_closure(f.lhs - {b}, cover), f"{b} is extraneous in {f}"
    # Deterministic: the listing order of the input does not matter.
    assert Dependencies(rel, list(reversed(fds))).minimal_cover == cover


@given(relations_with_fds())
def test_3nf_synthesis_is_3nf_lossless_and_preserving(case):
    rel, fds = case
    deps = Dependencies(rel, fds)
    d = synthesize_3nf(deps)
    fragments = [frozenset(f.attributes) for f in d.fragments]
    assert frozenset().union(*fragments) == frozenset(rel.attributes)
    for f in d.fragments:
        frag = frozenset(f.attributes)
        assert brute_in_3nf(fds, frag), f"{f.attributes} is not in 3NF"
        assert naive_closure(frozenset(f.key), fds) >= frag, f"{f.key} is not a key of {f.attributes}"
    assert d.lossless and is_lossless(deps, [f.attributes for f in d.fragments])
    assert d.dependency_preserving and preserves_dependencies(deps, [f.attributes for f in d.fragments])
    assert len(set(fragments)) == len(fragments)
    assert not any(a < b for a in fragments for b in fragments)


@given(relations_with_fds())
def test_bcnf_decomposition_is_bcnf_and_lossless(case):
    rel, fds = case
    deps = Dependencies(rel, fds)
    d = decompose_bcnf(deps)
    for f in d.fragments:
        frag = frozenset(f.attributes)
        assert brute_in_bcnf(fds, frag), f"{f.attributes} is not in BCNF"
        key = frozenset(f.key)
        assert naive_closure(key, fds) >= frag
        assert not any(naive_closure(key - {b}, fds) >= frag for b in key), "fragment key not minimal"
    assert d.lossless and is_lossless(deps, [f.attributes for f in d.fragments])
    # What it reports as lost really is lost, and the rest is really kept.
    assert d.dependency_preserving == (not d.not_preserved)
    assert preserves_dependencies(deps, [f.attributes for f in d.fragments]) == d.dependency_preserving


@given(relations_with_fds())
def test_normal_form_agrees_with_brute_force(case):
    rel, fds = case
    deps = Dependencies(rel, fds)
    report = check_normal_forms(deps)
    whole = frozenset(rel.attributes)
    assert report.satisfies("BCNF") == brute_in_bcnf(fds, whole)
    assert report.satisfies("3NF") == brute_in_3nf(fds, whole)
    keys = brute_force_keys(rel.attributes, fds)
    prime = frozenset().union(*keys)
    partial = any(
        (naive_closure(part, fds) - part) - prime
        for k in keys
        for part in all_subsets(sorted(k))
        if part != k
    )
    assert report.satisfies("2NF") == (not partial)
    for v in report.violations:  # every witness really holds and really breaks its form
        assert v.fd.rhs <= naive_closure(v.fd.lhs, fds)
        assert naive_closure(v.fd.lhs, fds) != whole


@given(relations_with_fds(max_attrs=7))
def test_projection_matches_brute_force(case):
    rel, fds = case
    deps = Dependencies(rel, fds)
    fragment = frozenset(rel.attributes[: max(1, len(rel) // 2 + 1)])
    projected = project(deps, fragment)
    for f in projected:
        assert f.lhs | f.rhs <= fragment
    # Same closure on every subset of the fragment as the brute-force projection.
    for x in all_subsets(sorted(fragment)):
        assert naive_closure(x, projected) == naive_closure(x, fds) & fragment | x


def test_lossless_test_rejects_a_lossy_split():
    rel = Relation("R", ("A", "B", "C"))
    deps = Dependencies(rel, ["A -> B"])
    assert not is_lossless(deps, [("A", "B"), ("B", "C")])
    assert is_lossless(deps, [("A", "B"), ("A", "C")])
    assert not preserves_dependencies(Dependencies(rel, ["A -> B", "B -> C"]), [("A", "B"), ("A", "C")])


@st.composite
def binary_splits(draw):
    rel, fds = draw(relations_with_fds(max_attrs=8))
    attrs = list(rel.attributes)
    in_first = draw(st.lists(st.booleans(), min_size=len(attrs), max_size=len(attrs)))
    shared = draw(st.lists(st.booleans(), min_size=len(attrs), max_size=len(attrs)))
    r1 = [a for a, f, s in zip(attrs, in_first, shared) if f or s]
    r2 = [a for a, f, s in zip(attrs, in_first, shared) if not f or s]
    return rel, fds, r1 or attrs[:1], r2 or attrs[:1]


@given(binary_splits())
def test_chase_agrees_with_the_binary_lossless_theorem(case):
    """R1, R2 is lossless iff (R1 & R2)+ holds R1 or R2 (Heath / Silberschatz Thm. 7.x)."""
    rel, fds, r1, r2 = case
    deps = Dependencies(rel, fds)
    if set(r1) | set(r2) != set(rel.attributes):
        return
    common = naive_closure(frozenset(r1) & frozenset(r2), fds)
    expected = frozenset(r1) <= common or frozenset(r2) <= common
    assert is_lossless(deps, [r1, r2]) == expected


@given(binary_splits())
def test_preservation_agrees_with_brute_force_projection(case):
    rel, fds, r1, r2 = case
    deps = Dependencies(rel, fds)
    if set(r1) | set(r2) != set(rel.attributes):
        return
    projected = brute_projection(None, fds, frozenset(r1)) + brute_projection(None, fds, frozenset(r2))
    expected = all(f.rhs <= naive_closure(f.lhs, projected) for f in fds)
    assert preserves_dependencies(deps, [r1, r2]) == expected
