"""A workload: the queries a database serves, read from a SQL file, a PostgreSQL log or
``pg_stat_statements``, deduplicated by fingerprint and parsed once per fingerprint with sqlglot.

Bad input is counted, never fatal: a statement that does not parse is skipped with the parser's
reason and its location, so one odd line in a log does not sink the advice for the rest.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import InputError

# PostgreSQL log lines: "... LOG:  statement: SELECT ..." and "... LOG:  duration: 1.2 ms  statement: ...".
_LOG_STATEMENT = re.compile(r"(?:LOG|STATEMENT):\s+(?:duration:\s+([\d.]+)\s+ms\s+)?(?:statement|execute [^:]*):\s?(.*)$")
_LOG_PREFIXED = re.compile(r"^\S.*?(?:LOG|ERROR|STATEMENT|DETAIL|HINT|WARNING|FATAL):\s")
_PARAM = re.compile(r"\$\d+")


@dataclass
class RawStatement:
    text: str
    location: str  # "file.sql:12" or "pg_stat_statements"
    count: int = 1
    duration_ms: float | None = None


@dataclass
class Query:
    """One distinct statement shape (fingerprint), with how often the workload runs it."""

    fingerprint: str
    sql: str  # a representative text, as written
    count: int
    location: str
    tree: object  # the sqlglot expression
    kind: str  # select | update | delete | insert | other
    has_parameters: bool = False
    id: str = ""

    @property
    def short(self) -> str:
        one = " ".join(self.sql.split())
        return one if len(one) <= 90 else one[:87] + "..."


@dataclass
class Skip:
    location: str
    text: str
    reason: str
    count: int = 1


@dataclass
class Workload:
    queries: list[Query] = field(default_factory=list)
    skipped: list[Skip] = field(default_factory=list)
    source: str = ""
    statements_read: int = 0

    @property
    def total_weight(self) -> int:
        return sum(q.count for q in self.queries)

    def summary(self) -> str:
        skipped = sum(s.count for s in self.skipped)
        return (f"{self.statements_read} statement(s) read from {self.source}: {len(self.queries)} distinct "
                f"shape(s) ({self.total_weight} executions), {skipped} skipped")


# -- reading -------------------------------------------------------------------------------------------
def read_workload_file(path: str | Path) -> list[RawStatement]:
    """Statements from a SQL file (separated by ``;``) or a PostgreSQL server log (detected)."""
    from ..sources import read_text

    p = Path(path)
    text = read_text(p)
    if any(_LOG_STATEMENT.search(line) for line in text.splitlines()[:200]):
        return _from_log(text, p.name)
    return _from_sql(text, p.name)


def _from_sql(text: str, name: str) -> list[RawStatement]:
    out = []
    for stmt, line in split_statements(text):
        out.append(RawStatement(stmt, f"{name}:{line}"))
    return out


def split_statements(text: str) -> list[tuple[str, int]]:
    """Split on ``;`` outside quotes, comments and dollar-quoted bodies; (statement, first line)."""
    out: list[tuple[str, int]] = []
    buf: list[str] = []
    i, n, line, start_line = 0, len(text), 1, None
    while i < n:
        ch = text[i]
        if ch == "\n":
            line += 1
        if ch in "'\"":
            j = i + 1
            while j < n:
                if text[j] == ch:
                    if j + 1 < n and text[j + 1] == ch:
                        j += 2
                        continue
                    break
                j += 1
            chunk = text[i:j + 1]
        elif text.startswith("--", i):
            j = text.find("\n", i)
            j = n - 1 if j < 0 else j - 1
            chunk = ""
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n - 1 if j < 0 else j + 1
            chunk = ""
            line += text.count("\n", i, j + 1)
        elif ch == "$" and (m := re.match(r"\$[A-Za-z_]*\$", text[i:])):
            tag = m.group(0)
            j = text.find(tag, i + len(tag))
            j = n - 1 if j < 0 else j + len(tag) - 1
            chunk = text[i:j + 1]
        elif ch == ";":
            stmt = "".join(buf).strip()
            if stmt:
                out.append((stmt, start_line or line))
            buf, start_line = [], None
            i += 1
            continue
        else:
            j, chunk = i, ch
        if chunk.strip() and start_line is None:
            start_line = line
        if ch in "'\"$":
            line += chunk.count("\n")
        buf.append(chunk)
        i = j + 1
    stmt = "".join(buf).strip()
    if stmt:
        out.append((stmt, start_line or line))
    return out


def _from_log(text: str, name: str) -> list[RawStatement]:
    """Statements from log lines; continuation lines (no log prefix) belong to the statement above."""
    out: list[RawStatement] = []
    current: RawStatement | None = None
    for number, raw in enumerate(text.splitlines(), 1):
        m = _LOG_STATEMENT.search(raw)
        if m:
            if current:
                out.append(current)
            duration = float(m.group(1)) if m.group(1) else None
            current = RawStatement(m.group(2), f"{name}:{number}", duration_ms=duration)
        elif current is not None and raw.strip() and not _LOG_PREFIXED.match(raw):
            current.text += "\n" + raw
        else:
            if current:
                out.append(current)
            current = None
    if current:
        out.append(current)
    for s in out:
        s.text = s.text.strip().rstrip(";")
    return [s for s in out if s.text]


def read_pg_stat_statements(conn, *, limit: int = 1000) -> list[RawStatement]:
    """The most-run statements from pg_stat_statements; InputError saying why when unavailable."""
    row = conn.execute("SELECT 1 FROM pg_extension WHERE extname = 'pg_stat_statements'").fetchone()
    if row is None:
        raise InputError("pg_stat_statements is not installed in this database",
                         hint="add it to shared_preload_libraries and CREATE EXTENSION pg_stat_statements, "
                              "or pass --workload FILE (a SQL file or a PostgreSQL log)")
    try:
        rows = conn.execute(
            "SELECT query, calls, mean_exec_time FROM pg_stat_statements "
            "WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database()) "
            "AND query !~* '^\\s*(begin|commit|rollback|set|show|explain|create|drop|alter|vacuum|analy)' "
            # catalog reads (tools, drivers, this advisor itself) are not the application's workload
            "AND query !~* '\\m(pg_[a-z_]+|information_schema)\\M' "
            "ORDER BY calls * mean_exec_time DESC LIMIT %s", (limit,)).fetchall()
    except Exception as exc:  # not preloaded: "pg_stat_statements must be loaded via shared_preload_libraries"
        conn.rollback()
        raise InputError(f"pg_stat_statements cannot be read: {str(exc).splitlines()[0]}",
                         hint="pass --workload FILE (a SQL file or a PostgreSQL log) instead") from None
    return [RawStatement(q, "pg_stat_statements", count=int(c), duration_ms=float(t)) for q, c, t in rows]


# -- fingerprints and parsing --------------------------------------------------------------------------
_STRING = re.compile(r"'(?:[^']|'')*'")
_NUMBER = re.compile(r"(?<![\w$.])-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?\b")
_IN_LIST = re.compile(r"\(\s*\?(?:\s*,\s*\?)*\s*\)")
_SPACE = re.compile(r"\s+")


def fingerprint(sql: str) -> str:
    """The statement with literals replaced by ``?`` and whitespace/case folded: its shape."""
    s = _STRING.sub("?", sql)
    s = _PARAM.sub("?", s)
    s = _NUMBER.sub("?", s)
    s = _IN_LIST.sub("(?)", s)
    return _SPACE.sub(" ", s).strip().rstrip(";").lower()


_KINDS = {"Select": "select", "Union": "select", "Intersect": "select", "Except": "select",
          "Update": "update", "Delete": "delete", "Insert": "insert"}


_STATEMENT_NAMES = {"Create": "CREATE", "Drop": "DROP", "Alter": "ALTER", "Command": "command", "Set": "SET",
                    "Transaction": "BEGIN", "Commit": "COMMIT", "Rollback": "ROLLBACK", "Use": "USE",
                    "Merge": "MERGE", "Analyze": "ANALYZE", "Describe": "DESCRIBE", "Grant": "GRANT"}


def parse_workload(raw: list[RawStatement], *, source: str, dialect: str = "postgres") -> Workload:
    """Group statements by fingerprint, parse one per group; skip (with reason) what does not parse."""
    import sqlglot
    from sqlglot.errors import ParseError, TokenError

    wl = Workload(source=source, statements_read=len(raw))
    groups: dict[str, list[RawStatement]] = {}
    for s in raw:
        groups.setdefault(fingerprint(s.text), []).append(s)
    for fp, members in groups.items():
        first = members[0]
        count = sum(m.count for m in members)
        try:
            trees = sqlglot.parse(first.text, read=dialect)
        except (ParseError, TokenError) as exc:
            wl.skipped.append(Skip(first.location, first.text, _parse_reason(exc), count))
            continue
        trees = [t for t in trees if t is not None]
        if len(trees) != 1:
            wl.skipped.append(Skip(first.location, first.text, "not exactly one statement", count))
            continue
        tree = trees[0]
        kind = _KINDS.get(type(tree).__name__)
        if kind is None:
            what = _STATEMENT_NAMES.get(type(tree).__name__)
            reason = (f"not a query ({what}): only SELECT/INSERT/UPDATE/DELETE are advised on" if what
                      else "not a statement the SQL parser recognizes (syntax error?)")
            wl.skipped.append(Skip(first.location, first.text, reason, count))
            continue
        if kind == "insert" and not tree.find(sqlglot.exp.Select):
            wl.skipped.append(Skip(first.location, first.text, "INSERT ... VALUES reads no index", count))
            continue
        wl.queries.append(Query(fp, first.text, count, first.location, tree, kind,
                                has_parameters=bool(_PARAM.search(first.text))))
    wl.queries.sort(key=lambda q: -q.count)
    for i, q in enumerate(wl.queries, 1):
        q.id = f"Q{i}"
    return wl


def _parse_reason(exc: Exception) -> str:
    errors = getattr(exc, "errors", None)
    if errors:
        e = errors[0]
        return f"syntax error: {e.get('description', 'cannot parse')} near {e.get('highlight', '')!r}".strip()
    return f"cannot parse: {str(exc).splitlines()[0]}"


def load_workload(path: str | Path, *, dialect: str = "postgres") -> Workload:
    p = Path(path)
    return parse_workload(read_workload_file(p), source=str(p), dialect=dialect)
