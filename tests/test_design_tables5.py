"""Tables made by the "X can ..." actor readers only when the actor keeps something of its own."""

from schema_architect.design.engine import design


def _tables(text: str) -> list[str]:
    names = design(text).schema.table_names
    return list(names() if callable(names) else names)


def test_actor_that_only_looks_at_data_is_no_table():
    tables = _tables("Analysts can view and compare the readings of the sensors. Each sensor has a serial number "
                     "and a location. Each reading records the sensor, a value and a time.")
    assert "Analyst" not in tables
    assert {"Sensor", "Reading"} <= set(tables)


def test_actor_that_browses_and_searches_is_no_table():
    tables = _tables("Visitors can browse and search the exhibits of the museum. "
                     "Each exhibit has a title, an artist and a creation year.")
    assert tables == ["Exhibit"]


def test_subject_named_once_only_to_say_what_it_is_is_no_table():
    tables = _tables("Each resident can be a registered tenant or a guest tenant. Each tenant has a name and a "
                     "phone number. Each apartment has a number and a floor.")
    assert "Resident" not in tables
    assert {"Tenant", "Apartment"} <= set(tables)


def test_actor_that_acts_on_a_thing_stays_a_table():
    tables = _tables("Librarians can lend books to members. Each book has a title and an ISBN. Each member has a name.")
    assert "Librarian" in tables


def test_heading_that_only_groups_things_named_under_it_is_no_table():
    tables = _tables("Venue Administration: The company manages several stadiums and arenas.\n"
                     "Ticket Sales: Each ticket has a seat number, a price and a match date.")
    assert "Stadium" in tables
    assert not any("Venue" in t for t in tables)


def test_heading_whose_topic_the_sentences_name_in_another_form_stays_a_table():
    tables = _tables("Tariff Configuration: For each utility company, configure the base rate and the night rate.\n"
                     "Company Records: Each utility company has a name and multiple customers.")
    assert "Tariff Configuration" in tables
