"""What each role must answer: pydantic models validated from the model's JSON.

Fields a reviewer must be able to flag (a cardinality spelled wrong, a key naming a missing
attribute) are kept as plain strings here, so that bad values reach the structural checks as
findings instead of being bounced by JSON validation.
"""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

ROLES = (
    "product_manager",
    "conceptual_designer",
    "conceptual_reviewer",
    "logical_designer",
    "qa_engineer",
    "test_executor",
)
TERMINAL = "TERMINAL"


class _Out(BaseModel):
    model_config = ConfigDict(extra="ignore")
    next_speaker: str | None = None


class RequirementReport(_Out):
    summary: str = ""
    business_processes: list[str] = Field(default_factory=list)
    data_to_store: list[str] = Field(default_factory=list)
    operations: list[str] = Field(default_factory=list)
    accept: bool | None = None
    comments: str = ""


class EntitySpec(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str
    attributes: list[str] = Field(default_factory=list)
    key: list[str] = Field(default_factory=list)
    weak_owner: str | None = None


class RelationshipSpec(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str = ""
    between: list[str] = Field(default_factory=list)
    cardinality: str = ""
    attributes: list[str] = Field(default_factory=list)
    roles: list[str] = Field(default_factory=list)


class ConceptualDesign(_Out):
    entities: list[EntitySpec] = Field(default_factory=list)
    relationships: list[RelationshipSpec] = Field(default_factory=list)


class ReviewIssue(BaseModel):
    model_config = ConfigDict(extra="ignore")
    element: str = ""
    problem: str
    fix: str = ""


class Review(_Out):
    approved: bool = False
    issues: list[ReviewIssue] = Field(default_factory=list)


class ColumnSpec(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str
    type: str = "TEXT"
    not_null: bool = False
    unique: bool = False


class ForeignKeySpec(BaseModel):
    model_config = ConfigDict(extra="ignore")
    columns: list[str]
    references_table: str
    references_columns: list[str] = Field(default_factory=list)


class FDSpec(BaseModel):
    model_config = ConfigDict(extra="ignore")
    lhs: list[str]
    rhs: list[str]


class TableSpec(BaseModel):
    model_config = ConfigDict(extra="ignore")
    name: str
    columns: list[ColumnSpec] = Field(default_factory=list)
    primary_key: list[str] = Field(default_factory=list)
    foreign_keys: list[ForeignKeySpec] = Field(default_factory=list)
    functional_dependencies: list[FDSpec] = Field(default_factory=list)


class LogicalDesign(_Out):
    tables: list[TableSpec] = Field(min_length=1)


class QACase(BaseModel):
    model_config = ConfigDict(extra="ignore")
    id: str
    description: str = ""
    kind: str = "insert"
    sql: list[str] = Field(min_length=1)
    expect: str = "success"
    expect_rows: int | None = None


class TestPlan(_Out):
    test_cases: list[QACase] = Field(min_length=1)


class Failure(BaseModel):
    model_config = ConfigDict(extra="ignore")
    case: str = ""
    cause: str = ""
    fix: str = ""


class TestReport(_Out):
    passed: bool = False
    report: str = ""
    failures: list[Failure] = Field(default_factory=list)


OUTPUT_OF_ROLE: dict[str, type[_Out]] = {
    "product_manager": RequirementReport,
    "conceptual_designer": ConceptualDesign,
    "conceptual_reviewer": Review,
    "logical_designer": LogicalDesign,
    "qa_engineer": TestPlan,
    "test_executor": TestReport,
}
