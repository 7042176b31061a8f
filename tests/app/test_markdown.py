"""Markdown rendering: safe HTML, and answers rendered block by block as they stream."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from app.markdown import CodeBlock, breakable, render, split_settled
from app.theme import LIGHT
from app.widgets.message_view import MessageView


def test_raw_html_and_remote_images_are_inert() -> None:
    html = render(
        "<script>alert(1)</script> ![cat](http://evil/cat.png) [x](http://a.b)", LIGHT
    ).html
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "[image: cat]" in html
    assert "(http://a.b)" in html  # links show where they go


def test_long_runs_get_break_opportunities_and_words_do_not() -> None:
    words = "an ordinary sentence with Donaudampfschifffahrtsgesellschaft in it"
    assert breakable(words) == words
    run = "e\u0301" * 30 + "x" * 60  # accents kept on their letters
    broken = breakable(f"see {run} here")
    assert broken.replace("\u200b", "") == f"see {run} here"
    pieces = broken.split(" ")[1].split("\u200b")
    assert len(pieces) > 2 and all(not p.startswith("\u0301") for p in pieces)
    html = render(f"[link](https://a.example/{'q' * 80})", LIGHT).html
    assert "\u200b" in html and f'href="https://a.example/{"q" * 80}"' in html  # address kept


def test_code_blocks_are_parts_of_their_own() -> None:
    parts = render("Before.\n\n```py\nprint(1)\n```\n\nAfter.", LIGHT).parts
    assert parts[1] == CodeBlock("print(1)\n", "py")
    assert "Before." in str(parts[0]) and "After." in str(parts[2])
    assert "print(1)" in render("```\nprint(1)\n```", LIGHT).html  # one HTML string when needed


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
    assert [block.code for block in view.code_blocks()] == ["print(1)\n", "ls\n"]
    assert [block.language.text() for block in view.code_blocks()] == ["python", "sh"]
    shown = "".join(w.text() for w in [*view._finished, view.body] if isinstance(w, QLabel))
    assert "<b>bold</b>" in shown or "<strong>bold</strong>" in shown
    assert "print(1)" not in shown  # code is in its own box, not in the text
    # A replaced (not grown) text starts over.
    view.set_text("Other.")
    assert view._finished == [] and "Other." in view.body.text()
