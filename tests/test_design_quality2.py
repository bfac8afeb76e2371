"""Product-quality checks of the offline design engine on made-up requirements in new domains
(not taken from any benchmark): each test pins one general reading of English."""

from __future__ import annotations

from design_helpers import columns as _columns
from schema_architect.design import design


# -- "- Topic: field, field, field" bullets ------------------------------------------------------------
def test_bullet_with_topic_and_bare_field_list():
    result = design("A bakery keeps its recipes.\n"
                    "- Bakers: full name, shift start, hourly wage.\n"
                    "- Ovens: serial code, capacity, fuel kind.")
    assert {"Full Name", "Shift Start", "Hourly Wage"} <= set(_columns(result, "Baker"))
    assert {"Capacity", "Fuel Kind"} <= set(_columns(result, "Oven"))


def test_function_heading_over_operations_is_not_a_field_list():
    result = design("Recipe Management: creation, editing, and removal of recipes.\n"
                    "Each recipe has a recipe code, a title and a yield.")
    assert "Creation" not in _columns(result, "Recipe")


# -- table names: nouns whose plural is the singular ---------------------------------------------------
def test_same_in_plural_nouns_keep_their_form_as_table_names():
    from schema_architect.design.naming import plural
    assert plural("species") == "species" and plural("aircraft") == "aircraft"
    assert plural("Fish Species") != "Fish Specieses"
    from schema_architect.design.naming import apply_naming
    result = design("Each aircraft has a tail code and a seat count. Each pilot has a name.")
    names = {t.name for t in apply_naming(result.schema).tables}
    assert "aircraft" in names and "aircrafts" not in names


# -- "we keep / we hold" opens a field list -------------------------------------------------------------
def test_pronoun_subject_with_keep_opens_a_field_list():
    result = design("For every vineyard we keep the estate name, the acreage and the soil kind.")
    assert {"Estate Name", "Acreage", "Soil Kind"} <= set(_columns(result, "Vineyard"))


# -- ", which must be unique" is a remark on the item before it ------------------------------------------
def _unique_columns(result, table: str) -> set[str]:
    t = result.schema.table(table)
    assert t is not None, [x.name for x in result.schema.tables]
    return {c for u in t.unique_constraints for c in u.columns}


def test_which_is_unique_marks_the_item_and_the_list_goes_on():
    result = design("Each locker has a locker label, which is unique, a floor and a monthly fee.")
    assert {"Floor", "Monthly Fee"} <= set(_columns(result, "Locker"))
    assert "Locker Label" in _unique_columns(result, "Locker")


def test_which_must_be_unique_after_the_last_item():
    result = design("Each tenant has a full name, a phone and a tax number, which must be unique.")
    assert "Tax Number" in _unique_columns(result, "Tenant")


def test_bullet_field_list_may_end_in_a_clause():
    result = design("- Guides: full name, phone, and the trails they can lead (start point and end point).")
    assert {"Full Name", "Phone"} <= set(_columns(result, "Guide"))


# -- ", which has ..." describes the noun before the comma ------------------------------------------------
def test_comma_which_has_lists_the_fields_of_the_noun_before_it():
    result = design("Each concert has a concert code and a date. Every concert is held in one venue, "
                    "which has a venue name, a street and a capacity.")
    assert {"Street", "Capacity"} <= set(_columns(result, "Venue"))
    assert "Street" not in _columns(result, "Concert")


# -- "between two and four X" counts related things -------------------------------------------------------
def test_count_range_in_a_list_is_a_relationship_not_a_column():
    result = design("Each choir has a choir name, a city and a founding year, and has between twelve and "
                    "thirty singers. Each singer has a full name and a voice part.")
    columns = _columns(result, "Choir")
    assert not any("Singer" in c or "Thirty" in c for c in columns), columns
    fks = {fk.ref_table for fk in result.schema.table("Singer").foreign_keys}
    assert fks == {"Choir"}


# -- "(x, y or z)" after an item: the values it may take ------------------------------------------------
def _checks(result, table: str) -> str:
    return " ".join(c.expression for c in result.schema.table(table).check_constraints)


def test_alternatives_in_parentheses_are_allowed_values_not_columns():
    result = design("Each parcel has a tracking code, a size (small, medium or large) and a weight.")
    columns = _columns(result, "Parcel")
    assert "Medium" not in columns and "Size" in columns
    assert "'medium'" in _checks(result, "Parcel")


def test_status_values_without_conjunction_become_a_check():
    result = design("Each ticket has a ticket code, a priority (low, normal, urgent) and a title.")
    assert "'urgent'" in _checks(result, "Ticket")


def test_open_value_list_gets_no_check():
    result = design("Each ticket has a ticket code, a channel (phone, chat, etc.) and a title.")
    assert "phone" not in _checks(result, "Ticket")


# -- a compound entity named by its head noun as a sentence subject ----------------------------------------
def _fk_targets(result, table: str) -> set[str]:
    return {fk.ref_table for fk in result.schema.table(table).foreign_keys}


def test_head_noun_subject_refers_to_the_compound_entity():
    result = design("Each fleet manager has a full name and a phone. Each truck has a plate and a load limit. "
                    "A manager can supervise several trucks.")
    assert "Fleet Manager" in _fk_targets(result, "Truck")


# -- "and was <verb>ed by one X at one Y": the sentence subject's links ------------------------------------
def test_second_passive_verb_phrase_links_the_sentence_subject():
    result = design("Each painting has a title and a year. Each artist has a name and a nationality. "
                    "Each gallery has a name and a city. Each style has a label and an era. "
                    "A painting belongs to one style and was painted by one artist in one gallery.")
    assert {"Style", "Artist", "Gallery"} <= _fk_targets(result, "Painting")
    assert "Artist" not in _fk_targets(result, "Style")
    assert "Gallery" not in _fk_targets(result, "Artist")


# -- "written by one X and approved by another X": two keys to the same table ------------------------------
def test_second_agent_of_the_same_kind_is_a_second_role_key():
    result = design("Each expense claim has a claim code, an amount and a date. Each employee has a name and "
                    "an email. An expense claim is submitted by one employee and approved by another employee.")
    fks = [fk for fk in result.schema.table("Expense Claim").foreign_keys if fk.ref_table == "Employee"]
    assert len(fks) == 2, fks
    assert any("Approved" in fk.columns[0] for fk in fks)


# -- "the number that passed": a count named by what the counted things did --------------------------------
def test_count_that_verb_is_a_named_count_not_a_key():
    result = design("Each exam session records the session date, the number of students enrolled and "
                    "the number that passed.")
    table = result.schema.table("Exam Session")
    assert "Number Passed" in [c.name for c in table.columns]
    assert table.primary_key.columns != ["Number"]
    assert table.column("Number Passed").type.type_class.value != "TEXT"


# -- "one each way" stated in two clauses is one-to-one, not many-to-many ------------------------------------
def test_only_one_both_ways_is_one_to_one():
    result = design("Each tenant has a full name and a phone. Each apartment has a unit code and a floor. "
                    "A tenant is assigned to only one apartment, and an apartment holds only one tenant.")
    names = {t.name for t in result.schema.tables}
    assert not any("Tenant" in n and "Apartment" in n for n in names), names
    fks = [(t.name, fk) for t in result.schema.tables for fk in t.foreign_keys]
    assert len(fks) == 1
    table, fk = fks[0]
    assert any(fk.columns == u.columns for u in result.schema.table(table).unique_constraints)


def test_one_compound_noun_is_not_one_of_its_modifier():
    # "by one race official" names no second Race: the race is on one track, nothing more
    result = design("Each track has a name and a length. Each race has a race date and a prize, and is held "
                    "on exactly one track by one race official.")
    race_track = [fk for fk in result.schema.table("Race").foreign_keys if fk.ref_table == "Track"]
    assert race_track
    assert not any(u.columns == race_track[0].columns for u in result.schema.table("Race").unique_constraints)


# -- "the harbour docks several ferries": an -s verb is not the plural of an entity ------------------------
def test_third_person_verb_is_not_an_entity_plural():
    result = design("Each dock has a dock code and a depth. Each ferry has a name and a capacity. "
                    "Our harbour docks several ferries.")
    assert "Dock" not in _fk_targets(result, "Ferry")


# -- "X are <verb>ed to Y for Z, with A, B": the passive subject owns the list --------------------------------
def test_with_list_after_passive_clause_belongs_to_its_subject():
    result = design("Each patient has a name and a birth date. Each ward has a ward code and a floor. "
                    "Prescriptions are written for patients in wards, with a drug name, a dose and a start date.")
    assert {"Drug Name", "Dose"} <= set(_columns(result, "Prescription"))
    assert "Dose" not in _columns(result, "Ward")


def test_whether_it_was_a_noun_flag_drops_the_article():
    result = design("Each delivery records the delivery date, the courier name and whether it was a return.")
    assert "Is Return" in _columns(result, "Delivery")
