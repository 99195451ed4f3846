"""Print preview of any document (QtPdf), printing through QPrinter, saving as PDF.

Screens call ``preview_document(parent, ctx, "license", dossier_id)``: the PDF is made off the GUI
thread by ``services.printing`` and shown in ``PrintPreviewDialog``. ``unavailable`` asks the services
whether a document can be made now, so screens disable their print buttons with the reason.
Printing renders each page with ``QPdfDocument.render`` to an image and paints it on the printer,
turning the paper for landscape pages.
"""

from __future__ import annotations

import io
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QBuffer,
    QByteArray,
    QCoreApplication,
    QIODevice,
    QLocale,
    QPointF,
    QRectF,
    QSize,
)
from PySide6.QtGui import QAction, QPageLayout, QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.services import notifications, printing, sensitivity

from . import prompts
from .context import AppContext
from .operation import Operation
from .uiloader import find, load_ui

PRINT_DPI = 300  # rasterised pages: sharp on paper, ~35 MB per A4 page in memory at most
Render = Callable[..., Any]


def ask_printer(parent: QWidget | None, printer: QPrinter) -> bool:
    """The system print dialog (tests patch this one function)."""
    return QPrintDialog(printer, parent).exec() == QDialog.DialogCode.Accepted


def paint_pages(document: QPdfDocument, printer: QPrinter, dpi: int = PRINT_DPI) -> int:
    """Paint every page of ``document`` on ``printer``, each scaled to fit; return the page count."""
    painter = QPainter()
    count = document.pageCount()
    for i in range(count):
        size = document.pagePointSize(i)
        orientation = (
            QPageLayout.Orientation.Landscape
            if size.width() > size.height()
            else QPageLayout.Orientation.Portrait
        )
        printer.setPageOrientation(orientation)  # applies to the page started next
        if i == 0:
            if not painter.begin(printer):
                raise DomainError("چاپگر آماده نیست.", "The printer cannot be opened.")
        else:
            printer.newPage()
        scale = min(dpi, printer.resolution()) / 72
        image = document.render(i, QSize(round(size.width() * scale), round(size.height() * scale)))
        area = QRectF(painter.viewport())
        fit = min(area.width() / image.width(), area.height() / image.height())
        w, h = image.width() * fit, image.height() * fit
        target = QRectF(QPointF((area.width() - w) / 2, (area.height() - h) / 2), QRectF(0, 0, w, h).size())
        painter.drawImage(target, image)
    if count:
        painter.end()
    return count


class PrintPreviewDialog(QDialog):
    """Shows a PDF (all pages, fit to width) with Print and Save as PDF."""

    def __init__(self, pdf: bytes, title: str, suggested_name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.pdf = pdf
        self.suggested_name = suggested_name
        self.ui = load_ui("print_preview.ui", self)
        self.setWindowTitle(self.tr("Print preview: %1").replace("%1", title))
        self._buffer = QBuffer(self)
        self._buffer.setData(QByteArray(pdf))
        self._buffer.open(QIODevice.OpenModeFlag.ReadOnly)
        self.document = QPdfDocument(self)
        self.document.load(self._buffer)
        self.view = QPdfView(self)
        self.view.setPageMode(QPdfView.PageMode.MultiPage)
        self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.view.setDocument(self.document)
        host = find(self.ui, QWidget, "view_host")
        layout = QVBoxLayout(host)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        find(self.ui, QLabel, "pages_label").setText(
            self.tr("Pages: %1").replace("%1", QLocale().toString(self.document.pageCount()))
        )
        find(self.ui, QPushButton, "print_button").clicked.connect(self.print_document)
        find(self.ui, QPushButton, "save_button").clicked.connect(self.save_as)
        find(self.ui, QPushButton, "zoom_in_button").clicked.connect(lambda: self._zoom(1.25))
        find(self.ui, QPushButton, "zoom_out_button").clicked.connect(lambda: self._zoom(0.8))
        find(self.ui, QPushButton, "fit_button").clicked.connect(
            lambda: self.view.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        )
        find(self.ui, QDialogButtonBox, "buttons").rejected.connect(self.reject)

    def _zoom(self, factor: float) -> None:
        self.view.setZoomMode(QPdfView.ZoomMode.Custom)
        self.view.setZoomFactor(max(0.2, min(5.0, self.view.zoomFactor() * factor)))

    def save_as(self) -> bool:
        path = prompts.save_file(
            self, self.tr("Save as PDF"), self.suggested_name, self.tr("PDF files (*.pdf)"), kind="prints"
        )
        if path is None:
            return False
        if path.suffix.lower() != ".pdf":
            path = path.with_suffix(".pdf")
        try:
            path.write_bytes(self.pdf)
        except OSError as exc:
            prompts.error(self, self.tr("The file could not be written: %1").replace("%1", str(exc)))
            return False
        return True

    def print_document(self, printer: QPrinter | None = None) -> int:
        """Ask for a printer (unless given) and print every page; returns the pages printed."""
        if printer is None:
            printer = QPrinter(QPrinter.PrinterMode.HighResolution)
            printer.setDocName(self.suggested_name)
            if not ask_printer(self, printer):
                return 0
        try:
            return paint_pages(self.document, printer)
        except DomainError as exc:
            prompts.error(self, exc)
            return 0


# The documents screens can preview: how to make each, its window title and file name.
DOCUMENTS: dict[str, tuple[Render, str, str]] = {
    "nomination": (
        printing.print_nomination,
        QT_TRANSLATE_NOOP("print_preview", "Nomination form"),
        "nomination.pdf",
    ),
    "plan": (
        printing.print_plan,
        QT_TRANSLATE_NOOP("print_preview", "Feasibility plan"),
        "feasibility-plan.pdf",
    ),
    "evaluation": (
        printing.print_evaluation,
        QT_TRANSLATE_NOOP("print_preview", "Evaluation sheets"),
        "evaluation.pdf",
    ),
    "evaluation-summary": (
        printing.print_evaluation_summary,
        QT_TRANSLATE_NOOP("print_preview", "Consolidated evaluation"),
        "evaluation-summary.pdf",
    ),
    "license": (printing.print_license, QT_TRANSLATE_NOOP("print_preview", "License"), "license.pdf"),
    "minutes": (printing.print_minutes, QT_TRANSLATE_NOOP("print_preview", "Minutes"), "minutes.pdf"),
    "ranking": (printing.print_ranking, QT_TRANSLATE_NOOP("print_preview", "Ranking report"), "ranking.pdf"),
    "sensitivity": (
        sensitivity.print_annex,
        QT_TRANSLATE_NOOP("print_preview", "Ranking report: sensitivity annex"),
        "ranking-sensitivity.pdf",
    ),
    "programme": (
        printing.print_programme,
        QT_TRANSLATE_NOOP("print_preview", "Programme monitoring report"),
        "programme-report.pdf",
    ),
    "notification": (
        notifications.print_notification,
        QT_TRANSLATE_NOOP("print_preview", "Notification letter"),
        "notification-letter.pdf",
    ),
    "instruction": (
        printing.print_instruction,
        QT_TRANSLATE_NOOP("print_preview", "Instruction"),
        "instruction.pdf",
    ),
    "matrix": (
        printing.print_matrix,
        QT_TRANSLATE_NOOP("print_preview", "Responsibility matrix"),
        "responsibility-matrix.pdf",
    ),
}


def render_document(ctx: AppContext, kind: str, ident: str | None = None, **options: Any) -> bytes:
    """The document's PDF bytes (runs in any thread: opens its own session; changes nothing)."""
    render = DOCUMENTS[kind][0]
    out = io.BytesIO()
    with ctx.session() as s:
        if ident is None:
            render(s, ctx.actor, out, **options)
        else:
            render(s, ctx.actor, ident, out, **options)
        s.rollback()
    return out.getvalue()


def _summary_check(session: Any, actor: Any, dossier_id: str, *, level: str | None = None) -> None:
    # The services print a consolidated sheet without any member too (a blank table); on screen it
    # waits for the first submitted sheet, with the services' message for "no sheet yet".
    printing.evaluation_sheets_data(session, actor, dossier_id, level=level)
    printing.evaluation_summary_data(session, actor, dossier_id, level=level)


# How to ask the services whether a document can be made now: load its data without drawing it.
# Ranking and matrix can always be made by a user of this office, so they have no check.
CHECKS: dict[str, Render] = {
    "nomination": printing.nomination_data,
    "plan": printing.plan_data,
    "evaluation": printing.evaluation_sheets_data,
    "evaluation-summary": _summary_check,
    "license": printing.license_data,
    "minutes": printing.minutes_data,
    "notification": notifications.notification_data,
}


def unavailable(ctx: AppContext, kind: str, ident: str | None = None, **options: Any) -> str | None:
    """Why the document cannot be made now (the services' own message), or None when it can."""
    check = CHECKS.get(kind)
    if check is None:
        return None
    try:
        with ctx.session() as s:
            if ident is None:
                check(s, ctx.actor, **options)
            else:
                check(s, ctx.actor, ident, **options)
            s.rollback()
    except DomainError as exc:
        return str(exc)
    return None


def set_printable(target: QAction | QWidget, reason: str | None, hint: str = "") -> None:
    """Enable a print button or action, or disable it with the reason as its tooltip."""
    target.setEnabled(reason is None)
    target.setToolTip(hint if reason is None else reason)


def preview_document(
    parent: QWidget, ctx: AppContext, kind: str, ident: str | None = None, **options: Any
) -> Operation:
    """Make the document off the GUI thread, then open its preview (refusals shown once)."""
    _, title, filename = DOCUMENTS[kind]
    title_tr = QCoreApplication.translate("print_preview", title)

    def show(pdf: bytes) -> None:
        dialog = PrintPreviewDialog(pdf, title_tr, filename, parent)
        dialog.setModal(False)
        dialog.show()

    return (
        Operation(
            parent,
            QCoreApplication.translate("print_preview", "Preparing the document…"),
            lambda _p: render_document(ctx, kind, ident, **options),
        )
        .on_success(show)
        .start()
    )
