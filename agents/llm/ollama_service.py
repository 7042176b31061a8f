"""The one door to the Ollama server: discovery, routing, pulls, warm-up, chat models."""

from __future__ import annotations

import copy
import ipaddress
import threading
import time
import urllib.parse
from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from agents.llm.errors import ErrorKind, LLMError, model_missing, translate_error
from agents.llm.models import Capability, LoadedModel, ModelInfo, canonical, same_model
from agents.llm.options import ChatOptions
from agents.settings import DEFAULT_HOST, Settings
from agents.wording import Words, say

RECENTLY_LOADED_S = 60.0
"""A model that answered this recently is still in memory (Ollama keeps it 5-30 min)."""

if TYPE_CHECKING:
    import httpx
    import ollama
    from langchain_ollama import ChatOllama, OllamaEmbeddings

    from agents.cancel import CancelToken
    from agents.llm.plain_chat import PlainChat


def normalize_host(host: str | None) -> str:
    """Turns an OLLAMA_HOST-style value into a full URL, as the ollama client reads it.

    ``127.0.0.1:11434``, ``:11434``, ``http://localhost`` and ``0.0.0.0`` all work; a bind
    address (``0.0.0.0``) means this computer.
    """
    text = (host or "").strip() or DEFAULT_HOST
    scheme, _, rest = text.rpartition("://")
    scheme = scheme or "http"
    parts = urllib.parse.urlsplit(f"{scheme}://{rest}")
    hostname = parts.hostname or "127.0.0.1"
    if hostname in {"0.0.0.0", "::"}:  # a bind address: the server is on this machine
        hostname = "127.0.0.1"
    # As the ollama client reads it: no port means 11434, unless a scheme was given.
    port = parts.port or ({"http": 80, "https": 443}[scheme] if "://" in text else 11434)
    shown = f"[{hostname}]" if ":" in hostname else hostname
    return f"{scheme}://{shown}:{port}{parts.path.rstrip('/')}"


def is_loopback(url: str) -> bool:
    """Whether the URL points at this computer."""
    hostname = urllib.parse.urlsplit(url).hostname or ""
    if hostname == "localhost":
        return True
    try:
        return ipaddress.ip_address(hostname).is_loopback
    except ValueError:
        return False


@dataclass(frozen=True)
class PullProgress:
    """One step of downloading a model."""

    status: str
    completed: int = 0
    total: int = 0

    @property
    def fraction(self) -> float | None:
        """Share done, 0..1, when the step has a size."""
        return self.completed / self.total if self.total else None


class OllamaService:
    """Everything Hearth asks of Ollama goes through here.

    Args:
        settings: Host, models, timeouts and context sizes.

    Attributes:
        options: The chat's own temperature and context size this door sends (see
            :meth:`tuned`); empty for the shared door.
    """

    def __init__(self, settings: Settings | None = None) -> None:
        self.settings = settings or Settings()
        self.options = ChatOptions()
        self.host = normalize_host(self.settings.ollama_host)
        self._client: ollama.Client | None = None
        self._cache: dict[str, ModelInfo] = {}
        self._chat_models: dict[tuple[str, str], ChatOllama] = {}
        self._answered: dict[str, float] = {}  # model -> when it last answered (monotonic)
        self._lock = threading.Lock()

    def reconfigure(self, settings: Settings) -> None:
        """Applies new settings (host, timeouts, models): connections are made anew."""
        with self._lock:
            self.settings = settings
            self.host = normalize_host(settings.ollama_host)
            self._client = None
            self._cache.clear()
            self._chat_models.clear()
            self._answered.clear()

    def tuned(self, options: ChatOptions) -> OllamaService:
        """This door for one chat: every request sends the chat's own options.

        The copy shares the connection, the model cache and the chat models with this
        one; only what it sends differs. Options a caller passes to :meth:`chat_model`
        (a JSON step's temperature 0, a summary's larger window) still win.
        """
        if not options:
            return self
        view = copy.copy(self)
        view.options = options
        return view

    @property
    def timeout(self) -> httpx.Timeout:
        """Real timeouts: connecting, and waiting for each piece of an answer."""
        import httpx

        return httpx.Timeout(self.settings.read_timeout, connect=self.settings.connect_timeout)

    # -- connection ----------------------------------------------------------------
    @property
    def is_remote(self) -> bool:
        """Whether the server is on another computer."""
        return not is_loopback(self.host)

    def check_host(self) -> None:
        """Refuses a non-loopback server unless the user opted in."""
        if self.is_remote and not self.settings.allow_remote_ollama:
            raise LLMError(
                ErrorKind.REFUSED_HOST,
                say(
                    "Hearth only talks to an Ollama on this computer, but the host is "
                    "{host}. To use it anyway, turn on 'Allow remote Ollama' in Settings "
                    "(or set HEARTH_ALLOW_REMOTE_OLLAMA=1).",
                    host=self.host,
                ),
            )

    @property
    def client(self) -> ollama.Client:
        """The ollama client, with real timeouts (its default is none)."""
        self.check_host()
        if self._client is None:
            import ollama

            self._client = ollama.Client(host=self.host, timeout=self.timeout)
        return self._client

    def error(self, exc: BaseException, model: str | None = None) -> LLMError:
        """Translates an exception into the error a person reads."""
        return translate_error(exc, host=self.host, model=model)

    def version(self) -> str:
        """The server's version; raises LLMError when unreachable."""
        import httpx
        import ollama

        self.check_host()
        try:
            response = httpx.get(
                f"{self.host}/api/version", timeout=self.settings.connect_timeout + 5
            )
            response.raise_for_status()
            return str(response.json().get("version", "unknown"))
        except (httpx.HTTPError, ValueError, OSError) as exc:
            if isinstance(exc, httpx.HTTPStatusError):
                raise self.error(
                    ollama.ResponseError(exc.response.text, exc.response.status_code)
                ) from exc
            raise self.error(exc) from exc

    # -- models --------------------------------------------------------------------
    def list_models(self) -> list[ModelInfo]:
        """All pulled models with their capabilities (asks /api/show for each)."""
        try:
            listed = self.client.list().models
        except Exception as exc:
            raise self.error(exc) from exc
        infos = []
        for entry in listed:
            if not entry.model:
                continue
            info = self.show(entry.model)
            infos.append(
                ModelInfo(
                    name=info.name,
                    capabilities=info.capabilities,
                    context_length=info.context_length,
                    embedding_length=info.embedding_length,
                    family=info.family,
                    parameter_size=info.parameter_size,
                    quantization=info.quantization,
                    size=int(entry.size or 0),
                )
            )
        return sorted(infos, key=lambda m: m.name)

    def show(self, model: str) -> ModelInfo:
        """One model's capabilities and limits (cached); raises LLMError if missing."""
        key = canonical(model)
        with self._lock:
            if key in self._cache:
                return self._cache[key]
        try:
            response = self.client.show(model)
        except Exception as exc:
            raise self.error(exc, model) from exc
        info = ModelInfo.from_show(key, response.model_dump(by_alias=True))
        with self._lock:
            self._cache[key] = info
        return info

    def forget(self, model: str | None = None) -> None:
        """Drops cached model info (after a pull, or when the server restarted)."""
        with self._lock:
            if model is None:
                self._cache.clear()
            else:
                self._cache.pop(canonical(model), None)

    def require(self, model: str, *needs: Capability) -> ModelInfo:
        """Returns the model's info, or raises a clear error if it lacks a capability."""
        info = self.show(model)
        for need in needs:
            if not info.supports(need):
                raise LLMError(
                    ErrorKind.UNSUPPORTED,
                    _missing_capability_message(model, need, self.settings),
                    model=model,
                )
        return info

    def route(self, *, images: bool = False, tools: bool = False, model: str | None = None) -> str:
        """Chooses the model for a request by capability.

        An image goes only to a vision model; tools never go to the vision model. A
        chosen model that cannot do the job is replaced by the configured one for it.
        """
        needs = [Capability.COMPLETION]
        if images:
            needs.append(Capability.VISION)
        if tools:
            needs.append(Capability.TOOLS)
        if images and tools:
            raise LLMError(
                ErrorKind.UNSUPPORTED,
                say(
                    "No Llama 3.2 model both sees images and uses tools: describe the "
                    "image first, then act on the description."
                ),
            )
        fallback = self.settings.vision_model if images else self.settings.chat_model
        if model:
            try:
                self.require(model, *needs)
                return model
            except LLMError as exc:
                # A chosen model that is missing is the person's to fix; one that merely
                # can't do this job hands it to the configured model for the job.
                if exc.kind is not ErrorKind.UNSUPPORTED:
                    raise
        self.require(fallback, *needs)
        return fallback

    def num_ctx(self, model: str) -> int:
        """The context window sent for this model: the chat's own, else the setting's;
        constant, within the model's maximum (known once the model was routed)."""
        info = self._known(model)
        maximum = info.context_length if info is not None else None
        if self.options.num_ctx:
            wanted = self.options.num_ctx
            return min(wanted, maximum) if maximum else wanted
        return self.settings.num_ctx_for(canonical(model), maximum)

    @property
    def temperature(self) -> float | None:
        """The temperature the person chose: the chat's own, else the setting's (None:
        the model's own)."""
        if self.options.temperature is not None:
            return self.options.temperature
        return self.settings.temperature

    def think(self, model: str) -> bool | None:
        """The ``think`` sent to this model: whether a thinking model may reason (the
        ``reasoning`` setting); None (not sent) for other models, which refuse it."""
        info = self._known(model)
        if info is None or not info.supports(Capability.THINKING):
            return None
        return self.settings.reasoning

    def _known(self, model: str) -> ModelInfo | None:
        """The model's info if it was asked for already (no request is made)."""
        with self._lock:
            return self._cache.get(canonical(model))

    # -- pulling and warming up ----------------------------------------------------
    def pull(self, model: str, cancel: CancelToken | None = None) -> Iterator[PullProgress]:
        """Downloads a model, yielding progress; stops early when cancelled."""
        stream = None
        try:
            stream = self.client.pull(model, stream=True)
            for part in stream:
                if cancel is not None and cancel.cancelled:
                    return
                yield PullProgress(
                    status=str(part.status or ""),
                    completed=int(part.completed or 0),
                    total=int(part.total or 0),
                )
        except Exception as exc:
            if "file does not exist" in str(getattr(exc, "error", "")):
                raise LLMError(
                    ErrorKind.MODEL_MISSING,
                    say(
                        "There is no model called '{model}' in Ollama's library: check the name.",
                        model=model,
                    ),
                    model=model,
                ) from exc
            raise self.error(exc, model) from exc
        finally:
            close = getattr(stream, "close", None)
            if close is not None:
                close()
            self.forget(model)

    def warm_up(self, model: str) -> None:
        """Loads a model into memory with the context size Hearth will use."""
        try:
            self.client.chat(
                model=model,
                messages=[],
                keep_alive=self.settings.keep_alive,
                options={"num_ctx": self.num_ctx(model)},
            )
        except Exception as exc:
            raise self.error(exc, model) from exc

    def mark_loaded(self, model: str) -> None:
        """Notes that the model just answered: it is in memory."""
        with self._lock:
            self._answered[canonical(model)] = time.monotonic()

    def needs_loading(self, model: str) -> bool:
        """Whether the model must be loaded before it answers (worth a "Loading…").

        A model that answered in the last minute is in memory (Ollama keeps it for
        ``keep_alive``): no request is spent asking. Otherwise (a warm-up may have been
        undone since) the server is asked (/api/ps); if it can't say, False.
        """
        with self._lock:
            answered = self._answered.get(canonical(model))
        if answered is not None and time.monotonic() - answered < RECENTLY_LOADED_S:
            return False
        try:
            return not any(same_model(model, m) for m in self.loaded_models())
        except LLMError:
            return False

    def loaded(self) -> list[LoadedModel]:
        """The models in memory now, with the memory each holds (/api/ps)."""
        try:
            running = self.client.ps().models
        except Exception as exc:
            raise self.error(exc) from exc
        return [
            LoadedModel(
                name=m.model or m.name or "",
                size=int(m.size or 0),
                size_vram=int(m.size_vram or 0),
                context_length=int(m.context_length or 0),
                expires_at=m.expires_at,
            )
            for m in running
        ]

    def loaded_models(self) -> list[str]:
        """The names of the models in memory now (/api/ps)."""
        return [m.name for m in self.loaded()]

    def unload(self, model: str) -> None:
        """Frees the memory a model holds now; it loads again when next used."""
        try:
            self.client.chat(model=model, messages=[], keep_alive=0)
        except Exception as exc:
            raise self.error(exc, model) from exc

    def remove(self, model: str) -> None:
        """Deletes a downloaded model from the computer (DELETE /api/delete)."""
        try:
            self.client.delete(model)
        except Exception as exc:
            raise self.error(exc, model) from exc
        finally:
            self.forget(model)

    def plain_chat(self, model: str) -> PlainChat:
        """Streams plain chat replies through the ollama client, as :meth:`chat_model`'s
        ChatOllama would send them (the chat's options, ``think``) but without loading
        LangChain (see agents.llm.plain_chat)."""
        from agents.llm.plain_chat import PlainChat

        options: dict[str, Any] = {"num_ctx": self.num_ctx(model)}
        if self.temperature is not None:
            options["temperature"] = self.temperature
        return PlainChat(
            self.client, model, options, self.settings.keep_alive, think=self.think(model)
        )

    # -- LangChain models ----------------------------------------------------------
    def chat_model(self, model: str, **overrides: Any) -> ChatOllama:
        """A ChatOllama bound to this server with Hearth's timeouts and context size.

        It sends the chat's options (:meth:`tuned`) or else the settings' temperature
        and context window, and asks a thinking model for its reasoning as the
        ``reasoning`` setting says (:meth:`think`). ``overrides`` win over all of these.
        Models are reused (each holds its HTTP connections), keyed by their parameters.
        """
        from langchain_ollama import ChatOllama

        self.check_host()
        params: dict[str, Any] = {
            "model": model,
            "base_url": self.host,
            "num_ctx": self.num_ctx(model),
            "keep_alive": self.settings.keep_alive,
        }
        if self.temperature is not None:
            params["temperature"] = self.temperature
        think = self.think(model)
        if think is not None:
            params["reasoning"] = think
        params.update(overrides)
        key = (model, repr(sorted(params.items(), key=lambda kv: kv[0])))
        with self._lock:
            cached = self._chat_models.get(key)
        if cached is not None:
            return cached
        chat = ChatOllama(**params, client_kwargs={"timeout": self.timeout})
        with self._lock:
            self._chat_models[key] = chat
        return chat

    def embeddings(self, model: str | None = None) -> OllamaEmbeddings:
        """An OllamaEmbeddings bound to this server."""
        from langchain_ollama import OllamaEmbeddings

        self.check_host()
        return OllamaEmbeddings(
            model=model or self.settings.embed_model,
            base_url=self.host,
            keep_alive=keep_alive_seconds(self.settings.keep_alive),
            client_kwargs={"timeout": self.timeout},
        )


def keep_alive_seconds(value: str | int) -> int:
    """Reads a keep-alive like ``30m``, ``1h``, ``45s`` or ``-1`` as seconds."""
    if isinstance(value, int):
        return value
    text = value.strip().lower()
    units = {"s": 1, "m": 60, "h": 3600}
    try:
        if text and text[-1] in units:
            return int(float(text[:-1]) * units[text[-1]])
        return int(float(text))
    except ValueError:
        return 300


def _missing_capability_message(model: str, need: Capability, settings: Settings) -> Words:
    if need is Capability.VISION:
        return say(
            "'{model}' can't see images: use a vision model such as {vision} (pull it with "
            "`ollama pull {vision}`).",
            model=model,
            vision=settings.vision_model,
        )
    if need is Capability.TOOLS:
        return say(
            "'{model}' can't use tools: choose a model with tool support such as llama3.2.",
            model=model,
        )
    if need is Capability.EMBEDDING:
        return say(
            "'{model}' doesn't make embeddings: use {embed}.",
            model=model,
            embed=settings.embed_model,
        )
    return say("'{model}' can't chat (it only makes embeddings): choose a chat model.", model=model)


__all__ = ["OllamaService", "PullProgress", "is_loopback", "model_missing", "normalize_host"]
