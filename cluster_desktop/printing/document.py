"""Official Persian documents: letterhead, number/date/attachment block, title and page footer.

The letterhead is the issuing office's: its image (when it has one) or its organisation lines on the
right, an optional line under it, and its address and telephone above the footer rule.

``OfficialDocument`` lays the fixed parts out on every page; callers supply the body as
flowables made with ``heading``, ``para``, ``field_table``, ``signature_block``, ``RTLTable``
and ``qr_drawing``. Every text is plain (never reportlab markup).
"""

from __future__ import annotations

import io
from collections.abc import Iterable, Sequence
from typing import IO, Any

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.pagesizes import landscape as to_landscape
from reportlab.lib.units import mm
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Frame, KeepTogether, PageTemplate, Spacer, Table

from cluster_desktop.domain.jalali import format_jalali, today
from cluster_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from cluster_desktop.printing.layout import (
    HEADER_GREY,
    Align,
    RTLParagraph,
    RTLTable,
    TextLine,
    draw_line,
    draw_rtl_text,
    fa_digits,
    layout_line,
    rtl_style,
    wrap_lines,
)

DEFAULT_HEADER_LINES: tuple[str, ...] = (
    "جمهوری اسلامی ایران",
    "وزارت صنعت، معدن و تجارت",
    "سازمان توسعه تجارت ایران",
)
INVOCATION = "بسمه تعالی"

MARGIN_X = 18 * mm
BODY_SIZE = 10.5
_HEAD_SIZE = 9.5
_HEAD_LEADING = 14.0
_RIGHT_BLOCK_W = 72 * mm
_LEFT_BLOCK_W = 55 * mm
_TITLE_SIZE = 13.0
_TITLE_LEADING = 20.0
_FOOTER_RULE_Y = 16 * mm
_FOOTER_Y = 10 * mm
_FOOTER_NOTE_SIZE = 7.5
_RULE_COLOR = colors.HexColor("#606060")
_HEADER_TOP = 11 * mm  # the right-hand block's highest point (the invocation stands in the middle)
_IMAGE_MAX_H = 26 * mm
_TEXT_LINE_SIZE = 8.5
_TEXT_LEADING = _HEAD_LEADING - 1
_CONTACT_SIZE = 7.5
_CONTACT_LEADING = 10.0
_CONTACT_LINES = 2  # an address longer than this is cut: the footer has no more room
_CONTACT_COLOR = colors.HexColor("#404040")


def page_label(page: int, total: int) -> str:
    """«صفحه ۲ از ۵»."""
    return f"صفحه {fa_digits(page)} از {fa_digits(total)}"


class NumberedCanvas(Canvas):
    """Canvas that holds pages back until the end so the footer can say «صفحه n از N».

    Starts every page in Vazirmatn so reportlab's default Helvetica is never put on a page.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        register_fonts()
        kwargs["initialFontName"] = FONT_REGULAR
        kwargs["initialFontSize"] = BODY_SIZE
        super().__init__(*args, **kwargs)
        self._pending_pages: list[dict[str, Any]] = []

    def showPage(self) -> None:
        self._pending_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._pending_pages)
        for state in self._pending_pages:
            self.__dict__.update(state)
            self._draw_page_number(self._pageNumber, total)
            super().showPage()
        super().save()

    def _draw_page_number(self, page: int, total: int) -> None:
        width = self._pagesize[0]
        self.saveState()
        self.setFillColor(colors.black)
        self.setFont(FONT_REGULAR, 9)
        draw_line(self, layout_line(page_label(page, total), FONT_REGULAR, 9), width / 2, _FOOTER_Y, "center")
        self.restoreState()


class OfficialDocument:
    """An A4 official letter-style document (portrait, or landscape for wide tables).

    ``date_text`` defaults to today's Jalali date in Persian digits; ``header_lines`` are the
    right-hand letterhead lines (a provincial office passes its own organisation names).
    """

    def __init__(
        self,
        path_or_buffer: str | IO[bytes] | Any,
        *,
        title: str,
        number: str = "",
        date_text: str = "",
        attachments: str = "ندارد",
        header_lines: Sequence[str] = DEFAULT_HEADER_LINES,
        landscape: bool = False,
        footer_note: str = "",
        author: str = "",
        letterhead_image: bytes | None = None,
        letterhead_text: str = "",
        contact_line: str = "",
    ) -> None:
        register_fonts()
        self.target = str(path_or_buffer) if hasattr(path_or_buffer, "__fspath__") else path_or_buffer
        self.title = title
        self.number = number
        self.date_text = date_text or format_jalali(today())
        self.attachments = attachments
        self.header_lines = tuple(header_lines)
        self.footer_note = footer_note
        self.author = author
        self.image = ImageReader(io.BytesIO(letterhead_image)) if letterhead_image else None
        self.letterhead_text = letterhead_text
        self.contact_line = contact_line
        self.pagesize: tuple[float, float] = to_landscape(A4) if landscape else A4
        self._layout_header()

    @property
    def frame_width(self) -> float:
        """Width in points available to the body."""
        return self.pagesize[0] - 2 * MARGIN_X

    @property
    def frame_height(self) -> float:
        """Height in points available to the body on each page (a one-page document measures by it)."""
        return self._frame_top - self._frame_bottom

    def _official_lines(self) -> list[str]:
        return [
            # No number yet: a dotted space for the secretariat's outgoing-register number, written by hand.
            f"شماره: {fa_digits(self.number) if self.number.strip() else '................'}",
            f"تاریخ: {fa_digits(self.date_text)}",
            f"پیوست: {fa_digits(self.attachments)}",
        ]

    def _layout_header(self) -> None:
        """Wrap the header parts once and derive where the body frame starts."""
        width, height = self.pagesize
        self._block_top = height - 19 * mm
        # The right-hand block (the office's image or organisation lines, then the line under them)
        # stays within the depth of the three usual lines, starting higher when it needs to: a
        # letterhead never moves the title, so no document gains a page by having one.
        top = height - _HEADER_TOP
        depth = self._block_top - 2 * _HEAD_LEADING - 3  # just under the third line's baseline
        self._text_lines = wrap_lines(self.letterhead_text, FONT_REGULAR, _TEXT_LINE_SIZE, _RIGHT_BLOCK_W)
        text_h = len(self._text_lines) * _TEXT_LEADING
        self._right_lines: list[TextLine] = []
        self._right_top = self._block_top
        self._image_box: tuple[float, float, float, float] | None = None
        if self.image is not None:
            iw, ih = self.image.getSize()
            room = max(top - depth - text_h, 8 * mm)
            scale = min(_RIGHT_BLOCK_W / iw, min(_IMAGE_MAX_H, room) / ih)
            w, h = iw * scale, ih * scale
            x = width - MARGIN_X - _RIGHT_BLOCK_W / 2 - w / 2
            self._image_box = (x, top - h, w, h)
            right_bottom = top - h + 3  # where a line standing on the image's bottom would have its baseline
        else:
            self._right_lines = [
                line
                for text in self.header_lines
                for line in wrap_lines(text, FONT_BOLD, _HEAD_SIZE, _RIGHT_BLOCK_W)
            ]
            self._right_top = min(self._block_top + text_h, top - _HEAD_SIZE)
            right_bottom = self._right_top - (max(len(self._right_lines), 1) - 1) * _HEAD_LEADING
        self._text_top = right_bottom - _TEXT_LEADING
        if self._text_lines:
            right_bottom = self._text_top - (len(self._text_lines) - 1) * _TEXT_LEADING
        self._left_lines = [
            line
            for text in self._official_lines()
            for line in wrap_lines(text, FONT_REGULAR, _HEAD_SIZE, _LEFT_BLOCK_W)
        ]
        left_bottom = self._block_top - (max(len(self._left_lines), 1) - 1) * _HEAD_LEADING
        title_width = width - 2 * MARGIN_X - 20 * mm
        self._title_lines = wrap_lines(self.title, FONT_BOLD, _TITLE_SIZE, title_width)
        self._title_top = min(right_bottom, left_bottom) - 22
        title_rows = max(len(self._title_lines), 1)
        self._rule_y = self._title_top - (title_rows - 1) * _TITLE_LEADING - 10
        self._frame_top = self._rule_y - 4
        # The office's address and telephone stand just above the footer rule.
        wrapped = wrap_lines(self.contact_line, FONT_REGULAR, _CONTACT_SIZE, width - 2 * MARGIN_X)
        if len(wrapped) > _CONTACT_LINES:
            last = wrapped[_CONTACT_LINES - 1]
            cut = layout_line(last.text.rstrip() + " …", FONT_REGULAR, _CONTACT_SIZE, last.base)
            wrapped = [*wrapped[: _CONTACT_LINES - 1], cut]
        self._contact_lines = wrapped
        # One line fits the gap between the body and the rule; a second one raises the body's bottom.
        extra = max(len(self._contact_lines) - 1, 0) * _CONTACT_LEADING
        self._frame_bottom = _FOOTER_RULE_Y + 4 * mm + extra

    def _draw_page(self, canv: Canvas, _doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canv.saveState()
        canv.setFillColor(colors.black)
        draw_rtl_text(canv, INVOCATION, width / 2, height - 11 * mm, size=9, align="center")
        right_centre = width - MARGIN_X - _RIGHT_BLOCK_W / 2
        if self.image is not None and self._image_box is not None:
            x, y, w, h = self._image_box
            canv.drawImage(self.image, x, y, width=w, height=h, mask="auto")
        for i, line in enumerate(self._right_lines):
            draw_line(canv, line, right_centre, self._right_top - i * _HEAD_LEADING, "center")
        for i, line in enumerate(self._text_lines):
            draw_line(canv, line, right_centre, self._text_top - i * _TEXT_LEADING, "center")
        left_right_edge = MARGIN_X + _LEFT_BLOCK_W
        for i, line in enumerate(self._left_lines):
            draw_line(canv, line, left_right_edge, self._block_top - i * _HEAD_LEADING)
        for i, line in enumerate(self._title_lines):
            draw_line(canv, line, width / 2, self._title_top - i * _TITLE_LEADING, "center")
        canv.setStrokeColor(_RULE_COLOR)
        canv.setLineWidth(0.6)
        canv.line(MARGIN_X, self._rule_y, width - MARGIN_X, self._rule_y)
        canv.line(MARGIN_X, _FOOTER_RULE_Y, width - MARGIN_X, _FOOTER_RULE_Y)
        canv.setFillColor(_CONTACT_COLOR)
        n = len(self._contact_lines)
        for i, line in enumerate(self._contact_lines):
            draw_line(
                canv, line, width / 2, _FOOTER_RULE_Y + 1.3 * mm + (n - 1 - i) * _CONTACT_LEADING, "center"
            )
        canv.setFillColor(colors.black)
        if self.footer_note:
            note_width = (width - 2 * MARGIN_X) / 2 - 20 * mm
            draw_rtl_text(
                canv,
                self.footer_note,
                width - MARGIN_X,
                _FOOTER_Y + 2,
                size=_FOOTER_NOTE_SIZE,
                leading=9,
                width=note_width,
            )
        canv.restoreState()

    def build(self, flowables: Iterable[Flowable]) -> None:
        """Lay the flowables out and write the PDF."""
        width = self.pagesize[0]
        frame = Frame(
            MARGIN_X,
            self._frame_bottom,
            width - 2 * MARGIN_X,
            self._frame_top - self._frame_bottom,
            leftPadding=0,
            rightPadding=0,
            topPadding=0,
            bottomPadding=0,
            id="body",
        )
        template = BaseDocTemplate(
            self.target,
            pagesize=self.pagesize,
            title=self.title,
            author=self.author,
            creator="Cluster Desktop",
            lang="fa-IR",
            leftMargin=MARGIN_X,
            rightMargin=MARGIN_X,
        )
        template.addPageTemplates([PageTemplate(id="official", frames=[frame], onPage=self._draw_page)])
        template.build(list(flowables), canvasmaker=NumberedCanvas)


def heading(text: str) -> RTLParagraph:
    """A bold section heading."""
    return RTLParagraph(text, rtl_style("heading", size=12.5, bold=True, spaceBefore=6, spaceAfter=4))


def para(text: str, *, align: Align | None = None) -> RTLParagraph:
    """A body paragraph (newlines kept)."""
    return RTLParagraph(text, rtl_style("body", size=BODY_SIZE, spaceAfter=4), align=align)


def spacer(h: float) -> Spacer:
    """Vertical space of ``h`` millimetres."""
    return Spacer(1, h * mm)


def field_table(pairs: Sequence[tuple[str, Any]], *, label_width: str = "32%") -> Table:
    """Label/value rows, label on the right in bold on grey; values printed literally."""
    label_style = rtl_style("field-label", size=9.5, bold=True)
    rows = [[RTLParagraph(label, label_style), value] for label, value in pairs]
    value_width = f"{100 - float(label_width.rstrip('%')):g}%"
    # The label column is logical column 0, i.e. the rightmost visual column (-1).
    return RTLTable(
        rows,
        [label_width, value_width],
        header=False,
        table_style=[("BACKGROUND", (-1, 0), (-1, -1), HEADER_GREY)],
    )


def signature_block(names_and_titles: Sequence[tuple[str, str]], *, per_row: int = 3) -> Flowable:
    """Signatories side by side (the first on the right): space to sign, name, post."""
    name_style = rtl_style("sig-name", size=10, bold=True)
    post_style = rtl_style("sig-post", size=9)
    cells: list[list[Flowable] | str] = [
        [
            spacer(14),
            RTLParagraph(name, name_style, align="center"),
            RTLParagraph(post, post_style, align="center"),
        ]
        for name, post in names_and_titles
    ]
    if not cells:
        return Spacer(0, 0)
    per_row = max(1, min(per_row, len(cells)))
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    share = f"{100 / per_row:g}%"
    table = RTLTable(
        rows,
        [share] * per_row,
        header=False,
        table_style=[("VALIGN", (0, 0), (-1, -1), "TOP")],
        grid=False,
        h_align="CENTER",
    )
    return KeepTogether([Spacer(1, 6 * mm), table])


__all__ = [
    "DEFAULT_HEADER_LINES",
    "NumberedCanvas",
    "OfficialDocument",
    "field_table",
    "heading",
    "page_label",
    "para",
    "signature_block",
    "spacer",
]
