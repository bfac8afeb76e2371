"""Migration plans: phase recipes per dialect, the JSON form, the Alembic script, and a property test
that runs random plans on real SQLite and PostgreSQL databases."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, Phase, given, settings
from hypothesis import strategies as st

from evolve_strategies import edited, schemas
from schema_architect.errors import InputError
from schema_architect.evolve.diff import diff_schemas
from schema_architect.evolve.execute import apply_plan, live_schema, rollback_last
from schema_architect.evolve.plan import MigrationPlan, plan_migration
from schema_architect.evolve.render import render_alembic, render_down_sql, render_up_sql
from schema_architect.model import Column, DataType, ForeignKey, Index, PrimaryKey, Schema, Table


def shop() -> Schema:
    return Schema(tables=[
        Table(name="customer", columns=[
            Column(name="id", type=DataType.integer(), nullable=False),
            Column(name="name", type=DataType.varchar(80), nullable=False),
            Column(name="age", type=DataType.integer()),
        ], primary_key=PrimaryKey(columns=["id"])),
        Table(name="orders", columns=[
            Column(name="id", type=DataType.integer(), nullable=False),
            Column(name="customer_id", type=DataType.integer(), nullable=False),
        ], primary_key=PrimaryKey(columns=["id"])),
    ])


def shop_v2() -> Schema:
    b = shop()
    b.table("customer").columns.append(Column(name="points", type=DataType.integer(), nullable=False, default="0"))
    b.table("customer").column("age").type = DataType.bigint()
    b.table("orders").foreign_keys.append(ForeignKey(columns=["customer_id"], ref_table="customer", ref_columns=["id"]))
    b.table("orders").indexes.append(Index(name="ix_orders_customer", columns=["customer_id"]))
    return b


def test_postgresql_uses_the_online_recipes():
    plan = plan_migration(shop(), shop_v2(), "postgresql")
    names = [p.name for p in plan.phases]
    assert names == [
        "Add column as nullable", "Set column default", "Backfill data", "Add NOT NULL check (not validated)",
        "Validate NOT NULL check", "Add NOT NULL constraint",
        "Add shadow column", "Install sync trigger", "Backfill data", "Switch to the new column",
        "Save column data", "Drop old column",
        "Create index concurrently", "Add foreign key (not validated)", "Validate foreign key",
    ]
    by_name = {p.name: p for p in plan.phases}
    assert by_name["Add foreign key (not validated)"].up[0].endswith("NOT VALID")
    concurrently = by_name["Create index concurrently"]
    assert not concurrently.transactional and "CONCURRENTLY" in concurrently.up[-1]
    assert all(p.down or p.backfill or p.name.startswith("Validate") for p in plan.phases)
    assert "SET LOCAL lock_timeout" in render_up_sql(plan)


def test_mysql_tries_instant_then_inplace_then_copy():
    plan = plan_migration(shop(), shop_v2(), "mysql")
    add = next(p for p in plan.phases if p.name == "Add column as nullable")
    assert add.up[0].endswith("ALGORITHM=INSTANT")
    assert [alt[0].rsplit(",", 2)[-2:] for alt in add.up_alternatives] == [
        [" ALGORITHM=INPLACE", " LOCK=NONE"], [" ALGORITHM=COPY", " LOCK=SHARED"]]
    assert any(p.name == "Backfill data" and "LIMIT 1000" in p.backfill.statement for p in plan.phases)


def test_sqlite_rebuilds_tables_it_cannot_alter():
    plan = plan_migration(shop(), shop_v2(), "sqlite")
    rebuilds = [p for p in plan.phases if p.name == "Rebuild table"]
    assert {p.table for p in rebuilds} == {"customer", "orders"}
    assert all(p.foreign_keys_off and p.down for p in rebuilds)
    up = render_up_sql(plan)
    assert "PRAGMA foreign_keys=OFF" in up and "PRAGMA foreign_key_check" in up


def test_plan_json_round_trips_and_rejects_edits():
    plan = plan_migration(shop(), shop_v2(), "postgresql")
    again = MigrationPlan.from_json(plan.to_json())
    assert again == plan and again.id == again.compute_id()
    assert diff_schemas(again.from_model(), shop()).is_empty and diff_schemas(again.to_model(), shop_v2()).is_empty
    with pytest.raises(InputError, match="edited"):
        MigrationPlan.from_json(plan.to_json().replace("Backfill data", "Backfill"))
    assert "Phase 15/15" in render_down_sql(plan).splitlines()[4]


def test_identical_schemas_plan_to_nothing():
    assert plan_migration(shop(), shop(), "mysql").is_empty


@pytest.mark.postgres
def test_alembic_script_upgrades_and_downgrades_a_real_database(pg_url, tmp_path):
    import sqlalchemy as sa
    from alembic.migration import MigrationContext
    from alembic.operations import Operations

    from schema_architect.sql.apply import apply_schema

    apply_schema(pg_url, shop())
    plan = plan_migration(shop(), shop_v2(), "postgresql")
    namespace: dict = {}
    exec(compile(render_alembic(plan), "revision.py", "exec"), namespace)
    engine = sa.create_engine(pg_url)
    try:
        for step, expected in (("upgrade", shop_v2()), ("downgrade", shop())):
            with engine.connect() as conn:
                ctx = MigrationContext.configure(conn)
                with Operations.context(ctx), ctx.begin_transaction():
                    namespace[step]()
            assert diff_schemas(live_schema(pg_url), expected).is_empty, step
    finally:
        engine.dispose()


# no shrinking: each example builds a real database, and a failure already prints both schemas
@settings(max_examples=12, deadline=None, suppress_health_check=list(HealthCheck),
          phases=[Phase.explicit, Phase.reuse, Phase.generate])
@given(st.data())
def test_random_plans_reach_the_target_on_sqlite_and_roll_back(tmp_path_factory, data):
    from schema_architect.sql.apply import apply_schema

    a = data.draw(schemas(max_tables=3))
    b = data.draw(edited(a))
    url = f"sqlite:///{tmp_path_factory.mktemp('prop') / 'p.db'}"
    if a.tables:
        apply_schema(url, a)
    plan = plan_migration(a, b, "sqlite")
    apply_plan(plan, url, allow_destructive=True)
    assert diff_schemas(live_schema(url), b, detect_renames=False).describe() == []
    if not plan.is_empty:
        rollback_last(url)
        assert diff_schemas(live_schema(url), a, detect_renames=False).describe() == []


def test_sqlite_renamed_table_with_a_dropped_column_is_rebuilt_under_its_new_name(tmp_path):
    """Found by the property test: the rebuild pre-scan looked the renamed table up by its old name."""
    from schema_architect.sql.apply import apply_schema

    def album(name: str, with_amount: bool) -> Schema:
        cols = [Column(name="album_id", type=DataType.integer(), nullable=False)]
        if with_amount:
            cols.append(Column(name="amount", type=DataType.decimal(10, 2)))
        cols += [Column(name="phone", type=DataType.bigint()), Column(name="album_ref", type=DataType.integer())]
        return Schema(tables=[Table(name=name, columns=cols, primary_key=PrimaryKey(columns=["album_id"]),
                                    foreign_keys=[ForeignKey(columns=["album_ref"], ref_table=name,
                                                             ref_columns=["album_id"])])])

    a, b = album("album", True), album("albums", False)
    url = f"sqlite:///{tmp_path / 'p.db'}"
    apply_schema(url, a)
    plan = plan_migration(a, b, "sqlite", renames=["album:albums"])
    apply_plan(plan, url, allow_destructive=True)
    assert diff_schemas(live_schema(url), b, detect_renames=False).describe() == []
    rollback_last(url)
    assert diff_schemas(live_schema(url), a, detect_renames=False).describe() == []
