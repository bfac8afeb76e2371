"""Product-quality rules of the offline design engine, each checked on a sentence of its own."""

from __future__ import annotations

from schema_architect.design.datatypes import infer_type
from schema_architect.design.understand import read_requirements


def attributes_of(text: str, entity: str) -> list[str]:
    model = read_requirements(text).model
    ent = model.entity(entity)
    assert ent is not None, [e.name for e in model.entities]
    return [a.name for a in ent.attributes]


def test_a_pronoun_clause_after_an_event_noun_keeps_the_event_as_a_participle():
    names = attributes_of("Each parcel has a tracking code, a weight and the date it was delivered.", "Parcel")
    assert "Date Delivered" in names, names
    assert not any(n.lower().endswith(" it") for n in names), names


def test_a_pronoun_clause_after_another_noun_is_dropped():
    names = attributes_of("Each kayak has a hull colour, a length and the club it belongs to.", "Kayak")
    assert not any("belongs" in n.lower() or n.lower().endswith(" it") for n in names), names


def test_a_pronoun_used_as_an_object_does_not_cut_a_name():
    names = attributes_of("Each lantern has a wattage and a shade colour, and the shop links it with a supplier.",
                          "Lantern")
    assert not any(n.lower() in ("links", "link") for n in names), names


def test_a_modal_clause_after_an_attribute_is_not_part_of_its_name():
    names = attributes_of("Each courier has a name, a badge code and a phone number, and the badge code must be unique.",
                          "Courier")
    assert not any("must" in n.lower() for n in names), names


def test_a_trailing_participle_leaves_the_type_to_the_noun_before_it():
    assert infer_type("Time Shipped")[0].kind.value == "timestamp"
    assert infer_type("Date Sold")[0].kind.value == "date"
    assert infer_type("Amount Refunded")[0].kind.value == "decimal"
    assert infer_type("Top Speed")[0].kind.value == "decimal"  # a measure, not "Top" + a participle
    assert infer_type("Grass Seed")[0].kind.value == "varchar"


def test_a_bulleted_field_list_under_a_list_opener_belongs_to_its_owner():
    text = ("Each beekeeper has:\n- full name\n- apiary address\n- registration date\n"
            "Hives are kept by beekeepers.")
    names = [n.lower() for n in attributes_of(text, "Beekeeper")]
    assert {"full name", "apiary address", "registration date"} <= set(names), names


def test_bullets_under_a_heading_stay_separate_sentences():
    from schema_architect.design.segment import split_sentences

    text = "Features:\n- Each hive has a queen age and a colony size.\n- Beekeepers inspect hives."
    sentences = [s.text for s in split_sentences(text)]
    assert "Beekeepers inspect hives." in sentences, sentences


def test_alternatives_after_a_level_word_are_its_values_and_keep_it_text():
    from schema_architect.design.engine import design

    text = "Each climber has a name, an email and a grade level (novice, skilled or elite)."
    schema = design(text).schema
    table = next(t for t in schema.tables if "climber" in t.name.lower())
    column = next(c for c in table.columns if "grade" in c.name.lower())
    assert column.type.kind.value == "varchar", column.type
    assert any("elite" in ch.expression for ch in table.check_constraints), table.check_constraints


def test_a_short_for_the_phrase_inside_a_list_does_not_end_it():
    names = [n.lower() for n in attributes_of(
        "Each repair ticket has an opening date, a reason for the request and a priority.", "Repair Ticket")]
    assert "priority" in names, names


def test_ics_plurals_of_countable_nouns_singularize_and_fields_of_study_stay():
    from schema_architect.design.naming import plural
    from schema_architect.design.words import singular

    assert singular("critics") == "critic" and plural("critic") == "critics"
    assert singular("mosaics") == "mosaic"
    assert singular("economics") == "economics" and plural("economics") == "economics"


def test_a_table_of_ics_people_is_not_double_pluralized():
    from schema_architect.design.engine import design

    names = [t.name for t in design("Critics have a name and a newspaper. Each review has a score and a "
                                    "publication date, and is written by one critic.").schema.tables]
    assert not any(n.endswith("icses") for n in names), names


def test_a_number_of_undescribed_things_in_a_list_is_a_count_column():
    from schema_architect.design.engine import design

    schema = design("Each parking garage has an address, an opening hour and a number of ramps.").schema
    names = [t.name.lower() for t in schema.tables]
    assert not any(n.startswith("ramp") for n in names), names
    garage = next(t for t in schema.tables if "garage" in t.name.lower())
    column = next(c for c in garage.columns if c.name.lower().replace(" ", "_") == "number_of_ramps")
    assert column.type.kind.value == "integer"


def test_a_number_of_things_described_elsewhere_stays_a_relationship():
    from schema_architect.design.engine import design

    schema = design("Each parking garage has an address and a number of ramps. "
                    "Each ramp has a ramp code and a slope.").schema
    assert any(t.name.lower().startswith("ramp") for t in schema.tables), [t.name for t in schema.tables]


def test_a_time_given_in_units_is_a_count_of_those_units():
    names = attributes_of("Each ferry route has a route name, a crossing time in minutes and a fare.", "Ferry Route")
    crossing = next(n for n in names if n.lower().startswith("crossing time"))
    assert infer_type(crossing)[0].kind.value == "integer", crossing
    assert infer_type("Fare")[0].kind.value == "decimal"


def test_a_date_of_some_event_is_a_date():
    assert infer_type("Date of Graduation")[0].kind.value == "date"
    assert infer_type("Time of Departure")[0].kind.value == "timestamp"


def test_an_each_clause_inside_a_list_names_no_column():
    names = [n.lower() for n in attributes_of(
        "Each orchard has an owner name and a soil type, and every tree bears many apples.", "Orchard")]
    assert not any("bears" in n or "apples" in n for n in names), names
    assert "soil type" in names, names


def test_a_noun_before_and_information_details_is_its_own_attribute():
    names = [n.lower() for n in attributes_of("Each landlord has a surname and banking details.", "Landlord")]
    assert "surname" in names and not any("surname detail" in n for n in names), names
    names = [n.lower() for n in attributes_of("Each voyage has start and end dates.", "Voyage")]
    assert "start date" in names and "end date" in names, names


def test_a_second_predicate_after_a_comma_describes_the_sentence_subject():
    from schema_architect.design.engine import design

    schema = design("A concert starts at a given venue, has a headline act, a ticket price and a curfew time.").schema
    names = [t.name.lower() for t in schema.tables]
    assert any(n.startswith("concert") for n in names), names
    concert = next(t for t in schema.tables if t.name.lower().startswith("concert"))
    assert any("ticket_price" in c.name.lower().replace(" ", "_") for c in concert.columns), concert.columns


def test_greek_is_nouns_pluralize_to_es():
    from schema_architect.design.naming import plural

    assert plural("hypothesis") == "hypotheses" and plural("Diagnosis") == "Diagnoses"
    assert plural("axis") == "axes" and plural("tennis court") != "tennis courtes"


def test_a_plural_noun_before_and_does_not_take_the_next_items_head():
    names = [n.lower() for n in attributes_of("Each garden has a plot number, seeds and planting dates.", "Garden")]
    assert not any(n == "seeds date" or n == "seed date" for n in names), names


def test_a_relative_clause_on_a_passive_subject_does_not_name_the_owner():
    from schema_architect.design.engine import design

    schema = design("Tenants who rent garden plots are registered with a tenant number, a surname and a deposit.").schema
    names = [t.name.lower() for t in schema.tables]
    assert any(n.startswith("tenant") for n in names) and not any("rent_garden" in n for n in names), names


def test_an_article_inside_an_attribute_name_is_dropped():
    names = attributes_of("Each refund has a refund date, a reason for the return and an amount.", "Refund")
    assert "Reason for Return" in names, names


def test_a_with_list_of_three_fields_after_an_object_noun_describes_that_noun():
    model = read_requirements("When a guest checks out, the desk opens a damage claim with the claim date, "
                              "a photo and the room. Guests have a name.").model
    claim = model.entity("Damage Claim")
    assert claim is not None, [e.name for e in model.entities]
    assert "Claim Date" in [a.name for a in claim.attributes]


def test_a_bare_second_participle_belongs_to_the_sentence_subject():
    model = read_requirements("Tickets have a ticket code and a due date. Complaints have a complaint date and a text. "
                              "Technicians have a name and a grade. A ticket is opened for a complaint and assigned "
                              "to one technician.").model
    pairs = {frozenset((r.left, r.right)) for r in model.relationships}
    assert frozenset(("Ticket", "Technician")) in pairs, pairs
    assert frozenset(("Complaint", "Technician")) not in pairs, pairs


def test_a_number_range_after_an_item_is_its_check_not_its_name():
    from schema_architect.design.engine import design

    table = design("Each wine tasting has a tasting date and a score between 50 and 100.").schema.tables[0]
    assert any(c.name.lower() == "score" for c in table.columns), table.columns
    assert any("BETWEEN 50 AND 100" in ch.expression for ch in table.check_constraints), table.check_constraints


def test_measure_nouns_are_decimals():
    for name in ("Water Depth", "Wall Thickness", "Trunk Diameter", "Air Pressure"):
        assert infer_type(name)[0].kind.value == "decimal", name
