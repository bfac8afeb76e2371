"""The RSchema metrics on hand-made cases: each number pinned, including the reference-defect explanations."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from schema_architect.bench.align import Aligner
from schema_architect.bench.dataset import Case
from schema_architect.bench.metrics import score_case

GOLD = {
    "Airplane": {"Attributes": ["Airplane Number", "Model", "Capacity"], "Primary key": ["Airplane Number"],
                 "Foreign key": {}},
    "Flight": {"Attributes": ["Flight Number", "Departure Time", "Airplane Number", "Captain ID"],
               "Primary key": ["Flight Number"],
               "Foreign key": {"Airplane Number": {"Airplane": "Airplane Number"}, "Captain ID": {"Crew": "Staff ID"}}},
    "Crew": {"Attributes": ["Staff ID", "Name"], "Primary key": ["Staff ID"], "Foreign key": {}},
}  # fmt: skip
GOLD_DDL = """
CREATE TABLE Airplane (Airplane_Number INTEGER PRIMARY KEY, Model VARCHAR(50), Capacity INTEGER);
CREATE TABLE Crew (Staff_ID INTEGER PRIMARY KEY, Name VARCHAR(80));
CREATE TABLE Flight (Flight_Number INTEGER PRIMARY KEY, Departure_Time DATETIME, Airplane_Number INTEGER,
  Captain_ID INTEGER, FOREIGN KEY (Airplane_Number) REFERENCES Airplane(Airplane_Number),
  FOREIGN KEY (Captain_ID) REFERENCES Crew(Staff_ID));
"""
CASE = Case(id="c1", question="airline", schema=GOLD, ddl=GOLD_DDL, where="test:1")


@pytest.fixture(scope="module")
def aligner():
    return Aligner()


def prediction(schema, ddl=GOLD_DDL):
    return {"id": "c1", "schema": schema, "ddl": ddl}


def test_reference_against_itself_scores_one_everywhere(aligner):
    s = score_case(CASE, prediction(GOLD), aligner).scores
    assert {k: v for k, v in s.items() if v is not None} == {
        "table_f1": 1.0, "table_acc": 1.0, "attr_f1": 1.0, "attr_acc": 1.0, "pk_acc": 1.0, "fk_acc": 1.0,
        "fk_count_acc": 1.0, "type_acc": 1.0, "executable": 1.0, "overall_acc": 1.0, "overall_fk_count_acc": 1.0,
    }  # fmt: skip


@pytest.mark.parametrize("pred", [None, {"id": "c1", "schema": {}, "ddl": ""}, {"id": "c1"}])
def test_empty_or_missing_prediction_scores_zero(aligner, pred):
    result = score_case(CASE, pred, aligner)
    assert all(v == 0.0 for v in result.scores.values() if v is not None)
    assert result.scores["type_acc"] == 0.0  # the reference has DDL, so types are measured: none right
    assert result.reasons


def test_table_f1_and_accuracy(aligner):
    # 3 reference tables, 4 predicted (one extra): P = 3/4, R = 1 -> F1 = 6/7.
    pred = dict(GOLD) | {"Gate": {"Attributes": ["Gate ID"], "Primary key": ["Gate ID"], "Foreign key": {}}}
    result = score_case(CASE, prediction(pred, None), aligner)
    s = result.scores
    assert result.extra_tables == ["Gate"] and result.missing_tables == []
    assert s["table_f1"] == pytest.approx(6 / 7)
    assert s["table_acc"] == 0.0 and s["overall_acc"] == 0.0
    assert s["attr_f1"] == 1.0  # the extra table does not touch attributes of aligned tables


def test_attribute_f1_averaged_over_reference_tables_unmatched_counts_zero(aligner):
    pred = {
        # Airplane: 2 of 3 attributes plus one extra -> P = 2/3, R = 2/3, F1 = 2/3
        "Airplane": {"Attributes": ["Airplane Number", "Model", "Colour"], "Primary key": ["Airplane Number"]},
        # Flight: all four -> 1
        "Flight": GOLD["Flight"],
        # Crew missing -> 0
    }
    result = score_case(CASE, prediction(pred, None), aligner)
    s = result.scores
    assert result.missing_tables == ["Crew"] and result.attributes["Airplane"] == {
        "Airplane Number": "Airplane Number", "Model": "Model"}
    assert s["attr_f1"] == pytest.approx((2 / 3 + 1 + 0) / 3)
    assert s["attr_acc"] == pytest.approx(1 / 3)
    assert s["table_f1"] == pytest.approx(0.8)  # P = 1, R = 2/3


def test_synonym_names_count_as_matches_in_every_metric(aligner):
    pred = {
        "Plane": {"Attributes": ["Plane ID", "Model", "Capacity"], "Primary key": ["Plane ID"]},
        "Flight": {"Attributes": ["FlightNumber", "DepartureTime", "PlaneNumber", "CaptainID"],
                   "Primary key": ["FlightNumber"],
                   "Foreign key": {"PlaneNumber": {"Plane": "Plane ID"}, "CaptainID": {"Crew": "StaffID"}}},
        "Crew": {"Attributes": ["StaffID", "Name"], "Primary key": ["StaffID"]},
    }  # fmt: skip
    result = score_case(CASE, prediction(pred, None), aligner)
    assert result.tables["Airplane"] == "Plane"
    assert result.methods["Airplane"] == "synonym"
    assert result.scores["overall_acc"] == 1.0


def test_primary_key_must_correspond_exactly(aligner):
    pred = {name: dict(body) for name, body in GOLD.items()}
    pred["Crew"] = {"Attributes": ["Staff ID", "Name"], "Primary key": ["Staff ID", "Name"]}  # bigger key
    pred["Airplane"] = {"Attributes": ["Airplane Number", "Model", "Capacity"], "Primary key": ["Model"]}  # other key
    s = score_case(CASE, prediction(pred, None), aligner).scores
    assert s["pk_acc"] == pytest.approx(1 / 3)
    assert s["overall_acc"] == 0.0


def test_foreign_key_must_reference_the_aligned_table_count_only_variant_does_not_check(aligner):
    pred = {name: dict(body) for name, body in GOLD.items()}
    # Captain ID now points at Airplane instead of Crew: same number of FKs, wrong target.
    pred["Flight"] = dict(GOLD["Flight"]) | {
        "Foreign key": {"Airplane Number": {"Airplane": "Airplane Number"}, "Captain ID": {"Airplane": "Airplane Number"}}
    }
    s = score_case(CASE, prediction(pred, None), aligner).scores
    assert s["fk_acc"] == pytest.approx(2 / 3)  # Airplane and Crew (no FKs) right, Flight wrong
    assert s["fk_count_acc"] == 1.0
    assert s["overall_acc"] == 0.0 and s["overall_fk_count_acc"] == 1.0
    # A missing FK column fails both variants.
    pred["Flight"] = dict(GOLD["Flight"]) | {"Foreign key": {"Airplane Number": {"Airplane": "Airplane Number"}}}
    s = score_case(CASE, prediction(pred, None), aligner).scores
    assert s["fk_acc"] == pytest.approx(2 / 3) and s["fk_count_acc"] == pytest.approx(2 / 3)


def test_type_accuracy_in_coarse_classes_over_aligned_attributes(aligner):
    # BIGINT for INTEGER is the same class (NUMERIC); TEXT for DATETIME and for INTEGER are not.
    ddl = """
    CREATE TABLE Airplane (Airplane_Number BIGINT PRIMARY KEY, Model TEXT, Capacity SMALLINT);
    CREATE TABLE Crew (Staff_ID INTEGER PRIMARY KEY, Name CHAR(20));
    CREATE TABLE Flight (Flight_Number INTEGER PRIMARY KEY, Departure_Time TEXT, Airplane_Number INTEGER,
      Captain_ID TEXT);
    """
    s = score_case(CASE, prediction(GOLD, ddl), aligner).scores
    assert s["type_acc"] == pytest.approx(7 / 9)
    assert s["overall_acc"] == 1.0  # types are not part of overall accuracy


def test_type_accuracy_is_not_measured_without_reference_ddl(aligner):
    case = Case(id="c2", question="q", schema=GOLD, ddl=None)
    assert score_case(case, prediction(GOLD), aligner).scores["type_acc"] is None


def test_executable_and_unparsable_ddl_reported_per_case(aligner):
    result = score_case(CASE, prediction(GOLD, "CREATE TABLE Airplane (Airplane_Number INTEGER PRIMARY KEY,"), aligner)
    assert result.scores["executable"] == 0.0
    assert result.scores["table_f1"] == 1.0  # the RSchema structure is still scored
    assert result.scores["type_acc"] == 0.0  # no predicted types to compare
    assert any("does not parse" in r for r in result.reasons)
    assert any("does not run on SQLite" in r for r in result.reasons)


def test_ddl_without_tables_is_not_executable(aligner):
    assert score_case(CASE, prediction(GOLD, "-- nothing here\n"), aligner).scores["executable"] == 0.0


def test_malformed_prediction_schema_is_a_reason_not_a_crash(aligner):
    result = score_case(CASE, {"id": "c1", "schema": {"Flight": ["not", "an", "object"]}}, aligner)
    assert result.scores["table_f1"] == 0.0
    assert any("unusable" in r for r in result.reasons)


def test_placeholder_foreign_key_in_the_reference_is_explained(aligner):
    gold = {
        "Promotion": {"Attributes": ["Activity ID", "Name"], "Primary key": ["Activity ID"]},
        "Effect": {"Attributes": ["Activity ID", "Sales"], "Primary key": ["Activity ID"],
                   "Foreign key": {"Activity ID": {"Schema 0": "Activity ID"}}},
    }  # fmt: skip
    case = Case(id="c3", question="q", schema=gold)
    result = score_case(case, prediction(gold, None), aligner)
    assert result.scores["fk_acc"] == 0.5  # no prediction can point at a table the reference lacks
    assert result.scores["fk_count_acc"] == 1.0
    assert any("'Schema 0'" in d and "does not have" in d for d in result.defects)


def test_key_column_missing_from_attributes_is_a_defect_added_back(aligner):
    gold = {"Rental": {"Attributes": ["Item ID", "Start Time"], "Primary key": ["Item ID", "Start time", "Renter"]}}
    case = Case(id="c4", question="q", schema=gold)
    result = score_case(case, prediction(gold, None), aligner)
    assert result.scores["pk_acc"] == 1.0
    assert any("'Start time' but 'Start Time'" in d for d in result.defects)
    assert any("Rental.Renter: primary-key column not listed" in d for d in result.defects)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=8),
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=12,
)
TABLE_BODY = st.fixed_dictionaries(
    {},
    optional={"Attributes": JSON | st.lists(st.text(max_size=8), max_size=4), "Primary key": JSON,
              "Foreign key": JSON | st.dictionaries(st.text(max_size=6), st.dictionaries(st.text(max_size=6), JSON))},
)  # fmt: skip


@settings(max_examples=25)  # each example may run MiniLM on fresh random names
@given(schema=JSON | st.dictionaries(st.text(max_size=10), TABLE_BODY | JSON, max_size=4),
       ddl=st.none() | st.text(max_size=40) | st.just("CREATE TABLE t (a INT);"))  # fmt: skip
def test_any_prediction_is_scored_or_explained_never_a_crash(aligner, schema, ddl):
    result = score_case(CASE, {"id": "c1", "schema": schema, "ddl": ddl}, aligner)
    for key, value in result.scores.items():
        assert value is None or 0.0 <= value <= 1.0, key
    if ddl is None:
        assert result.scores["executable"] == 0.0 and "DDL does not run on SQLite: no DDL" in result.reasons


def test_ddl_with_a_nul_byte_is_not_executable_and_not_a_crash():
    from schema_architect.bench.execute import runs_on_sqlite

    assert runs_on_sqlite("CREATE TABLE t (a INT);\x00") == (False, "the DDL contains a NUL byte")
    assert runs_on_sqlite("\x00") == (False, "the DDL contains a NUL byte")
