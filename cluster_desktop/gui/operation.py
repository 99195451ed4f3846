"""Long work off the GUI thread, with a progress dialog and errors shown once (Anki's CollectionOp idea).

    Operation(parent, self.tr("Importing bundle…"), lambda progress: import_bundle(...)) \
        .on_success(self._show_report).start()

The function runs in a worker thread and must open its own database session (sessions are per thread).
It may call ``progress(done, total, text)``; cancelling asks it to stop via ``progress.cancelled``.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, Qt, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QProgressDialog, QWidget

from cluster_desktop.domain.errors import DomainError

from . import prompts

log = logging.getLogger(__name__)


class Progress:
    def __init__(self, emit: Callable[[int, int, str], None]) -> None:
        self._emit = emit
        self.cancelled = False

    def __call__(self, done: int, total: int, text: str = "") -> None:
        self._emit(done, total, text)


class _Signals(QObject):
    progress = Signal(int, int, str)
    succeeded = Signal(object)
    failed = Signal(object)


class _Job(QRunnable):
    def __init__(self, fn: Callable[[Progress], Any], signals: _Signals, progress: Progress) -> None:
        super().__init__()
        self.fn, self.signals, self.progress = fn, signals, progress

    def run(self) -> None:
        try:
            result = self.fn(self.progress)
        except BaseException as exc:  # shown to the user by the GUI thread
            self.signals.failed.emit(exc)
        else:
            self.signals.succeeded.emit(result)


# Operations between start and a moment after their handlers ran. A handler often starts the next step
# and the view keeps only that one: without this, the running Operation (and the signals object its
# worker is emitting through) would be freed inside its own handler.
_RUNNING: set[Operation] = set()


class Operation(QObject):
    """One background task with a modal progress dialog (shown after a short delay)."""

    finished = Signal()

    def __init__(
        self, parent: QWidget, label: str, fn: Callable[[Progress], Any], *, quiet: bool = False
    ) -> None:
        """``quiet``: no progress dialog, for reads a screen makes while it stays usable (a page of a
        long list, a check at start-up)."""
        super().__init__(parent)
        self._parent = parent
        self._fn = fn
        self._success: Callable[[Any], None] | None = None
        self._failure: Callable[[BaseException], None] | None = None
        self.signals = _Signals()
        self.progress = Progress(self.signals.progress.emit)
        self.dialog: QProgressDialog | None = None
        if not quiet:
            self.dialog = QProgressDialog(label, self.tr("Cancel"), 0, 0, parent)
            self.dialog.setWindowModality(Qt.WindowModality.WindowModal)
            self.dialog.setMinimumDuration(400)
            self.dialog.canceled.connect(self._cancel)
        self.signals.progress.connect(self._on_progress)
        self.signals.succeeded.connect(self._on_success)
        self.signals.failed.connect(self._on_failure)

    def on_success(self, fn: Callable[[Any], None]) -> Operation:
        self._success = fn
        return self

    def on_failure(self, fn: Callable[[BaseException], None]) -> Operation:
        self._failure = fn
        return self

    def start(self) -> Operation:
        _RUNNING.add(self)
        QThreadPool.globalInstance().start(_Job(self._fn, self.signals, self.progress))
        return self

    def _cancel(self) -> None:
        self.progress.cancelled = True

    def _on_progress(self, done: int, total: int, text: str) -> None:
        if self.dialog is None:
            return
        self.dialog.setMaximum(max(total, 0))
        self.dialog.setValue(done)
        if text:
            self.dialog.setLabelText(text)

    def _on_success(self, result: Any) -> None:
        if self.dialog is not None:
            self.dialog.reset()
        try:
            if self._success:
                self._success(result)
            self.finished.emit()
        finally:
            self._release()

    def _on_failure(self, exc: BaseException) -> None:
        if self.dialog is not None:
            self.dialog.reset()
        if isinstance(exc, OSError):
            log.warning("background task failed: %s", exc)
        elif self._failure and not isinstance(exc, DomainError):
            # A defect shown by the view's own handler: its traceback still goes to the log (without a
            # handler, prompts.error hands it to the crash dialog, which logs it).
            log.error("background task failed", exc_info=(type(exc), exc, exc.__traceback__))
        try:
            if self._failure:
                self._failure(exc)
            else:
                prompts.error(self._parent, exc)
            self.finished.emit()
        finally:
            self._release()

    def _release(self) -> None:
        # The handlers are closures over their view: held on after the work is done they would keep the
        # view's Python side alive past its Qt side (a double delete when the view's parent goes).
        self._fn = self._success = self._failure = None  # type: ignore[assignment]
        QTimer.singleShot(0, lambda: _RUNNING.discard(self))
