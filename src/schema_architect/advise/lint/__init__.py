"""The best-practice validator: rules with ids, severities, rationales and suggested fixes.

    >>> from schema_architect.advise.lint import lint_schema
    >>> report = lint_schema(schema)            # doctest: +SKIP
    >>> report.findings[0].rule_id              # doctest: +SKIP
    'SA201'
"""

from .config import LintConfig, load_config, parse_config
from .engine import LintReport, lint_schema
from .registry import Finding, Rule, Severity, all_rules

__all__ = [
    "Finding",
    "LintConfig",
    "LintReport",
    "Rule",
    "Severity",
    "all_rules",
    "lint_schema",
    "lint_source",
    "load_config",
    "parse_config",
]


def lint_source(source: str, config: LintConfig | None = None, *, dialect: str | None = None,
                only: set[str] | None = None) -> LintReport:
    """Lint a DDL file, schema JSON or database URL; findings from DDL files carry line numbers."""
    from ...sources import is_database_url, load_schema, read_text
    from .locate import locate_findings

    config = config or LintConfig()
    schema = load_schema(source, dialect=dialect)
    report = lint_schema(schema, config, source=source, only=only)
    if not is_database_url(source) and not source.endswith(".json"):
        report.findings = locate_findings(report.findings, read_text(source))
    return report
