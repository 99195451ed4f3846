"""QR codes as reportlab Drawings (reportlab's own encoder; no extra dependency)."""

from __future__ import annotations

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.units import mm

from cluster_desktop.printing.fonts import FONT_REGULAR, register_fonts


def qr_drawing(payload: str, size_mm: float, *, level: str = "M", h_align: str = "RIGHT") -> Drawing:
    """A square Drawing ``size_mm`` wide holding ``payload`` (any Unicode) as a QR code.

    ``level`` is the error-correction level (L, M, Q, H); M survives light creasing and stamps.
    ``h_align`` places it in a frame (right, the start of a right-to-left line, by default).
    """
    register_fonts()
    widget = QrCodeWidget(payload, barLevel=level)
    x0, y0, x1, y1 = widget.getBounds()
    size = size_mm * mm
    sx, sy = size / (x1 - x0), size / (y1 - y0)
    drawing = Drawing(size, size, transform=[sx, 0, 0, sy, -x0 * sx, -y0 * sy])
    # The renderer sets the drawing's initial font on the page even though a QR code has no
    # text; make it Vazirmatn so no Helvetica ends up in the PDF.
    drawing.initialFontName = FONT_REGULAR
    drawing.initialFontSize = 10
    drawing.hAlign = h_align
    drawing.add(widget)
    return drawing
