"""The six-role workflow over the real client and a loopback chat-completions server with scripted answers."""

import json

import pytest

from schema_architect.agents import Transcript, design_with_agents
from schema_architect.agents.outputs import QACase
from schema_architect.agents.testexec import run_cases_sqlite
from schema_architect.agents.workflow import Workflow
from schema_architect.llm import LLMClient, LLMError, load_config
from schema_architect.llm.replay_server import ReplayServer, Reply
from schema_architect.model import Column, DataType, PrimaryKey, Schema, Table

REQUIREMENT = ("A university has students and courses. Each student has a Student ID and Name. Each course has a "
               "Course ID and Title. A student can enrol in many courses and a course has many students; each "
               "enrolment records the Grade.")

PM = "Role: product manager"
CD = "Role: conceptual model designer"
CR = "Role: conceptual model reviewer"
LD = "Role: logical model designer"
QA = "Role: QA engineer"
TE = "Role: test executor"


def reply(when, payload, pt=100, ct=20):
    return Reply(when=when, content=json.dumps(payload), prompt_tokens=pt, completion_tokens=ct)


REPORT = {"summary": "students enrol in courses", "business_processes": ["enrolment"],
          "data_to_store": ["students", "courses", "enrolments with grades"], "operations": ["enrol", "grade"],
          "next_speaker": "conceptual_designer"}
CONCEPTUAL = {"entities": [{"name": "Student", "attributes": ["Student ID", "Name"], "key": ["Student ID"]},
                           {"name": "Course", "attributes": ["Course ID", "Title"], "key": ["Course ID"]}],
              "relationships": [{"name": "Enrollment", "between": ["Student", "Course"], "cardinality": "M:N",
                                 "attributes": ["Grade"]}],
              "next_speaker": "conceptual_reviewer"}
APPROVE = {"approved": True, "issues": [], "next_speaker": "logical_designer"}


def table(name, cols, pk, fks=()):
    return {"name": name, "columns": [{"name": c, "type": t, "not_null": c in pk} for c, t in cols],
            "primary_key": pk, "foreign_keys": [{"columns": [c], "references_table": rt, "references_columns": [rc]}
                                                for c, rt, rc in fks]}


STUDENT = table("Student", [("Student ID", "INTEGER"), ("Name", "TEXT")], ["Student ID"])
COURSE = table("Course", [("Course ID", "INTEGER"), ("Title", "TEXT")], ["Course ID"])
ENROLLMENT = table("Enrollment", [("Student ID", "INTEGER"), ("Course ID", "INTEGER"), ("Grade", "TEXT")],
                   ["Student ID", "Course ID"],
                   [("Student ID", "Student", "Student ID"), ("Course ID", "Course", "Course ID")])
LOGICAL_GOOD = {"tables": [STUDENT, COURSE, ENROLLMENT], "next_speaker": "qa_engineer"}
TESTS = {"test_cases": [
    {"id": "T1", "description": "enrol a student", "kind": "insert", "expect": "success", "sql": [
        "INSERT INTO \"Student\" (\"Student ID\", \"Name\") VALUES (1, 'Ada')",
        "INSERT INTO \"Course\" (\"Course ID\", \"Title\") VALUES (10, 'Databases')",
        "INSERT INTO \"Enrollment\" (\"Student ID\", \"Course ID\", \"Grade\") VALUES (1, 10, 'A')"]},
    {"id": "T2", "description": "second course for the same student", "kind": "insert", "expect": "success", "sql": [
        "INSERT INTO \"Course\" (\"Course ID\", \"Title\") VALUES (11, 'Logic')",
        "INSERT INTO \"Enrollment\" (\"Student ID\", \"Course ID\", \"Grade\") VALUES (1, 11, 'B')",
        "SELECT * FROM \"Enrollment\" WHERE \"Student ID\" = 1"], "expect_rows": 2},
    {"id": "T3", "description": "no enrolment of an unknown student", "kind": "insert", "expect": "error", "sql": [
        "INSERT INTO \"Enrollment\" (\"Student ID\", \"Course ID\", \"Grade\") VALUES (99, 10, 'C')"]},
], "next_speaker": "test_executor"}
PASS = {"passed": True, "report": "all passed", "failures": [], "next_speaker": "product_manager"}
ACCEPT = {"accept": True, "comments": "complete", "next_speaker": "TERMINAL"}


@pytest.fixture
def server():
    with ReplayServer() as s:
        yield s


def client(server, **over):
    return LLMClient(load_config({"base_url": server.base_url, "model": server.model, "timeout": 3, **over}),
                     sleep=lambda s: None)


def roles(transcript):
    return [t.role for t in transcript.turns]


def test_full_run_through_all_six_roles(server, tmp_path):
    server.add(reply(PM, REPORT, 50, 10), reply(CD, CONCEPTUAL), reply(CR, APPROVE), reply(LD, LOGICAL_GOOD),
               reply(QA, TESTS), reply(TE, PASS), reply(PM, ACCEPT, 70, 5))
    c = client(server)
    result = design_with_agents(REQUIREMENT, client=c, transcript_path=tmp_path / "t.json")
    t = result.transcript
    assert roles(t) == ["product_manager", "conceptual_designer", "conceptual_reviewer", "logical_designer",
                        "qa_engineer", "test_executor", "product_manager"]
    assert t.status == "accepted" and t.turns[-1].next_speaker == "TERMINAL"
    assert {x.name for x in result.schema.tables} == {"Student", "Course", "Enrollment"}
    assert result.schema.table("Enrollment").primary_key_columns == ["Student ID", "Course ID"]
    # token totals are the sum over calls, as the server reported them
    assert (t.prompt_tokens, t.completion_tokens) == (50 + 100 * 5 + 70, 10 + 20 * 5 + 5)
    assert t.prompt_tokens == sum(r.prompt_tokens for r in c.ledger)
    # the executor's tool really ran the cases
    executed = t.turns[5].tool_results[0]
    assert executed["passed"] and [r["passed"] for r in executed["results"]] == [True, True, True]
    # the nested designer/reviewer discussion is marked as such, and the transcript reloads
    assert t.turns[1].audience == "conceptual group" and t.turns[3].audience == "all"
    again = Transcript.load(tmp_path / "t.json")
    assert again.prompt_tokens == t.prompt_tokens and roles(again) == roles(t)


def test_structural_checks_send_the_design_back_even_when_the_reviewer_approves(server):
    bad = json.loads(json.dumps(CONCEPTUAL))
    bad["relationships"][0]["attributes"] = ["Enrollment ID", "Grade"]
    bad["entities"][1]["key"] = []
    server.add(reply(PM, REPORT), reply(CD, bad), reply(CR, APPROVE), reply(CD, CONCEPTUAL), reply(CR, APPROVE),
               reply(LD, LOGICAL_GOOD), reply(QA, TESTS), reply(TE, PASS), reply(PM, ACCEPT))
    result = design_with_agents(REQUIREMENT, client=client(server))
    t = result.transcript
    assert roles(t)[:5] == ["product_manager", "conceptual_designer", "conceptual_reviewer", "conceptual_designer",
                            "conceptual_reviewer"]
    review = t.turns[2]
    problems = [f["problem"] for f in review.tool_results[0]["findings"]]
    assert any("own identifier 'Enrollment ID'" in p for p in problems) and "entity set has no key" in problems
    assert review.next_speaker == "conceptual_designer" and "structural checks" in review.next_reason
    # the designer is shown the errors it must fix
    second_designer_prompt = t.turns[3].messages[1]["content"]
    assert "Enrollment ID" in second_designer_prompt and "no key" in second_designer_prompt
    assert t.status == "accepted"


def test_failed_test_case_routes_back_to_the_logical_designer(server):
    missing_junction = {"tables": [STUDENT, COURSE], "next_speaker": "qa_engineer"}
    fail = {"passed": False, "report": "Enrollment table missing",
            "failures": [{"case": "T1", "cause": "no junction table", "fix": "add Enrollment"}],
            "next_speaker": "logical_designer"}
    server.add(reply(PM, REPORT), reply(CD, CONCEPTUAL), reply(CR, APPROVE), reply(LD, missing_junction),
               reply(QA, TESTS), reply(TE, fail), reply(LD, LOGICAL_GOOD), reply(QA, TESTS), reply(TE, PASS),
               reply(PM, ACCEPT))
    result = design_with_agents(REQUIREMENT, client=client(server))
    t = result.transcript
    first_exec = t.turns[5]
    assert first_exec.role == "test_executor" and first_exec.next_speaker == "logical_designer"
    assert not first_exec.tool_results[0]["passed"]
    assert "no such table: Enrollment" in json.dumps(first_exec.tool_results[0])
    assert "no such table: Enrollment" in t.turns[6].messages[1]["content"]  # error feedback reached the designer
    assert t.status == "accepted" and result.schema.table("Enrollment") is not None


def test_executor_cannot_accept_failed_tests(server):
    server.add(reply(PM, REPORT), reply(CD, CONCEPTUAL), reply(CR, APPROVE),
               reply(LD, {"tables": [STUDENT, COURSE], "next_speaker": "qa_engineer"}), reply(QA, TESTS),
               reply(TE, PASS), reply(LD, LOGICAL_GOOD), reply(QA, TESTS), reply(TE, PASS), reply(PM, ACCEPT))
    t = design_with_agents(REQUIREMENT, client=client(server)).transcript
    assert t.turns[5].next_speaker == "logical_designer" and "failed" in t.turns[5].next_reason


def test_unknown_next_speaker_falls_back_to_forward_order(server):
    cd = dict(CONCEPTUAL, next_speaker="the_boss")
    server.add(reply(PM, dict(REPORT, next_speaker=None)), reply(CD, cd), reply(CR, APPROVE), reply(LD, LOGICAL_GOOD),
               reply(QA, TESTS), reply(TE, PASS), reply(PM, ACCEPT))
    t = design_with_agents(REQUIREMENT, client=client(server)).transcript
    assert t.turns[1].next_speaker == "conceptual_reviewer"
    assert "unknown next speaker 'the_boss'" in t.turns[1].next_reason and "forward order" in t.turns[1].next_reason
    assert "no next speaker named" in t.turns[0].next_reason


def test_malformed_json_is_repaired(server):
    server.add(reply(PM, REPORT), Reply(when=CD, content="Here is my model: entities are Student and Course"),
               reply(CD, CONCEPTUAL), reply(CR, APPROVE), reply(LD, LOGICAL_GOOD), reply(QA, TESTS), reply(TE, PASS),
               reply(PM, ACCEPT))
    t = design_with_agents(REQUIREMENT, client=client(server)).transcript
    assert t.turns[1].calls == 2 and t.status == "accepted"


def test_malformed_json_fails_after_three_repairs_and_leaves_no_design(server, tmp_path):
    server.add(reply(PM, REPORT), *[Reply(when=CD, content="I cannot do JSON") for _ in range(4)])
    path = tmp_path / "t.json"
    with pytest.raises(LLMError, match="no valid schema"):
        design_with_agents(REQUIREMENT, client=client(server), transcript_path=path)
    t = Transcript.load(path)
    assert t.status == "failed" and t.schema is None and "3 repair attempts" in t.turns[-1].error
    assert t.turns[-1].calls == 4


def test_rate_limit_then_success_inside_the_workflow(server):
    server.add(Reply(status=429), reply(PM, REPORT), reply(CD, CONCEPTUAL), reply(CR, APPROVE), reply(LD, LOGICAL_GOOD),
               reply(QA, TESTS), reply(TE, PASS), reply(PM, ACCEPT))
    c = client(server)
    t = design_with_agents(REQUIREMENT, client=c).transcript
    assert t.status == "accepted" and t.turns[0].calls == 2 and not c.ledger[0].ok


def test_timeout_gives_a_clear_failure(server):
    server.add(Reply(when=PM, content=json.dumps(REPORT), delay=1.0), Reply(when=PM, content="{}", delay=1.0))
    with pytest.raises(LLMError, match="did not answer within 0.2 s"):
        design_with_agents(REQUIREMENT, client=client(server, timeout=0.2, max_retries=1))


def test_round_cap_stops_the_chat(server):
    reject = {"approved": False, "issues": [{"element": "Student", "problem": "I am never happy", "fix": "try again"}],
              "next_speaker": "conceptual_designer"}
    server.add(reply(PM, REPORT), *[reply(CD, CONCEPTUAL) for _ in range(7)], *[reply(CR, reject) for _ in range(7)])
    w = Workflow(client(server), max_rounds=15)
    t = w.run(REQUIREMENT)
    assert len(t.turns) == 15 and t.status == "failed" and "15 rounds" in t.message
    assert server.remaining == 0


def test_hybrid_reviews_the_offline_draft_with_few_calls(server):
    draft = Schema(tables=[
        Table(name="Student", columns=[Column(name="Student ID", type=DataType.integer(), nullable=False),
                                       Column(name="Name", type=DataType.varchar(80))],
              primary_key=PrimaryKey(columns=["Student ID"])),
        Table(name="Course", columns=[Column(name="Course ID", type=DataType.integer(), nullable=False),
                                      Column(name="Title", type=DataType.varchar(80))],
              primary_key=PrimaryKey(columns=["Course ID"])),
    ])
    server.add(reply(CR, {"approved": True, "issues": [], "next_speaker": "logical_designer"}, 400, 30),
               reply(QA, TESTS, 500, 200), reply(LD, LOGICAL_GOOD, 600, 150), reply(QA, TESTS, 500, 200))
    result = design_with_agents(REQUIREMENT, client=client(server), mode="hybrid", draft=draft)
    t = result.transcript
    # the draft lacks the junction table: the executed tests catch it and the designer repairs it
    assert roles(t) == ["conceptual_reviewer", "qa_engineer", "test_executor", "logical_designer", "qa_engineer",
                        "test_executor"]
    assert t.turns[2].calls == 0 and not t.turns[2].tool_results[0]["passed"]
    assert t.status == "accepted" and result.schema.table("Enrollment") is not None
    assert t.prompt_tokens == 400 + 500 + 600 + 500


def test_executor_tool_finds_a_missing_junction_table():
    schema = Schema(tables=[
        Table(name="Student", columns=[Column(name="Student ID", type=DataType.integer(), nullable=False)],
              primary_key=PrimaryKey(columns=["Student ID"])),
        Table(name="Course", columns=[Column(name="Course ID", type=DataType.integer(), nullable=False),
                                      Column(name="Student ID", type=DataType.integer())],
              primary_key=PrimaryKey(columns=["Course ID"])),
    ])
    cases = [QACase(id="many-to-many", sql=[
        "INSERT INTO \"Student\" VALUES (1)", "INSERT INTO \"Student\" VALUES (2)",
        "INSERT INTO \"Course\" (\"Course ID\", \"Student ID\") VALUES (10, 1)",
        "INSERT INTO \"Course\" (\"Course ID\", \"Student ID\") VALUES (10, 2)"])]
    report = run_cases_sqlite(schema, cases)
    assert not report.passed
    assert "UNIQUE constraint failed" in report.failures[0].detail


def test_logical_designer_tool_decomposes_by_the_stated_dependencies():
    from schema_architect.agents.logical import build_schema
    from schema_architect.agents.outputs import LogicalDesign

    design = LogicalDesign.model_validate({"tables": [{
        "name": "Customer",
        "columns": [{"name": "Customer ID", "type": "INTEGER"}, {"name": "Name", "type": "TEXT"},
                    {"name": "Zip", "type": "TEXT"}, {"name": "City", "type": "TEXT"}],
        "primary_key": ["Customer ID"],
        "functional_dependencies": [{"lhs": ["Customer ID"], "rhs": ["Name", "Zip"]}, {"lhs": ["Zip"], "rhs": ["City"]}],
    }]})
    built = build_schema(design)
    assert not built.errors
    tables = {t.name: t for t in built.schema.tables}
    assert len(tables) == 2 and "Customer" in tables
    customer = tables["Customer"]
    assert "City" not in customer.column_names and "Zip" in customer.column_names
    zip_table = next(t for n, t in tables.items() if n != "Customer")
    assert zip_table.primary_key_columns == ["Zip"] and "City" in zip_table.column_names
    assert customer.foreign_keys[0].ref_table == zip_table.name
    assert any("3NF" in n for n in built.tool_notes)


def test_executor_runs_the_cases_on_postgresql_too(server, pg_url):
    server.add(reply(PM, REPORT), reply(CD, CONCEPTUAL), reply(CR, APPROVE),
               reply(LD, {"tables": [STUDENT, COURSE], "next_speaker": "qa_engineer"}), reply(QA, TESTS),
               reply(TE, PASS), reply(LD, LOGICAL_GOOD), reply(QA, TESTS), reply(TE, PASS), reply(PM, ACCEPT))
    t = design_with_agents(REQUIREMENT, client=client(server), postgres_url=pg_url).transcript
    first = t.turns[5].tool_results[0]
    assert first["database"] == "sqlite+postgresql"
    pg_results = [r for r in first["results"] if r["database"] == "postgresql"]
    assert pg_results and any('relation "Enrollment" does not exist' in r["detail"] for r in pg_results)
    final = t.turns[8].tool_results[0]
    assert final["passed"] and {r["database"] for r in final["results"]} == {"sqlite", "postgresql"}
    # the throw-away schemas are gone
    import sqlalchemy as sa

    engine = sa.create_engine(pg_url)
    with engine.connect() as conn:
        left = conn.execute(sa.text("SELECT count(*) FROM information_schema.schemata WHERE schema_name LIKE 'sa_qa_%'"))
        assert left.scalar() == 0
    engine.dispose()
