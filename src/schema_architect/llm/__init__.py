"""The language-model client: configuration, retries, structured output, token accounting."""

from .client import LLMClient, LLMError, LLMOutputError, Usage
from .config import LLMConfig, load_config

__all__ = ["LLMClient", "LLMConfig", "LLMError", "LLMOutputError", "Usage", "load_config"]
