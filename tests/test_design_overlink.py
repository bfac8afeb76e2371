"""Precision of foreign keys: readings that used to add a key the text does not state."""

from __future__ import annotations

from design_helpers import foreign_keys, linking, table_names

from schema_architect.design.engine import design


def test_name_modifying_the_next_noun_is_not_the_one_side():
    # "the vehicle inspection date" is a date of the report, not a vehicle the report belongs to
    r = design("Each inspection report includes the vehicle inspection date and the result. "
               "Each vehicle has a plate number and a model.")
    assert "Vehicle" not in foreign_keys(r, "Inspection Report").values()


def test_item_after_as_well_as_is_listed_not_owned():
    # "the title of each show, as well as ... the air date of the episodes": the episodes are listed
    # beside the show, and each show has multiple episodes, so the show holds no episode key
    r = design("The radio station runs multiple shows, each with multiple presenters and episodes. The system "
               "records the title and genre of each show, as well as the information of the presenters and the "
               "air date of the episodes.")
    assert "Episode" in table_names(r)
    assert not any("Episode" in t for t in foreign_keys(r, "Show").values())
    assert foreign_keys(r, "Episode").get("Show ID") == "Show"


def test_work_done_for_many_is_shared_not_owned():
    # "handles tax filing for multiple clients": the clients have it done by other consultants too; a
    # client row holds no single consultant
    r = design("The accounting office has multiple consultants, each with a consultant ID and a name. A consultant "
               "can handle tax filing for multiple clients. Each client has a client ID, a name and a phone number.")
    assert "Consultant" not in foreign_keys(r, "Client").values()
    assert linking(r, "Consultant", "Client")


def test_what_is_sold_is_sold_in_many_places():
    # "snacks are sold in vending machines": each machine sells many snacks and each snack is sold in many
    # machines; the snack row holds no single machine
    r = design("Each vending machine has a location and a serial number. Each snack has a name and a price. "
               "Snacks are sold in vending machines.")
    assert "Vending Machine" not in foreign_keys(r, "Snack").values()
    assert linking(r, "Snack", "Vending Machine")


def test_each_seller_can_sell_many_shared_things():
    r = design("Each florist has a name and a phone number. Each bouquet style has a name and a price. "
               "Each florist can sell multiple bouquet styles.")
    assert "Florist" not in foreign_keys(r, "Bouquet Style").values()
    assert linking(r, "Florist", "Bouquet Style")


def test_a_name_before_its_key_word_still_names_the_thing():
    # the noun-phrase check above stops at a key word: "the patient number" is the patient's key, so each
    # incident still holds the patient (without the key-word exception this design lost the key)
    r = design("The clinic manages multiple patients, each with a patient number and a name. The clinic manages "
               "multiple incident records, each incident involving the patient number who was affected, the "
               "incident description and the reporting time.")
    assert "Patient" in foreign_keys(r, "Incident Record").values()
