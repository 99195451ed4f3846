"""Persian line layout for reportlab: wrap in logical order, then shape and reorder each line.

User text is never handed to reportlab's Paragraph markup parser: lines are drawn with
``drawString`` and friends, so ``<img src=…>``, ``<font>``, ``&`` print literally and cannot make
reportlab read a file or fetch a URL.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, Literal

import arabic_reshaper
from bidi.algorithm import get_display  # pure Python: mirrors brackets (the Rust one does not)
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import Flowable, Table, TableStyle

from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts

Align = Literal["right", "center", "left"]
Base = Literal["R", "L"]

# Embeddings, overrides and isolates: U+202E in user text could otherwise reverse a whole line.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
# Other C0/C1 controls have no glyph; tabs and odd line separators become spaces/newlines first.
_CONTROLS = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
# Hebrew, Arabic, Syriac, Thaana, NKo… and the Arabic presentation forms.
_RTL_LETTER = re.compile("[\u0590-\u08ff\ufb1d-\ufdff\ufe70-\ufefc]")
_ZERO_WIDTH_JOINERS = "\u200c\u200d"
_EPS = 1e-6


def fa_digits(value: object) -> str:
    """``str(value)`` with Latin and Arabic-Indic digits turned into Persian digits."""
    return to_persian_digits(str(value))


def clean_text(text: str | None) -> str:
    """Normalise user text for layout: newlines unified, bidi and other controls removed."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n").replace("\u2029", "\n")
    text = text.replace("\t", " ")
    text = _CONTROLS.sub("", _BIDI_CONTROLS.sub("", text))
    # NFC composes hamza forms (و + ٔ → ؤ); ه + ٔ (ezafe) has no NFC form, so map it to ۀ,
    # otherwise the reshaper drops the hamza with the other diacritics.
    return unicodedata.normalize("NFC", text).replace("\u0647\u0654", "\u06c0")


def shape(text: str, font: str | None = None) -> str:
    """Arabic-script letters replaced by their contextual presentation forms (logical order).

    With ``font``, forms the font lacks fall back to the base letter (Vazirmatn has no
    isolated ۀ, U+FBA4, but its ۀ glyph has exactly that shape).
    """
    if not text:
        return ""
    shaped = arabic_reshaper.reshape(text)
    return shaped.translate(_missing_forms(font)) if font else shaped


@lru_cache(maxsize=16)
def _missing_forms(font: str) -> dict[int, str]:
    """Presentation forms absent from ``font`` mapped to base letters the font has."""
    register_fonts()
    face = getattr(pdfmetrics.getFont(font), "face", None)
    cmap: dict[int, int] = getattr(face, "charToGlyph", None) or {}
    if not cmap:
        return {}
    table: dict[int, str] = {}
    for cp in [*range(0xFB50, 0xFE00), *range(0xFE70, 0xFF00)]:
        if cp in cmap:
            continue
        base = unicodedata.normalize("NFKC", chr(cp))
        if base != chr(cp) and all(ord(ch) in cmap for ch in base):
            table[cp] = base
    return table


def visual_line(logical: str, font: str | None = FONT_REGULAR, base: Base = "R") -> str:
    """One logical line (already cleaned and wrapped) as drawn left to right: shaped, then
    reordered with the given base direction (right to left unless told otherwise)."""
    if not logical:
        return ""
    return get_display(shape(logical, font), base_dir=base)


@lru_cache(maxsize=8192)
def _word_width(word: str, font: str, size: float) -> float:
    # Joining never crosses a space, so a line's width is the sum of its shaped words and spaces.
    return pdfmetrics.stringWidth(shape(word, font), font, size)


def _break_word(word: str, font: str, size: float, width: float) -> list[str]:
    """Cut a word too wide for a line into pieces that fit (at least one character each)."""
    pieces: list[str] = []
    rest = word
    while rest and _word_width(rest, font, size) > width + _EPS:
        lo, hi = 1, len(rest) - 1
        while lo < hi:  # largest prefix that fits; shaped widths are close to monotonic
            mid = (lo + hi + 1) // 2
            if _word_width(rest[:mid], font, size) <= width + _EPS:
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


def base_direction(paragraph: str) -> Base:
    """'R' if the paragraph holds any right-to-left letter, else 'L'.

    Not the UBA's first-strong rule: in these documents «HS 0806.20 انگور» is still a
    right-to-left paragraph, while a purely Latin one (an e-mail, «<i>x») reads left to right.
    """
    return "R" if _RTL_LETTER.search(paragraph) else "L"


def wrap_lines(text: str | None, font: str, size: float, width: float) -> list[tuple[str, Base]]:
    """Like ``logical_lines``, each line paired with its paragraph's base direction."""
    text = clean_text(text)
    if not text.strip():
        return []
    register_fonts()
    out: list[tuple[str, Base]] = []
    for paragraph in text.split("\n"):
        base = base_direction(paragraph)
        out += [(line, base) for line in _wrap_paragraph(paragraph, font, size, max(width, 1.0))]
    return out


def logical_lines(text: str | None, font: str, size: float, width: float) -> list[str]:
    """Wrap text into lines no wider than ``width`` points, in logical (reading) order.

    Breaks at spaces; a word longer than a line is cut by characters; newlines are kept
    (an empty input line stays an empty line). Empty or blank text gives no lines.
    """
    return [line for line, _ in wrap_lines(text, font, size, width)]


def _wrap_paragraph(paragraph: str, font: str, size: float, width: float) -> list[str]:
    """Greedy wrap of one paragraph (no newlines); widths measured on the shaped words."""
    space = pdfmetrics.stringWidth(" ", font, size)
    lines: list[str] = []
    words = [w for w in paragraph.split(" ") if w]  # not str.split(): NBSP must not break
    if not words:
        return [""]
    current: list[str] = []
    current_width = 0.0
    for word in words:
        word_width = _word_width(word, font, size)
        if word_width > width + _EPS:
            if current:
                lines.append(" ".join(current))
            pieces = _break_word(word, font, size, width)
            lines.extend(pieces[:-1])
            current, current_width = [pieces[-1]], _word_width(pieces[-1], font, size)
            continue
        needed = word_width if not current else current_width + space + word_width
        if needed <= width + _EPS:
            current.append(word)
            current_width = needed
        else:
            lines.append(" ".join(current))
            current, current_width = [word], word_width
    if current:
        lines.append(" ".join(current))
    return lines


def persian_lines(text: str | None, font: str, size: float, width: float) -> list[str]:
    """Wrap ``text`` to ``width`` points, then shape and reorder each line for drawing left to right.

    Paragraphs with Persian letters get a right-to-left base direction (see ``base_direction``).
    """
    return [visual_line(line, font, base) for line, base in wrap_lines(text, font, size, width)]


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
        paragraphs = clean_text(text).split("\n") if text else []
        lines = [visual_line(line, font, base_direction(line)) for line in paragraphs]
    else:
        lines = persian_lines(text, font, size, width)
    canv.setFont(font, size)
    draw = {"right": canv.drawRightString, "center": canv.drawCentredString, "left": canv.drawString}[align]
    for i, line in enumerate(lines):
        draw(x, y - i * leading, line)
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
    """A right-to-left paragraph of plain text (no markup), wrapped to the width it is given.

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
        # Set on pieces made by split(): their lines, with the direction of the paragraph
        # each came from (a Latin-only line of a Persian paragraph stays right to left).
        self._source: list[tuple[str, Base]] | None = None
        self._lines: list[tuple[str, Base]] = []
        self._visual: list[str] = []
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
                self._lines = [
                    (piece, base)
                    for line, base in self._source
                    for piece in (logical_lines(line, st.fontName, st.fontSize, inner) or [""])
                ]
            self._visual = [visual_line(line, st.fontName, base) for line, base in self._lines]
            self._wrapped_for = inner
        self.width = availWidth
        self.height = len(self._lines) * st.leading
        return self.width, self.height

    def _piece(self, lines: list[tuple[str, Base]]) -> RTLParagraph:
        piece = RTLParagraph("\n".join(line for line, _ in lines), self.style, align=self.align)
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

    def draw(self) -> None:
        st = self.style
        canv = self.canv
        ascent, descent = pdfmetrics.getAscentDescent(st.fontName, st.fontSize)
        # Centre the glyph box (ascent..descent) in each line's leading band.
        first_baseline = self.height - (st.leading - (ascent - descent)) / 2 - ascent
        right = self.width - st.rightIndent
        left = st.leftIndent
        canv.saveState()
        canv.setFont(st.fontName, st.fontSize)
        canv.setFillColor(st.textColor)
        for i, line in enumerate(self._visual):
            y = first_baseline - i * st.leading
            if self.align == "center":
                canv.drawCentredString((left + right) / 2, y, line)
            elif self.align == "left":
                canv.drawString(left, y, line)
            else:
                canv.drawRightString(right, y, line)
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
    "RTLParagraph",
    "RTLTable",
    "clean_text",
    "draw_rtl_text",
    "fa_digits",
    "logical_lines",
    "persian_lines",
    "rtl_style",
    "shape",
    "visual_line",
]
