"""Classic textbook cases with their published answers.

Sources: Silberschatz, Korth & Sudarshan, *Database System Concepts* (lending schema, dept_advisor,
exercise R(A,B,C,D,E), canonical cover example); Elmasri & Navathe, *Fundamentals of Database
Systems* (the R(A..J) 2NF/3NF exercise); Garcia-Molina, Ullman & Widom (R(A,B,C,D) keys).
"""

from __future__ import annotations

from schema_architect.normalize import (
    Dependencies,
    Relation,
    analyze,
    check_normal_forms,
    decompose_bcnf,
    parse_relation,
    synthesize_3nf,
)


def keyset(deps_or_keys):
    keys = deps_or_keys.candidate_keys if isinstance(deps_or_keys, Dependencies) else deps_or_keys
    return {frozenset(k) for k in keys}


def fragments(decomposition):
    return {frozenset(f.attributes): frozenset(f.key) for f in decomposition.fragments}


LENDING = parse_relation("lending_schema(branch_name, branch_city, assets, customer_name, loan_number, amount)")
LENDING_FDS = ["branch_name -> assets, branch_city", "loan_number -> amount, branch_name"]


def test_lending_schema_keys_and_normal_form():
    a = analyze(LENDING, LENDING_FDS)
    assert keyset(a.candidate_keys) == {frozenset({"customer_name", "loan_number"})}
    assert a.normal_form == "1NF"  # loan_number -> amount is a partial dependency
    partial = [v for v in a.report.violations if v.form == "2NF"]
    assert partial and partial[0].fd.lhs == {"loan_number"}
    transitive = [v for v in a.report.violations if v.form == "3NF"]
    assert transitive and transitive[0].fd.lhs == {"branch_name"}


def test_lending_schema_bcnf_decomposition_is_the_books():
    # The book's result: branch_schema, loan_schema, borrower_schema.
    d = decompose_bcnf(Dependencies(LENDING, LENDING_FDS))
    assert fragments(d) == {
        frozenset({"branch_name", "branch_city", "assets"}): frozenset({"branch_name"}),
        frozenset({"loan_number", "amount", "branch_name"}): frozenset({"loan_number"}),
        frozenset({"customer_name", "loan_number"}): frozenset({"customer_name", "loan_number"}),
    }
    assert d.lossless and d.dependency_preserving
    names = {f.name for f in d.fragments}
    assert names == {"branch", "loan", "lending_schema"}  # named after branch_name and loan_number


def test_dept_advisor_is_3nf_not_bcnf_and_bcnf_loses_a_dependency():
    rel = Relation("dept_advisor", ("s_ID", "i_ID", "dept_name"))
    deps = Dependencies(rel, ["i_ID -> dept_name", "s_ID, dept_name -> i_ID"])
    assert keyset(deps) == {frozenset({"s_ID", "dept_name"}), frozenset({"s_ID", "i_ID"})}
    report = check_normal_forms(deps)
    assert report.normal_form == "3NF"
    assert [(v.form, v.fd.lhs) for v in report.violations] == [("BCNF", frozenset({"i_ID"}))]
    bcnf = decompose_bcnf(deps)
    assert set(fragments(bcnf)) == {frozenset({"i_ID", "dept_name"}), frozenset({"s_ID", "i_ID"})}
    assert bcnf.lossless and not bcnf.dependency_preserving
    assert [f.text(rel) for f in bcnf.not_preserved] == ["s_ID, dept_name -> i_ID"]
    # 3NF synthesis keeps the relation whole: (i_ID, dept_name) is inside (s_ID, i_ID, dept_name).
    assert set(fragments(synthesize_3nf(deps))) == {frozenset(rel.attributes)}


def test_zip_code_transitive_dependency():
    rel = Relation("customer", ("customer_id", "name", "street", "zip", "city"))
    a = analyze(rel, ["customer_id -> name, street, zip, city", "zip -> city"])
    assert a.normal_form == "2NF"
    [v] = a.report.violations
    assert (v.form, v.kind, v.fd.text(rel)) == ("3NF", "transitive dependency", "zip -> city")
    assert "not a superkey" in v.reason
    d = a.decomposition_3nf
    assert fragments(d) == {
        frozenset({"customer_id", "name", "street", "zip"}): frozenset({"customer_id"}),
        frozenset({"zip", "city"}): frozenset({"zip"}),
    }
    assert {f.name for f in d.fragments} == {"customer", "zip"}


def test_street_city_zip_is_3nf_but_not_bcnf():
    a = analyze(Relation("address", ("street", "city", "zip")), ["street, city -> zip", "zip -> city"])
    assert keyset(a.candidate_keys) == {frozenset({"street", "city"}), frozenset({"street", "zip"})}
    assert a.normal_form == "3NF"
    assert not a.decomposition_bcnf.dependency_preserving


def test_order_line_with_product_name_and_price():
    rel = Relation("order_line", ("order_id", "product_id", "product_name", "unit_price", "quantity"))
    a = analyze(rel, ["order_id, product_id -> quantity", "product_id -> product_name, unit_price"])
    assert keyset(a.candidate_keys) == {frozenset({"order_id", "product_id"})}
    assert a.normal_form == "1NF"
    [v] = a.report.violations
    assert v.form == "2NF" and v.kind == "partial dependency"
    assert v.fd.lhs == {"product_id"} and v.fd.rhs == {"product_name", "unit_price"}
    for d in (a.decomposition_3nf, a.decomposition_bcnf):
        assert fragments(d) == {
            frozenset({"order_id", "product_id", "quantity"}): frozenset({"order_id", "product_id"}),
            frozenset({"product_id", "product_name", "unit_price"}): frozenset({"product_id"}),
        }
        assert {f.name for f in d.fragments} == {"order_line", "product"}
        assert d.lossless and d.dependency_preserving


def test_silberschatz_exercise_candidate_keys():
    # R = (A, B, C, D, E), A -> BC, CD -> E, B -> D, E -> A: keys A, BC, CD, E.
    deps = Dependencies(Relation("R", tuple("ABCDE")), ["A -> B, C", "C, D -> E", "B -> D", "E -> A"])
    assert keyset(deps) == {frozenset("A"), frozenset("BC"), frozenset("CD"), frozenset("E")}
    # Every attribute is prime, so 3NF; B -> D has a non-superkey left side, so not BCNF.
    report = check_normal_forms(deps)
    assert report.normal_form == "3NF"
    assert [v.fd.text(deps.relation) for v in report.violations] == ["B -> D"]
    assert set(deps.closure(["B", "C"])) == set("ABCDE")


def test_silberschatz_canonical_cover_example():
    # F = {A -> BC, B -> C, A -> B, AB -> C}: canonical cover {A -> B, B -> C}.
    deps = Dependencies(Relation("R", tuple("ABC")), ["A -> B, C", "B -> C", "A -> B", "A, B -> C"])
    assert [f.text(deps.relation) for f in deps.canonical_cover] == ["A -> B", "B -> C"]


def test_elmasri_r_a_to_j_decomposes_into_five_relations():
    rel = Relation("R", tuple("ABCDEFGHIJ"))
    fds = ["A, B -> C", "A -> D, E", "B -> F", "F -> G, H", "D -> I, J"]
    a = analyze(rel, fds)
    assert keyset(a.candidate_keys) == {frozenset("AB")}
    assert a.normal_form == "1NF"
    assert set(fragments(a.decomposition_3nf)) == {
        frozenset("ABC"), frozenset("ADE"), frozenset("BF"), frozenset("FGH"), frozenset("DIJ"),
    }


def test_ullman_widom_keys():
    # R(A, B, C, D) with AB -> C, C -> D, D -> A: keys AB, BC, BD.
    deps = Dependencies(Relation("R", tuple("ABCD")), ["A, B -> C", "C -> D", "D -> A"])
    assert keyset(deps) == {frozenset("AB"), frozenset("BC"), frozenset("BD")}
    report = check_normal_forms(deps)
    assert report.normal_form == "3NF"  # C -> D and D -> A have prime right sides


def test_cycles_are_equivalent_keys_not_errors():
    deps = Dependencies(Relation("R", ("A", "B", "C")), ["A -> B", "B -> A", "A -> C"])
    assert keyset(deps) == {frozenset("A"), frozenset("B")}
    assert check_normal_forms(deps).normal_form == "BCNF"


def test_key_proof_is_a_closure_trace():
    a = analyze(LENDING, LENDING_FDS)
    [proof] = a.key_proofs
    lines = proof.lines()
    assert lines[0] == "start with {customer_name, loan_number}"
    assert "loan_number -> branch_name  adds branch_name" in lines
    assert lines[-1].startswith("{customer_name, loan_number}+ = {branch_name, branch_city, assets")
