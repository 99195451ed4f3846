"""Persian line layout for reportlab: Unicode bidi, HarfBuzz shaping, font fallback, a text layer.

The one place where text becomes drawn lines. A paragraph gets its base direction from its first
strong letter and its embedding levels from the full UAX #9 algorithm (``bidi_levels``); it is
broken into lines on shaped widths; each line is cut into runs of one level and one font, put in
visual order (rules L1, L2) and shaped by HarfBuzz in the run's direction (``shaping``), which
also mirrors brackets in right-to-left runs and gives every glyph the typed text it stands for in
the PDF's text layer, so copying or searching the PDF gives what the user typed.

User text is never handed to reportlab's Paragraph markup parser, so ``<img src=…>``, ``<font>``
and ``&`` print literally and cannot make reportlab read a file or fetch a URL.
"""

from __future__ import annotations

import logging
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, KeepTogether, Table, TableStyle

from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.printing.bidi_levels import (
    Base,
    base_direction,
    first_strong,
    line_levels,
    paragraph_levels,
    visual_runs,
)
from cluster_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from cluster_desktop.printing.shaping import Run, itemise, shape_run

Align = Literal["right", "center", "left"]

log = logging.getLogger(__name__)

# Embeddings, overrides and isolates: U+202E in user text could otherwise reverse a whole line.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Other C0/C1 controls have no glyph; tabs and odd line separators become spaces/newlines first.
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_ZERO_WIDTH_JOINERS = "\u200c\u200d"
_EPS = 1e-6
# Mirrored glyphs as HarfBuzz draws them in right-to-left runs (for ``TextLine.visual`` only).
_MIRROR = str.maketrans("()[]{}<>«»‹›", ")(][}{><»«›‹")


def fa_digits(value: object) -> str:
    """``str(value)`` with Latin and Arabic-Indic digits turned into Persian digits."""
    return to_persian_digits(str(value))


def clean_text(text: str | None) -> str:
    """Normalise user text for layout: newlines unified, bidi and other controls removed, NFC."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\t", " ")
    return unicodedata.normalize("NFC", _CONTROLS.sub("", _BIDI_CONTROLS.sub("", text)))


@dataclass(frozen=True)
class TextLine:
    """One laid-out line: the text as typed, its shaped runs left to right, and its width."""

    text: str
    base: Base
    font: str
    size: float
    runs: tuple[Run, ...]
    segments: tuple[tuple[int, int, int], ...]  # (start, end, level) of each run, left to right
    missing: frozenset[str]  # characters no shipped font has (drawn as U+FFFD)

    @property
    def width(self) -> float:
        """Width in points."""
        return sum(r.advance for r in self.runs) * self.size / 1000

    @property
    def order(self) -> list[int]:
        """Logical index of each character, left to right as drawn (rule L2, marks not reordered)."""
        out: list[int] = []
        for start, end, level in self.segments:
            out.extend(range(end - 1, start - 1, -1) if level % 2 else range(start, end))
        return out

    @property
    def visual(self) -> str:
        """The characters left to right as drawn, brackets mirrored in right-to-left runs as
        HarfBuzz mirrors them: a plain-text picture of the line, for tests and debugging."""
        return "".join(
            self.text[s:e][::-1].translate(_MIRROR) if level % 2 else self.text[s:e]
            for s, e, level in self.segments
        )


def _build_line(text: str, levels: Sequence[int], font: str, size: float, base: Base) -> TextLine:
    """Shape one line of a paragraph, given the paragraph's levels for its characters."""
    drawn, items, missing = itemise(text, font)
    lv = line_levels(list(levels), text, base)
    cuts = {start for start, _, _ in items}
    segments = tuple(visual_runs(lv, cuts))
    runs = tuple(
        shape_run(
            drawn[start:end],
            next(f for s, e, f in items if s <= start < e),
            level % 2 == 1,
            None if drawn[start:end] == text[start:end] else text[start:end],
        )
        for start, end, level in segments
    )
    return TextLine(text, base, font, size, runs, segments, missing)


@lru_cache(maxsize=8192)
def layout_line(text: str, font: str = FONT_REGULAR, size: float = 10, base: Base | None = None) -> TextLine:
    """One line of text (cleaned, unwrapped; newlines become spaces) laid out for drawing.

    ``base`` defaults to the direction of the first strong letter (left to right without one).
    """
    register_fonts()
    text = clean_text(text).replace("\n", " ")
    base = base or base_direction(text)
    return _build_line(text, paragraph_levels(text, base), font, size, base)


@lru_cache(maxsize=16384)
def _advance(word: str, font: str) -> float:
    """Shaped width of a space-free piece of text in 1/1000 em (joining never crosses a space)."""
    drawn, items, _ = itemise(word, font)
    return sum(shape_run(drawn[s:e], f, first_strong(drawn[s:e]) == "R").advance for s, e, f in items)


def _width(word: str, font: str, size: float) -> float:
    return _advance(word, font) * size / 1000


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    """Cut a word too wide for a line into pieces that fit (at least one character each)."""
    pieces: list[str] = []
    rest = word
    while rest and _width(rest, font, size) > width + _EPS:
        lo, hi = 1, len(rest) - 1
        while lo < hi:  # largest prefix that fits; shaped widths are close to monotonic
            mid = (lo + hi + 1) // 2
            if _width(rest[:mid], font, size) <= width + _EPS:
                lo = mid
            else:
                hi = mid - 1
        cut = lo
        # Keep combining marks and joiners with the letter before them.
        while cut > 1 and (unicodedata.combining(rest[cut]) or rest[cut] in _ZERO_WIDTH_JOINERS):
            cut -= 1
        pieces.append(rest[:cut])
        rest = rest[cut:]
    if rest:
        pieces.append(rest)
    return pieces


def _wrap_paragraph(paragraph: str, font: str, size: float, width: float) -> list[tuple[int, int]]:
    """Greedy wrap of one paragraph (single spaces, no newlines) on shaped widths: (start, end) spans."""
    if not paragraph:
        return [(0, 0)]
    space = _width(" ", font, size)
    spans: list[tuple[int, int]] = []
    line_start = line_end = 0
    current = 0.0  # width of paragraph[line_start:line_end]
    pos = 0
    for word in paragraph.split(" "):
        start, end = pos, pos + len(word)
        pos = end + 1
        w = _width(word, font, size)
        if line_end > line_start and current + space + w <= width + _EPS:
            line_end, current = end, current + space + w
            continue
        if line_end > line_start:
            spans.append((line_start, line_end))
        if w <= width + _EPS:
            line_start, line_end, current = start, end, w
            continue
        pieces = _break_word(word, font, size, width)
        for piece in pieces[:-1]:
            spans.append((start, start + len(piece)))
            start += len(piece)
        line_start, line_end, current = start, end, _width(pieces[-1], font, size)
    spans.append((line_start, line_end))
    return spans


def wrap_lines(text: str | None, font: str, size: float, width: float) -> list[TextLine]:
    """Wrap text into lines no wider than ``width`` points, each laid out for drawing.

    Breaks at spaces (runs of spaces count as one; NBSP never breaks); a word longer than a
    line is cut by characters; newlines end paragraphs (an empty input line stays an empty
    line). Each paragraph keeps one base direction and one set of levels over all its lines.
    Empty or blank text gives no lines.
    """
    text = clean_text(text)
    if not text.strip():
        return []
    register_fonts()
    width = max(width, 1.0)
    out: list[TextLine] = []
    for raw in text.split("\n"):
        paragraph = " ".join(w for w in raw.split(" ") if w)  # not str.split(): NBSP must not break
        base = base_direction(paragraph)
        levels = paragraph_levels(paragraph, base)
        for start, end in _wrap_paragraph(paragraph, font, size, width):
            out.append(_cached_line(paragraph[start:end], levels[start:end], font, size, base))
    return out


@lru_cache(maxsize=16384)
def _cached_line(text: str, levels: tuple[int, ...], font: str, size: float, base: Base) -> TextLine:
    return _build_line(text, levels, font, size, base)


def logical_lines(text: str | None, font: str, size: float, width: float) -> list[str]:
    """The lines of ``wrap_lines`` as typed (logical order)."""
    return [line.text for line in wrap_lines(text, font, size, width)]


def draw_line(canv: Canvas, line: TextLine, x: float, y: float, align: Align = "right") -> None:
    """Draw a laid-out line with its baseline at ``y``; ``x`` is its right edge, centre or left edge.

    Characters no font has are logged once per document (per canvas).
    """
    if not line.runs:
        return
    width = line.width
    left = x - width if align == "right" else x - width / 2 if align == "center" else x
    if line.missing:
        seen: set[str] = canv.__dict__.setdefault("_cd_unprintable", set())
        new = line.missing - seen
        if new:
            seen |= new
            log.warning("no font has %s: printed as U+FFFD", " ".join(f"U+{ord(c):04X}" for c in sorted(new)))
    text = canv.beginText()
    for run in line.runs:
        text.setFont(run.font, line.size)
        text.setTextOrigin(left, y)
        text.textOut(run.glyphs)
        left += run.width(line.size)
    canv.drawText(text)


def draw_rtl_text(
    canv: Canvas,
    text: str,
    x: float,
    y: float,
    *,
    font: str = FONT_REGULAR,
    size: float = 10,
    leading: float | None = None,
    width: float | None = None,
    align: Align = "right",
) -> int:
    """Draw text on a canvas with its first baseline at ``y``; return the number of lines drawn.

    ``x`` is the right edge, the centre or the left edge according to ``align``. Without
    ``width`` every input line is drawn unwrapped.
    """
    register_fonts()
    leading = leading or size * 1.6
    if width is None:
        lines = [layout_line(p, font, size) for p in clean_text(text).split("\n")] if text else []
    else:
        lines = wrap_lines(text, font, size, width)
    for i, line in enumerate(lines):
        draw_line(canv, line, x, y - i * leading, align)
    return len(lines)


def rtl_style(
    name: str = "rtl", *, size: float = 10.5, bold: bool = False, leading: float | None = None, **kw: Any
) -> ParagraphStyle:
    """A ParagraphStyle in Vazirmatn with a leading that fits the font's tall ascent and descent."""
    register_fonts()
    return ParagraphStyle(
        name,
        fontName=FONT_BOLD if bold else FONT_REGULAR,
        fontSize=size,
        leading=leading or round(size * 1.75, 1),
        **kw,
    )


class RTLParagraph(Flowable):
    """A paragraph of plain text (no markup), wrapped to the width it is given.

    Alignment is ``align`` if given, else centre for ``TA_CENTER`` styles and right otherwise.
    Uses the style's font, size, leading, textColor, indents and space before/after.
    """

    def __init__(self, text: str | None, style: ParagraphStyle | None = None, *, align: Align | None = None):
        super().__init__()
        self.text = "" if text is None else str(text)
        self.style = style or rtl_style()
        if align is None:
            align = "center" if self.style.alignment == TA_CENTER else "right"
        self.align: Align = align
        self.spaceBefore = self.style.spaceBefore
        self.spaceAfter = self.style.spaceAfter
        # Set on pieces made by split(): their lines, already laid out at the width they were cut for.
        self._source: list[TextLine] | None = None
        self._lines: list[TextLine] = []
        self._wrapped_for: float | None = None
        self.width = 0.0
        self.height = 0.0

    def __repr__(self) -> str:
        return f"RTLParagraph({self.text[:40]!r})"

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        st = self.style
        inner = availWidth - st.leftIndent - st.rightIndent
        if self._wrapped_for != inner:
            if self._source is None:
                self._lines = wrap_lines(self.text, st.fontName, st.fontSize, inner)
            else:
                # A piece keeps its lines (their paragraph's direction and levels); only a line
                # now too wide is cut again.
                self._lines = [
                    piece
                    for line in self._source
                    for piece in (
                        [line]
                        if line.width <= inner + _EPS
                        else wrap_lines(line.text, st.fontName, st.fontSize, inner)
                    )
                ]
            self._wrapped_for = inner
        self.width = availWidth
        self.height = len(self._lines) * st.leading
        return self.width, self.height

    def _piece(self, lines: list[TextLine]) -> RTLParagraph:
        piece = RTLParagraph("\n".join(line.text for line in lines), self.style, align=self.align)
        piece._source = lines
        return piece

    def split(self, availWidth: float, availHeight: float) -> list[Flowable]:
        self.wrap(availWidth, availHeight)
        fit = int((availHeight + _EPS) // self.style.leading)
        if fit >= len(self._lines):
            return [self]
        if fit <= 0:
            return []
        # At the same width the pieces keep exactly these lines.
        first, second = self._piece(self._lines[:fit]), self._piece(self._lines[fit:])
        first.spaceAfter = 0
        second.spaceBefore = 0
        return [first, second]

    def tail_with(self, width: float, block: Sequence[Flowable], lines: int = 2) -> list[Flowable]:
        """This paragraph as flowables whose last ``lines`` lines stay on one page with ``block``
        (so a signature block never stands alone on the last page)."""
        self.wrap(width, 1e9)
        if len(self._lines) <= lines:
            return [KeepTogether([self, *block])]
        head, tail = self._piece(self._lines[:-lines]), self._piece(self._lines[-lines:])
        head.spaceAfter = 0
        tail.spaceBefore = 0
        return [head, KeepTogether([tail, *block])]

    def draw(self) -> None:
        st = self.style
        canv = self.canv
        ascent, descent = pdfmetrics.getAscentDescent(st.fontName, st.fontSize)
        # Centre the glyph box (ascent..descent) in each line's leading band.
        first_baseline = self.height - (st.leading - (ascent - descent)) / 2 - ascent
        right = self.width - st.rightIndent
        left = st.leftIndent
        x = {"center": (left + right) / 2, "left": left, "right": right}[self.align]
        canv.saveState()
        canv.setFillColor(st.textColor)
        for i, line in enumerate(self._lines):
            draw_line(canv, line, x, first_baseline - i * st.leading, self.align)
        canv.restoreState()


HEADER_GREY = colors.HexColor("#d9d9d9")
GRID_GREY = colors.HexColor("#808080")


def RTLTable(  # capitalised: reads like the Table class it builds
    rows: Sequence[Sequence[Any]],
    col_widths: Sequence[float | str],
    header: bool = True,
    style: ParagraphStyle | None = None,
    *,
    col_align: Sequence[Align] | None = None,
    table_style: Sequence[tuple[Any, ...]] = (),
    h_align: str = "RIGHT",
    grid: bool = True,
) -> Table:
    """A reportlab Table whose first logical column stands on the right.

    ``rows`` hold text (printed literally), None (empty) or Flowables (used as they are);
    ``col_widths`` are points or percentages such as ``"30%"``, in logical order.
    ``col_align`` aligns body cells per logical column (default right); header cells are
    centred, bold on grey. ``grid`` draws all cell borders. ``table_style`` commands address VISUAL columns (0 is leftmost).
    """
    register_fonts()
    ncols = len(col_widths)
    body_style = style or rtl_style("rtl-cell", size=9.5)
    head_style = ParagraphStyle("rtl-head", parent=body_style, fontName=FONT_BOLD)
    data: list[list[Any]] = []
    for r, row in enumerate(rows):
        if len(row) > ncols:
            raise ValueError(f"row {r} has {len(row)} cells for {ncols} columns")
        cells: list[Any] = []
        for c, value in enumerate([*row, *([""] * (ncols - len(row)))]):
            if isinstance(value, Flowable | list):
                cells.append(value)
            elif header and r == 0:
                cells.append(RTLParagraph(_cell_text(value), head_style, align="center"))
            else:
                align = col_align[c] if col_align else "right"
                cells.append(RTLParagraph(_cell_text(value), body_style, align=align))
        data.append(cells[::-1])
    table = Table(data, colWidths=list(col_widths)[::-1], repeatRows=1 if header else 0, hAlign=h_align)
    commands: list[tuple[Any, ...]] = [
        # Table sets each cell's own font even for flowable cells: keep it off Helvetica.
        ("FONT", (0, 0), (-1, -1), body_style.fontName, body_style.fontSize, body_style.leading),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
        ("TOPPADDING", (0, 0), (-1, -1), 2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]
    if grid:
        commands.append(("GRID", (0, 0), (-1, -1), 0.5, GRID_GREY))
    if header and rows:
        commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_GREY))
    table.setStyle(TableStyle([*commands, *table_style]))
    return table


def _cell_text(value: Any) -> str:
    return "" if value is None else str(value)


__all__ = [
    "Align",
    "Base",
    "RTLParagraph",
    "RTLTable",
    "TextLine",
    "base_direction",
    "clean_text",
    "draw_line",
    "draw_rtl_text",
    "fa_digits",
    "layout_line",
    "logical_lines",
    "rtl_style",
    "wrap_lines",
]
