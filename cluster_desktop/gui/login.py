"""Later starts: username and password; a wrong pair is told in the dialog, in the user's language."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QLineEdit, QWidget

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.services import first_run
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.users import local_office
from cluster_desktop.services.workspace import Workspace

from .uiloader import find, load_ui
from .widgets import FieldErrors


class LoginDialog(QDialog):
    """After ``exec()`` returns Accepted, ``actor`` is the logged-in user."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.actor: Actor | None = None
        self.setObjectName("login_dialog")
        self.ui = load_ui("login.ui", self)
        self.layout().setContentsMargins(18, 14, 18, 14)
        self.setMinimumWidth(440)
        self.username_edit = find(self.ui, QLineEdit, "username_edit")
        self.password_edit = find(self.ui, QLineEdit, "password_edit")
        self.errors = FieldErrors(self.ui)
        with ws.db.session() as s:
            office = local_office(s)
            find(self.ui, QLabel, "office_label").setText(office.name_fa)
        buttons = find(self.ui, QDialogButtonBox, "buttons")
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Log in"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Quit"))
        buttons.accepted.connect(self.log_in)
        buttons.rejected.connect(self.reject)
        self.username_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def log_in(self) -> None:
        """Check the password (scrypt: a moment); stay open with the reason when it is refused."""
        try:
            with self.ws.db.session() as s:
                self.actor = first_run.login(s, self.username_edit.text(), self.password_edit.text())
        except DomainError as e:
            self.errors.show(e)
            self.password_edit.clear()
            self.password_edit.setFocus()
            return
        self.errors.clear()
        self.accept()


def screenshot(ctx):  # type: ignore[no-untyped-def]
    dialog = LoginDialog(ctx.ws)
    dialog.username_edit.setText(ctx.actor.username)
    dialog.setFixedSize(480, 300)
    return dialog
