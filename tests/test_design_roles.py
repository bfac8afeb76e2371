"""Readings the issue asks for: role nouns folded into one entity, relationship attributes on the
link, the business as speaker, one timestamp for "date and time", and singulars of irregular plurals."""

from __future__ import annotations

from design_helpers import foreign_keys as _fks
from schema_architect.design import design
from schema_architect.design.naming import plural
from schema_architect.design.words import singular


def _tables(result) -> dict[str, list[str]]:
    return {t.name: [c.name for c in t.columns] for t in result.schema.tables}


# -- singulars of -ses, -xes, -ies and Latin plurals ----------------------------------------------------
def test_greek_and_latin_plurals_have_their_singular():
    assert singular("hypotheses") == "hypothesis"
    assert singular("analyses") == "analysis"
    assert singular("theses") == "thesis"
    assert singular("crises") == "crisis"
    assert singular("syntheses") == "synthesis"
    assert singular("indices") == singular("indexes") == "index"
    assert singular("matrices") == "matrix"
    assert singular("appendices") == "appendix"


def test_s_ending_singulars_lose_only_their_es():
    for word, one in (("statuses", "status"), ("addresses", "address"), ("buses", "bus"), ("boxes", "box"),
                      ("censuses", "census"), ("lenses", "lens"), ("gases", "gas"), ("biases", "bias"),
                      ("taxes", "tax"), ("classes", "class")):
        assert singular(word) == one, word
    for word in ("status", "lens", "bias", "atlas", "series", "species", "hypothesis"):
        assert singular(word) == word, word


def test_plain_plurals_ending_like_irregular_ones_stay_plain():
    for word, one in (("prices", "price"), ("devices", "device"), ("notices", "notice"), ("doses", "dose"),
                      ("purposes", "purpose"), ("bases", "base"), ("houses", "house"), ("courses", "course"),
                      ("shoes", "shoe"), ("canoes", "canoe"), ("toes", "toe"), ("heroes", "hero"),
                      ("potatoes", "potato"), ("movies", "movie"), ("categories", "category")):
        assert singular(word) == one, word


def test_table_names_use_the_right_plural():
    assert plural("hypothesis") == "hypotheses"
    assert plural("matrix") == "matrices"
    assert plural("index") == "indexes"
    assert plural("hero") == "heroes"
    assert plural("photo") == "photos"
    assert plural("status") == "statuses"


def test_a_research_text_about_hypotheses_names_the_table_by_its_singular():
    text = ("The lab records hypotheses and experiments. Each hypothesis has a hypothesis ID, a statement and a "
            "status. Each experiment has an experiment ID, a start date and a result.")
    assert "Hypothesis" in _tables(design(text))


# -- role nouns folded into one entity with role FKs ----------------------------------------------------
def test_crew_roles_of_a_crossing_are_one_crew_table_with_a_key_per_role():
    text = ("The ferry company runs crossings. Each crossing has a crossing ID and a departure time. "
            "Each crossing is staffed by a skipper and a deckhand, each having their own ID, name and phone number.")
    r = design(text)
    tables = _tables(r)
    assert "Skipper" not in tables and "Deckhand" not in tables
    assert tables["Crew Member"] == ["Crew Member ID", "Name", "Phone Number"]
    assert _fks(r, "Crossing") == {"Skipper ID": "Crew Member", "Deckhand ID": "Crew Member"}


def test_parties_of_a_court_case_share_one_table():
    text = ("The court records cases. Each case has a case number and a filing date. "
            "A case involves a plaintiff and a defendant, each with a name and an address.")
    r = design(text)
    assert _fks(r, "Case") == {"Plaintiff ID": "Party", "Defendant ID": "Party"}
    assert {"Name", "Address"} <= set(_tables(r)["Party"])


def test_a_stated_kind_names_the_table_the_roles_point_at():
    text = ("The rental agency records leases. Each lease has a lease number, a monthly rent and a start date. "
            "A lease has a tenant and a co-signer, both clients. Each client has a client ID, a name and an email.")
    r = design(text)
    assert _fks(r, "Lease") == {"Tenant ID": "Client", "Co-signer ID": "Client"}
    assert "Tenant" not in _tables(r)


def test_roles_point_at_the_kind_the_design_already_has():
    text = ("The school records theses. Each thesis has a thesis ID, a title, a supervisor and an examiner. "
            "Each professor has a professor ID and a name.")
    r = design(text)
    assert _fks(r, "Thesis") == {"Supervisor ID": "Professor", "Examiner ID": "Professor"}
    assert "Faculty Member" not in _tables(r)


def test_roles_with_one_head_are_two_keys_to_the_described_table():
    text = ("The chess club records games. Each game has a game ID and a date. Each game is played between a "
            "white player and a black player. Each player has a player ID, a name and a rating.")
    r = design(text)
    assert _fks(r, "Game") == {"White Player ID": "Player", "Black Player ID": "Player"}


def test_role_keys_keep_the_words_of_the_referenced_key():
    text = ("The bank records transfers. Each transfer has a transfer ID, an amount, a source account and a "
            "target account. Each account has an account number, an owner name and a balance.")
    assert _fks(design(text), "Transfer") == {"Source Account Number": "Account", "Target Account Number": "Account"}


def test_unrelated_people_or_plain_values_are_not_folded():
    text = ("The club has teams. Each team has a team ID, a team name, a captain and a coach. "
            "Each coach has a coach ID and a name.")
    r = design(text)
    assert "Coach" in _tables(r) and "Person" not in _tables(r)
    text = "Each invoice has an invoice number, a date and an amount. Each customer has a customer ID and a name."
    assert set(_tables(design(text))) == {"Invoice", "Customer"}


def test_a_record_counted_one_by_one_is_an_entity_for_its_roles():
    r = design("Each voyage is crewed by a skipper and a navigator.")
    assert _fks(r, "Voyage") == {"Skipper ID": "Crew Member", "Navigator ID": "Crew Member"}


# -- "date and time" of one moment is one timestamp ------------------------------------------------------
def _column_types(result, table: str) -> dict[str, str]:
    return {c.name: c.type.kind.value for c in result.schema.table(table).columns}


def test_the_date_and_time_of_an_event_is_one_timestamp():
    r = design("The salon records bookings. Each booking records the date and time of the booking, a stylist name "
               "and a price.")
    columns = _tables(r)["Booking"]
    assert "Date Time" in columns and "Date" not in columns and "Time" not in columns
    r = design("Each ferry departure has a departure ID, a sailing date and time, and a gate.")
    assert _column_types(r, "Ferry Departure")["Sailing Date Time"] == "timestamp"


def test_a_date_beside_another_kind_of_time_stays_two_columns():
    r = design("Each exam has an exam ID, a room, a date and a time slot.")
    assert {"Date", "Time Slot"} <= set(_tables(r)["Exam"])


# -- values of a pair ("for each X in a Y, the quantity and unit") go on the link table ------------------
def test_values_for_each_thing_in_another_land_on_their_link():
    text = ("The paint shop keeps colours and pigments. Each colour has a colour code and a name. Each pigment has "
            "a pigment ID and a supplier. For each pigment in a colour, the amount and unit are recorded.")
    r = design(text)
    tables = _tables(r)
    link = next(name for name in tables if {"Colour Code", "Pigment ID"} <= set(tables[name]))
    assert {"Amount", "Unit"} <= set(tables[link])
    assert "Amount" not in tables["Pigment"] and "Amount" not in tables["Colour"]


def test_an_active_sentence_about_each_pair_also_describes_the_link():
    text = ("The league keeps teams and players. Each team has a team ID and a city. Each player has a player ID "
            "and a name. For each player on a team, we record the jersey number and the position.")
    tables = _tables(design(text))
    link = next(name for name in tables if {"Team ID", "Player ID"} <= set(tables[name]))
    assert {"Jersey Number", "Position"} <= set(tables[link])


def test_values_of_the_thing_itself_stay_with_it():
    text = ("The choir keeps sections and singers. Each section has a section code and a conductor. Each singer "
            "has a singer ID and an email. For each singer in a section, the name and the voice type are recorded.")
    tables = _tables(design(text))
    assert "Singer" in tables
    assert not any({"Section Code", "Singer ID"} <= set(cols) and "Name" in cols for cols in tables.values())


# -- the business as the subject is the speaker, not a one-row table --------------------------------------
def test_a_business_listing_what_it_keeps_names_entities_not_its_columns():
    text = ("Our craft brewery tracks its beers, batches and tanks. "
            "Each batch has a batch number, a brew date and a volume.")
    tables = _tables(design(text))
    assert "Craft Brewery" not in tables
    assert {"Beer", "Batch", "Tank"} <= set(tables)


def test_values_a_business_keeps_for_each_thing_are_that_things():
    text = ("Our studio keeps the booking date, the duration and the fee for each session. "
            "Each session has a session ID and a room.")
    tables = _tables(design(text))
    assert "Studio" not in tables
    assert {"Booking Date", "Duration", "Fee"} <= set(tables["Session"])


def test_a_business_described_by_its_own_fields_stays_a_table():
    text = "The kennel has a name, an address and several runs. Each run has a run number and a size."
    tables = _tables(design(text))
    assert {"Name", "Address"} <= set(tables["Kennel"])
    text = "Each farm tracks its fields, barns and tractors. Each farm has a farm ID and an owner name."
    assert "Farm" in _tables(design(text))


def test_a_role_without_its_own_article_is_still_a_role():
    r = design("Each voyage has a voyage ID and a port. Each voyage is crewed by a skipper and navigator.")
    assert _fks(r, "Voyage") == {"Skipper ID": "Crew Member", "Navigator ID": "Crew Member"}


def test_a_role_several_people_play_is_a_link_table_named_by_the_role():
    text = ("Each exam has an exam code and a date. Each exam is supervised by an invigilator and two assistant "
            "invigilators, each with a staff number and a name.")
    r = design(text)
    tables = _tables(r)
    assert "Two Assistant Invigilator" not in tables and "Assistant Invigilator" not in tables
    assert {"Staff Number", "Name"} <= set(tables["Invigilator"])
    assert _fks(r, "Exam") == {"Invigilator Staff Number": "Invigilator"}
    assert set(_fks(r, "Exam Assistant Invigilator").values()) == {"Exam", "Invigilator"}


def test_values_kept_for_each_pair_after_the_list_land_on_their_link():
    text = ("The perfumery keeps perfumes and essences. Each perfume has a perfume code and a name. Each essence "
            "has an essence ID and an origin. The perfumery records the amount and the unit for each essence in a "
            "perfume.")
    tables = _tables(design(text))
    link = next(name for name in tables if {"Perfume Code", "Essence ID"} <= set(tables[name]))
    assert {"Amount", "Unit"} <= set(tables[link])
    assert "Amount" not in tables["Essence"]


def test_the_explanation_says_which_kind_the_roles_are_and_why():
    text = ("The court records cases. Each case has a case number and a filing date. "
            "A case involves a plaintiff and a defendant, each with a name and an address.")
    decisions = design(text).decisions
    subjects = {d.subject for d in decisions}
    assert "entity Defendant" not in subjects  # folded: no stale "Defendant is an entity"
    fold = next(d for d in decisions if d.subject == "entity Party")
    assert "roles of Party" in fold.decision and "role lexicon" in fold.rationale


def test_a_plain_link_beside_the_role_keys_is_not_a_second_link():
    text = ("The pawn shop records pledges. Each client has a client ID, a name and a phone. Each pledge has a "
            "pledge number and a value. A pledge has a pledger and a guarantor, both clients. "
            "A client can make several pledges.")
    r = design(text)
    assert _fks(r, "Pledge") == {"Pledger ID": "Client", "Guarantor ID": "Client"}
    assert set(_tables(r)) == {"Client", "Pledge"}


def test_a_date_and_a_time_of_the_same_event_are_one_timestamp():
    r = design("Each stay has a stay ID, the check-in date and check-in time, and a room number.")
    assert _column_types(r, "Stay")["Check-in Date Time"] == "timestamp"
    r = design("Each trip has a trip ID, a departure date and an arrival time.")
    assert {"Departure Date", "Arrival Time"} <= set(_tables(r)["Trip"])  # two events, two columns


def test_a_hyphenated_particle_is_no_preposition_for_the_type():
    from schema_architect.design.datatypes import infer_type

    assert infer_type("Check-in Time")[0].kind.value == "timestamp"
    assert infer_type("Sign-up Date")[0].kind.value == "date"
    assert infer_type("Price at Purchase")[0].kind.value == "decimal"


def test_a_business_keeping_records_of_kinds_names_them_without_a_trigger_word():
    text = ("The kennel keeps records of dogs, owners and vaccinations. "
            "Each dog has a dog ID, a name and a breed.")
    tables = _tables(design(text))
    assert {"Dog", "Owner", "Vaccination"} <= set(tables)
    assert "Kennel" not in tables
    text = "The invoice records products, quantities and prices. Each product has a product ID and a name."
    assert set(_tables(design(text))) == {"Product"}  # not a business: its values, not its kinds


def test_roles_of_a_record_named_by_its_head_go_to_the_described_record():
    text = ("Each tennis match has a match ID, a court and a date. Each match is officiated by an umpire and a line "
            "judge, both employees. Each employee has an employee ID and a name.")
    r = design(text)
    assert "Match" not in _tables(r)
    assert _fks(r, "Tennis Match") == {"Umpire ID": "Employee", "Line Judge ID": "Employee"}
