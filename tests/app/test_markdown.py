"""Markdown rendering: safe HTML, and answers rendered block by block as they stream."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from app.markdown import render, split_settled
from app.widgets.message_view import MessageView


def test_raw_html_and_remote_images_are_inert() -> None:
    html = render("<script>alert(1)</script> ![cat](http://evil/cat.png) [x](http://a.b)").html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "[image: cat]" in html
    assert "(http://a.b)" in html  # links show where they go


def test_settled_part_ends_before_an_unindented_block_outside_fences() -> None:
    text = "# Title\n\npara\n\n```py\na\n\nb\n```\n\n1. step\n\n    detail\n\nlive"
    cut = split_settled(text)
    assert text[:cut] == "# Title\n\npara\n\n```py\na\n\nb\n```\n\n"
    assert split_settled("no blank line yet") == 0
    assert split_settled("one\n\ntwo\n") == len("one\n\n")


def test_streamed_answer_renders_like_the_whole(qtbot: QtBot) -> None:
    text = (
        "Intro **bold**.\n\n```python\nprint(1)\n```\n\nMiddle.\n\n"
        "```sh\nls\n```\n\n- a\n- b\n\nEnd."
    )
    view = MessageView(1, "assistant")
    qtbot.addWidget(view)
    for end in range(1, len(text) + 1, 7):
        view.set_text(text[:end])
    view.set_text(text)
    assert len(view._finished) >= 2  # finished blocks are not re-rendered
    assert view._code_blocks == ["print(1)\n", "ls\n"]
    shown = "".join(label.text() for label in [*view._finished, view.body])
    assert shown.count("hearth-copy:0") == 1 and shown.count("hearth-copy:1") == 1
    assert "<b>bold</b>" in shown or "<strong>bold</strong>" in shown
    # A replaced (not grown) text starts over.
    view.set_text("Other.")
    assert view._finished == [] and "Other." in view.body.text()
