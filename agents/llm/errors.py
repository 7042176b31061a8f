"""One typed error for everything that can go wrong between Hearth and Ollama."""

from __future__ import annotations

from agents.errors import HearthError, Kind
from agents.exit_codes import Exit
from agents.wording import Words, say


class ErrorKind(Kind):
    """What went wrong between Hearth and Ollama, with the CLI's exit code for it."""

    UNREACHABLE = Exit.UNREACHABLE, "The server does not answer (not running, wrong host)."
    MODEL_MISSING = Exit.MODEL_MISSING, "The model is not downloaded."
    UNSUPPORTED = Exit.UNSUPPORTED, "The model can't do what was asked (tools, chat, images)."
    BUSY = Exit.BUSY, "The server is busy with other requests."
    INTERRUPTED = Exit.INTERRUPTED, "The connection dropped mid-answer."
    INCOMPLETE = Exit.INCOMPLETE, "The answer ended before the server said it was done."
    TIMEOUT = Exit.TIMEOUT, "The server stopped answering in time."
    SERVER = Exit.SERVER, "The server reported an error (or ran out of memory)."
    REFUSED_HOST = Exit.REFUSED_HOST, "The host is not one Hearth is allowed to talk to."
    BAD_REQUEST = Exit.BAD_REQUEST, "The server refused the request as it was sent."
    UNUSABLE = Exit.UNUSABLE, "The model kept answering in a shape Hearth can't use."


class LLMError(HearthError):
    """A failure talking to the model server, with a message that says what to do."""

    kind: ErrorKind

    def __init__(self, kind: ErrorKind, message: Words, *, model: str | None = None) -> None:
        super().__init__(message, kind)
        self.model = model

    @property
    def retryable(self) -> bool:
        """Whether trying the same request again may work."""
        return self.kind in {
            ErrorKind.UNREACHABLE,
            ErrorKind.BUSY,
            ErrorKind.INTERRUPTED,
            ErrorKind.INCOMPLETE,
            ErrorKind.TIMEOUT,
            ErrorKind.SERVER,
        }


def unreachable(host: str) -> LLMError:
    """The error for a server that does not answer."""
    return LLMError(
        ErrorKind.UNREACHABLE,
        say(
            "Ollama isn't running at {host}: start it with `ollama serve` "
            "(install it from ollama.com if needed).",
            host=host,
        ),
    )


def model_missing(model: str) -> LLMError:
    """The error for a model that is not pulled."""
    return LLMError(
        ErrorKind.MODEL_MISSING,
        say(
            "The model '{model}' isn't downloaded yet: pull it with `ollama pull {model}` "
            "(or use Pull model in Hearth).",
            model=model,
        ),
        model=model,
    )


def incomplete(model: str | None) -> LLMError:
    """The error for a stream that ended without Ollama saying it was done."""
    return LLMError(
        ErrorKind.INCOMPLETE,
        say(
            "The answer ended before Ollama finished it (the server may have stopped). "
            "What arrived was kept; press Retry to ask again."
        ),
        model=model,
    )


def translate_error(exc: BaseException, *, host: str, model: str | None = None) -> LLMError:
    """Turns any exception from the ollama client or httpx into an LLMError."""
    import httpx  # imported here: the window starts faster without them
    import ollama

    if isinstance(exc, LLMError):
        return exc
    name: Words = say("'{model}'", model=model) if model else say("the model")
    if isinstance(exc, ollama.ResponseError):
        text = str(exc.error)
        low = text.lower()
        if exc.status_code == 404 or ("not found" in low and "model" in low):
            return model_missing(model or _model_in(text))
        if "does not support tools" in low:
            return LLMError(
                ErrorKind.UNSUPPORTED,
                say(
                    "{name} can't use tools: choose a model with tool support, such as llama3.2.",
                    name=name,
                ),
                model=model,
            )
        if "does not support chat" in low or "does not support generate" in low:
            return LLMError(
                ErrorKind.UNSUPPORTED,
                say(
                    "{name} is not a chat model (it only makes embeddings): choose a chat "
                    "model such as llama3.2.",
                    name=name,
                ),
                model=model,
            )
        if "image input" in low or "does not support vision" in low:
            return LLMError(
                ErrorKind.UNSUPPORTED,
                say(
                    "{name} can't see images: use a vision model such as llama3.2-vision.",
                    name=name,
                ),
                model=model,
            )
        if "more system memory" in low or "out of memory" in low or "cudamalloc" in low:
            return LLMError(
                ErrorKind.SERVER,
                say(
                    "{name} needs more memory than this computer has free ({text}). Close "
                    "other programs, or choose a smaller model such as llama3.2:1b.",
                    name=name,
                    text=text,
                ),
                model=model,
            )
        if exc.status_code == 503 or "server busy" in low:
            return LLMError(
                ErrorKind.BUSY,
                say("Ollama is busy with other requests: wait a moment and try again."),
                model=model,
            )
        if exc.status_code == -1:
            return LLMError(
                ErrorKind.SERVER,
                say(
                    "Ollama stopped with an error while answering ({text}). What arrived "
                    "was kept; press Retry, or check Ollama's log if it happens again.",
                    text=text,
                ),
                model=model,
            )
        if 400 <= exc.status_code < 500:
            return LLMError(
                ErrorKind.BAD_REQUEST,
                say(
                    "Ollama refused the request: {text}. Check the model and settings.",
                    text=text,
                ),
                model=model,
            )
        return LLMError(
            ErrorKind.SERVER,
            say(
                "Ollama reported an error: {text}. Try again; if it persists, restart Ollama.",
                text=text,
            ),
            model=model,
        )
    if isinstance(exc, httpx.TimeoutException) and not isinstance(exc, httpx.ConnectTimeout):
        return LLMError(
            ErrorKind.TIMEOUT,
            say(
                "Ollama at {host} stopped answering (timed out). A large model may still be "
                "loading: try again, or raise the read timeout in Settings.",
                host=host,
            ),
            model=model,
        )
    if isinstance(exc, ConnectionError | httpx.ConnectError | httpx.ConnectTimeout):
        return unreachable(host)
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError | httpx.WriteError):
        return LLMError(
            ErrorKind.INTERRUPTED,
            say(
                "The connection to Ollama at {host} dropped mid-answer (did the server "
                "stop?). What arrived was kept; press Retry.",
                host=host,
            ),
            model=model,
        )
    if isinstance(exc, httpx.HTTPError | OSError):
        return LLMError(
            ErrorKind.UNREACHABLE,
            say(
                "Couldn't talk to Ollama at {host} ({problem}). Check that it is running "
                "with `ollama serve`.",
                host=host,
                problem=exc,
            ),
            model=model,
        )
    return LLMError(
        ErrorKind.SERVER,
        say("Unexpected problem talking to Ollama: {problem}. Try again.", problem=exc),
        model=model,
    )


def _model_in(text: str) -> str:
    start = text.find("'")
    end = text.find("'", start + 1)
    return text[start + 1 : end] if 0 <= start < end else "the model"
