"""Column types: money, text lengths, time zones, dates and flags stored as text."""

from __future__ import annotations

import re

from ....model import DataType, Schema, TypeKind
from ....model.naming import words
from .. import fixes
from ..registry import rule

_MONEY_WORDS = {"price", "amount", "cost", "total", "subtotal", "balance", "salary", "fee", "tax", "payment",
                "revenue", "wage", "money", "discount", "charge", "budget", "income", "paid", "refund"}
_DATE_NAME = re.compile(r"(^|_)(date|day|dob|birthday|timestamp)$|_(at|on|date|time)$|^(created|updated|deleted)$")
_FLAG_NAME = re.compile(r"^(is|has|can|should|was)_|_(flag|yn)$")


def _is_money(name: str) -> bool:
    return bool(set(words(name)) & _MONEY_WORDS)


@rule("SA301", "money-in-floating-point", "error",
      "Monetary amounts use an exact DECIMAL type, not FLOAT/REAL/DOUBLE.",
      "Binary floating point cannot represent 0.10 exactly; sums of prices drift by cents and "
      "comparisons of totals fail.", options={"precision": 12, "scale": 2})
def money_in_floating_point(schema: Schema, ctx):
    new = DataType.decimal(int(ctx.options["precision"]), int(ctx.options["scale"]))
    for t in schema.tables:
        for c in t.columns:
            if c.type.kind is TypeKind.FLOAT and _is_money(c.name):
                yield ctx.finding(f"{t.name}.{c.name} holds money in floating point ({c.type})", table=t.name,
                                  column=c.name, fix_sql=fixes.alter_column_type(t.name, c, new, ctx.dialect))


@rule("SA302", "varchar-without-length", "warning",
      "VARCHAR columns declare a maximum length.",
      "Without one, MySQL and SQL Server reject the column or pick a tiny default, and nothing "
      "stops a megabyte landing in a name field; state the domain's real bound (or use TEXT on purpose).",
      options={"default_length": 255})
def varchar_without_length(schema: Schema, ctx):
    for t in schema.tables:
        for c in t.columns:
            if c.type.kind is TypeKind.VARCHAR and c.type.length is None:
                new = DataType.varchar(int(ctx.options["default_length"]))
                yield ctx.finding(f"{t.name}.{c.name} is VARCHAR without a length", table=t.name, column=c.name,
                                  fix_sql=fixes.alter_column_type(t.name, c, new, ctx.dialect))


@rule("SA303", "absurd-varchar-length", "warning",
      "VARCHAR/CHAR lengths are plausible: not above a configured maximum, and CHAR not used for long text.",
      "A VARCHAR(65535) says nothing about the data, inflates memory grants and row-size estimates and "
      "cannot be indexed in MySQL; use TEXT for unbounded text and a real bound otherwise.",
      options={"max_length": 4000, "max_char_length": 255})
def absurd_varchar_length(schema: Schema, ctx):
    for t in schema.tables:
        for c in t.columns:
            n = c.type.length
            if n is None:
                continue
            if c.type.kind is TypeKind.VARCHAR and n > int(ctx.options["max_length"]):
                yield ctx.finding(f"{t.name}.{c.name} is VARCHAR({n}); use TEXT or a realistic bound",
                                  table=t.name, column=c.name,
                                  fix_sql=fixes.alter_column_type(t.name, c, DataType.text(), ctx.dialect))
            elif c.type.kind is TypeKind.CHAR and n > int(ctx.options["max_char_length"]):
                yield ctx.finding(f"{t.name}.{c.name} is CHAR({n}): fixed-length padding of long text",
                                  table=t.name, column=c.name,
                                  fix_sql=fixes.alter_column_type(t.name, c, DataType.varchar(n), ctx.dialect))


@rule("SA304", "timestamp-without-time-zone", "info",
      "Points in time are stored WITH TIME ZONE (or documented as UTC).",
      "A timestamp without zone is ambiguous once servers, users or daylight saving differ.")
def timestamp_without_time_zone(schema: Schema, ctx):
    for t in schema.tables:
        for c in t.columns:
            if c.type.kind is TypeKind.TIMESTAMP and not c.type.timezone:
                yield ctx.finding(f"{t.name}.{c.name} is a timestamp without time zone", table=t.name,
                                  column=c.name, fix_sql=fixes.alter_column_type(
                                      t.name, c, DataType.timestamp(timezone=True), ctx.dialect))


@rule("SA305", "date-stored-as-text", "warning",
      "Columns named like dates or times (`*_date`, `*_at`, `birthday`) use a date/time type.",
      "Text dates sort wrongly ('10/2/2024' < '9/1/2024'), accept '2024-02-31' and cannot use date arithmetic.")
def date_stored_as_text(schema: Schema, ctx):
    for t in schema.tables:
        for c in t.columns:
            if c.type.type_class.value == "TEXT" and c.type.kind not in (TypeKind.UUID, TypeKind.JSON, TypeKind.ENUM) \
                    and _DATE_NAME.search("_".join(words(c.name))):
                new = DataType.date() if "date" in words(c.name) or "dob" in words(c.name) \
                    else DataType.timestamp(timezone=True)
                yield ctx.finding(f"{t.name}.{c.name} looks like a date/time but is {c.type}", table=t.name,
                                  column=c.name, fix_sql=fixes.alter_column_type(t.name, c, new, ctx.dialect))


@rule("SA306", "flag-not-boolean", "info",
      "Yes/no columns (`is_*`, `has_*`, `*_flag`) use BOOLEAN.",
      "CHAR(1) or INT flags accept 'Y', 'y', 'T', 2 ... and every query has to know the encoding.")
def flag_not_boolean(schema: Schema, ctx):
    for t in schema.tables:
        for c in t.columns:
            if c.type.kind is not TypeKind.BOOLEAN and _FLAG_NAME.search("_".join(words(c.name))):
                yield ctx.finding(f"{t.name}.{c.name} is a flag stored as {c.type}", table=t.name, column=c.name,
                                  fix_sql=fixes.alter_column_type(t.name, c, DataType.boolean(), ctx.dialect))
