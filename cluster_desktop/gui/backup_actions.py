"""File › Backup… and File › Restore… (the administrator's), and the daily backup when the program closes.

All of it runs off the GUI thread. After a restore the open window's data is stale, so the program goes
back to the login screen with a fresh workspace on the restored office (gui/application.py)."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEventLoop, QObject, Qt, QTimer
from PySide6.QtWidgets import QApplication, QDialog, QProgressDialog, QWidget

from cluster_desktop.services.actor import Actor
from cluster_desktop.services.backup import BACKUP_DIR, Cancelled, backup_if_due, create_backup
from cluster_desktop.services.restore import RestorePlan, RestoreReport, check_restore, restore_backup
from cluster_desktop.services.workspace import Workspace

from . import prompts
from .operation import Operation, Progress

log = logging.getLogger(__name__)

FILTER = "*.cdbackup"
# The daily backup at exit gives up after this long (the user may skip it sooner): closing the program
# must never hang. An unfinished archive never appears under its final name.
EXIT_BACKUP_LIMIT_MS = 15 * 60 * 1000


def _stage_labels() -> dict[str, str]:
    return {
        "verify": QCoreApplication.translate("backup", "Checking the backup…"),
        "files": QCoreApplication.translate("backup", "Checking the backup…"),
        "copy": QCoreApplication.translate("backup", "Keeping a copy of the current data…"),
        "database": QCoreApplication.translate("backup", "Copying the database…"),
        "tables": QCoreApplication.translate("backup", "Checking every table…"),
        "attachments": QCoreApplication.translate("backup", "Copying the attachments…"),
    }


def relay(progress: Progress, *, cancellable: bool = True) -> Callable[[int, int, str], None]:
    """The services' progress (done, total, stage) shown in the dialog; Cancel stops a backup."""
    labels = _stage_labels()

    def report(done: int, total: int, what: str) -> None:
        if cancellable and progress.cancelled:
            raise Cancelled
        progress(done, total, labels.get(what.split(":")[0], ""))

    return report


class BackupActions(QObject):
    """File › Backup… and File › Restore… of the main window; the restore also on the setup wizard's first
    page (a new PC after a disk failure: no office yet, so nobody signs in)."""

    def __init__(
        self,
        parent: QWidget,
        ws: Workspace,
        actor: Actor | None,
        lang: str,
        on_restored: Callable[[RestoreReport], None],
    ) -> None:
        super().__init__(parent)
        self.window = parent
        self.ws, self.actor, self.lang = ws, actor, lang
        self.on_restored = on_restored
        self.operation: Operation | None = None
        self.last_backup: Path | None = None
        self.last_report: RestoreReport | None = None

    def backup(self) -> None:
        folder = prompts.open_folder(
            self.window,
            self.tr("Where to save the backup"),
            kind="backup",
            default=self.ws.data_dir / BACKUP_DIR,
        )
        if folder is None or self.actor is None:
            return
        ws, actor = self.ws, self.actor

        def done(path: Path) -> None:
            self.last_backup = path
            prompts.info(
                self.window,
                self.tr("Backup"),
                self.tr(
                    "The backup of the whole office (data and attachments) was saved and checked:\n%1"
                ).replace("%1", str(path)),
            )

        self._run(
            self.tr("Backing the office up…"),
            lambda p: create_backup(ws, actor, folder, progress=relay(p)),
            done,
        )

    def restore(self) -> None:
        path = prompts.open_file(
            self.window,
            self.tr("Choose a backup to restore"),
            self.tr("Cluster Desktop backups (%1)").replace("%1", FILTER),
            kind="backup",
        )
        if path is None:
            return
        ws, actor = self.ws, self.actor
        self._run(
            self.tr("Checking the backup…"),
            lambda p: check_restore(ws.data_dir, path, url=ws.db.url, actor=actor, progress=relay(p)),
            lambda plan: self._confirm(plan, path),
        )

    def _confirm(self, plan: RestorePlan, path: Path) -> None:
        from .restore_dialog import RestoreConfirmDialog

        dialog = RestoreConfirmDialog(plan, self.lang, self.window)
        self.confirm_dialog = dialog
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        ws, actor = self.ws, self.actor

        def work(p: Progress) -> RestoreReport:
            ws.close()  # this program's own connections go, so nothing holds the database meanwhile
            return restore_backup(
                ws.data_dir, path, url=ws.db.url, actor=actor, progress=relay(p, cancellable=False)
            )

        def done(report: RestoreReport) -> None:
            self.last_report = report
            where = (
                self.tr("The data as it was before is kept in:\n%1").replace("%1", str(report.before_copy))
                if report.before_copy
                else ""
            )
            prompts.info(
                self.window,
                self.tr("Restore from a backup"),
                self.tr("The office was restored from the backup.")
                + ("\n" + where if where else "")
                + "\n"
                + self.tr("The program now returns to the login screen to open the restored data."),
            )
            self.on_restored(report)

        op = self._run(self.tr("Restoring the office…"), work, done)
        op.dialog.setCancelButton(None)  # half a restore is worse than a slow one

    def _run(self, label: str, fn: Callable[[Progress], Any], done: Callable[[Any], None]) -> Operation:
        def failed(exc: BaseException) -> None:
            if isinstance(exc, Cancelled):
                bar = getattr(self.window, "statusBar", None)
                if callable(bar):
                    bar().showMessage(self.tr("The backup was cancelled."), 4000)
            else:
                prompts.error(self.window, exc)

        self.operation = Operation(self.window, label, fn).on_success(done).on_failure(failed).start()
        return self.operation


def exit_backup(ws: Workspace, *, limit_ms: int = EXIT_BACKUP_LIMIT_MS) -> Path | None:
    """The daily backup once the main window is closed: a small dialog while it runs on its own thread,
    which the user may skip. Any failure is logged and the program exits all the same."""
    result: dict[str, Any] = {}
    cancel = threading.Event()

    def progress(done: int, total: int, what: str) -> None:
        if cancel.is_set():
            raise Cancelled

    def work() -> None:
        try:
            result["path"] = backup_if_due(ws, progress=progress)
        except Cancelled:
            log.info("the daily backup was skipped")
        except BaseException:
            log.exception("the daily backup at exit failed")

    thread = threading.Thread(target=work, name="exit-backup", daemon=True)  # never keeps the process alive
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        thread.start()
        thread.join(limit_ms / 1000)
        return result.get("path")
    quit_on_close = app.quitOnLastWindowClosed()
    app.setQuitOnLastWindowClosed(False)  # the dialog closing must not end the wait early
    dialog = QProgressDialog(
        QCoreApplication.translate("backup", "Daily backup of the office…"),
        QCoreApplication.translate("backup", "Skip"),
        0,
        0,
    )
    dialog.setObjectName("exit_backup_dialog")
    dialog.setWindowTitle(QCoreApplication.translate("backup", "Cluster Desktop"))
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(800)
    loop = QEventLoop()
    dialog.canceled.connect(cancel.set)
    poll = QTimer()
    poll.timeout.connect(lambda: loop.quit() if not thread.is_alive() or cancel.is_set() else None)
    giveup = QTimer()
    giveup.setSingleShot(True)
    giveup.timeout.connect(cancel.set)
    thread.start()
    poll.start(100)
    giveup.start(limit_ms)
    if thread.is_alive():
        loop.exec()
    poll.stop()
    giveup.stop()
    thread.join(5)  # a skipped backup removes its partial file; a stuck one is left to the process exit
    dialog.reset()
    dialog.deleteLater()
    app.setQuitOnLastWindowClosed(quit_on_close)
    return result.get("path")
