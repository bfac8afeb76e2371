"""SQL Server (T-SQL): bracket quoting, NVARCHAR for text, BIT for booleans, IDENTITY(1,1), GO batches."""

from ...model import ReferentialAction
from .base import ALL_ACTIONS, Dialect
from .reserved import SQLGLOT_UNSAFE, SQLSERVER

_ACTIONS = ALL_ACTIONS - {ReferentialAction.RESTRICT}  # NO ACTION is SQL Server's only "restrict"

DIALECT = Dialect(
    name="sqlserver",
    sqlglot_name="tsql",
    aliases=("sqlserver", "mssql", "tsql"),
    type_spellings={
        "smallint": "SMALLINT", "integer": "INT", "bigint": "BIGINT",
        "decimal": "DECIMAL", "decimal(p,s)": "DECIMAL({precision}, {scale})",
        "real": "FLOAT(24)", "double": "FLOAT",
        "char": "NCHAR", "char(n)": "NCHAR({length})", "varchar": "NVARCHAR(MAX)", "varchar(n)": "NVARCHAR({length})",
        "text": "NVARCHAR(MAX)", "boolean": "BIT", "date": "DATE",
        "time": "TIME", "time(p)": "TIME({precision})", "timetz": "TIME", "timetz(p)": "TIME({precision})",
        "timestamp": "DATETIME2", "timestamp(p)": "DATETIME2({precision})",
        "timestamptz": "DATETIMEOFFSET", "timestamptz(p)": "DATETIMEOFFSET({precision})",
        "uuid": "UNIQUEIDENTIFIER", "json": "NVARCHAR(MAX)",
        "binary": "VARBINARY(MAX)", "binary(n)": "VARBINARY({length})",
        "enum": "NVARCHAR({max_length})",
    },
    # (MAX) types cannot be index keys; 255 characters keep a 3-column key under the 1700-byte limit.
    key_type_spellings={"text": "NVARCHAR(255)", "varchar": "NVARCHAR(255)", "binary": "VARBINARY(255)"},
    float_without_precision_is_double=True,
    max_timestamp_precision=7,
    quote_start="[",
    quote_end="]",
    max_identifier_length=128,
    reserved_words=SQLSERVER | SQLGLOT_UNSAFE,
    transactional_ddl=True,
    partial_indexes=True,  # filtered indexes
    native_boolean=False,
    boolean_literals=("1", "0"),
    identity_clause="IDENTITY(1, 1)",
    explicit_null=True,
    on_delete_actions=_ACTIONS,
    on_update_actions=_ACTIONS,
)
