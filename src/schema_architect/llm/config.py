"""Where the language model is and how to talk to it.

Precedence, highest first: explicit overrides (CLI flags), environment variables, the config file,
defaults. The config file is ``schema-architect.toml`` in the working directory or
``~/.config/schema-architect/config.toml``, section ``[llm]``::

    [llm]
    base_url = "http://127.0.0.1:11434/v1"   # Ollama, vLLM, LM Studio, llama.cpp, or omit for OpenAI
    model = "qwen2.5:7b"
    api_key_env = "OPENAI_API_KEY"           # the *name* of the variable holding the key
    timeout = 60
    temperature = 0
    price_per_1k_prompt = 0.0025             # optional, for cost accounting
    price_per_1k_completion = 0.01
"""

from __future__ import annotations

import os
import tomllib
from dataclasses import dataclass, field, fields, replace
from pathlib import Path

from ..errors import InputError

OPENAI_DEFAULT_BASE_URL = "https://api.openai.com/v1"

ENV_PREFIX = "SCHEMA_ARCHITECT_"
_ENV_NAMES = {
    "base_url": "LLM_BASE_URL",
    "model": "MODEL",
    "api_key_env": "API_KEY_ENV",
    "timeout": "LLM_TIMEOUT",
    "temperature": "LLM_TEMPERATURE",
    "max_retries": "LLM_MAX_RETRIES",
}


@dataclass(frozen=True)
class LLMConfig:
    base_url: str | None = None
    model: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    timeout: float = 60.0
    temperature: float = 0.0
    max_retries: int = 4
    backoff_base: float = 0.5  # seconds; doubled each retry, plus jitter
    backoff_max: float = 20.0
    json_mode: bool = False  # ask for response_format=json_object (not every server supports it)
    price_per_1k_prompt: float | None = None
    price_per_1k_completion: float | None = None
    source: dict = field(default_factory=dict, compare=False)  # which setting came from where

    @property
    def configured(self) -> bool:
        """A model is named: the LLM engines can be tried (they may still fail to connect)."""
        return bool(self.model)

    @property
    def uses_openai(self) -> bool:
        return not self.base_url or self.base_url.rstrip("/") == OPENAI_DEFAULT_BASE_URL

    def api_key(self) -> str:
        """The key from the named environment variable; local servers accept any placeholder."""
        key = os.environ.get(self.api_key_env)
        if key:
            return key
        if self.uses_openai:
            raise InputError(
                f"no API key: the environment variable {self.api_key_env} is not set",
                hint="export it, point --llm-base-url at a local server, or use --engine offline",
            )
        return "not-needed"

    def cost(self, prompt_tokens: int, completion_tokens: int) -> float | None:
        if self.price_per_1k_prompt is None or self.price_per_1k_completion is None:
            return None
        return prompt_tokens / 1000 * self.price_per_1k_prompt + completion_tokens / 1000 * self.price_per_1k_completion


def _config_files() -> list[Path]:
    return [Path.cwd() / "schema-architect.toml", Path.home() / ".config" / "schema-architect" / "config.toml"]


def _coerce(name: str, value, where: str):
    kinds = {f.name: f.type for f in fields(LLMConfig)}
    if name not in kinds or name == "source":
        raise InputError(f"unknown LLM setting {name!r}", where=where,
                         hint="known: " + ", ".join(n for n in kinds if n != "source"))
    try:
        if name in ("timeout", "temperature", "backoff_base", "backoff_max", "price_per_1k_prompt",
                    "price_per_1k_completion"):
            return None if value is None else float(value)
        if name == "max_retries":
            return int(value)
        if name == "json_mode":
            return value if isinstance(value, bool) else str(value).lower() in ("1", "true", "yes", "on")
        return None if value is None else str(value)
    except (TypeError, ValueError):
        raise InputError(f"LLM setting {name} has an invalid value {value!r}", where=where) from None


def load_config(overrides: dict | None = None, *, config_file: Path | None = None) -> LLMConfig:
    """Merge defaults, the config file, environment variables and ``overrides`` (None values ignored)."""
    cfg = LLMConfig()
    source: dict[str, str] = {}
    files = [config_file] if config_file else _config_files()
    for path in files:
        if path and path.is_file():
            try:
                data = tomllib.loads(path.read_text(encoding="utf-8")).get("llm", {})
            except tomllib.TOMLDecodeError as exc:
                raise InputError(f"invalid TOML: {exc}", where=str(path)) from None
            for k, v in data.items():
                cfg = replace(cfg, **{k: _coerce(k, v, str(path))})
                source[k] = str(path)
            break
    for k, env in _ENV_NAMES.items():
        value = os.environ.get(ENV_PREFIX + env)
        if value not in (None, ""):
            cfg = replace(cfg, **{k: _coerce(k, value, f"${ENV_PREFIX}{env}")})
            source[k] = f"${ENV_PREFIX}{env}"
    for k, v in (overrides or {}).items():
        if v is not None:
            cfg = replace(cfg, **{k: _coerce(k, v, f"--{k.replace('_', '-')}")})
            source[k] = "command line"
    if cfg.timeout is not None and cfg.timeout <= 0:
        raise InputError("the LLM timeout must be positive")
    return replace(cfg, source=source)
