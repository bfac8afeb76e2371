"""Accounts, connections, conversations, designs and the audit log; every route checks ownership.

An object that exists but belongs to someone else answers 404, exactly like one that does not exist,
so ids reveal nothing about other users.
"""

from __future__ import annotations

import json
import re

from fastapi import APIRouter, Request, Response
from pydantic import BaseModel, Field
from sqlalchemy import func, select
from sqlalchemy.exc import IntegrityError

from .auth import CurrentUser, hash_password, new_token, token_digest, verify_password
from .errors import ApiError
from .models import ApiToken, AuditEntry, Connection, Conversation, Design, DesignVersion, Message, User
from .schemas import SchemaInput, designed, load_input, schema_view

router = APIRouter(prefix="/api/v1")
USERNAME = re.compile(r"^[A-Za-z0-9_.-]{3,64}$")


def owned(db, model, object_id: int, user: User, what: str):
    obj = db.get(model, object_id)
    if obj is None or obj.user_id != user.id:
        raise ApiError(404, "not_found", f"{what} {object_id} not found")
    return obj


def connection_url(request: Request, user: User, connection_id: int) -> tuple[str, str]:
    """The decrypted URL and dialect of a connection the caller owns."""
    with request.app.state.sessions() as db:
        conn = owned(db, Connection, connection_id, user, "connection")
        return request.app.state.cipher.decrypt(conn.url_encrypted), conn.dialect


def audit(request: Request, user: User, connection_id: int | None, kind: str, statement: str, outcome: str) -> None:
    with request.app.state.sessions.begin() as db:
        db.add(AuditEntry(user_id=user.id, connection_id=connection_id, kind=kind, statement=statement,
                          outcome=outcome[:200]))


# -- accounts ------------------------------------------------------------------------------------
class Credentials(BaseModel):
    username: str = Field(..., min_length=1, max_length=64)
    password: str = Field(..., min_length=8, max_length=1024)


@router.post("/users", status_code=201, tags=["auth"])
def sign_up(body: Credentials, request: Request) -> dict:
    if not USERNAME.match(body.username):
        raise ApiError(422, "validation_error", "username: 3-64 letters, digits, '.', '_' or '-'")
    try:
        with request.app.state.sessions.begin() as db:
            user = User(username=body.username, password_hash=hash_password(body.password))
            db.add(user)
            db.flush()
            return {"id": user.id, "username": user.username}
    except IntegrityError:
        raise ApiError(409, "username_taken", f"the username {body.username!r} is taken") from None


@router.post("/tokens", status_code=201, tags=["auth"])
def log_in(body: Credentials, request: Request) -> dict:
    with request.app.state.sessions.begin() as db:
        user = db.execute(select(User).where(User.username == body.username)).scalar_one_or_none()
        if user is None or not verify_password(body.password, user.password_hash):
            raise ApiError(401, "invalid_credentials", "wrong username or password")
        token = new_token()
        db.add(ApiToken(user_id=user.id, token_hash=token_digest(token)))
        return {"token": token, "token_type": "bearer", "user": {"id": user.id, "username": user.username}}


@router.delete("/tokens/current", status_code=204, tags=["auth"])
def log_out(request: Request, user: CurrentUser) -> Response:
    token = request.headers.get("authorization", "").split(" ", 1)[-1]
    with request.app.state.sessions.begin() as db:
        row = db.execute(select(ApiToken).where(ApiToken.token_hash == token_digest(token))).scalar_one_or_none()
        if row is not None:
            db.delete(row)
    return Response(status_code=204)


# -- connections ---------------------------------------------------------------------------------
class ConnectionCreate(BaseModel):
    name: str = Field(..., min_length=1, max_length=200)
    url: str = Field(..., min_length=1, max_length=4000, description="postgresql://, mysql:// or sqlite:/// URL")
    check: bool = Field(True, description="connect once to check the URL works")


def connection_view(request: Request, conn: Connection) -> dict:
    from ..sql.urls import location

    return {"id": conn.id, "name": conn.name, "dialect": conn.dialect,
            "location": location(request.app.state.cipher.decrypt(conn.url_encrypted)),
            "created_at": conn.created_at.isoformat()}


def check_reachable(url: str) -> None:
    from sqlalchemy.exc import DBAPIError

    from ..sql.connect import connection_error, open_engine

    engine = open_engine(url)
    try:
        with engine.connect():
            pass
    except DBAPIError as exc:
        raise connection_error(exc, url) from None
    finally:
        engine.dispose()


@router.post("/connections", status_code=201, tags=["connections"])
def create_connection(body: ConnectionCreate, request: Request, user: CurrentUser) -> dict:
    from ..sql.urls import dialect_of_url, normalize_url

    url = body.url.strip()
    try:
        normalize_url(url)
        dialect = dialect_of_url(url)
    except ApiError:
        raise
    except Exception as exc:  # noqa: BLE001 - SQLAlchemy's URL parser raises several kinds; all mean a bad URL
        message = getattr(exc, "message", None) or str(exc).splitlines()[0]
        raise ApiError(400, "invalid_url", f"not a usable database URL: {message}",
                       "e.g. postgresql://user@host:5432/db, mysql://root@127.0.0.1/db, sqlite:////path/file.db") from None
    if dialect not in ("postgresql", "mysql", "sqlite"):
        raise ApiError(400, "invalid_url", f"live {dialect} databases are not supported",
                       "PostgreSQL, MySQL/MariaDB and SQLite")
    from .store import is_private

    if is_private(url, request.app.state.private_paths):
        raise ApiError(403, "forbidden_location", "that database holds the server's own data",
                       "connect your own database, not the app database or its key directory")
    if body.check:
        check_reachable(url)
    with request.app.state.sessions.begin() as db:
        conn = Connection(user_id=user.id, name=body.name, dialect=dialect,
                          url_encrypted=request.app.state.cipher.encrypt(url))
        db.add(conn)
        db.flush()
        return connection_view(request, conn)


@router.get("/connections", tags=["connections"])
def list_connections(request: Request, user: CurrentUser) -> list[dict]:
    with request.app.state.sessions() as db:
        rows = db.execute(select(Connection).where(Connection.user_id == user.id).order_by(Connection.id)).scalars()
        return [connection_view(request, c) for c in rows]


@router.get("/connections/{connection_id}", tags=["connections"])
def get_connection(connection_id: int, request: Request, user: CurrentUser) -> dict:
    with request.app.state.sessions() as db:
        return connection_view(request, owned(db, Connection, connection_id, user, "connection"))


@router.delete("/connections/{connection_id}", status_code=204, tags=["connections"])
def delete_connection(connection_id: int, request: Request, user: CurrentUser) -> Response:
    with request.app.state.sessions.begin() as db:
        db.delete(owned(db, Connection, connection_id, user, "connection"))
    return Response(status_code=204)


@router.get("/connections/{connection_id}/schema", tags=["connections"])
def connection_schema(connection_id: int, request: Request, user: CurrentUser, dialect: str | None = None) -> dict:
    from ..sql.inspect import inspect_database

    url, conn_dialect = connection_url(request, user, connection_id)
    return schema_view(inspect_database(url), dialect or conn_dialect)


class QueryRequest(BaseModel):
    sql: str = Field(..., max_length=100_000)
    row_limit: int = Field(200, ge=1, le=5000)


@router.post("/connections/{connection_id}/query", tags=["connections"])
def query(connection_id: int, body: QueryRequest, request: Request, user: CurrentUser) -> dict:
    from . import actions

    return actions.read_only_query(request.app, user, connection_id, body.sql, row_limit=body.row_limit)


class ChangeRequest(BaseModel):
    sql: str = Field(..., max_length=500_000)


class ExecuteRequest(BaseModel):
    sql: str = Field(..., max_length=500_000)
    confirmation_token: str = Field(..., max_length=2000)


@router.post("/connections/{connection_id}/changes", tags=["connections"])
def propose_change(connection_id: int, body: ChangeRequest, request: Request, user: CurrentUser) -> dict:
    """Ask for confirmation: the token returned runs exactly this SQL once, after the user approves it."""
    from . import actions

    return actions.propose_change(request.app, user, connection_id, body.sql)


@router.post("/connections/{connection_id}/changes/execute", tags=["connections"])
def execute_change(connection_id: int, body: ExecuteRequest, request: Request, user: CurrentUser) -> dict:
    from . import actions

    return actions.execute_change(request.app, user, connection_id, body.sql, body.confirmation_token)


@router.get("/audit", tags=["connections"])
def audit_log(request: Request, user: CurrentUser, limit: int = 100) -> list[dict]:
    with request.app.state.sessions() as db:
        rows = db.execute(select(AuditEntry).where(AuditEntry.user_id == user.id)
                          .order_by(AuditEntry.id.desc()).limit(max(1, min(limit, 1000)))).scalars()
        return [{"id": a.id, "connection_id": a.connection_id, "kind": a.kind, "statement": a.statement,
                 "outcome": a.outcome, "created_at": a.created_at.isoformat()} for a in rows]


# -- conversations -------------------------------------------------------------------------------
class ConversationCreate(BaseModel):
    title: str = Field("New conversation", max_length=200)
    connection_id: int | None = None


class ConversationUpdate(BaseModel):
    title: str | None = Field(None, max_length=200)
    connection_id: int | None = None


def conversation_view(c: Conversation) -> dict:
    state = json.loads(c.state or "{}")
    return {"id": c.id, "title": c.title, "connection_id": c.connection_id, "design_id": c.design_id,
            "requirements": state.get("requirements", []), "schema": state.get("schema"),
            "created_at": c.created_at.isoformat()}


def message_view(m: Message) -> dict:
    return {"id": m.id, "role": m.role, "content": m.content, "data": json.loads(m.data) if m.data else None,
            "created_at": m.created_at.isoformat()}


@router.post("/conversations", status_code=201, tags=["conversations"])
def create_conversation(body: ConversationCreate, request: Request, user: CurrentUser) -> dict:
    with request.app.state.sessions.begin() as db:
        if body.connection_id is not None:
            owned(db, Connection, body.connection_id, user, "connection")
        c = Conversation(user_id=user.id, title=body.title, connection_id=body.connection_id, state="{}")
        db.add(c)
        db.flush()
        return conversation_view(c)


@router.get("/conversations", tags=["conversations"])
def list_conversations(request: Request, user: CurrentUser) -> list[dict]:
    with request.app.state.sessions() as db:
        rows = db.execute(select(Conversation).where(Conversation.user_id == user.id)
                          .order_by(Conversation.id.desc())).scalars()
        return [conversation_view(c) for c in rows]


@router.get("/conversations/{conversation_id}", tags=["conversations"])
def get_conversation(conversation_id: int, request: Request, user: CurrentUser) -> dict:
    with request.app.state.sessions() as db:
        c = owned(db, Conversation, conversation_id, user, "conversation")
        msgs = db.execute(select(Message).where(Message.conversation_id == c.id).order_by(Message.id)).scalars()
        return {**conversation_view(c), "messages": [message_view(m) for m in msgs]}


@router.patch("/conversations/{conversation_id}", tags=["conversations"])
def update_conversation(conversation_id: int, body: ConversationUpdate, request: Request,
                        user: CurrentUser) -> dict:
    with request.app.state.sessions.begin() as db:
        c = owned(db, Conversation, conversation_id, user, "conversation")
        if body.title is not None:
            c.title = body.title
        if "connection_id" in body.model_fields_set:
            if body.connection_id is not None:
                owned(db, Connection, body.connection_id, user, "connection")
            c.connection_id = body.connection_id
        db.flush()
        return conversation_view(c)


@router.delete("/conversations/{conversation_id}", status_code=204, tags=["conversations"])
def delete_conversation(conversation_id: int, request: Request, user: CurrentUser) -> Response:
    with request.app.state.sessions.begin() as db:
        db.delete(owned(db, Conversation, conversation_id, user, "conversation"))
    return Response(status_code=204)


@router.get("/conversations/{conversation_id}/messages", tags=["conversations"])
def list_messages(conversation_id: int, request: Request, user: CurrentUser) -> list[dict]:
    return get_conversation(conversation_id, request, user)["messages"]


class MessageCreate(BaseModel):
    content: str = Field(..., min_length=1, max_length=200_000)


@router.post("/conversations/{conversation_id}/messages", tags=["conversations"],
             response_description="text/event-stream: message, schema, confirm, result, error, done events")
def post_message(conversation_id: int, body: MessageCreate, request: Request, user: CurrentUser):
    """Send a message; the assistant's answer streams back as server-sent events."""
    from fastapi.responses import StreamingResponse

    from .chat import stream_reply

    with request.app.state.sessions() as db:
        owned(db, Conversation, conversation_id, user, "conversation")
    return StreamingResponse(stream_reply(request.app, user, conversation_id, body.content),
                             media_type="text/event-stream",
                             headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"})


# -- designs ---------------------------------------------------------------------------------------
class DesignCreate(BaseModel):
    name: str = Field(..., min_length=1, max_length=200)
    input: SchemaInput


class VersionCreate(BaseModel):
    input: SchemaInput | None = None
    text: str | None = Field(None, description="requirements to add to the latest version (refine)")


def version_view(v: DesignVersion) -> dict:
    return {"version": v.version, "requirements": json.loads(v.requirements), "schema": json.loads(v.schema_json),
            "created_at": v.created_at.isoformat()}


def add_version(db, design: Design, requirements: list[str], schema) -> DesignVersion:
    latest = db.execute(select(func.max(DesignVersion.version)).where(DesignVersion.design_id == design.id)).scalar()
    v = DesignVersion(design_id=design.id, version=(latest or 0) + 1, requirements=json.dumps(requirements),
                      schema_json=schema.to_json(indent=None))
    db.add(v)
    db.flush()
    return v


@router.post("/designs", status_code=201, tags=["designs"])
def create_design(body: DesignCreate, request: Request, user: CurrentUser) -> dict:
    schema = load_input(body.input, "input")
    with request.app.state.sessions.begin() as db:
        d = Design(user_id=user.id, name=body.name)
        db.add(d)
        db.flush()
        v = add_version(db, d, [body.input.text] if body.input.text else [], schema)
        return {"id": d.id, "name": d.name, "versions": [version_view(v)]}


@router.get("/designs", tags=["designs"])
def list_designs(request: Request, user: CurrentUser) -> list[dict]:
    with request.app.state.sessions() as db:
        rows = db.execute(select(Design).where(Design.user_id == user.id).order_by(Design.id)).scalars()
        return [{"id": d.id, "name": d.name, "created_at": d.created_at.isoformat()} for d in rows]


@router.get("/designs/{design_id}", tags=["designs"])
def get_design(design_id: int, request: Request, user: CurrentUser) -> dict:
    with request.app.state.sessions() as db:
        d = owned(db, Design, design_id, user, "design")
        versions = db.execute(select(DesignVersion).where(DesignVersion.design_id == d.id)
                              .order_by(DesignVersion.version)).scalars()
        return {"id": d.id, "name": d.name, "versions": [version_view(v) for v in versions]}


@router.post("/designs/{design_id}/versions", status_code=201, tags=["designs"])
def create_version(design_id: int, body: VersionCreate, request: Request, user: CurrentUser) -> dict:
    with request.app.state.sessions.begin() as db:
        d = owned(db, Design, design_id, user, "design")
        latest = db.execute(select(DesignVersion).where(DesignVersion.design_id == d.id)
                            .order_by(DesignVersion.version.desc()).limit(1)).scalar_one_or_none()
        if body.text is not None:
            requirements = (json.loads(latest.requirements) if latest else []) + [body.text]
            schema = designed("\n\n".join(requirements)).schema
        elif body.input is not None:
            requirements, schema = [], load_input(body.input, "input")
        else:
            raise ApiError(422, "validation_error", "give input (a schema) or text (requirements to add)")
        return version_view(add_version(db, d, requirements, schema))


@router.get("/designs/{design_id}/versions/{version}", tags=["designs"])
def get_version(design_id: int, version: int, request: Request, user: CurrentUser) -> dict:
    with request.app.state.sessions() as db:
        d = owned(db, Design, design_id, user, "design")
        v = db.execute(select(DesignVersion).where(DesignVersion.design_id == d.id,
                                                   DesignVersion.version == version)).scalar_one_or_none()
        if v is None:
            raise ApiError(404, "not_found", f"design {design_id} has no version {version}")
        return version_view(v)


@router.delete("/designs/{design_id}", status_code=204, tags=["designs"])
def delete_design(design_id: int, request: Request, user: CurrentUser) -> Response:
    with request.app.state.sessions.begin() as db:
        db.delete(owned(db, Design, design_id, user, "design"))
    return Response(status_code=204)
