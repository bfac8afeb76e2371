"""Errors a person can act on.

Every failure caused by a user's input is raised as a :class:`SchemaArchitectError`
(or a subclass) carrying *what* was wrong, *where* (file:line, table.column, URL)
and *what to do*. The CLI prints these as one line plus a hint and exits non-zero;
anything else escaping to the CLI is a bug in this project, not the user's mistake.
"""

from __future__ import annotations


class SchemaArchitectError(Exception):
    """Base class for errors the user can fix."""

    exit_code = 2

    def __init__(self, message: str, *, where: str | None = None, hint: str | None = None):
        super().__init__(message)
        self.message = message
        self.where = where
        self.hint = hint

    def one_line(self) -> str:
        prefix = f"{self.where}: " if self.where else ""
        return f"{prefix}{self.message}"

    def __str__(self) -> str:  # pragma: no cover - trivial
        return self.one_line()


class InputError(SchemaArchitectError):
    """The input (a file, a text, an argument) cannot be used as given."""


class ModelError(SchemaArchitectError):
    """A schema model is inconsistent (dangling reference, duplicate name, ...)."""


class DDLParseError(InputError):
    """A DDL statement could not be parsed."""


class DatabaseError(SchemaArchitectError):
    """A live database could not be reached or refused an operation."""

    exit_code = 3
