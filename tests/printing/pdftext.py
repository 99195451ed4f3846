"""Read text back from our Persian PDFs in logical (reading) order, for tests.

What pypdf returns: its default mode applies its own right-to-left heuristics and scrambles
mixed lines (digits and Latin runs come out reversed or moved). Its ``layout`` mode returns
each printed line in drawing (visual, left-to-right) order, with presentation forms
(U+FExx) and without ZWNJ. So: take layout-mode lines, run the bidi algorithm over each with
a right-to-left base (visual → logical for our lines), then NFKC to get base letters back.
Lines that share a baseline (a table row, the header blocks) come back as one line; layout
mode separates them by runs of spaces (our own lines never hold more than one space in a row),
so each segment is reordered on its own and the segments are read rightmost first. A segment
whose rightmost strong letter is right-to-left is taken as a right-to-left line (digits are not
letters), else as left-to-right, as the layout draws it; one with letters of both directions is
read both ways: left to right in place, right to left after the page's lines. The text layer holds the typed
characters (brackets as typed, not mirrored), so the reordering must not mirror: python-bidi's
Rust ``get_display`` does not.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from bidi import get_display  # no mirroring: the text layer holds the typed brackets
from pypdf import PdfReader

from cluster_desktop.printing.bidi_levels import first_strong

_INVISIBLE = re.compile("[\u200c\u200d\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_SPACES = re.compile(r"[ \t\u00a0]+")
_GAP = re.compile(r" {3,}")
_STRONG = {"L": "L", "R": "R", "AL": "R"}


def normalise(text: str) -> str:
    """NFKC, ۀ for هٔ, no ZWNJ/ZWJ or bidi marks, single spaces, no blank lines: compare with this."""
    text = _INVISIBLE.sub("", unicodedata.normalize("NFKC", text))
    text = text.replace("\u0647\u0654", "\u06c0")  # هٔ is printed as ۀ
    lines = (_SPACES.sub(" ", line).strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line)


def visual_to_logical(line: str) -> tuple[str, str | None]:
    """A line as drawn (left to right) back to reading order; presentation forms kept.

    Returns the reading and, for a line with letters of both directions, the other reading: such
    a line's base direction (its first logical letter's) cannot be told from the visual text.
    """
    segments = [seg for seg in _GAP.split(line.strip()) if seg][::-1]

    def read(seg: str, mixed_base: str) -> str:
        return get_display(seg, base_dir=mixed_base if _has_both(seg) else (first_strong(seg[::-1]) or "L"))

    reading = " ".join(read(seg, "L") for seg in segments)
    if not any(_has_both(seg) for seg in segments):
        return reading, None
    return reading, " ".join(read(seg, "R") for seg in segments)


def _has_both(seg: str) -> bool:
    found = {_STRONG.get(unicodedata.bidirectional(ch)) for ch in seg}
    return {"L", "R"} <= found


def extract_logical_pages(pdf_path: str | Path) -> list[str]:
    """Each page's text in logical order, normalised (see ``normalise``)."""
    pages = []
    for page in PdfReader(str(pdf_path)).pages:
        visual = page.extract_text(extraction_mode="layout")
        # Reorder before NFKC: the lam-alef ligature must decompose in logical order.
        readings = [visual_to_logical(line) for line in visual.splitlines()]
        others = [other for _, other in readings if other is not None]
        pages.append(normalise("\n".join([r for r, _ in readings] + others)))
    return pages


def extract_logical(pdf_path: str | Path) -> str:
    """The whole document's text in logical order, pages separated by a newline."""
    return "\n".join(extract_logical_pages(pdf_path))
