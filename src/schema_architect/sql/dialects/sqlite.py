"""SQLite: any type name goes, forward references are fine, but no ALTER TABLE ... ADD CONSTRAINT."""

from .base import Dialect
from .reserved import SQLGLOT_UNSAFE, SQLITE

DIALECT = Dialect(
    name="sqlite",
    sqlglot_name="sqlite",
    aliases=("sqlite", "sqlite3"),
    # Declared names are kept by SQLite and chosen so that the column affinity is right and the
    # logical type reads back (BOOLEAN, UUID and JSON are what SQLAlchemy and most tools write).
    type_spellings={
        "smallint": "SMALLINT", "integer": "INTEGER", "bigint": "BIGINT",
        "decimal": "NUMERIC", "decimal(p,s)": "NUMERIC({precision}, {scale})",
        "real": "FLOAT", "double": "REAL",
        "char": "CHAR", "char(n)": "CHAR({length})", "varchar": "VARCHAR", "varchar(n)": "VARCHAR({length})",
        "text": "TEXT", "boolean": "BOOLEAN", "date": "DATE",
        "time": "TIME", "time(p)": "TIME({precision})", "timetz": "TIME", "timetz(p)": "TIME({precision})",
        "timestamp": "TIMESTAMP", "timestamp(p)": "TIMESTAMP({precision})",
        "timestamptz": "TIMESTAMP", "timestamptz(p)": "TIMESTAMP({precision})",
        "uuid": "UUID", "json": "JSON", "binary": "BLOB", "binary(n)": "VARBINARY({length})",
        "enum": "VARCHAR({max_length})",
    },
    columns_may_omit_type=True,
    max_identifier_length=128,
    reserved_words=SQLITE | SQLGLOT_UNSAFE,
    transactional_ddl=True,
    partial_indexes=True,
    expression_indexes=True,
    identity_clause="PRIMARY KEY AUTOINCREMENT",
    identity_needs_inline_primary_key=True,
    identity_type="INTEGER",
    alter_add_constraint=False,
    inline_forward_references=True,
    comments="none",
)
