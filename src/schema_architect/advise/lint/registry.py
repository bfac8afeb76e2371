"""Rules, findings and the registry every rule module adds itself to.

A rule is a function ``check(schema, ctx) -> Iterable[Finding]`` plus its metadata (id, name,
default severity, rationale, tunable options). Rule modules register with :func:`rule`; the
registry is the single list the linter, the config file, the SARIF output and the tests read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from enum import Enum
from typing import Any


class Severity(str, Enum):
    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        return {"error": 3, "warning": 2, "info": 1}[self.value]


@dataclass(frozen=True)
class Finding:
    rule_id: str
    severity: Severity
    message: str
    table: str | None = None
    column: str | None = None
    fix_sql: str | None = None
    detail: str | None = None  # longer explanation specific to this finding (e.g. the FD and its 3NF fix)
    tags: tuple[str, ...] = ()
    line: int | None = None  # filled in when the schema came from a DDL file
    index: str | None = None  # the index the finding is about (to locate its CREATE INDEX line)

    @property
    def where(self) -> str:
        if self.table and self.column:
            return f"{self.table}.{self.column}"
        return self.table or "(schema)"

    def to_dict(self) -> dict[str, Any]:
        d = {
            "rule": self.rule_id,
            "severity": self.severity.value,
            "message": self.message,
            "table": self.table,
            "column": self.column,
            "fix_sql": self.fix_sql,
            "detail": self.detail,
            "tags": list(self.tags),
            "line": self.line,
            "index": self.index,
        }
        return {k: v for k, v in d.items() if v not in (None, [], ())}


@dataclass
class Rule:
    id: str
    name: str
    severity: Severity
    summary: str
    rationale: str
    check: Callable[..., Iterable[Finding]]
    options: dict[str, Any] = field(default_factory=dict)  # tunable through the config file
    enabled_by_default: bool = True
    family: str = ""


RULES: dict[str, Rule] = {}


def rule(
    id: str,
    name: str,
    severity: str,
    summary: str,
    rationale: str,
    *,
    options: dict[str, Any] | None = None,
    enabled: bool = True,
) -> Callable:
    """Decorator registering a check function as a rule."""

    def wrap(fn: Callable) -> Callable:
        if id in RULES:
            raise RuntimeError(f"rule id {id} registered twice")
        RULES[id] = Rule(
            id=id,
            name=name,
            severity=Severity(severity),
            summary=summary,
            rationale=rationale,
            check=fn,
            options=dict(options or {}),
            enabled_by_default=enabled,
            family=fn.__module__.rsplit(".", 1)[-1],
        )
        return fn

    return wrap


def all_rules() -> dict[str, Rule]:
    """Every registered rule, importing the rule modules on first use."""
    from . import rules  # noqa: F401  (imports register the rules)

    return RULES
