"""The conceptual model: what a requirements text says, before it becomes tables.

Entities own attributes and take part in relationships; every element remembers the span of
the input text it came from, so a design can be explained ("the table ``Flight`` exists because
of: 'Each airplane can perform multiple flights'"). The offline design engine fills this model
from English; the logical design step turns it into a :class:`~schema_architect.model.Schema`.
"""

from __future__ import annotations

from enum import Enum

from pydantic import BaseModel, ConfigDict, Field


class _Node(BaseModel):
    model_config = ConfigDict(extra="forbid")


class Span(_Node):
    """A half-open character range ``[start, end)`` of the requirements text, with its words."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str

    def quote(self, limit: int = 120) -> str:
        t = " ".join(self.text.split())
        return t if len(t) <= limit else t[: limit - 1] + "…"


class Cardinality(str, Enum):
    ONE = "1"
    MANY = "N"


class Attribute(_Node):
    name: str = Field(description="the requirement's own words, title-cased: 'Passenger Capacity'")
    span: Span | None = None
    identifier: bool = Field(default=False, description="identifies its entity (ID, number, code, No.)")
    unique: bool = Field(default=False, description="the text says it is unique")
    allowed_values: list[str] = Field(default_factory=list, description="listed values: status 'active', 'closed'")
    value_range: tuple[float, float] | None = Field(default=None, description="stated range, e.g. rating 1-5")
    references: str | None = Field(default=None, description="name of the entity this attribute points at")
    role: str | None = Field(default=None, description="role of the reference, e.g. 'Captain' for a crew member")


class Entity(_Node):
    name: str = Field(description="singular, title-cased: 'Maintenance Record'")
    attributes: list[Attribute] = Field(default_factory=list)
    spans: list[Span] = Field(default_factory=list, description="where the text mentions it")
    weak: bool = Field(default=False, description="identified through its owner (order line, progress update)")
    explicit: bool = Field(default=False, description="the text names it as a table or lists its fields")

    def attribute(self, name: str) -> Attribute | None:
        low = name.lower()
        return next((a for a in self.attributes if a.name.lower() == low), None)


class Relationship(_Node):
    """A binary relationship. ``left_card``/``right_card`` say how many of each side take part.

    ``left`` 1 : ``right`` N means one left has many rights (the FK lives on ``right``).
    """

    left: str
    right: str
    left_card: Cardinality = Cardinality.ONE
    right_card: Cardinality = Cardinality.MANY
    name: str | None = Field(default=None, description="verb or junction name: 'Enrollment'")
    attributes: list[Attribute] = Field(default_factory=list, description="attributes of the relationship itself")
    role: str | None = Field(default=None, description="role of the one side, e.g. 'Manager' for a self reference")
    span: Span | None = None
    stated: bool = Field(default=True, description="False when the cardinality is a default assumption")
    definite_one: bool = Field(default=False, description="the one side is a single thing of the text ('the "
                                                          "university has many departments'), not a kind")
    subtype: bool = Field(default=False, description="the right side is a role of the left with fields of its own "
                                                    "('users can be sellers; a seller has a shop name'): keyed by the left's key")
    fallback: bool = Field(default=False, description="only read from the one person named with a record ('customers "
                                                      "rent cars ... rental fee'): used when the record has no other link")

    @property
    def kind(self) -> str:
        pair = (self.left_card, self.right_card)
        if pair == (Cardinality.MANY, Cardinality.MANY):
            return "M:N"
        if pair == (Cardinality.ONE, Cardinality.ONE):
            return "1:1"
        return "1:N"


class Decision(_Node):
    """One design decision, why it was taken, and the text it came from."""

    subject: str = Field(description="what it is about: 'table Flight', 'Flight.Airplane Number'")
    decision: str
    rationale: str
    span: Span | None = None


class Question(_Node):
    """A clarifying question with the assumption taken while it is unanswered."""

    id: str
    question: str
    assumption: str
    options: list[str] = Field(default_factory=list)
    span: Span | None = None


class ConceptualModel(_Node):
    entities: list[Entity] = Field(default_factory=list)
    relationships: list[Relationship] = Field(default_factory=list)

    def entity(self, name: str) -> Entity | None:
        low = name.lower()
        return next((e for e in self.entities if e.name.lower() == low), None)
