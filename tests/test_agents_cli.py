"""The LLM engines from the command line: bench with --model, trace of a saved transcript."""

import json

from schema_architect.llm.replay_server import ReplayServer, Reply

LOGICAL = {"tables": [
    {"name": "Book", "columns": [{"name": "ISBN", "type": "VARCHAR(20)", "not_null": True},
                                 {"name": "Title", "type": "TEXT"}], "primary_key": ["ISBN"], "foreign_keys": []}]}


def test_bench_runs_an_llm_engine_with_model_flags(run_cli, tmp_path, monkeypatch):
    for var in ("SCHEMA_ARCHITECT_MODEL", "SCHEMA_ARCHITECT_LLM_BASE_URL", "SCHEMA_ARCHITECT_API_KEY_ENV"):
        monkeypatch.setenv(var, "placeholder")  # restored after the test: the flags write these
    data = tmp_path / "cases.jsonl"
    data.write_text("\n".join(json.dumps({"id": f"c{i}", "question": "A library has books with an ISBN and a title.",
                                          "schema": {"Book": {"Attributes": ["ISBN", "Title"], "Primary key": ["ISBN"],
                                                              "Foreign key": {}}}, "ddl": None}) for i in range(2)))
    with ReplayServer() as server:
        server.add(*[Reply(content=json.dumps(LOGICAL), prompt_tokens=300, completion_tokens=40) for _ in range(2)])
        r = run_cli("bench", "rschema", "--data", data, "--engine", "oneshot", "--out", tmp_path / "out",
                    "--model", server.model, "--llm-base-url", server.base_url, "--api-key-env", "NO_SUCH_KEY_VAR")
        assert server.remaining == 0
    assert r.exit_code == 0, r.output
    preds = [json.loads(line) for line in (tmp_path / "out" / "predictions.jsonl").read_text().splitlines()]
    assert len(preds) == 2 and all(p["engine"] == "oneshot" for p in preds)
    assert preds[0]["schema"]["Book"]["Primary key"] == ["ISBN"]
    assert (preds[0]["prompt_tokens"], preds[0]["completion_tokens"]) == (300, 40)  # tokens recorded per case
    report = json.loads((tmp_path / "out" / "report.json").read_text())
    assert report  # scored like any other engine


def test_trace_replays_a_transcript(run_cli, tmp_path):
    from schema_architect.agents.transcript import Transcript, Turn

    t = Transcript(requirement="r", mode="agents", model="m", status="accepted", message="accepted by the product manager")
    t.turns.append(Turn(round=1, role="conceptual_reviewer", audience="conceptual group", messages=[], reply="",
                        output={"approved": False, "issues": [{"element": "Loan", "problem": "no key", "fix": "add one"}]},
                        tool_results=[{"tool": "structural_checks", "findings": [
                            {"element": "Loan", "problem": "entity set has no key", "fix": "x"}]}],
                        next_speaker="conceptual_designer", next_reason="structural checks found 1 error(s)",
                        prompt_tokens=120, completion_tokens=30, calls=1))
    t.save(tmp_path / "t.json")
    r = run_cli("trace", tmp_path / "t.json")
    assert r.exit_code == 0
    for expected in ("conceptual_reviewer", "entity set has no key", "conceptual_designer",
                     "structural checks found 1 error", "120"):
        assert expected in r.stdout
    (tmp_path / "bad.json").write_text("{")
    bad = run_cli("trace", tmp_path / "bad.json")
    assert bad.exit_code != 0 and "not a transcript" in bad.stderr and "Traceback" not in bad.output


TEXT = "A library lends books. Each book has an ISBN and a title. Each member has a member number and a name."


def _draft_cases():
    """QA cases that fit the offline draft of TEXT (what a model would write after reading its DDL)."""
    from schema_architect.design import design

    draft = design(TEXT).schema
    sql = []
    for t in draft.tables:
        if t.foreign_keys:
            continue
        cols = ", ".join(f'"{c.name}"' for c in t.columns)
        vals = ", ".join("1" if c.type.type_class.value == "NUMERIC" else "'x'" for c in t.columns)
        sql.append(f'INSERT INTO "{t.name}" ({cols}) VALUES ({vals})')
    return draft, {"test_cases": [{"id": "T1", "kind": "insert", "sql": sql, "expect": "success"}],
                   "next_speaker": "test_executor"}


def test_design_with_the_hybrid_engine(run_cli, tmp_path):
    draft, cases = _draft_cases()
    with ReplayServer() as server:
        server.add(Reply(when="Role: conceptual model reviewer", content=json.dumps(
            {"approved": True, "issues": [], "next_speaker": "logical_designer"}), prompt_tokens=900, completion_tokens=20),
                   Reply(when="Role: QA engineer", content=json.dumps(cases), prompt_tokens=1100, completion_tokens=200))
        r = run_cli("design", TEXT, "--engine", "hybrid", "--model", server.model, "--llm-base-url", server.base_url,
                    "--transcript", tmp_path / "t.json", "--format", "json", "-o", tmp_path / "design.json")
    assert r.exit_code == 0, r.output
    assert "engine: hybrid (model replay-model" in r.stderr and "2000+220 tokens in 2 calls" in r.stderr
    from schema_architect.model import Schema

    designed = Schema.from_json((tmp_path / "design.json").read_text())
    assert len(designed.tables) == len(draft.tables)
    t = json.loads((tmp_path / "t.json").read_text())
    assert t["status"] == "accepted" and t["prompt_tokens"] == 2000


def test_design_defaults_to_offline_and_says_so(run_cli, monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)  # no config file
    monkeypatch.delenv("SCHEMA_ARCHITECT_MODEL", raising=False)
    r = run_cli("design", TEXT)
    assert r.exit_code == 0 and "engine: offline" in r.stderr


def test_llm_engine_without_a_model_or_with_a_broken_one_fails_cleanly(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("SCHEMA_ARCHITECT_MODEL", raising=False)
    monkeypatch.setenv("SCHEMA_ARCHITECT_LLM_MAX_RETRIES", "0")  # a dead server need not be retried here
    out = tmp_path / "design.sql"
    r = run_cli("design", TEXT, "--engine", "agents", "-o", out)
    assert r.exit_code != 0 and "needs a model" in r.stderr and "--engine offline" in r.stderr
    with ReplayServer() as server:
        server.add(*[Reply(content="I am a teapot") for _ in range(4)])
        r = run_cli("design", TEXT, "--engine", "agents", "--model", server.model, "--llm-base-url", server.base_url,
                    "-o", out)
    assert r.exit_code != 0 and "Traceback" not in r.output and "offline" in r.stderr
    assert len(r.stderr.strip().splitlines()) <= 3
    assert not out.exists()  # nonsense never leaves a half-written design
    r = run_cli("design", TEXT, "--engine", "agents", "--model", "m", "--llm-base-url", "http://127.0.0.1:9/v1",
                "-o", out)
    assert r.exit_code != 0 and "cannot connect" in r.stderr and not out.exists()
