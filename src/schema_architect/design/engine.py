"""The offline design engine: requirements text -> conceptual model -> logical schema, explained.

``design(text)`` runs the stages (segment, attribute lists, entities, relationships, logical
design), then asks up to three clarifying questions where the text left a choice open, and applies
answers given for them. It needs no network and no model files; a typical requirement takes a few
milliseconds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..errors import InputError
from ..model.conceptual import Cardinality, ConceptualModel, Decision, Question, Span
from ..model.schema import Schema
from .dependencies import normalize_design
from .lexicon import ENTITY_LIKE_ATTRIBUTES
from .logical import design_logical
from .understand import read_requirements

ENGINE_NAME = "offline"
MAX_QUESTIONS = 3
MAX_INPUT_CHARS = 2_000_000


@dataclass
class DesignResult:
    text: str
    schema: Schema
    conceptual: ConceptualModel
    decisions: list[Decision] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    not_understood: list[Span] = field(default_factory=list)
    engine: str = ENGINE_NAME


def check_text(text: str | bytes) -> str:
    """The text as a string, or an InputError saying why it cannot be designed from."""
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8")
        except UnicodeDecodeError:
            raise InputError("the requirements are binary data, not text",
                             hint="give plain English text (UTF-8), e.g. 'Each customer has a name and an email.'") from None
    if "\x00" in text:
        raise InputError("the requirements contain NUL bytes: this looks like binary data, not text",
                         hint="give plain English text (UTF-8)")
    if not text.strip():
        raise InputError("the requirements text is empty",
                         hint="describe the data, e.g. 'Each customer has a name and an email; a customer places many orders.'")
    if len(text) > MAX_INPUT_CHARS:
        raise InputError(f"the requirements text is {len(text):,} characters; the limit is {MAX_INPUT_CHARS:,}",
                         hint="split the description into parts and design them separately")
    letters = sum(ch.isalpha() for ch in text[:20000])
    ascii_letters = sum(ch.isascii() and ch.isalpha() for ch in text[:20000])
    if letters and ascii_letters / letters < 0.5:
        raise InputError("the requirements do not look like English text (the offline engine reads English only)",
                         hint="write the requirements in English, or use an LLM engine for other languages")
    return text


def design(text: str | bytes, answers: dict[str, str] | None = None) -> DesignResult:
    """Design a schema from requirements text. Raises InputError when nothing can be designed."""
    text = check_text(text)
    reading = read_requirements(text)
    model = reading.model
    if not model.entities:
        understood = ", ".join(s.quote(60) for s in reading.unread[:2])
        raise InputError(
            "no entity with attributes was recognized in the requirements"
            + (f" (read {len(reading.sentences)} sentence(s), e.g. {understood!r})" if understood else ""),
            hint="name the things to store and their details, e.g. 'Each book has an ISBN, a title and a price. "
                 "Each author writes multiple books.'",
        )
    questions = _questions(model)
    _apply_answers(model, questions, answers or {})
    schema, decisions = design_logical(model)
    schema, normal = normalize_design(schema, text)
    decisions += normal
    return DesignResult(text=text, schema=schema, conceptual=model, decisions=reading.decisions + decisions,
                        questions=questions, not_understood=reading.unread)


def _questions(model: ConceptualModel) -> list[Question]:
    qs: list[Question] = []
    for i, rel in enumerate(model.relationships):
        if not rel.stated and len(qs) < MAX_QUESTIONS:
            qs.append(Question(
                id=f"card-{_slug(rel.left)}-{_slug(rel.right)}",
                question=f"Can one {rel.right} be linked to several {rel.left} records, and one {rel.left} to several {rel.right}?",
                assumption=f"one {rel.left} has many {rel.right} (a foreign key on {rel.right})",
                options=["1:N", "M:N", "1:1"], span=rel.span))
    for ent in model.entities:
        for a in ent.attributes:
            if len(qs) >= MAX_QUESTIONS:
                return qs
            if a.name.lower() in ENTITY_LIKE_ATTRIBUTES and not a.references and not model.entity(a.name):
                qs.append(Question(
                    id=f"entity-{_slug(ent.name)}-{_slug(a.name)}",
                    question=f"Is {ent.name}.{a.name} a plain value, or a thing of its own with details (a separate table)?",
                    assumption=f"{a.name} is a plain column of {ent.name}",
                    options=["attribute", "entity"], span=a.span))
    return qs


def _apply_answers(model: ConceptualModel, questions: list[Question], answers: dict[str, str]) -> None:
    from ..model.conceptual import Attribute, Entity, Relationship

    for q in questions:
        ans = str(answers.get(q.id, "")).strip().lower()
        if not ans:
            continue
        if q.id.startswith("card-"):
            for rel in model.relationships:
                if q.id == f"card-{_slug(rel.left)}-{_slug(rel.right)}":
                    if ans in ("m:n", "n:m", "many-to-many", "many"):
                        rel.left_card = rel.right_card = Cardinality.MANY
                    elif ans in ("1:1", "one-to-one", "one"):
                        rel.left_card = rel.right_card = Cardinality.ONE
                    rel.stated = True
        elif q.id.startswith("entity-") and ans in ("entity", "table", "yes"):
            for ent in model.entities:
                for a in list(ent.attributes):
                    if q.id == f"entity-{_slug(ent.name)}-{_slug(a.name)}":
                        ent.attributes.remove(a)
                        model.entities.append(Entity(name=a.name, attributes=[Attribute(name="Name")],
                                                     spans=[a.span] if a.span else []))
                        model.relationships.append(Relationship(left=a.name, right=ent.name, span=a.span))


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


class OfflineEngine:
    """The benchmark harness's view of this engine: ``design(text) -> Schema``."""

    name = ENGINE_NAME

    def design(self, text: str) -> Schema:
        return design(text).schema
