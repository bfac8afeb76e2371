"""Evolution from English: a change request read into a target schema, then planned, checked and applied."""

import pytest
import sqlalchemy as sa

from schema_architect.errors import InputError
from schema_architect.evolve.english import evolve_schema
from schema_architect.sql.parse import parse_ddl

SHOP = """
CREATE TABLE customers (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, email VARCHAR(200));
CREATE TABLE products (id INTEGER PRIMARY KEY, name VARCHAR(100) NOT NULL, price DECIMAL(10,2));
CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER NOT NULL REFERENCES customers(id), placed_at TIMESTAMP);
"""


def shop():
    return parse_ddl(SHOP, dialect="sqlite")


def test_the_issue_example_adds_a_column_and_a_many_to_many_link():
    e = evolve_schema(shop(), "add a phone number to customers and let products have several categories")
    s = e.schema
    assert s.table("customers").column("phone_number").nullable  # existing rows have no phone yet
    assert s.table("customers").column("phone_number").type.type_class.value == "TEXT"
    cats, link = s.table("categories"), s.table("product_categories")
    assert cats.primary_key_columns == ["id"]
    assert link.primary_key_columns == ["product_id", "category_id"]
    assert {fk.ref_table for fk in link.foreign_keys} == {"products", "categories"}
    assert len(e.changes) == 2 and all("<-" in c for c in e.changes)  # each change quotes its clause


def test_other_request_forms():
    s = shop()
    assert evolve_schema(s, "customers can have several addresses").schema.table("addresses").foreign_keys[0].ref_table \
        == "customers"
    renamed = evolve_schema(s, "rename email in customers to email address").schema
    assert renamed.table("customers").column("email_address") is not None
    clients = evolve_schema(s, "rename table customers to clients").schema
    assert clients.table("customers") is None and clients.table("clients") is not None
    assert clients.table("orders").foreign_keys[0].ref_table == "clients"  # links follow the rename
    required = evolve_schema(s, "make email of customers required; make name of products unique").schema
    assert not required.table("customers").column("email").nullable
    assert required.table("products").is_unique_on(["name"])
    dropped = evolve_schema(s, "drop price from products").schema
    assert dropped.table("products").column("price") is None
    described = evolve_schema(s, "Each supplier has a supplier code, a name and an email.").schema
    assert described.table("suppliers") is not None


def test_requests_that_cannot_be_read_are_refused_with_guidance():
    with pytest.raises(InputError, match="no change could be read"):
        evolve_schema(shop(), "make it better please")
    with pytest.raises(InputError, match="there is no table 'invoices'"):
        evolve_schema(shop(), "let invoices have several tags")
    with pytest.raises(InputError, match="no column 'fax'"):
        evolve_schema(shop(), "drop fax from customers")
    with pytest.raises(InputError, match="empty"):
        evolve_schema(shop(), "  ")


def _load(url):
    from schema_architect.sql.apply import apply_schema

    apply_schema(url, shop())
    engine = sa.create_engine(url)
    with engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO customers (id, name, email) VALUES (1, 'Ada', 'ada@x.org'), (2, 'Bo', NULL)")
        conn.exec_driver_sql("INSERT INTO products (id, name, price) VALUES (1, 'Pen', 1.50)")
        conn.exec_driver_sql("INSERT INTO orders (id, customer_id, placed_at) VALUES (1, 1, '2024-05-01 10:00:00')")
    engine.dispose()


def _rows(url):
    engine = sa.create_engine(url)
    with engine.connect() as conn:
        out = {t: conn.exec_driver_sql(f"SELECT id, name FROM {t} ORDER BY id").fetchall() for t in ("customers", "products")}
    engine.dispose()
    return out


@pytest.fixture(params=["sqlite", "postgresql"])
def shop_db(request, tmp_path):
    url = f"sqlite:///{tmp_path / 'shop.db'}" if request.param == "sqlite" else request.getfixturevalue("pg_url")
    _load(url)
    return url


def test_evolve_command_applies_and_rolls_back_on_a_live_database(run_cli, shop_db):
    from schema_architect.evolve.execute import live_schema

    before_rows, before_schema = _rows(shop_db), live_schema(shop_db)
    r = run_cli("evolve", "--db", shop_db, "--yes",
                "add a phone number to customers and let products have several categories")
    assert r.exit_code == 0, r.output
    assert "phone_number" in r.stdout and "product_categories" in r.stdout
    after = live_schema(shop_db)
    assert after.table("customers").column("phone_number") is not None
    assert after.table("product_categories").primary_key_columns == ["product_id", "category_id"]
    assert _rows(shop_db) == before_rows  # no row lost or changed
    back = run_cli("migrate", "rollback", "--db", shop_db, "--yes")
    assert back.exit_code == 0, back.output
    from schema_architect.evolve.diff import diff_schemas

    assert diff_schemas(before_schema, live_schema(shop_db)).is_empty
    assert _rows(shop_db) == before_rows


def test_destructive_request_is_blocked_without_permission(run_cli, shop_db):
    from schema_architect.evolve.execute import live_schema

    before = live_schema(shop_db)
    r = run_cli("evolve", "--db", shop_db, "--yes", "drop price from products")
    assert r.exit_code != 0 and "Traceback" not in r.output
    from schema_architect.evolve.diff import diff_schemas

    assert diff_schemas(before, live_schema(shop_db)).is_empty


def test_unreadable_request_changes_nothing(run_cli, shop_db):
    r = run_cli("evolve", "--db", shop_db, "--yes", "make it better please")
    assert r.exit_code != 0 and "no change could be read" in r.stderr and "Traceback" not in r.output
