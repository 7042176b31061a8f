"""Languages plug in without code: a compiled translation changes the interface."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agents.storage import ChatStore
from app.gui import install_translations
from app.widgets.composer import Composer
from app.widgets.conversation_list import ConversationList


def test_simplified_chinese_translation_applies(qtbot: QtBot, tmp_path: Path) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, QLocale("zh_CN"))
    store = ChatStore(tmp_path / "chats.sqlite3")
    try:
        assert any(t.language() == "zh_CN" for t in translators)
        sidebar = ConversationList(store)
        qtbot.addWidget(sidebar)
        assert sidebar.new_button.text() == "新建聊天"
        composer = Composer()
        qtbot.addWidget(composer)
        assert composer.button.text() == "发送"
    finally:
        for translator in translators:
            app.removeTranslator(translator)
        store.close()
    english = Composer()
    qtbot.addWidget(english)
    assert english.button.text() == "Send"
