"""Switches off every library's telemetry and tracing before anything loads."""

import os

# Each of these would make a library talk to a server the user never configured.
_OFF = {
    "LANGSMITH_TRACING": "false",
    "LANGCHAIN_TRACING_V2": "false",
    "LANGCHAIN_TRACING": "false",
    "LANGSMITH_TRACING_V2": "false",
    "ANONYMIZED_TELEMETRY": "False",  # Chroma
    "CHROMA_TELEMETRY": "False",
    "HF_HUB_OFFLINE": "1",  # never fetch model weights behind the user's back
    "TRANSFORMERS_OFFLINE": "1",
    "DO_NOT_TRACK": "1",
}


def enforce_privacy() -> None:
    """Force tracing and telemetry off for this process and its children."""
    for key, value in _OFF.items():
        os.environ[key] = value
    # LangSmith API keys in the environment would enable tracing in some versions.
    for key in ("LANGSMITH_API_KEY", "LANGCHAIN_API_KEY"):
        os.environ.pop(key, None)
