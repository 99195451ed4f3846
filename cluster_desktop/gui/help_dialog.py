"""F1: what this page is for in the programme (the seed's steps it serves) and the keyboard shortcuts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.services.reference import ProcessDetails

from .context import AppContext
from .operation import Operation


def _plain(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    return label


class HelpDialog(QDialog):
    def __init__(
        self,
        page_title: str,
        steps: list[ProcessDetails],
        shortcuts: list[tuple[str, QKeySequence]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("help_dialog")
        self.setWindowTitle(self.tr("Help: %1").replace("%1", page_title))
        layout = QVBoxLayout(self)
        body = QWidget()
        inner = QVBoxLayout(body)
        if steps:
            inner.addWidget(_plain(self.tr("This page serves these steps of the programme:")))
        else:
            inner.addWidget(_plain(self.tr("This page is not tied to one step of the programme.")))
        for step in steps:
            title = _plain(f"{step.code} — {step.title_fa}")
            title.setStyleSheet("font-weight: bold; margin-top: 6px;")
            inner.addWidget(title)
            for caption, values in (
                ("", [step.summary_fa]),
                (self.tr("Inputs"), step.inputs_fa),
                (self.tr("Outputs"), step.outputs_fa),
                (self.tr("Responsible"), step.agencies_fa),
            ):
                values = [v for v in values if v]
                if values:
                    inner.addWidget(_plain((f"{caption}: " if caption else "") + "، ".join(values)))
        inner.addStretch(1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setWidget(body)
        layout.addWidget(scroll, 1)
        layout.addWidget(_plain(self.tr("Keyboard shortcuts")))
        table = QTableWidget(len(shortcuts), 2, self)
        table.setObjectName("shortcuts_table")
        table.setHorizontalHeaderLabels([self.tr("Action"), self.tr("Keys")])
        table.verticalHeader().setVisible(False)
        table.horizontalHeader().setStretchLastSection(True)
        table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        for row, (name, keys) in enumerate(shortcuts):
            table.setItem(row, 0, QTableWidgetItem(name.replace("&", "")))
            # Key names read left to right («Ctrl+P»), also in a right-to-left table.
            keys_item = QTableWidgetItem(
                "\u2066" + keys.toString(QKeySequence.SequenceFormat.NativeText) + "\u2069"
            )
            table.setItem(row, 1, keys_item)
        table.resizeColumnsToContents()
        table.setMinimumHeight(
            table.horizontalHeader().height() + sum(table.rowHeight(r) for r in range(table.rowCount())) + 4
        )
        layout.addWidget(table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(640, 560)


def show_help(
    ctx: AppContext,
    parent: QWidget,
    page_title: str,
    processes: tuple[str, ...],
    shortcuts: list[tuple[str, QKeySequence]],
) -> Operation:
    from cluster_desktop.services.reference import process_details

    def read(_progress: object) -> list[ProcessDetails]:
        with ctx.session() as s:
            return [process_details(s, code) for code in processes]

    def shown(steps: list[ProcessDetails]) -> None:
        dialog = HelpDialog(page_title, steps, shortcuts, parent)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        parent.help_dialog = dialog  # type: ignore[attr-defined]
        dialog.show()

    label = QCoreApplication.translate("HelpDialog", "Opening help…")
    return Operation(parent, label, read).on_success(shown).start()
