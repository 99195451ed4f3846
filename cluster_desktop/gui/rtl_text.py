"""Multi-line text boxes that read right to left.

In a right-to-left application Qt still lays out each paragraph of a QPlainTextEdit by its own first
letters, and a short Persian paragraph that fits on one line ends up against the left edge (a long
one, which wraps, looks right). Every multi-line box gets right alignment when it is first polished,
whether it came from a .ui file or from code.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit

_filter: RightAlignedText | None = None


def align_right(edit: QPlainTextEdit | QTextEdit) -> None:
    option = edit.document().defaultTextOption()
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    edit.document().setDefaultTextOption(option)


class RightAlignedText(QObject):
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Polish and isinstance(watched, (QPlainTextEdit, QTextEdit)):
            align_right(watched)
        return False


def install(app: QApplication) -> None:
    """Right-align every multi-line text box of ``app`` from now on (once; for right-to-left only)."""
    global _filter
    if _filter is None:
        _filter = RightAlignedText(app)
        app.installEventFilter(_filter)


def uninstall(app: QApplication) -> None:
    global _filter
    if _filter is not None:
        app.removeEventFilter(_filter)
        _filter = None
