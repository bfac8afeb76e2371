"""Foreign keys between ordinary entities and the choice of a single-column primary key, on small
made-up sentences (not taken from any benchmark)."""

from __future__ import annotations

from design_helpers import foreign_keys as _fks
from schema_architect.design import design
from schema_architect.design.relationships import detect_relationships
from schema_architect.design.segment import split_sentences


def _pairs(rels) -> set[frozenset]:
    return {frozenset((r.left, r.right)) for r in rels}


# -- a bare plural counts nothing ---------------------------------------------------------------------
def test_bare_plural_object_is_not_one_to_many():
    rels = detect_relationships(split_sentences("Each museum displays paintings."), ["Museum", "Painting"])
    assert frozenset(("Museum", "Painting")) not in _pairs(rels)


def test_word_of_number_still_reads_one_to_many():
    rels = detect_relationships(split_sentences("Each museum displays several paintings."), ["Museum", "Painting"])
    assert len(rels) == 1 and rels[0].left == "Museum" and rels[0].right_card.name == "MANY"


# -- clause boundaries ---------------------------------------------------------------------------------
def test_each_with_after_a_comma_still_describes_the_noun_before():
    text = "The league has several clubs, each consisting of several coaches."
    rels = detect_relationships(split_sentences(text), ["League", "Club", "Coach"])
    club_coach = [r for r in rels if {r.left, r.right} == {"Club", "Coach"}]
    assert len(club_coach) == 1 and club_coach[0].left == "Club" and club_coach[0].kind == "1:N"


def test_coordinated_has_belongs_to_the_sentence_subject():
    text = ("The company sells bread delivery and has multiple couriers. Each courier has a courier ID and a name. "
            "Each delivery has a delivery ID and a date, and is assigned to a courier.")
    r = design(text)
    assert _fks(r, "Delivery") == {"Courier ID": "Courier"}
    assert _fks(r, "Courier") == {}


# -- an attribute naming a role of another entity --------------------------------------------------------
def test_role_attribute_points_at_its_entity():
    text = ("Each courier has a courier ID and a name. "
            "Each parcel has a parcel ID, a weight and a delivering courier.")
    assert _fks(design(text), "Parcel") == {"Delivering Courier": "Courier"}


def test_plural_or_prepositional_phrase_is_not_a_role():
    text = ("Each courier has a courier ID and a name. "
            "Each depot has a depot ID, a city, waiting couriers and a history of couriers.")
    assert _fks(design(text), "Depot") == {}


# -- a noun modifying another names its owner ------------------------------------------------------------
_TENANTS = "Each tenant has a tenant ID and a name. Each complaint has a complaint ID, a text and a date. "


def test_noun_compound_names_the_owner():
    r = design(_TENANTS + "The office handles tenant complaints.")
    assert _fks(r, "Complaint") == {"Tenant ID": "Tenant"}


def test_possessive_names_the_owner():
    r = design(_TENANTS + "The office reads each tenant's complaints.")
    assert _fks(r, "Complaint") == {"Tenant ID": "Tenant"}


def test_modifier_of_a_later_noun_or_a_verb_is_not_an_owner():
    assert _fks(design(_TENANTS + "The office stores tenant complaint summaries."), "Complaint") == {}
    assert _fks(design(_TENANTS + "Neighbours complaint tenants."), "Tenant") == {}
    assert _fks(design(_TENANTS + "The office handles tenants complaints."), "Complaint") == {}


# -- a license plate number identifies a vehicle -----------------------------------------------------------
def test_license_plate_number_is_the_vehicle_key():
    text = ("Each truck has a license plate number, a make and a payload. "
            "Each shipment has a shipment number, a destination and a license plate number.")
    r = design(text)
    assert r.schema.table("Truck").primary_key.columns == ["License Plate Number"]
    assert _fks(r, "Shipment") == {"License Plate Number": "Truck"}


# -- what one makes is its own ----------------------------------------------------------------------------
_AUTHORS = "Each blogger has a blogger ID and a nickname. Each essay has an essay ID, a title and a body. "


def test_creation_verb_puts_the_maker_on_the_made_thing():
    assert _fks(design(_AUTHORS + "Bloggers can publish essays."), "Essay") == {"Blogger ID": "Blogger"}
    assert _fks(design(_AUTHORS + "Each blogger writes an essay."), "Essay") == {"Blogger ID": "Blogger"}


def test_creation_verb_object_that_modifies_a_later_noun_is_not_made():
    r = design(_AUTHORS + "Bloggers can publish essay drafts.")
    assert _fks(r, "Essay") == {}


# -- a merely mentioned owner is the setting, not a parent ---------------------------------------------------
def test_no_foreign_key_to_an_owner_the_text_describes_nothing_of():
    text = ("The museum has multiple galleries. Each gallery has a gallery ID, a name and a floor. "
            "Each gallery displays several paintings.")
    r = design(text)
    assert _fks(r, "Gallery") == {}


def test_foreign_key_kept_for_a_described_owner():
    text = ("The museum has multiple galleries. Each gallery has a gallery ID, a name and a floor. "
            "Each museum has a museum ID, a city and an opening year.")
    assert _fks(design(text), "Gallery") == {"Museum ID": "Museum"}


# -- shared things: a sharing verb in any form, after a counted or a plural subject ------------------------
def test_plural_subject_with_a_sharing_verb_form_is_many_to_many():
    rels = detect_relationships(split_sentences("The club tracks members renting multiple kayaks."),
                                ["Member", "Kayak"])
    assert [(r.kind) for r in rels if {r.left, r.right} == {"Member", "Kayak"}] == ["M:N"]


# -- self references ------------------------------------------------------------------------------------
def test_parent_key_points_at_its_own_table():
    text = "Each folder has a folder ID, a title and a parent folder ID."
    assert _fks(design(text), "Folder") == {"Parent Folder ID": "Folder"}


def test_previous_entity_points_at_its_own_table():
    text = "Each episode has an episode ID, a title, an air date and a previous episode."
    assert _fks(design(text), "Episode") == {"Previous Episode": "Episode"}


# -- a plural attribute lists several, it is no key to one ----------------------------------------------
def test_plural_attribute_is_not_a_foreign_key():
    text = ("Each mentor has a mentor ID, a name and trainees. "
            "Each trainee has a trainee ID, a name and a start date.")
    assert _fks(design(text), "Mentor") == {}


def test_singular_attribute_naming_an_entity_is_a_foreign_key():
    text = ("Each mentor has a mentor ID, a name and a trainee. "
            "Each trainee has a trainee ID, a name and a start date.")
    assert _fks(design(text), "Mentor") == {"Trainee ID": "Trainee"}


# -- coordinated subjects ---------------------------------------------------------------------------------
def test_each_of_two_coordinated_subjects_gets_the_key():
    rels = detect_relationships(split_sentences("Each pilot and mechanic is attached to a hangar."),
                                ["Pilot", "Mechanic", "Hangar"])
    got = {(r.left, r.right) for r in rels if r.kind == "1:N"}
    assert got == {("Hangar", "Pilot"), ("Hangar", "Mechanic")}


def test_plural_attribute_of_a_plural_owner_is_not_a_foreign_key():
    text = ("Mentors have mentor IDs, names and trainees. "
            "Each trainee has a trainee ID, a name and a start date.")
    assert _fks(design(text), "Mentor") == {}


# -- "belongs to / is written by" several: many-to-many ---------------------------------------------------
def test_passive_link_to_several_is_many_to_many():
    rels = detect_relationships(split_sentences("Each song is written by multiple composers."), ["Song", "Composer"])
    assert [r.kind for r in rels] == ["M:N"]


def test_passive_link_to_one_stays_one_to_many():
    rels = detect_relationships(split_sentences("Each song is written by one composer."), ["Song", "Composer"])
    assert [(r.left, r.kind, r.right) for r in rels] == [("Composer", "1:N", "Song")]


# -- acting roles point at the people of the design --------------------------------------------------------
_LIBRARY = "Each member has a member ID, a name and an email. "


def test_acting_role_points_at_the_people_entity():
    r = design(_LIBRARY + "Each loan has a loan ID, a due date and a borrower.")
    assert _fks(r, "Loan") == {"Borrower": "Member"}


def test_a_named_role_of_the_world_is_not_a_user():
    r = design(_LIBRARY + "Each novel has a novel ID, a title and an author.")
    assert _fks(r, "Novel") == {}


def test_role_key_of_a_department_does_not_make_it_many_to_many():
    text = ("Each employee has an employee ID, a name and a desk ID. Each employee belongs to one desk. "
            "Each desk has a desk ID, a floor and a supervisor.")
    r = design(text)
    assert _fks(r, "Employee") == {"Desk ID": "Desk"}
    assert _fks(r, "Desk") == {"Supervisor": "Employee"}


# -- a login name of another entity is a key to it --------------------------------------------------------
def test_entity_username_in_another_table_is_a_key_to_that_entity():
    text = ("Each gamer has a gamer ID, a username and a level. "
            "Each match report has a report ID, a gamer username and a score.")
    r = design(text)
    assert _fks(r, "Match Report") == {"Gamer ID": "Gamer"}
    assert [c.name for c in r.schema.table("Match Report").columns] == ["Report ID", "Gamer ID", "Score"]


# -- a record linked to nothing else is of the one person named with it ---------------------------------
def test_unlinked_record_points_at_the_person_named_with_it():
    text = ("Each member has a member ID, a name and a phone. "
            "Members can book the sauna, and each booking has a start time and a duration.")
    r = design(text)
    assert _fks(r, "Booking") == {"Member ID": "Member"}


def test_record_with_its_own_link_gets_no_person_key():
    text = ("Each member has a member ID and a name. Each sauna has a sauna ID and a size. "
            "Members can see the opening hours, and each booking has a sauna ID, a start time and a duration.")
    r = design(text)
    assert _fks(r, "Booking") == {"Sauna ID": "Sauna"}


def test_two_kinds_of_people_name_no_owner_of_the_record():
    text = ("Each member has a member ID and a name. Each trainer has a trainer ID and a name. "
            "Members and trainers can book the sauna, and each booking has a start time and a duration.")
    r = design(text)
    assert _fks(r, "Booking") == {}


# -- camelCase names read as their words ----------------------------------------------------------------
def test_camel_case_identifier_is_the_key_and_no_second_id_is_added():
    text = ("Each courier has a courierID, a name and a phone. "
            "Each parcel has a parcelID, a weight and a courierID.")
    r = design(text)
    courier = r.schema.table("Courier")
    assert [c.name for c in courier.columns] == ["Courier ID", "Name", "Phone"]
    assert courier.primary_key.columns == ["Courier ID"]
    assert _fks(r, "Parcel") == {"Courier ID": "Courier"}


# -- key types -------------------------------------------------------------------------------------------
def test_plate_and_phone_numbers_stay_text_as_keys():
    from schema_architect.design.datatypes import infer_type

    assert infer_type("Registration Plate Number", is_key=True)[0].type_class.value == "TEXT"
    assert infer_type("Mobile Number", is_key=True)[0].type_class.value == "TEXT"
    assert infer_type("Locker Number", is_key=True)[0].type_class.value == "NUMERIC"


# -- a key that names another entity or a role is not this table's key ------------------------------------
def test_stated_key_of_another_entity_is_not_this_tables_key():
    text = ("Each kiln has a Kiln ID, a capacity and a location. Kiln ID is the primary key that identifies each kiln. "
            "Each firing batch records Batch ID, Kiln ID, start time and temperature.")
    r = design(text)
    assert r.schema.table("Kiln").primary_key.columns == ["Kiln ID"]
    assert r.schema.table("Firing Batch").primary_key.columns == ["Batch ID"]
    assert _fks(r, "Firing Batch") == {"Kiln ID": "Kiln"}


def test_role_key_is_not_the_records_own_key():
    text = ("Each user has a user ID, a name and an email. "
            "Each bulletin includes the publisher ID, a headline and a body.")
    r = design(text)
    assert r.schema.table("Bulletin").primary_key.columns != ["Publisher ID"]
    assert _fks(r, "Bulletin") == {"Publisher ID": "User"}


def test_unlinked_record_belongs_to_the_only_kind_of_person():
    text = "Each member has a member ID, a name and a phone. Each visit has a visit date and a duration."
    assert _fks(design(text), "Visit") == {"Member ID": "Member"}
    text = ("Each member has a member ID, a name and a phone. Each trainer has a trainer ID and a name. "
            "Each visit has a visit date and a duration.")
    assert _fks(design(text), "Visit") == {}


# -- '<other modifier> <head> ID' with a single entity of that head ------------------------------------------
def test_key_named_by_the_head_of_the_only_such_entity_points_at_it():
    text = ("Each render node has a node name and a memory size. "
            "Each render job records a job ID, a worker node ID and a priority.")
    r = design(text)
    assert _fks(r, "Render Job") == {"Worker Node ID": "Render Node"}


def test_own_number_beside_a_named_twin_is_no_key():
    text = ("Each drill has a drill ID, an asset number and a brand. "
            "Each drill asset has an asset ID, a purchase date and a price.")
    r = design(text)
    assert _fks(r, "Drill") == {}


def test_codes_and_numbers_of_other_things_do_not_identify_the_row():
    r = design("Each guest has an identification number, a name and an email. "
               "Each kiosk has an activation code, a model and a location.")
    assert r.schema.table("Guest").primary_key.columns == ["Guest ID"]
    assert r.schema.table("Kiosk").primary_key.columns == ["Kiosk ID"]


def test_things_made_with_or_for_a_participant_hold_its_key():
    from schema_architect.design import design

    schema = design("Each vet has a vet ID and a name. Each pet has a pet ID, a name and a species. "
                    "A pet owner books visits with a vet; each visit records the visit date and the reason. "
                    "A vet can write many treatment plans for a pet; each treatment plan has a plan code and a start date.").schema
    visit = schema.table("Visit")
    plan = schema.table("Treatment Plan")
    assert {fk.ref_table for fk in visit.foreign_keys} >= {"Vet"}
    assert {fk.ref_table for fk in plan.foreign_keys} >= {"Vet", "Pet"}
