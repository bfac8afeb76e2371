"""Schema evolution on real PostgreSQL, MariaDB and SQLite loaded with Chinook.

One plan carries the representative changes (add a NOT NULL column with a default, rename a column,
change a type, split a table in two with its data moved, drop a column); it is planned, analysed,
applied and rolled back, and the data is compared by content checksums at each step. A second test
adds a foreign key while orphan rows exist: impact finds them, apply fails cleanly, and after the
orphans are fixed apply resumes.
"""

from __future__ import annotations

import pytest

from evolve_helpers import ChinookCopies, checksums, column, column_values, table
from schema_architect.errors import DatabaseError, InputError
from schema_architect.evolve.diff import diff_schemas
from schema_architect.evolve.execute import apply_plan, live_schema, migration_status, rollback_last
from schema_architect.evolve.impact import analyse_impact
from schema_architect.evolve.plan import plan_migration
from schema_architect.model import Column, DataType, ForeignKey, PrimaryKey, Table

DIALECTS = [
    pytest.param("postgresql", marks=pytest.mark.postgres),
    pytest.param("mysql", marks=pytest.mark.mariadb),
    "sqlite",
]
UNTOUCHED = ["album", "artist", "genre", "media_type", "playlist", "playlist_track", "invoice_line"]
ADDRESS = ["address", "city", "state", "country", "postal_code"]


@pytest.fixture(scope="module")
def chinook(tmp_path_factory):
    copies = ChinookCopies(tmp_path_factory.mktemp("chinook"))
    yield copies
    copies.close()


def representative_target(a):
    b = a.model_copy(deep=True)
    customer = table(b, "customer")
    customer.columns.append(Column(name="loyalty_points", type=DataType.integer(), nullable=False, default="0"))
    city = column(customer, "city")
    city.name = city.name + ("_name" if "_" in column(customer, "customer_id").name else "Name")
    column(table(b, "track"), "milliseconds").type = DataType.bigint()
    employee = table(b, "employee")
    key = column(employee, "employee_id")
    moved = [column(employee, c) for c in ADDRESS]
    employee.columns = [c for c in employee.columns if c not in moved]
    b.tables.append(Table(
        name="employee_address",
        columns=[key.model_copy(update={"autoincrement": False})] + [c.model_copy() for c in moved],
        primary_key=PrimaryKey(columns=[key.name]),
        foreign_keys=[ForeignKey(columns=[key.name], ref_table=employee.name, ref_columns=[key.name])],
    ))
    invoice = table(b, "invoice")
    invoice.columns.remove(column(invoice, "billing_postal_code"))
    return b


@pytest.mark.parametrize("dialect", DIALECTS)
def test_representative_changes_apply_and_roll_back(chinook, dialect):
    with chinook.database(dialect) as url:
        a = live_schema(url)
        b = representative_target(a)
        before = checksums(url)
        old_city = column_values(url, "customer", "city", "customer_id", a)
        old_ms = column_values(url, "track", "milliseconds", "track_id", a)
        old_address = {c: column_values(url, "employee", c, "employee_id", a) for c in ADDRESS}

        plan = plan_migration(a, b, dialect)
        names = [p.name for p in plan.phases]
        assert "Move data into the new table" in names
        # SQLite rebuilds tables (the copy fills the new column); the others add, backfill, constrain
        assert ("Rebuild table" if dialect == "sqlite" else "Backfill data") in names
        kinds = {op.op for op in plan.operations}
        assert {"add_column", "rename_column", "alter_column", "create_table", "drop_column"} <= kinds

        # impact: data loss is an error until allowed; nothing else blocks this plan
        report = analyse_impact(plan, url)
        assert {f.code for f in report.errors} == {"data_loss"}
        assert report.rows[table(a, "customer").name] == 59
        report = analyse_impact(plan, url, allow_destructive=True)
        assert report.errors == []
        with pytest.raises(InputError, match="loses data"):
            apply_plan(plan, url)
        assert diff_schemas(live_schema(url), a).is_empty  # refused: nothing applied

        result = apply_plan(plan, url, allow_destructive=True)
        assert result.status == "applied" and result.remaining_differences == []
        now = live_schema(url)
        assert diff_schemas(now, b, detect_renames=False).is_empty
        if dialect == "mysql":  # INT -> BIGINT cannot be INSTANT or INPLACE: the server refused, COPY ran
            fallbacks = [r for r in _audit(url) if r[3] == "fallback"]
            assert any("Milliseconds" in r[4] and "ALGORITHM=INSTANT" in r[4] for r in fallbacks)
        after = checksums(url)
        assert {t: after[t] for t in map(_n, UNTOUCHED)} == {t: before[t] for t in map(_n, UNTOUCHED)}
        assert column_values(url, "customer", "loyalty_points", "customer_id", now) == [0] * 59
        assert column_values(url, "customer", column(table(b, "customer"), "city_name").name,
                             "customer_id", now) == old_city
        assert [int(v) for v in column_values(url, "track", "milliseconds", "track_id", now)] == old_ms
        for c in ADDRESS:
            assert column_values(url, "employee_address", c, "employee_id", now) == old_address[c]

        undone = rollback_last(url)
        assert undone.remaining_differences == []
        assert diff_schemas(live_schema(url), a, detect_renames=False).is_empty
        assert checksums(url) == before
        assert migration_status(url)[0]["status"] == "rolled_back"


@pytest.mark.parametrize("dialect", DIALECTS)
def test_new_foreign_key_with_orphans_is_found_refused_then_resumed(chinook, dialect):
    with chinook.database(dialect) as url:
        a = live_schema(url)
        album = table(a, "album")
        artist_fk = next(fk for fk in album.foreign_keys if fk.ref_table.lower() == table(a, "artist").name.lower())
        loose = a.model_copy(deep=True)
        table(loose, "album").foreign_keys = [fk for fk in table(loose, "album").foreign_keys if fk != artist_fk]
        apply_plan(plan_migration(a, loose, dialect), url)
        _execute(url, f"INSERT INTO {_q(dialect, album.name)} VALUES (10000, 'Orphan', 9999)")

        plan = plan_migration(live_schema(url), a, dialect)
        report = analyse_impact(plan, url)
        (orphans,) = [f for f in report.errors if f.code == "orphan_rows"]
        assert orphans.count == 1 and orphans.examples == ["9999"]

        with pytest.raises(DatabaseError, match="failed"):
            apply_plan(plan, url)
        assert migration_status(url)[0]["status"] == "failed"
        assert diff_schemas(live_schema(url), loose).is_empty or dialect == "postgresql"

        _execute(url, f"DELETE FROM {_q(dialect, album.name)} WHERE {_q(dialect, album.columns[0].name)} = 10000")
        result = apply_plan(plan, url)
        assert result.resumed and result.status == "applied"
        assert diff_schemas(live_schema(url), a).is_empty


def _n(name: str) -> str:
    return name.replace("_", "")


def _q(dialect: str, name: str) -> str:
    from schema_architect.evolve import sqlbits as sb

    return sb.q(sb.dialect(dialect), name)


def _audit(url: str) -> list[tuple]:
    from schema_architect.evolve.db import Connection
    from schema_architect.evolve.execute import StateStore

    with Connection(url) as conn:
        return StateStore(conn).audit_rows()


def _execute(url: str, sql: str) -> None:
    from schema_architect.evolve.db import Connection

    with Connection(url) as conn:
        conn.execute(sql)
