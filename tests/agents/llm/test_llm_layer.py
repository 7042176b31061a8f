"""The LLM layer against the Ollama double: discovery, routing, errors, streaming."""

from __future__ import annotations

import threading

import pytest

from agents.cancel import CancelToken
from agents.chat.agent import ChatAgent
from agents.events import Failed, Final, Status, Stopped, Token
from agents.llm import ErrorKind, LLMError, OllamaService, normalize_host
from agents.llm.messages import ChatMessage, fit_history
from agents.settings import Settings
from tests.fakes import OllamaDouble, Reply


def service_for(double: OllamaDouble, **overrides: object) -> OllamaService:
    settings = Settings(ollama_host=double.url, **overrides)  # type: ignore[arg-type]
    return OllamaService(settings)


def run(agent: ChatAgent, text: str = "hello", cancel: CancelToken | None = None) -> list:
    return list(agent.stream([ChatMessage("user", text)], cancel))


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        (None, "http://127.0.0.1:11434"),
        ("", "http://127.0.0.1:11434"),
        ("127.0.0.1:9999", "http://127.0.0.1:9999"),
        (":8080", "http://127.0.0.1:8080"),
        ("0.0.0.0", "http://127.0.0.1:11434"),
        ("http://localhost:11434/", "http://localhost:11434"),
    ],
)
def test_host_is_read_like_the_ollama_client(given: str | None, expected: str) -> None:
    assert normalize_host(given) == expected


def test_remote_host_needs_opt_in() -> None:
    service = OllamaService(Settings(ollama_host="http://192.0.2.10:11434"))
    with pytest.raises(LLMError) as info:
        service.check_host()
    assert info.value.kind is ErrorKind.REFUSED_HOST
    assert "Allow remote Ollama" in info.value.message
    OllamaService(
        Settings(ollama_host="http://192.0.2.10:11434", allow_remote_ollama=True)
    ).check_host()


def test_models_are_discovered_with_capabilities(ollama_double: OllamaDouble) -> None:
    service = service_for(ollama_double)
    models = {m.name: m for m in service.list_models()}
    assert models["llama3.2:latest"].supports("tools")
    assert models["llama3.2-vision:latest"].supports("vision")
    assert not models["llama3.2-vision:latest"].supports("tools")
    assert models["nomic-embed-text:latest"].embedding_length == 768
    assert service.version()


def test_routing_by_capability(ollama_double: OllamaDouble) -> None:
    service = service_for(ollama_double)
    assert service.route() == "llama3.2"
    assert service.route(images=True) == "llama3.2-vision"
    # A chosen text model cannot take an image: the vision model does.
    assert service.route(images=True, model="llama3.2:1b") == "llama3.2-vision"
    assert service.route(tools=True, model="llama3.2:1b") == "llama3.2:1b"
    # Tools never go to the vision model.
    assert service.route(tools=True, model="llama3.2-vision") == "llama3.2"
    with pytest.raises(LLMError) as info:
        service.route(images=True, tools=True)
    assert info.value.kind is ErrorKind.UNSUPPORTED


def test_missing_vision_model_says_how_to_get_it(ollama_double: OllamaDouble) -> None:
    ollama_double.remove_model("llama3.2-vision")
    with pytest.raises(LLMError) as info:
        service_for(ollama_double).route(images=True)
    assert info.value.kind is ErrorKind.MODEL_MISSING
    assert "ollama pull llama3.2-vision" in info.value.message


def test_answer_streams_with_constant_num_ctx(ollama_double: OllamaDouble) -> None:
    ollama_double.script("llama3.2", Reply(tokens=["Hel", "lo", " there"]))
    service = service_for(ollama_double, num_ctx=4096)
    agent = ChatAgent(service, system_prompt="Be brief.")
    events = run(agent)
    assert [e.text for e in events if isinstance(e, Token)] == ["Hel", "lo", " there"]
    final = events[-1]
    assert isinstance(final, Final)
    assert final.text == "Hello there"
    assert final.stats.done_reason == "stop"
    assert final.stats.output_tokens > 0
    run(agent, "again")
    chats = ollama_double.requests_to("/api/chat")
    assert [r.num_ctx for r in chats] == [4096, 4096]
    assert chats[0].body["messages"][0] == {"role": "system", "content": "Be brief."}
    assert not any(r.overflowed for r in chats)


def test_first_turn_reports_loading(ollama_double: OllamaDouble) -> None:
    events = run(ChatAgent(service_for(ollama_double)))
    assert isinstance(events[0], Status)
    assert "Loading" in str(events[0].text)
    # Once loaded (the double lists it in /api/ps), no loading status.
    assert not any(isinstance(e, Status) for e in run(ChatAgent(service_for(ollama_double))))


def test_warm_up_loads_with_the_same_context(ollama_double: OllamaDouble) -> None:
    service = service_for(ollama_double, num_ctx=8192)
    service.warm_up("llama3.2")
    request = ollama_double.requests_to("/api/chat")[-1]
    assert request.body["messages"] == []
    assert request.num_ctx == 8192
    assert any("llama3.2" in m for m in service.loaded_models())


def test_num_ctx_never_exceeds_the_model(ollama_double: OllamaDouble) -> None:
    service = service_for(ollama_double, num_ctx=10**7)
    service.show("llama3.2")
    assert service.num_ctx("llama3.2") == 131072


def expect_failure(events: list, kind: ErrorKind) -> Failed:
    failure = events[-1]
    assert isinstance(failure, Failed), events
    assert isinstance(failure.error, LLMError)
    assert failure.error.kind is kind, failure.error.message
    return failure


def test_unknown_model(ollama_double: OllamaDouble) -> None:
    failed = expect_failure(
        run(ChatAgent(service_for(ollama_double), model="nope")), ErrorKind.MODEL_MISSING
    )
    assert "ollama pull" in failed.error.message


def test_server_down() -> None:
    double = OllamaDouble().start()
    url = double.url
    double.stop()
    service = OllamaService(Settings(ollama_host=url))
    failed = expect_failure(run(ChatAgent(service)), ErrorKind.UNREACHABLE)
    assert "ollama serve" in failed.error.message
    with pytest.raises(LLMError):
        service.version()


def test_server_busy(ollama_double: OllamaDouble) -> None:
    ollama_double.busy = True
    failed = expect_failure(run(ChatAgent(service_for(ollama_double))), ErrorKind.BUSY)
    assert "try again" in failed.error.message


@pytest.mark.parametrize(
    ("reply", "kind"),
    [
        (Reply(text="one two three four", error_after=2), ErrorKind.SERVER),
        (Reply(text="one two three four", close_after=2), ErrorKind.INTERRUPTED),
        (Reply(text="one two three four", cut_after=2), ErrorKind.INCOMPLETE),
    ],
)
def test_failures_mid_answer_keep_the_partial(
    ollama_double: OllamaDouble, reply: Reply, kind: ErrorKind
) -> None:
    ollama_double.script("llama3.2", reply)
    failed = expect_failure(run(ChatAgent(service_for(ollama_double))), kind)
    assert failed.partial == "one two"
    assert "Retry" in failed.error.message


def test_read_timeout(ollama_double: OllamaDouble) -> None:
    ollama_double.script("llama3.2", Reply(text="late", first_token_delay=2.0))
    service = service_for(ollama_double, read_timeout=0.3)
    expect_failure(run(ChatAgent(service)), ErrorKind.TIMEOUT)


def test_tools_to_a_model_without_them_is_explained(ollama_double: OllamaDouble) -> None:
    service = service_for(ollama_double)
    chat = service.chat_model("llama3.2-vision").bind_tools(
        [{"type": "function", "function": {"name": "f", "description": "d", "parameters": {}}}]
    )
    with pytest.raises(Exception) as info:
        chat.invoke("hi")
    error = service.error(info.value, "llama3.2-vision")
    assert error.kind is ErrorKind.UNSUPPORTED
    assert "can't use tools" in error.message


def test_length_limit_is_reported(ollama_double: OllamaDouble) -> None:
    ollama_double.script("llama3.2", Reply(text="a b c", done_reason="length"))
    final = run(ChatAgent(service_for(ollama_double)))[-1]
    assert isinstance(final, Final)
    assert final.stats.truncated


def test_cancel_stops_mid_stream(ollama_double: OllamaDouble) -> None:
    ollama_double.script("llama3.2", Reply(text="word " * 200, token_delay=0.01))
    cancel = CancelToken()
    seen: list = []
    for event in ChatAgent(service_for(ollama_double)).stream([ChatMessage("user", "go")], cancel):
        seen.append(event)
        if sum(isinstance(e, Token) for e in seen) == 3:
            cancel.cancel()
    assert isinstance(seen[-1], Stopped)
    assert seen[-1].partial.split() == ["word"] * 3


def test_images_go_to_the_vision_model_as_bare_base64(ollama_double: OllamaDouble) -> None:
    png = b"\x89PNG\r\n\x1a\n" + b"\x00" * 32
    history = [ChatMessage("user", "what is this?", images=(png,))]
    events = list(ChatAgent(service_for(ollama_double)).stream(history))
    assert isinstance(events[-1], Final)
    request = ollama_double.requests_to("/api/chat")[-1]
    assert request.model == "llama3.2-vision:latest"
    assert "tools" not in request.body or not request.body["tools"]
    sent = request.body["messages"][-1]["images"]
    assert len(sent) == 1
    assert not sent[0].startswith("data:")


def test_history_is_trimmed_to_fit_whole_messages() -> None:
    history = [ChatMessage("user" if i % 2 == 0 else "assistant", "x" * 300) for i in range(40)]
    history.append(ChatMessage("user", "last question"))
    kept = fit_history(history, budget=1000, system_prompt="sys")
    assert kept[-1].content == "last question"
    assert kept[0].role == "user"
    assert sum(len(m.content) for m in kept) < 3100
    assert fit_history([ChatMessage("user", "y" * 10000)], budget=10)[0].content == "y" * 10000


def test_pull_reports_progress_and_adds_the_model(ollama_double: OllamaDouble) -> None:
    ollama_double.remove_model("llama3.2")
    service = service_for(ollama_double)
    steps = list(service.pull("llama3.2"))
    assert steps[-1].status == "success"
    assert any(s.fraction is not None and 0 < s.fraction <= 1 for s in steps)
    assert service.show("llama3.2").supports("tools")


def test_pull_failure_is_clear(ollama_double: OllamaDouble) -> None:
    ollama_double.remove_model("llama3.2")
    ollama_double.set_pull("llama3.2", fail_after=2)
    with pytest.raises(LLMError) as info:
        list(service_for(ollama_double).pull("llama3.2"))
    assert "Ollama" in info.value.message


def test_concurrent_turns_do_not_interfere(ollama_double: OllamaDouble) -> None:
    service = service_for(ollama_double)
    results: dict[int, str] = {}

    def ask(i: int) -> None:
        final = run(ChatAgent(service), f"question {i}")[-1]
        results[i] = final.text if isinstance(final, Final) else "failed"

    threads = [threading.Thread(target=ask, args=(i,)) for i in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    assert results == {i: f"You said: question {i}" for i in range(4)}


@pytest.mark.parametrize(
    ("show", "expected"),
    [
        (
            {"template": "{{ if .Tools }}...{{ end }}", "model_info": {"llama.block_count": 28}},
            {"completion", "tools"},
        ),
        (
            {"template": "{{ .Prompt }}", "model_info": {"mllama.vision.block_count": 32}},
            {"completion", "vision"},
        ),
        ({"model_info": {"nomic-bert.pooling_type": 1}}, {"embedding"}),
        ({"template": "{{ .Prompt }}", "model_info": {}}, {"completion"}),
    ],
)
def test_capabilities_are_inferred_for_older_servers(show: dict, expected: set) -> None:
    from agents.llm.models import ModelInfo

    assert set(ModelInfo.from_show("m:latest", show).capabilities) == expected


def test_not_enough_memory_is_explained(ollama_double: OllamaDouble) -> None:
    ollama_double.script(
        "llama3.2",
        Reply(
            status=500,
            error="model requires more system memory (7.7 GiB) than is available (3.1 GiB)",
        ),
    )
    failed = expect_failure(run(ChatAgent(service_for(ollama_double))), ErrorKind.SERVER)
    assert "smaller model" in failed.error.message and "7.7 GiB" in failed.error.message


def test_loaded_unload_and_remove(ollama_double: OllamaDouble) -> None:
    """/api/ps with the memory each model holds; unload frees it; remove deletes."""
    service = service_for(ollama_double, num_ctx=4096)
    service.warm_up("llama3.2")
    [loaded] = service.loaded()
    assert loaded.name == "llama3.2:latest" and loaded.context_length == 4096
    assert loaded.size == loaded.size_vram > 0 and loaded.expires_at is not None
    service.unload("llama3.2")
    assert service.loaded() == []
    service.show("llama3.2:1b")
    service.remove("llama3.2:1b")
    assert "llama3.2:1b" not in [m.name for m in service.list_models()]
    with pytest.raises(LLMError) as missing:
        service.remove("llama3.2:1b")
    assert missing.value.kind is ErrorKind.MODEL_MISSING
