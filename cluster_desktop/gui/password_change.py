"""File › Change my password…: the old password, the new one twice; saved off the GUI thread (the
password hash and, for a key holder, the office key's wrap are deliberately slow to compute)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QLabel, QLineEdit, QVBoxLayout, QWidget

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.services.accounts import change_own_password
from cluster_desktop.services.users import password_policy_text

from . import prompts
from .context import AppContext
from .operation import Operation
from .widgets import FieldErrors, set_wrapped_text


class ChangePasswordDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("change_password_dialog")
        self.setWindowTitle(self.tr("Change my password"))
        self.operation: Operation | None = None
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        for key, label in (
            ("old_password", self.tr("Current password:")),
            ("password", self.tr("New password:")),
            ("password_again", self.tr("New password again:")),
        ):
            edit = QLineEdit(self)
            edit.setObjectName(f"{key}_edit")
            edit.setEchoMode(QLineEdit.EchoMode.Password)
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            error = QLabel(self)
            error.setObjectName(f"{key}_error")
            error.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(label, edit)
            form.addRow("", error)
            self.edits[key] = edit
        layout.addLayout(form)
        policy = password_policy_text()[0 if ctx.lang == "fa" else 1]
        hint = QLabel(self)
        hint.setObjectName("policy_label")
        set_wrapped_text(
            hint,
            policy + "\n" + self.tr("If you hold the office keys, they stay usable with the new password."),
        )
        layout.addWidget(hint)
        general = QLabel(self)
        general.setObjectName("form_error")
        layout.addWidget(general)
        self.errors = FieldErrors(self, general)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addStretch(1)  # spare height (a wrapped hint's size hint) goes above the buttons
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def save(self) -> None:
        if self.operation is not None:
            return
        self.errors.clear()
        old, new, again = (self.edits[k].text() for k in ("old_password", "password", "password_again"))
        ws, actor = self.ctx.ws, self.ctx.actor

        def work(_progress: object) -> None:
            with ws.db.session() as s:
                change_own_password(s, actor, old, new, again)

        def done(_result: object) -> None:
            self.operation = None
            prompts.info(self, self.windowTitle(), self.tr("Your password was changed."))
            self.accept()

        def refused(exc: BaseException) -> None:
            self.operation = None
            if isinstance(exc, DomainError):
                self.errors.show(exc)
            else:
                prompts.error(self, exc)

        self.buttons.setEnabled(False)
        self.operation = (
            Operation(self, self.tr("Changing the password…"), work)
            .on_success(done)
            .on_failure(refused)
            .start()
        )
        self.operation.finished.connect(lambda: self.buttons.setEnabled(True))
