"""`schema-architect trace FILE`: replay an agents transcript in the terminal."""

from __future__ import annotations

import json
from pathlib import Path

import typer

from .console import console


def register(app: typer.Typer) -> None:
    @app.command()
    def trace(
        file: Path = typer.Argument(..., help="transcript JSON written by `design --engine agents --transcript FILE`"),
        full: bool = typer.Option(False, "--full", help="also print each prompt as sent"),
    ) -> None:
        """Replay a multi-agent design session: who spoke, why the next speaker was chosen, tools, tokens."""
        from ..agents.transcript import Transcript

        print_transcript(Transcript.load(file), full=full)


def _summary(role: str, output: dict | None) -> str:
    if not output:
        return "(no output)"
    if role == "conceptual_designer":
        ents = ", ".join(e["name"] for e in output.get("entities", []))
        rels = ", ".join(f"{r.get('name') or '-'} {r.get('cardinality')}" for r in output.get("relationships", []))
        return f"entities: {ents}\nrelationships: {rels}"
    if role == "conceptual_reviewer":
        issues = output.get("issues", [])
        return ("approved" if output.get("approved") else "rejected") + "".join(
            f"\n- {i.get('element')}: {i.get('problem')}" for i in issues)
    if role == "logical_designer":
        return "tables: " + ", ".join(t["name"] for t in output.get("tables", []))
    if role == "qa_engineer":
        return "\n".join(f"{c['id']} ({c.get('kind')}, expect {c.get('expect')}): {c.get('description', '')}"
                         for c in output.get("test_cases", []))
    if role == "test_executor":
        return ("passed" if output.get("passed") else "FAILED") + (f": {output.get('report')}" if output.get("report") else "")
    if role == "product_manager":
        if output.get("accept") is not None:
            return ("accepted" if output.get("accept") else "rejected") + f": {output.get('comments', '')}"
        return output.get("summary", "")
    return json.dumps(output)[:300]


def _tool_line(result: dict) -> str:
    tool = result.get("tool")
    if tool == "structural_checks":
        f = result.get("findings", [])
        return f"structural checks: {len(f)} finding(s)" + "".join(f"\n  - {x['element']}: {x['problem']}" for x in f)
    if tool == "execute_test_cases":
        rs = result.get("results", [])
        ok = sum(r["passed"] for r in rs)
        lines = [f"executed on {result.get('database')}: {ok}/{len(rs)} passed"]
        if result.get("setup_error"):
            lines.append(f"  schema setup failed: {result['setup_error']}")
        lines += [f"  - {r['id']}: {r['detail']}" for r in rs if not r["passed"]]
        return "\n".join(lines)
    if tool == "build_and_normalize":
        lines = [f"built tables: {', '.join(result.get('tables', []))}"]
        lines += [f"  error: {e}" for e in result.get("errors", [])]
        lines += [f"  note: {n}" for n in result.get("notes", [])]
        return "\n".join(lines)
    return json.dumps(result)[:300]


def print_transcript(t, *, full: bool = False) -> None:
    from rich.panel import Panel
    from rich.table import Table

    console.print(f"[bold]Agents session[/] ({t.mode}, model {t.model}): [bold]{t.status}[/] — {t.message}")
    for turn in t.turns:
        body = [_summary(turn.role, turn.output)]
        if turn.error:
            body.append(f"[red]error:[/] {turn.error}")
        body += [f"[cyan]tool[/] {_tool_line(r)}" for r in turn.tool_results]
        body.append(f"[dim]next: {turn.next_speaker or '-'} ({turn.next_reason or '-'}); "
                    f"tokens {turn.prompt_tokens}+{turn.completion_tokens} in {turn.calls} call(s)[/]")
        if full:
            body += [f"[dim]{m['role']}:[/] {m['content']}" for m in turn.messages]
        title = f"round {turn.round} · {turn.role}" + (" · nested" if turn.audience != "all" else "")
        console.print(Panel("\n".join(body), title=title, title_align="left", highlight=False))
    totals = Table(title="Tokens")
    for col in ("prompt", "completion", "calls"):
        totals.add_column(col, justify="right")
    totals.add_row(str(t.prompt_tokens), str(t.completion_tokens), str(t.calls))
    console.print(totals)
