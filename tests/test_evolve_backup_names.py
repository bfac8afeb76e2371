"""A dropped table is kept as a backup, and a backup keeps its index names. Where index names are
schema-wide (PostgreSQL, SQLite) and the target reuses one for a new table, the plan drops the table first
and the clashing index from the backup; rollback restores both. Real databases."""

from __future__ import annotations

import pytest

from schema_architect.evolve.diff import diff_schemas
from schema_architect.evolve.execute import apply_plan, live_schema, rollback_last
from schema_architect.evolve.plan import plan_migration
from schema_architect.model import Column, DataType, Index, PrimaryKey, Schema, Table
from schema_architect.sql.apply import apply_schema


def _table(name: str, key: str, *extra: str) -> Table:
    columns = [Column(name=key, type=DataType.integer(), nullable=False), Column(name="email", type=DataType.varchar(120))]
    columns += [Column(name=c, type=DataType.integer()) for c in extra]
    return Table(name=name, columns=columns, primary_key=PrimaryKey(columns=[key]),
                 indexes=[Index(name="ix_contact_email", columns=["email"])])


OLD = Schema(tables=[_table("genre", "genre_id")])
# nothing alike but the index name: no rename is detected, so genre is dropped and shipment created
NEW = Schema(tables=[_table("shipment", "shipment_code", "weight", "parcels", "zone")])


@pytest.mark.parametrize("target", ["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres),
                                    pytest.param("mysql", marks=pytest.mark.mariadb)])
def test_a_new_table_may_reuse_the_index_name_of_a_dropped_one(target, tmp_path, request):
    url = f"sqlite:///{tmp_path / 'n.db'}" if target == "sqlite" else request.getfixturevalue(
        {"postgresql": "pg_url", "mysql": "mysql_url"}[target])
    apply_schema(url, OLD)
    plan = plan_migration(OLD, NEW, target)
    kinds = [p.name for p in plan.phases]
    assert "Drop table (kept as backup)" in kinds and "Create table" in kinds
    if target != "mysql":  # MySQL index names are per table: nothing to reorder
        assert kinds.index("Drop table (kept as backup)") < kinds.index("Create table")
        assert "ix_contact_email" in next(p.note for p in plan.phases if p.name.startswith("Drop table"))
    apply_plan(plan, url, allow_destructive=True)
    assert diff_schemas(live_schema(url), NEW, detect_renames=False).describe() == []
    rollback_last(url)
    assert diff_schemas(live_schema(url), OLD, detect_renames=False).describe() == []
