"""Bad input to the design command: a clear message, no traceback, a non-zero exit."""

from __future__ import annotations

import pytest

from schema_architect.design import design
from schema_architect.design.engine import check_text
from schema_architect.errors import InputError


def test_empty_text(run_cli):
    r = run_cli("design", "   ")
    assert r.exit_code == 2
    assert "requirements text is empty" in r.stderr and "hint:" in r.stderr
    assert "Traceback" not in r.output


def test_text_without_entities_says_what_was_read(run_cli):
    r = run_cli("design", "Hello there. It is sunny today and we are happy.")
    assert r.exit_code == 2
    assert "no entity with attributes was recognized" in r.stderr
    assert "It is sunny today" in r.stderr or "Hello there" in r.stderr  # what it read
    assert "Traceback" not in r.output


def test_non_english_text(run_cli):
    r = run_cli("design", "每个学生都有学号、姓名和出生日期。每门课程有课程号和学分。")
    assert r.exit_code == 2
    assert "English" in r.stderr
    assert "Traceback" not in r.output


def test_binary_bytes_from_a_file(run_cli, tmp_path):
    f = tmp_path / "blob.bin"
    f.write_bytes(bytes(range(256)) * 8)
    r = run_cli("design", "--file", str(f))
    assert r.exit_code == 2
    assert "binary" in r.stderr
    assert "Traceback" not in r.output


def test_missing_file(run_cli, tmp_path):
    r = run_cli("design", "--file", str(tmp_path / "nope.txt"))
    assert r.exit_code == 2 and "not found" in r.stderr


def test_binary_and_nul_rejected_by_library():
    with pytest.raises(InputError, match="binary"):
        check_text(b"\xff\xfe\x00\x01garbage")
    with pytest.raises(InputError, match="NUL"):
        check_text("Each user has a name\x00 and an email.")


def test_one_megabyte_of_text_is_designed():
    # Bounded work per sentence: a megabyte of repeated requirements still gives a design (its speed is
    # measured by benchmarks/bench_design.py, not here).
    block = ("Each customer has a customer ID, name, email and phone number. Each customer places multiple orders. "
             "Each order has an order ID, order date and total amount. ")
    text = block * (1_000_000 // len(block) + 1)
    assert len(text) >= 1_000_000
    result = design(text)
    assert {"Customer", "Order"} <= set(result.schema.table_names)
    assert any(fk.ref_table == "Customer" for fk in result.schema.table("Order").foreign_keys)


def test_one_long_line_without_punctuation_is_bounded():
    text = "customer name email " * 60_000  # 1.2 MB, no sentence breaks at all
    try:
        design(text)
    except InputError as exc:
        assert "no entity" in exc.message


def test_text_past_the_reading_budget_is_reported_not_silently_dropped():
    block = "Each customer has a customer ID, name and email. Each order has an order ID and an order date. "
    text = block * 6_000  # 12,000 sentences: more than the reader takes in one design
    result = design(text)
    notices = [s for s in result.not_understood if s.text.startswith("[")]
    assert len(notices) == 1
    notice = notices[0]
    assert "was not read" in notice.text and "reading budget" in notice.text
    assert 30_000 <= notice.start < len(text) and notice.end == len(text)
    assert {"Customer", "Order"} <= set(result.schema.table_names)
