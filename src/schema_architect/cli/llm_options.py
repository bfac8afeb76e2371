"""The language-model flags shared by every command that can run an LLM engine.

They override the config file and environment (see ``schema_architect.llm.config``); engines built
by name read the merged configuration, so the flags are handed on through the same environment
variables a user could set.
"""

from __future__ import annotations

import os

import typer

from ..llm.config import ENV_PREFIX

BASE_URL = typer.Option(None, "--llm-base-url", help="OpenAI-compatible endpoint, e.g. http://127.0.0.1:11434/v1")
MODEL = typer.Option(None, "--model", help="model name; without one the offline engine is used")
API_KEY_ENV = typer.Option(None, "--api-key-env", help="name of the environment variable holding the API key")


def apply_llm_flags(base_url: str | None, model: str | None, api_key_env: str | None) -> None:
    for name, value in (("LLM_BASE_URL", base_url), ("MODEL", model), ("API_KEY_ENV", api_key_env)):
        if value is not None:
            os.environ[ENV_PREFIX + name] = value
