"""Crash hunting: generated requirement-like texts never crash the design or its rendering.

``requirement_grammar`` builds sentences from the engine's own vocabulary, so they reach the readers
those words switch on (the one-word 'Item' table that crashed ``logical`` was found this way). The
suite runs a modest number of examples; hunt longer with
``DESIGN_FUZZ_EXAMPLES=20000 .venv/bin/pytest tests/test_design_fuzz.py``.
"""

from __future__ import annotations

import os
import random
import sqlite3

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from requirement_grammar import requirement_text
from schema_architect.design import design
from schema_architect.design.naming import apply_naming
from schema_architect.errors import InputError
from schema_architect.model.validate import check
from schema_architect.sql.render import render_ddl

EXAMPLES = int(os.environ.get("DESIGN_FUZZ_EXAMPLES", "150"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.randoms(use_true_random=False))
def test_generated_requirements_design_render_and_run(r: random.Random):
    text = requirement_text(r)
    try:
        result = design(text)
    except InputError as exc:  # nothing designable: a message and a hint, never a crash
        assert exc.message and exc.hint
        return
    check(result.schema)
    for convention in ("snake_plural", "keep"):
        schema = apply_naming(result.schema, convention)
        check(schema)
        for dialect in ("postgresql", "mysql", "sqlserver", "oracle"):
            assert render_ddl(schema, dialect).strip()
        connection = sqlite3.connect(":memory:")
        try:
            connection.executescript(render_ddl(schema, "sqlite"))
        finally:
            connection.close()
