"""Records and transactions read from verbs ("carries out inspections for each vessel", "each record
includes ..."): the record is linked to the thing it is about or the one who creates it."""

from __future__ import annotations

from design_helpers import links as _links
from schema_architect.design import design


def test_an_assessment_for_each_thing_is_of_one_thing():
    result = design("The harbour authority registers vessels. Each vessel has a name, a flag and a tonnage. "
                    "The authority carries out safety inspection for each vessel.")
    assert ("Safety Inspection", "Vessel") in _links(result)
    assert ("Vessel", "Safety Inspection") not in _links(result)


def test_the_value_of_each_thing_is_not_a_record_of_it():
    # "the category of each product": the product has one category, not the reverse
    result = design("Each product has a name and a price. Each category has a title. "
                    "The shop records the category of each product.")
    assert ("Category", "Product") not in _links(result)


def test_a_numbered_title_line_is_a_heading():
    from schema_architect.design.segment import split_sentences
    text = ("The observatory keeps its data below.\n\n1. Telescope Management\nRecord the basic information of "
            "telescopes. Each telescope has a name and an aperture.\n2. Observation Log\nRecord each observation.")
    headings = {s.text: s.heading for s in split_sentences(text)}
    assert headings["Each telescope has a name and an aperture."] == "Telescope Management"
    assert headings["Record each observation."] == "Observation Log"
    assert "Telescope Management" not in headings  # the title line is no sentence of its own


def test_a_plain_line_is_not_a_heading():
    from schema_architect.design.segment import split_sentences
    text = "Pilots fly planes\nEach pilot has a licence number."
    assert all(s.heading is None for s in split_sentences(text))


def test_each_record_includes_lists_the_record_named_before():
    result = design("A parking company needs to manage vehicle status records. Vehicles have a plate number and a "
                    "colour. Each garage has an address. The company tracks changes in vehicle status, with each "
                    "record including change time, old status and new status.")
    record = next(t for t in result.schema.tables if t.name.endswith("Status Record"))
    assert {"Change Time", "Old Status", "New Status"} <= {c.name for c in record.columns}
    assert "Change Time" not in [c.name for c in result.schema.table("Garage").columns]


def test_each_record_stays_under_its_own_heading():
    # the record named under another heading is not the one "each record" describes here
    text = ("1. Vessel Registry\nRecord the crew logs of each vessel. Each vessel has a name and a flag.\n"
            "2. Dock Usage\nRecord the docking of vessels. Each record includes Vessel ID, dock number and arrival time.")
    result = design(text)
    logs = [t for t in result.schema.tables if t.name.endswith("Log")]
    assert all("Arrival Time" not in [c.name for c in t.columns] for t in logs)


def test_information_kept_for_each_thing_is_that_things():
    result = design("The system records hospital information, including hospital name and city. It records ward "
                    "information for each hospital, including ward number, floor and number of beds.")
    assert ("Ward", "Hospital") in _links(result)
    assert ("Hospital", "Ward") not in _links(result)


def test_participants_kept_for_each_event_are_not_owned_by_it():
    # a speaker speaks at many conferences: "speaker information for each conference" gives no key to one
    result = design("The system records conference information, including title and venue. It records speaker "
                    "information for each conference, including speaker name and biography.")
    assert ("Speaker", "Conference") not in _links(result)


def test_an_assessment_on_each_thing_and_details_for_the_things():
    result = design("Each turbine has a serial number and a capacity. The operator performs safety inspection on "
                    "each turbine. The system also records repair details for the turbines, including repair "
                    "time and repair cost.")
    assert ("Safety Inspection", "Turbine") in _links(result)
    assert ("Repair", "Turbine") in _links(result)


def test_the_classifier_information_of_a_thing_is_not_its_own():
    result = design("Each product has a name and a price. Each category has a title and a description. "
                    "The shop records the category information of the product.")
    assert ("Category", "Product") not in _links(result)
