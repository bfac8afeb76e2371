"""Every SOURCE argument (DDL file, schema JSON, database URL) goes through one loader."""

import pytest

from schema_architect.errors import InputError
from schema_architect.model import Column, DataType, PrimaryKey, Schema, Table
from schema_architect.sources import is_database_url, load_schema


def test_urls_are_recognised():
    for url in ("sqlite:///x.db", "postgresql+psycopg://u@h/db", "postgres://h/db", "mysql+pymysql://r@h/d",
                "mariadb://h/d", "mssql://h/d", "oracle://h/d"):
        assert is_database_url(url)
    for path in ("schema.sql", "dir/x.json", "C:/x.sql"):
        assert not is_database_url(path)


def test_unsupported_live_dialect_says_what_to_do_instead(run_cli):
    with pytest.raises(InputError, match="only PostgreSQL, MySQL/MariaDB and SQLite"):
        load_schema("mssql://sa@localhost/db")
    r = run_cli("inspect", "oracle://scott@localhost/orcl")
    assert r.exit_code != 0 and "DDL" in r.stderr and "Traceback" not in r.output


def test_json_ddl_and_sqlite_sources_agree(tmp_path):
    schema = Schema(tables=[Table(name="t", columns=[Column(name="id", type=DataType.integer(), nullable=False),
                                                     Column(name="name", type=DataType.varchar(20))],
                                  primary_key=PrimaryKey(columns=["id"]))])
    (tmp_path / "s.json").write_text(schema.to_json())
    from schema_architect.sql.apply import apply_schema
    from schema_architect.sql.render import render_ddl

    (tmp_path / "s.sql").write_text(render_ddl(schema, "sqlite"))
    url = f"sqlite:///{tmp_path / 'db.sqlite'}"
    apply_schema(url, schema)
    loaded = [load_schema(str(tmp_path / "s.json")), load_schema(str(tmp_path / "s.sql"), dialect="sqlite"),
              load_schema(url)]
    for s in loaded:
        t = s.table("t")
        assert t.column_names == ["id", "name"] and t.primary_key_columns == ["id"]


def test_missing_file_and_bad_json_are_clear(tmp_path):
    with pytest.raises(InputError, match="file not found"):
        load_schema(str(tmp_path / "nope.sql"))
    (tmp_path / "bad.json").write_text("{oops")
    with pytest.raises(InputError, match="not valid JSON"):
        load_schema(str(tmp_path / "bad.json"))
