"""Calling a built tool as the tool agent does: with a call id and its turn's context."""

from __future__ import annotations

from typing import Any

from langchain.tools import ToolRuntime
from langchain_core.tools import BaseTool

from agents.cancel import CancelToken
from agents.tools.common import TurnContext


class Called:
    """A built tool, invoked the way the agent invokes it: with a call id and a turn."""

    def __init__(self, built: BaseTool, cancel: CancelToken | None = None) -> None:
        self.built = built
        self.cancel = cancel or CancelToken()
        self.calls = 0

    def invoke(self, args: dict[str, Any]) -> str:
        self.calls += 1
        runtime = ToolRuntime(
            state={},
            context=TurnContext(self.cancel),
            config={},
            stream_writer=lambda _chunk: None,
            tool_call_id=f"call_{self.calls}",
            store=None,
        )
        result: str = self.built.invoke({**args, "runtime": runtime})
        return result
