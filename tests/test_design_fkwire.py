"""Foreign keys read from how the text counts and links things, on small made-up sentences from domains
unlike the benchmark's (a veterinary clinic, a ferry line)."""

from __future__ import annotations

from design_helpers import foreign_keys as _fks
from schema_architect.design import design
from schema_architect.design.relationships import detect_relationships
from schema_architect.design.segment import split_sentences


def _one_to_many(rels) -> set[tuple[str, str]]:
    return {(r.left, r.right) for r in rels if r.kind == "1:N"}


# -- "a specific X and Y": one of each ------------------------------------------------------------------
def test_a_specific_noun_counts_one():
    rels = detect_relationships(split_sentences("Each vaccination corresponds to a specific kennel."),
                                ["Vaccination", "Kennel"])
    assert ("Kennel", "Vaccination") in _one_to_many(rels)


def test_coordinated_noun_after_a_specific_one_is_also_one():
    text = "Each sailing is assigned a specific vessel and harbour."
    rels = detect_relationships(split_sentences(text), ["Sailing", "Vessel", "Harbour"])
    assert {("Vessel", "Sailing"), ("Harbour", "Sailing")} <= _one_to_many(rels)


def test_coordinated_many_side_is_not_copied():
    # "multiple keepers and cages" may be shared: only the one side is copied to the second noun
    text = "Each zoo has multiple keepers and cages."
    rels = detect_relationships(split_sentences(text), ["Zoo", "Keeper", "Cage"])
    assert ("Zoo", "Cage") not in _one_to_many(rels)


def test_specific_role_and_category_become_keys_of_the_member():
    text = ("Each pet has a pet ID, name and birth date. Each pet is given a specific ward and diet. "
            "Each ward has a ward ID and floor. Each diet has a diet ID and calories.")
    fks = _fks(design(text), "Pet")
    assert fks.get("Ward ID") == "Ward" and fks.get("Diet ID") == "Diet"


# -- a table named by two entities around an action links them ------------------------------------------
def test_link_named_by_two_entities_keys_both():
    text = ("Driver management: record each driver's Driver ID, name and licence class. Truck management: "
            "record each truck's Truck ID, plate and capacity. Driver assignment truck management: record the "
            "assignments of drivers to trucks. Fields include Driver ID, Truck ID, Assignment Time and Release Time.")
    result = design(text)
    assert _fks(result, "Driver Assignment Truck") == {"Driver ID": "Driver", "Truck ID": "Truck"}
    assert result.schema.table("Driver Assignment Truck").primary_key.columns[:2] == ["Driver ID", "Truck ID"]


def test_modifier_and_head_without_an_action_is_no_link():
    from schema_architect.design.logical import _joined_names

    assert _joined_names("Sales Team", ["sale", "team"]) == set()
    assert _joined_names("Driver Assignment Truck", ["driver", "truck"]) == {"driver", "truck"}


# -- a table known only by its key is the one described table of its kind ----------------------------------
def test_key_only_table_folds_into_the_described_one_of_its_kind():
    text = ("The airline has multiple flight crews, each with a crew ID, crew name, and home base. "
            "Each crew has multiple cabin attendants, whose details include name, phone number, and language.")
    result = design(text)
    assert result.schema.table("Crew") is None
    assert _fks(result, "Cabin Attendant") == {"Crew ID": "Flight Crew"}


def test_key_only_table_beside_a_link_of_it_stays():
    # "Contest Judge" keyed by contest and judge links them: it is not the judge
    result = design("Each baking contest has a contest ID, a title and a date. Each contest has multiple judges.")
    assert result.schema.table("Judge") is not None
    # (the link table is named after the contest the text means, "Baking Contest Judge", since "each
    # contest" refers back to the baking contest)
    assert _fks(result, "Baking Contest Judge") == {"Contest ID": "Baking Contest", "Judge ID": "Judge"}
