"""Tables the offline engine should not design: things that are no rows of any table."""

from __future__ import annotations

from schema_architect.design import design


def _names(text: str) -> set[str]:
    return {t.lower() for t in design(text).schema.table_names}


def test_system_qualities_and_data_wide_activities_are_no_tables():
    names = _names(
        "Veterinary clinic system requirements:\n"
        "1. Pet Management: Each pet has a pet ID, name, species and birth date.\n"
        "2. Data Security: Ensures all records are encrypted, including a retention period and an audit flag.\n"
        "3. Concurrency Control: detect conflicting edits through version numbers.\n"
        "The system shall support statistical analysis (compute visit counts per species).\n"
        "The system shall provide information maintenance, including backup frequency and archive location.\n")
    assert "pet" in names
    assert not names & {"data security", "concurrency control", "statistical analysis", "information maintenance"}


def test_a_security_thing_is_still_a_table():
    names = _names("Each security guard has a guard ID, name and shift. Each security camera has a camera ID and a location.")
    assert {"security guard", "security camera"} <= names


def test_a_list_of_functions_gives_its_owner_no_columns():
    r = design("The software is used to run the daily work of the museum, covering functions such as exhibit "
               "management, ticket processing, and visitor statistics. Each exhibit has an exhibit ID, a title and a gallery. "
               "Each ticket has a ticket number, a price and a visit date.")
    names = {t.lower() for t in r.schema.table_names}
    assert {"exhibit", "ticket"} <= names
    assert "museum" not in names
    assert not any(c.lower().endswith(("management", "processing")) for t in r.schema.tables for c in t.column_names)


def test_a_heading_that_only_groups_another_entity_names_no_table():
    text = ("Freight company requirements:\n"
            "1. Cargo Handling: Each shipment has a shipment ID, a weight, and a destination.\n"
            "2. Fleet Management: Each truck has a plate number, a capacity, and a driver name.\n"
            "3. Depot Management: The depots are listed with their depot code and city.\n")
    names = {t.lower() for t in design(text).schema.table_names}
    assert {"shipment", "truck"} <= names
    assert "cargo handling" not in names
    assert "depot" in names  # the sentences under it name the heading's topic


def test_the_account_status_or_classification_of_a_thing_are_its_columns():
    text = ("This is a gym booking system. For member management, the system maintains basic member information "
            "(member ID, name, phone), manages member account information (join date, account level), and records "
            "the classification information of each course. Each course has a course ID, a title and a coach. "
            "The system manages course classification information (difficulty, intensity).")
    r = design(text)
    names = {t.lower() for t in r.schema.table_names}
    assert {"member", "course"} <= names
    assert not names & {"member account", "course classification"}
    member = next(t for t in r.schema.tables if t.name.lower() == "member")
    assert {"Join Date", "Account Level"} <= set(member.column_names)


def test_a_plain_qualifier_picks_rows_of_the_same_table():
    r = design("Each athlete has an athlete ID, a name and a country. Record basic information for each participating "
               "athlete, including bib number, coach and heat. Each race has a race ID, a distance and a start time.")
    assert {t.lower() for t in r.schema.table_names} == {"athlete", "race"}
    assert {"Bib Number", "Coach", "Heat"} <= set(r.schema.table("Athlete").column_names)


def test_a_value_mentioned_without_fields_is_no_table():
    text = ("The wine review site manages taster information, wine information and score records.\n"
            "Rating Management: tasters can rate the wines they try.\n"
            "Each taster has a taster ID and a name. Each wine has a wine ID, a vintage and a region.")
    names = {t.lower() for t in design(text).schema.table_names}
    assert {"taster", "wine"} <= names
    assert not names & {"score", "rating"}


def test_an_account_with_its_own_number_or_counted_stays_a_table():
    counted = design("Each customer has a customer ID, a name and an address. Each customer account has an account "
                     "number, a balance and an opening date. A customer can open multiple customer accounts.")
    assert "Customer Account" in counted.schema.table_names
    numbered = design("Each customer has a customer ID, a name and an address. The bank manages customer account "
                      "information (account number, balance, opening date).")
    assert "Customer Account" in numbered.schema.table_names
    assert "Balance" not in numbered.schema.table("Customer").column_names


def test_availability_of_a_thing_is_still_a_table():
    r = design("Each doctor has a doctor ID and a name. Each doctor availability has a date, a start time and an end time.")
    assert "Doctor Availability" in r.schema.table_names
