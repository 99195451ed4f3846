"""Multi-line text boxes that read right to left.

In a right-to-left application Qt still lays out each paragraph of a QPlainTextEdit by its own first
letters, and a short Persian paragraph that fits on one line ends up against the left edge (a long
one, which wraps, looks right). ``load_ui`` right-aligns every multi-line box of a form it loads (all
of ours come from .ui files), once, rather than watching every event of the application.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QPlainTextEdit, QTextEdit, QWidget


def align_right(edit: QPlainTextEdit | QTextEdit) -> None:
    option = edit.document().defaultTextOption()
    option.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
    edit.document().setDefaultTextOption(option)


def align_boxes(form: QWidget) -> None:
    """Right-align the multi-line boxes of ``form`` when the application reads right to left."""
    if QApplication.layoutDirection() != Qt.LayoutDirection.RightToLeft:
        return
    for edit in (*form.findChildren(QPlainTextEdit), *form.findChildren(QTextEdit)):
        align_right(edit)


def path_text(path: object) -> str:
    """A file path that reads as typed in a right-to-left window: isolated left to right, and a
    left-to-right mark after each separator so a Persian folder name keeps its place between them."""
    text = str(path).replace("/", "/\u200e").replace("\\", "\\\u200e")
    return f"\u2066{text}\u2069"


def isolated(text: str) -> str:
    """Mixed-direction text (an error message quoting a name) kept in one piece inside a sentence."""
    return f"\u2068{text}\u2069"
