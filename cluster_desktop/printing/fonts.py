"""The shipped fonts, registered once with reportlab (embedded as subsets).

Vazirmatn prints everything it has glyphs for; DejaVu Sans is the fallback for the letters it lacks
(Cyrillic, Greek, extended Latin: a market «Россия»), chosen per character by cmap (see shaping).
"""

from __future__ import annotations

import threading
from pathlib import Path

from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from cluster_desktop.paths import resource

FONT_REGULAR = "Vazirmatn"
FONT_BOLD = "Vazirmatn-Bold"
FALLBACK_REGULAR = "DejaVuSans"
FALLBACK_BOLD = "DejaVuSans-Bold"

FONT_FILES = {
    FONT_REGULAR: "Vazirmatn-Regular.ttf",
    FONT_BOLD: "Vazirmatn-Bold.ttf",
    FALLBACK_REGULAR: "DejaVuSans.ttf",
    FALLBACK_BOLD: "DejaVuSans-Bold.ttf",
}
_FALLBACK = {FONT_REGULAR: FALLBACK_REGULAR, FONT_BOLD: FALLBACK_BOLD}

_lock = threading.Lock()
_registered = False
# Each font's cmap as shipped, taken before shaping adds private-use entries for ligature glyphs.
_coverage: dict[str, frozenset[int]] = {}


def font_path(bold: bool = False) -> Path:
    """Path of the shipped Vazirmatn TTF (checkout, wheel or frozen build: see ``paths``)."""
    return resource("fonts", FONT_FILES[FONT_BOLD if bold else FONT_REGULAR])


def fallback_path(bold: bool = False) -> Path:
    """Path of the shipped fallback TTF (DejaVu Sans)."""
    return resource("fonts", FONT_FILES[FALLBACK_BOLD if bold else FALLBACK_REGULAR])


def register_fonts() -> tuple[str, str]:
    """Register Vazirmatn and its fallback with reportlab (idempotent); return the Vazirmatn names."""
    global _registered
    if _registered:
        return FONT_REGULAR, FONT_BOLD
    with _lock:
        if _registered:
            return FONT_REGULAR, FONT_BOLD
        registered = pdfmetrics.getRegisteredFontNames()
        for name, file in FONT_FILES.items():
            if name not in registered:
                # TTFont embeds only the glyphs used (subsetting is reportlab's default).
                pdfmetrics.registerFont(TTFont(name, str(resource("fonts", file))))
            _coverage[name] = frozenset(pdfmetrics.getFont(name).face.charToGlyph)
        # Lets reportlab map "bold" of the family to the bold face.
        pdfmetrics.registerFontFamily(
            FONT_REGULAR, normal=FONT_REGULAR, bold=FONT_BOLD, italic=FONT_REGULAR, boldItalic=FONT_BOLD
        )
        _registered = True
    return FONT_REGULAR, FONT_BOLD


def fallback_font(font: str) -> str:
    """The font that prints what ``font`` lacks (itself for fonts without a fallback)."""
    return _FALLBACK.get(font, font)


def coverage(font: str) -> frozenset[int]:
    """Code points ``font`` has glyphs for."""
    register_fonts()
    found = _coverage.get(font)
    if found is None:
        found = _coverage[font] = frozenset(pdfmetrics.getFont(font).face.charToGlyph)
    return found
