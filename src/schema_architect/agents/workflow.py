"""The six-role group chat of the SchemaAgent method, with real tools where a tool can decide.

Roles speak one at a time over a shared message pool (their outputs; the designer/reviewer
discussion is visible only to that nested group). Each role names its next speaker among its
candidates; an unknown or missing name falls back to the fixed forward order. Errors found by a
role or a tool go back, as feedback, to the role that made them. The chat stops when the product
manager answers TERMINAL, or after ``max_rounds`` turns.

Beyond the paper: the reviewer's structural rules, key checks and 3NF decomposition and the test
execution are code, run against a real database, and their findings override a role's choice of
next speaker when they contradict it (a reviewer cannot approve a model with an unkeyed entity; a
test executor cannot accept a schema whose tests failed).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from importlib import resources

from ..model import Schema
from .checks import structural_findings
from .logical import LogicalResult, build_schema, conceptual_from_schema, logical_from_schema
from .outputs import (
    OUTPUT_OF_ROLE,
    TERMINAL,
    ConceptualDesign,
    LogicalDesign,
    RequirementReport,
    Review,
    TestPlan,
)
from .testexec import ExecutionReport, run_cases
from .transcript import Transcript, Turn

FORWARD = {
    "product_manager": "conceptual_designer",
    "conceptual_designer": "conceptual_reviewer",
    "conceptual_reviewer": "logical_designer",
    "logical_designer": "qa_engineer",
    "qa_engineer": "test_executor",
    "test_executor": "product_manager",
}
CANDIDATES = {
    "product_manager": ["conceptual_designer", TERMINAL],
    "conceptual_designer": ["conceptual_reviewer"],
    "conceptual_reviewer": ["logical_designer", "conceptual_designer"],
    "logical_designer": ["qa_engineer", "conceptual_designer"],
    "qa_engineer": ["test_executor"],
    "test_executor": ["product_manager", "logical_designer", "qa_engineer"],
}
NESTED = {"conceptual_designer", "conceptual_reviewer"}


def profile(role: str) -> str:
    return resources.files("schema_architect.agents").joinpath(f"prompts/{role}.md").read_text(encoding="utf-8")


@dataclass
class State:
    requirement: str
    report: RequirementReport | None = None
    conceptual: ConceptualDesign | None = None
    conceptual_from_draft: bool = False
    review: Review | None = None
    logical: LogicalDesign | None = None
    built: LogicalResult | None = None
    plan: TestPlan | None = None
    execution: ExecutionReport | None = None
    tested_ok: bool = False
    feedback: dict[str, list[str]] = field(default_factory=dict)

    def give(self, role: str, text: str) -> None:
        self.feedback.setdefault(role, []).append(text)

    def take(self, role: str) -> list[str]:
        return self.feedback.pop(role, [])


class Workflow:
    def __init__(self, client, *, mode: str = "agents", max_rounds: int = 15, draft: Schema | None = None,
                 postgres_url: str | None = None):
        if mode not in ("agents", "hybrid"):
            raise ValueError(mode)
        if mode == "hybrid" and draft is None:
            raise ValueError("hybrid mode needs the offline engine's draft")
        self.client = client
        self.mode = mode
        self.max_rounds = max_rounds
        self.draft = draft
        self.postgres_url = postgres_url  # the test executor also runs the cases there when set

    # -- the chat loop ----------------------------------------------------------------------------
    def run(self, requirement: str) -> Transcript:
        state = State(requirement=requirement)
        transcript = Transcript(requirement=requirement, mode=self.mode, model=self.client.config.model or "")
        speaker = "product_manager"
        if self.mode == "hybrid":
            state.report = RequirementReport(summary="(the offline engine's draft stands in for the analysis report)")
            state.conceptual = conceptual_from_schema(self.draft)
            state.conceptual_from_draft = True
            state.logical = logical_from_schema(self.draft)
            state.built = LogicalResult(schema=self.draft)
            speaker = "conceptual_reviewer"
        from ..llm.client import LLMError

        for round_no in range(1, self.max_rounds + 1):
            start = len(self.client.ledger)
            try:
                turn = self._turn(round_no, speaker, state)
            except LLMError as exc:  # unusable output after repairs, or the server failed for good
                transcript.turns.append(Turn(round=round_no, role=speaker, audience=self._audience(speaker), messages=[],
                                             reply="", output=None, error=exc.one_line(), **self._usage_since(start)))
                transcript.status, transcript.message = "failed", exc.one_line()
                return transcript
            transcript.turns.append(turn)
            if turn.next_speaker == TERMINAL:
                transcript.status = "accepted"
                transcript.message = ("accepted by the product manager" if turn.role == "product_manager"
                                      else "all test cases passed")
                break
            speaker = turn.next_speaker
        else:
            transcript.status = "round_limit"
            transcript.message = f"stopped after {self.max_rounds} rounds without the product manager's acceptance"
        final = state.built.schema if state.built and not state.built.errors else None
        transcript.schema = json.loads(final.to_json()) if final is not None else None
        if final is None and transcript.status != "failed":
            transcript.status = "failed"
            transcript.message += "; no valid logical schema was produced"
        return transcript

    # -- one turn ---------------------------------------------------------------------------------
    def _turn(self, round_no: int, role: str, state: State) -> Turn:
        if role == "test_executor" and self.mode == "hybrid":
            return self._hybrid_test_executor(round_no, state)
        tool_results: list[dict] = []
        if role == "conceptual_reviewer":
            findings = structural_findings(state.conceptual or ConceptualDesign())
            tool_results.append({"tool": "structural_checks", "findings": findings})
        if role == "test_executor":
            execution = run_cases(state.built.schema, state.plan.test_cases, postgres_url=self.postgres_url)
            state.execution = execution
            tool_results.append({"tool": "execute_test_cases", "database": self._databases(), **execution.to_dict()})
        messages = [{"role": "system", "content": profile(role)},
                    {"role": "user", "content": self._context(role, state, tool_results)}]
        start = len(self.client.ledger)
        output, reply = self.client.structured(messages, OUTPUT_OF_ROLE[role], role=role)
        named = (output.next_speaker or "").strip()
        next_speaker, reason = self._choose_next(role, named, state)
        next_speaker, reason = self._apply(role, output, state, tool_results, next_speaker, reason)
        return Turn(round=round_no, role=role, audience=self._audience(role), messages=messages, reply=reply.text,
                    output=output.model_dump(), tool_results=tool_results, next_speaker=next_speaker,
                    next_reason=reason, **self._usage_since(start))

    def _choose_next(self, role: str, named: str, state: State) -> tuple[str, str]:
        candidates = CANDIDATES[role]
        if role == "product_manager" and state.report is None:
            candidates = ["conceptual_designer"]
        if named in candidates:
            return named, f"named by {role}"
        if named.upper() == TERMINAL and TERMINAL in candidates:
            return TERMINAL, f"named by {role}"
        forward = FORWARD[role]
        what = f"unknown next speaker {named!r}" if named else "no next speaker named"
        return forward, f"{what}; fixed forward order"

    def _apply(self, role, output, state: State, tool_results, next_speaker, reason) -> tuple[str, str]:
        """Record the role's output in the state and let tool facts correct the routing."""
        if role == "product_manager":
            if state.report is None:
                state.report = output
                return "conceptual_designer", reason
            if next_speaker == TERMINAL and output.accept is not False:
                return TERMINAL, reason
            state.give("conceptual_designer", f"The product manager rejected the schema: {output.comments}")
            return "conceptual_designer", reason if next_speaker != TERMINAL else "the product manager did not accept"
        if role == "conceptual_designer":
            state.conceptual = output
            state.conceptual_from_draft = False
            return "conceptual_reviewer", reason
        if role == "conceptual_reviewer":
            state.review = output
            findings = tool_results[0]["findings"]
            issues = [f"{i.element}: {i.problem} Fix: {i.fix}" for i in output.issues]
            issues += [f"{f['element']}: {f['problem']} Fix: {f['fix']}" for f in findings
                       if not any(f["problem"] in i for i in issues)]
            if findings or (issues and not output.approved) or next_speaker == "conceptual_designer":
                if issues:
                    state.give("conceptual_designer", "Reviewer's issues:\n" + "\n".join(f"- {i}" for i in issues))
                if next_speaker != "conceptual_designer":
                    return "conceptual_designer", f"structural checks found {len(findings)} error(s); back to the designer"
                return "conceptual_designer", reason
            if self.mode == "hybrid" and state.conceptual_from_draft:
                return "qa_engineer", "draft approved unchanged: its logical schema stands; on to testing"
            return "logical_designer", reason
        if role == "logical_designer":
            state.logical = output
            built = build_schema(output)
            state.built = built
            tool_results.append({"tool": "build_and_normalize", "errors": built.errors, "notes": built.tool_notes,
                                 "missing_keys": built.missing_keys,
                                 "tables": [t.name for t in built.schema.tables]})
            if built.missing_keys:
                state.give("conceptual_designer", "The logical designer found entities without a key: "
                           + ", ".join(built.missing_keys))
                return "conceptual_designer", "tables without a key: back to the conceptual designer"
            if built.errors:
                state.give("logical_designer", "Your schema is inconsistent:\n" + "\n".join(f"- {e}" for e in built.errors))
                return "logical_designer", f"{len(built.errors)} structural error(s) in the logical schema: error feedback"
            return next_speaker, reason
        if role == "qa_engineer":
            state.plan = output
            return "test_executor", reason
        if role == "test_executor":
            execution = state.execution
            if execution and not execution.passed:
                target = next_speaker if next_speaker in ("logical_designer", "qa_engineer") else "logical_designer"
                state.give(target, "Test execution failed:\n" + execution.summary()
                           + ("\nExecutor's report: " + output.report if output.report else ""))
                why = reason if target == next_speaker else f"{len(execution.failures) or 1} test case(s) failed"
                return target, why
            state.tested_ok = True
            return "product_manager", reason
        raise AssertionError(role)

    def _hybrid_test_executor(self, round_no: int, state: State) -> Turn:
        """In hybrid mode the executor is code only: passing tests end the chat, failures go back."""
        execution = run_cases(state.built.schema, state.plan.test_cases, postgres_url=self.postgres_url)
        state.execution = execution
        result = {"tool": "execute_test_cases", "database": self._databases(), **execution.to_dict()}
        if execution.passed:
            state.tested_ok = True
            nxt, why = TERMINAL, "all test cases passed on the draft: accepted without further model calls"
        else:
            if state.logical is None:
                state.logical = logical_from_schema(state.built.schema)
            state.give("logical_designer", "Test execution failed:\n" + execution.summary())
            nxt, why = "logical_designer", f"{len(execution.failures) or 1} test case(s) failed"
        return Turn(round=round_no, role="test_executor", audience="all", messages=[], reply="",
                    output={"passed": execution.passed, "report": execution.summary()}, tool_results=[result],
                    next_speaker=nxt, next_reason=why)

    # -- context for each role ---------------------------------------------------------------------
    def _context(self, role: str, state: State, tool_results: list[dict]) -> str:
        parts = [f"## Requirement\n{state.requirement.strip()}"]
        if state.report is not None and role != "product_manager":
            parts.append("## Requirement analysis report\n" + _compact(state.report.model_dump(
                exclude={"next_speaker", "accept", "comments"})))
        if role == "product_manager" and state.report is not None:
            parts.append("## Finished logical schema (tested)\n" + _schema_text(state.built.schema))
            parts.append("Accept it (next_speaker TERMINAL) or reject it with comments.")
        if role == "conceptual_designer" and state.conceptual is not None:
            parts.append("## Your previous conceptual model\n" + _compact(state.conceptual.model_dump(exclude={"next_speaker"})))
        if role == "conceptual_reviewer":
            parts.append("## Conceptual model to review\n" + _compact(state.conceptual.model_dump(exclude={"next_speaker"})))
            findings = tool_results[0]["findings"]
            parts.append("## Structural checks (run as code; these are facts)\n"
                         + ("\n".join(f"- {f['element']}: {f['problem']} (fix: {f['fix']})" for f in findings)
                            or "- no structural errors"))
        if role == "logical_designer":
            parts.append("## Approved conceptual model\n" + _compact(state.conceptual.model_dump(exclude={"next_speaker"})))
            if state.logical is not None:
                parts.append("## Your previous logical schema\n" + _compact(state.logical.model_dump(exclude={"next_speaker"})))
        if role == "qa_engineer":
            parts.append("## Logical schema (SQLite DDL)\n" + _ddl(state.built.schema))
        if role == "test_executor":
            parts.append("## Test cases\n" + _compact(state.plan.model_dump(exclude={"next_speaker"})))
            parts.append("## Execution results (real SQLite database; these are facts)\n" + state.execution.summary())
        feedback = state.take(role)
        if feedback:
            parts.append("## Feedback addressed to you (fix these)\n" + "\n\n".join(feedback))
        cands = CANDIDATES[role] if not (role == "product_manager" and state.report is None) else ["conceptual_designer"]
        parts.append("Answer with the JSON object described in your output format. Choose next_speaker among: "
                     + ", ".join(cands) + ".")
        return "\n\n".join(parts)

    def _databases(self) -> str:
        return "sqlite+postgresql" if self.postgres_url else "sqlite"

    def _audience(self, role: str) -> str:
        return "conceptual group" if role in NESTED else "all"

    def _usage_since(self, start: int) -> dict:
        calls = self.client.ledger[max(start, 0):]
        return {"prompt_tokens": sum(c.prompt_tokens for c in calls),
                "completion_tokens": sum(c.completion_tokens for c in calls), "calls": len(calls)}


def _compact(data) -> str:
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"))


def _ddl(schema: Schema) -> str:
    from ..sql.render import render_ddl

    return render_ddl(schema, "sqlite")


def _schema_text(schema: Schema) -> str:
    lines = []
    for t in schema.tables:
        fks = "; ".join(f"{','.join(fk.columns)} -> {fk.ref_table}" for fk in t.foreign_keys)
        lines.append(f"- {t.name}({', '.join(t.column_names)}) key ({', '.join(t.primary_key_columns)})"
                     + (f" refs: {fks}" if fks else ""))
    return "\n".join(lines)
