"""Print preview (QtPdf), printing through QPrinter, save as PDF, and the license check dialog."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader
from PySide6.QtPrintSupport import QPrinter
from sqlalchemy import select

from cluster_desktop.gui import print_preview
from cluster_desktop.gui.license_verify import LicenseVerifyDialog
from cluster_desktop.gui.print_preview import PrintPreviewDialog, render_document
from cluster_desktop.services.demo import fill_demo
from cluster_desktop.services.licenses import qr_text
from cluster_desktop.store.models import License
from tests.conftest import PASSWORD


def _license(central_ctx) -> License:
    fill_demo(central_ctx.ws, central_ctx.actor, PASSWORD, count=15)
    with central_ctx.session() as s:
        lic = s.scalars(select(License)).first()
        s.expunge(lic)
        return lic


def test_preview_prints_and_saves(central_ctx, qtbot, asked, monkeypatch, tmp_path: Path) -> None:
    # GIVEN the responsibility matrix (landscape) and a license (portrait) in one preview each
    matrix = render_document(central_ctx, "matrix")
    dialog = PrintPreviewDialog(matrix, "matrix", "matrix.pdf")
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.document.pageCount() == len(PdfReader(__import__("io").BytesIO(matrix)).pages) >= 2
    # WHEN printed to a PDF printer through the (patched) print dialog
    out = tmp_path / "printed.pdf"

    def accept(_parent, printer: QPrinter) -> bool:
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(out))
        printer.setResolution(72)
        return True

    monkeypatch.setattr(print_preview, "ask_printer", accept)
    assert dialog.print_document() == dialog.document.pageCount()
    # THEN every page reached the printer, landscape pages on landscape paper
    pages = PdfReader(out).pages
    assert len(pages) == dialog.document.pageCount()
    assert pages[0].mediabox.width > pages[0].mediabox.height
    # AND Save as PDF writes the document's own bytes
    asked.files = [tmp_path / "copy"]
    assert dialog.save_as()
    assert (tmp_path / "copy.pdf").read_bytes() == matrix
    # a cancelled print dialog prints nothing
    monkeypatch.setattr(print_preview, "ask_printer", lambda *_: False)
    assert dialog.print_document() == 0


def test_preview_document_runs_off_the_gui_thread(central_ctx, qtbot, asked) -> None:
    lic = _license(central_ctx)
    from PySide6.QtWidgets import QWidget

    parent = QWidget()
    qtbot.addWidget(parent)
    op = print_preview.preview_document(parent, central_ctx, "license", lic.dossier_id)
    with qtbot.waitSignal(op.finished, timeout=20_000):
        pass
    [dialog] = parent.findChildren(PrintPreviewDialog)
    assert dialog.document.pageCount() == 1 and asked.said("error") == []
    # a refusal is shown once, no preview opens
    op = print_preview.preview_document(parent, central_ctx, "license", "no-such-dossier")
    with qtbot.waitSignal(op.finished, timeout=20_000):
        pass
    assert len(asked.said("error")) == 1 and len(parent.findChildren(PrintPreviewDialog)) == 1


def test_license_verify_dialog(central_ctx, qtbot, asked, tmp_path: Path) -> None:
    lic = _license(central_ctx)
    dialog = LicenseVerifyDialog(central_ctx)
    qtbot.addWidget(dialog)
    # GIVEN the QR text pasted THEN it is genuine and valid
    dialog.qr_edit.setPlainText(qr_text(lic))
    assert dialog.verify_text().genuine is True
    assert "اصیل" in dialog.verdict_label.text() and "۱۴" in dialog.details_label.text()
    # an altered text is not genuine
    prefix, payload, sig = qr_text(lic).split(".")
    dialog.qr_edit.setPlainText(".".join([prefix, payload[:-2] + "AA", sig]))
    assert dialog.verify_text().genuine is False and "اصیل نیست" in dialog.verdict_label.text()
    # WHEN a printed license PDF is opened THEN its embedded QR text is checked
    pdf = tmp_path / "license.pdf"
    pdf.write_bytes(render_document(central_ctx, "license", lic.dossier_id))
    asked.files = [pdf]
    assert dialog.open_pdf().genuine is True and dialog.qr_edit.toPlainText() == qr_text(lic)
    # a PDF that is not a license is refused with a message
    other = tmp_path / "matrix.pdf"
    other.write_bytes(render_document(central_ctx, "matrix"))
    asked.files = [other]
    assert dialog.open_pdf() is None and len(asked.said("error")) == 1
