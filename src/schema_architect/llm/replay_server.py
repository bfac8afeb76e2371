"""A real chat-completions HTTP server on loopback that replays scripted answers.

No language-model API can be reached from the test machines, so the client, the agents workflow and
the web app's assistant are tested against this server: real HTTP, the real OpenAI wire format
(JSON and server-sent-event streaming), scripted content. Each request takes the next matching step:

* ``Reply(content=...)`` or ``Reply(tool_calls=[...])``: a normal answer with usage figures;
* ``Reply(status=429)`` (or 500, 401, 404...): an error response in OpenAI's error shape;
* ``Reply(delay=...)``: wait before answering (to trigger client timeouts);
* ``Reply(hang_after_chunks=N)``: stream N chunks, then close the connection mid-stream.

A step may carry ``when``: a substring that must appear in the request's messages (e.g. a role's
name in its system prompt), so scripts stay readable when the order of speakers is the thing tested.
"""

from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


def count_tokens(text: str) -> int:
    """A deterministic stand-in for a tokenizer: about one token per 4 characters."""
    return max(1, (len(text) + 3) // 4)


@dataclass
class Reply:
    content: str | None = None
    tool_calls: list[dict] | None = None  # [{"name": ..., "arguments": {...} or "json"}]
    status: int = 200
    delay: float = 0.0
    when: str | None = None
    hang_after_chunks: int | None = None
    prompt_tokens: int | None = None  # default: counted from the request
    completion_tokens: int | None = None  # default: counted from the content


@dataclass
class ReplayServer:
    script: list[Reply] = field(default_factory=list)
    model: str = "replay-model"
    requests: list[dict] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def __post_init__(self) -> None:
        self._httpd: ThreadingHTTPServer | None = None
        self._thread: threading.Thread | None = None

    # -- lifecycle --------------------------------------------------------------------------------
    def start(self) -> ReplayServer:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                if self.path.rstrip("/").endswith("/models"):
                    self._json(200, {"object": "list", "data": [{"id": server.model, "object": "model"}]})
                else:
                    self._json(404, _error("not found", "invalid_request_error"))

            def do_POST(self):
                length = int(self.headers.get("content-length") or 0)
                body = json.loads(self.rfile.read(length) or b"{}")
                if not self.path.rstrip("/").endswith("/chat/completions"):
                    self._json(404, _error(f"no route {self.path}", "invalid_request_error"))
                    return
                with server._lock:
                    server.requests.append(body)
                    step = server._take(body)
                if step is None:
                    self._json(500, _error("replay script exhausted", "server_error"))
                    return
                if step.delay:
                    time.sleep(step.delay)
                if step.status != 200:
                    headers = {"retry-after": "0"} if step.status == 429 else {}
                    self._json(step.status, _error(step.content or f"scripted {step.status}", "scripted"), headers)
                    return
                if body.get("model") not in (server.model, None):
                    self._json(404, _error(f"The model `{body.get('model')}` does not exist", "model_not_found"))
                    return
                prompt_text = json.dumps(body.get("messages", []))
                pt = step.prompt_tokens if step.prompt_tokens is not None else count_tokens(prompt_text)
                content = step.content or ""
                ct = step.completion_tokens if step.completion_tokens is not None else count_tokens(
                    content + json.dumps(step.tool_calls or []))
                if body.get("stream"):
                    self._stream(body, step, content, pt, ct)
                else:
                    self._json(200, _completion(server.model, step, content, pt, ct))

            def _json(self, status, payload, headers=None):
                data = json.dumps(payload).encode()
                self.send_response(status)
                self.send_header("content-type", "application/json")
                self.send_header("content-length", str(len(data)))
                for k, v in (headers or {}).items():
                    self.send_header(k, v)
                self.end_headers()
                self.wfile.write(data)

            def _stream(self, body, step, content, pt, ct):
                self.send_response(200)
                self.send_header("content-type", "text/event-stream")
                self.send_header("connection", "close")
                self.end_headers()
                pieces = [content[i:i + 12] for i in range(0, len(content), 12)] or [""]
                for n, piece in enumerate(pieces):
                    if step.hang_after_chunks is not None and n >= step.hang_after_chunks:
                        self.close_connection = True
                        return  # drop mid-stream, as a crashed server would
                    chunk = {"id": "chatcmpl-replay", "object": "chat.completion.chunk", "created": int(time.time()),
                             "model": server.model,
                             "choices": [{"index": 0, "delta": {"content": piece}, "finish_reason": None}]}
                    self.wfile.write(f"data: {json.dumps(chunk)}\n\n".encode())
                    self.wfile.flush()
                final = {"id": "chatcmpl-replay", "object": "chat.completion.chunk", "created": int(time.time()),
                         "model": server.model, "choices": [{"index": 0, "delta": {}, "finish_reason": "stop"}]}
                if step.tool_calls:
                    final["choices"][0]["delta"] = {"tool_calls": _tool_calls(step.tool_calls, streaming=True)}
                    final["choices"][0]["finish_reason"] = "tool_calls"
                self.wfile.write(f"data: {json.dumps(final)}\n\n".encode())
                if (body.get("stream_options") or {}).get("include_usage"):
                    usage = {"id": "chatcmpl-replay", "object": "chat.completion.chunk", "created": int(time.time()),
                             "model": server.model, "choices": [],
                             "usage": {"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct}}
                    self.wfile.write(f"data: {json.dumps(usage)}\n\n".encode())
                self.wfile.write(b"data: [DONE]\n\n")
                self.wfile.flush()
                self.close_connection = True

        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        if self._httpd:
            self._httpd.shutdown()
            self._httpd.server_close()
            self._httpd = None

    def __enter__(self) -> ReplayServer:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    @property
    def base_url(self) -> str:
        assert self._httpd, "server not started"
        return f"http://127.0.0.1:{self._httpd.server_address[1]}/v1"

    # -- script -----------------------------------------------------------------------------------
    def add(self, *steps: Reply) -> None:
        with self._lock:
            self.script.extend(steps)

    @property
    def remaining(self) -> int:
        return len(self.script)

    def _take(self, body: dict) -> Reply | None:
        text = json.dumps(body.get("messages", []))
        for i, step in enumerate(self.script):
            if step.when is None or step.when in text:
                return self.script.pop(i)
        return None


def _error(message: str, kind: str) -> dict:
    return {"error": {"message": message, "type": kind, "param": None, "code": kind}}


def _tool_calls(calls: list[dict], *, streaming: bool = False) -> list[dict]:
    out = []
    for i, c in enumerate(calls):
        args = c.get("arguments", {})
        entry = {"id": c.get("id", f"call_{i}"), "type": "function",
                 "function": {"name": c["name"], "arguments": args if isinstance(args, str) else json.dumps(args)}}
        if streaming:
            entry["index"] = i
        out.append(entry)
    return out


def _completion(model: str, step: Reply, content: str, pt: int, ct: int) -> dict:
    message: dict = {"role": "assistant", "content": content if not step.tool_calls else (step.content or None)}
    finish = "stop"
    if step.tool_calls:
        message["tool_calls"] = _tool_calls(step.tool_calls)
        finish = "tool_calls"
    return {
        "id": "chatcmpl-replay",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": model,
        "choices": [{"index": 0, "message": message, "finish_reason": finish}],
        "usage": {"prompt_tokens": pt, "completion_tokens": ct, "total_tokens": pt + ct},
    }
