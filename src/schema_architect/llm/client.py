"""A chat-completions client for any OpenAI-compatible endpoint, built on the ``openai`` SDK.

What it adds to the SDK:
* retries with exponential backoff and jitter on 429, 5xx, timeouts and dropped connections, honouring
  ``Retry-After`` (our own loop rather than the SDK's, so every attempt is recorded);
* structured output: a pydantic model validated from the reply, with up to 3 repair rounds in which
  the model is shown its validation error;
* token and cost accounting per call, summed per client (one client per design);
* errors a person can act on (no key, wrong URL, unknown model) as :class:`LLMError` with a hint to
  use the offline engine.
"""

from __future__ import annotations

import json
import random
import re
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from pydantic import BaseModel, ValidationError

from ..errors import SchemaArchitectError
from .config import LLMConfig

T = TypeVar("T", bound=BaseModel)

OFFLINE_HINT = "check --llm-base-url/--model/--api-key-env, or use the offline engine (--engine offline)"


class LLMError(SchemaArchitectError):
    """The model could not be reached or used."""

    exit_code = 4


class LLMOutputError(LLMError):
    """The model kept answering something that is not the requested structure."""


@dataclass
class CallRecord:
    """One HTTP round trip to the model (retries of a failed attempt are separate records)."""

    role: str | None
    model: str
    prompt_tokens: int
    completion_tokens: int
    seconds: float
    attempt: int
    ok: bool
    error: str | None = None
    cost: float | None = None


@dataclass
class Completion:
    text: str
    prompt_tokens: int
    completion_tokens: int
    tool_calls: list[dict] = field(default_factory=list)
    finish_reason: str | None = None


@dataclass
class Usage:
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    cost: float | None = None

    @property
    def total_tokens(self) -> int:
        return self.prompt_tokens + self.completion_tokens


class LLMClient:
    def __init__(self, config: LLMConfig, *, sleep: Callable[[float], None] = time.sleep):
        if not config.model:
            raise LLMError("no model configured", hint="pass --model NAME (and --llm-base-url for a local server), "
                           "or use the offline engine (--engine offline)")
        import openai

        self.config = config
        self._openai = openai
        self._sleep = sleep
        self._sdk = openai.OpenAI(
            api_key=config.api_key(),
            base_url=config.base_url or None,
            timeout=config.timeout,
            max_retries=0,  # our loop below retries, so each attempt is visible in the ledger
        )
        self.ledger: list[CallRecord] = []

    # -- accounting -------------------------------------------------------------------------------
    def usage(self) -> Usage:
        u = Usage()
        costs = []
        for r in self.ledger:
            u.prompt_tokens += r.prompt_tokens
            u.completion_tokens += r.completion_tokens
            u.calls += 1
            if r.cost is not None:
                costs.append(r.cost)
        u.cost = sum(costs) if costs else None
        return u

    # -- plain completion -------------------------------------------------------------------------
    def complete(self, messages: list[dict], *, role: str | None = None, tools: list[dict] | None = None,
                 json_mode: bool | None = None) -> Completion:
        """One chat completion, retried on transient failures."""
        cfg = self.config
        kwargs: dict[str, Any] = {"model": cfg.model, "messages": messages, "temperature": cfg.temperature}
        if tools:
            kwargs["tools"] = tools
        if json_mode if json_mode is not None else cfg.json_mode:
            kwargs["response_format"] = {"type": "json_object"}
        o = self._openai
        attempt = 0
        while True:
            attempt += 1
            started = time.perf_counter()
            try:
                resp = self._sdk.chat.completions.create(**kwargs)
            except (o.RateLimitError, o.InternalServerError, o.APITimeoutError, o.APIConnectionError) as exc:
                self._record(role, 0, 0, started, attempt, ok=False, error=_describe(exc))
                if attempt > cfg.max_retries:
                    raise self._give_up(exc, attempt) from None
                self._sleep(self._backoff(attempt, exc))
                continue
            except o.APIStatusError as exc:
                self._record(role, 0, 0, started, attempt, ok=False, error=_describe(exc))
                raise self._fatal(exc) from None
            usage = getattr(resp, "usage", None)
            pt = int(getattr(usage, "prompt_tokens", 0) or 0)
            ct = int(getattr(usage, "completion_tokens", 0) or 0)
            self._record(role, pt, ct, started, attempt, ok=True)
            if not getattr(resp, "choices", None):
                raise LLMOutputError("the model returned no choices", hint=OFFLINE_HINT)
            choice = resp.choices[0]
            msg = choice.message
            calls = [
                {"id": tc.id, "name": tc.function.name, "arguments": tc.function.arguments}
                for tc in (getattr(msg, "tool_calls", None) or [])
            ]
            return Completion(text=msg.content or "", prompt_tokens=pt, completion_tokens=ct, tool_calls=calls,
                              finish_reason=choice.finish_reason)

    # -- structured output ------------------------------------------------------------------------
    def structured(self, messages: list[dict], model_cls: type[T], *, role: str | None = None,
                   max_repairs: int = 3) -> tuple[T, Completion]:
        """Ask for JSON matching ``model_cls``; on invalid output show the error and ask again (3 times)."""
        convo = list(messages)
        last_error = ""
        for repair in range(max_repairs + 1):
            reply = self.complete(convo, role=role)
            try:
                return model_cls.model_validate(extract_json(reply.text)), reply
            except (ValueError, ValidationError) as exc:
                last_error = _short_validation_error(exc)
                if repair == max_repairs:
                    break
                convo = convo + [
                    {"role": "assistant", "content": reply.text},
                    {"role": "user", "content": (
                        f"Your reply could not be used: {last_error}\n"
                        "Reply again with only one JSON object that matches the requested format, no prose.")},
                ]
        raise LLMOutputError(
            f"the model's {role or 'reply'} was not valid JSON for {model_cls.__name__} after "
            f"{max_repairs} repair attempts: {last_error}",
            hint="try a stronger model, or use the offline engine (--engine offline)",
        )

    # -- internals --------------------------------------------------------------------------------
    def _record(self, role, pt, ct, started, attempt, *, ok, error=None) -> None:
        self.ledger.append(CallRecord(
            role=role, model=self.config.model or "", prompt_tokens=pt, completion_tokens=ct,
            seconds=time.perf_counter() - started, attempt=attempt, ok=ok, error=error,
            cost=self.config.cost(pt, ct) if ok else None,
        ))

    def _backoff(self, attempt: int, exc: Exception) -> float:
        retry_after = None
        response = getattr(exc, "response", None)
        if response is not None:
            try:
                retry_after = float(response.headers.get("retry-after"))
            except (TypeError, ValueError):
                retry_after = None
        delay = self.config.backoff_base * (2 ** (attempt - 1))
        delay = delay * (1 + random.random() * 0.25)
        if retry_after is not None:
            delay = max(delay, retry_after)
        return min(delay, self.config.backoff_max)

    def _where(self) -> str:
        return self.config.base_url or "OpenAI"

    def _give_up(self, exc: Exception, attempts: int) -> LLMError:
        o = self._openai
        if isinstance(exc, o.APITimeoutError):
            what = f"the model did not answer within {self.config.timeout:g} s"
        elif isinstance(exc, o.APIConnectionError):
            what = "cannot connect to the model server"
        elif isinstance(exc, o.RateLimitError):
            what = "the model server kept answering 429 (rate limited)"
        else:
            what = f"the model server kept failing ({_describe(exc)})"
        return LLMError(f"{what} after {attempts} attempt(s)", where=self._where(), hint=OFFLINE_HINT)

    def _fatal(self, exc: Exception) -> LLMError:
        o = self._openai
        if isinstance(exc, (o.AuthenticationError, o.PermissionDeniedError)):
            what = "the model server refused the API key"
        elif isinstance(exc, o.NotFoundError):
            what = f"the model server does not know model {self.config.model!r} (or the URL is wrong)"
        else:
            what = f"the model server rejected the request: {_describe(exc)}"
        return LLMError(what, where=self._where(), hint=OFFLINE_HINT)


def _describe(exc: Exception) -> str:
    status = getattr(exc, "status_code", None)
    text = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    return f"HTTP {status}: {text}"[:200] if status else text[:200]


_FENCE = re.compile(r"```(?:json)?\s*(.*?)```", re.DOTALL)


def extract_json(text: str) -> Any:
    """The JSON value in a reply, tolerating code fences and prose around one object."""
    candidates = [m.group(1) for m in _FENCE.finditer(text)] + [text]
    for c in candidates:
        c = c.strip()
        try:
            return json.loads(c)
        except json.JSONDecodeError:
            pass
        start, end = c.find("{"), c.rfind("}")
        if 0 <= start < end:
            try:
                return json.loads(c[start:end + 1])
            except json.JSONDecodeError:
                pass
    raise ValueError("the reply contains no JSON object")


def _short_validation_error(exc: Exception) -> str:
    if isinstance(exc, ValidationError):
        parts = []
        for e in exc.errors()[:5]:
            loc = ".".join(str(p) for p in e["loc"]) or "(root)"
            parts.append(f"{loc}: {e['msg']}")
        return "; ".join(parts)
    return str(exc)
