"""Turning request payloads into schema models, and schema models into what the page shows."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel, ConfigDict, Field

from .errors import ApiError

DEFAULT_NAMING = "snake_plural"


class SchemaInput(BaseModel):
    """A schema given one of three ways: schema JSON, DDL text, or requirements text to design from."""

    model_config = ConfigDict(populate_by_name=True)
    schema_data: dict[str, Any] | None = Field(None, alias="schema", description="schema JSON (as /generate returns)")
    ddl: str | None = Field(None, description="CREATE statements")
    source_dialect: str | None = Field(None, description="dialect of ddl (default: guessed)")
    text: str | None = Field(None, description="requirements in English, designed with the offline engine")


def check_dialect(name: str) -> str:
    from ..errors import InputError
    from ..sql.dialects import get_dialect

    try:
        return get_dialect(name).name
    except InputError as exc:
        raise ApiError(400, "invalid_dialect", exc.message, exc.hint) from None


def load_input(inp: SchemaInput | None, what: str = "schema"):
    from ..model.jsonform import schema_from_dict

    if inp is None:
        raise ApiError(422, "validation_error", f"{what}: missing", "give schema, ddl or text")
    given = [k for k in ("schema_data", "ddl", "text") if getattr(inp, k) is not None]
    if len(given) != 1:
        raise ApiError(422, "validation_error", f"{what}: give exactly one of schema, ddl or text",
                       "e.g. {\"ddl\": \"CREATE TABLE t (id INT PRIMARY KEY);\"}")
    if inp.schema_data is not None:
        return schema_from_dict(inp.schema_data, where=what)
    if inp.ddl is not None:
        from ..sql.parse import parse_ddl

        dialect = check_dialect(inp.source_dialect) if inp.source_dialect else None
        return parse_ddl(inp.ddl, dialect=dialect, source_name=what)
    return designed(inp.text).schema


def designed(text: str, answers: dict[str, str] | None = None, naming: str = DEFAULT_NAMING):
    from ..design import design
    from ..design.naming import apply_naming

    result = design(text, answers)
    result.schema = apply_naming(result.schema, naming)
    return result


def schema_view(schema, dialect: str = "postgresql") -> dict:
    """What the page needs to show a schema: JSON, Mermaid source, DDL and a table summary."""
    from ..render import render_erd
    from ..sql.render import render_ddl

    return {
        "schema": json.loads(schema.to_json(indent=None)),
        "mermaid": render_erd(schema, "mermaid"),
        "ddl": render_ddl(schema, dialect),
        "dialect": dialect,
        "tables": [{"name": t.name, "columns": t.column_names} for t in schema.tables],
    }


def decisions_view(result) -> dict:
    return {
        "decisions": [{"subject": d.subject, "decision": d.decision, "rationale": d.rationale} for d in result.decisions],
        "questions": [{"id": q.id, "question": q.question, "assumption": q.assumption, "options": q.options}
                      for q in result.questions],
    }
