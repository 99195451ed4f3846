"""Asking the acting user's password again (hidden as typed), e.g. to unlock the office's signing key."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from .uiloader import find, load_ui


class PasswordDialog(QDialog):
    def __init__(self, message: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = load_ui("password_dialog.ui", self)
        self.setWindowTitle(self.tr("Your password"))
        find(self.ui, QLabel, "message_label").setText(message)
        self.password_edit = find(self.ui, QLineEdit, "password_edit")
        buttons = find(self.ui, QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

    def password(self) -> str:
        return self.password_edit.text()


def ask_password(parent: QWidget | None, message: str) -> str | None:
    """The password typed, or None when cancelled (tests patch this one function)."""
    dialog = PasswordDialog(message, parent)
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return None
    return dialog.password()
