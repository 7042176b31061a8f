"""The Qt binding must not leak or drop references on ordinary calls.

PySide6 6.12.0 drops a reference to None on every call of a method that returns nothing;
on Python < 3.12 (where None is not immortal) the process aborts after a few thousand
calls, i.e. minutes into a streaming chat. pyproject.toml keeps that version out; this
test fails if a binding like it comes back.
"""

from __future__ import annotations

import sys

from PySide6.QtWidgets import QLabel, QPushButton
from pytestqt.qtbot import QtBot


def test_void_calls_keep_references_to_none(qtbot: QtBot) -> None:
    button, label = QPushButton("x"), QLabel()
    qtbot.addWidget(button)
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for i in range(2000):
        button.setVisible(i % 2 == 0)
        label.setText(str(i))
    assert abs(sys.getrefcount(None) - before) < 100
