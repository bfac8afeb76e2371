"""Reading benchmark cases and predictions from JSONL, one problem per bad line instead of a crash."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError


@dataclass
class Case:
    """One requirement and, when the file has it, the reference design (RSchema form) and its DDL."""

    id: str
    question: str
    schema: dict | None = None
    ddl: str | None = None
    where: str = ""  # file:line


@dataclass
class Problem:
    """A line or case that could not be used, with the reason (shown in the report)."""

    where: str
    reason: str
    id: str | None = None

    def to_dict(self) -> dict:
        return {"where": self.where, "id": self.id, "reason": self.reason}


@dataclass
class Loaded:
    items: list = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)


def read_jsonl(path: Path) -> tuple[list[tuple[str, dict]], list[Problem]]:
    """(where, object) for each JSON object line; a Problem for each line that is not one."""
    path = Path(path)
    if not path.is_file():
        raise InputError(f"file not found: {path}", hint="check the --data / --predictions path")
    rows: list[tuple[str, dict]] = []
    problems: list[Problem] = []
    with path.open(encoding="utf-8-sig", errors="replace") as fh:
        for lineno, line in enumerate(fh, 1):
            where = f"{path}:{lineno}"
            if not line.strip():
                continue
            try:
                obj = json.loads(line)
            except json.JSONDecodeError as exc:
                problems.append(Problem(where, f"not valid JSON: {exc.msg} (column {exc.colno})"))
                continue
            if not isinstance(obj, dict):
                problems.append(Problem(where, "a line must be a JSON object"))
                continue
            rows.append((where, obj))
    return rows, problems


def load_cases(path: Path) -> Loaded:
    """Cases with an ``id`` and a ``question``; anything else is a Problem naming the line."""
    rows, problems = read_jsonl(path)
    out = Loaded(problems=problems)
    seen: set[str] = set()
    for where, obj in rows:
        case_id = obj.get("id")
        if case_id is None or (isinstance(case_id, str) and not case_id.strip()):
            out.problems.append(Problem(where, "case without an 'id'"))
            continue
        case_id = str(case_id)
        question = obj.get("question")
        if not isinstance(question, str) or not question.strip():
            out.problems.append(Problem(where, "case without a 'question' (the requirement text)", case_id))
            continue
        if case_id in seen:
            out.problems.append(Problem(where, f"duplicate id {case_id!r}; the first one is used", case_id))
            continue
        seen.add(case_id)
        schema = obj.get("schema")
        ddl = obj.get("ddl")
        out.items.append(
            Case(
                id=case_id,
                question=question,
                schema=schema if isinstance(schema, dict) else None,
                ddl=ddl if isinstance(ddl, str) and ddl.strip() else None,
                where=where,
            )
        )
    if not out.items and not out.problems:
        raise InputError(f"{path} holds no cases", hint="one JSON object per line with 'id' and 'question'")
    return out


def load_predictions(path: Path) -> Loaded:
    """Prediction records by id (the last line for an id wins, so a re-run overrides an old one)."""
    rows, problems = read_jsonl(path)
    out = Loaded(problems=problems)
    by_id: dict[str, dict] = {}
    for where, obj in rows:
        if obj.get("id") is None:
            out.problems.append(Problem(where, "prediction without an 'id'"))
            continue
        obj = dict(obj)
        obj["_where"] = where
        by_id[str(obj["id"])] = obj
    out.items = list(by_id.values())
    return out
