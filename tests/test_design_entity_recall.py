"""Entity recall and precision of the offline engine's reading stage, on made-up sentences."""

from __future__ import annotations

from schema_architect.design.understand import read_requirements


def entity_names(text: str) -> list[str]:
    return [e.name for e in read_requirements(text).model.entities]


def test_a_qualified_mention_without_attributes_is_the_bare_entity_that_has_them():
    text = ("The observatory operates multiple radio telescopes. "
            "Each telescope has a telescope code, a dish diameter and a location.")
    names = entity_names(text)
    assert "Telescope" in names
    assert "Radio Telescope" not in names
    telescope = read_requirements(text).model.entity("Telescope")
    assert {"Telescope Code", "Dish Diameter", "Location"} <= {a.name for a in telescope.attributes}


def test_two_qualified_mentions_leave_the_bare_entity_alone():
    text = ("The school runs several summer courses and several evening courses. "
            "Each course has a course code, a title and a fee.")
    names = entity_names(text)
    assert "Course" in names


def test_a_heading_that_groups_a_described_entity_names_no_second_one():
    text = ("Vessel Tracking:\n"
            "Each vessel has a hull number, a flag state and a gross tonnage.\n"
            "Harbour Pilots:\n"
            "The port employs several pilots.\n")
    names = entity_names(text)
    assert "Vessel" in names
    assert "Vessel Tracking" not in names
    assert "Harbour Pilot" in names  # a heading whose sentences describe nothing still names its topic


def test_a_heading_topic_names_the_qualified_entity_described_under_it():
    text = ("1. Ward Management: Manages hospital ward information, including ward number, floor and bed count.\n"
            "2. Nurse Management: Manages nurse information, including nurse ID, name and shift.\n")
    names = entity_names(text)
    assert "Ward" in names and "Hospital Ward" not in names
    ward = read_requirements(text).model.entity("Ward")
    assert {"Ward Number", "Floor", "Bed Count"} <= {a.name for a in ward.attributes}


def test_a_verb_after_the_subject_is_not_part_of_the_entity_name():
    names = entity_names("Each invoice refers to a contract, and the system stores the invoice number, "
                         "the issue date and the total.")
    assert "Invoice" in names
    assert not any("Refer" in n for n in names), names


def test_indicators_of_an_assessment_are_columns_of_the_assessment_of_a_described_entity():
    text = ("Each bakery has a bakery number, a name and an address. "
            "The chain also audits its bakeries, and the audit indicators include hygiene score and waste ratio.")
    model = read_requirements(text).model
    names = [e.name for e in model.entities]
    assert "Audit Indicator" not in names
    audit = model.entity("Bakery Audit")
    assert audit is not None
    assert {"Hygiene Score", "Waste Ratio"} <= {a.name for a in audit.attributes}


def test_a_passive_list_after_an_event_phrase_describes_the_event():
    model = read_requirements("Each vet has a licence number, a name and a phone. During each vaccination, "
                              "the vaccine batch, dose and injection time need to be recorded.").model
    vaccination = model.entity("Vaccination")
    assert vaccination is not None
    assert {"Vaccine Batch", "Dose", "Injection Time"} <= {a.name for a in vaccination.attributes}


def test_every_time_a_subject_verbs_an_object_the_object_is_the_record():
    model = read_requirements("Every time a member files a claim, the claim date, amount and reason "
                              "are recorded.").model
    assert model.entity("Claim") is not None
    assert {"Claim Date", "Amount", "Reason"} <= {a.name for a in model.entity("Claim").attributes}


def test_a_clause_before_the_passive_list_names_no_event():
    names = [e.name for e in read_requirements(
        "After the review is passed, the score, reviewer and date must be recorded.").model.entities]
    assert "Review" not in names


def test_kinds_of_information_inside_an_owned_list_are_attributes():
    names = entity_names("Each courier has a courier ID, vehicle information, route information and a shift.")
    assert "Courier" in names
    assert "Vehicle" not in names and "Route" not in names, names


def test_a_counted_plural_ends_before_a_participle_or_a_preposition():
    names = entity_names("The agency has multiple teams working on projects. "
                         "It also tracks various permits across several regions.")
    assert "Team" in names and "Permit" in names and "Region" in names, names
    assert not any(n.startswith(("Teams ", "Permits ")) for n in names), names


def test_a_generic_word_owns_a_list_that_holds_its_own_identifier():
    names = entity_names("Each company includes basic information such as company ID, company name and address. "
                         "Each operation records the operation ID, amount and time.")
    assert "Company" in names and "Operation" in names, names


def test_a_generic_word_without_its_identifier_in_the_list_is_still_not_an_entity():
    names = entity_names("The company needs to record each courier's name, phone and vehicle.")
    assert "Company" not in names, names
    assert "Record" not in entity_names("Income: the record includes Record ID, amount and time.")


def test_a_speaker_noun_with_its_own_information_listed_is_an_entity():
    names = entity_names("The federation oversees several clubs, with organization information including "
                         "name, founding year and headquarters.")
    assert "Organization" in names, names


def test_a_noun_that_looks_like_a_verb_right_before_the_list_verb_is_the_owner():
    model = read_requirements("The clinic keeps visit data, with each treatment record including a treatment code, "
                              "a dosage and a nurse.").model
    record = model.entity("Treatment Record")
    assert record is not None
    assert {"Treatment Code", "Dosage", "Nurse"} <= {a.name for a in record.attributes}


def test_the_business_counting_its_things_is_not_an_entity():
    text = ("The aquarium has several tanks, each with a tank number, a volume and a water temperature. "
            "Each keeper has multiple certificates.")
    names = entity_names(text)
    assert "Tank" in names and "Keeper" in names and "Certificate" in names, names
    assert "Aquarium" not in names, names


def test_the_kinds_of_records_a_business_keeps_are_entities():
    names = entity_names("Each tenant has a tenant ID, a name and a phone. The agency needs to keep track of "
                         "each tenant's Repair Records and Inspection Records, and the caretaker tracks noise records.")
    assert {"Repair Record", "Inspection Record", "Noise Record"} <= set(names), names


def test_a_record_named_as_an_identifier_is_not_an_entity():
    names = entity_names("Each pet has a unique vaccination record number, a name and a breed. "
                         "The clinic stores vaccination records.")
    assert "Vaccination Record" not in names, names


def test_the_subject_of_a_passive_before_the_list_owns_it():
    model = read_requirements("When a parcel arrives, a delivery receipt is generated, recording the receipt number, "
                              "the arrival time and the signer.").model
    receipt = model.entity("Delivery Receipt")
    assert receipt is not None
    assert {"Receipt Number", "Arrival Time", "Signer"} <= {a.name for a in receipt.attributes}
    model = read_requirements("After each match, a score record is created, including the home score and the "
                              "away score.").model
    assert model.entity("Score Record") is not None


def test_information_about_several_things_names_each_of_them():
    names = entity_names("Each voyage has a voyage number and a departure date. The office keeps the "
                         "information of the skipper, navigator, and cook.")
    assert {"Skipper", "Navigator", "Cook"} <= set(names), names
    names = entity_names("The clerk records the details of name, date and amount.")
    assert not {"Name", "Date", "Amount"} & set(names), names


def test_roles_of_users_are_values_not_tables():
    text = ("The gym system has members with different roles, such as trainee, coach and receptionist. "
            "Each member has a member ID, a name and a role. Coaches can schedule classes.")
    names = entity_names(text)
    assert "Member" in names
    assert "Coach" not in names and "Trainee" not in names, names


def test_an_action_noun_in_a_heading_is_not_part_of_its_topic():
    names = entity_names("Harvest Log Tracking:\nThe farm records each harvest log, including the field, "
                         "the yield and the date.\nInvoice Generation:\nInvoices are sent monthly.")
    assert "Harvest Log" in names and "Invoice" in names, names
    assert "Harvest Log Tracking" not in names and "Invoice Generation" not in names, names


def test_abstract_counted_nouns_and_many_to_many_name_no_entity():
    names = entity_names("The museum takes various measures to protect artworks and tracks multiple changes. "
                         "There is a many-to-many association between artworks and rooms. "
                         "The museum owns several galleries.")
    assert "Gallery" in names, names
    assert not {"Measure", "Change", "Association"} & set(names), names


def test_nouns_ending_in_ly_and_parts_can_be_entities():
    model = read_requirements("The depot receives orders from several garages, with each supply request including "
                              "the garage, the quantity and the due date. The mechanic records the serial number, "
                              "price and stock of the parts.").model
    assert model.entity("Supply Request") is not None
    part = model.entity("Part")
    assert part is not None and {"Serial Number", "Price", "Stock"} <= {a.name for a in part.attributes}


def test_a_status_listing_its_values_is_not_an_entity():
    names = entity_names("Each parcel has a tracking code, a weight and a status. "
                         "The parcel status includes waiting, in transit and delivered. "
                         "The main objectives include faster sorting and fewer losses.")
    assert "Parcel" in names
    assert "Parcel Status" not in names and "Main Objective" not in names and "Objective" not in names, names


def test_a_verb_after_a_modal_is_not_part_of_the_owner():
    names = entity_names("The platform will encompass basic vessel information such as hull number, "
                         "flag and tonnage.")
    assert "Vessel" in names, names
    assert not any(n.startswith("Encompass") for n in names), names


def test_a_thing_and_its_record_are_one_entity():
    names = entity_names("The workshop handles several repairs. Each repair record includes the repair date, "
                         "the mechanic and the cost.")
    assert "Repair Record" in names, names
    assert "Repair" not in names, names
    names = entity_names("Each inspection has an inspection code, a date and a result. "
                         "The office stores inspection records.")
    assert ("Inspection" in names) != ("Inspection Record" in names), names


def test_various_kinds_of_information_name_no_entity():
    names = entity_names("Each ship has a hull number and a name. The fleet system manages various harbour "
                         "information through the ship table.")
    assert "Ship" in names and "Harbour" not in names, names


def test_the_thing_something_belongs_to_is_an_entity():
    names = entity_names("Each recipe has a title, a cooking time and a difficulty, and belongs to a cuisine.")
    assert "Recipe" in names and "Cuisine" in names, names
    names = entity_names("Each lesson has a topic and a date. Each lesson is linked to the teacher's ID "
                         "and corresponds to a set of exercises.")
    assert "Set" not in names and not any("Teacher S" in n for n in names), names


def test_the_table_named_as_subject_owns_the_list():
    text = ("The timetable table records departure information provided by the operator, including timetable ID, "
            "platform, departure time and fare. The ticket table is used to store passenger ticket information, "
            "including ticket ID, seat, price and the purchase time of the booking.")
    reading = read_requirements(text)
    names = [e.name for e in reading.model.entities]
    assert "Timetable" in names and "Operator" not in names, names
    assert "Ticket" in names and "Booking" not in names, names
    timetable = reading.model.entity("Timetable")
    assert {"Platform", "Departure Time", "Fare"} <= {a.name for a in timetable.attributes}


def test_a_bare_mention_is_the_one_described_entity_named_with_it():
    names = entity_names("The studio offers multiple recording booths, each with a booth code, a size and an hourly "
                         "rate. The cleaning crew tidies several booths every evening.")
    assert names == ["Recording Booth"], names
    names = entity_names("The studio offers multiple recording booths, each with a booth code and a size. "
                         "It also has several rehearsal booths, each with a booth code and a drum kit. "
                         "The cleaning crew tidies several booths every evening.")
    assert "Booth" in names, names  # two described kinds of booth: the bare mention is neither
    names = entity_names("The studio offers multiple recording booths, each with a booth code and a size. "
                         "Each musician can reserve multiple booths.")
    assert "Booth" not in names, names  # related after the full name was used: the same booths, said short
    names = entity_names("Each musician has a name and an email. Each musician can reserve multiple booths. The "
                         "studio also offers multiple recording booths, each with a booth code and a size.")
    assert "Booth" in names, names  # related before any recording booth was named: a thing of its own


def test_a_title_case_records_heading_over_a_sentence_names_no_second_table():
    names = entity_names("Readers: Record basic information about readers, including their name and email.\n"
                         "Loan Records: Record each book loan, including the reader ID, the book ID and the loan date.")
    assert "Book Loan" in names and "Loan Record" not in names, names
    reading = read_requirements("Customer Information: Name, Address, Phone Number.")
    customer = reading.model.entity("Customer")
    assert customer is not None and {"Name", "Address"} <= {a.name for a in customer.attributes}


def test_with_after_a_plain_noun_lists_no_fields():
    names = entity_names("Each vet has a licence number, a name and a phone number. The clinic keeps the "
                         "consultation history with other clinics, and the app provides reminders and invoices.")
    assert "Consultation History" not in names and "Consultation" not in names, names
    reading = read_requirements("Each vet has a licence number and a name. The app provides owners with "
                                "reminders, booking calendars and invoices.")
    owner = reading.model.entity("Owner")  # the plural before 'with' is still mentioned, with no fields
    assert owner is not None and "Invoices" not in {a.name for a in owner.attributes}
    reading = read_requirements("Each kennel is recorded with a kennel number, a size and a daily rate.")
    kennel = reading.model.entity("Kennel")
    assert kennel is not None and {"Size", "Daily Rate"} <= {a.name for a in kennel.attributes}


def test_plural_examples_after_such_as_are_no_fields():
    names = entity_names("Each ranger has a badge number, a name and a radio code. The park manages protected "
                         "habitats such as wetlands, meadows and forests.")
    assert "Protected Habitat" not in names and "Habitat" not in names, names
    reading = read_requirements("The park records visitor data such as the visitor name, the entry date and the "
                                "ticket price.")
    visitor = reading.model.entity("Visitor")
    assert visitor is not None and "Entry Date" in {a.name for a in visitor.attributes}


def test_different_values_per_row_are_no_counted_things():
    reading = read_requirements("Each membership tier has a tier code, a title and different monthly fees.")
    names = [e.name for e in reading.model.entities]
    assert "Monthly Fee" not in names, names
    names = entity_names("Each gym has a gym code, a name and multiple trainers.")
    assert "Trainer" in names, names


def test_a_stub_name_gives_way_when_the_entity_is_described_later():
    from schema_architect.design import design

    schema = design("The system keeps information about kilns, potters and glazes. Each kiln has a kiln code and "
                    "a peak temperature. Each potter has a phone number and an email.").schema
    assert [c.name for c in schema.table("Potter").columns if "Name" in c.name] == []  # no stub 'Name' left
    assert {"Phone Number", "Email"} <= {c.name for c in schema.table("Potter").columns}
    assert [c.name for c in schema.table("Glaze").columns if "Name" in c.name] == ["Glaze Name"]  # only mentioned
