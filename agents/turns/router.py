"""The one router: a TurnRequest in, the agent that answers it out, for every mode.

What must hold for every request lives here, once: the persona and system prompt, the
model the conversation chose (each agent then routes by capability: images only to a
vision model, tools never to it), the conversation's own temperature and context size
on every request its agent sends, the tools bound to the task with every side effect
behind the approval gate, and the safety check around the whole turn when it is on.
The window and every CLI command build their agents here and nowhere else.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from agents.attachments import ImageTaskRequest, SummaryRequest, first
from agents.cancel import CancelToken
from agents.errors import HearthError
from agents.events import Event
from agents.llm.messages import ChatMessage
from agents.llm.ollama_service import OllamaService
from agents.llm.streaming import Run, run_steps
from agents.turns.request import Mode, TurnRequest
from agents.wording import say

if TYPE_CHECKING:
    from agents.chat.guard import Guard
    from agents.chat.personas import PersonaLibrary
    from agents.documents.answer import SearchableIndex
    from agents.images.store import ImageStore
    from agents.tools.approval import ApprovalGate
    from agents.tools.workspace import WorkspaceSpec

AgentRun = Callable[[CancelToken], Iterator[Event]]


@dataclass(frozen=True)
class ToolSetup:
    """How the tool agent is set up for one caller.

    Attributes:
        gate: The approval gate every side effect passes (a dialog, or the terminal).
        workspace: Where the person's mail and calendar are; opened for each turn, in
            the turn's thread, so a changed account applies to the next request.
        task: Which tools the requests may use (see agents.tools.registry.TASKS).
        max_steps: Model calls allowed per request.
    """

    gate: ApprovalGate
    workspace: WorkspaceSpec
    task: str = "assistant"
    max_steps: int = 8


@dataclass(frozen=True)
class Turn:
    """A request with the agent built for it.

    Attributes:
        request: What was asked.
        mode: The mode it runs in.
        agent: The agent that answers (for inspection; run it with :meth:`stream`).
        guard: The safety check around the turn, when it is on.
    """

    request: TurnRequest
    mode: Mode
    agent: Any
    run: AgentRun = field(repr=False)
    guard: Guard | None = None

    def stream(self, cancel: CancelToken | None = None) -> Iterator[Event]:
        """Runs the turn: its events, ending with exactly one Final, Stopped, Failed or
        Blocked. Never raises for model, server or data problems."""
        cancel = cancel or CancelToken()
        if self.guard is None:
            return self.run(cancel)
        from agents.turns.guarding import guarded

        return guarded(self.run, self.guard, self.request.text, cancel)

    def describe(self) -> dict[str, Any]:
        """What was built, as plain data (for logs and for comparing two builds)."""
        return {
            "mode": self.mode.value,
            "agent": type(self.agent).__name__,
            "model": getattr(self.agent, "model", None),
            "system_prompt": getattr(self.agent, "system_prompt", None),
            "guarded": self.guard is not None,
            "text": self.request.text,
        }


class Router:
    """Builds the agent for each request.

    Args:
        service: The Ollama door (and, through it, the live settings).
        documents: Opens the document index (documents mode); None: not available.
        images: Where images made by an answer are kept (the box drawn by "find").
        personas: The persona library (a request may name a persona).
        tools: How the tool agent is set up (mail & calendar mode); None: not available.
    """

    def __init__(
        self,
        service: OllamaService,
        *,
        documents: Callable[[], SearchableIndex] | None = None,
        images: ImageStore | None = None,
        personas: PersonaLibrary | None = None,
        tools: ToolSetup | None = None,
    ) -> None:
        self.service = service
        self.documents = documents
        self.images = images
        self.personas = personas
        self.tools = tools

    def build(self, request: TurnRequest) -> Turn:
        """The turn for a request: its agent, behind the safety check when it is on.

        Raises:
            HearthError: The mode needs something this caller doesn't have (documents,
                mail and calendar, a style to rewrite in).
        """
        mode = request.resolved_mode()
        agent, run = self._for_chat(request)._agent(mode, request)
        return Turn(request, mode, agent, run, self._guard())

    def _for_chat(self, request: TurnRequest) -> Router:
        """This router with a door that sends the chat's own options on every request.

        The safety check keeps the shared door: it is not part of the chat's answer.
        """
        if not request.options:
            return self
        router = copy.copy(self)
        router.service = self.service.tuned(request.options)
        return router

    def _guard(self) -> Guard | None:
        if not self.service.settings.guard_enabled:
            return None
        from agents.chat.guard import Guard

        return Guard(self.service)

    def system_prompt(self, request: TurnRequest) -> str:
        """The conversation's instructions, else its persona's, else the default."""
        if request.system_prompt:
            return request.system_prompt
        persona = self.personas.get(request.persona) if self.personas else None
        return persona.prompt if persona is not None else self.service.settings.system_prompt

    def _agent(self, mode: Mode, request: TurnRequest) -> tuple[Any, AgentRun]:
        builders = {
            Mode.CHAT: self._chat,
            Mode.DOCUMENTS: self._documents,
            Mode.TOOLS: self._tools,
            Mode.IMAGE_TASK: self._image_task,
            Mode.SUMMARY: self._summary,
            Mode.REWRITE: self._rewrite,
        }
        return builders[mode](request)

    def _chat(self, request: TurnRequest) -> tuple[Any, AgentRun]:
        if request.images:  # find, chart to table or a question: the text model chooses
            from agents.images.intent import ImageQuestion

            question = ImageQuestion(
                self.service,
                request.messages,
                self.images,
                request.model,
                self.system_prompt(request),
            )
            return question, question.stream
        from agents.chat.agent import ChatAgent

        agent = ChatAgent(self.service, request.model, self.system_prompt(request))
        return agent, lambda cancel: agent.stream(request.messages, cancel)

    def _documents(self, request: TurnRequest) -> tuple[Any, AgentRun]:
        if self.documents is None:
            raise HearthError(
                say("Your documents aren't available here: ask in the Hearth window.")
            )
        from agents.documents.answer import DocumentAnswerer

        agent = DocumentAnswerer(self.service, self.documents(), model=request.model)
        return agent, lambda cancel: agent.stream(request.text, cancel)

    def _tools(self, request: TurnRequest) -> tuple[Any, AgentRun]:
        if self.tools is None:
            raise HearthError(say("Mail and calendar aren't available here: use `hearth agent`."))
        agent = ToolTurn(self.service, self.tools, request)
        return agent, agent.stream

    def _image_task(self, request: TurnRequest) -> tuple[Any, AgentRun]:
        from agents.images.tasks import ImageTask

        task = first(request.attachments, ImageTaskRequest)
        agent = ImageTask(self.service, task, self.images, request.model)
        return agent, lambda cancel: agent.stream(request.images, cancel)

    def _summary(self, request: TurnRequest) -> tuple[Any, AgentRun]:
        from agents.documents.summarize import DocumentSummarizer

        wanted: SummaryRequest = first(request.attachments, SummaryRequest)
        agent = DocumentSummarizer(self.service, model=request.model)
        return agent, lambda cancel: agent.stream(Path(wanted.path), wanted.lang, cancel)

    def _rewrite(self, request: TurnRequest) -> tuple[Any, AgentRun]:
        spec = request.rewrite
        if spec is None:
            raise HearthError(say("Choose how to rewrite the text (shorter, formal, translate…)."))
        from agents.writing.rewrite import Rewriter

        agent = Rewriter(self.service, model=request.model)
        return agent, lambda cancel: agent.stream(request.text, spec, cancel)


class ToolTurn:
    """The mail and calendar agent for one request.

    The workspace is opened and the tools are bound when the turn runs (in its worker
    thread). A request with images is two steps: the vision model reads them, and the
    tool agent acts on what it read, marked as data; images never reach the text model
    and tools never reach the vision model.
    """

    def __init__(self, service: OllamaService, setup: ToolSetup, request: TurnRequest) -> None:
        self.service = service
        self.setup = setup
        self.request = request
        self.model = request.model

    def stream(self, cancel: CancelToken | None = None) -> Iterator[Event]:
        """Runs the request with the task's tools."""
        return run_steps(self._steps, Run(self.service, cancel or CancelToken(), self.model))

    def _steps(self, run: Run) -> Iterator[Event]:
        from agents.images.vision import describe_then_act
        from agents.tools.agent import ToolAgent
        from agents.tools.registry import tools_for

        setup, request = self.setup, self.request
        context = setup.workspace.open().context(setup.gate)
        agent = ToolAgent(
            self.service,
            tools_for(setup.task, context),
            gate=setup.gate,
            model=request.model,
            sender=context.sender,
            max_steps=setup.max_steps,
            now=context.now,
        )
        # Earlier turns go as text only: their images were answered about already.
        previous = [ChatMessage(m.role, m.content) for m in request.history if m.content]
        if not request.images:
            yield from agent.stream(request.text, run.cancel, history=previous)
            return

        def act(messages: list[ChatMessage], token: CancelToken) -> Iterator[Event]:
            return agent.stream(messages[-1].content, token, history=previous)

        yield from describe_then_act(
            self.service, request.images, request.text, act=act, cancel=run.cancel
        )
