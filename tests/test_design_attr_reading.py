"""Attribute reading of the offline design engine: how list items are cut, cleaned and named."""

from __future__ import annotations

from design_helpers import attributes_of
from schema_architect.design.understand import read_requirements


def test_a_data_verb_inside_a_list_keeps_its_object_as_an_attribute():
    text = ("For vessel management, the harbour system records vessel names, flags, tracks berth lengths, "
            "and stores hull colours.")
    names = [n.lower() for n in attributes_of(text, "Vessel")]
    assert not any(n.startswith(("tracks", "stores")) for n in names), names
    assert any("berth length" in n for n in names) and any("hull colour" in n for n in names), names


def test_an_operation_verb_opens_a_clause_that_names_no_attributes():
    text = ("For vessel management, the harbour system records vessel names, flags, analyzes tide trends "
            "and docking delays, evaluates pilot efficiency, and provides support for planning.")
    names = [n.lower() for n in attributes_of(text, "Vessel")]
    assert not any("trend" in n or "delay" in n or "efficiency" in n or "support" in n for n in names), names
    assert any("flag" in n for n in names), names


def test_a_data_gerund_after_an_operation_verb_lists_data():
    text = "Each kite has a colour, a span, supports setting tail lengths, string types, and launch heights."
    names = [n.lower() for n in attributes_of(text, "Kite")]
    assert any("tail length" in n for n in names) and any("launch height" in n for n in names), names


def test_a_gerund_that_modifies_a_noun_stays_in_the_name():
    names = attributes_of("Each sample has a sample code, a recording time and a tracking number.", "Sample")
    assert "Recording Time" in names and "Tracking Number" in names, names


def test_a_noun_that_looks_like_a_verb_is_still_a_noun():
    text = "A franchise may include multiple stores and multiple warehouses. Each franchise has a name and a region."
    model = read_requirements(text).model
    assert model.entity("Store") is not None, [e.name for e in model.entities]


def test_a_gerund_compound_after_such_as_is_an_item_not_a_new_list():
    text = ("For audits, the bureau keeps records such as tracking record ID, auditor name, tracking date, "
            "and tracking content.")
    model = read_requirements(text).model
    names = {a.name for e in model.entities for a in e.attributes}
    assert {"Tracking Record ID", "Tracking Date", "Tracking Content"} <= names, names
    assert model.entity("Date") is None


def test_a_full_stop_without_a_space_still_ends_the_sentence():
    from schema_architect.design.segment import split_sentences

    texts = [s.text for s in split_sentences("Each kiln has a kiln code and a peak heat.Each potter owns kilns. Glaze 2.5 is used.")]
    assert texts[0].endswith("peak heat.") and texts[1].startswith("Each potter"), texts
    assert texts[-1] == "Glaze 2.5 is used.", texts


def test_an_and_inside_the_list_splits_its_piece_too():
    text = "Each glacier has a glacier code, melt rates and ice depths, a region, and a survey date."
    names = attributes_of(text, "Glacier")
    assert "Melt Rates" in names and "Ice Depths" in names, names


def test_a_parenthesised_list_inside_a_longer_list_replaces_its_item():
    text = ("The observatory must capture details for each telescope, including mirror size, mount type, "
            "and service history (install date, last clean date).")
    names = attributes_of(text, "Telescope")
    assert {"Mirror Size", "Mount Type", "Install Date", "Last Clean Date"} <= set(names), names


def test_the_noun_before_information_for_owns_the_list():
    text = "The museum records gallery information for each wing, including gallery code, floor area and lighting."
    names = attributes_of(text, "Gallery")
    assert {"Gallery Code", "Floor Area", "Lighting"} <= set(names), names
    assert read_requirements(text).model.entity("Wing") is None or "Floor Area" not in attributes_of(text, "Wing")


def test_a_verb_before_information_for_is_not_an_owner():
    text = "Curators can update information of exhibits, including exhibit code, title and era."
    assert read_requirements(text).model.entity("Update") is None
    assert "Title" in attributes_of(text, "Exhibit")


def test_a_noun_that_looks_like_a_verb_before_information_owns_the_list():
    text = "The system records book information, including title, author and price."
    assert {"Title", "Author", "Price"} <= set(attributes_of(text, "Book"))


def test_limits_expenditures_and_traffic_are_quantities():
    from schema_architect.design.datatypes import infer_type

    for name in ("Credit Limit", "Annual Expenditure", "Upload Traffic"):
        assert infer_type(name)[0].type_class.name == "NUMERIC", name


def test_providing_introduces_a_list():
    text = "Volunteers register on the portal by providing their nickname, shirt size and home district."
    assert {"Nickname", "Shirt Size", "Home District"} <= set(attributes_of(text, "Volunteer"))



def test_person_in_charge_and_reason_for_change_stay_whole():
    text = "Each greenhouse has a greenhouse code, a person in charge, and a reason for change."
    names = attributes_of(text, "Greenhouse")
    assert "Person in Charge" in names and "Reason for Change" in names, names


def test_a_singular_noun_that_looks_like_a_verb_heads_the_subject():
    text = "For harbour management, each berth booking record has a booking code, a vessel name and an arrival time."
    assert read_requirements(text).model.entity("Berth Booking Record") is not None, \
        [e.name for e in read_requirements(text).model.entities]
    assert "Arrival Time" in attributes_of(text, "Berth Booking Record")


def test_an_operation_verb_is_not_part_of_the_owner():
    text = "Create and edit recipes, including recipe titles, cooking times and servings."
    names = [e.name for e in read_requirements(text).model.entities]
    assert "Recipe" in names and not any(n.startswith("Edit") for n in names), names


def test_the_verb_of_an_each_subject_opens_a_list():
    text = "Each shipment manifest records Crate Code, Port Name, Seal Number, and Gross Weight."
    names = attributes_of(text, "Shipment Manifest")
    assert {"Crate Code", "Port Name", "Seal Number", "Gross Weight"} <= set(names), names


def test_records_as_a_noun_is_no_trigger():
    text = "Each clinic has a clinic code and an address. Treatment records, invoices, and visit notes are archived."
    names = attributes_of(text, "Clinic")
    assert "Invoices" not in names, names


def test_creation_and_update_time_are_two_times():
    names = attributes_of("Each playlist has a title, a creation and update time, and a cover image.", "Playlist")
    assert "Creation Time" in names and "Update Time" in names, names


def test_such_as_in_parentheses_after_information_lists_fields():
    text = "Crew management: including basic information of sailors (such as sailor code, rank, home port)."
    names = attributes_of(text, "Sailor")
    assert {"Sailor Code", "Rank", "Home Port"} <= set(names), names


def test_personal_information_in_parentheses_joins_the_outer_list():
    text = ("Member management: including members' personal information (such as name, birthday), "
            "membership tier, and join date.")
    names = attributes_of(text, "Member")
    assert {"Name", "Birthday", "Membership Tier", "Join Date"} <= set(names), names


def test_a_lone_verb_in_a_list_is_not_an_attribute():
    text = "Each puzzle shall have a difficulty, a hint, and belong to a collection."
    names = attributes_of(text, "Puzzle")
    assert "Belong" not in names and "Hint" in names, names


def test_a_gerund_with_its_own_object_is_an_action():
    text = "Each voucher has a voucher code, a face value, and signing an approval form."
    names = attributes_of(text, "Voucher")
    assert not any(n.lower().startswith("signing") for n in names) and "Face Value" in names, names


def test_items_named_after_a_noun_belong_to_that_noun():
    text = "The league sends invitations to clubs, including Invitation Date, Invitation Text, and Reply Deadline."
    names = attributes_of(text, "Invitation")
    assert {"Invitation Date", "Invitation Text"} <= set(names), names
    club = read_requirements(text).model.entity("Club")
    assert club is None or "Invitation Date" not in [a.name for a in club.attributes]


def test_half_the_items_sharing_a_word_do_not_move_the_list():
    text = "Each booking requires recording the Guest ID, Room ID, room rate, and room view."
    assert "Guest ID" in attributes_of(text, "Booking")


def test_the_event_of_each_thing_owns_its_list():
    text = ("Each parcel has a tracking code and a weight. The depot records the screening of each parcel, "
            "including Screening Time, Screener, and Screening Outcome.")
    model = read_requirements(text).model
    screening = model.entity("Parcel Screening")
    assert screening is not None, [e.name for e in model.entities]
    assert "Screening Time" in [a.name for a in screening.attributes]
    assert "Screening Time" not in attributes_of(text, "Parcel")


def test_a_measure_of_each_thing_stays_with_the_thing():
    text = "The workshop assesses the performance of each lathe, including spindle hours and fault counts."
    assert "Spindle Hours" in attributes_of(text, "Lathe")


def test_of_their_x_does_not_hand_the_list_over():
    text = "Record basic information about anglers, including their nickname, club, and the start date of their licence."
    assert "Nickname" in attributes_of(text, "Angler")
    assert read_requirements(text).model.entity("Licence") is None or \
        "Nickname" not in attributes_of(text, "Licence")


def test_for_each_x_after_the_list_names_the_owner():
    text = "The system needs to track the opening time and closing time for each kiosk to plan staffing."
    names = attributes_of(text, "Kiosk")
    assert "Opening Time" in names and "Closing Time" in names, names


def test_a_counted_generic_noun_is_an_entity():
    text = "Each platform has a platform code, a launch date and a region."
    assert {"Platform Code", "Launch Date", "Region"} <= set(attributes_of(text, "Platform"))


def test_the_platform_as_the_software_is_not_an_entity():
    text = "The platform records books, including title, author and price."
    assert read_requirements(text).model.entity("Platform") is None


def test_a_verb_followed_by_the_is_a_clause_not_an_attribute():
    text = "Each hostel has a bed count, a warden, and register the guests they admit."
    names = attributes_of(text, "Hostel")
    assert "Bed Count" in names and not any(n.lower().startswith("register") for n in names), names


def test_as_the_primary_key_inside_an_item_marks_the_key():
    model = read_requirements("Each ferry has a hull code as the primary key, a name and a capacity.").model
    ferry = model.entity("Ferry")
    hull = next(a for a in ferry.attributes if a.name == "Hull Code")
    assert hull.identifier


def test_a_pronoun_starts_a_relative_clause_inside_an_item():
    names = attributes_of("Each singer has a stage name, and the label they sign with.", "Singer")
    assert "Label" in names, names


def test_a_time_head_is_shared_by_a_comma_list_of_events():
    text = "Each permit has a permit code and the issue, renewal, and expiration dates."
    names = attributes_of(text, "Permit")
    assert {"Issue Date", "Expiration Date"} <= set(names), names


def test_values_of_a_type_are_not_its_attributes():
    text = "Each boat has a hull code. The marina defines boat categories, such as sailboat, catamaran, and dinghy."
    model = read_requirements(text).model
    names = {a.name for e in model.entities for a in e.attributes}
    assert not {"Sailboat", "Catamaran", "Dinghy"} & names, names


def test_a_list_keeps_its_items_around_another_owners_parenthesised_list():
    text = ("Each charter includes a charter code, customer information (customer name, customer phone), "
            "departure port, and fare.")
    names = attributes_of(text, "Charter")
    assert {"Charter Code", "Departure Port", "Fare"} <= set(names), names


def test_a_whether_item_names_a_flag():
    text = "Each parcel has a parcel code, a weight, and whether it was signed for."
    names = attributes_of(text, "Parcel")
    assert "Is Signed" in names, names


def test_a_whether_item_with_have_names_a_has_flag():
    text = "Each hotel keeps a star rating, a city, and whether it had renovations."
    assert "Has Renovations" in attributes_of(text, "Hotel")


def test_plural_ids_name_one_identifier_column():
    names = attributes_of("Each invoice records customer IDs, amounts, and due dates.", "Invoice")
    assert "Customer ID" in names and "Customer IDs" not in names, names


def test_with_after_associated_names_a_partner_not_a_list():
    text = "Each survey has a title and a deadline. Each survey is associated with a region and a sponsor."
    names = attributes_of(text, "Survey")
    assert "Region" not in names and "Sponsor" not in names, names


def test_associated_with_identifiers_is_still_a_list():
    text = "Each lap record is associated with a driver ID, a circuit ID, and a lap time."
    assert {"Driver ID", "Circuit ID", "Lap Time"} <= set(attributes_of(text, "Lap Record"))



def test_and_between_two_parenthesised_names_splits_them():
    text = "Each kiln has a kiln code, a firing time (FiringTime) and cooling time (CoolingTime), and a capacity."
    names = attributes_of(text, "Kiln")
    assert "Firing Time" in names and "Cooling Time" in names, names


def test_the_possessor_of_registration_information_owns_the_list():
    text = "Manage the member's registration information, including nickname, password and email."
    names = [e.name for e in read_requirements(text).model.entities]
    assert "Member" in names and "Registration" not in names, names


def test_an_inner_trigger_is_cut_from_an_item():
    text = "Each locker has a unique locker number, which also includes information such as locker size and floor."
    names = attributes_of(text, "Locker")
    assert "Locker Size" in names and not any("Such" in n for n in names), names


def test_an_of_owner_ends_before_such_as():
    text = "The shop records various attributes of a bicycle such as frame size, gear count, and wheel size."
    names = [e.name for e in read_requirements(text).model.entities]
    assert not any("Such" in n for n in names), names


def test_details_like_is_cut_from_an_item():
    text = "Each sensor has a sensor code, and the system keeps details like sampling rate, battery level, and location."
    names = [a.name for e in read_requirements(text).model.entities for a in e.attributes]
    assert "Sampling Rate" in names and not any(n.startswith("Like") or "Details Like" in n for n in names), names


def test_an_identifier_named_after_birth_is_still_an_integer():
    from schema_architect.design.datatypes import infer_type

    assert infer_type("Birth Record ID")[0].type_class.name == "NUMERIC"
    assert infer_type("Birth Date")[0].type_class.name == "DATETIME"



def test_a_sentence_after_a_colon_is_not_a_field():
    from schema_architect.design.attributes import find_attribute_lists
    from schema_architect.design.segment import split_sentences

    text = ("Business requirements description for the ferry booking management system: "
            "A ferry operator wants to use a database to plan crossings.")
    lists = [a for s in split_sentences(text) for a in find_attribute_lists(s)]
    assert not any(it.name.lower().startswith("ferry operator") for a in lists for it in a.items), \
        [[it.name for it in a.items] for a in lists]


def test_a_merely_mentioned_written_thing_gets_a_title_not_a_name():
    from schema_architect.design.understand import default_name

    assert default_name("Bulletin Notice") == "Bulletin Notice Title"
    assert default_name("Guest Review") == "Guest Review Content"
    assert default_name("Harbour") == "Harbour Name"


def test_a_merely_mentioned_person_gets_a_bare_name_and_a_user_a_username():
    from schema_architect.design.understand import default_name

    assert default_name("Tenant") == "Name"
    assert default_name("User") == "Username"
    assert default_name("Warehouse") == "Warehouse Name"



def test_possessive_s_is_dropped_not_left_as_a_word():
    from schema_architect.design import design
    from schema_architect.design.words import clean_phrase

    assert clean_phrase("the pilot's licence date") == "pilot licence date"
    assert clean_phrase("the pilots’ ranks") == "pilots ranks"
    schema = design("Each pilot has a pilot ID and a name. The system records the time of the pilot's last flight, "
                    "the pilot's rank and the home base.").schema
    words = {w for t in schema.tables for name in [t.name, *(c.name for c in t.columns)] for w in name.split()}
    assert "S" not in words and "s" not in words
