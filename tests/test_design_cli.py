"""The design and refine commands: formats, explanation, questions, answers and sessions."""

from __future__ import annotations

import json

import sqlglot

TEXT = ("Each reader has a reader number, name, email and registration date. "
        "Each book has a book number, title, author, price and publication date. "
        "Each reader can borrow multiple books, and each book can be borrowed by multiple readers.")


def test_default_is_postgresql_ddl_with_snake_plural_names(run_cli):
    r = run_cli("design", TEXT)
    assert r.exit_code == 0, r.stderr
    assert "engine: offline" in r.stderr
    assert "CREATE TABLE readers" in r.stdout and "CREATE TABLE books" in r.stdout
    assert "REFERENCES readers (reader_number)" in r.stdout
    sqlglot.parse(r.stdout, read="postgres")  # parses as PostgreSQL


def test_formats(run_cli):
    rs = json.loads(run_cli("design", TEXT, "--format", "rschema").stdout)
    assert rs["Reader"]["Primary key"] == ["Reader Number"]
    assert set(rs) == {"Reader", "Book", "Reader Book Loan"}  # the link is named after the act ("borrow" -> loan)
    assert sorted(rs["Reader Book Loan"]["Primary key"]) == ["Book Number", "Reader Number"]
    assert "erDiagram" in run_cli("design", TEXT, "--format", "mermaid").stdout
    assert "readers" in run_cli("design", TEXT, "--format", "markdown").stdout
    model = json.loads(run_cli("design", TEXT, "--format", "json", "--naming", "keep").stdout)
    assert "Reader" in json.dumps(model)
    my = run_cli("design", TEXT, "--dialect", "mysql").stdout
    assert "CREATE TABLE" in my and "`" not in my.split("CREATE TABLE")[0]


def test_stdin_and_file_and_output_file(run_cli, tmp_path):
    r = run_cli("design", "-", "--format", "rschema", input=TEXT)
    assert "Reader" in json.loads(r.stdout)
    f = tmp_path / "req.txt"
    f.write_text(TEXT)
    out = tmp_path / "out" / "schema.sql"
    r = run_cli("design", "--file", str(f), "-o", str(out))
    assert r.exit_code == 0 and "CREATE TABLE readers" in out.read_text()


def test_explain_quotes_the_source(run_cli):
    r = run_cli("design", TEXT, "--explain", "--format", "rschema")
    assert r.exit_code == 0
    assert "Design decisions" in r.stderr
    # The quote sits in a table cell that may wrap at 80 columns; "borrow" appears nowhere else in stderr.
    assert "junction table" in r.stderr and "“reader can" in r.stderr and "borrow" in r.stderr


def test_questions_answers_and_refine(run_cli, tmp_path):
    text = "Each department has a department code and a name. Each employee has an employee ID, name and salary. Each employee needs a department."
    r = run_cli("design", text, "--format", "rschema", "--save", str(tmp_path / "s.json"))
    assert r.exit_code == 0
    assert "question card-department-employee" in r.stderr and "assumed: one Department has many Employee" in r.stderr
    rs = json.loads(r.stdout)
    assert rs["Employee"]["Foreign key"] == {"Department Code": {"Department": "Department Code"}}

    answers = tmp_path / "answers.yaml"
    answers.write_text("card-department-employee: M:N\n")
    rs = json.loads(run_cli("design", text, "--format", "rschema", "--answers", str(answers)).stdout)
    assert "Department Employee" in rs and rs["Employee"]["Foreign key"] == {}

    r = run_cli("refine", str(tmp_path / "s.json"), "Each project has a project ID, title and budget. Each department runs multiple projects.",
                "--format", "rschema")
    assert r.exit_code == 0, r.stderr
    assert "+ table Project" in r.stderr
    assert json.loads(r.stdout)["Project"]["Foreign key"] == {"Department Code": {"Department": "Department Code"}}
    saved = json.loads((tmp_path / "s.json").read_text())
    assert len(saved["requirements"]) == 2 and "Project" in json.dumps(saved["schema"])


def test_interactive_asks_in_the_terminal(run_cli):
    text = "Each department has a department code and a name. Each employee has an employee ID, name and salary. Each employee needs a department."
    r = run_cli("design", text, "--interactive", "--format", "rschema", input="M:N\n")
    assert r.exit_code == 0, r.stderr
    assert "Department Employee" in json.loads(r.stdout)


def test_refine_bad_session(run_cli, tmp_path):
    bad = tmp_path / "x.json"
    bad.write_text("{}")
    r = run_cli("refine", str(bad), "Each user has a name and email.")
    assert r.exit_code == 2 and "not a design session" in r.stderr
