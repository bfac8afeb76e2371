"""The normalization engine: functional dependencies, keys, normal forms and decompositions.

Pure Python on bit sets, exact and explainable. The entry points:

* :func:`analyze` - everything about one relation (keys with closure proofs, normal form with its
  violations, minimal cover, 3NF and BCNF decompositions with their lossless/preservation tests).
* :func:`decompose` - a relation (attributes + FDs) to 3NF or BCNF fragments; what the design
  engines call.
* :func:`normalize_table` / :func:`normalize_schema` - the same on the schema model: decomposed
  :class:`~schema_architect.model.Table` objects with primary keys, foreign keys and a rationale.
* :func:`repair_1nf` - repeating groups, list-valued and composite columns to child tables/columns.
* :func:`is_lossless`, :func:`preserves_dependencies`, :func:`project` - tests on any decomposition.

Example::

    >>> from schema_architect.normalize import Relation, Dependencies
    >>> deps = Dependencies(Relation("R", ("A", "B", "C")), ["A -> B", "B -> C"])
    >>> deps.candidate_keys
    [('A',)]
"""

from .analysis import Analysis, analyze, check_declared_key
from .chase import chase, is_lossless, not_preserved, preserves_dependencies
from .closure import Closure, ClosureStep, Dependencies
from .decompose import (
    Decomposition,
    Fragment,
    NormalizationLimitError,
    decompose,
    decompose_bcnf,
    is_3nf_fragment,
    is_bcnf_fragment,
    project,
    synthesize_3nf,
)
from .forms import NormalFormReport, Violation, check_normal_forms
from .relation import FD, Relation, as_fds, parse_fd, parse_relation

__all__ = [
    "FD",
    "Analysis",
    "Closure",
    "ClosureStep",
    "Decomposition",
    "Dependencies",
    "Fragment",
    "NormalFormReport",
    "NormalizationLimitError",
    "Relation",
    "Violation",
    "analyze",
    "as_fds",
    "chase",
    "check_declared_key",
    "check_normal_forms",
    "decompose",
    "decompose_bcnf",
    "is_3nf_fragment",
    "is_bcnf_fragment",
    "is_lossless",
    "not_preserved",
    "parse_fd",
    "parse_relation",
    "preserves_dependencies",
    "project",
    "synthesize_3nf",
]

from .first_nf import FirstNFRepair, NonAtomic, detect_1nf, repair_1nf
from .tables import SchemaNormalization, TableNormalization, normalize_schema, normalize_table

__all__ += [
    "FirstNFRepair",
    "NonAtomic",
    "SchemaNormalization",
    "TableNormalization",
    "detect_1nf",
    "normalize_schema",
    "normalize_table",
    "repair_1nf",
]
