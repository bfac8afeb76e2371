"""`schema-architect erd` and `schema-architect doc` from a schema JSON file and from Chinook DDL."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET

import pytest

from conftest import CHINOOK
from js_parsers import parse_diagrams
from test_render_markdown import shop

CHINOOK_TABLES = {"album", "artist", "customer", "employee", "genre", "invoice", "invoice_line",
                  "media_type", "playlist", "playlist_track", "track"}


@pytest.fixture
def shop_json(tmp_path):
    path = tmp_path / "shop.json"
    path.write_text(shop().to_json(), encoding="utf-8")
    return path


def test_erd_mermaid_to_stdout_parses(run_cli, shop_json):
    result = run_cli("erd", shop_json)
    assert result.exit_code == 0, result.output
    [parsed] = parse_diagrams("mermaid", [result.stdout])
    assert parsed["ok"], parsed.get("error")
    assert sorted(e["alias"] or name for name, e in parsed["entities"].items()) == ["Order Line", "customer"]
    assert len(parsed["relationships"]) == 2


@pytest.mark.parametrize("fmt, first_line", [("mermaid", "erDiagram"), ("dbml", 'Project "shop" {'),
                                             ("plantuml", "@startuml"), ("dot", "digraph schema {")])
def test_erd_text_formats_to_a_file(run_cli, shop_json, tmp_path, fmt, first_line):
    out = tmp_path / f"erd.{fmt}"
    result = run_cli("erd", shop_json, "--format", fmt, "-o", out)
    assert result.exit_code == 0, result.output
    assert f"wrote {out}" in result.stderr
    assert out.read_text(encoding="utf-8").splitlines()[0] == first_line


def test_erd_svg_and_png_files(run_cli, shop_json, tmp_path):
    assert run_cli("erd", shop_json, "-f", "svg", "-o", tmp_path / "erd.svg").exit_code == 0
    texts = {"".join(t.itertext()) for t in ET.parse(tmp_path / "erd.svg").iter("{http://www.w3.org/2000/svg}text")}
    assert {"customer", "Order Line"} <= texts
    assert run_cli("erd", shop_json, "-f", "png", "-o", tmp_path / "erd.png").exit_code == 0
    assert (tmp_path / "erd.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_png_to_the_terminal_is_refused_with_a_hint(run_cli, shop_json):
    result = run_cli("erd", shop_json, "-f", "png")
    assert result.exit_code == 2
    assert "binary output needs a file" in result.stderr and "-o FILE" in result.stderr
    assert "Traceback" not in result.output


def test_unknown_format_and_missing_file_fail_cleanly(run_cli, shop_json, tmp_path):
    bad = run_cli("erd", shop_json, "-f", "visio")
    assert bad.exit_code != 0 and "visio" in bad.output and "Traceback" not in bad.output
    missing = run_cli("erd", tmp_path / "nope.json")
    assert missing.exit_code == 2 and "file not found" in missing.stderr


def test_erd_of_a_schema_with_a_dangling_reference_is_one_line_error(run_cli, tmp_path):
    data = json.loads(shop().to_json())
    data["schema"]["tables"][1]["foreign_keys"][0]["ref_table"] = "client"
    path = tmp_path / "dangling.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = run_cli("erd", path)
    assert result.exit_code == 2 and "client" in result.stderr and "Traceback" not in result.output


def test_doc_writes_the_data_dictionary(run_cli, shop_json, tmp_path):
    result = run_cli("doc", shop_json)
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("# Data dictionary: shop\n") and "```mermaid\nerDiagram\n" in result.stdout
    out = tmp_path / "docs" / "shop.md"
    assert run_cli("doc", shop_json, "-o", out).exit_code == 0
    assert out.read_text(encoding="utf-8") == result.stdout


def test_erd_and_doc_from_chinook_ddl(run_cli, tmp_path):
    ddl = CHINOOK / "Chinook_Sqlite.sql"
    svg = tmp_path / "chinook.svg"
    result = run_cli("erd", ddl, "--dialect", "sqlite", "-f", "svg", "-o", svg)
    assert result.exit_code == 0, result.output
    root = ET.parse(svg).getroot()
    texts = {"".join(t.itertext()).lower() for t in root.iter("{http://www.w3.org/2000/svg}text")}
    assert {t.replace("_", "") for t in CHINOOK_TABLES} <= {t.replace("_", "") for t in texts}
    assert sum(1 for g in root.iter("{http://www.w3.org/2000/svg}g") if g.get("class") == "edge") == 11

    doc = run_cli("doc", CHINOOK / "Chinook_PostgreSql.sql", "--dialect", "postgresql")
    assert doc.exit_code == 0, doc.output
    assert "11 tables, 11 relationships." in doc.stdout
    headings = {line[3:].replace("\\_", "_").lower() for line in doc.stdout.splitlines() if line.startswith("## ")}
    assert CHINOOK_TABLES <= headings
