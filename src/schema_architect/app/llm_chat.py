"""The chat with a configured model: streamed chat completions with tool calling.

The model sees six tools: two that design (the offline engine designs from the requirements the model
passes on, and refines that design) and four that read or change the connected database. The server runs them with the same code as the offline router and the
REST routes (:mod:`.actions`), so the model gets no power the user does not have, and less: the
confirmation token of a proposed change goes to the page only, never back to the model, so
``execute_change`` can succeed only with a token the user approved in the dialog.

A stream that ends without a finish reason (the model server dropped the connection) is reported as
an ``llm_stream_interrupted`` error; tool calls arrive whole at the end of a stream, so a cut stream
never runs a tool.
"""

from __future__ import annotations

import json
from collections.abc import Iterator

from ..errors import SchemaArchitectError
from .errors import ApiError
from .models import Message

MAX_ROUNDS = 6
HISTORY = 20

SYSTEM = (
    "You are Schema Architect, an assistant that designs relational databases and helps people look at and "
    "change their own database safely. To design a database from a description of the user's data, call "
    "design_schema with the requirements in the user's words (complete sentences about the things, their details "
    "and how they relate); to change that design, call refine_design. Designing never touches a database: to "
    "create a design's tables, call ask_for_confirmation with its DDL. "
    "Use get_database_schema before answering questions about the database. "
    "Use run_read_only_query for questions about the data (one SELECT). To change the database, call "
    "ask_for_confirmation with the exact SQL: the user approves or denies it in the page, and the server runs it "
    "only after approval. Never claim a change ran unless the user approved it."
)


def _function(name: str, description: str, properties: dict, required: list[str]) -> dict:
    return {"type": "function", "function": {"name": name, "description": description,
                                             "parameters": {"type": "object", "properties": properties,
                                                            "required": required}}}


_SQL = {"type": "string", "description": "the SQL text"}
TOOLS = [
    _function("design_schema", "Design a normalized schema from requirements in plain English (replaces the "
              "conversation's design; changes no database). Returns the tables, open questions and the DDL.",
              {"requirements": {"type": "string", "description": "the requirements, as sentences"}}, ["requirements"]),
    _function("refine_design", "Change the current design: a sentence describing more data ('Each supplier has a "
              "name.') or a request ('add a phone number to customers'). Changes no database.",
              {"request": {"type": "string"}}, ["request"]),
    _function("get_database_schema", "The tables of the connected database (or of the current design) as DDL.", {}, []),
    _function("run_read_only_query", "Run exactly one read-only SELECT on the connected database.", {"sql": _SQL},
              ["sql"]),
    _function("ask_for_confirmation", "Show SQL that changes the database to the user for approval.",
              {"sql": _SQL, "reason": {"type": "string"}}, ["sql"]),
    _function("execute_change", "Run approved SQL; needs the confirmation token the user approved.",
              {"sql": _SQL, "confirmation_token": {"type": "string"}}, ["sql", "confirmation_token"]),
]


def _history(turn, content: str) -> list[dict]:
    from sqlalchemy import select

    with turn.app.state.sessions() as db:
        rows = db.execute(select(Message).where(Message.conversation_id == turn.conversation_id)
                          .order_by(Message.id.desc()).limit(HISTORY + 1)).scalars().all()
    past = [{"role": m.role, "content": m.content} for m in reversed(rows[1:]) if m.content]  # rows[0]: this message
    return [{"role": "system", "content": SYSTEM}, *past, {"role": "user", "content": content}]


def run_model(turn, content: str) -> Iterator[str]:
    import openai

    cfg = turn.app.state.llm_config
    client = openai.OpenAI(api_key=cfg.api_key(), base_url=cfg.base_url or None, timeout=cfg.timeout, max_retries=0)
    messages = _history(turn, content)
    for _ in range(MAX_ROUNDS):
        text, calls, finish = "", {}, None
        try:
            stream = client.chat.completions.create(model=cfg.model, messages=messages, tools=TOOLS, stream=True,
                                                    temperature=cfg.temperature)
            for chunk in stream:
                if not chunk.choices:
                    continue
                choice = chunk.choices[0]
                delta = choice.delta
                if delta and delta.content:
                    text += delta.content
                    yield from turn.say(delta.content)
                for tc in (delta.tool_calls or []) if delta else []:
                    acc = calls.setdefault(tc.index, {"id": None, "name": "", "arguments": ""})
                    acc["id"] = tc.id or acc["id"]
                    if tc.function and tc.function.name:
                        acc["name"] += tc.function.name
                    if tc.function and tc.function.arguments:
                        acc["arguments"] += tc.function.arguments
                finish = choice.finish_reason or finish
        except openai.APIStatusError as exc:
            raise ApiError(502, "llm_error", f"the model server answered HTTP {exc.status_code}",
                           "check the model name and the server; the offline assistant works without a model") from None
        except (openai.APIError, OSError) as exc:
            raise _interrupted(f"the model server connection failed ({type(exc).__name__})") from None
        if finish is None:
            raise _interrupted("the model stopped answering mid-stream")
        if not calls:
            return
        ordered = [calls[i] for i in sorted(calls)]
        messages.append({"role": "assistant", "content": text or None, "tool_calls": [
            {"id": c["id"] or f"call_{i}", "type": "function", "function": {"name": c["name"], "arguments": c["arguments"]}}
            for i, c in enumerate(ordered)]})
        waiting = False
        for i, call in enumerate(ordered):
            outcome, events = _run_tool(turn, call)
            yield from events
            waiting = waiting or call["name"] == "ask_for_confirmation" and "error" not in outcome
            messages.append({"role": "tool", "tool_call_id": call["id"] or f"call_{i}",
                             "content": json.dumps(outcome, default=str)})
        if waiting:  # the user decides in the dialog; the turn ends here
            return
    yield from turn.say("\n(Stopped after too many tool calls.)")


def _interrupted(message: str) -> ApiError:
    return ApiError(502, "llm_stream_interrupted", f"{message}; nothing was run",
                    "try again, or use the offline assistant (start the server without a model)")


def _run_tool(turn, call: dict) -> tuple[dict, list[str]]:
    """The tool's result for the model, and the events for the page."""
    try:
        args = json.loads(call["arguments"] or "{}")
    except ValueError:
        args = None
    if not isinstance(args, dict):
        return {"error": "the arguments are not a JSON object"}, []
    name = call["name"]
    try:
        if name in ("design_schema", "refine_design"):
            return _design_tool(turn, name, args)
        if name == "get_database_schema":
            from ..sql.render import render_ddl
            from .schemas import schema_view

            schema, source = turn.tool_get_schema()
            if schema is None:
                return {"error": "no database is connected and there is no design yet"}, []
            view = schema_view(schema, turn.dialect or "postgresql")
            return ({"source": source, "ddl": render_ddl(schema, turn.dialect or "postgresql")},
                    [turn.emit("schema", {"source": source, **view})])
        if name == "run_read_only_query":
            result = turn.tool_run_query(str(args.get("sql", "")))
            return result, [turn.emit("result", {"sql": args.get("sql"), **result})]
        if name == "ask_for_confirmation":
            proposal = turn.tool_ask_confirmation(str(args.get("sql", "")))
            shown = {k: v for k, v in proposal.items() if k != "confirmation_token"}  # the token is the user's
            return ({"status": "shown to the user for approval; it runs only if they approve", **shown},
                    [turn.emit("confirm", proposal)])
        if name == "execute_change":
            result = turn.tool_execute_change(str(args.get("sql", "")), str(args.get("confirmation_token", "")))
            return result, []
        return {"error": f"unknown tool {name!r}"}, []
    except ApiError as exc:
        return {"error": exc.message, "code": exc.code}, [turn.emit("error", {"code": exc.code, "message": exc.message,
                                                                               "hint": exc.hint})]
    except SchemaArchitectError as exc:
        from .errors import as_json

        body = as_json(exc)["error"]
        return {"error": body["message"], "code": body["code"]}, [turn.emit("error", body)]


def _design_tool(turn, name: str, args: dict) -> tuple[dict, list[str]]:
    """design_schema / refine_design: the design becomes the conversation's (a new version is saved and the
    page shows it); the model gets what it needs to talk about it."""
    from ..sql.render import render_ddl
    from .schemas import schema_view

    if name == "design_schema":
        result = turn.tool_design(str(args.get("requirements", "")))
        schema, questions, changes = result.schema, result.questions, None
    else:
        schema, changes = turn.tool_refine(str(args.get("request", "")))
        questions = []
    turn.save_design_version(schema)
    dialect = turn.dialect or "postgresql"
    outcome = {"tables": {t.name: t.column_names for t in schema.tables},
               "ddl": render_ddl(schema, dialect), "dialect": dialect}
    if questions:
        outcome["open_questions"] = [{"question": q.question, "assumed": q.assumption} for q in questions]
    if changes is not None:
        outcome["changes"] = changes or ["nothing changed: no new thing or detail was recognized"]
    return outcome, [turn.emit("schema", {"source": "design", **schema_view(schema, dialect)})]
