"""Schema Architect: design relational databases from plain English and keep them healthy."""

__version__ = "0.1.0"
