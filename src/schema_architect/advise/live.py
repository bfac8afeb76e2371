"""Raw driver connections for the advisors (they need EXPLAIN, catalogs and hypothetical indexes)."""

from __future__ import annotations

from contextlib import contextmanager

from ..sql.connect import connection_error
from ..sql.urls import dialect_of_url, parse_url


@contextmanager
def connect(url: str, *, autocommit: bool = True):
    """A psycopg (PostgreSQL) or PyMySQL (MySQL/MariaDB) connection; DatabaseError when unreachable."""
    u = parse_url(url)
    dialect = dialect_of_url(url)
    try:
        if dialect == "postgresql":
            import psycopg

            conn = psycopg.connect(host=u.host or "localhost", port=u.port or 5432, user=u.username,
                                   password=u.password, dbname=u.database, autocommit=autocommit,
                                   connect_timeout=5)
        elif dialect == "mysql":
            import pymysql

            conn = pymysql.connect(host=u.host or "localhost", port=u.port or 3306, user=u.username or "root",
                                   password=u.password or "", database=u.database, autocommit=autocommit,
                                   connect_timeout=5, charset="utf8mb4")
        else:
            from ..errors import InputError

            raise InputError(f"the advisors need PostgreSQL or MySQL/MariaDB, not {dialect}",
                             hint="point --db at a postgresql:// or mysql:// URL")
    except Exception as exc:
        from ..errors import SchemaArchitectError

        if isinstance(exc, SchemaArchitectError):
            raise
        raise connection_error(exc, url) from None
    try:
        yield conn
    finally:
        conn.close()
