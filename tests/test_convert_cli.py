"""`schema-architect convert FILE --from D --to D`: DDL to DDL through the model, errors as one line."""

from __future__ import annotations

from conftest import CHINOOK
from schema_architect.sql.dialects import canonical_form
from schema_architect.sql.parse import parse_ddl


def test_convert_chinook_from_sqlserver_to_postgresql(run_cli):
    result = run_cli("convert", CHINOOK / "Chinook_SqlServer.sql", "--from", "sqlserver", "--to", "postgresql")
    assert result.exit_code == 0, result.output
    assert 'CREATE TABLE "InvoiceLine" (' in result.stdout
    # What the script had besides the schema is reported, with where it starts.
    assert "skipped" in result.stderr and "Chinook_SqlServer.sql:228: data: 24 statements" in result.stderr
    converted = parse_ddl(result.stdout, dialect="postgresql")
    original = parse_ddl((CHINOOK / "Chinook_SqlServer.sql").read_text(encoding="utf-8"), dialect="sqlserver")
    assert canonical_form(converted) == canonical_form(original)


def test_convert_guesses_the_source_dialect_and_writes_a_file(run_cli, tmp_path):
    out = tmp_path / "chinook.mysql.sql"
    result = run_cli("convert", CHINOOK / "Chinook_Oracle.sql", "--to", "mariadb", "-o", out)
    assert result.exit_code == 0, result.output
    text = out.read_text()
    assert "CREATE TABLE InvoiceLine (" in text and "ALTER TABLE" not in text  # no cycle in Chinook
    assert len(parse_ddl(text, dialect="mysql").tables) == 11


def test_convert_malformed_ddl_fails_with_file_line_and_statement(run_cli, tmp_path):
    bad = tmp_path / "bad.sql"
    bad.write_text("CREATE TABLE ok (a INT);\n\nCREATE TABLE broken (a INT,\n  b VARCHAR(10) NOT NOT NULL);\n")
    result = run_cli("convert", bad, "--from", "postgresql", "--to", "sqlite")
    assert result.exit_code != 0
    assert f"{bad}:4: cannot parse postgresql statement" in result.stderr
    assert "CREATE TABLE broken (a INT, b VARCHAR(10) NOT NOT NULL)" in result.stderr
    assert "Traceback" not in result.output and result.stdout == ""


def test_convert_unknown_dialect_and_missing_file(run_cli, tmp_path):
    result = run_cli("convert", CHINOOK / "Chinook_Sqlite.sql", "--from", "sqlite", "--to", "access")
    assert result.exit_code == 2 and "unknown SQL dialect 'access'" in result.stderr and "sqlserver" in result.stderr
    assert "Traceback" not in result.output
    missing = run_cli("convert", tmp_path / "nope.sql", "--from", "sqlite", "--to", "oracle")
    assert missing.exit_code != 0 and "file not found" in missing.stderr and "Traceback" not in missing.output
