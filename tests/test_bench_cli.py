"""`schema-architect bench`: gold and baseline on the dev part, resume, bad input, --verify-on, the extra."""

import json
import subprocess
import sys

import pytest

from conftest import RSCHEMA_DEV


def dev_lines(n=None):
    lines = RSCHEMA_DEV.read_text(encoding="utf-8").splitlines()
    return lines if n is None else lines[:n]


def read_predictions(path):
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


@pytest.fixture(scope="module")
def gold_run(tmp_path_factory):
    """The gold engine over the whole dev part, once for the module (no MiniLM needed: names match)."""
    from schema_architect.bench.rschema import run_rschema

    out = tmp_path_factory.mktemp("gold")
    return run_rschema(RSCHEMA_DEV, "gold", out)


def test_gold_on_dev_scores_100_or_each_point_below_is_explained(gold_run):
    report = gold_run.report
    assert report["cases_scored"] == 247
    m = {k: v["mean"] for k, v in report["metrics"].items()}
    for key in ("table_f1", "table_acc", "attr_f1", "attr_acc", "pk_acc", "fk_count_acc", "type_acc"):
        assert m[key] == 100.0, key
    # All 175 cases with reference DDL, 14 of whose DDLs hold one invalid statement (types salvaged
    # from the other statements, the invalid one named among the defects).
    assert report["metrics"]["type_acc"]["cases"] == 175
    salvaged = [c for c in report["cases"] if any("statement(s) unknown" in d for d in c["defects"])]
    assert len(salvaged) == 14
    # Structural points below 100 come only from reference defects (FKs to placeholder tables).
    for case in report["cases"]:
        lost = [k for k in ("fk_acc", "overall_acc") if case["scores"][k] < 1]
        if lost:
            assert any("a table the reference does not have" in d for d in case["defects"]), case["id"]
    assert 95 <= m["fk_acc"] < 100
    md = gold_run.md_path.read_text(encoding="utf-8")
    assert "Why the reference does not score 100 against itself" in md
    assert "'Schema 0', a table the reference does not have" in md


def test_gold_ddl_runs_on_sqlite_except_where_the_reference_cannot_be_created(gold_run):
    m = gold_run.report["metrics"]["executable"]["mean"]
    assert m > 95
    for case in gold_run.report["cases"]:
        if case["scores"]["executable"] < 1 and any("differing only in case" in d for d in case["defects"]):
            assert any("duplicate column name" in r for r in case["reasons"])


def test_gold_predictions_file_has_the_documented_fields(gold_run):
    records = read_predictions(gold_run.predictions)
    assert len(records) == 247 and len({r["id"] for r in records}) == 247
    first = records[0]
    assert {"id", "engine", "schema", "ddl", "seconds"} <= set(first)
    assert first["engine"] == "gold" and first["ddl"].lstrip().upper().startswith("CREATE TABLE")
    assert "Flight" in first["schema"]


def test_baseline_runs_and_scores_between_zero_and_gold(tmp_path, run_cli):
    data = tmp_path / "dev12.jsonl"
    data.write_text("\n".join(dev_lines(12)) + "\n", encoding="utf-8")
    res = run_cli("bench", "rschema", "--data", data, "--engine", "baseline", "--out", tmp_path / "out",
                  "--jobs", "2", "--no-embedding-cache")  # fmt: skip
    assert res.exit_code == 0, res.output
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report["engine"] == "baseline" and report["cases_scored"] == 12
    assert 20 < report["metrics"]["table_f1"]["mean"] < 100
    assert report["metrics"]["overall_acc"]["mean"] < 100
    assert "table F1" in res.stdout


def test_resume_continues_without_redoing_finished_cases(tmp_path, run_cli):
    data = tmp_path / "dev10.jsonl"
    data.write_text("\n".join(dev_lines(10)) + "\n", encoding="utf-8")
    out = tmp_path / "out"
    first = run_cli("bench", "rschema", "--data", data, "--engine", "baseline", "--out", out, "--limit", "4",
                    "--no-embedding-cache")  # fmt: skip
    assert first.exit_code == 0, first.output
    preds = out / "predictions.jsonl"
    before = read_predictions(preds)
    assert len(before) == 4
    # An interrupted writer leaves a torn last line; resume must drop it and go on.
    with preds.open("a", encoding="utf-8") as fh:
        fh.write('{"id": "67552f0a13602ec03b41a7')
    second = run_cli("bench", "rschema", "--data", data, "--engine", "baseline", "--out", out, "--resume",
                     "--no-embedding-cache")  # fmt: skip
    assert second.exit_code == 0, second.output
    after = read_predictions(preds)
    assert len(after) == 10 and len({r["id"] for r in after}) == 10
    assert after[:4] == before  # finished cases kept as they were (same timings), not redone
    report = json.loads((out / "report.json").read_text())
    assert report["run"]["resumed_skipped"] == 4 and report["run"]["ran"] == 6


def test_resume_refuses_predictions_of_another_engine(tmp_path, run_cli):
    data = tmp_path / "dev3.jsonl"
    data.write_text("\n".join(dev_lines(3)) + "\n", encoding="utf-8")
    assert run_cli("bench", "rschema", "--data", data, "--engine", "gold", "--out", tmp_path).exit_code == 0
    res = run_cli("bench", "rschema", "--data", data, "--engine", "baseline", "--out", tmp_path, "--resume")
    assert res.exit_code == 2
    assert "not 'baseline'" in res.stderr and "hint:" in res.stderr


def test_bad_input_is_reported_per_case_never_a_crash(tmp_path, run_cli):
    lines = dev_lines(3)
    broken = json.loads(lines[2])
    del broken["question"]
    data = tmp_path / "bad.jsonl"
    data.write_text("\n".join([lines[0], "{not json", lines[1], json.dumps(broken), "[1, 2]"]) + "\n", encoding="utf-8")
    ok = json.loads(lines[0])
    preds = tmp_path / "preds.jsonl"
    preds.write_text(
        "\n".join([
            json.dumps({"id": ok["id"], "schema": ok["schema"], "ddl": "CREATE TABLE Airplane (Airplane_Number INTEGER"}),
            "{\"id\": ",  # malformed prediction line
            json.dumps({"id": "no-such-case", "schema": {}}),
        ]) + "\n",
        encoding="utf-8",
    )  # fmt: skip
    res = run_cli("bench", "score", "--data", data, "--predictions", preds, "--out", tmp_path / "out",
                  "--no-embedding-cache")  # fmt: skip
    assert res.exit_code == 0, res.output
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    reasons = " | ".join(f"{p['where']}: {p['reason']}" for p in report["problems"])
    assert "bad.jsonl:2: not valid JSON" in reasons.replace(str(tmp_path) + "/", "")
    assert "without a 'question'" in reasons
    assert "bad.jsonl:5" in reasons and "JSON object" in reasons
    assert "preds.jsonl:2" in reasons
    assert any(p["id"] == "no-such-case" and "id the data does not have" in p["reason"] for p in report["problems"])
    cases = {c["id"]: c for c in report["cases"]}
    assert report["cases_scored"] == 2
    bad_ddl = cases[ok["id"]]
    assert bad_ddl["scores"]["table_f1"] == 1.0 and bad_ddl["scores"]["executable"] == 0.0
    assert any("does not parse" in r for r in bad_ddl["reasons"])
    missing = cases[json.loads(lines[1])["id"]]
    assert missing["reasons"] == ["no prediction for this case", "DDL does not run on SQLite: no DDL"]
    md = (tmp_path / "out" / "report.md").read_text()
    assert "Input problems" in md and "without a 'question'" in md


def test_unknown_engine_lists_the_known_ones(tmp_path, run_cli):
    data = tmp_path / "d.jsonl"
    data.write_text(dev_lines(1)[0] + "\n", encoding="utf-8")
    res = run_cli("bench", "rschema", "--data", data, "--engine", "gpt-17", "--out", tmp_path / "o")
    assert res.exit_code == 2
    assert "unknown engine 'gpt-17'" in res.stderr and "baseline" in res.stderr and "gold" in res.stderr


def test_missing_data_file_is_one_line_error(tmp_path, run_cli):
    res = run_cli("bench", "score", "--data", tmp_path / "nope.jsonl", "--predictions", tmp_path / "p.jsonl",
                  "--out", tmp_path)  # fmt: skip
    assert res.exit_code == 2 and "file not found" in res.stderr and "Traceback" not in res.output


def placeholder_fk_case():
    for line in dev_lines():
        case = json.loads(line)
        if case["id"] == "67552f0a13602ec03b41a9d2":  # FK to "Schema 5", which the reference lacks
            return line
    raise AssertionError("case not in dev.jsonl")


@pytest.mark.postgres
def test_verify_on_postgresql_runs_ddl_in_a_throwaway_schema(tmp_path, run_cli, pg_url):
    import sqlalchemy as sa

    data = tmp_path / "d.jsonl"
    data.write_text("\n".join(dev_lines(2) + [placeholder_fk_case()]) + "\n", encoding="utf-8")
    res = run_cli("bench", "rschema", "--data", data, "--engine", "gold", "--out", tmp_path / "o", "--verify-on", pg_url)
    assert res.exit_code == 0, res.output
    report = json.loads((tmp_path / "o" / "report.json").read_text())
    verify = {c["id"]: c["scores"]["executable_verify"] for c in report["cases"]}
    # SQLite accepts a FK to a missing table; PostgreSQL does not.
    assert sorted(verify.values()) == [0.0, 1.0, 1.0]
    placeholder = next(c for c in report["cases"] if c["id"] == "67552f0a13602ec03b41a9d2")
    assert placeholder["scores"]["executable"] == 1.0
    assert any("does not run on postgresql" in r for r in placeholder["reasons"])
    with sa.create_engine(pg_url).connect() as conn:  # nothing left behind
        left = conn.exec_driver_sql("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'sa_bench_%%'")
        assert left.scalar() == 0


@pytest.mark.mariadb
def test_verify_on_mariadb_runs_ddl_in_a_throwaway_database(tmp_path, run_cli, mysql_url):
    import sqlalchemy as sa

    data = tmp_path / "d.jsonl"
    data.write_text("\n".join(dev_lines(2)) + "\n", encoding="utf-8")
    res = run_cli("bench", "rschema", "--data", data, "--engine", "gold", "--out", tmp_path / "o", "--verify-on", mysql_url)
    assert res.exit_code == 0, res.output
    report = json.loads((tmp_path / "o" / "report.json").read_text())
    assert [c["scores"]["executable_verify"] for c in report["cases"]] == [1.0, 1.0]
    with sa.create_engine(mysql_url).connect() as conn:
        assert conn.exec_driver_sql("SHOW DATABASES LIKE 'sa\\_bench\\_%%'").fetchall() == []


def test_verify_on_needs_a_server_url(tmp_path, run_cli):
    data = tmp_path / "d.jsonl"
    data.write_text(dev_lines(1)[0] + "\n", encoding="utf-8")
    res = run_cli("bench", "rschema", "--data", data, "--engine", "gold", "--out", tmp_path / "o",
                  "--verify-on", "sqlite:///x.db")  # fmt: skip
    assert res.exit_code == 2 and "PostgreSQL or MySQL" in res.stderr


def test_scoring_without_the_bench_extra_says_how_to_install_it(monkeypatch):
    from schema_architect.bench import resources
    from schema_architect.errors import InputError

    monkeypatch.setitem(resources.EXTRA_MODULES, "schema_architect_not_installed_module", "not-installed-dist")
    with pytest.raises(InputError) as err:
        resources.require_extra()
    assert "not-installed-dist" in err.value.message and "pip install -e .[bench]" in err.value.hint


def test_cli_start_up_does_not_import_torch_or_nltk():
    code = "import sys, schema_architect.cli; print(sorted(m for m in ('torch', 'nltk', 'sentence_transformers') if m in sys.modules))"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "[]"


def test_engines_registry_lists_gold_and_baseline(run_cli):
    res = run_cli("bench", "engines")
    assert res.exit_code == 0
    listed = dict(line.split(None, 1) for line in res.stdout.splitlines())
    assert listed["gold"] == "schema_architect.bench.engines:GoldEngine"
    assert listed["baseline"] == "schema_architect.bench.baseline:BaselineEngine"


def test_registering_an_engine_by_name(tmp_path, run_cli, monkeypatch):
    from schema_architect.bench import engines

    monkeypatch.setitem(engines.ENGINES, "baseline-copy", "schema_architect.bench.baseline:BaselineEngine")
    data = tmp_path / "d.jsonl"
    data.write_text(dev_lines(1)[0] + "\n", encoding="utf-8")
    res = run_cli("bench", "rschema", "--data", data, "--engine", "baseline-copy", "--out", tmp_path / "o",
                  "--no-embedding-cache")  # fmt: skip
    assert res.exit_code == 0, res.output
    assert read_predictions(tmp_path / "o" / "predictions.jsonl")[0]["engine"] == "baseline"
