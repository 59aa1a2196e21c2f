"""A local HTTP server that speaks the OpenAI chat-completions and Gemini generateContent APIs.

Tests point the real `openai` and `google-genai` clients at it (base URLs), so requests go over a
real connection and through the SDKs' own timeouts, retries and parsing; never the internet.

Each provider has a behaviour, set by a test before it calls:
  good            a valid script per language, built from the request (the languages from the
                  JSON schema sent, the courses from the prompt), ~6 minutes, 3 questions asked;
                  to a grader's request (its schema), a grade (bench.provider_replies.grade_reply)
  slow            sleeps `slow_seconds`, longer than the client's timeout, then answers well
  failing         HTTP `fail_status` (500 by default); `fail_times` limits it to the first N calls
  malformed       not JSON at all
  missing-fields  JSON without the questions
  wrong-language  English text in every non-English slot (French in an English one)
  english-paragraph  each non-English script has one paragraph in English
  too-short       a valid shape, but a few sentences only
  no-courses      a valid shape and length that never names the courses
Every request is recorded (path, headers, JSON body) so tests can assert the prompt, the model,
the schema and the key sent.
"""

from __future__ import annotations

import json
import re
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from bench.provider_replies import completion, structured_reply

GOOGLE_STATUS = {401: "UNAUTHENTICATED", 403: "PERMISSION_DENIED", 429: "RESOURCE_EXHAUSTED", 500: "INTERNAL",
                 503: "UNAVAILABLE"}
BEHAVIOURS = ("good", "slow", "failing", "malformed", "missing-fields", "wrong-language", "english-paragraph",
              "too-short", "no-courses")

@dataclass
class Call:
    """One request the server received."""

    path: str
    headers: dict[str, str]
    body: dict

    @property
    def prompt(self) -> str:
        """The user's message (OpenAI) or the contents' text (Gemini)."""
        if "messages" in self.body:
            return self.body["messages"][-1]["content"]
        return self.body["contents"][0]["parts"][0]["text"]

    @property
    def system(self) -> str:
        if "messages" in self.body:
            return self.body["messages"][0]["content"]
        return self.body["systemInstruction"]["parts"][0]["text"]

    @property
    def schema(self) -> dict:
        if "response_format" in self.body:
            return self.body["response_format"]["json_schema"]["schema"]
        return self.body["generationConfig"]["responseJsonSchema"]


@dataclass
class Provider:
    """What one fake provider does, and what it was asked."""

    behaviour: str = "good"
    slow_seconds: float = 3.0
    fail_status: int = 500
    fail_times: int | None = None  # None: fail every call
    reply: str | None = None  # when set, the model's text for "good", verbatim
    total_tokens: int = 4321
    thought_tokens: int = 0  # a thinking model's (Gemini's thoughtsTokenCount), billed as output
    calls: list[Call] = field(default_factory=list)

    def set(self, behaviour: str, **options) -> Provider:
        if behaviour not in BEHAVIOURS:
            raise ValueError(f"unknown behaviour {behaviour!r}")
        self.behaviour = behaviour
        for name, value in options.items():
            setattr(self, name, value)
        return self


class FakeLLMServer:
    def __init__(self):
        self.openai = Provider()
        self.gemini = Provider()
        self._stopping = threading.Event()
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._server.daemon_threads = True  # a slow reply must not hold up the test's end
        # A short poll interval: shutdown() waits for the loop to notice, once per test.
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, name="fake-llm", daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    @property
    def openai_base_url(self) -> str:
        return f"{self.url}/v1"

    @property
    def gemini_base_url(self) -> str:
        return self.url

    def __enter__(self) -> FakeLLMServer:
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stopping.set()
        self._server.shutdown()
        self._server.server_close()

    # -- answering -------------------------------------------------------------------------

    def answer(self, method: str, path: str, headers: dict, body: dict) -> tuple[int, dict, str]:
        """(status, extra headers, body text) for one request."""
        provider, kind = _route(self, method, path)
        if provider is None:
            return 404, {}, json.dumps({"error": {"message": f"no route {method} {path}"}})
        call = Call(path, headers, body)
        with self._lock:
            provider.calls.append(call)
            failing = provider.behaviour == "failing" and (
                provider.fail_times is None or len(provider.calls) <= provider.fail_times
            )
        if failing:
            return _failure(provider, kind)
        if kind.endswith("model"):
            return 200, {}, json.dumps(_model_info(kind, path))
        if provider.behaviour == "slow":
            self._stopping.wait(provider.slow_seconds)
        text = _model_text(provider, call)
        return 200, {}, json.dumps(completion(kind, body, text, provider.total_tokens, provider.thought_tokens))


def _route(server: FakeLLMServer, method: str, path: str) -> tuple[Provider | None, str]:
    if method == "POST" and path == "/v1/chat/completions":
        return server.openai, "openai"
    if method == "GET" and path.startswith("/v1/models/"):
        return server.openai, "openai-model"
    if method == "POST" and re.fullmatch(r"/v1beta/models/[^/:]+:generateContent", path):
        return server.gemini, "gemini"
    if method == "GET" and re.fullmatch(r"/v1beta/models/[^/:]+", path):
        return server.gemini, "gemini-model"
    return None, ""


def _failure(provider: Provider, kind: str) -> tuple[int, dict, str]:
    status = provider.fail_status
    if kind.startswith("openai"):
        # The SDK honours retry-after-ms (OpenAI sends it with rate limits); it keeps tests' backoff short.
        body = {"error": {"message": "The server had an error", "type": "server_error", "param": None, "code": None}}
        return status, {"retry-after-ms": "10"}, json.dumps(body)
    body = {"error": {"code": status, "message": "The model failed.", "status": GOOGLE_STATUS.get(status, "UNKNOWN")}}
    return status, {}, json.dumps(body)


def _model_info(kind: str, path: str) -> dict:
    model = path.rsplit("/", 1)[-1]
    if kind == "openai-model":
        return {"id": model, "object": "model", "created": 0, "owned_by": "fake"}
    return {"name": f"models/{model}", "displayName": model, "supportedGenerationMethods": ["generateContent"]}


# -- the "model" ---------------------------------------------------------------------------


def _model_text(provider: Provider, call: Call) -> str:
    if provider.behaviour == "malformed":
        return 'Sure! Here is your podcast: {"scripts": {"en": "Hello'
    if provider.behaviour in ("good", "slow") and provider.reply is not None:
        return provider.reply
    reply = structured_reply(call.schema, call.prompt, provider.behaviour)
    if provider.behaviour == "missing-fields" and "questions" in reply:
        del reply["questions"]
    return json.dumps(reply, ensure_ascii=False)


def _handler_for(server: FakeLLMServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"  # keep-alive, as the SDKs' connection pools expect

        def do_POST(self) -> None:
            length = int(self.headers.get("content-length") or 0)
            raw = self.rfile.read(length) if length else b""
            self._reply(json.loads(raw) if raw else {})

        def do_GET(self) -> None:
            self._reply({})

        def _reply(self, body: dict) -> None:
            path = self.path.split("?", 1)[0]
            headers = {k.lower(): v for k, v in self.headers.items()}
            status, extra, text = server.answer(self.command, path, headers, body)
            data = text.encode()
            try:
                self.send_response(status)
                for name, value in {"content-type": "application/json", **extra}.items():
                    self.send_header(name, value)
                self.send_header("content-length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (its timeout), as a slow reply intends

        def log_message(self, *args) -> None:  # keep test output quiet
            pass

    return Handler


@pytest.fixture
def fake_llm():
    """A running FakeLLMServer; both providers start 'good'."""
    with FakeLLMServer() as server:
        yield server
