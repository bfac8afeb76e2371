"""Normalization on the schema model: decomposed tables, keys, foreign keys, names, rationale, 1NF repair.

The round-trip tests create the decomposed tables in real PostgreSQL and SQLite databases, load the
projections of a table's rows (primary and foreign keys enforced), and check that joining them gives
the original rows back.
"""

from __future__ import annotations

import pytest
import sqlalchemy as sa
from hypothesis import given
from hypothesis import strategies as st

from schema_architect.errors import InputError
from schema_architect.model import (
    CheckConstraint,
    Column,
    DataType,
    ForeignKey,
    Index,
    PrimaryKey,
    Schema,
    Table,
    UniqueConstraint,
)
from schema_architect.model.validate import problems
from schema_architect.normalize import (
    Dependencies,
    Relation,
    detect_1nf,
    is_lossless,
    normalize_schema,
    normalize_table,
    repair_1nf,
)

V = DataType.varchar


def customer_table() -> Table:
    return Table(
        name="customer",
        columns=[
            Column(name="id", type=DataType.integer(), nullable=False),
            Column(name="name", type=V(80), nullable=False),
            Column(name="street", type=V(120)),
            Column(name="zip", type=V(10)),
            Column(name="city", type=V(80), comment="town"),
        ],
        primary_key=PrimaryKey(columns=["id"]),
        indexes=[Index(name="ix_customer_city", columns=["city"])],
        check_constraints=[CheckConstraint(expression="LENGTH(zip) >= 4")],
    )


def order_line_table() -> Table:
    return Table(
        name="order_line",
        columns=[
            Column(name="order_id", type=DataType.integer(), nullable=False),
            Column(name="product_id", type=DataType.integer(), nullable=False),
            Column(name="product_name", type=V(100)),
            Column(name="unit_price", type=DataType.decimal(10, 2)),
            Column(name="quantity", type=DataType.integer()),
        ],
        primary_key=PrimaryKey(columns=["order_id", "product_id"]),
    )


def by_name(tables):
    return {t.name: t for t in tables}


def test_zip_city_becomes_a_zip_table_with_a_foreign_key():
    r = normalize_table(customer_table(), ["zip -> city"])
    tables = by_name(r.tables)
    assert list(tables) == ["customer", "zip"]
    assert tables["customer"].column_names == ["id", "name", "street", "zip"]
    assert tables["customer"].primary_key_columns == ["id"]
    assert [(fk.columns, fk.ref_table, fk.ref_columns) for fk in tables["customer"].foreign_keys] == [
        (["zip"], "zip", ["zip"])
    ]
    z = tables["zip"]
    assert z.column_names == ["zip", "city"] and z.primary_key_columns == ["zip"]
    assert z.column("zip").type == V(10) and z.column("zip").nullable is False  # a key column now
    assert z.column("city").comment == "town"
    assert [i.name for i in z.indexes] == ["ix_customer_city"]  # the index follows its column
    assert tables["customer"].check_constraints[0].expression == "LENGTH(zip) >= 4"
    assert not problems(Schema(tables=r.tables))
    text = "\n".join(r.rationale)
    assert "primary key (id) determines every other column" in text
    assert "breaks 3NF: zip -> city" in text
    assert "candidate key {id}: " in text and "zip -> city  adds city" in text  # the closure trace
    assert "table zip(zip, city), primary key (zip)" in text


def test_order_line_product_table_named_after_product_id():
    r = normalize_table(order_line_table(), ["product_id -> product_name, unit_price"])
    tables = by_name(r.tables)
    assert set(tables) == {"order_line", "product"}
    assert tables["product"].column("unit_price").type == DataType.decimal(10, 2)
    assert tables["order_line"].column_names == ["order_id", "product_id", "quantity"]
    assert tables["order_line"].foreign_keys[0].ref_table == "product"
    assert r.analysis.normal_form == "1NF"


def test_bcnf_target_reports_what_it_cannot_preserve():
    t = Table(name="dept_advisor", columns=[
        Column(name="s_id", type=DataType.integer()), Column(name="i_id", type=DataType.integer()),
        Column(name="dept_name", type=V(40)),
    ], primary_key=PrimaryKey(columns=["s_id", "dept_name"]))
    three = normalize_table(t, ["i_id -> dept_name"], target="3nf")
    assert [x.name for x in three.tables] == ["dept_advisor"]
    bcnf = normalize_table(t, ["i_id -> dept_name"], target="bcnf")
    assert sorted(x.name for x in bcnf.tables) == ["dept_advisor", "i"]  # i_id -> stem "i"
    assert any("no single table enforces" in line and "s_id, dept_name -> i_id" in line for line in bcnf.rationale)
    home = by_name(bcnf.tables)["dept_advisor"]
    assert home.primary_key_columns == ["s_id", "i_id"]
    assert any("original key (s_id, dept_name) is no longer held by one table" in line for line in bcnf.rationale)


def test_name_clash_with_an_existing_table_is_qualified():
    schema = Schema(tables=[order_line_table(), Table(name="product", columns=[
        Column(name="product_id", type=DataType.integer())], primary_key=PrimaryKey(columns=["product_id"]))])
    result = normalize_schema(schema, {"order_line": ["product_id -> product_name, unit_price"]})
    assert result.schema.table_names == ["order_line", "order_line_product", "product"]


def test_normalize_schema_redirects_foreign_keys_of_other_tables():
    # invoice references customer's zip code row through (zip): after the split, zip lives in table zip.
    invoice = Table(name="invoice", columns=[
        Column(name="invoice_id", type=DataType.integer()), Column(name="zip", type=V(10)),
    ], primary_key=PrimaryKey(columns=["invoice_id"]))
    cust = customer_table()
    cust.unique_constraints.append(UniqueConstraint(columns=["id", "zip"]))
    invoice.foreign_keys.append(ForeignKey(columns=["zip"], ref_table="customer", ref_columns=["zip"]))
    schema = Schema(tables=[cust, invoice])
    result = normalize_schema(schema, {"customer": ["zip -> city"]})
    inv = result.schema.table("invoice")
    assert inv.foreign_keys[0].ref_table == "zip"
    assert any("now references zip" in line for line in result.rationale)
    assert result.schema.table("customer").unique_constraints[0].columns == ["id", "zip"]


def test_fd_on_a_column_moved_by_the_1nf_repair_is_refused():
    t = customer_table()
    t.columns += [Column(name="phone1", type=V(20)), Column(name="phone2", type=V(20))]
    with pytest.raises(InputError, match="moved to customer_phones"):
        normalize_table(t, ["phone1 -> city"])


# -- 1NF ------------------------------------------------------------------------------------------
def contact_table(*extra: Column) -> Table:
    return Table(name="contact", columns=[Column(name="contact_id", type=DataType.integer(), nullable=False),
                                          Column(name="name", type=V(80)), *extra],
                 primary_key=PrimaryKey(columns=["contact_id"]))


def test_repeating_group_becomes_a_child_table_with_position():
    t = contact_table(*[Column(name=f"phone{i}", type=V(20)) for i in (1, 2, 3)])
    r = repair_1nf(t)
    assert r.table.column_names == ["contact_id", "name"]
    [child] = r.children
    assert child.name == "contact_phones"
    assert child.column_names == ["contact_id", "position", "phone"]
    assert child.primary_key_columns == ["contact_id", "position"]
    assert child.foreign_keys[0].ref_table == "contact" and child.foreign_keys[0].columns == ["contact_id"]
    assert child.column("phone").type == V(20)
    assert "repeat the same attribute numbered 1..3" in r.steps[0]


def test_repeating_group_of_several_fields_and_underscore_numbers():
    cols = [Column(name=f"child_{i}_name", type=V(40)) for i in (1, 2)] + [
        Column(name=f"child_{i}_age", type=DataType.integer()) for i in (1, 2)]
    r = repair_1nf(contact_table(*cols))
    [child] = r.children
    assert child.name == "contact_children"
    assert child.column_names == ["contact_id", "position", "child_name", "child_age"]
    assert child.column("child_age").type == DataType.integer()


@pytest.mark.parametrize("names", [
    ["address_line1", "address_line2"],  # postal address lines: positional parts of one value
    ["line1", "line2"],
    ["x1", "y1", "x2", "y2"],  # coordinates
    ["phone2", "phone3"],  # does not start at 1
    ["sha1", "md5"],
])
def test_legitimate_numbered_columns_are_left_alone(names):
    t = contact_table(*[Column(name=n, type=V(40)) for n in names])
    assert detect_1nf(t) == []


def test_numbered_columns_of_different_types_are_left_alone():
    t = contact_table(Column(name="score1", type=DataType.integer()), Column(name="score2", type=V(10)))
    assert detect_1nf(t) == []


def test_list_valued_columns_by_lexicon_and_by_declaration():
    t = contact_table(Column(name="tags", type=DataType.text()), Column(name="skills", type=DataType.integer()),
                      Column(name="favourite_colours_csv", type=DataType.text()))
    found = detect_1nf(t)
    assert [(f.kind, f.columns) for f in found] == [("list-valued", ("tags",))]  # integer 'skills' is not text
    r = repair_1nf(t, list_valued=["favourite_colours_csv"])
    names = by_name(r.children)
    assert names["contact_tags"].column_names == ["contact_id", "tag"]
    assert names["contact_tags"].primary_key_columns == ["contact_id", "tag"]
    assert "contact_favourite_colours_csv" in names


def test_composite_split_into_columns_or_a_child_table():
    t = contact_table(Column(name="address", type=V(200)))
    cols = repair_1nf(t, composite={"address": ["street", "city", "zip"]})
    assert cols.table.column_names == ["contact_id", "name", "address_street", "address_city", "address_zip"]
    assert not cols.children and "without a join" in cols.steps[0]
    child = repair_1nf(t, composite={"address": ["street", "city", "zip"]}, composite_style="table")
    [c] = child.children
    assert c.name == "contact_address"
    assert c.column_names == ["contact_id", "street", "city", "zip"] and c.primary_key_columns == ["contact_id"]
    assert c.foreign_keys[0].ref_table == "contact"
    assert child.table.column_names == ["contact_id", "name"]


def test_1nf_repair_needs_a_primary_key_and_known_columns():
    t = Table(name="person", columns=[Column(name="phone1", type=V(20)), Column(name="phone2", type=V(20))])
    with pytest.raises(InputError, match="has no primary key"):
        repair_1nf(t)
    with pytest.raises(InputError, match="has no column 'adress'") as exc:
        repair_1nf(contact_table(Column(name="address", type=V(200))), composite={"adress": ["a", "b"]})
    assert "did you mean 'address'" in exc.value.hint


def test_without_repair_non_atomic_columns_are_1nf_violations():
    t = contact_table(Column(name="tags", type=DataType.text()))
    r = normalize_table(t, [], repair_first_nf=False)
    assert r.analysis.normal_form == "none"
    assert r.analysis.report.violations[0].form == "1NF"


# -- round trip through real databases -----------------------------------------------------------
CUSTOMERS = [
    (1, "Ada", "1 Main St", "10001", "New York"),
    (2, "Bob", "2 Side St", "10001", "New York"),
    (3, "Cy", "3 Elm St", "94105", "San Francisco"),
    (4, "Di", "4 Oak St", "60601", "Chicago"),
    (5, "Ed", "5 Pine St", "94105", "San Francisco"),
]
ORDER_LINES = [
    (1, 10, "Pen", 1.50, 3), (1, 11, "Ink", 7.25, 1), (2, 10, "Pen", 1.50, 10), (3, 12, "Pad", 3.00, 2),
]


def _round_trip(url: str, table: Table, fds, rows, target: str):
    from schema_architect.sql.apply import apply_schema

    result = normalize_table(table, fds, target=target)
    apply_schema(url, Schema(tables=result.tables))
    cols = table.column_names
    engine = sa.create_engine(url)
    md = sa.MetaData()
    md.reflect(engine)
    with engine.begin() as conn:
        order = sorted(result.tables, key=lambda t: len(t.foreign_keys))  # referenced tables first
        for t in order:
            idx = [cols.index(c) for c in t.column_names]
            projected = sorted({tuple(row[i] for i in idx) for row in rows})
            conn.execute(md.tables[t.name].insert(), [dict(zip(t.column_names, p)) for p in projected])
        join = " NATURAL JOIN ".join(t.name for t in result.tables)
        got = conn.execute(sa.text(f"SELECT {', '.join(cols)} FROM {join}")).all()
    engine.dispose()
    norm = lambda r: tuple(float(v) if isinstance(v, (int, float)) or hasattr(v, "as_tuple") else v for v in r)
    assert sorted(map(norm, got)) == sorted(map(norm, rows))
    return result


@pytest.mark.postgres
@pytest.mark.parametrize("target", ["3nf", "bcnf"])
def test_round_trip_postgres(pg_url, target):
    r = _round_trip(pg_url, customer_table(), ["zip -> city"], CUSTOMERS, target)
    assert len(r.tables) == 2


@pytest.mark.postgres
def test_round_trip_postgres_order_lines(pg_url):
    r = _round_trip(pg_url, order_line_table(), ["product_id -> product_name, unit_price"], ORDER_LINES, "3nf")
    assert {t.name for t in r.tables} == {"order_line", "product"}


def test_round_trip_sqlite(sqlite_url):
    _round_trip(sqlite_url, order_line_table(), ["product_id -> product_name, unit_price"], ORDER_LINES, "bcnf")


@pytest.mark.postgres
def test_decomposed_tables_enforce_the_dependency(pg_url):
    """The point of the split: the database now refuses two cities for one zip."""
    from sqlalchemy.exc import IntegrityError

    from schema_architect.sql.apply import apply_schema

    result = normalize_table(customer_table(), ["zip -> city"])
    apply_schema(pg_url, Schema(tables=result.tables))
    engine = sa.create_engine(pg_url)
    with engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO zip (zip, city) VALUES ('10001', 'New York')"))
    with pytest.raises(IntegrityError), engine.begin() as conn:
        conn.execute(sa.text("INSERT INTO zip (zip, city) VALUES ('10001', 'Newark')"))
    with pytest.raises(IntegrityError), engine.begin() as conn:  # and a customer's zip must exist
        conn.execute(sa.text("INSERT INTO customer (id, name, zip) VALUES (1, 'Ada', '99999')"))
    engine.dispose()


# -- properties on generated tables --------------------------------------------------------------
COLS = ["id", "code", "name", "kind", "price", "city", "zip", "qty"]


@st.composite
def tables_with_fds(draw):
    n = draw(st.integers(2, len(COLS)))
    cols = COLS[:n]
    side = st.lists(st.sampled_from(cols), min_size=1, max_size=2, unique=True)
    fds = draw(st.lists(st.tuples(side, side), max_size=6))
    with_pk = draw(st.booleans())
    table = Table(name="thing", columns=[Column(name=c, type=V(20) if i % 2 else DataType.integer())
                                         for i, c in enumerate(cols)],
                  primary_key=PrimaryKey(columns=[cols[0]]) if with_pk else None)
    return table, fds, draw(st.sampled_from(["3nf", "bcnf"]))


@given(tables_with_fds())
def test_decomposed_tables_are_consistent_and_lossless(case):
    table, fds, target = case
    r = normalize_table(table, fds, target=target, repair_first_nf=False)
    assert not problems(Schema(tables=r.tables))
    assert r.tables[0].name == "thing"
    assert {c for t in r.tables for c in t.column_names} == set(table.column_names)
    names = [t.name.lower() for t in r.tables]
    assert len(set(names)) == len(names)
    by = {t.name: t for t in r.tables}
    for t in r.tables:
        assert t.primary_key and t.primary_key_columns
        for c in t.primary_key_columns:
            assert t.column(c).nullable is False
        for fk in t.foreign_keys:  # every foreign key points at the referenced table's primary key
            assert by[fk.ref_table].primary_key_columns == fk.ref_columns
    for t in r.tables:
        assert [c.type for c in t.columns] == [table.column(c.name).type for c in t.columns]
    all_fds = list(fds) + ([([table.primary_key_columns[0]], table.column_names[1:])] if table.primary_key else [])
    deps = Dependencies(Relation("thing", tuple(table.column_names)), all_fds)
    assert is_lossless(deps, [t.column_names for t in r.tables])
    if table.primary_key:  # the table keeps its name and its key
        assert r.tables[0].primary_key_columns == table.primary_key_columns


def test_a_non_minimal_primary_key_is_tightened_and_kept_unique():
    t = Table(name="enrolment", columns=[
        Column(name="enrolment_no", type=DataType.integer()), Column(name="student", type=V(40)),
        Column(name="course", type=V(40)), Column(name="grade", type=V(2)),
        Column(name="phone1", type=V(20)), Column(name="phone2", type=V(20)),
    ], primary_key=PrimaryKey(columns=["enrolment_no", "student"]))
    r = normalize_table(t, ["enrolment_no -> student, course, grade"])
    home = r.tables[0]
    assert home.primary_key_columns == ["enrolment_no"]
    assert home.unique_constraints[0].columns == ["enrolment_no", "student"]
    phones = by_name(r.tables)["enrolment_phones"]
    assert home.is_unique_on(phones.foreign_keys[0].ref_columns)  # the child's FK still references a key
    assert any("is not minimal" in line for line in r.rationale)
