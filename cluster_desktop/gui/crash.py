"""Unexpected errors in the GUI: logged with their traceback, then told to the user once, in Persian.

A windowed Windows executable has no console: without this an exception in a slot vanishes and the
program goes on in an unknown state. The dialog says what happened, where the log is, and offers the
details for copying into an e-mail to IT; the user decides whether to go on or quit.
"""

from __future__ import annotations

import logging
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.logs import current_log_file

from .rtl_text import isolated, path_text

log = logging.getLogger(__name__)

_open_dialogs: list[CrashDialog] = []


def details_text(exc: BaseException) -> str:
    """What IT needs: versions, platform, the log's place and the full traceback."""
    from cluster_desktop import __version__

    where = current_log_file()
    head = [
        f"Cluster Desktop {__version__}",
        f"Python {platform.python_version()}, {platform.system()} {platform.release()} ({platform.machine()})",
        f"log: {where if where else 'none'}",
        "",
    ]
    return "\n".join(head) + "".join(traceback.format_exception(type(exc), exc, exc.__traceback__))


class CrashDialog(QDialog):
    """Not modal and not exec()'d: it is shown from inside an event handler that must return."""

    def __init__(self, exc: BaseException, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("crash_dialog")
        self.setWindowTitle(self.tr("Unexpected error"))
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.details = details_text(exc)
        layout = QVBoxLayout(self)
        summary = QLabel(
            self.tr(
                "The program met an error it did not expect, and the last action may not have "
                "finished. Nothing was saved half-way: each change is saved whole or not at all.\n\n"
                "What happened: %1"
            ).replace("%1", isolated(f"{type(exc).__name__}: {exc}"[:500]))
        )
        summary.setObjectName("crash_summary")
        summary.setTextFormat(Qt.TextFormat.PlainText)  # an exception may quote what someone typed
        summary.setWordWrap(True)
        layout.addWidget(summary)
        where = current_log_file()
        self.log_label = QLabel(
            self.tr("The details are in the log file:\n%1").replace("%1", path_text(where))
            if where
            else self.tr("This program has no log file (its data folder cannot be written).")
        )
        self.log_label.setObjectName("crash_log_label")
        self.log_label.setTextFormat(Qt.TextFormat.PlainText)
        self.log_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.log_label.setWordWrap(True)
        layout.addWidget(self.log_label)
        text = QPlainTextEdit(self.details)
        text.setObjectName("crash_details")
        text.setReadOnly(True)
        text.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # a traceback reads left to right
        text.setMinimumSize(560, 180)
        layout.addWidget(text)
        buttons = QDialogButtonBox(self)
        self.copy_button = QPushButton(self.tr("Copy details"))
        self.copy_button.setObjectName("crash_copy_button")
        self.copy_button.clicked.connect(self.copy_details)
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        if where:
            folder = QPushButton(self.tr("Open the log folder"))
            folder.setObjectName("crash_folder_button")
            folder.clicked.connect(
                lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(Path(where).parent)))
            )
            buttons.addButton(folder, QDialogButtonBox.ButtonRole.ActionRole)
        quit_button = QPushButton(self.tr("Quit the program"))
        quit_button.setObjectName("crash_quit_button")
        quit_button.clicked.connect(QCoreApplication.quit)
        buttons.addButton(quit_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        go_on = buttons.addButton(self.tr("Continue"), QDialogButtonBox.ButtonRole.AcceptRole)
        go_on.setObjectName("crash_continue_button")
        go_on.setDefault(True)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        self.finished.connect(lambda _r: _open_dialogs.remove(self) if self in _open_dialogs else None)

    def copy_details(self) -> None:
        QGuiApplication.clipboard().setText(self.details)
        self.copy_button.setText(self.tr("Copied"))


def report(exc: BaseException, parent: QWidget | None = None, *, wait: bool = False) -> CrashDialog | None:
    """Log ``exc`` with its traceback and show the dialog (at most three at a time: an error that
    repeats on every repaint must not bury the screen). ``wait`` blocks until it is closed, for an
    error before any window exists."""
    log.error("unexpected error in the GUI", exc_info=(type(exc), exc, exc.__traceback__))
    if QApplication.instance() is None or len(_open_dialogs) >= 3:
        return None
    dialog = CrashDialog(exc, parent or QApplication.activeWindow())
    _open_dialogs.append(dialog)
    if wait:
        dialog.exec()
        return dialog
    dialog.show()
    dialog.raise_()
    return dialog


def open_dialogs() -> list[CrashDialog]:
    return list(_open_dialogs)


def _excepthook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(kind, KeyboardInterrupt):
        sys.__excepthook__(kind, exc, tb)
        return
    exc.__traceback__ = tb
    try:
        report(exc)
    except Exception:  # the report itself must never raise from the hook
        log.exception("the crash dialog failed")


def _thread_hook(args: threading.ExceptHookArgs) -> None:
    # A plain thread (not a Qt worker, whose errors come back as signals): logged with its traceback; no
    # dialog from a foreign thread (Qt widgets belong to the GUI thread).
    exc = args.exc_value or RuntimeError(str(args.exc_type))
    log.error("unexpected error in thread %s", args.thread, exc_info=(args.exc_type, exc, args.exc_traceback))


def install() -> None:
    """Route every uncaught exception of the GUI process here."""
    sys.excepthook = _excepthook
    threading.excepthook = _thread_hook
