"""Entry points of the LLM design engines: the agents workflow, hybrid mode, and the paper's baselines.

``design_with_agents`` returns a schema only when the workflow produced a valid one; otherwise it
raises :class:`LLMError` — a model that answers nonsense never leaves a half-written design behind.
"""

from __future__ import annotations

from dataclasses import dataclass
from importlib import resources
from pathlib import Path

from ..llm import LLMClient, LLMConfig, load_config
from ..llm.client import LLMError, Usage
from ..model import Schema, schema_from_dict
from .logical import build_schema
from .outputs import LogicalDesign
from .transcript import Transcript
from .workflow import Workflow


@dataclass
class AgentsDesign:
    schema: Schema
    transcript: Transcript
    usage: Usage


def offline_draft(text: str) -> Schema:
    """The offline engine's design, used as the draft in hybrid mode."""
    from ..design import design

    return design(text).schema


def design_with_agents(text: str, *, config: LLMConfig | None = None, mode: str = "agents",
                       transcript_path: str | Path | None = None, max_rounds: int = 15,
                       client: LLMClient | None = None, draft: Schema | None = None,
                       postgres_url: str | None = None) -> AgentsDesign:
    client = client or LLMClient(config or load_config())
    if mode == "hybrid" and draft is None:
        draft = offline_draft(text)
    transcript = Workflow(client, mode=mode, max_rounds=max_rounds, draft=draft, postgres_url=postgres_url).run(text)
    if transcript_path:
        transcript.save(transcript_path)
    if transcript.schema is None:
        raise LLMError(f"the {mode} workflow produced no valid schema: {transcript.message}",
                       hint="see the transcript with `schema-architect trace FILE`, or use --engine offline")
    return AgentsDesign(schema=schema_from_dict(transcript.schema), transcript=transcript, usage=client.usage())


# -- the paper's baselines ------------------------------------------------------------------------
_BASE_PROMPT = """You are a database designer. Design a relational schema in third normal form for the
requirement. Keep the requirement's own words for table and column names. Entity sets become tables
keyed by their identifier; one-to-many links become foreign keys on the many side; many-to-many links
become junction tables keyed by the two foreign keys (no surrogate id), carrying the link's attributes.
Types: NUMERIC, TEXT, DATETIME, BINARY or BOOL (or INTEGER, DECIMAL(p,s), VARCHAR(n), DATE, TIMESTAMP).
NOT NULL and UNIQUE only on keys unless the requirement says more.

Answer with one JSON object:
{"tables": [{"name": "...", "columns": [{"name": "...", "type": "...", "not_null": false, "unique": false}],
  "primary_key": ["..."], "foreign_keys": [{"columns": ["..."], "references_table": "...",
  "references_columns": ["..."]}]}]}"""

_COT = """Think in six steps before answering, writing each briefly:
1. List the entity sets the requirement mentions.
2. List each entity set's attributes, in the requirement's words.
3. Choose each entity set's key.
4. List the relationships between entity sets with their mapping cardinality (1:1, 1:N, M:N) and attributes.
5. Map them to tables: foreign keys for 1:N and 1:1, junction tables for M:N.
6. Check every table is in 3NF and every foreign key references an existing key.
Then give the JSON object in a ```json fenced block."""


def _examples(tables: int) -> str:
    return resources.files("schema_architect.agents").joinpath(f"prompts/examples_{tables}_tables.md").read_text(
        encoding="utf-8")


class _SingleCallEngine:
    """One prompt, one JSON answer: the paper's one-shot, chain-of-thought and few-shot baselines."""

    name = "oneshot"

    def __init__(self, config: LLMConfig | None = None, *, cot: bool = False, examples: tuple[int, ...] = (2,)):
        self.config = config or load_config()
        self.cot = cot
        self.examples = examples

    def prompt(self, text: str) -> list[dict]:
        system = _BASE_PROMPT + ("\n\n" + _COT if self.cot else "")
        shots = "\n\n".join(_examples(n) for n in self.examples)
        return [{"role": "system", "content": system},
                {"role": "user", "content": f"{shots}\n\n## Requirement\n{text.strip()}"}]

    def design(self, text: str):
        from ..bench.engines import EngineResult

        client = LLMClient(self.config)
        answer, _ = client.structured(self.prompt(text), LogicalDesign, role=self.name)
        built = build_schema(answer)
        if built.errors:
            raise LLMError(f"{self.name}: the model's schema is inconsistent: {built.errors[0]}")
        u = client.usage()
        return EngineResult(schema=built.schema, prompt_tokens=u.prompt_tokens, completion_tokens=u.completion_tokens,
                            metadata={"calls": u.calls})


class OneShotEngine(_SingleCallEngine):
    name = "oneshot"


class OneShotCoTEngine(_SingleCallEngine):
    name = "oneshot-cot"

    def __init__(self, config: LLMConfig | None = None):
        super().__init__(config, cot=True)


class FewShotEngine(_SingleCallEngine):
    name = "fewshot"

    def __init__(self, config: LLMConfig | None = None):
        super().__init__(config, examples=(2, 4, 6))


class AgentsEngine:
    name = "agents"
    mode = "agents"

    def __init__(self, config: LLMConfig | None = None):
        self.config = config or load_config()

    def design(self, text: str):
        from ..bench.engines import EngineResult

        result = design_with_agents(text, config=self.config, mode=self.mode)
        return EngineResult(schema=result.schema, prompt_tokens=result.usage.prompt_tokens,
                            completion_tokens=result.usage.completion_tokens,
                            metadata={"calls": result.usage.calls, "rounds": len(result.transcript.turns),
                                      "status": result.transcript.status})


class HybridEngine(AgentsEngine):
    name = "hybrid"
    mode = "hybrid"
