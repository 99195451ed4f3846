"""A dialog holding a form: it saves through a service call in one transaction, shows a refusal
beside the fields it concerns, and asks before closing with unsaved edits (save, discard or stay)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QComboBox, QDialog, QDialogButtonBox, QLineEdit, QPlainTextEdit

from cluster_desktop.domain.errors import DomainError

from . import prompts
from .context import AppContext
from .widgets import FieldErrors, JalaliDateEdit


class FormDialog(QDialog):
    ctx: AppContext
    errors: FieldErrors
    dirty = False

    def ready(self, save_text: str) -> None:
        """Wire the form's ``buttons`` box (OK saves through ``save``, Cancel asks about edits) and start
        counting edits; call once the form is filled."""
        buttons = self.findChild(QDialogButtonBox, "buttons")
        assert buttons is not None, "the form has no QDialogButtonBox named 'buttons'"
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(save_text)
        ok.setObjectName("save_button")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.watch_edits()

    def watch_edits(self) -> None:
        """Count any later typing or choice in the form as an edit (call once the form is filled)."""
        self.dirty = False
        for line in self.findChildren(QLineEdit):
            line.textEdited.connect(self._edited)
        for text in self.findChildren(QPlainTextEdit):
            text.textChanged.connect(self._edited)
        for combo in self.findChildren(QComboBox):
            combo.activated.connect(self._edited)
        for date in self.findChildren(JalaliDateEdit):
            date.edited.connect(self._edited)

    def _edited(self, *_args: object) -> None:
        self.dirty = True

    def commit(self, change: Callable[[Any], object]) -> bool:
        """Run ``change(session)``; on refusal keep the dialog open with the messages, else close."""
        try:
            with self.ctx.session() as s:
                change(s)
        except DomainError as e:
            self.errors.show(e)
            return False
        self.dirty = False
        self.accept()
        return True

    def save(self) -> bool:
        raise NotImplementedError

    def reject(self) -> None:
        if self.dirty:
            answer = prompts.save_discard_cancel(self, self.windowTitle())
            if answer == "save":
                self.save()  # closes when saved; stays open with its messages when refused
            if answer != "discard":
                return
        super().reject()
