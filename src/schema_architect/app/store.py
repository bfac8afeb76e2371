"""The app database: where it lives, its Alembic upgrade at startup, and the connection-URL cipher.

* Default location: ``$XDG_DATA_HOME/schema-architect/app.db`` (``~/.local/share/...``), or any
  SQLAlchemy URL (PostgreSQL for several server processes).
* Connection URLs carry passwords, so they are stored encrypted with Fernet (AES-128-CBC + HMAC).
  The key comes from ``SCHEMA_ARCHITECT_SECRET_KEY`` or from a key file created on first run with
  mode 0600 next to the default database. The same key signs confirmation tokens (via a derived key).
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker

from ..errors import DatabaseError, InputError

SECRET_ENV = "SCHEMA_ARCHITECT_SECRET_KEY"
MIGRATIONS = Path(__file__).with_name("migrations")


def data_dir() -> Path:
    base = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(base) / "schema-architect"


def default_app_db_url() -> str:
    return f"sqlite:///{data_dir() / 'app.db'}"


def load_secret_key(key_file: Path | None = None) -> bytes:
    """The Fernet key: from the environment, else from a 0600 key file made on first run."""
    from cryptography.fernet import Fernet

    value = os.environ.get(SECRET_ENV)
    if value:
        key = value.strip().encode()
    else:
        path = key_file or data_dir() / "secret.key"
        if not path.exists():
            path.parent.mkdir(parents=True, exist_ok=True)
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "wb") as fh:
                fh.write(Fernet.generate_key())
        key = path.read_bytes().strip()
    try:
        Fernet(key)
    except (ValueError, TypeError):
        raise InputError(f"the secret key ({SECRET_ENV} or the key file) is not a valid Fernet key",
                         hint="generate one with: python -c 'from cryptography.fernet import Fernet; "
                              "print(Fernet.generate_key().decode())'") from None
    return key


class UrlCipher:
    def __init__(self, key: bytes):
        from cryptography.fernet import Fernet

        self._fernet = Fernet(key)
        # a separate key for HMAC-signing confirmations, derived so one secret configures the server
        self.signing_key = hashlib.sha256(b"schema-architect confirmations\x00" + key).digest()

    def encrypt(self, url: str) -> bytes:
        return self._fernet.encrypt(url.encode("utf-8"))

    def decrypt(self, blob: bytes) -> str:
        return self._fernet.decrypt(blob).decode("utf-8")


def private_locations(app_db_url: str | None, key_file: Path | None = None) -> set[str]:
    """Where the server keeps its own data: users may not register these as their connections.

    A SQLite connection reads any file the server can, so without this a user could point one at the
    app database (other users' token digests, encrypted URLs) or at the key file.
    """
    from ..sql.urls import location, sqlite_path

    url = app_db_url or default_app_db_url()
    places = {os.path.realpath(data_dir()), os.path.realpath((key_file or data_dir() / "secret.key").parent)}
    path = sqlite_path(url) if url.startswith("sqlite") else None
    if path:
        places.add(os.path.realpath(path))
    elif not url.startswith("sqlite"):
        places.add(location(url).lower())
    return places


def is_private(url: str, private: set[str]) -> bool:
    from ..sql.urls import location, sqlite_path

    if url.startswith("sqlite"):
        path = sqlite_path(url)
        if path is None:
            return False
        real = os.path.realpath(path)
        return any(real == p or real.startswith(p.rstrip(os.sep) + os.sep) for p in private)
    return location(url).lower() in private


def open_app_database(url: str | None = None) -> sessionmaker[Session]:
    """Engine + session factory for the app database, upgraded to the newest Alembic revision."""
    url = url or default_app_db_url()
    if url.startswith("sqlite:///") and ":memory:" not in url:
        Path(url[len("sqlite:///"):]).expanduser().parent.mkdir(parents=True, exist_ok=True)
    try:
        engine = sa.create_engine(url, pool_pre_ping=True,
                                  **({"connect_args": {"check_same_thread": False, "timeout": 30}}
                                     if url.startswith("sqlite") else {}))
    except Exception as exc:  # noqa: BLE001 - a bad URL or a missing driver, raised as several kinds
        raise InputError(f"cannot use the app database URL: {exc}", hint="e.g. sqlite:///app.db or postgresql://...") from None
    if url.startswith("sqlite"):
        @sa.event.listens_for(engine, "connect")
        def _pragmas(dbapi_connection, _record):  # pragma: no cover - trivial
            cur = dbapi_connection.cursor()
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA journal_mode=WAL")  # readers do not block the writer under load
            cur.close()
    upgrade_database(engine)
    return sessionmaker(engine, expire_on_commit=False)


def upgrade_database(engine: sa.Engine) -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    try:
        with engine.begin() as conn:
            cfg.attributes["connection"] = conn
            command.upgrade(cfg, "head")
    except sa.exc.OperationalError as exc:
        raise DatabaseError(f"cannot open the app database: {str(exc.orig).splitlines()[0]}") from None
