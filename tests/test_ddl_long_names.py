"""Long table names on MariaDB: the server names an unnamed foreign key "<table>_ibfk_<n>" without
shortening it, so a table name near the 64-character limit made CREATE TABLE fail. Real MariaDB."""

from __future__ import annotations

import pytest
import sqlalchemy as sa

from schema_architect.model import Column, DataType, ForeignKey, PrimaryKey, Schema, Table
from schema_architect.sql.apply import apply_schema
from schema_architect.sql.render import render_ddl

pytestmark = pytest.mark.mariadb


def _schema(child: str) -> Schema:
    def key(name: str) -> Column:
        return Column(name=name, type=DataType.integer(), nullable=False)

    return Schema(tables=[
        Table(name="member", columns=[key("member_id")], primary_key=PrimaryKey(columns=["member_id"])),
        Table(name="book", columns=[key("book_id")], primary_key=PrimaryKey(columns=["book_id"])),
        Table(name=child, columns=[key("loan_id"), key("member_id"), key("book_id")],
              primary_key=PrimaryKey(columns=["loan_id"]),
              foreign_keys=[ForeignKey(columns=["member_id"], ref_table="member", ref_columns=["member_id"]),
                            ForeignKey(columns=["book_id"], ref_table="book", ref_columns=["book_id"])]),
    ])


@pytest.mark.parametrize("length", [20, 57, 60, 64])
def test_foreign_keys_of_long_table_names_are_created(mysql_url, length):
    child = ("member_book_loan_registration_record_" * 3)[:length]
    schema = _schema(child)
    ddl = render_ddl(schema, "mysql")
    assert ("CONSTRAINT" in ddl) == (length + len("_ibfk_1") >= 64)  # named only where the server's name will not fit
    apply_schema(mysql_url, schema)
    inspector = sa.inspect(sa.create_engine(mysql_url))
    assert {fk["referred_table"] for fk in inspector.get_foreign_keys(child)} == {"member", "book"}
