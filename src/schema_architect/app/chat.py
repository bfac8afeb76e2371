"""The chat assistant: server-sent events, six tools, and an offline intent router.

Events (``event: NAME`` + JSON ``data``): ``message`` (a piece of the answer's text), ``schema``
(a design or a live schema: Mermaid, DDL, tables), ``confirm`` (a proposed change with its
confirmation token: the page asks the user), ``result`` (rows of a read-only query), ``error``
(``{code, message, hint}``) and ``done``.

Tools, the same for both paths: design from requirements, refine the design, get the database
schema, ask for confirmation, run a read-only query, execute a change. Designing and refining change
only the conversation's design, never a database. The change tool needs a confirmation token that only the user holds (it
is sent to the page, never to a model): safety is enforced by :mod:`.safety`, not by a prompt.

Without a configured model, :func:`route` maps a message to an intent with a few patterns (design,
refine, describe, diagram, ddl, query, change) and drives the offline engine; with one, see
:mod:`.llm_chat`.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from dataclasses import dataclass, field

from ..errors import SchemaArchitectError
from .errors import ApiError, as_json
from .models import Connection, Conversation, Design, Message
from .schemas import designed, schema_view

DIALECT_WORDS = {"postgres": "postgresql", "postgresql": "postgresql", "mysql": "mysql", "mariadb": "mysql",
                 "sqlite": "sqlite", "sql server": "sqlserver", "sqlserver": "sqlserver", "oracle": "oracle"}

# One pattern per intent, tried in this order (first match wins).
INTENTS: list[tuple[str, re.Pattern]] = [
    ("query", re.compile(r"^\s*(select|with|values)\b", re.IGNORECASE)),
    ("count", re.compile(r"^\s*how many\s+(?P<what>[\w ]+?)\s*(are there|do (we|i) have|exist|\?|$)", re.IGNORECASE)),
    ("drop_table", re.compile(r"^\s*(please\s+)?(drop|delete|remove)\s+(the\s+)?(table\s+)?(?P<table>\w+)(\s+table)?\s*$",
                              re.IGNORECASE)),
    ("sql_change", re.compile(r"^\s*(insert|update|delete|alter|create\s+(table|index|unique|view)|drop|truncate)\b",
                              re.IGNORECASE)),
    ("add_column", re.compile(r"^\s*(please\s+)?add\s+(a\s+)?column\s+(?P<column>\w+)(\s+(of\s+type\s+)?(?P<type>[\w()]+))?"
                              r"\s+to\s+(the\s+)?(table\s+)?(?P<table>\w+)", re.IGNORECASE)),
    ("create_tables", re.compile(r"\b(create|apply|build|deploy|make)\s+(the\s+|these\s+|all\s+|my\s+)*"
                                 r"(tables|schema|design)\b", re.IGNORECASE)),
    ("describe", re.compile(r"\b(describe|show|list|what)\b.*\b(schema|tables|database|structure)\b", re.IGNORECASE)),
    ("diagram", re.compile(r"\b(diagram|erd|draw)\b", re.IGNORECASE)),
    ("ddl", re.compile(r"\b(ddl|sql script|export)\b", re.IGNORECASE)),
    ("design", re.compile(r"\b(design|create|build|make|need|want)\b.*\b(database|schema|data model)\b", re.IGNORECASE)),
    ("refine", re.compile(r"^\s*(please\s+)?(add|also|and|include|each|every|an?\s|the\s)", re.IGNORECASE)),
]
DESCRIPTION = re.compile(r"^\s*(each|every|an?|the|all)\s", re.IGNORECASE)  # a description, not a request
DESIGN_PREFIX = re.compile(r"^\s*(please\s+)?(design|create|build|make)\s+(me\s+)?(a|an|the)\s+(\w+\s+)?"
                           r"(database|schema|data model)\s+(for|of|about)\s+", re.IGNORECASE)


def route(text: str, has_schema: bool) -> tuple[str, re.Match | None]:
    for name, pattern in INTENTS:
        m = pattern.search(text)
        if m and name == "sql_change" and not _parses_as_sql(text):
            continue  # "drop email from customers" is a request about the design, not SQL
        if m:
            if name == "refine" and not has_schema:
                return "design", None
            return name, m
    return ("refine" if has_schema else "design"), None


def _parses_as_sql(text: str) -> bool:
    import logging

    import sqlglot

    quiet = logging.getLogger("sqlglot")
    level, quiet.level = quiet.level, logging.ERROR  # its "falling back to Command" warning is expected here
    try:
        return all(isinstance(e, sqlglot.exp.Expression) and not isinstance(e, sqlglot.exp.Command)
                   for e in sqlglot.parse(text))
    except Exception:  # noqa: BLE001 - sqlglot raises several kinds on non-SQL; all mean "not SQL"
        return False
    finally:
        quiet.level = level


def sse(event: str, data) -> str:
    return f"event: {event}\ndata: {json.dumps(data, default=str)}\n\n"


@dataclass
class Turn:
    """One exchange: the conversation's state, the events sent, and what to store afterwards."""

    app: object
    user: object
    conversation_id: int
    state: dict
    connection_id: int | None
    dialect: str | None
    text: list[str] = field(default_factory=list)
    data: dict = field(default_factory=dict)

    def say(self, text: str) -> Iterator[str]:
        self.text.append(text)
        for piece in re.findall(r"\S+\s*|\s+", text):  # word by word: the page shows the answer growing
            yield sse("message", {"text": piece})

    def emit(self, event: str, data) -> str:
        self.data.setdefault(event, []).append(data)
        return sse(event, data)

    # -- the four tools ------------------------------------------------------------------------------
    def tool_get_schema(self):
        from ..evolve.execute import strip_own_tables
        from ..model.jsonform import schema_from_dict
        from ..sql.inspect import inspect_database
        from .resources import connection_url

        if self.connection_id is not None:
            url, _ = connection_url(_Req(self.app), self.user, self.connection_id)
            return strip_own_tables(inspect_database(url)), "live"
        if self.state.get("schema"):
            return schema_from_dict(self.state["schema"]), "design"
        return None, None

    def tool_run_query(self, sql: str) -> dict:
        from .actions import read_only_query

        return read_only_query(self.app, self.user, self.need_connection(), sql)

    def tool_ask_confirmation(self, sql: str) -> dict:
        from .actions import propose_change

        return propose_change(self.app, self.user, self.need_connection(), sql)

    def tool_execute_change(self, sql: str, token: str) -> dict:
        from .actions import execute_change

        return execute_change(self.app, self.user, self.need_connection(), sql, token)

    def need_connection(self) -> int:
        if self.connection_id is None:
            raise ApiError(400, "no_connection", "this conversation has no database connection",
                           "add a connection and select it for the conversation")
        return self.connection_id

    # -- offline intents ------------------------------------------------------------------------------
    def run_offline(self, message: str) -> Iterator[str]:
        intent, match = route(message, bool(self.state.get("schema")) or self.connection_id is not None)
        yield from getattr(self, f"do_{intent}")(message, match)

    def tool_design(self, text: str):
        """A new design from requirements text (the offline engine); it becomes the conversation's
        design, and earlier requests to change the old design are forgotten."""
        result = designed(text)
        self.state.update(requirements=[text], answers={}, evolutions=[],
                          schema=json.loads(result.schema.to_json(indent=None)))
        return result

    def tool_refine(self, message: str):
        """Change the design (never the database): a description is added to the requirements and
        designed again; an imperative request ("add a phone number to customers", "drop email from
        customers") is applied with :func:`evolve.english.evolve_schema` and remembered, so later
        redesigns replay it. Returns the new schema and the list of changes."""
        from ..design.session import schema_changes
        from ..errors import InputError
        from ..model.jsonform import schema_from_dict

        before = schema_from_dict(self.state["schema"]) if self.state.get("schema") else None
        requirements = list(self.state.get("requirements", []))
        evolutions = list(self.state.get("evolutions", []))
        schema = None
        if before is not None and not DESCRIPTION.match(message):
            try:
                schema = self._evolve(before, message)
                evolutions.append(message)
            except InputError:
                schema = None
        if schema is None:
            requirements.append(message)
            schema = designed("\n\n".join(requirements), self.state.get("answers")).schema
            for request in evolutions:
                try:
                    schema = self._evolve(schema, request)
                except InputError:  # the redesign no longer has what the request named
                    continue
        changes = schema_changes(before, schema)
        self.state.update(requirements=requirements, evolutions=evolutions,
                          schema=json.loads(schema.to_json(indent=None)))
        return schema, changes

    def do_design(self, message: str, _m) -> Iterator[str]:
        text = DESIGN_PREFIX.sub("", message, count=1)
        text = text[0].upper() + text[1:] if text else message
        result = self.tool_design(text)
        yield from self.show_design(result, f"Here is a design with {len(result.schema.tables)} table(s): "
                                            + ", ".join(t.name for t in result.schema.tables) + ".")

    def do_refine(self, message: str, _m) -> Iterator[str]:
        """A change request: on the connected database when it names something there (proposed for
        approval), else a change of the design (:meth:`tool_refine`)."""
        if self.connection_id is not None and not DESCRIPTION.match(message):
            handled = yield from self.live_request(message)
            if handled:
                return
        schema, changes = self.tool_refine(message)
        summary = ("Updated the design: " + "; ".join(changes) + ".") if changes else \
            "I added that to the requirements, but the design did not change (nothing new was recognized; try " \
            "'add a phone number to customers' or 'Each supplier has a name and an email.')."
        yield from self.show_design(_Designed(schema), summary)

    def live_request(self, message: str) -> Iterator[str]:
        """An English change request for the connected database: evolved, planned, proposed for approval.

        Returns True when the request was about the database (False: it names nothing there, so the
        caller treats it as a design change). The SQL comes from the migration planner, so a dropped
        table or column is kept as a backup table, as ``migrate`` does.
        """
        from ..errors import InputError
        from ..evolve.english import evolve_schema
        from ..evolve.plan import plan_migration

        live, _ = self.tool_get_schema()
        if live is None or not live.tables:
            return False
        try:
            evolution = evolve_schema(live, message)
        except InputError:
            return False
        plan = plan_migration(live, evolution.schema, self.dialect)
        if plan.is_empty:
            yield from self.say("The connected database already looks like that: nothing to change.")
            return True
        if any(p.backfill or p.foreign_keys_off or not p.transactional for p in plan.phases):
            yield from self.say("That change needs the online migration executor (batched backfills or a table "
                                "rebuild): download the migration, or run `schema-architect migrate apply`.")
            return True
        sql = "".join(f"{statement};\n" for phase in plan.phases for statement in phase.up)
        what = "; ".join(c.split("  <-")[0] for c in evolution.changes)
        yield from self.propose(sql, f"To change the connected database ({what}):")
        return True

    @staticmethod
    def _evolve(schema, request: str):
        from ..evolve.english import evolve_schema

        return evolve_schema(schema, request).schema

    def show_design(self, result, summary: str) -> Iterator[str]:
        yield from self.say(summary)
        if result.questions:
            yield from self.say("\n\nOpen questions (I assumed an answer): "
                                + " ".join(f"{q.question} (assumed: {q.assumption})" for q in result.questions))
        self.save_design_version(result.schema)
        yield self.emit("schema", {"source": "design", **schema_view(result.schema, self.dialect or "postgresql")})

    def save_design_version(self, schema) -> None:
        from .resources import add_version

        with self.app.state.sessions.begin() as db:
            conv = db.get(Conversation, self.conversation_id)
            design = db.get(Design, conv.design_id) if conv.design_id else None
            if design is None:
                design = Design(user_id=self.user.id, name=conv.title)
                db.add(design)
                db.flush()
                conv.design_id = design.id
            add_version(db, design, list(self.state.get("requirements", [])), schema)

    def do_describe(self, _message: str, _m) -> Iterator[str]:
        schema, source = self.tool_get_schema()
        if schema is None:
            yield from self.say("There is no design yet and no database connected. Describe your data, e.g. "
                                "'Each customer has a name and an email; a customer places many orders.'")
            return
        where = "The connected database" if source == "live" else "The current design"
        lines = [f"- {t.name} ({', '.join(t.column_names)})" for t in schema.tables]
        yield from self.say(f"{where} has {len(schema.tables)} table(s):\n" + "\n".join(lines))
        yield self.emit("schema", {"source": source, **schema_view(schema, self.dialect or "postgresql")})

    def do_diagram(self, message: str, m) -> Iterator[str]:
        yield from self.do_describe(message, m)

    def do_ddl(self, message: str, _m) -> Iterator[str]:
        schema, source = self.tool_get_schema()
        if schema is None:
            yield from self.say("There is no schema to export yet.")
            return
        lowered = message.lower()
        dialect = next((d for w, d in DIALECT_WORDS.items() if w in lowered), self.dialect or "postgresql")
        view = schema_view(schema, dialect)
        yield from self.say(f"The {dialect} DDL is in the DDL panel ({len(schema.tables)} table(s)).")
        yield self.emit("schema", {"source": source, **view})

    def do_query(self, message: str, _m) -> Iterator[str]:
        result = self.tool_run_query(message.strip().rstrip(";"))
        yield self.emit("result", {"sql": message.strip(), **result})
        yield from self.say(f"{len(result['rows'])} row(s)" + (" (truncated)" if result["truncated"] else "") + ".")

    def do_count(self, _message: str, m) -> Iterator[str]:
        from sqlglot import exp

        from ..sql.dialects import get_dialect

        schema, _ = self.tool_get_schema() if self.connection_id is not None else (None, None)
        if schema is None:
            yield from self.say("Connect a database first: counting needs data.")
            return
        wanted = m.group("what").strip().lower().replace(" ", "_")
        names = {t.name.lower(): t.name for t in schema.tables}
        table = next((names[c] for c in (wanted, wanted + "s", wanted.rstrip("s"), wanted + "es") if c in names), None)
        if table is None:
            yield from self.say(f"There is no table called {wanted!r}; tables: {', '.join(names.values()) or 'none'}.")
            return
        dialect = get_dialect(self.dialect).sqlglot_name
        sql = exp.select(exp.Count(this=exp.Star()).as_("count")).from_(exp.to_table(table)).sql(dialect=dialect)
        result = self.tool_run_query(sql)
        yield self.emit("result", {"sql": sql, **result})
        yield from self.say(f"{table} has {result['rows'][0][0]} row(s).")

    def do_sql_change(self, message: str, _m) -> Iterator[str]:
        yield from self.propose(message.strip(), "This changes the database.")

    def do_drop_table(self, message: str, m) -> Iterator[str]:
        from sqlglot import exp

        from ..sql.dialects import get_dialect

        if self.connection_id is None and self.state.get("schema"):  # no database: it is about the design
            yield from self.do_refine(f"drop table {m.group('table')}", m)
            return
        self.need_connection()
        sql = exp.Drop(tables=[exp.to_table(m.group("table"))], kind="TABLE").sql(
            dialect=get_dialect(self.dialect).sqlglot_name)
        yield from self.propose(sql, f"Dropping {m.group('table')} deletes the table and all its rows.")

    def do_add_column(self, message: str, m) -> Iterator[str]:
        from sqlglot import exp

        from ..sql.dialects import get_dialect

        if self.connection_id is None and self.state.get("schema"):  # no database: it is about the design
            yield from self.do_refine(f"add {m.group('column')} to {m.group('table')}", m)
            return
        self.need_connection()
        try:
            kind = exp.DataType.build(m.group("type") or "VARCHAR(255)")
        except Exception:  # noqa: BLE001 - sqlglot raises ParseError or ValueError for an unknown type
            raise ApiError(400, "invalid_input", f"unknown column type {m.group('type')!r}",
                           "e.g. add column phone VARCHAR(40) to customers") from None
        sql = exp.Alter(this=exp.to_table(m.group("table")), kind="TABLE",
                        actions=[exp.ColumnDef(this=exp.to_identifier(m.group("column")), kind=kind)]
                        ).sql(dialect=get_dialect(self.dialect).sqlglot_name)
        yield from self.propose(sql, f"This adds the column {m.group('column')} to {m.group('table')}.")

    def do_create_tables(self, _message: str, _m) -> Iterator[str]:
        from ..model.jsonform import schema_from_dict
        from ..sql.render import render_ddl

        self.need_connection()
        if not self.state.get("schema"):
            yield from self.say("There is no design yet: describe your data first.")
            return
        ddl = render_ddl(schema_from_dict(self.state["schema"]), self.dialect)
        yield from self.propose(ddl, "These statements create the design's tables in the connected database.")

    def propose(self, sql: str, why: str) -> Iterator[str]:
        proposal = self.tool_ask_confirmation(sql)
        yield from self.say(f"{why} Please review the SQL and approve or deny it.")
        yield self.emit("confirm", proposal)


@dataclass
class _Designed:
    """A schema shown like a design result (an evolved design has no open questions)."""

    schema: object
    questions: list = field(default_factory=list)


class _Req:
    def __init__(self, app):
        self.app = app


def _load(app, user, conversation_id: int) -> tuple[dict, int | None, str | None]:
    with app.state.sessions() as db:
        conv = db.get(Conversation, conversation_id)
        if conv is None or conv.user_id != user.id:
            raise ApiError(404, "not_found", f"conversation {conversation_id} not found")
        dialect = None
        if conv.connection_id is not None:
            conn = db.get(Connection, conv.connection_id)
            dialect = conn.dialect if conn else None
        return json.loads(conv.state or "{}"), conv.connection_id, dialect


def stream_reply(app, user, conversation_id: int, content: str) -> Iterator[str]:
    """The SSE stream for one user message; the exchange is stored when it ends, errors included."""
    state, connection_id, dialect = _load(app, user, conversation_id)
    with app.state.sessions.begin() as db:
        db.add(Message(conversation_id=conversation_id, role="user", content=content))
    turn = Turn(app, user, conversation_id, state, connection_id, dialect)
    try:
        if app.state.llm_config is not None:
            from .llm_chat import run_model

            yield from run_model(turn, content)
        else:
            yield from turn.run_offline(content)
    except ApiError as exc:
        yield turn.emit("error", {"code": exc.code, "message": exc.message, "hint": exc.hint})
    except SchemaArchitectError as exc:
        yield turn.emit("error", as_json(exc)["error"])
    except Exception:  # never a trace to the client; the server log has it
        import logging

        logging.getLogger("schema_architect.app").exception("chat turn failed")
        yield turn.emit("error", {"code": "internal_error", "message": "the assistant failed on this message",
                                  "hint": None})
    with app.state.sessions.begin() as db:
        conv = db.get(Conversation, conversation_id)
        if conv is not None:
            conv.state = json.dumps(turn.state)
            db.add(Message(conversation_id=conversation_id, role="assistant", content="".join(turn.text),
                           data=json.dumps(_stored(turn.data), default=str) if turn.data else None))
    yield sse("done", {})


def _stored(data: dict) -> dict:
    """What history keeps of the events: no confirmation tokens (they are single-use secrets)."""
    out = dict(data)
    if "confirm" in out:
        out["confirm"] = [{k: v for k, v in c.items() if k != "confirmation_token"} for c in out["confirm"]]
    return out
