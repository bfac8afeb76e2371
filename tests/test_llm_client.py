"""The model client against a real loopback chat-completions server replaying scripted answers."""

import pytest
from pydantic import BaseModel

from schema_architect.errors import InputError
from schema_architect.llm import LLMClient, LLMError, LLMOutputError, load_config
from schema_architect.llm.client import extract_json
from schema_architect.llm.replay_server import ReplayServer, Reply


class Entity(BaseModel):
    name: str
    attributes: list[str]


@pytest.fixture
def server():
    with ReplayServer() as s:
        yield s


def client_for(server, **overrides):
    cfg = load_config({"base_url": server.base_url, "model": server.model, "timeout": 2, **overrides})
    sleeps = []
    client = LLMClient(cfg, sleep=sleeps.append)
    client.sleeps = sleeps
    return client


def test_plain_completion_counts_tokens(server):
    server.add(Reply(content="hello", prompt_tokens=11, completion_tokens=2))
    c = client_for(server)
    reply = c.complete([{"role": "user", "content": "hi"}], role="pm")
    assert reply.text == "hello"
    u = c.usage()
    assert (u.prompt_tokens, u.completion_tokens, u.calls) == (11, 2, 1)
    assert server.requests[0]["messages"][0]["content"] == "hi"


def test_rate_limit_then_success_backs_off(server):
    server.add(Reply(status=429), Reply(status=503), Reply(content="ok", prompt_tokens=5, completion_tokens=1))
    c = client_for(server)
    assert c.complete([{"role": "user", "content": "x"}]).text == "ok"
    assert len(c.sleeps) == 2 and c.sleeps[1] > c.sleeps[0] * 1.5  # exponential
    assert [r.ok for r in c.ledger] == [False, False, True]
    assert c.usage().prompt_tokens == 5


def test_retries_exhausted_gives_one_clear_line(server):
    server.add(*[Reply(status=500) for _ in range(3)])
    c = client_for(server, max_retries=2)
    with pytest.raises(LLMError) as err:
        c.complete([{"role": "user", "content": "x"}])
    assert "after 3 attempt" in err.value.one_line() and "offline" in err.value.hint


def test_timeout_is_retried_then_reported(server):
    server.add(Reply(content="late", delay=1.5), Reply(content="late", delay=1.5))
    c = client_for(server, timeout=0.3, max_retries=1)
    with pytest.raises(LLMError, match="did not answer within 0.3 s"):
        c.complete([{"role": "user", "content": "x"}])


def test_structured_output_is_repaired(server):
    server.add(
        Reply(content="Sure! Here it is: {name: Book}"),
        Reply(content='```json\n{"name": "Book"}\n```'),
        Reply(content='{"name": "Book", "attributes": ["ISBN", "Title"]}'),
    )
    c = client_for(server)
    entity, _ = c.structured([{"role": "user", "content": "design"}], Entity, role="designer")
    assert entity.attributes == ["ISBN", "Title"]
    # the repair prompt shows the model its error
    assert "attributes" in server.requests[2]["messages"][-1]["content"]
    assert c.usage().calls == 3


def test_structured_output_fails_after_three_repairs(server):
    server.add(*[Reply(content="no json here") for _ in range(4)])
    c = client_for(server)
    with pytest.raises(LLMOutputError, match="after 3 repair attempts"):
        c.structured([{"role": "user", "content": "design"}], Entity)
    assert server.remaining == 0


def test_unknown_model_and_wrong_url_are_one_line(server):
    c = client_for(server, model="no-such-model")
    server.add(Reply(content="unused"))
    with pytest.raises(LLMError, match="does not know model 'no-such-model'"):
        c.complete([{"role": "user", "content": "x"}])
    dead = LLMClient(load_config({"base_url": "http://127.0.0.1:9/v1", "model": "m", "max_retries": 0}),
                     sleep=lambda s: None)
    with pytest.raises(LLMError, match="cannot connect"):
        dead.complete([{"role": "user", "content": "x"}])


def test_no_key_for_openai_is_a_clear_input_error(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("OPENAI_API_KEY", raising=False)
    with pytest.raises(InputError, match="OPENAI_API_KEY"):
        LLMClient(load_config({"model": "gpt-4o"}))
    with pytest.raises(LLMError, match="no model"):
        LLMClient(load_config({}))


def test_config_precedence(monkeypatch, tmp_path):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "schema-architect.toml").write_text('[llm]\nmodel = "from-file"\ntimeout = 9\n')
    assert load_config().model == "from-file"
    monkeypatch.setenv("SCHEMA_ARCHITECT_MODEL", "from-env")
    cfg = load_config()
    assert cfg.model == "from-env" and cfg.timeout == 9
    assert load_config({"model": "from-flag"}).model == "from-flag"
    (tmp_path / "schema-architect.toml").write_text('[llm]\nbogus = 1\n')
    with pytest.raises(InputError, match="unknown LLM setting 'bogus'"):
        load_config()


def test_extract_json_tolerates_fences_and_prose():
    assert extract_json('blah ```json\n{"a": 1}\n``` blah') == {"a": 1}
    assert extract_json('Answer: {"a": [1, 2]} thanks') == {"a": [1, 2]}
    with pytest.raises(ValueError):
        extract_json("nothing")


def test_streaming_endpoint_speaks_sse(server):
    server.add(Reply(content="abcdefghijklmnopqrstuvwxyz"))
    import openai

    sdk = openai.OpenAI(api_key="x", base_url=server.base_url)
    stream = sdk.chat.completions.create(model=server.model, messages=[{"role": "user", "content": "x"}],
                                         stream=True, stream_options={"include_usage": True})
    text, usage = "", None
    for chunk in stream:
        if chunk.choices and chunk.choices[0].delta.content:
            text += chunk.choices[0].delta.content
        if chunk.usage:
            usage = chunk.usage
    assert text == "abcdefghijklmnopqrstuvwxyz" and usage.completion_tokens > 0
