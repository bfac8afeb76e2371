"""Stateless schema endpoints: generate, refine, evolve, lint, erd, ddl, migration plans, optimize."""

from __future__ import annotations

import base64
import json
import tempfile
from pathlib import Path

from fastapi import APIRouter, Request
from pydantic import BaseModel, Field

from .auth import CurrentUser
from .errors import ApiError
from .schemas import (
    DEFAULT_NAMING,
    SchemaInput,
    check_dialect,
    decisions_view,
    designed,
    load_input,
    schema_view,
)

router = APIRouter(prefix="/api/v1", tags=["schema"])


class GenerateRequest(BaseModel):
    text: str = Field(..., description="the requirements in English", max_length=200_000)
    answers: dict[str, str] = Field(default_factory=dict, description="answers to clarifying questions, by id")
    dialect: str = "postgresql"
    naming: str = DEFAULT_NAMING


class RefineRequest(BaseModel):
    requirements: list[str] = Field(default_factory=list, description="the requirements so far")
    answers: dict[str, str] = Field(default_factory=dict)
    text: str = Field("", description="what to add")
    dialect: str = "postgresql"
    naming: str = DEFAULT_NAMING


class PairRequest(BaseModel):
    from_: SchemaInput = Field(..., alias="from")
    to: SchemaInput
    dialect: str = "postgresql"
    renames: list[str] = Field(default_factory=list, description="old:new or table.old:new")


class OneSchemaRequest(BaseModel):
    input: SchemaInput
    dialect: str = "postgresql"


class ErdRequest(BaseModel):
    input: SchemaInput
    format: str = "mermaid"


class OptimizeRequest(BaseModel):
    connection_id: int
    workload: str | None = Field(None, description="SQL statements separated by ; (default: pg_stat_statements)")


@router.post("/schema/generate")
def generate(req: GenerateRequest, _user: CurrentUser) -> dict:
    dialect = check_dialect(req.dialect)
    result = designed(req.text, req.answers, req.naming)
    return {**schema_view(result.schema, dialect), **decisions_view(result)}


@router.post("/schema/refine")
def refine(req: RefineRequest, _user: CurrentUser) -> dict:
    from ..design.session import schema_changes

    dialect = check_dialect(req.dialect)
    texts = [t for t in [*req.requirements, req.text] if t.strip()]
    if not texts:
        raise ApiError(422, "validation_error", "nothing to design: requirements and text are empty")
    before = designed("\n\n".join(req.requirements), req.answers, req.naming).schema if req.requirements else None
    result = designed("\n\n".join(texts), req.answers, req.naming)
    return {**schema_view(result.schema, dialect), **decisions_view(result), "requirements": texts,
            "changes": schema_changes(before, result.schema)}


@router.post("/schema/evolve")
def evolve(req: PairRequest, _user: CurrentUser) -> dict:
    from ..evolve.diff import diff_schemas

    result = diff_schemas(load_input(req.from_, "from"), load_input(req.to, "to"), renames=req.renames)
    return {"changes": result.describe(), "diff": result.to_dict(), "empty": result.is_empty}


@router.post("/migrations/plan")
def migration_plan(req: PairRequest, _user: CurrentUser) -> dict:
    from ..evolve.plan import plan_migration
    from ..evolve.render import render_alembic, render_down_sql, render_up_sql

    dialect = check_dialect(req.dialect)
    plan = plan_migration(load_input(req.from_, "from"), load_input(req.to, "to"), dialect, renames=req.renames)
    return {"plan": json.loads(plan.to_json()), "empty": plan.is_empty,
            "files": {"up.sql": render_up_sql(plan), "down.sql": render_down_sql(plan),
                      "migration.py": render_alembic(plan)}}


@router.post("/schema/lint")
def lint(req: OneSchemaRequest, _user: CurrentUser) -> dict:
    from ..advise.lint import LintConfig, lint_schema
    from ..advise.lint.output import render_json

    cfg = LintConfig()
    cfg.dialect = check_dialect(req.dialect)
    return json.loads(render_json(lint_schema(load_input(req.input), cfg)))


@router.post("/schema/ddl")
def ddl(req: OneSchemaRequest, _user: CurrentUser) -> dict:
    from ..sql.render import render_ddl

    dialect = check_dialect(req.dialect)
    return {"dialect": dialect, "ddl": render_ddl(load_input(req.input), dialect)}


@router.post("/schema/erd")
def erd(req: ErdRequest, _user: CurrentUser) -> dict:
    from ..render import render_erd

    out = render_erd(load_input(req.input), req.format)
    if isinstance(out, bytes):
        if req.format.lower() == "svg":
            return {"format": "svg", "content": out.decode("utf-8")}
        return {"format": req.format.lower(), "content_base64": base64.b64encode(out).decode()}
    return {"format": req.format.lower(), "content": out}


@router.post("/schema/optimize")
def optimize(req: OptimizeRequest, request: Request, user: CurrentUser) -> dict:
    from ..advise.report import mysql_to_dict, optimize_mysql, report_to_dict
    from ..advise.report import optimize as run_optimize
    from .resources import connection_url

    url, dialect = connection_url(request, user, req.connection_id)
    with tempfile.TemporaryDirectory() as tmp:
        workload = None
        if req.workload:
            workload = Path(tmp) / "workload.sql"
            workload.write_text(req.workload, encoding="utf-8")
        if dialect == "mysql":
            if workload is None:
                raise ApiError(422, "validation_error", "workload: MySQL/MariaDB needs the workload statements")
            return mysql_to_dict(optimize_mysql(url, workload))
        return report_to_dict(run_optimize(url, workload))
