"""The LLM design engine: the six-role SchemaAgent workflow with real tools, hybrid mode and baselines."""

from .engine import AgentsDesign, design_with_agents
from .transcript import Transcript

__all__ = ["AgentsDesign", "Transcript", "design_with_agents"]
