"""Bad input to the normalization engine: a clear error naming the problem, through the library and the CLI."""

from __future__ import annotations

import json

import pytest

from schema_architect.errors import InputError
from schema_architect.normalize import Dependencies, Relation, analyze, decompose, parse_fd, parse_relation

R = Relation("R", ("loan number", "branch name", "amount"))


def test_unknown_attribute_is_named_with_the_closest_suggestion():
    with pytest.raises(InputError) as exc:
        parse_fd("loan numbr -> amount", R)
    assert "'loan numbr'" in exc.value.message and "relation R does not have" in exc.value.message
    assert "did you mean 'loan number'" in exc.value.hint


def test_unknown_attribute_in_pair_form_too():
    with pytest.raises(InputError, match="'amont'"):
        Dependencies(R, [(["loan number"], ["amont"])])


def test_textbook_shorthand_gets_a_hint():
    with pytest.raises(InputError) as exc:
        parse_fd("AB -> C", Relation("R", tuple("ABC")))
    assert "separate attributes with commas: A, B" in exc.value.hint


@pytest.mark.parametrize("text, message", [
    ("-> amount", "empty left side"),
    ("  , -> amount", "empty attribute name"),
    ("loan number ->", "empty right side"),
    ("loan number amount", "no arrow"),
    ("loan number -> amount -> branch name", "more than one arrow"),
])
def test_malformed_fds(text, message):
    with pytest.raises(InputError, match=message):
        parse_fd(text, R)


@pytest.mark.parametrize("text, message", [
    ("R()", "has no attributes"),
    ("R(  )", "has no attributes"),
    ("R(A, , B)", "empty attribute name"),
    ("R(A, B, a)", "lists attribute 'a' twice"),
    ("R(A, B", "cannot read relation"),
])
def test_bad_relations(text, message):
    with pytest.raises(InputError, match=message):
        parse_relation(text)


def test_relation_of_zero_attributes_from_the_library():
    with pytest.raises(InputError, match="has no attributes"):
        decompose([], ["A -> B"])


def test_declared_key_that_the_fds_do_not_make_a_key_is_contradictory():
    with pytest.raises(InputError) as exc:
        analyze(Relation("R", tuple("ABC")), ["A -> B"], declared_keys=[["A"]])
    assert "contradictory" in exc.value.message and "does not determine C" in exc.value.message


def test_declared_key_that_is_not_minimal_is_contradictory():
    with pytest.raises(InputError, match="not minimal: {A} already determines"):
        analyze(Relation("R", tuple("ABC")), ["A -> B, C"], declared_keys=[["A", "B"]])


def test_duplicate_and_trivial_fds_are_fine():
    a = analyze(Relation("R", tuple("ABC")), ["A -> B", "A -> B", "A -> A", "B -> C"])
    assert a.candidate_keys == [("A",)]
    assert a.notes and "trivial" in a.notes[0]


def test_unknown_target():
    with pytest.raises(InputError, match="unknown normalization target"):
        decompose(("A", "B"), ["A -> B"], target="4nf")


# -- the same through the CLI: one line, a hint, exit code != 0 -------------------------------------
@pytest.mark.parametrize("args, message", [
    (["--relation", "R(A,B,C)", "--fd", "A->D"], "names attribute 'D', which relation R does not have"),
    (["--relation", "R(A,B,C)", "--fd", "->B"], "empty left side"),
    (["--relation", "R(A,B,C)", "--fd", "A B"], "no arrow"),
    (["--relation", "R()", "--fd", "A->B"], "has no attributes"),
    (["--relation", "R(A,B,A)"], "lists attribute 'A' twice"),
    (["--relation", "R(A,B,C)", "--fd", "A->B", "--key", "A"], "contradictory spec"),
    ([], "nothing to normalize"),
])
def test_cli_rejects_bad_input(run_cli, args, message):
    r = run_cli("normalize", *args)
    assert r.exit_code != 0
    assert message in r.stderr
    assert "Traceback" not in r.output


def test_cli_suggests_the_closest_attribute(run_cli):
    r = run_cli("normalize", "--relation", "Loan(loan number, branch name, amount)", "--fd", "loan numbr -> amount")
    assert r.exit_code == 2
    assert "hint: did you mean 'loan number'?" in r.stderr


def test_cli_accepts_cycles(run_cli):
    r = run_cli("normalize", "--relation", "R(A,B,C)", "--fd", "A->B", "--fd", "B->A", "--fd", "A->C", "--format", "json")
    assert r.exit_code == 0, r.stderr
    assert json.loads(r.stdout)["candidate_keys"] == [["A"], ["B"]]


def test_cli_schema_errors(run_cli, tmp_path):
    from schema_architect.model import Column, DataType, PrimaryKey, Schema, Table

    schema = Schema(tables=[Table(name="customer", columns=[
        Column(name="id", type=DataType.integer()), Column(name="zip", type=DataType.varchar(10)),
        Column(name="city", type=DataType.varchar(80)),
    ], primary_key=PrimaryKey(columns=["id"])), Table(name="other", columns=[Column(name="x", type=DataType.integer())])])
    path = tmp_path / "s.json"
    path.write_text(schema.to_json())
    r = run_cli("normalize", str(path), "--table", "custmer", "--fd", "zip -> city")
    assert r.exit_code == 2 and "has no table 'custmer'" in r.stderr and "did you mean 'customer'" in r.stderr
    r = run_cli("normalize", str(path), "--fd", "zip -> city")
    assert r.exit_code == 2 and "has 2 tables" in r.stderr
    r = run_cli("normalize", str(path), "--table", "customer", "--fd", "zip -> cty")
    assert r.exit_code == 2 and "'cty'" in r.stderr and "did you mean 'city'" in r.stderr
    r = run_cli("normalize", str(path), "--table", "customer", "--composite", "zip")
    assert r.exit_code == 2 and "cannot read --composite" in r.stderr
