"""Enrolling a peer office's certificate: its fingerprint shown large, grouped for reading aloud, and
enrolment only once the clerk confirms it was compared with that office by phone."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QPushButton, QWidget

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.services import sync

from .context import AppContext
from .uiloader import find, load_ui
from .widgets import FieldErrors

if TYPE_CHECKING:
    from cluster_desktop.sync.trust import TrustEntry


def fingerprint_font(size: int = 16) -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(size)
    font.setBold(True)
    return font


class SyncEnrollDialog(QDialog):
    """Shows a parsed certificate; OK (enabled once the phone check is ticked) enrolls it."""

    def __init__(self, ctx: AppContext, data: bytes, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.data = data
        self.entry: TrustEntry | None = None
        self.cert = sync.read_certificate(data)  # raises a Persian DomainError for a bad file
        self.ui = load_ui("sync_enroll_dialog.ui", self)
        self.setWindowTitle(self.tr("Enrol an office's certificate"))
        fa = ctx.lang == "fa"
        code = to_persian_digits(self.cert.office_id) if fa else self.cert.office_id
        find(self.ui, QLabel, "office_label").setText(
            self.tr("%1 (code %2)").replace("%1", self.cert.name_fa).replace("%2", code)
        )
        self.fingerprint_label = find(self.ui, QLabel, "fingerprint_label")
        # Latin hex read aloud group by group: always left to right, whatever the layout direction.
        self.fingerprint_label.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        self.fingerprint_label.setFont(fingerprint_font())
        self.fingerprint_label.setText(self.cert.fingerprint_text)
        self.compared_check = find(self.ui, QCheckBox, "compared_check")
        self.errors = FieldErrors(self.ui)
        buttons = find(self.ui, QDialogButtonBox, "buttons")
        self.ok_button: QPushButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Enrol"))
        self.ok_button.setObjectName("enroll_ok_button")
        self.ok_button.setEnabled(False)
        self.compared_check.toggled.connect(self.ok_button.setEnabled)
        buttons.accepted.connect(self.enroll)
        buttons.rejected.connect(self.reject)

    def enroll(self) -> None:
        if not self.compared_check.isChecked():
            return
        try:
            with self.ctx.session() as s:
                self.entry = sync.enroll(s, self.ctx.actor, self.data)
        except DomainError as e:
            self.errors.show(e)
            self.adjustSize()  # grow for the message rather than squeeze the wrapped warning
            return
        self.accept()
