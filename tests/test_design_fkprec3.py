"""Foreign-key precision: keys the text does not give (a modifier read as a thing, a collection read as a
record of one member, a one-side column repeating a many-to-many link)."""

from schema_architect.design.engine import design


def _table(result, name):
    return next(t for t in result.schema.tables if t.name == name)


def _targets(table):
    return {fk.ref_table for fk in table.foreign_keys}


def test_a_noun_that_only_modifies_the_next_noun_is_no_one_side():
    # "for easy member access": the member names the access, the recipes belong to no member
    result = design("Each recipe has a recipe ID and a title. Each member has a member ID and a name. "
                    "Recipes can belong to different levels of menus for easy member access.")
    assert "Member" not in _targets(_table(result, "Recipe"))
    assert "Member ID" not in _table(result, "Recipe").column_names


def test_a_collection_named_after_its_items_records_none_of_them():
    # a coin collection gathers many coins: it holds no key to one coin
    result = design("The museum keeps coins and coin collections. Each coin has a coin ID, a year and a metal. "
                    "Each coin collection has a collection ID and a title.")
    collection = _table(result, "Coin Collection")
    assert "Coin" not in _targets(collection)
    assert "Coin ID" not in collection.column_names


def test_a_column_named_by_the_deed_of_a_link_table_goes_to_the_link():
    # "Borrowed Tool ID" beside a Tool Borrowing keyed by member and tool: the borrowing holds which tools
    result = design("Each member has a member ID, a name and a borrowed tool ID. Each tool has a tool ID and a brand. "
                    "Tool Borrowing: members can borrow tools, recording the member ID and the tool ID.")
    member = _table(result, "Member")
    assert "Tool" not in _targets(member)
    assert "Borrowed Tool ID" not in member.column_names
    link = _table(result, "Tool Borrowing")
    assert _targets(link) == {"Member", "Tool"}


def test_a_column_of_the_other_table_not_named_by_the_link_stays():
    # a current "Home Tool ID" is a fact of its own beside the borrowings
    result = design("Each member has a member ID, a name and a home tool ID. Each tool has a tool ID and a brand. "
                    "Tool Borrowing: members can borrow tools, recording the member ID and the tool ID.")
    assert "Tool" in _targets(_table(result, "Member"))


def test_a_money_record_of_the_only_person_is_on_the_one_holder():
    # payments move money on a member's wallet: the wallet holds the member's key, the payment the wallet's
    result = design("Each member has a member ID and a name. Members can open wallets, and each wallet has a wallet ID "
                    "and a balance. For payment management, the system records each payment, including the payment ID, "
                    "amount and time.")
    assert _targets(_table(result, "Payment")) == {"Wallet"}
    assert _targets(_table(result, "Wallet")) == {"Member"}


def test_the_handler_of_a_customers_complaint_is_no_customer():
    # a handler works for the business; the complaint is the customer's own (a submitter may be the customer)
    result = design("Each customer has a customer ID, a name and an email. Complaint Management: manage customer "
                    "complaints, including complaint status, complaint date, severity and handler.")
    complaint = _table(result, "Complaint")
    assert not any(fk.columns == ["Handler"] for fk in complaint.foreign_keys)
    assert "Handler" in complaint.column_names


def test_a_thing_among_many_others_is_held_by_none_of_them():
    # schedules shared among several drivers: no driver holds a route
    result = design("Each driver has a driver ID and a name. Each route has a route ID and a length. "
                    "The depot requires shared route schedules among several drivers.")
    assert "Route" not in _targets(_table(result, "Driver"))


def test_the_type_column_of_a_thing_is_its_key_to_the_kind_keyed_by_type_id():
    # "name, type, length": the type is the vessel's category, keyed "Type ID"; no second column beside it
    result = design("The harbour manages vessels by categories, with vessel category information including Type ID, "
                    "category name, and description. Vessel information includes Vessel ID, name, type, length and flag.")
    vessel = _table(result, "Vessel")
    assert _targets(vessel) == {"Vessel Category"}
    assert "Type" not in vessel.column_names
    assert vessel.column_names.index("Type ID") == 2  # where the text put the type


def test_a_noun_modifying_the_subject_of_a_clause_is_not_its_subject():
    # "each crate operation must be associated with a packer": the operation is, not the crate
    result = design("The system records each crate, including its weight and destination. Each crate operation must "
                    "be associated with a packer, who has an ID, a name and a phone number.")
    assert "Packer" not in _targets(_table(result, "Crate"))
