"""Load the Chinook sample database (schema and data) into a live test database, quickly.

The scripts create and switch databases (``CREATE DATABASE``, ``\\c``, ``USE``) and drop tables first;
only the CREATE TABLE / ALTER TABLE / CREATE INDEX / INSERT statements are run, in one call of
transaction on a raw driver connection (the data is a few dozen multi-row INSERTs, under a second
per database; raw because the text holds ``%`` characters a parameter-style driver call would read).
"""

from __future__ import annotations

from functools import cache

from conftest import CHINOOK

SCRIPTS = {"postgresql": "Chinook_PostgreSql.sql", "mysql": "Chinook_MySql.sql", "sqlite": "Chinook_Sqlite.sql"}
_KEEP = ("CREATE TABLE", "ALTER TABLE", "CREATE INDEX", "CREATE UNIQUE INDEX", "INSERT")


@cache
def chinook_statements(dialect: str) -> tuple[str, ...]:
    from schema_architect.sources import read_text
    from schema_architect.sql.split import split_statements

    text = read_text(CHINOOK / SCRIPTS[dialect])
    out = []
    for st in split_statements(text, backslash_escapes=dialect == "mysql"):
        body = st.text.strip()
        if body.upper().startswith(_KEEP):
            out.append(body)
    return tuple(out)


def load_chinook(url: str, dialect: str) -> None:
    from schema_architect.evolve.db import Connection

    with Connection(url) as conn:
        conn.begin()
        for statement in chinook_statements(dialect):
            conn.execute(statement)
        conn.commit()
