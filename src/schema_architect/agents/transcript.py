"""The saved group chat: who spoke, why the next speaker was chosen, what each tool returned, tokens."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from pathlib import Path

from ..errors import InputError

TRANSCRIPT_FORMAT = "schema-architect/agents-transcript"


@dataclass
class Turn:
    round: int
    role: str
    audience: str  # "all", or "conceptual group" for the designer/reviewer's nested discussion
    messages: list[dict]  # the prompt as sent
    reply: str  # the last raw reply (after repairs)
    output: dict | None
    tool_results: list[dict] = field(default_factory=list)
    next_speaker: str = ""
    next_reason: str = ""
    prompt_tokens: int = 0
    completion_tokens: int = 0
    calls: int = 0
    error: str | None = None


@dataclass
class Transcript:
    requirement: str
    mode: str
    model: str
    turns: list[Turn] = field(default_factory=list)
    status: str = "running"  # accepted | round_limit | failed
    message: str = ""
    schema: dict | None = None  # the final schema (JSON form) when there is one

    @property
    def prompt_tokens(self) -> int:
        return sum(t.prompt_tokens for t in self.turns)

    @property
    def completion_tokens(self) -> int:
        return sum(t.completion_tokens for t in self.turns)

    @property
    def calls(self) -> int:
        return sum(t.calls for t in self.turns)

    def to_dict(self) -> dict:
        body = asdict(self)
        body.update(format=TRANSCRIPT_FORMAT, version=1, prompt_tokens=self.prompt_tokens,
                    completion_tokens=self.completion_tokens, calls=self.calls)
        return body

    def save(self, path: str | Path) -> None:
        Path(path).write_text(json.dumps(self.to_dict(), indent=2, ensure_ascii=False), encoding="utf-8")

    @classmethod
    def load(cls, path: str | Path) -> Transcript:
        p = Path(path)
        if not p.is_file():
            raise InputError(f"transcript not found: {p}")
        try:
            data = json.loads(p.read_text(encoding="utf-8"))
        except json.JSONDecodeError as exc:
            raise InputError(f"not a transcript (invalid JSON: {exc.msg}, line {exc.lineno})", where=str(p)) from None
        if not isinstance(data, dict) or data.get("format") != TRANSCRIPT_FORMAT:
            raise InputError("not an agents transcript", where=str(p),
                             hint="transcripts are written by `schema-architect design --engine agents --transcript FILE`")
        turns = [Turn(**t) for t in data.get("turns", [])]
        return cls(requirement=data["requirement"], mode=data["mode"], model=data["model"], turns=turns,
                   status=data.get("status", ""), message=data.get("message", ""), schema=data.get("schema"))
