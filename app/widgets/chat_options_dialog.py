"""One chat's own temperature and context size, sent with every request of the chat."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from agents.llm.options import ChatOptions
from agents.settings import Settings
from app.widgets.dialog_buttons import ok_cancel

OLLAMA_TEMPERATURE = 0.8
"""Ollama's own default temperature: where the box starts when the chat has none."""


def context_sizes(low: int, high: int) -> list[int]:
    """The context sizes offered: powers of two from ``low`` to ``high``. A few fixed
    sizes, since each change of size reloads the model."""
    sizes, size = [], low
    while size <= high:
        sizes.append(size)
        size *= 2
    return sizes


class ChatOptionsDialog(QDialog):
    """Edits a chat's temperature and context window; OK gives them as ``values()``.

    Args:
        options: The chat's options now.
        settings: The settings in force (what "the default" means, and the ranges).
        model_max: The chat's model's longest context, if known (larger sizes are not
            offered: Ollama would cut them to it).
        parent: The Qt parent.
    """

    def __init__(
        self,
        options: ChatOptions,
        settings: Settings,
        model_max: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Chat options"))
        self.setMinimumWidth(420)
        low, high = Settings.bounds("temperature")
        self.temperature = QDoubleSpinBox()
        self.temperature.setObjectName("chatTemperature")
        self.temperature.setAccessibleName(self.tr("Temperature"))
        self.temperature.setRange(float(low), float(high))
        self.temperature.setSingleStep(0.1)
        self.temperature.setDecimals(2)
        default = settings.temperature
        start = options.temperature if options.temperature is not None else default
        self.temperature.setValue(start if start is not None else OLLAMA_TEMPERATURE)
        self.temperature.setToolTip(
            self.tr("Lower is more focused and repeatable, higher more varied.")
        )
        shown = f"{default:g}" if default is not None else self.tr("the model's own")
        self.default_temperature = QCheckBox(self.tr("Default ({0})").format(shown))
        self.default_temperature.setObjectName("chatTemperatureDefault")
        self.default_temperature.toggled.connect(lambda on: self.temperature.setEnabled(not on))
        self.default_temperature.setChecked(options.temperature is None)
        self.temperature.setEnabled(options.temperature is not None)
        temperature_row = QHBoxLayout()
        temperature_row.addWidget(self.default_temperature)
        temperature_row.addWidget(self.temperature, 1)

        self.context = QComboBox()
        self.context.setObjectName("chatContext")
        self.context.addItem(self.tr("Default ({0} tokens)").format(settings.num_ctx), None)
        low, high = Settings.bounds("num_ctx")
        sizes = context_sizes(int(low), int(min(high, model_max or high)))
        if options.num_ctx is not None and options.num_ctx not in sizes:
            sizes = sorted({*sizes, options.num_ctx})
        for size in sizes:
            self.context.addItem(self.tr("{0} tokens").format(size), size)
        self.context.setCurrentIndex(max(self.context.findData(options.num_ctx), 0))
        self.context.setToolTip(
            self.tr(
                "How much of the chat the model reads at once. Larger remembers more but "
                "needs more memory; changing it reloads the model."
            )
        )
        note = QLabel(self.tr("Sent with every request of this chat; other chats keep their own."))
        note.setWordWrap(True)
        form = QFormLayout()
        form.addRow(self.tr("Temperature"), temperature_row)
        form.addRow(self.tr("Context window"), self.context)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    def values(self) -> ChatOptions:
        """The options as chosen."""
        temperature = None if self.default_temperature.isChecked() else self.temperature.value()
        num_ctx = self.context.currentData()
        return ChatOptions(temperature, int(num_ctx) if num_ctx is not None else None)
