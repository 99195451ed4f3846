"""The shipped Vazirmatn font, registered once with reportlab (embedded as subsets)."""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cluster_desktop.paths import resource

FONT_REGULAR = "Vazirmatn"
FONT_BOLD = "Vazirmatn-Bold"

_lock = threading.Lock()
_registered = False


def font_path(bold: bool = False) -> Path:
    """Path of the shipped Vazirmatn TTF (checkout, wheel or frozen build: see ``paths``)."""
    return resource("fonts", "Vazirmatn-Bold.ttf" if bold else "Vazirmatn-Regular.ttf")


def register_fonts() -> tuple[str, str]:
    """Register regular and bold Vazirmatn with reportlab (idempotent); return their names."""
    global _registered
    if _registered:
        return FONT_REGULAR, FONT_BOLD
    with _lock:
        registered = pdfmetrics.getRegisteredFontNames()
        if FONT_REGULAR in registered and FONT_BOLD in registered:
            _registered = True
            return FONT_REGULAR, FONT_BOLD
        for name, bold in ((FONT_REGULAR, False), (FONT_BOLD, True)):
            if name not in registered:
                # TTFont embeds only the glyphs used (subsetting is reportlab's default).
                pdfmetrics.registerFont(TTFont(name, str(font_path(bold))))
        # Lets reportlab map "bold" of the family to the bold face.
        pdfmetrics.registerFontFamily(
            FONT_REGULAR, normal=FONT_REGULAR, bold=FONT_BOLD, italic=FONT_REGULAR, boldItalic=FONT_BOLD
        )
        _registered = True
    return FONT_REGULAR, FONT_BOLD
