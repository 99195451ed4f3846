"""Help › About: versions and places, with a button that copies them for a support request."""

from __future__ import annotations

import PySide6
from PySide6.QtCore import QCoreApplication, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.services.about import Fact, facts_text

from .context import AppContext
from .operation import Operation
from .rtl_text import path_text

PATH_FACTS = ("database", "data_dir", "log")


def qt_facts() -> list[Fact]:
    return [Fact("qt", "کیوت", "Qt", f"{qVersion()} (PySide6 {PySide6.__version__})")]


class AboutDialog(QDialog):
    def __init__(self, facts: list[Fact], lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("about_dialog")
        self.setWindowTitle(self.tr("About Cluster Desktop"))
        self.facts = facts
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("Cluster Desktop — export-oriented cluster development programme"))
        title.setObjectName("about_title")
        title.setStyleSheet("font-weight: bold;")
        layout.addWidget(title)
        layout.addWidget(QLabel(self.tr("Trade Promotion Organization of Iran")))
        form = QFormLayout()
        self.values: dict[str, QLabel] = {}
        for f in facts:
            value = QLabel(path_text(f.value) if f.key in PATH_FACTS else f.value)
            value.setObjectName(f"about_{f.key}")
            value.setTextFormat(Qt.TextFormat.PlainText)
            value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            value.setWordWrap(True)
            # Versions and paths are Latin: shown left to right so a path reads as typed.
            value.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            value.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignAbsolute)
            self.values[f.key] = value
            form.addRow(f.title_fa if lang == "fa" else f.title_en, value)
        layout.addLayout(form)
        layout.addStretch(1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.copy_button = QPushButton(self.tr("Copy"))
        self.copy_button.setObjectName("about_copy_button")
        self.copy_button.clicked.connect(self.copy)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.setMinimumWidth(620)

    def text(self) -> str:
        return facts_text(self.facts)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.text())
        self.copy_button.setText(self.tr("Copied"))


def show_about(ctx: AppContext, parent: QWidget) -> Operation:
    """Read the facts (the schema revision is a query) off the GUI thread, then show the dialog."""
    from cluster_desktop.services.about import program_facts

    def shown(facts: list[Fact]) -> None:
        dialog = AboutDialog([*facts[:1], *qt_facts(), *facts[1:]], ctx.lang, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        parent.about_dialog = dialog  # type: ignore[attr-defined]
        dialog.show()

    ws = ctx.ws
    label = QCoreApplication.translate("AboutDialog", "Reading versions…")
    return Operation(parent, label, lambda _p: program_facts(ws)).on_success(shown).start()
