"""The event noun of a verb: one reading (words.event_nouns / names_event_of) for every reader that asks
which noun names an act ("rent" -> Rental, "inspect" -> Inspection, "deliver" -> Delivery)."""

from __future__ import annotations

import pytest

from design_helpers import columns, foreign_keys, table_names
from schema_architect.design import design
from schema_architect.design.words import event_noun, event_nouns, names_event_of, verb_bases

# verb as written -> its event noun (None: English makes no record noun of it by rule or lexicon)
EVENT_NOUNS = [
    ("rent", "rental"), ("rented", "rental"), ("borrows", "loan"), ("sold", "sale"), ("sells", "sale"),
    ("inspect", "inspection"), ("inspected", "inspection"), ("reserve", "reservation"), ("reserved", "reservation"),
    ("deliver", "delivery"), ("delivered", "delivery"), ("admitted", "admission"), ("participates", "participation"),
    ("verified", "verification"), ("certify", "certification"), ("authorized", "authorization"),
    ("immunize", "immunization"), ("subscribes", "subscription"), ("prescribed", "prescription"),
    ("produces", "production"), ("exempted", "exemption"), ("analyzed", "analysis"), ("submitted", "submission"),
    ("withdraws", "withdrawal"), ("enrolling", "enrollment"), ("observing", "observation"), ("carried", None),
    ("handle", None), ("play", None), ("manage", None), ("conduct", None), ("expect", None), ("contracts", None),
    ("update", None), ("kept", None), ("swept", None),
]


@pytest.mark.parametrize(("verb", "noun"), EVENT_NOUNS)
def test_event_noun_of_verbs_from_many_domains(verb, noun):
    assert event_noun(verb) == noun, (verb, event_nouns(verb))


@pytest.mark.parametrize(("word", "base"), [("sold", "sell"), ("admitted", "admit"), ("carries", "carry"),
                                            ("renting", "rent"), ("reserved", "reserve"), ("taught", "teach")])
def test_verb_bases_recover_the_base_form(word, base):
    assert base in verb_bases(word), verb_bases(word)


@pytest.mark.parametrize(("noun", "verb", "named"), [
    ("Rental", "rents", True), ("Teaching", "teach", True), ("Attendance", "attends", True),
    ("Registration", "registered", True), ("Diagnosis", "diagnosed", True), ("Booking", "book", True),
    ("Shipping", "ships", True), ("Sale", "sold", True), ("Fitting", "fit", True), ("Selections", "select", True),
    ("Order", "order", False), ("Student", "study", False), ("Handover", "handle", False),
    ("Company", "compare", False), ("Teacher", "teach", False),
])
def test_names_event_of(noun, verb, named):
    assert names_event_of(noun, verb) is named


def test_a_noted_happening_with_an_irregular_noun_is_a_record_of_its_own():
    # "analyzed" -> Analysis (no -ct/-ver rule found it): a sample is analyzed many times
    result = design("The lab tracks samples, each with a sample code and a collection date. "
                    "When a sample is analyzed, we record the result and the technician.")
    assert "Analysis" in table_names(result), table_names(result)
    assert "Sample" in foreign_keys(result, "Analysis").values(), foreign_keys(result, "Analysis")


def test_the_act_of_a_verb_named_with_a_sis_noun_is_the_record_of_both_sides():
    result = design("Each patient has a name. Each doctor has a name and a specialty. Doctors diagnose patients. "
                    "Each diagnosis has a date and a condition.")
    assert set(foreign_keys(result, "Diagnosis").values()) == {"Doctor", "Patient"}, foreign_keys(result, "Diagnosis")
    assert "Doctor" not in foreign_keys(result, "Patient").values(), foreign_keys(result, "Patient")


def test_a_verb_is_not_cut_into_another_verb_to_name_its_link():
    # "handle" is no "hand" (whose act is a Handover): the link of clerks and clients is named by both
    result = design("Each clerk has a name. Each client has a name. A clerk can handle paperwork for multiple "
                    "clients, and a client can work with several clerks.")
    assert not any("Handover" in t for t in table_names(result)), table_names(result)


def test_a_periodic_act_is_named_by_its_regular_event_noun():
    result = design("Each farmer has a name. Each field has an area. Every season we rotate a crop in each field.")
    assert "Rotation" in table_names(result), table_names(result)


def test_the_record_after_a_pair_is_found_by_the_event_noun_of_a_short_verb():
    # "let" -> Letting: the record named after the pair is the link (the old first-four-letters rule
    # skipped verbs under four letters)
    result = design("Each agency has an agency ID and a name. Each villa has a villa ID and an address. "
                    "An agency can let many villas; each letting records the start date and the rent.")
    assert set(foreign_keys(result, "Letting").values()) == {"Agency", "Villa"}, foreign_keys(result, "Letting")


def test_a_noted_happening_with_an_irregular_participle_is_its_event_record():
    # "sold" is no -ed word: the values noted each time a house is sold were lost
    result = design("Each house has an address and a size. When a house is sold, we record the price and the buyer.")
    assert "House" in foreign_keys(result, "Sale").values(), foreign_keys(result, "Sale")


def test_a_thing_made_by_an_irregular_verb_keeps_its_noted_values():
    # "made" is a making verb: the contract is the record, not a record of making it
    result = design("Each contract has a number. When a contract is made, we record the date and the parties.")
    assert table_names(result) == ["Contract"], table_names(result)
    assert "Date" in columns(result, "Contract"), columns(result, "Contract")


def test_where_a_noted_happening_takes_place_is_a_key_of_its_record():
    # "admitted to a ward, the nurse records ...": an Admission of the patient to the ward (not a Nurse
    # table holding the bed and the time)
    result = design("Each patient has a name. Each ward has a number. "
                    "When a patient is admitted to a ward, the nurse records the bed and the time.")
    assert set(foreign_keys(result, "Admission").values()) == {"Patient", "Ward"}, foreign_keys(result, "Admission")
    assert "Nurse" not in table_names(result), table_names(result)


def test_where_a_thing_is_made_or_played_is_a_key_of_the_thing():
    result = design("Each team has a name. Each stadium has a city. "
                    "When a match is played at a stadium, we record the score and the attendance.")
    assert "Stadium" in foreign_keys(result, "Match").values(), foreign_keys(result, "Match")
    assert "Score" in columns(result, "Match"), columns(result, "Match")
