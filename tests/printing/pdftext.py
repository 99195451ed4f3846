"""Read text back from our Persian PDFs in logical (reading) order, for tests.

What pypdf returns: its default mode applies its own right-to-left heuristics and scrambles
mixed lines (digits and Latin runs come out reversed or moved). Its ``layout`` mode returns
each printed line in drawing (visual, left-to-right) order, with presentation forms
(U+FExx) and without ZWNJ. So: take layout-mode lines, run the bidi algorithm over each with
a right-to-left base (visual → logical for our lines), then NFKC to get base letters back.
Lines that share a baseline (a table row, the header blocks) come back as one line; layout
mode separates them by runs of spaces (our own lines never hold more than one space in a row),
so each segment is reordered on its own and the segments are read rightmost first. A segment
with no right-to-left letter is taken as left-to-right, as the layout draws it.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from bidi.algorithm import get_display
from pypdf import PdfReader

_INVISIBLE = re.compile("[\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_GAP = re.compile(r" {3,}")
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")


def normalise(text: str) -> str:
    """NFKC, ۀ for هٔ, no ZWNJ/ZWJ or bidi marks, single spaces, no blank lines: compare with this."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    text = text.replace("\u0647\u0654", "\u06c0")  # هٔ is printed as ۀ
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def visual_to_logical(line: str) -> str:
    """A line as drawn (left to right) back to reading order; presentation forms kept."""
    segments = [seg for seg in _GAP.split(line.strip()) if seg]
    return " ".join(
        get_display(seg, base_dir="R" if _RTL_LETTER.search(seg) else "L") for seg in reversed(segments)
    )


def extract_logical_pages(pdf_path: str | Path) -> list[str]:
    """Each page's text in logical order, normalised (see ``normalise``)."""
    pages = []
    for page in PdfReader(str(pdf_path)).pages:
        visual = page.extract_text(extraction_mode="layout")
        # Reorder before NFKC: the lam-alef ligature must decompose in logical order.
        pages.append(normalise("\n".join(visual_to_logical(line) for line in visual.splitlines())))
    return pages


def extract_logical(pdf_path: str | Path) -> str:
    """The whole document's text in logical order, pages separated by a newline."""
    return "\n".join(extract_logical_pages(pdf_path))
