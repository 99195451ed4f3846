"""Every question and message box goes through here, so tests patch one place."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from cluster_desktop.domain.errors import DomainError


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    """A message box that shows its text as typed: names in it are never read as rich text."""
    box = QMessageBox(icon, title, text, parent=parent)
    box.setTextFormat(Qt.TextFormat.PlainText)
    return box


def confirm(parent: QWidget | None, title: str, text: str) -> bool:
    box = _box(parent, QMessageBox.Icon.Question, title, text)
    box.setStandardButtons(QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No)
    box.setDefaultButton(QMessageBox.StandardButton.No)
    return box.exec() == QMessageBox.StandardButton.Yes


def save_discard_cancel(parent: QWidget | None, what: str) -> str:
    """Unsaved edits: returns ``"save"``, ``"discard"`` or ``"cancel"``."""
    box = QMessageBox(
        QMessageBox.Icon.Warning,
        QCoreApplication.translate("prompts", "Unsaved changes"),
        QCoreApplication.translate("prompts", "%1 has unsaved changes. Save them?").replace("%1", what),
        parent=parent,
    )
    save = box.addButton(QCoreApplication.translate("prompts", "Save"), QMessageBox.ButtonRole.AcceptRole)
    discard = box.addButton(
        QCoreApplication.translate("prompts", "Discard"), QMessageBox.ButtonRole.DestructiveRole
    )
    box.addButton(QCoreApplication.translate("prompts", "Cancel"), QMessageBox.ButtonRole.RejectRole)
    box.exec()
    clicked = box.clickedButton()
    return "save" if clicked is save else "discard" if clicked is discard else "cancel"


def info(parent: QWidget | None, title: str, text: str) -> None:
    _box(parent, QMessageBox.Icon.Information, title, text).exec()


def error(parent: QWidget | None, problem: BaseException | str, title: str | None = None) -> None:
    """Show a refusal or failure once, in the user's language.

    A refusal (DomainError) or a file-system error is a message; anything else is a defect: it goes to
    the log with its traceback and to the crash dialog, which says where the log is."""
    if not isinstance(problem, DomainError | OSError | str):
        from . import crash

        crash.report(problem, parent)
        return
    text = (
        str(problem)
        if isinstance(problem, DomainError | str)
        else QCoreApplication.translate("prompts", "Unexpected error: %1").replace(
            "%1", f"{type(problem).__name__}: {problem}"
        )
    )
    _box(
        parent,
        QMessageBox.Icon.Warning,
        title or QCoreApplication.translate("prompts", "Cannot do this"),
        text,
    ).exec()


def ask_text(parent: QWidget | None, title: str, label: str, text: str = "") -> str | None:
    value, ok = QInputDialog.getText(parent, title, label, text=text)
    return value if ok else None


def open_file(parent: QWidget | None, title: str, filters: str = "", *, kind: str = "open") -> Path | None:
    """Opens in the folder last used for this ``kind`` of file (bundles, attachments, …)."""
    from .settings import last_folder, remember_folder

    path, _ = QFileDialog.getOpenFileName(parent, title, last_folder(kind), filters)
    if not path:
        return None
    remember_folder(kind, Path(path))
    return Path(path)


def open_folder(
    parent: QWidget | None, title: str, *, kind: str = "folder", default: Path | None = None
) -> Path | None:
    """A folder, starting in the one last used for this ``kind`` (else ``default``)."""
    from .settings import last_folder, remember_folder

    start = last_folder(kind) or (str(default) if default and default.is_dir() else "")
    path = QFileDialog.getExistingDirectory(parent, title, start)
    if not path:
        return None
    remember_folder(kind, Path(path))
    return Path(path)


def save_file(
    parent: QWidget | None, title: str, suggested: str = "", filters: str = "", *, kind: str = "save"
) -> Path | None:
    """A bare suggested file name is proposed in the folder last used for this ``kind``."""
    from .settings import last_folder, remember_folder

    folder = last_folder(kind)
    if suggested and folder and Path(suggested).name == suggested:
        suggested = str(Path(folder) / suggested)
    path, _ = QFileDialog.getSaveFileName(parent, title, suggested or folder, filters)
    if not path:
        return None
    remember_folder(kind, Path(path))
    return Path(path)
