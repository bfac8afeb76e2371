"""JSON errors with stable codes: ``{"error": {"code", "message", "hint"}}``, never a stack trace."""

from __future__ import annotations

import logging

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import DatabaseError, DDLParseError, InputError, ModelError, SchemaArchitectError

log = logging.getLogger("schema_architect.app")


class ApiError(Exception):
    def __init__(self, status: int, code: str, message: str, hint: str | None = None):
        super().__init__(message)
        self.status, self.code, self.message, self.hint = status, code, message, hint


def error_body(code: str, message: str, hint: str | None = None) -> dict:
    return {"error": {"code": code, "message": message, "hint": hint}}


def error_response(status: int, code: str, message: str, hint: str | None = None) -> JSONResponse:
    return JSONResponse(error_body(code, message, hint), status_code=status)


def classify(exc: SchemaArchitectError) -> tuple[int, str]:
    """HTTP status and stable code for one of the project's user-facing errors."""
    code = getattr(exc, "code", None)  # the safety layer's errors carry their own code
    if code == "confirmation_invalid":
        return 403, code
    if code:
        return 400, code
    message = exc.message.lower()
    if isinstance(exc, DatabaseError):
        if "cannot connect" in message or "could not connect" in message or "unable to open" in message:
            return 502, "database_unreachable"
        return 400, "database_error"
    if isinstance(exc, DDLParseError):
        return 400, "ddl_parse_error"
    if isinstance(exc, ModelError):
        return 400, "invalid_schema"
    if isinstance(exc, InputError) and "unknown sql dialect" in message:
        return 400, "invalid_dialect"
    if type(exc).__name__.startswith("LLM"):
        return 502, "llm_error"
    return 400, "invalid_input"


def as_json(exc: SchemaArchitectError) -> dict:
    status, code = classify(exc)
    return {"status": status, **error_body(code, exc.one_line(), exc.hint)}


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(ApiError)
    async def _api_error(_request: Request, exc: ApiError):
        return error_response(exc.status, exc.code, exc.message, exc.hint)

    @app.exception_handler(SchemaArchitectError)
    async def _project_error(_request: Request, exc: SchemaArchitectError):
        status, code = classify(exc)
        return error_response(status, code, exc.one_line(), exc.hint)

    @app.exception_handler(RequestValidationError)
    async def _validation(_request: Request, exc: RequestValidationError):
        errors = exc.errors()
        if any(e.get("type") == "json_invalid" for e in errors):
            return error_response(400, "invalid_json", "the request body is not valid JSON",
                                  "send a JSON object with Content-Type: application/json")
        first = errors[0] if errors else {}
        where = ".".join(str(p) for p in first.get("loc", ()) if p != "body")
        more = f" (and {len(errors) - 1} more)" if len(errors) > 1 else ""
        return error_response(422, "validation_error", f"{where or 'body'}: {first.get('msg', 'invalid')}{more}",
                              "see the request schema at /docs")

    @app.exception_handler(StarletteHTTPException)
    async def _http(_request: Request, exc: StarletteHTTPException):
        codes = {401: "unauthorized", 403: "forbidden", 404: "not_found", 405: "method_not_allowed",
                 413: "payload_too_large"}
        return error_response(exc.status_code, codes.get(exc.status_code, "http_error"), str(exc.detail))

    @app.exception_handler(Exception)
    async def _unexpected(_request: Request, exc: Exception):
        log.exception("unexpected error")  # the trace goes to the server log, never to the client
        return error_response(500, "internal_error", "the server failed on this request; it has been logged")


class BodySizeLimit:
    """ASGI middleware: refuse request bodies above ``limit`` bytes with 413 before any route runs."""

    def __init__(self, app, limit: int):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.limit:
            return await self._too_large(scope, receive, send)
        chunks, size = [], 0
        while True:  # buffer (at most ``limit`` bytes) so a chunked upload is bounded too
            message = await receive()
            if message["type"] != "http.request":
                break
            size += len(message.get("body", b""))
            if size > self.limit:
                return await self._too_large(scope, receive, send)
            chunks.append(message.get("body", b""))
            if not message.get("more_body"):
                break
        body = b"".join(chunks)
        sent = False

        async def replay():
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        return await self.app(scope, replay, send)

    async def _too_large(self, scope, receive, send):
        response = error_response(413, "payload_too_large", f"the request body is larger than {self.limit:,} bytes",
                                  "send less data per request")
        await response(scope, receive, send)
