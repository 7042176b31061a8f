"""Languages plug in without code: a compiled translation changes the interface, and what
agents/ says (errors, notes, steps) is translated too: every template, in the window."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType

import pytest
from PySide6.QtCore import QLocale, QTranslator
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from agents.storage import ChatStore
from agents.wording import fields, plain, say
from app.gui import install_translations
from app.widgets.composer import Composer
from app.widgets.conversation_list import ConversationList
from app.wording import worded
from tests.app.conftest import WindowFactory
from tests.app.test_chat_window import last_answer, type_and_send
from tests.app.test_window_status import offline_window
from tests.fakes import OllamaDouble


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


# -- what agents/ says -------------------------------------------------------------------
ROOT = Path(__file__).resolve().parents[2]
QM = ROOT / "app" / "assets" / "i18n" / "hearth_zh_CN.qm"


def _agent_words() -> ModuleType:
    """assets/i18n/agent_words.py, the extractor `make translations` runs."""
    spec = importlib.util.spec_from_file_location(
        "agent_words", ROOT / "assets" / "i18n" / "agent_words.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_every_template_agents_say_has_chinese_with_the_same_fields() -> None:
    found, problems = _agent_words().scan()
    assert problems == []  # every say() has a literal template
    assert len(found) > 400
    translator = QTranslator()
    assert translator.load(str(QM))
    missing, changed = [], []
    for item in found:
        chinese = translator.translate("agents", item.template)
        if not chinese:
            missing.append(f"{item.path}:{item.line}: {item.template!r}")
        elif fields(chinese) != fields(item.template):
            changed.append(f"{item.template!r} -> {chinese!r}")
    assert missing == [], "no Chinese in the shipped .qm (run make translations)"
    assert changed == [], "a translation's {fields} differ from its template's"


def test_the_extractor_finds_what_agents_say(tmp_path: Path) -> None:
    found, _problems = _agent_words().scan()
    templates = {item.template for item in found}
    assert any(t.startswith("Ollama isn't running at {host}") for t in templates)
    assert "{name}: {reason}" in templates  # a document's error around its reason
    (tmp_path / "agents").mkdir()
    (tmp_path / "agents" / "bad.py").write_text("say(f'{x} left')\nsay('A {y}.', y=1)\n")
    found, problems = _agent_words().scan(tmp_path, ("agents",))
    assert [item.template for item in found] == ["A {y}."]
    assert problems == ["agents/bad.py:1: say() needs a literal template"]


def test_words_are_translated_with_their_values_and_nested_words() -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    reason = say("it contains no text to read.")
    words = say("{name}: {reason}", name="notes.md", reason=reason)
    assert worded(words) == "notes.md: it contains no text to read."  # no translator
    translators = install_translations(app, QLocale("zh_CN"))
    try:
        assert worded(words) == "notes.md：它不包含可读取的文本。"
        assert worded(plain("{not a field}")) == "{not a field}"  # text is shown as it is
        assert worded(say("no such template {x}", x=1)) == "no such template 1"
    finally:
        for translator in translators:
            app.removeTranslator(translator)


@pytest.mark.parametrize(
    ("language", "said"),
    [("zh_CN", "Ollama 没有在 "), ("en", "Ollama isn't running at ")],
)
def test_an_error_agents_report_shows_in_the_persons_language(
    language: str,
    said: str,
    qtbot: QtBot,
    make_window: WindowFactory,
    ollama_double: OllamaDouble,
) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    translators = install_translations(app, QLocale(language))
    try:
        window = offline_window(qtbot, make_window, ollama_double)  # Ollama isn't running
        assert said in window.banner.label.text()
        type_and_send(qtbot, window, "are you there?")
        qtbot.waitUntil(lambda: not window.session.busy, timeout=10_000)
        answer = last_answer(window)
        assert answer.status == "error"
        assert answer.error and answer.error.startswith("Ollama isn't running at ")  # stored
        view = window.chat.view(answer.id)
        assert view is not None and said in view.note.text()
        # Opened again later, the kept error is worded again, in the language of the day.
        window.chat.clear()
        window.chats.open_conversation(answer.conversation_id)
        qtbot.waitUntil(lambda: window.chat.view(answer.id) is not None)
        again = window.chat.view(answer.id)
        assert again is not None and said in again.note.text()
        english = "Ollama isn't running" in view.note.text()
        assert english == (language == "en")
    finally:
        for translator in translators:
            app.removeTranslator(translator)
