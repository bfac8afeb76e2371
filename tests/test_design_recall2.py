"""Reference entities the reading stage must find and name (helper `recall2`), on made-up sentences
from other domains than the dev cases that motivated each rule."""

from __future__ import annotations

from schema_architect.design.understand import read_requirements


def entities(text: str) -> dict[str, set[str]]:
    return {e.name: {a.name for a in e.attributes} for e in read_requirements(text).model.entities}


def test_a_noun_with_a_who_clause_owns_the_list_it_possesses():
    got = entities("Each shipment is handed over to a courier, who possesses a badge number, name and phone number.")
    assert {"Badge Number", "Name", "Phone Number"} <= got["Courier"]
    assert "Courier" not in got.get("Shipment", set())


def test_a_plural_subject_possesses_its_fields():
    got = entities("Greenhouses possess a greenhouse code, an area and a heating type.")
    assert {"Greenhouse Code", "Area", "Heating Type"} <= got["Greenhouse"]


def test_each_head_noun_takes_up_the_fuller_plural_phrase_before_it():
    got = entities("The marina rents out mooring berths, each berth having a berth number, a length and a daily fee.")
    assert "Mooring Berth" in got
    assert {"Berth Number", "Length", "Daily Fee"} <= got["Mooring Berth"]
    assert "Berth" not in got


def test_the_first_items_key_names_the_phrase_that_owns_the_list():
    got = entities("The observatory needs to record solar flares observed over the region, including solar flare "
                   "record number, intensity, duration and peak time.")
    assert {"Intensity", "Duration", "Peak Time"} <= got["Solar Flare"]
    assert "Region" not in got


def test_a_record_opened_by_a_one_word_key_stays_the_record():
    got = entities("Every patient has a patient ID and a name. Patients book appointments, and each appointment "
                   "requires recording the patient ID, appointment date and room.")
    assert {"Appointment Date", "Room"} <= got["Appointment"]


def test_keyed_criteria_are_rows_not_assessment_measures():
    got = entities("Each recipe has a title and a cuisine. For each recipe, create quality criteria, including "
                   "criteria ID, wording and weight.")
    assert {"Criteria ID", "Wording", "Weight"} <= got["Quality Criterion"]


def test_each_piece_of_names_the_counted_thing():
    got = entities("The gym shall keep basic information for each piece of apparatus, such as apparatus name, "
                   "brand and purchase date.")
    assert {"Apparatus Name", "Brand", "Purchase Date"} <= got["Apparatus"]
    assert "Piece" not in got


def test_a_foreign_key_copies_the_type_of_a_key_with_word_values():
    from schema_architect.design import design

    schema = design("Each member shall possess a unique identifier (such as nickname or email) and a join date. "
                    "Members attend many classes and each class has many members. "
                    "Each class has a class ID and a title.").schema
    key = {t.name: t for t in schema.tables}["Member"].columns[0]
    link = next(t for t in schema.tables if any(fk.ref_table == "Member" for fk in t.foreign_keys))
    fk = next(fk for fk in link.foreign_keys if fk.ref_table == "Member")
    column = next(c for c in link.columns if c.name == fk.columns[0])
    assert column.type == key.type


def test_examples_of_what_serves_as_an_identifier_are_not_its_values():
    from schema_architect.design.attributes import find_attribute_lists
    from schema_architect.design.segment import Sentence

    s = Sentence("Each borrower shall have a unique identifier (such as library card or passport) and an address.", 0)
    items = [it for alist in find_attribute_lists(s) for it in alist.items]
    identifier = next(it for it in items if "identifier" in it.name.lower())
    assert identifier.allowed_values == []


def test_the_time_of_someones_event_is_their_attribute():
    got = entities("Keep basic patient information, including patient ID, name, phone number, and the date of "
                   "the patient's last visit.")
    assert {"Patient ID", "Name", "Last Visit Date"} <= got["Patient"]
    assert not any("Last Visit" in name for name in got if name != "Patient")


def test_things_tracked_by_their_fields():
    got = entities("The depot tracks containers by their container number, owner, weight and seal code.")
    assert {"Container Number", "Owner", "Weight", "Seal Code"} <= got["Container"]


def test_an_event_of_a_thing_as_subject_names_the_record():
    got = entities("The inspection of harbour cranes must be recorded with an inspection ID, crane number, "
                   "inspector and inspection date.")
    assert "Harbour Crane Inspection" in got
    assert {"Crane Number", "Inspector", "Inspection Date"} <= got["Harbour Crane Inspection"]


def test_each_x_after_a_comma_starts_a_list_of_its_own():
    got = entities("Each tenant has a tenant ID and a name. The landlord needs to record the deposit status of "
                   "tenants, each refund must record the Refund Date and Refund Amount.")
    assert {"Refund Date", "Refund Amount"} <= got["Refund"]
    assert "Refund Amount" not in got["Tenant"]


def test_a_field_list_broken_over_lines_after_commas_stays_one_sentence():
    from schema_architect.design.segment import split_sentences

    text = ('The Vessels table records each vessel, including "Vessel ID" (VesselID, Primary key),\n'
            '"Flag" (Flag),\n"Tonnage" (Tonnage), and "Built Year" (BuiltYear).')
    assert len(split_sentences(text)) == 1
    got = entities(text)
    assert {"Flag", "Tonnage", "Built Year"} <= got["Vessel"]


def test_a_lower_case_clause_after_a_comma_line_break_keeps_its_line():
    from schema_architect.design.segment import split_sentences

    assert len(split_sentences("In a ferry booking system,\npassengers can book trips.")) == 2


def test_during_an_activity_the_system_records_its_fields():
    got = entities("Each hive has a hive ID and a location. During harvesting, the system records the hive, "
                   "Honey Weight, Beekeeper, and Harvest Time.")
    assert {"Honey Weight", "Beekeeper", "Harvest Time"} <= got["Harvesting"]


def test_a_collections_fields_are_its_members():
    got = entities("The museum's collection includes the artwork number, title, artist, and acquisition date.")
    assert {"Artwork Number", "Title", "Artist", "Acquisition Date"} <= got["Artwork"]
    assert "Museum Collection" not in got


def test_in_terms_of_x_is_a_topic_not_a_terms_entity():
    got = entities("In terms of vessel management, the system supports the input of vessel information through a "
                   "mobile application, including vessel name, flag and tonnage.")
    assert not any("Term" in name for name in got)
    assert {"Vessel Name", "Flag", "Tonnage"} <= got["Vessel"]


def test_a_quantifier_counts_every_bare_plural_coordinated_after_it():
    got = entities("Each farm has multiple tractors, barns, and silos. Each farm has a name and an address.")
    assert {"Tractor", "Barn", "Silo"} <= set(got)
    assert "Barns" not in got["Farm"] and "Silos" not in got["Farm"]


def test_a_determiner_ends_what_the_quantifier_counts():
    got = entities("The depot contains multiple trucks, and the parking fees for each truck are recorded. "
                   "Each truck has a plate number and a capacity.")
    assert "Parking Fee" not in got


def test_a_collection_keyed_by_its_own_id_stays_the_collection():
    got = entities("Each sticker collection has a Collection ID, Collection Name and a theme.")
    assert {"Collection Name", "Theme"} <= got["Sticker Collection"]


def test_information_kept_for_each_thing_named_by_its_items_is_that_things():
    got = entities("The archive needs to store additional indexing information for each folio in the collection, "
                   "such as folio number, binding, watermark, etc., to support cataloguing.")
    assert {"Binding", "Watermark"} <= got["Folio"]
    assert "Indexing" not in got


def test_a_modifier_word_is_not_the_noun_the_items_are_named_after():
    got = entities("The mill records the grinding conditions of each grinding station for the grain, including "
                   "grinding date, grinding quantity, and grinding cost.")
    assert "Grinding" not in got


def test_a_name_marker_word_keyed_by_an_item_is_the_thing_itself():
    got = entities("Form Management: Manages inspection form information, including Form ID, Inspector and Due Date.")
    assert {"Inspector", "Due Date"} <= got["Inspection Form"]


def test_a_management_topic_owns_its_fields_over_of_the_thing():
    got = entities("Each trail has a trail ID and a length. Hiker review management needs to record the hiker ID, "
                   "the review text and rating of the trail.")
    assert {"Review Text", "Rating"} <= got["Hiker Review"]
    assert "Rating" not in got["Trail"]


def test_what_an_actor_may_maintain_are_things_not_its_fields():
    got = entities("Each ranger has a badge number and a name. Rangers can maintain trails, campsites, and shelters.")
    assert {"Trail", "Campsite", "Shelter"} <= set(got)
    assert not {"Trails", "Campsites", "Trail", "Campsite"} & got["Ranger"]
