"""The stable, versioned JSON form of a schema.

Envelope::

    {"format": "schema-architect/schema", "version": 1, "schema": {...}}

Readers accept the bare schema object too (no envelope), which is what the REST API and
hand-written fixtures tend to send. A newer ``version`` than this code knows is refused with
a message saying so, rather than half-read.
"""

from __future__ import annotations

import json

from pydantic import ValidationError

from ..errors import InputError
from .schema import SCHEMA_FORMAT, SCHEMA_FORMAT_VERSION, Schema


def schema_to_dict(schema: Schema) -> dict:
    body = schema.model_dump(mode="json", exclude_defaults=True)
    # Columns always say whether they are nullable: the default (True) is easy to misread.
    for t_in, t_out in zip(schema.tables, body.get("tables", [])):
        for c_in, c_out in zip(t_in.columns, t_out.get("columns", [])):
            c_out["nullable"] = c_in.nullable
    return {"format": SCHEMA_FORMAT, "version": SCHEMA_FORMAT_VERSION, "schema": body}


def schema_to_json(schema: Schema, indent: int | None = 2) -> str:
    return json.dumps(schema_to_dict(schema), indent=indent, ensure_ascii=False)


def schema_from_dict(data: dict, *, where: str | None = None) -> Schema:
    if not isinstance(data, dict):
        raise InputError("a schema JSON must be an object", where=where)
    if "format" in data:
        if data.get("format") != SCHEMA_FORMAT:
            raise InputError(
                f"unknown format {data.get('format')!r}, expected {SCHEMA_FORMAT!r}",
                where=where,
                hint="write the file with `schema-architect ... --format json`",
            )
        version = data.get("version")
        if not isinstance(version, int) or version > SCHEMA_FORMAT_VERSION:
            raise InputError(
                f"schema JSON version {version!r} is newer than this program reads ({SCHEMA_FORMAT_VERSION})",
                where=where,
                hint="upgrade schema-architect",
            )
        # An envelope without its "schema" object would read as an empty schema, and a migration
        # planned from an empty schema drops every table: refuse it instead.
        stray = sorted(set(data) - {"format", "version", "schema"})
        if stray:
            raise InputError(
                f"unexpected key(s) {', '.join(map(repr, stray))} beside 'format' and 'version'",
                where=where,
                hint="put the tables under 'schema': {\"format\": ..., \"version\": 1, \"schema\": {\"tables\": [...]}}",
            )
        if not isinstance(data.get("schema"), dict):
            raise InputError(
                "the schema JSON has 'format' and 'version' but no 'schema' object",
                where=where,
                hint="write the file with `schema-architect ... --format json`, or send the bare schema object",
            )
        data = data["schema"]
    try:
        schema = Schema.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        loc = ".".join(str(p) for p in first["loc"])
        raise InputError(
            f"invalid schema JSON at {loc}: {first['msg']} ({exc.error_count()} problem(s) in all)",
            where=where,
        ) from None
    return schema


def schema_from_json(text: str, *, where: str | None = None) -> Schema:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise InputError(
            f"not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}", where=where
        ) from None
    return schema_from_dict(data, where=where)
