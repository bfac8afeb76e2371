"""The offline design engine: English requirements -> conceptual model -> normalized schema.

Stages, each its own module with a plain data structure between them:
``segment`` (sentences) -> ``attributes`` (enumerations) -> ``entities`` (owners, merging) ->
``relationships`` (cardinality) -> ``logical`` (tables, keys, types, constraints). ``engine``
runs them and adds clarifying questions; ``naming`` renders names in a convention.
"""

from .engine import DesignResult, OfflineEngine, design

__all__ = ["DesignResult", "OfflineEngine", "design"]
