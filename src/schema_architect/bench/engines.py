"""Schema generators the benchmark can run, plugged in by name.

The interface is deliberately small: an engine has a ``name`` and ``design(text)`` that takes the
requirement text and returns a :class:`~schema_architect.model.Schema` (or an :class:`EngineResult`
when it has token counts or other metadata to report). Engines register by adding one entry to
:data:`ENGINES` ("name": "module:factory"); the module is imported only when the engine is used, so
heavy engines (language-model clients, parsers) cost nothing until chosen.

Oracle engines that need more than the text (``gold`` returns the case's reference) implement the
optional ``design_case(case)`` instead; the runner prefers it when present. Real engines must not.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from typing import Protocol, runtime_checkable

from ..errors import InputError
from ..model import Schema

# name -> "module:factory". The factory is called with no arguments and returns an Engine.
ENGINES: dict[str, str] = {
    "gold": "schema_architect.bench.engines:GoldEngine",
    "baseline": "schema_architect.bench.baseline:BaselineEngine",
    "offline": "schema_architect.design.engine:OfflineEngine",
    # the LLM engines add their line here when they land
    "agents": "schema_architect.agents.engine:AgentsEngine",
    "hybrid": "schema_architect.agents.engine:HybridEngine",
    "oneshot": "schema_architect.agents.engine:OneShotEngine",
    "oneshot-cot": "schema_architect.agents.engine:OneShotCoTEngine",
    "fewshot": "schema_architect.agents.engine:FewShotEngine",
}


@dataclass
class EngineResult:
    schema: Schema
    prompt_tokens: int | None = None
    completion_tokens: int | None = None
    metadata: dict = field(default_factory=dict)


@runtime_checkable
class Engine(Protocol):
    name: str

    def design(self, text: str) -> Schema | EngineResult: ...


def register_engine(name: str, target: str) -> None:
    """Make ``name`` resolve to ``target`` ("package.module:factory") for this process."""
    if ":" not in target:
        raise ValueError("target must look like 'package.module:factory'")
    ENGINES[name] = target


def engine_names() -> list[str]:
    return sorted(ENGINES)


def load_engine(name: str) -> Engine:
    target = ENGINES.get(name)
    if target is None:
        raise InputError(f"unknown engine {name!r}", hint=f"known engines: {', '.join(engine_names())}")
    module_name, _, attr = target.partition(":")
    try:
        factory = getattr(importlib.import_module(module_name), attr)
    except (ImportError, AttributeError) as exc:
        raise InputError(
            f"engine {name!r} is registered as {target} but cannot be loaded: {exc}",
            hint="is the package that provides it installed and up to date?",
        ) from None
    engine = factory()
    if not isinstance(engine, Engine):
        raise InputError(f"engine {name!r} ({target}) has no design(text) method")
    return engine


def as_result(value: Schema | EngineResult) -> EngineResult:
    if isinstance(value, EngineResult):
        return value
    if isinstance(value, Schema):
        return EngineResult(schema=value)
    raise TypeError(f"an engine must return a Schema or an EngineResult, not {type(value).__name__}")


class GoldEngine:
    """Returns the case's reference design (typed from its DDL when it has one): the sanity check."""

    name = "gold"

    def design(self, text: str) -> Schema:
        raise InputError("the gold engine answers benchmark cases only (it needs the case's reference)")

    def design_case(self, case) -> EngineResult:
        from .reference import reference_model

        ref = reference_model(case)
        return EngineResult(schema=ref.schema, metadata={"typed": ref.typed} | ({"note": ref.note} if ref.note else {}))
