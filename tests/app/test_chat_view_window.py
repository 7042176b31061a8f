"""A long chat is shown through a window of built messages that follows the scrolling."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from agents.storage import MessageStatus, StoredMessage
from app.widgets.chat_view import MAX_SHOWN, PAGE, ChatView

COUNT = 400


def message(mid: int, text: str | None = None) -> StoredMessage:
    return StoredMessage(
        id=mid,
        conversation_id="c",
        parent_id=mid - 1 if mid > 1 else None,
        role="assistant" if mid % 2 else "user",
        content=text if text is not None else f"Message {mid}\\n\\n" + "words " * (mid % 40),
        status=MessageStatus.COMPLETE,
        created_at=float(mid),
        model=None,
        stats=None,
        error=None,
        attachments=(),
    )


@pytest.fixture
def chat(qtbot: QtBot) -> ChatView:
    view = ChatView()
    qtbot.addWidget(view)
    view.resize(600, 500)
    view.show()
    qtbot.waitExposed(view)
    view.show_messages([message(i) for i in range(1, COUNT + 1)])
    qtbot.waitUntil(lambda: view.verticalScrollBar().value() > 0, timeout=5000)
    return view


def scroll_to(qtbot: QtBot, chat: ChatView, top: bool) -> None:
    """Scrolls a screen at a time to one end, until nothing more is built there."""
    bar = chat.verticalScrollBar()

    def there() -> bool:
        edge = bar.value() == 0 if top else bar.value() == bar.maximum()
        waiting = chat._earlier if top else chat._later
        return edge and not waiting and not chat._growing

    for _ in range(5000):
        if there():
            return
        bar.setValue(bar.value() + (-bar.pageStep() if top else bar.pageStep()))
        qtbot.wait(1)
    raise AssertionError("never got there")


def test_it_opens_on_the_latest_messages_built(chat: ChatView) -> None:
    shown = chat.message_ids()
    assert 0 < len(shown) <= PAGE
    assert shown == list(range(COUNT - len(shown) + 1, COUNT + 1))
    assert chat.earlier_button.isVisible()


def test_scrolling_up_builds_what_comes_into_sight_and_drops_what_leaves(
    qtbot: QtBot, chat: ChatView
) -> None:
    scroll_to(qtbot, chat, top=True)
    shown = chat.message_ids()
    assert shown[0] == 1 and len(shown) <= MAX_SHOWN  # the first message, a window of them
    assert shown == list(range(1, len(shown) + 1))
    assert not chat.earlier_button.isVisible()
    scroll_to(qtbot, chat, top=False)
    shown = chat.message_ids()
    assert shown[-1] == COUNT and len(shown) <= MAX_SHOWN
    assert shown == list(range(COUNT - len(shown) + 1, COUNT + 1))


def test_the_text_in_sight_stays_in_place_while_messages_are_built_above(
    qtbot: QtBot, chat: ChatView
) -> None:
    bar = chat.verticalScrollBar()
    first = chat.message_ids()[0]
    view = chat.view(first)
    assert view is not None
    bar.setValue(0)  # the top of what is built: more is built above
    offset = view.y() - bar.value()
    qtbot.waitUntil(lambda: chat.message_ids()[0] < first, timeout=5000)
    qtbot.waitUntil(lambda: not chat._growing, timeout=5000)
    assert chat.view(first) is view
    assert view.y() - bar.value() == offset  # where it was in the viewport


def test_a_streaming_answer_out_of_sight_is_current_when_it_comes_back(
    qtbot: QtBot, chat: ChatView
) -> None:
    scroll_to(qtbot, chat, top=True)
    assert chat.view(COUNT) is None
    chat.set_text(COUNT, "The newest answer, still streaming")
    chat.set_state(COUNT, "interrupted")
    chat.scroll_to_bottom()  # a new turn, or the person going back down
    view = chat.view(COUNT)
    assert view is not None and view.text == "The newest answer, still streaming"
    assert view.note.isVisibleTo(chat)
