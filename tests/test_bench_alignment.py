"""Name alignment of the RSchema scorer: WordNet synonyms, MiniLM similarity, substring overlap, one-to-one."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from schema_architect.bench.align import (
    Aligner,
    content_lemmas,
    lcs_length,
    names_synonymous,
    substring_overlap,
    tokens,
)


@pytest.fixture(scope="module")
def aligner():
    # One aligner (and so one MiniLM load) for the whole module.
    return Aligner()


def test_names_split_on_camel_case_underscores_and_spaces_and_number_reads_as_id():
    assert tokens("FlightNumber") == tokens("flight_number") == tokens("Flight ID") == ("flight", "id")
    assert tokens("Maintenance Record") == ("maintenance",)  # "record" dropped, as the released code does


def test_exact_match_folds_spelling(aligner):
    a = aligner.align(["Flight Number", "Passenger_Capacity"], ["passengerCapacity", "FLIGHT_ID"])
    assert a.pairs == {"Flight Number": "FLIGHT_ID", "Passenger_Capacity": "passengerCapacity"}
    assert set(a.method.values()) == {"exact"}


@pytest.mark.parametrize(
    "gold, pred",
    [("Customer Name", "Client Name"), ("Student", "Pupil"), ("Salary", "Wage"), ("Movie", "Film")],
)
def test_wordnet_synonyms_token_by_token(aligner, gold, pred):
    assert names_synonymous(gold, pred)
    assert aligner.align([gold], [pred]).method[gold] == "synonym"


def test_synonyms_need_the_same_token_count():
    assert names_synonymous("Telephone", "Phone")
    assert not names_synonymous("Telephone", "Phone Number Field")
    assert not names_synonymous("Start Time", "End Time")


@pytest.mark.parametrize(
    "gold, pred",
    [("Employee", "Staff Member"), ("Order Date", "Purchase Date"), ("Location", "Place")],
)
def test_minilm_similarity_above_point_six(aligner, gold, pred):
    assert not names_synonymous(gold, pred)
    a = aligner.align([gold], [pred])
    assert a.pairs == {gold: pred}
    assert a.method[gold].startswith("embedding")
    assert aligner._cosine(gold, pred) > 0.6


@pytest.mark.parametrize(
    "gold, pred", [("Description", "Desc"), ("Appointment Time", "Appt Timestamp"), ("Address", "Addr")]
)
def test_longest_common_substring_of_lemmas_above_point_75(aligner, gold, pred):
    assert aligner._cosine(gold, pred) <= 0.6
    assert substring_overlap(gold, pred) > 0.75
    a = aligner.align([gold], [pred])
    assert a.method[gold].startswith("substring")


@pytest.mark.parametrize("gold, pred", [("Author Name", "Writer"), ("Start Time", "End Time"), ("Inventory", "Stock Level")])
def test_unrelated_or_weakly_related_names_stay_unmatched(aligner, gold, pred):
    assert len(aligner.align([gold], [pred])) == 0


def test_substring_overlap_ignores_identical_lemmas_and_stopwords():
    assert substring_overlap("Start Time", "End Time") < 0.75  # "time" = "time" does not count
    assert content_lemmas("Date of Birth") == {"date", "birth"}  # "of" is a stopword
    assert substring_overlap("Date of Birth", "Birth of Date") == 0.25  # best different pair: "t" of date/birth


def test_alignment_is_one_to_one_and_exact_beats_synonym(aligner):
    # "Phone" and "Telephone" are both synonyms of "Phone"; the exact one wins, the other stays unmatched.
    a = aligner.align(["Telephone", "Phone"], ["Phone"])
    assert a.pairs == {"Phone": "Phone"}
    # Two reference names similar to one prediction: only the better pair is made.
    a = aligner.align(["Email", "Email Address"], ["E-mail"])
    assert len(a) == 1 and list(a.pairs.values()) == ["E-mail"]


def test_alignment_follows_the_papers_order(aligner):
    # "Phone" is a synonym of "Telephone" and similar to "Contact Phone"; synonyms are tried first.
    a = aligner.align(["Telephone", "Phone Number"], ["Contact Phone", "Phone"])
    assert a.pairs == {"Telephone": "Phone", "Phone Number": "Contact Phone"}
    assert a.method["Telephone"] == "synonym" and a.method["Phone Number"].startswith("embedding")


def test_lcs_length():
    assert lcs_length("registration", "registr") == 7
    assert lcs_length("abc", "xyz") == 0
    assert lcs_length("", "abc") == 0


WORD = st.sampled_from(["customer", "order", "date", "name", "id", "product", "price", "flight", "crew", "store"])
NAME = st.lists(WORD, min_size=1, max_size=3).map(lambda ws: " ".join(w.capitalize() for w in ws))


@given(gold=st.lists(NAME, max_size=6), pred=st.lists(NAME, max_size=6))
def test_alignment_is_always_one_to_one(aligner, gold, pred):
    a = aligner.align(gold, pred)
    assert set(a.pairs) <= set(gold)
    assert set(a.pairs.values()) <= set(pred)
    assert len(set(a.pairs.values())) == len(a.pairs)


@given(names=st.lists(NAME, max_size=6, unique_by=lambda n: tokens(n)))
def test_a_list_aligns_with_itself_exactly(aligner, names):
    a = aligner.align(names, list(reversed(names)))
    assert a.pairs == {n: n for n in names}


@given(a=st.text(alphabet="abcde", max_size=8), b=st.text(alphabet="abcde", max_size=8))
def test_lcs_is_a_common_substring_length(a, b):
    n = lcs_length(a, b)
    assert n == lcs_length(b, a)
    assert n <= min(len(a), len(b))
    assert n == 0 or any(a[i : i + n] in b for i in range(len(a) - n + 1))
