"""Saved design sessions: the accumulated requirements and answers, and what a refinement changed.

A session file is JSON: ``{"format": "schema-architect/design-session", "version": 1,
"requirements": [text, ...], "answers": {question id: answer}, "schema": {...}}``. Refining appends
text, designs again from everything accumulated, and reports the difference.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError
from ..model.schema import Schema
from .engine import DesignResult, design

SESSION_FORMAT = "schema-architect/design-session"


@dataclass
class Session:
    requirements: list[str] = field(default_factory=list)
    answers: dict[str, str] = field(default_factory=dict)
    schema: Schema | None = None

    @property
    def text(self) -> str:
        return "\n\n".join(self.requirements)

    def to_json(self) -> str:
        return json.dumps({"format": SESSION_FORMAT, "version": 1, "requirements": self.requirements,
                           "answers": self.answers,
                           "schema": json.loads(self.schema.to_json()) if self.schema else None},
                          indent=2, ensure_ascii=False)


def load_session(path: Path) -> Session:
    where = str(path)
    try:
        data = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise InputError("session file not found", where=where, hint="create one with: schema-architect design TEXT --save FILE") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise InputError(f"not a design session (invalid JSON: {exc})", where=where) from None
    if not isinstance(data, dict) or data.get("format") != SESSION_FORMAT:
        raise InputError("not a design session file", where=where, hint="sessions are written by design --save")
    reqs = data.get("requirements")
    if not isinstance(reqs, list) or not all(isinstance(r, str) for r in reqs):
        raise InputError("session 'requirements' must be a list of texts", where=where)
    answers = data.get("answers") or {}
    if not isinstance(answers, dict):
        raise InputError("session 'answers' must be an object", where=where)
    schema = None
    if data.get("schema"):
        schema = Schema.from_json(json.dumps(data["schema"]), where=where)
    return Session(list(reqs), {str(k): str(v) for k, v in answers.items()}, schema)


def save_session(session: Session, path: Path) -> None:
    Path(path).parent.mkdir(parents=True, exist_ok=True)
    Path(path).write_text(session.to_json() + "\n", encoding="utf-8")


def refine(session: Session, more_text: str, answers: dict[str, str] | None = None) -> tuple[Session, DesignResult, list[str]]:
    """Add requirements (and answers), design again, and list what changed against the saved design."""
    new = Session(session.requirements + ([more_text] if more_text.strip() else []),
                  {**session.answers, **(answers or {})})
    result = design(new.text, new.answers)
    new.schema = result.schema
    return new, result, schema_changes(session.schema, result.schema)


def schema_changes(old: Schema | None, new: Schema) -> list[str]:
    """Human-readable differences: tables and columns added or removed, keys changed."""
    if old is None:
        return [f"+ table {t.name}" for t in new.tables]
    out: list[str] = []
    for t in new.tables:
        o = old.table(t.name)
        if o is None:
            out.append(f"+ table {t.name} ({', '.join(t.column_names)})")
            continue
        for c in t.column_names:
            if o.column(c) is None:
                out.append(f"+ column {t.name}.{c}")
        for c in o.column_names:
            if t.column(c) is None:
                out.append(f"- column {t.name}.{c}")
        if o.primary_key_columns != t.primary_key_columns:
            out.append(f"~ primary key of {t.name}: {o.primary_key_columns} -> {t.primary_key_columns}")
        old_fks = {(tuple(f.columns), f.ref_table) for f in o.foreign_keys}
        for f in t.foreign_keys:
            if (tuple(f.columns), f.ref_table) not in old_fks:
                out.append(f"+ foreign key {t.name}({', '.join(f.columns)}) -> {f.ref_table}")
    for o in old.tables:
        if new.table(o.name) is None:
            out.append(f"- table {o.name}")
    return out


def read_answers(path: Path) -> dict[str, str]:
    """Answers to clarifying questions from a JSON or YAML mapping (question id -> answer)."""
    where = str(path)
    try:
        text = Path(path).read_text(encoding="utf-8")
    except FileNotFoundError:
        raise InputError("answers file not found", where=where) from None
    except UnicodeDecodeError:
        raise InputError("answers file is not UTF-8 text", where=where) from None
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        import yaml

        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            raise InputError(f"answers are neither JSON nor YAML: {str(exc).splitlines()[0]}", where=where) from None
    if not isinstance(data, dict):
        raise InputError("answers must be a mapping of question id to answer", where=where,
                         hint='e.g. {"card-order-customer": "1:N"}')
    return {str(k): str(v) for k, v in data.items()}
