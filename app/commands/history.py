"""``hearth ask`` in the window's history: each exchange is saved as a chat while the
answer streams, so the window shows it and a killed command keeps what arrived."""

from __future__ import annotations

import argparse
import dataclasses
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import TYPE_CHECKING

from agents.errors import HearthError
from agents.wording import plain
from app.cli import Record

if TYPE_CHECKING:
    from agents.storage import ChatStore, Conversation
    from agents.turns.request import TurnRequest


@contextmanager
def remembered(
    args: argparse.Namespace, request: TurnRequest, image_names: Sequence[str] = ()
) -> Iterator[tuple[TurnRequest, Record]]:
    """The request with its chat's history, and a wrapper that saves the answer's events.

    The question is saved before the model is asked; the answer is saved as it streams
    (see :class:`agents.storage.recorder.AnswerRecord`). With ``--no-save`` nothing is
    saved and the request is unchanged.
    """
    if getattr(args, "no_save", False):
        yield request, lambda events: events
        return
    from agents.attachments import ImageRef
    from agents.images.store import ImageStore
    from agents.llm.messages import ChatMessage
    from agents.llm.options import ChatOptions
    from agents.paths import data_dir
    from agents.storage import ChatStore
    from agents.storage.recorder import AnswerRecord

    root = data_dir(getattr(args, "data_dir", None))
    question = request.messages[-1]
    with ChatStore.in_data_dir(root) as store:
        conversation = _conversation(args, store, question.content, request)
        history = tuple(
            ChatMessage(m.role, m.content)
            for m in store.active_path(conversation.id)
            if m.role != "system" and m.content
        )
        images = ImageStore.in_data_dir(root) if question.images else None
        refs = tuple(
            ImageRef(images.put(data), name)
            for data, name in zip(question.images, image_names, strict=False)
            if images is not None
        )
        store.add_message(
            conversation.id, "user", question.content, attachments=(*request.attachments, *refs)
        )
        request = dataclasses.replace(
            request,
            messages=(*history, question),
            conversation_id=conversation.id,
            model=request.model or conversation.model,
            system_prompt=request.system_prompt or conversation.system_prompt,
            persona=request.persona or conversation.persona,
            options=ChatOptions(conversation.temperature, conversation.num_ctx),
        )
        record = AnswerRecord.begin(store, conversation.id, request.model, save_every=0.1)
        try:
            yield request, record.record
        finally:  # ended here, while the store is open, whatever stopped the events
            record.stopped(record.text)


def _conversation(
    args: argparse.Namespace, store: ChatStore, question: str, request: TurnRequest
) -> Conversation:
    """The chat to continue (``--chat``, ``--continue``), else a new one."""
    from agents.storage.recorder import title_for

    wanted = getattr(args, "chat", None)
    if wanted:
        found = store.get_conversation(wanted)
        if found is None:
            raise HearthError(
                plain(
                    f"There is no chat with the id '{wanted}'. List the chats and their ids "
                    "with `hearth export --list`."
                )
            )
        return found
    if getattr(args, "continue_chat", False):
        latest = store.list_conversations()
        if latest:
            return latest[0]
    return store.create_conversation(
        title_for(question), model=request.model, system_prompt=request.system_prompt
    )
