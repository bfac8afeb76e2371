"""Rule families; importing this package registers every rule."""

from . import design, dialect, indexes, keys, naming, privacy, types  # noqa: F401
