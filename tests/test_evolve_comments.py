"""Comments on tables and columns in migrations: COMMENT ON (PostgreSQL), ALTER TABLE ... COMMENT and
MODIFY COLUMN with the full definition (MariaDB), nothing but a note on SQLite; with rollback, on real
databases."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from evolve_strategies import schemas
from schema_architect.evolve.diff import diff_schemas
from schema_architect.evolve.execute import apply_plan, live_schema, rollback_last
from schema_architect.evolve.operations import apply_operations
from schema_architect.evolve.plan import plan_migration
from schema_architect.evolve.render import render_up_sql
from schema_architect.sql.apply import apply_schema
from schema_architect.sql.parse import parse_ddl

V1 = """
CREATE TABLE account (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(120) NOT NULL DEFAULT 'none',
    score INTEGER DEFAULT 0,
    note VARCHAR(200)
);
COMMENT ON TABLE account IS 'people who log in';
COMMENT ON COLUMN account.email IS 'where we write';
COMMENT ON COLUMN account.note IS 'free text';
"""
# table comment changed, email's changed, score's added, note's removed
V2 = """
CREATE TABLE account (
    id INTEGER NOT NULL PRIMARY KEY,
    email VARCHAR(120) NOT NULL DEFAULT 'none',
    score INTEGER DEFAULT 0,
    note VARCHAR(200)
);
COMMENT ON TABLE account IS 'people who sign in (it''s them)';
COMMENT ON COLUMN account.email IS 'the address we write to';
COMMENT ON COLUMN account.score IS 'points';
"""


def model(ddl: str):
    return parse_ddl(ddl, dialect="postgresql")


def comments(schema) -> dict:
    t = schema.table("account")
    return {"table": t.comment, **{c.name: c.comment for c in t.columns}}


def test_comment_changes_are_operations_with_their_reverse():
    diff = diff_schemas(model(V1), model(V2))
    assert diff.describe() == [
        "comment on table account: 'people who log in' -> \"people who sign in (it's them)\"",
        "comment on column account.email: 'where we write' -> 'the address we write to'",
        "comment on column account.score: none -> 'points'",
        "comment on column account.note: 'free text' -> none",
    ]
    assert comments(apply_operations(model(V1), diff.operations)) == comments(model(V2))
    back = [op.reverse() for op in reversed(diff.operations)]
    assert comments(apply_operations(model(V2), back)) == comments(model(V1))


def test_comments_can_be_left_out_of_the_comparison():
    assert diff_schemas(model(V1), model(V2), compare_comments=False).is_empty


@pytest.mark.parametrize("dialect", ["postgresql", "mysql"])
def test_comment_changes_apply_and_roll_back(request, dialect):
    url = request.getfixturevalue({"postgresql": "pg_url", "mysql": "mysql_url"}[dialect])
    apply_schema(url, model(V1))
    before = live_schema(url)
    assert comments(before) == comments(model(V1))
    plan = plan_migration(before, model(V2), dialect)
    assert [p.name for p in plan.phases] == ["Change table comment"] + ["Change column comment"] * 3
    result = apply_plan(plan, url)
    assert result.remaining_differences == []
    after = live_schema(url)
    assert comments(after) == comments(model(V2))
    # only the comments changed: type, NOT NULL and default of the MODIFYed columns are as they were
    assert diff_schemas(after, model(V2)).is_empty
    rollback_last(url)
    assert comments(live_schema(url)) == comments(model(V1))
    assert diff_schemas(live_schema(url), model(V1)).is_empty


def test_mysql_modify_restates_the_whole_column():
    plan = plan_migration(model(V1), model(V2), "mysql")
    email = next(p for p in plan.phases if "account.email" in p.operation)
    assert email.up == [("ALTER TABLE account MODIFY COLUMN email VARCHAR(120) DEFAULT 'none' NOT NULL "
                         "COMMENT 'the address we write to', ALGORITHM=INSTANT")]
    assert email.down == [("ALTER TABLE account MODIFY COLUMN email VARCHAR(120) DEFAULT 'none' NOT NULL "
                           "COMMENT 'where we write'")]
    note = next(p for p in plan.phases if "account.note" in p.operation)
    assert "COMMENT" not in note.up[0]  # MODIFY without COMMENT clears it


def test_postgresql_removes_a_comment_with_null():
    plan = plan_migration(model(V1), model(V2), "postgresql")
    note = next(p for p in plan.phases if "account.note" in p.operation)
    assert note.up == ["COMMENT ON COLUMN account.note IS NULL"]
    assert note.down == ["COMMENT ON COLUMN account.note IS 'free text'"]


def test_new_tables_and_columns_get_their_comments_on_postgresql(pg_url):
    apply_schema(pg_url, model(V1))
    v3 = V1.replace("note VARCHAR(200)\n", "note VARCHAR(200),\n    nick VARCHAR(30)\n") + (
        "COMMENT ON COLUMN account.nick IS 'short name';\n"
        "CREATE TABLE audit (id INTEGER PRIMARY KEY, what TEXT);\n"
        "COMMENT ON TABLE audit IS 'who did what';\nCOMMENT ON COLUMN audit.what IS 'the action';\n")
    result = apply_plan(plan_migration(live_schema(pg_url), model(v3), "postgresql"), pg_url)
    assert result.remaining_differences == []
    live = live_schema(pg_url)
    assert live.table("account").column("nick").comment == "short name"
    assert live.table("audit").comment == "who did what" and live.table("audit").column("what").comment == "the action"


def test_postgresql_type_change_keeps_the_column_comment(pg_url):
    apply_schema(pg_url, model(V1))
    wider = V1.replace("score INTEGER", "score BIGINT").replace(
        "COMMENT ON COLUMN account.note", "COMMENT ON COLUMN account.score IS 'points';\nCOMMENT ON COLUMN account.note")
    plan = plan_migration(live_schema(pg_url), model(wider), "postgresql")
    assert "Switch to the new column" in [p.name for p in plan.phases]
    apply_plan(plan, pg_url, allow_destructive=True)  # the old column goes (kept in a backup table)
    assert live_schema(pg_url).table("account").column("score").comment == "points"
    rollback_last(pg_url)
    assert diff_schemas(live_schema(pg_url), model(V1)).is_empty


def test_sqlite_has_no_comments_and_the_plan_says_so(sqlite_url):
    apply_schema(sqlite_url, model(V1))
    plan = plan_migration(live_schema(sqlite_url), model(V2), "sqlite")
    assert plan.is_empty
    assert "comment on column account.score: none -> 'points': not applied (sqlite has no comments)" in plan.notes
    assert sum("has no comments" in n for n in plan.notes) == 3  # SQLite read back no comment on note
    assert "COMMENT" not in render_up_sql(plan)
    assert apply_plan(plan, sqlite_url).status == "nothing_to_do"


def test_sqlite_says_so_when_the_commented_table_is_rebuilt_anyway():
    wider = V2.replace("score INTEGER DEFAULT 0", "score INTEGER NOT NULL DEFAULT 0")
    plan = plan_migration(model(V1), model(wider), "sqlite")
    assert [p.name for p in plan.phases] == ["Rebuild table"]
    assert "comment" not in plan.phases[0].operation
    assert sum("has no comments" in n for n in plan.notes) == 4


# -- property: random comment edits, applied on PostgreSQL, give the target and roll back ---------------------
TEXTS = st.one_of(st.none(), st.sampled_from(["a note", "it's quoted", "ünïcode ✓", "50% off; -- not SQL"]))


@st.composite
def commented(draw, schema):
    s = schema.model_copy(deep=True)
    for t in s.tables:
        t.comment = draw(TEXTS)
        for c in t.columns:
            c.comment = draw(TEXTS)
    return s


@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
@given(st.data())
def test_random_comment_changes_reach_the_target_and_roll_back(data):
    from conftest import create_pg_database, drop_pg_database

    base = data.draw(schemas(max_tables=2))
    a, b = data.draw(commented(base)), data.draw(commented(base))
    assert diff_schemas(apply_operations(a, diff_schemas(a, b).operations), b).is_empty
    name, url = create_pg_database()
    try:
        if a.tables:
            apply_schema(url, a)
        plan = plan_migration(live_schema(url), b, "postgresql")
        apply_plan(plan, url)
        assert diff_schemas(live_schema(url), b).describe() == []
        if not plan.is_empty:
            rollback_last(url)
            assert diff_schemas(live_schema(url), a).describe() == []
    finally:
        drop_pg_database(name)
