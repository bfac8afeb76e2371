"""The lint configuration: which rules run, at what severity, with which options.

Read from YAML or TOML (``.schema-architect-lint.yaml`` / ``.toml`` by default)::

    dialect: postgresql          # reserved words and limits to check against
    naming:
      case: snake_case           # snake_case | camelCase | PascalCase
      tables: singular           # singular | plural | any
    rules:
      SA105: off                 # disable a rule
      SA501: {enabled: true, severity: warning, columns: [created_at, updated_at]}
      SA502: {max_columns: 40}
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ...errors import InputError
from .registry import Rule, Severity

DEFAULT_CONFIG_NAMES = (".schema-architect-lint.yaml", ".schema-architect-lint.yml", ".schema-architect-lint.toml")
NAMING_CASES = ("snake_case", "camelCase", "PascalCase")
TABLE_NUMBERS = ("singular", "plural", "any")
DIALECTS = ("postgresql", "mysql", "sqlite", "sqlserver", "oracle")


@dataclass
class RuleSetting:
    enabled: bool
    severity: Severity
    options: dict[str, Any]


@dataclass
class LintConfig:
    dialect: str = "postgresql"
    naming_case: str = "snake_case"
    table_number: str = "singular"
    rules: dict[str, dict[str, Any]] = field(default_factory=dict)  # raw per-rule settings from the file
    source: str | None = None

    def setting(self, r: Rule) -> RuleSetting:
        raw = self.rules.get(r.id) or self.rules.get(r.name) or {}
        options = dict(r.options)
        options.update({k: v for k, v in raw.items() if k not in ("enabled", "severity")})
        return RuleSetting(
            enabled=bool(raw.get("enabled", r.enabled_by_default)),
            severity=Severity(raw.get("severity", r.severity.value)),
            options=options,
        )


def parse_config(data: Any, *, where: str = "lint config") -> LintConfig:
    """A :class:`LintConfig` from the parsed YAML/TOML mapping, with every mistake reported."""
    from .registry import all_rules

    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise InputError("the lint config must be a mapping", where=where, hint="see `schema-architect lint --help`")
    unknown = set(data) - {"dialect", "naming", "rules"}
    if unknown:
        raise InputError(f"unknown key(s) {', '.join(sorted(unknown))}", where=where,
                         hint="top-level keys are dialect, naming and rules")
    cfg = LintConfig(source=where)
    if "dialect" in data:
        cfg.dialect = _choice(data["dialect"], DIALECTS, f"{where}: dialect")
    naming = data.get("naming") or {}
    if not isinstance(naming, dict):
        raise InputError("naming must be a mapping", where=where)
    if "case" in naming:
        cfg.naming_case = _choice(naming["case"], NAMING_CASES, f"{where}: naming.case")
    if "tables" in naming:
        cfg.table_number = _choice(naming["tables"], TABLE_NUMBERS, f"{where}: naming.tables")
    rules = all_rules()
    by_name = {r.name: r.id for r in rules.values()}
    for key, value in (data.get("rules") or {}).items():
        rid = key if key in rules else by_name.get(key)
        if rid is None:
            raise InputError(f"unknown rule {key!r}", where=where, hint="`schema-architect lint --list-rules` shows them")
        if value is False or value == "off":
            value = {"enabled": False}
        elif value is True or value == "on":
            value = {"enabled": True}
        elif isinstance(value, str) and value in ("error", "warning", "info"):
            value = {"enabled": True, "severity": value}
        if not isinstance(value, dict):
            raise InputError(f"rule {key}: expected off/on, a severity or a mapping", where=where)
        if "severity" in value:
            _choice(value["severity"], ("error", "warning", "info"), f"{where}: rules.{key}.severity")
        allowed = set(rules[rid].options) | {"enabled", "severity"}
        bad = set(value) - allowed
        if bad:
            raise InputError(f"rule {key}: unknown option(s) {', '.join(sorted(bad))}", where=where,
                             hint=f"options of {rid}: {', '.join(sorted(allowed))}")
        cfg.rules[rid] = value
    return cfg


def load_config(path: str | Path | None = None, *, search_dir: Path | None = None) -> LintConfig:
    """The config at ``path``; else a default-named file in ``search_dir`` (cwd); else defaults."""
    if path is None:
        base = search_dir or Path.cwd()
        path = next((base / n for n in DEFAULT_CONFIG_NAMES if (base / n).is_file()), None)
        if path is None:
            return LintConfig()
    p = Path(path)
    if not p.is_file():
        raise InputError(f"lint config not found: {p}", hint="check the --config path")
    text = p.read_text(encoding="utf-8")
    try:
        if p.suffix == ".toml":
            import tomllib

            data = tomllib.loads(text)
        else:
            import yaml

            data = yaml.safe_load(text)
    except Exception as exc:  # the YAML/TOML libraries' own errors name line and column
        raise InputError(f"cannot read lint config: {exc}".splitlines()[0], where=str(p)) from None
    return parse_config(data, where=str(p))


def _choice(value: Any, allowed: tuple[str, ...], where: str) -> str:
    if value not in allowed:
        raise InputError(f"{value!r} is not one of {', '.join(allowed)}", where=where)
    return value
