"""Relationships stated by verbs no word list knows: "vets treat pets", "cars are parked at garages"."""

from __future__ import annotations

from design_helpers import foreign_keys, linking, table_names

from schema_architect.design import design
from schema_architect.design.clauses import verb_clauses


def _clause(text: str):
    found = verb_clauses(text)
    assert len(found) == 1, found
    c = found[0]
    return c.subject.count, c.subject.text, c.verb, c.passive, c.preposition, c.object.count, c.object.text


def test_a_verb_is_told_by_agreement_not_by_a_word_list():
    assert _clause("Farriers shoe horses.") == (None, "Farriers", "shoe", False, None, None, "horses")
    assert _clause("Each glazier fits several windows.") == ("each", "glazier", "fits", False, None, "many", "windows")
    assert _clause("A courier can ferry one or more parcels.") == ("a", "courier", "ferry", False, None, "many", "parcels")
    assert _clause("Boats are moored at marinas.") == (None, "Boats", "moored", True, "at", None, "marinas")


def test_nouns_next_to_nouns_are_no_clause():
    assert verb_clauses("Water sample collectors in regions upload data.") == []  # "sample collectors" is no verb
    assert verb_clauses("Each vet treat pets.") == []  # a singular subject takes a verb in -s
    assert verb_clauses("Vets treats pets.") == []  # a plural one a verb without


def test_an_unknown_verb_between_two_bare_plurals_links_them():
    r = design("Farriers shoe horses. Each horse has a name and a breed. Each farrier has a name and a phone number.")
    assert foreign_keys(r, "Horse") == {"Farrier ID": "Farrier"}


def test_a_passive_verb_with_a_preposition_puts_the_key_on_the_subject():
    r = design("Boats are moored at marinas. Each boat has a hull number and a length. Each marina has a name and a city.")
    assert "Marina" in foreign_keys(r, "Boat").values()


def test_a_passive_verb_with_by_puts_the_key_on_the_subject():
    r = design("Orchards are pruned by arborists. Each orchard has a name and an area. Each arborist has a name.")
    assert foreign_keys(r, "Orchard") == {"Arborist ID": "Arborist"}


def test_looking_data_up_links_nothing():
    # "shoppers clip coupons" links them: only the verb differs
    r = design("Shoppers browse coupons. Each coupon has a code and a discount. Each shopper has a name and an email.")
    assert not foreign_keys(r, "Coupon") and not foreign_keys(r, "Shopper")


def test_a_counted_object_after_a_verb_looking_noun_is_an_entity():
    r = design("A library lends books to members. Each member can borrow several books.")
    assert {"Book", "Member"} <= set(table_names(r))
    assert linking(r, "Book", "Member")


def test_who_acts_on_a_known_thing_and_what_a_known_thing_acts_on_are_things():
    r = design("Farriers shoe horses. Each horse has a name and a breed.")
    assert foreign_keys(r, "Horse") == {"Farrier ID": "Farrier"}
    r = design("Couriers ferry parcels. Each courier has a name and a phone number.")
    assert "Parcel" in table_names(r)


def test_what_the_business_does_names_its_things_but_not_itself():
    names = set(table_names(design("A kennel boards dogs for their owners. Each owner has a name and a phone number.")))
    assert "Dog" in names and "Kennel" not in names


def test_values_abstract_words_and_known_verbs_opening_a_sentence_are_no_things():
    names = set(table_names(design("Customers earn points and gather feedback. Each customer has a name and an email.")))
    assert names == {"Customer"}
    names = set(table_names(design("Handles crew shifts. Each shift has a start time and an end time.")))
    assert "Handle" not in names


def test_a_record_for_one_or_more_things_is_linked_to_many_of_them():
    r = design("Tourists make reservations for one or more tours. Each tour has a title and a price.")
    assert "Tour" in table_names(r)
    assert linking(r, "Reservation", "Tour")
    r = design("Each rental is for several bikes. Each bike has a frame number and a colour.")
    assert linking(r, "Rental", "Bike") and "Rental" not in foreign_keys(r, "Bike").values()


def test_coordinated_objects_are_each_linked_and_a_second_verb_phrase_is_no_object():
    r = design("Groomers trim poodles and terriers. Each groomer has a name.")
    assert foreign_keys(r, "Poodle") == {"Groomer ID": "Groomer"} and foreign_keys(r, "Terrier") == {"Groomer ID": "Groomer"}
    c = verb_clauses("Agencies post vacancies or review submitted resumes from candidates.")[0]
    assert [o.text for o in c.objects] == ["vacancies"]
    assert [o.text for o in verb_clauses("Vets treat pets and nurses feed them.")[0].objects] == ["pets"]


def test_what_is_given_to_someone_is_theirs():
    r = design("Each agent sells policies to customers. Each policy has a policy number. Each customer has a name.")
    assert foreign_keys(r, "Policy") == {"Agent ID": "Agent", "Customer ID": "Customer"}


def test_a_clause_after_a_leading_phrase_is_read_too():
    r = design("In our stables, farriers shoe horses. Each horse has a name. Each farrier has a name.")
    assert foreign_keys(r, "Horse") == {"Farrier ID": "Farrier"}


def test_a_plain_clause_alone_names_both_things():
    r = design("Farriers shoe horses.")
    assert foreign_keys(r, "Horse") == {"Farrier ID": "Farrier"}
    r = design("Boats are moored at marinas.")
    assert foreign_keys(r, "Boat") == {"Marina ID": "Marina"}
    r = design("Each glazier fits several windows. Shoppers earn points. Each shopper has an email.")
    assert set(table_names(r)) == {"Glazier", "Window", "Shopper"}  # points are a value


def test_numbers_particles_and_negation():
    assert _clause("Each kennel houses up to twelve dogs.") == ("each", "kennel", "houses", False, None, "many", "dogs")
    assert _clause("Each berth takes at most one yacht.")[5:] == ("one", "yacht")
    assert _clause("Couriers pick up parcels.") == (None, "Couriers", "pick", False, None, None, "parcels")
    assert verb_clauses("Apprentices cannot operate kilns.") == []
    r = design("Apprentices never fire kilns. Each apprentice has a name. Each kiln has a serial number.")
    assert not foreign_keys(r, "Kiln") and not foreign_keys(r, "Apprentice")
    r = design("Each courier carries up to five parcels. Each parcel has a weight. Each courier has a name.")
    assert foreign_keys(r, "Parcel") == {"Courier ID": "Courier"}


def test_records_people_make_are_things_and_are_each_of_one_thing():
    r = design("Patients file complaints about nurses. Each nurse has a name and a ward.")
    assert "Complaint" in table_names(r)
    assert foreign_keys(r, "Complaint") == {"Patient ID": "Patient", "Nurse ID": "Nurse"}


def test_a_second_verb_phrase_of_the_subject_is_a_clause_of_its_own():
    clauses = verb_clauses("Chefs cook meals and order spices.")
    assert [(c.verb, [o.text for o in c.objects]) for c in clauses] == [("cook", ["meals"]), ("order", ["spices"])]
    r = design("Chefs cook meals and order spices. Each meal has a name and a price.")
    assert foreign_keys(r, "Spice") == {"Chef ID": "Chef"}
    passive = verb_clauses("Posts are written by staff writers or guest writers.")[0]
    assert [o.text for o in passive.objects] == ["staff writers", "guest writers"]


def test_a_relative_clause_relates_the_noun_before_who():
    assert _clause("Anglers who catch trout must log them.") == (None, "Anglers", "catch", False, None, None, "trout")
    r = design("Climbers who rent harnesses must sign waivers. Each harness has a size and a serial number.")
    assert linking(r, "Climber", "Harness")  # renting is shared: many-to-many
    assert verb_clauses("The system ensures that users receive alerts.") == []
