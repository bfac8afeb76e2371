"""Run the enabled rules over a schema and collect their findings."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ...model import Schema
from .config import LintConfig
from .registry import Finding, Rule, Severity, all_rules


@dataclass
class RuleContext:
    """What a rule sees besides the schema: its options, the dialect, the naming settings."""

    rule: Rule
    severity: Severity
    options: dict[str, Any]
    config: LintConfig

    @property
    def dialect(self) -> str:
        return self.config.dialect

    def finding(self, message: str, *, table: str | None = None, column: str | None = None,
                fix_sql: str | None = None, detail: str | None = None, tags: tuple[str, ...] = (),
                index: str | None = None) -> Finding:
        return Finding(self.rule.id, self.severity, message, table=table, column=column,
                       fix_sql=fix_sql, detail=detail, tags=tags, index=index)


@dataclass
class LintReport:
    findings: list[Finding]
    rules_run: list[Rule]
    config: LintConfig
    source: str | None = None
    schema: Schema | None = None

    def count(self, severity: Severity) -> int:
        return sum(1 for f in self.findings if f.severity is severity)

    def fails(self, threshold: Severity | str | None) -> bool:
        """True when a finding is at or above ``threshold`` (the --fail-on level)."""
        if threshold is None:
            return False
        level = Severity(threshold).rank
        return any(f.severity.rank >= level for f in self.findings)

    def summary(self) -> str:
        return (f"{len(self.findings)} finding(s): {self.count(Severity.ERROR)} error(s), "
                f"{self.count(Severity.WARNING)} warning(s), {self.count(Severity.INFO)} info")


def lint_schema(schema: Schema, config: LintConfig | None = None, *, source: str | None = None,
                only: set[str] | None = None) -> LintReport:
    """Every finding of every enabled rule (or of the rules in ``only``), ordered by table then rule."""
    config = config or LintConfig()
    findings: list[Finding] = []
    ran: list[Rule] = []
    for r in all_rules().values():
        setting = config.setting(r)
        if only is not None:
            if r.id not in only:
                continue
        elif not setting.enabled:
            continue
        ran.append(r)
        ctx = RuleContext(r, setting.severity, setting.options, config)
        findings.extend(r.check(schema, ctx))
    order = {t.name: i for i, t in enumerate(schema.tables)}
    findings.sort(key=lambda f: (order.get(f.table or "", -1), f.rule_id, f.column or ""))
    return LintReport(findings, ran, config, source=source, schema=schema)
