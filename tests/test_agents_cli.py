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
