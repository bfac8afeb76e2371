"""Ordinary prose (sixth round): one-word line-item tables, roles a user can take, state adjectives,
records of each X in each Y, feature-list lines and coordinated owners of one field list."""

from __future__ import annotations

from design_helpers import columns, foreign_keys, table_names
from schema_architect.design import design


def test_a_one_word_table_named_like_a_line_item_is_designed():
    result = design("Each entry has a title and a price. Each ledger has a name.")
    assert "Entry" in table_names(result), table_names(result)
