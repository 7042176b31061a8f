"""Intent from plain words: with an image attached, the text model chooses what to do.

"Find the cat", "where is my key?", "circle the exit" want a box drawn (grounding);
"turn this chart into a table", "extract the data" want the chart's table; anything else
is a question about the image. There are no keyword lists: the person's words go to the
text model with three tools through the tool agent's own path
(:func:`agents.tools.agent.propose_calls`: the same binding, recovery from text and
validation), and the tool it chooses routes the turn. The text model never sees the
image and the vision model never gets tools. The Find and Chart buttons stay as
shortcuts that skip the choice.
"""

from __future__ import annotations

import logging
from collections.abc import Iterator, Sequence
from typing import TYPE_CHECKING, Any, Literal

from langchain_core.messages import HumanMessage
from langchain_core.tools import BaseTool, StructuredTool
from pydantic import BaseModel, Field

from agents.attachments import CHART, FIND, ImageTaskRequest
from agents.cancel import Cancelled, CancelToken
from agents.events import Event, Status
from agents.llm.messages import ChatMessage
from agents.llm.ollama_service import OllamaService
from agents.llm.streaming import Run, run_steps
from agents.wording import say

if TYPE_CHECKING:
    from agents.images.store import ImageStore

log = logging.getLogger(__name__)

Route = Literal["find", "chart", "ask"]
"""Where a message with an image goes: grounding, chart to table, or a plain answer."""

FIND_TOOL = "find_in_image"
CHART_TOOL = "chart_to_table"
ASK_TOOL = "answer_about_image"

INTENT_OPTIONS: dict[str, Any] = {"temperature": 0, "num_predict": 160}
"""Deterministic, and enough for one tool call: a model that starts answering in prose
is cut short."""

INTENT_PROMPT = f"""\
The person attached an image to their message. You cannot see the image; another model \
will look at it. Choose what to do with it by calling exactly one tool:
- {FIND_TOOL}: they want something found, located, pointed out, marked or circled in it.
- {CHART_TOOL}: they want the data of a chart or table in the image: a table, the \
numbers, the values, an extraction or a CSV.
- {ASK_TOOL}: anything else (describe it, answer a question about it, caption it).
Their message may be in any language. Call the tool; do not answer the message yourself."""


class FindArgs(BaseModel):
    """Arguments of find_in_image."""

    query: str = Field(
        min_length=1,
        description="What to find, in the person's own words and language (e.g. 'the cat').",
    )


class NoArgs(BaseModel):
    """No arguments."""


def intent_tools() -> list[BaseTool]:
    """The three choices, as tools for the text model (never run: only chosen)."""

    def find_in_image(query: str) -> str:
        return query

    def chart_to_table() -> str:
        return ""

    def answer_about_image() -> str:
        return ""

    return [
        StructuredTool.from_function(
            func=find_in_image,
            name=FIND_TOOL,
            description="Find something in the attached image and draw a box around it.",
            args_schema=FindArgs,
        ),
        StructuredTool.from_function(
            func=chart_to_table,
            name=CHART_TOOL,
            description="Read the chart or table in the attached image into a data table.",
            args_schema=NoArgs,
        ),
        StructuredTool.from_function(
            func=answer_about_image,
            name=ASK_TOOL,
            description="Answer the message about the attached image in words.",
            args_schema=NoArgs,
        ),
    ]


def task_for(calls: Sequence[dict[str, Any]]) -> ImageTaskRequest | None:
    """The image task the first chosen tool asks for; None: a plain question."""
    for call in calls:
        if call.get("name") == FIND_TOOL:
            query = " ".join(str((call.get("args") or {}).get("query") or "").split())
            return ImageTaskRequest(FIND, query) if query else None
        if call.get("name") == CHART_TOOL:
            return ImageTaskRequest(CHART)
        if call.get("name") == ASK_TOOL:
            return None
    return None


def route_of(task: ImageTaskRequest | None) -> Route:
    """The route an image task (or None) takes."""
    if task is None:
        return "ask"
    return "find" if task.task == FIND else "chart"


def choose_image_task(
    service: OllamaService,
    text: str,
    *,
    model: str | None = None,
    cancel: CancelToken | None = None,
) -> ImageTaskRequest | None:
    """Asks the text model what the person wants done with their image.

    Args:
        service: The Ollama door.
        text: What the person wrote with the image.
        model: The conversation's model; replaced by the configured text model when it
            can't use tools (a vision model).
        cancel: Stops the request.

    Returns:
        The find or chart task the model chose; None for a plain question (also when
        it called no tool, or no valid call could be had).

    Raises:
        Cancelled: ``cancel`` was set.
        LLMError: The text model is missing, or the server failed.
    """
    from agents.tools.agent import propose_calls

    if not text.strip():
        return None
    proposal = propose_calls(
        service,
        intent_tools(),
        [HumanMessage(content=text)],
        model=model,
        system_prompt=INTENT_PROMPT,
        cancel=cancel,
        **INTENT_OPTIONS,
    )
    return task_for(proposal.calls)


class ImageQuestion:
    """A message with images, routed by the text model's tool choice.

    Finding something runs grounding (the answer shows the box drawn), a chart's data
    runs chart to table, anything else is answered by the vision model. When the choice
    can't be made (no text model, a server error), the message is answered as a plain
    question.

    Args:
        service: The Ollama door.
        messages: The conversation, ending with the message that carries the images.
        store: Where the image with the box drawn is kept (None: not kept).
        model: The conversation's model.
        system_prompt: The conversation's instructions, for a plain answer.

    Attributes:
        task: The task chosen once it ran (None: a plain answer).
    """

    def __init__(
        self,
        service: OllamaService,
        messages: Sequence[ChatMessage],
        store: ImageStore | None = None,
        model: str | None = None,
        system_prompt: str | None = None,
    ) -> None:
        self.service = service
        self.messages = list(messages)
        self.store = store
        self.model = model
        self.system_prompt = system_prompt
        self.task: ImageTaskRequest | None = None

    def stream(self, cancel: CancelToken | None = None) -> Iterator[Event]:
        """Chooses, then yields the chosen agent's events (ending like every turn)."""
        return run_steps(self._steps, Run(self.service, cancel or CancelToken(), self.model))

    def _steps(self, run: Run) -> Iterator[Event]:
        from agents.chat.agent import ChatAgent
        from agents.images.tasks import ImageTask

        last = self.messages[-1]
        yield Status(say("Reading your request…"))
        self.task = self._choose(last.content, run.cancel)
        if self.task is None:
            chat = ChatAgent(self.service, self.model, self.system_prompt)
            yield from chat.stream(self.messages, run.cancel)
        else:
            task = ImageTask(self.service, self.task, self.store, self.model)
            yield from task.stream(last.images, run.cancel)

    def _choose(self, text: str, cancel: CancelToken) -> ImageTaskRequest | None:
        try:
            return choose_image_task(self.service, text, model=self.model, cancel=cancel)
        except Cancelled:
            raise
        except Exception:  # the choice is a convenience: a plain answer still serves
            cancel.check()
            log.warning("couldn't choose what to do with the image", exc_info=True)
            return None


__all__ = [
    "ASK_TOOL",
    "CHART_TOOL",
    "FIND_TOOL",
    "INTENT_OPTIONS",
    "INTENT_PROMPT",
    "ImageQuestion",
    "Route",
    "choose_image_task",
    "intent_tools",
    "route_of",
    "task_for",
]
