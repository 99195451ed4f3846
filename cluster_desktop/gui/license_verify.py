"""Checking a printed license offline: paste its QR text or open its PDF (same check as ``license verify``)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPlainTextEdit, QPushButton, QWidget

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.services import printing
from cluster_desktop.services.printing import LicenseVerdict
from cluster_desktop.services.reference import provinces

from . import prompts
from .context import AppContext
from .uiloader import find, load_ui

COLORS = {True: "#1b5e20", False: "#b71c1c", None: "#8a6d00"}


class LicenseVerifyDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("license_verify.ui", self)
        self.setWindowTitle(self.tr("Verify a license"))
        self.qr_edit = find(self.ui, QPlainTextEdit, "qr_edit")
        self.verdict_label = find(self.ui, QLabel, "verdict_label")
        self.details_label = find(self.ui, QLabel, "details_label")
        self.verdict: LicenseVerdict | None = None
        find(self.ui, QPushButton, "verify_button").clicked.connect(self.verify_text)
        find(self.ui, QPushButton, "open_pdf_button").clicked.connect(self.open_pdf)
        find(self.ui, QDialogButtonBox, "buttons").rejected.connect(self.reject)

    def verify_text(self) -> LicenseVerdict | None:
        text = self.qr_edit.toPlainText()
        if not text.strip():
            prompts.error(self, self.tr("Paste the text of the QR code first."))
            return None
        with self.ctx.session() as s:
            return self._show(printing.verify_license(s, text))

    def open_pdf(self) -> LicenseVerdict | None:
        path = prompts.open_file(
            self, self.tr("Open a license PDF"), self.tr("PDF files (*.pdf)"), kind="licences"
        )
        if path is None:
            return None
        try:
            with self.ctx.session() as s:
                qr = printing.qr_text_from_pdf(path)
                self.qr_edit.setPlainText(qr)
                return self._show(printing.verify_license(s, qr))
        except DomainError as exc:
            prompts.error(self, exc)
            return None

    def _show(self, verdict: LicenseVerdict) -> LicenseVerdict:
        self.verdict = verdict
        self.verdict_label.setText(verdict.message)
        self.verdict_label.setStyleSheet(f"font-weight: bold; color: {COLORS[verdict.genuine]};")
        p = verdict.payload or {}
        lines = []
        if p:
            code = str(p.get("province", ""))
            with self.ctx.session() as s:  # the payload carries the code; show the province's name
                name = next((x.name_fa for x in provinces(s) if x.code == code), code)
            lines.append(
                self.tr("Province: %1 — issued: %2 — valid until: %3")
                .replace("%1", name)
                .replace("%2", _jalali(p.get("issued")))
                .replace("%3", _jalali(p.get("valid_until")))
            )
        if verdict.status_reason:
            lines.append(self.tr("Reason: %1").replace("%1", verdict.status_reason))
        self.details_label.setText("\n".join(lines))
        return verdict


def _jalali(iso: object) -> str:
    try:
        return format_jalali(date.fromisoformat(str(iso)))
    except ValueError:
        return str(iso or "")
