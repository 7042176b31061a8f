"""Conformance tests: the real clients, unmodified, against the Ollama double."""

from __future__ import annotations

import base64
import math
import threading
import time
import uuid
from collections.abc import Generator, Iterator
from typing import Any

import chromadb
import httpx
import ollama
import pytest
from chromadb.config import Settings
from chromadb.utils.embedding_functions import OllamaEmbeddingFunction
from langchain_core.messages import AIMessage, HumanMessage, ToolMessage
from langchain_core.tools import tool
from langchain_ollama import ChatOllama, OllamaEmbeddings

from tests.fakes import (
    BUSY_MESSAGE,
    VISION_ERROR,
    ModelSpec,
    OllamaDouble,
    Reply,
    embed_text,
    normalize_name,
    split_tokens,
)

pytestmark = pytest.mark.timeout(30)

PNG_1X1 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJ"
    "RU5ErkJggg=="
)


@pytest.fixture
def client(ollama_double: OllamaDouble) -> Iterator[ollama.Client]:
    """An ``ollama.Client`` pointed at the double, with a timeout."""
    with ollama.Client(host=ollama_double.url, timeout=10) as c:
        yield c


def _user(text: str) -> list[dict[str, Any]]:
    return [{"role": "user", "content": text}]


def _cos(a: list[float], b: list[float]) -> float:
    return sum(x * y for x, y in zip(a, b, strict=True))


# --------------------------------------------------------------------- basics


def test_root_version_head_and_unknown_path(ollama_double: OllamaDouble) -> None:
    """GET/HEAD /, /api/version and a 404 for unknown paths."""
    with httpx.Client(base_url=ollama_double.url, timeout=5) as http:
        root = http.get("/")
        assert root.status_code == 200
        assert root.text == "Ollama is running"
        assert http.head("/").status_code == 200
        version = http.get("/api/version")
        assert version.json() == {"version": ollama_double.version}
        missing = http.post("/api/nothing", json={})
        assert missing.status_code == 404
    assert [r.path for r in ollama_double.requests] == ["/", "/", "/api/version", "/api/nothing"]


def test_list_and_show(client: ollama.Client) -> None:
    """Tags list the default registry; show reports capabilities and model_info."""
    names = [m.model for m in client.list().models]
    assert names == [
        "llama3.2:latest",
        "llama3.2:1b",
        "llama3.2-vision:latest",
        "nomic-embed-text:latest",
        "llama-guard3:1b",
    ]
    shown = client.show("llama3.2")  # a bare name means :latest
    assert shown.capabilities == ["completion", "tools"]
    assert shown.modelinfo is not None
    assert shown.modelinfo["general.architecture"] == "llama"
    assert shown.modelinfo["llama.context_length"] == 131072
    assert shown.details is not None and shown.details.parameter_size == "3.2B"
    assert shown.modified_at is not None and shown.template and shown.modelfile
    vision = client.show("llama3.2-vision")
    assert vision.capabilities == ["completion", "vision"]
    embed = client.show("nomic-embed-text:latest")
    assert embed.capabilities == ["embedding"]
    assert embed.modelinfo is not None and embed.modelinfo["nomic-bert.embedding_length"] == 768
    with pytest.raises(ollama.ResponseError) as err:
        client.show("mistral")
    assert err.value.status_code == 404
    assert err.value.error == "model 'mistral' not found"


def test_registry_edits_and_names(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """add_model/remove_model change what the clients see; names normalise."""
    assert normalize_name("registry.ollama.ai/library/qwen3") == "qwen3:latest"
    ollama_double.add_model(ModelSpec("qwen3", ["completion", "tools", "thinking"], family="qwen3"))
    ollama_double.remove_model("llama3.2:1b")
    names = [m.model for m in client.list().models]
    assert "qwen3:latest" in names and "llama3.2:1b" not in names
    assert client.show("qwen3").capabilities == ["completion", "tools", "thinking"]


# ------------------------------------------------------------------------ chat


def test_chat_stream_and_non_stream(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """Default reply echoes the last user message; the final chunk carries the stats."""
    chunks = list(client.chat("llama3.2", messages=_user("hello there"), stream=True))
    assert "".join(c.message.content or "" for c in chunks) == "You said: hello there"
    assert [c.message.content for c in chunks[:-1]] == ["You", " said:", " hello", " there"]
    last = chunks[-1]
    assert last.done and last.done_reason == "stop"
    assert last.message.role == "assistant" and last.message.content == ""
    assert last.eval_count == 4 and last.prompt_eval_count and last.prompt_eval_count > 0
    for stat in (last.total_duration, last.load_duration, last.eval_duration):
        assert stat is not None and stat > 0
    assert not any(c.done for c in chunks[:-1])

    whole = client.chat("llama3.2", messages=_user("once more"), stream=False)
    assert whole.done and whole.done_reason == "stop"
    assert whole.message.content == "You said: once more"

    recs = ollama_double.requests_to("/api/chat")
    assert recs[0].body["stream"] is True and recs[1].body["stream"] is False
    assert recs[0].model == "llama3.2:latest" and recs[0].status == 200
    assert all(r.finished.wait(5) for r in recs)


def test_generate_stream_and_non_stream(client: ollama.Client) -> None:
    """/api/generate streams ``response`` pieces and a final chunk."""
    parts = list(client.generate("llama3.2:1b", prompt="ping", stream=True))
    assert "".join(p.response or "" for p in parts) == "You said: ping"
    assert parts[-1].done and parts[-1].done_reason == "stop" and parts[-1].response == ""
    whole = client.generate("llama3.2:1b", prompt="pong")
    assert whole.response == "You said: pong" and whole.done


def test_script_queue_responder_and_default(
    ollama_double: OllamaDouble, client: ollama.Client
) -> None:
    """Scripted replies are consumed in order, then the responder, then the default."""
    ollama_double.script(
        "llama3.2:latest",
        Reply(text="first"),
        lambda body: Reply(tokens=["sec", "ond:", body["messages"][-1]["content"]]),
    )
    ollama_double.set_responder("llama3.2", lambda body: Reply(text="responder"))
    answers = [
        client.chat("llama3.2", messages=_user(q)).message.content for q in ("a", "b", "c", "d")
    ]
    assert answers == ["first", "second:b", "responder", "responder"]
    assert ollama_double.pending("llama3.2") == 0
    assert client.chat("llama3.2:1b", messages=_user("x")).message.content == "You said: x"
    assert split_tokens(" a  b\n") == [" a", "  b", "\n"]


def test_num_predict_and_stop_options(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """num_predict caps the pieces (done_reason length); stop sequences cut the text."""
    ollama_double.script("llama3.2", Reply(text="one two three four five"))
    chunks = list(
        client.chat("llama3.2", messages=_user("count"), stream=True, options={"num_predict": 2})
    )
    assert "".join(c.message.content or "" for c in chunks) == "one two"
    assert chunks[-1].done_reason == "length" and chunks[-1].eval_count == 2

    ollama_double.script("llama3.2", Reply(text="alpha beta STOP gamma"))
    cut = client.chat("llama3.2", messages=_user("x"), options={"stop": ["STOP"]})
    assert cut.message.content == "alpha beta " and cut.done_reason == "stop"

    ollama_double.script("llama3.2", Reply(text="partial", done_reason="length"))
    assert client.chat("llama3.2", messages=_user("x")).done_reason == "length"


def test_num_ctx_is_recorded_and_overflow_flagged(
    ollama_double: OllamaDouble, client: ollama.Client
) -> None:
    """The log shows num_ctx; a prompt bigger than the window is flagged."""
    client.chat("llama3.2", messages=_user("short"), options={"num_ctx": 8192})
    client.chat("llama3.2", messages=_user("word " * 200), options={"num_ctx": 64})
    client.chat("llama3.2", messages=_user("no options"))
    ok, over, default = ollama_double.requests_to("/api/chat")
    assert (ok.num_ctx, ok.overflowed) == (8192, False)
    assert (over.num_ctx, over.overflowed) == (64, True)
    assert (default.num_ctx, default.overflowed) == (None, False)
    assert over.prompt_tokens > 64
    # changing num_ctx reloads the model
    assert ollama_double.loads == [
        ("llama3.2:latest", 8192),
        ("llama3.2:latest", 64),
        ("llama3.2:latest", 4096),
    ]


def test_empty_messages_loads_and_ps(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """An empty message list only loads the model; ps lists loaded models."""
    assert client.ps().models == []
    loaded = client.chat("llama3.2", messages=[], options={"num_ctx": 8192})
    assert loaded.done and loaded.done_reason == "load" and loaded.message.content == ""
    assert ollama_double.pending("llama3.2") == 0
    ps = client.ps().models
    assert [m.model for m in ps] == ["llama3.2:latest"]
    assert ps[0].context_length == 8192 and ps[0].expires_at is not None
    unloaded = client.chat("llama3.2", messages=[], keep_alive=0)
    assert unloaded.done_reason == "unload"
    assert client.ps().models == []
    client.embed("nomic-embed-text", input="x", keep_alive=-1)
    ps = client.ps().models
    assert ps[0].expires_at is not None and ps[0].expires_at.year > 2200
    ollama_double.expire()
    assert client.ps().models == []


def test_max_loaded_evicts_least_recent(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """With max_loaded=1 the vision model evicts the text model, which then reloads."""
    ollama_double.max_loaded = 1
    client.chat("llama3.2", messages=_user("x"))
    client.chat("llama3.2", messages=_user("x"))
    client.chat("llama3.2-vision", messages=_user("x"))
    assert [m.model for m in client.ps().models] == ["llama3.2-vision:latest"]
    client.chat("llama3.2", messages=_user("x"))
    assert [name for name, _ in ollama_double.loads] == [
        "llama3.2:latest",
        "llama3.2-vision:latest",
        "llama3.2:latest",
    ]


def test_fault_counts_beyond_the_reply(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """A count past the last piece triggers in place of the done chunk, in both modes."""
    ollama_double.script(
        "llama3.2",
        Reply(text="a b", error_after=9, error_message="late"),
        Reply(text="a b", error_after=9, error_message="late"),
        Reply(text="a b", cut_after=9),
    )
    seen: list[str] = []
    with pytest.raises(ollama.ResponseError) as err:
        for chunk in client.chat("llama3.2", messages=_user("x"), stream=True):
            seen.append(chunk.message.content or "")
    assert (seen, err.value.status_code) == (["a", " b"], -1)
    with pytest.raises(ollama.ResponseError) as err:
        client.chat("llama3.2", messages=_user("x"))
    assert err.value.status_code == 500
    cut = client.chat("llama3.2", messages=_user("x"))
    assert (cut.done, cut.done_reason, cut.message.content) == (False, None, "a b")


def test_tool_calls_native_and_as_text(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """Native tool calls arrive in a done:false chunk with empty content and an id."""
    tools = [
        {
            "type": "function",
            "function": {
                "name": "get_weather",
                "description": "Weather for a city",
                "parameters": {"type": "object", "properties": {"city": {"type": "string"}}},
            },
        }
    ]
    ollama_double.script(
        "llama3.2",
        Reply(tool_calls=[{"name": "get_weather", "arguments": {"city": "Paris"}}]),
        Reply(text='{"name": "get_weather", "parameters": {"city": "Paris"}}'),
    )
    chunks = list(client.chat("llama3.2", messages=_user("weather?"), tools=tools, stream=True))
    call_chunk = chunks[0]
    assert not call_chunk.done and call_chunk.message.content == ""
    calls = call_chunk.message.tool_calls
    assert calls is not None and calls[0].function.name == "get_weather"
    assert calls[0].function.arguments == {"city": "Paris"}
    assert chunks[-1].done
    raw = ollama_double.requests_to("/api/chat")[0]
    assert raw.body["tools"][0]["function"]["name"] == "get_weather"

    text = client.chat("llama3.2", messages=_user("weather?"), tools=tools)
    assert text.message.tool_calls is None
    assert text.message.content is not None and text.message.content.startswith('{"name"')


def test_native_tool_call_wire_format(ollama_double: OllamaDouble) -> None:
    """The tool-call chunk has ``id`` and ``function.index`` like Ollama's."""
    ollama_double.script("llama3.2", Reply(tool_calls=[{"name": "a", "arguments": {}}] * 2))
    body = {"model": "llama3.2", "messages": _user("x"), "stream": False}
    data = httpx.post(f"{ollama_double.url}/api/chat", json=body, timeout=5).json()
    calls = data["message"]["tool_calls"]
    assert [c["function"]["index"] for c in calls] == [0, 1]
    assert all(c["id"].startswith("call_") for c in calls)


# ---------------------------------------------------------------------- errors


def test_unknown_model_and_capability_errors(client: ollama.Client) -> None:
    """404 for unknown models, 400 for missing capabilities, on call and on stream."""
    with pytest.raises(ollama.ResponseError) as err:
        client.chat("mistral", messages=_user("x"))
    assert (err.value.status_code, err.value.error) == (404, "model 'mistral' not found")

    stream = client.chat("nope", messages=_user("x"), stream=True)
    with pytest.raises(ollama.ResponseError) as err:
        next(stream)
    assert err.value.status_code == 404

    tools = [{"type": "function", "function": {"name": "f", "parameters": {"type": "object"}}}]
    with pytest.raises(ollama.ResponseError) as err:
        client.chat("llama3.2-vision", messages=_user("x"), tools=tools)
    assert err.value.status_code == 400
    assert err.value.error == (
        "registry.ollama.ai/library/llama3.2-vision:latest does not support tools"
    )

    with pytest.raises(ollama.ResponseError) as err:
        client.chat("nomic-embed-text", messages=_user("x"))
    assert err.value.status_code == 400 and "does not support chat" in err.value.error

    with pytest.raises(ollama.ResponseError) as err:
        client.generate("nomic-embed-text", prompt="x")
    assert err.value.status_code == 400 and "does not support generate" in err.value.error


def test_busy_answers_503(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """While busy, chat/generate/embed answer 503; other endpoints still work."""
    ollama_double.busy = True
    for call in (
        lambda: client.chat("llama3.2", messages=_user("x")),
        lambda: next(client.chat("llama3.2", messages=_user("x"), stream=True)),
        lambda: client.generate("llama3.2", prompt="x"),
        lambda: client.embed("nomic-embed-text", input="x"),
    ):
        with pytest.raises(ollama.ResponseError) as err:
            call()
        assert (err.value.status_code, err.value.error) == (503, BUSY_MESSAGE)
    assert client.list().models
    ollama_double.busy = False
    assert client.chat("llama3.2", messages=_user("x")).done


def test_malformed_requests(ollama_double: OllamaDouble) -> None:
    """Body, base64 and tool-call argument errors come back as Ollama words them."""
    url = ollama_double.url
    with httpx.Client(base_url=url, timeout=5) as http:
        empty = http.post("/api/chat", content=b"")
        assert (empty.status_code, empty.json()) == (400, {"error": "missing request body"})
        broken = http.post("/api/chat", content=b'{"model": ')
        assert (broken.status_code, broken.json()) == (400, {"error": "unexpected EOF"})
        bad_char = http.post("/api/chat", content=b"{x}")
        assert bad_char.status_code == 400 and "invalid character" in bad_char.json()["error"]

        data_url = [
            {"role": "user", "content": "x", "images": [f"data:image/png;base64,{PNG_1X1}"]}
        ]
        bad = http.post("/api/chat", json={"model": "llama3.2-vision", "messages": data_url})
        assert bad.status_code == 400
        assert bad.json() == {"error": "illegal base64 data at input byte 4"}
        bad_gen = http.post(
            "/api/generate", json={"model": "llama3.2-vision", "prompt": "x", "images": ["abc"]}
        )
        assert bad_gen.json() == {"error": "illegal base64 data at input byte 0"}

        string_args = [
            {"role": "user", "content": "x"},
            {
                "role": "assistant",
                "content": "",
                "tool_calls": [{"function": {"name": "f", "arguments": '{"a": 1}'}}],
            },
        ]
        args = http.post("/api/chat", json={"model": "llama3.2", "messages": string_args})
        assert args.status_code == 400 and "cannot unmarshal string" in args.json()["error"]

        no_model = http.post("/api/chat", json={"messages": _user("x")})
        assert (no_model.status_code, no_model.json()) == (400, {"error": "model is required"})
    assert all(r.status == 400 for r in ollama_double.requests_to("/api/chat"))


def test_images(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """Images work with the vision model and give 500 with a text-only one."""
    image = base64.b64decode(PNG_1X1)
    messages = [{"role": "user", "content": "what is this?", "images": [image]}]
    answer = client.chat("llama3.2-vision", messages=messages)
    assert answer.message.content == "You said: what is this?"
    assert ollama_double.requests_to("/api/chat")[0].body["messages"][0]["images"] == [PNG_1X1]
    with pytest.raises(ollama.ResponseError) as err:
        client.chat("llama3.2", messages=messages)
    assert (err.value.status_code, err.value.error) == (500, VISION_ERROR)
    assert "missing data required for image input" in VISION_ERROR


def test_scripted_http_error(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """``Reply(status=..., error=...)`` answers that HTTP error at once."""
    ollama_double.script("llama3.2", Reply(status=500, error="llama runner process has terminated"))
    with pytest.raises(ollama.ResponseError) as err:
        client.chat("llama3.2", messages=_user("x"))
    assert err.value.status_code == 500
    assert err.value.error == "llama runner process has terminated"


def test_error_line_mid_stream(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """An error after N pieces is a last line with HTTP 200: ResponseError status -1."""
    ollama_double.script("llama3.2", Reply(text="a b c d", error_after=2, error_message="boom"))
    seen: list[str] = []
    with pytest.raises(ollama.ResponseError) as err:
        for chunk in client.chat("llama3.2", messages=_user("x"), stream=True):
            seen.append(chunk.message.content or "")
    assert seen == ["a", " b"]
    assert (err.value.status_code, err.value.error) == (-1, "boom")
    assert ollama_double.requests_to("/api/chat")[-1].status == 200

    ollama_double.script("llama3.2", Reply(text="a", error_after=0, error_message="early"))
    with pytest.raises(ollama.ResponseError) as err:
        next(client.chat("llama3.2", messages=_user("x"), stream=True))
    assert (err.value.status_code, err.value.error) == (500, "early")

    ollama_double.script("llama3.2", Reply(text="a b", error_after=1))
    with pytest.raises(ollama.ResponseError) as err:
        client.chat("llama3.2", messages=_user("x"), stream=False)
    assert err.value.status_code == 500


def test_close_after_raises_remote_protocol_error(
    ollama_double: OllamaDouble, client: ollama.Client
) -> None:
    """A dropped connection mid-stream surfaces as httpx.RemoteProtocolError."""
    ollama_double.script("llama3.2", Reply(text="a b c", close_after=2), Reply(close_after=0))
    seen: list[str] = []
    with pytest.raises(httpx.RemoteProtocolError):
        for chunk in client.chat("llama3.2", messages=_user("x"), stream=True):
            seen.append(chunk.message.content or "")
    assert seen == ["a", " b"]
    with pytest.raises(httpx.RemoteProtocolError):
        next(client.chat("llama3.2", messages=_user("x"), stream=True))
    rec = ollama_double.requests_to("/api/chat")[-1]
    assert rec.status is None
    assert client.chat("llama3.2", messages=_user("after")).message.content == "You said: after"


def test_cut_after_ends_without_done(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """A cut stream ends cleanly with no done chunk; the client raises nothing."""
    ollama_double.script("llama3.2", Reply(text="a b c", cut_after=1))
    chunks = list(client.chat("llama3.2", messages=_user("x"), stream=True))
    assert [c.message.content for c in chunks] == ["a"]
    assert not any(c.done for c in chunks)


def test_stream_flushes_each_line_and_stop_interrupts(
    ollama_double: OllamaDouble, client: ollama.Client
) -> None:
    """The first line arrives before the slow rest; stop() ends a long delay at once."""
    ollama_double.script("llama3.2", Reply(tokens=["first", " second"], token_delay=60))
    started = time.monotonic()
    stream = client.chat("llama3.2", messages=_user("x"), stream=True)
    assert next(stream).message.content == "first"
    assert time.monotonic() - started < 5
    stopped = time.monotonic()
    ollama_double.stop()
    assert time.monotonic() - stopped < 3
    with pytest.raises(httpx.RemoteProtocolError):
        next(stream)


def test_client_disconnect_is_recorded(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """Closing a stream early shows as ``disconnected`` on the record."""
    ollama_double.script("llama3.2", Reply(text="x " * 200, token_delay=0.01))
    stream = client.chat("llama3.2", messages=_user("x"), stream=True)
    assert isinstance(stream, Generator)
    next(stream)
    stream.close()
    rec = ollama_double.requests_to("/api/chat")[0]
    assert rec.finished.wait(10)
    assert rec.disconnected


def test_first_token_delay_is_load_duration(
    ollama_double: OllamaDouble, client: ollama.Client
) -> None:
    """A slow first token is reported as load_duration."""
    ollama_double.script("llama3.2", Reply(text="ok", first_token_delay=0.05))
    answer = client.chat("llama3.2", messages=_user("x"))
    assert answer.load_duration is not None and answer.load_duration >= 50_000_000
    assert answer.total_duration is not None and answer.total_duration >= answer.load_duration


def test_read_timeout_during_load(ollama_double: OllamaDouble) -> None:
    """Headers come with the first chunk, so a slow load trips the client's read timeout."""
    ollama_double.script("llama3.2", Reply(text="ok", first_token_delay=30))
    with (
        ollama.Client(host=ollama_double.url, timeout=0.2) as slow,
        pytest.raises(httpx.ReadTimeout),
    ):
        next(slow.chat("llama3.2", messages=_user("x"), stream=True))


def test_stop_then_start_same_port(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """Ollama going down gives ConnectionError; it comes back on the same port."""
    assert client.chat("llama3.2", messages=_user("x")).done
    port = ollama_double.port
    ollama_double.stop()
    assert not ollama_double.running
    with pytest.raises(ConnectionError):
        client.chat("llama3.2", messages=_user("x"))
    with pytest.raises(ConnectionError):
        client.list()
    ollama_double.start()
    assert ollama_double.port == port
    assert client.chat("llama3.2", messages=_user("back")).message.content == "You said: back"


def test_concurrent_requests(ollama_double: OllamaDouble) -> None:
    """Many clients at once each get their own answer; all are recorded."""
    results: dict[int, str] = {}
    errors: list[BaseException] = []

    def ask(i: int) -> None:
        try:
            with ollama.Client(host=ollama_double.url, timeout=10) as c:
                parts = c.chat("llama3.2", messages=_user(f"q{i}"), stream=True)
                results[i] = "".join(p.message.content or "" for p in parts)
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(16)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(20)
    assert not errors
    assert results == {i: f"You said: q{i}" for i in range(16)}
    assert len(ollama_double.requests_to("/api/chat")) == 16


def test_format_json_default_reply(client: ollama.Client) -> None:
    """With ``format`` set and nothing scripted, the default reply is valid JSON."""
    schema = {
        "type": "object",
        "properties": {"title": {"type": "string"}, "n": {"type": "integer"}},
        "required": ["title", "n"],
    }
    answer = client.chat("llama3.2", messages=_user("x"), format=schema)
    assert answer.message.content == '{"title": "You said: x", "n": 0}'
    plain = client.chat("llama3.2", messages=_user("x"), format="json")
    assert plain.message.content == '{"response": "You said: x"}'


# ------------------------------------------------------------------ embeddings


def test_embed_vectors(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """Unit-length, deterministic, model-sized vectors; shared words mean closer vectors."""
    texts = [
        "The cat sat on the mat",
        "A cat was sitting on a mat",
        "Quarterly revenue grew in Europe",
    ]
    result = client.embed("nomic-embed-text", input=texts)
    vectors = [list(v) for v in result.embeddings]
    assert [len(v) for v in vectors] == [768, 768, 768]
    assert all(abs(math.sqrt(_cos(v, v)) - 1) < 1e-6 for v in vectors)
    assert _cos(vectors[0], vectors[1]) > _cos(vectors[0], vectors[2]) + 0.3
    assert vectors[0] == embed_text(texts[0], 768)
    assert result.prompt_eval_count and result.prompt_eval_count > 0
    single = client.embed("nomic-embed-text", input=texts[0])
    assert list(single.embeddings[0]) == vectors[0]
    small = client.embed("nomic-embed-text", input="x", dimensions=256)
    assert len(small.embeddings[0]) == 256
    # a completion model can embed too (its own dimension)
    assert len(client.embed("llama3.2", input="x").embeddings[0]) == 3072
    legacy = client.embeddings("nomic-embed-text", prompt=texts[0])
    assert list(legacy.embedding) == vectors[0]
    assert client.embed("nomic-embed-text", input=[]).embeddings == []


def test_embed_truncation(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """Inputs over the window are truncated (flagged), or refused with truncate=False."""
    long_text = "word " * 3000  # ~3750 tokens > nomic's 2048
    client.embed("nomic-embed-text", input=long_text)
    assert ollama_double.requests_to("/api/embed")[-1].overflowed
    with pytest.raises(ollama.ResponseError) as err:
        client.embed("nomic-embed-text", input=long_text, truncate=False)
    assert err.value.status_code == 400
    assert "exceeds maximum context length" in err.value.error
    client.embed("nomic-embed-text", input="short")
    assert not ollama_double.requests_to("/api/embed")[-1].overflowed


# ------------------------------------------------------------------------ pull


def test_pull_stream_adds_model(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """A pull streams progress and then the model exists with the catalog's spec."""
    ollama_double.set_pull("all-minilm", total=1000, steps=4)
    events = list(client.pull("all-minilm", stream=True))
    statuses = [e.status for e in events]
    assert statuses[0] == "pulling manifest"
    assert statuses[-3:] == ["verifying sha256 digest", "writing manifest", "success"]
    main = [e for e in events if e.total == 1000]
    assert [e.completed for e in main] == [250, 500, 750, 1000]
    assert main[0].digest and main[0].status == f"pulling {main[0].digest[7:19]}"
    assert client.show("all-minilm").capabilities == ["embedding"]
    assert len(client.embed("all-minilm", input="x").embeddings[0]) == 384
    assert client.pull("some-new-model").status == "success"
    assert client.show("some-new-model").capabilities == ["completion"]


def test_pull_failure(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """A failing pull ends with an error line (status -1) and adds nothing."""
    ollama_double.set_pull("llama3.2-vision:90b", fail_after=2, error_message="disk full")
    seen: list[str | None] = []
    with pytest.raises(ollama.ResponseError) as err:
        for event in client.pull("llama3.2-vision:90b", stream=True):
            seen.append(event.status)
    assert (err.value.status_code, err.value.error) == (-1, "disk full")
    assert len(seen) == 2
    with pytest.raises(ollama.ResponseError) as err:
        client.pull("llama3.2-vision:90b", stream=False)
    assert err.value.status_code == 500
    assert ollama_double.model("llama3.2-vision:90b") is None


# ------------------------------------------------------------------- langchain


def test_chat_ollama_invoke_and_stream(ollama_double: OllamaDouble) -> None:
    """ChatOllama reaches the double through OLLAMA_HOST; invoke and stream work."""
    llm = ChatOllama(model="llama3.2", num_ctx=8192, temperature=0)
    answer = llm.invoke("hello")
    assert isinstance(answer, AIMessage)
    assert answer.content == "You said: hello"
    assert answer.response_metadata["done_reason"] == "stop"
    assert answer.usage_metadata is not None and answer.usage_metadata["output_tokens"] == 3
    pieces = [c.content for c in llm.stream("again")]
    assert "".join(str(p) for p in pieces) == "You said: again"
    recs = ollama_double.requests_to("/api/chat")
    assert all(r.num_ctx == 8192 for r in recs)
    assert recs[0].body["stream"] is True  # ChatOllama always streams


def test_chat_ollama_tool_round_trip(ollama_double: OllamaDouble) -> None:
    """bind_tools: a native call becomes AIMessage.tool_calls; the result goes back."""

    @tool
    def get_weather(city: str) -> str:
        """Get the weather for a city."""
        return f"Sunny in {city}"

    ollama_double.script(
        "llama3.2", Reply(tool_calls=[{"name": "get_weather", "arguments": {"city": "Paris"}}])
    )
    llm = ChatOllama(model="llama3.2", base_url=ollama_double.url).bind_tools([get_weather])
    question = HumanMessage("Weather in Paris?")
    first = llm.invoke([question])
    assert isinstance(first, AIMessage)
    assert [(c["name"], c["args"]) for c in first.tool_calls] == [
        ("get_weather", {"city": "Paris"})
    ]
    call_id = first.tool_calls[0]["id"]
    assert call_id and not call_id.startswith("call_")  # LangChain makes its own ids
    result = ToolMessage(get_weather.invoke(first.tool_calls[0]["args"]), tool_call_id=call_id)
    final = llm.invoke([question, first, result])
    assert final.content == "You said: Weather in Paris?"
    sent = ollama_double.requests_to("/api/chat")[-1].body["messages"]
    assert [m["role"] for m in sent] == ["user", "assistant", "tool"]
    assert sent[1]["tool_calls"][0]["function"]["arguments"] == {"city": "Paris"}
    assert sent[2]["content"] == "Sunny in Paris"


def test_chat_ollama_json_text_tool_call_is_content(ollama_double: OllamaDouble) -> None:
    """A tool call written as JSON text stays text; LangChain does not parse it."""
    text = '{"name": "get_weather", "parameters": {"city": "Paris"}}'
    ollama_double.script("llama3.2", Reply(text=text))
    llm = ChatOllama(model="llama3.2", base_url=ollama_double.url)
    answer = llm.invoke("weather?")
    assert answer.content == text
    assert isinstance(answer, AIMessage) and answer.tool_calls == []


def test_chat_ollama_image_goes_to_vision_model(ollama_double: OllamaDouble) -> None:
    """An image_url data block reaches the vision model as bare base64."""
    llm = ChatOllama(model="llama3.2-vision", base_url=ollama_double.url)
    message = HumanMessage(
        content=[
            {"type": "text", "text": "Describe it"},
            {"type": "image_url", "image_url": {"url": f"data:image/png;base64,{PNG_1X1}"}},
        ]
    )
    answer = llm.invoke([message])
    assert answer.content == "You said: \nDescribe it"
    rec = ollama_double.requests_to("/api/chat")[0]
    assert rec.model == "llama3.2-vision:latest"
    assert rec.body["messages"][0]["images"] == [PNG_1X1]


def test_chat_ollama_cut_and_dropped_streams(ollama_double: OllamaDouble) -> None:
    """Cut stream: partial text, no error, no done_reason. Dropped: RemoteProtocolError."""
    ollama_double.script(
        "llama3.2", Reply(text="partial answer here", cut_after=2), Reply(text="a b", close_after=1)
    )
    llm = ChatOllama(model="llama3.2", base_url=ollama_double.url)
    cut = llm.invoke("x")
    assert cut.content == "partial answer"
    assert "done_reason" not in cut.response_metadata
    with pytest.raises(httpx.RemoteProtocolError):
        llm.invoke("x")


def test_chat_ollama_errors(ollama_double: OllamaDouble) -> None:
    """HTTP errors reach LangChain callers as ollama.ResponseError."""
    llm = ChatOllama(model="missing-model", base_url=ollama_double.url)
    with pytest.raises(ollama.ResponseError) as err:
        llm.invoke("x")
    assert err.value.status_code == 404


def test_thinking_model_streams_its_reasoning(
    ollama_double: OllamaDouble, client: ollama.Client
) -> None:
    """A thinking model sends its reasoning in ``thinking`` fields before the answer,
    unless told ``think: false``; a model without the capability refuses ``think``."""
    thought = Reply(text="Four.", thinking="Two plus two is four.")
    ollama_double.script("qwen3", thought, thought, thought)
    ollama_double.add_model(ModelSpec("qwen3", ["completion", "tools", "thinking"], family="qwen3"))
    chunks = list(client.chat("qwen3", messages=_user("2+2?"), think=True, stream=True))
    assert "".join(c.message.thinking or "" for c in chunks) == "Two plus two is four."
    assert "".join(c.message.content or "" for c in chunks) == "Four."
    first_answer = next(i for i, c in enumerate(chunks) if c.message.content)
    assert all(not c.message.thinking for c in chunks[first_answer:])
    assert chunks[-1].eval_count == len(split_tokens("Two plus two is four.")) + 1
    whole = client.chat("qwen3", messages=_user("2+2?"), think=False, stream=False)
    assert whole.message.thinking is None and whole.message.content == "Four."
    llm = ChatOllama(model="qwen3", base_url=ollama_double.url, reasoning=True)
    answer = llm.invoke("2+2?")
    assert answer.content == "Four."
    assert answer.additional_kwargs["reasoning_content"] == "Two plus two is four."
    with pytest.raises(ollama.ResponseError) as err:
        client.chat("llama3.2", messages=_user("x"), think=True)
    assert err.value.status_code == 400 and "does not support thinking" in err.value.error
    client.chat("llama3.2", messages=_user("x"), think=False)  # false is always allowed


def test_delete_removes_a_model(ollama_double: OllamaDouble, client: ollama.Client) -> None:
    """DELETE /api/delete removes a pulled model (and unloads it); unknown is a 404."""
    client.chat("llama3.2:1b", messages=[])
    assert client.delete("llama3.2:1b").status == "success"
    assert "llama3.2:1b" not in [m.model for m in client.list().models]
    assert client.ps().models == []
    assert ollama_double.requests_to("/api/delete")[-1].body == {"model": "llama3.2:1b"}
    with pytest.raises(ollama.ResponseError) as err:
        client.delete("llama3.2:1b")
    assert err.value.status_code == 404


def test_ollama_embeddings(ollama_double: OllamaDouble) -> None:
    """OllamaEmbeddings (options full of nulls) gets the double's vectors."""
    emb = OllamaEmbeddings(model="nomic-embed-text", base_url=ollama_double.url)
    docs = emb.embed_documents(["alpha beta", "gamma"])
    assert [len(d) for d in docs] == [768, 768]
    assert emb.embed_query("alpha beta") == docs[0] == embed_text("alpha beta", 768)
    rec = ollama_double.requests_to("/api/embed")[0]
    assert rec.body["model"] == "nomic-embed-text" and rec.status == 200


# ---------------------------------------------------------------------- chroma


def test_chroma_ollama_embedding_function(ollama_double: OllamaDouble) -> None:
    """Chroma's OllamaEmbeddingFunction works, and retrieval finds the related text."""
    ef = OllamaEmbeddingFunction(url=ollama_double.url, model_name="nomic-embed-text", timeout=10)
    vectors = ef(["hello world", "other text"])
    assert [len(v) for v in vectors] == [768, 768]

    db = chromadb.EphemeralClient(settings=Settings(anonymized_telemetry=False))
    name = f"docs-{uuid.uuid4().hex[:8]}"
    collection = db.create_collection(
        name,
        embedding_function=ef,  # type: ignore[arg-type]  # Chroma's own generic is too narrow
        configuration={"hnsw": {"space": "cosine"}},
    )
    try:
        collection.add(
            ids=["garden", "tax", "cat"],
            documents=[
                "Tomatoes in the garden need water every morning",
                "The tax return is due in April",
                "My cat sleeps on the sofa all day",
            ],
        )
        found = collection.query(query_texts=["when is the tax return due"], n_results=1)
        assert found["ids"] == [["tax"]]
    finally:
        db.delete_collection(name)
    assert all(r.path == "/api/embed" for r in ollama_double.requests)
