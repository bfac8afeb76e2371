"""MySQL and MariaDB: backtick quoting, native ENUM, AUTO_INCREMENT, inline COMMENT, no transactional DDL."""

from ...model import DataType, ReferentialAction
from .base import ALL_ACTIONS, Dialect
from .reserved import MYSQL, SQLGLOT_UNSAFE

# InnoDB parses SET DEFAULT but refuses to create such a foreign key.
_ACTIONS = ALL_ACTIONS - {ReferentialAction.SET_DEFAULT}

DIALECT = Dialect(
    name="mysql",
    sqlglot_name="mysql",
    aliases=("mysql", "mariadb"),
    unnamed_keys_take_first_column_name=True,
    checks_may_name_identity=False,
    type_spellings={
        "smallint": "SMALLINT", "integer": "INT", "bigint": "BIGINT",
        "decimal": "DECIMAL", "decimal(p,s)": "DECIMAL({precision}, {scale})",
        "real": "FLOAT", "double": "DOUBLE",
        "char": "CHAR", "char(n)": "CHAR({length})", "varchar": "LONGTEXT", "varchar(n)": "VARCHAR({length})",
        "text": "LONGTEXT", "boolean": "TINYINT(1)", "date": "DATE",
        "time": "TIME", "time(p)": "TIME({precision})", "timetz": "TIME", "timetz(p)": "TIME({precision})",
        # DATETIME, not TIMESTAMP: TIMESTAMP ends in 2038 and converts to the session's time zone.
        "timestamp": "DATETIME", "timestamp(p)": "DATETIME({precision})",
        "timestamptz": "DATETIME", "timestamptz(p)": "DATETIME({precision})",
        "uuid": "CHAR(36)", "json": "JSON", "binary": "LONGBLOB", "binary(n)": "VARBINARY({length})",
        "enum": "ENUM({values})",
    },
    # TEXT and BLOB columns cannot be keys or indexed without a prefix length.
    key_type_spellings={
        "text": "VARCHAR(255)", "varchar": "VARCHAR(255)", "binary": "VARBINARY(255)",
    },
    type_readings={"TINYINT(1)": DataType.boolean(), "BIT(1)": DataType.boolean(), "YEAR": DataType.smallint()},
    quote_start="`",
    quote_end="`",
    max_identifier_length=64,
    generated_foreign_key_name="{table}_ibfk_{n}",
    reserved_words=MYSQL | SQLGLOT_UNSAFE,
    forbidden_object_names=frozenset({"PRIMARY"}),
    native_enum=True,
    identity_clause="AUTO_INCREMENT",
    identity_position="after_null",
    comments="inline",
    on_delete_actions=_ACTIONS,
    on_update_actions=_ACTIONS,
    backslash_escapes=True,
    current_timestamp_takes_precision=True,
    notes=("DDL is not transactional in MySQL/MariaDB: each statement commits on its own.",),
)
