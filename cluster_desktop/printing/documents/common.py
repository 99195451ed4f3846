"""What the documents share: the letterhead, the cluster profile, number/date formatting, tables.

Documents take plain data (the dataclasses here and in each module), never database rows:
``printing`` sits below ``services`` and imports only ``domain``. Every text is printed literally
through the Persian layout core (``RTLParagraph``/``RTLTable``), never reportlab markup.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, KeepTogether, Spacer

from cluster_desktop.domain.jalali import format_jalali, format_jalali_datetime
from cluster_desktop.domain.numbers import DECIMAL_SEPARATOR, format_int, to_persian_digits
from cluster_desktop.printing.document import DEFAULT_HEADER_LINES, OfficialDocument, para
from cluster_desktop.printing.document import heading as _heading
from cluster_desktop.printing.layout import HEADER_GREY, Align, RTLParagraph, RTLTable, rtl_style

Target = Any  # a path (str or PathLike) or a binary file object
DASH = "—"
SYSTEM_NAME = "سامانهٔ خوشه‌های صادرات‌گرا"
MINISTRY = "وزارت صنعت، معدن و تجارت"
REPUBLIC = "جمهوری اسلامی ایران"
NOTE_GREY = colors.HexColor("#404040")


@dataclass(frozen=True)
class Letterhead:
    """The issuing office: the right-hand header lines and its name, and what its secretariat
    recorded (services/office_details.py): its image, a line under it, its address and telephone."""

    lines: tuple[str, ...] = DEFAULT_HEADER_LINES
    office_name: str = "سازمان توسعه تجارت ایران"
    image: bytes | None = None  # PNG or JPEG, checked when recorded or received
    text_line: str = ""
    address: str = ""
    postal_code: str = ""
    phone: str = ""
    email: str = ""

    @classmethod
    def for_office(cls, name_fa: str, *, central: bool, **details: Any) -> Letterhead:
        """TPO's own letterhead, or the ministry's with the provincial organisation under it."""
        if central:
            return cls(DEFAULT_HEADER_LINES, name_fa, **details)
        return cls((REPUBLIC, MINISTRY, name_fa), name_fa, **details)

    @property
    def contact(self) -> str:
        """«نشانی: … — کد پستی: … — تلفن: … — رایانامه: …», the parts recorded."""
        parts = [
            (label, value)
            for label, value in (
                ("نشانی", numerals(" ".join(self.address.split()))),
                ("کد پستی", ltr_number(self.postal_code)),
                ("تلفن", ltr_number(self.phone)),
                ("رایانامه", self.email),
            )
            if value
        ]
        return " — ".join(f"{label}: {value}" for label, value in parts)


@dataclass(frozen=True)
class ProductLine:
    hs_code: str
    name: str


@dataclass(frozen=True)
class MarketLine:
    country: str
    share_percent: int | None = None


@dataclass(frozen=True)
class FirmLine:
    name: str
    national_id: str = ""
    employees: int = 0
    exporter: bool = False


@dataclass(frozen=True)
class YearLine:
    year: int  # Jalali
    production_rial: int = 0
    exports_usd: int = 0
    employees: int = 0


@dataclass(frozen=True)
class ClusterProfile:
    """A cluster's profile as the nomination form and the license print it."""

    name: str
    province: str
    county: str
    city: str = ""
    sector: str = ""
    description: str = ""
    firms_count: int = 0
    employees: int = 0
    annual_production_rial: int = 0
    annual_exports_usd: int = 0
    managing_entity: str = ""
    managing_entity_type: str = ""
    managing_entity_reg_no: str = ""
    contact_name: str = ""
    contact_phone: str = ""
    contact_email: str = ""
    address: str = ""
    national_priority: bool = False
    products: tuple[ProductLine, ...] = ()
    markets: tuple[MarketLine, ...] = ()
    firms: tuple[FirmLine, ...] = ()
    yearly: tuple[YearLine, ...] = ()


@dataclass(frozen=True)
class Signatory:
    """A signature line: the post always, the name when known."""

    post: str
    name: str = ""


@dataclass(frozen=True)
class Official:
    """The number/date/attachment block of a document."""

    number: str = ""
    date: dt.date | None = None
    attachments: str = "ندارد"
    extra_notes: tuple[str, ...] = field(default_factory=tuple)


# ----------------------------------------------------------------------------- formatting

# A whitespace-separated token that holds Latin letters or markup-like signs is a code, an
# address or literal markup: its digits stay as typed. Other tokens get Persian digits.
_LATIN_TOKEN = re.compile(r"[A-Za-z@=<>&_\\#]")
_TOKEN = re.compile(r"\S+")


def numerals(text: str) -> str:
    """Persian digits in user text, except inside Latin tokens (e-mail, ``AT&T``, ``size=40``)."""
    return _TOKEN.sub(
        lambda m: m.group() if _LATIN_TOKEN.search(m.group()) else to_persian_digits(m.group()), text
    )


def ltr_number(text: str) -> str:
    """A telephone number or postal code in Persian digits that reads left to right after Persian
    words: without the mark, bidi turns «۰۲۱-۲۲۳۴» after a Persian label into «۲۲۳۴-۰۲۱»."""
    return "\u200e" + numerals(text) if text.strip() else ""


def text_or_dash(value: object) -> str:
    """User text with Persian digits (see ``numerals``), or «—» when empty."""
    text = "" if value is None else str(value)
    return numerals(text) if text.strip() else DASH


def fa_int(n: int | None) -> str:
    """``12345`` → ``۱۲٬۳۴۵``; ``None`` → «—»."""
    return DASH if n is None else format_int(int(n))


def fa_code(code: str) -> str:
    """A code of digits and dots (HS code, year/sequence) in Persian digits."""
    return to_persian_digits(code) if code else DASH


def rial(n: int | None) -> str:
    return DASH if not n else f"{format_int(int(n))} ریال"


def usd(n: int | None) -> str:
    return DASH if not n else f"{format_int(int(n))} دلار"


def fa_decimal(x: float | None, places: int = 1) -> str:
    """``3.25`` → ``۳٫۳`` (half up; whole numbers without decimals); ``None`` → «—»."""
    if x is None:
        return DASH
    value = Decimal(repr(float(x))).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    if value == 0:
        value = abs(value)
    text = format(value.normalize(), "f")  # no trailing zeros: ۴٫۵ not ۴٫۵۰, ۳ not ۳٫۰
    return to_persian_digits(text.replace(".", DECIMAL_SEPARATOR))


def percent(x: float | None, places: int = 1) -> str:
    return DASH if x is None else f"{fa_decimal(x, places)}٪"


def fa_date(d: dt.date | dt.datetime | None) -> str:
    """Jalali ``۱۴۰۵/۰۹/۰۷`` (datetimes in Tehran time); «—» when missing."""
    return format_jalali(d) if d is not None else DASH


def file_size(n: int) -> str:
    """Bytes as people read them: «۸۵۰ بایت»، «۱۲٫۴ کیلوبایت»، «۳٫۲ مگابایت»."""
    if n < 1024:
        return f"{fa_int(n)} بایت"
    if n < 1024**2:
        return f"{fa_decimal(n / 1024)} کیلوبایت"
    return f"{fa_decimal(n / 1024**2)} مگابایت"


def printed_note(office_name: str, when: dt.datetime | None = None) -> str:
    """The footer note: which system and office printed the page, and when."""
    stamp = format_jalali_datetime(when or dt.datetime.now(dt.UTC))
    return f"چاپ از {SYSTEM_NAME}، {stamp}"


# ----------------------------------------------------------------------------- building blocks


def new_document(
    target: Target,
    *,
    title: str,
    letterhead: Letterhead,
    official: Official,
    landscape: bool = False,
    footer_note: str | None = None,
) -> OfficialDocument:
    """An OfficialDocument with this office's letterhead and the document's official block."""
    return OfficialDocument(
        target,
        title=title,
        number=official.number,
        date_text=fa_date(official.date) if official.date else "",
        attachments=official.attachments,
        header_lines=letterhead.lines,
        landscape=landscape,
        footer_note=footer_note if footer_note is not None else printed_note(letterhead.office_name),
        author=letterhead.office_name,
        **letterhead_options(letterhead),
    )


def letterhead_options(letterhead: Letterhead) -> dict[str, Any]:
    """What ``OfficialDocument`` takes from a letterhead besides its lines."""
    return {
        "letterhead_image": letterhead.image,
        "letterhead_text": letterhead.text_line,
        "contact_line": letterhead.contact,
    }


def attachments_label(count: int) -> str:
    return "ندارد" if count <= 0 else f"{fa_int(count)} فقره"


def heading(text: str) -> RTLParagraph:
    """A bold section heading that stays on the page of what follows it."""
    h = _heading(text)
    h.keepWithNext = True
    return h


def section(title: str, text: str | None) -> list[Flowable]:
    """A heading and its (possibly long, multi-paragraph) user text; «—» when empty."""
    return [heading(numerals(title)), para(text_or_dash(text))]


def small(text: str, *, align: Align | None = None, bold: bool = False) -> RTLParagraph:
    """A smaller explanatory line in dark grey."""
    style = rtl_style("small", size=8.5, bold=bold, textColor=NOTE_GREY, spaceAfter=2)
    return RTLParagraph(text, style, align=align)


def data_table(
    headers: Sequence[str],
    rows: Sequence[Sequence[Any]],
    widths: Sequence[float | str],
    *,
    col_align: Sequence[Align] | None = None,
    size: float = 9.0,
    table_style: Sequence[tuple[Any, ...]] = (),
    empty_text: str = "موردی ثبت نشده است.",
) -> Flowable:
    """A bordered table with a grey header row repeated on every page; a note when there are no rows."""
    if not rows:
        return para(empty_text)
    style = rtl_style("cell", size=size)
    return RTLTable(
        [list(headers), *[list(r) for r in rows]],
        list(widths),
        style=style,
        col_align=col_align,
        table_style=table_style,
    )


def pair_table(pairs: Sequence[tuple[str, Any]], *, label_width: float = 15) -> Flowable:
    """Label/value pairs two to a row (labels bold on grey), to keep identity blocks short."""
    label = rtl_style("pair-label", size=9, bold=True)
    rows = []
    for i in range(0, len(pairs), 2):
        row: list[Any] = []
        for lab, value in pairs[i : i + 2]:
            row += [RTLParagraph(lab, label), value]
        rows.append(row)
    value_width = 50 - label_width
    widths = [f"{label_width:g}%", f"{value_width:g}%"] * 2
    # Visual columns 3 and 1 are the logical label columns 0 and 2.
    grey = [("BACKGROUND", (c, 0), (c, -1), HEADER_GREY) for c in (1, 3)]
    return RTLTable(rows, widths, header=False, style=rtl_style("pair", size=9), table_style=grey)


def signatures(signatories: Sequence[Signatory], *, per_row: int = 3, room_mm: float = 13) -> Flowable:
    """Signature lines side by side (the first on the right): room to sign, name, post.

    Unlike ``document.signature_block`` this is a plain table, so callers can keep it together
    with the text before it (reportlab breaks the page early for a KeepTogether nested in another).
    """
    name_style = rtl_style("sig-name", size=10, bold=True)
    post_style = rtl_style("sig-post", size=9)
    cells = [
        [
            Spacer(1, room_mm * mm),
            RTLParagraph(numerals(s.name), name_style, align="center"),
            RTLParagraph(s.post, post_style, align="center"),
        ]
        for s in signatories
    ]
    if not cells:
        return Spacer(0, 0)
    per_row = max(1, min(per_row, len(cells)))
    rows = [cells[i : i + per_row] for i in range(0, len(cells), per_row)]
    return RTLTable(
        rows,
        [f"{100 / per_row:g}%"] * per_row,
        header=False,
        grid=False,
        h_align="CENTER",
        table_style=[("VALIGN", (0, 0), (-1, -1), "TOP")],
    )


def keep(*flowables: Flowable) -> KeepTogether:
    return KeepTogether(list(flowables))


class PdfKeywords(Flowable):
    """Invisible: sets the PDF's Keywords and Subject (document information) when drawn.

    The license puts its QR text here so ``license verify --pdf`` reads it with pypdf, no QR
    decoder needed. Drawn after the template has set its own (empty) keywords, so it wins.
    """

    def __init__(self, keywords: str, subject: str = "") -> None:
        super().__init__()
        self.keywords = keywords
        self.subject = subject
        self.width = self.height = 0

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.canv.setKeywords(self.keywords)
        if self.subject:
            self.canv.setSubject(self.subject)


class TickMark(Flowable):
    """A drawn check mark (Vazirmatn has no ✓ glyph), centred in its cell."""

    def __init__(self, size: float = 3.2 * mm, color: colors.Color = colors.black) -> None:
        super().__init__()
        self.size = size
        self.color = color
        self.width = self.height = size

    def wrap(self, availWidth: float, availHeight: float) -> tuple[float, float]:
        self._avail = availWidth
        return availWidth, self.size

    def draw(self) -> None:
        s = self.size
        x0 = (getattr(self, "_avail", s) - s) / 2
        c = self.canv
        c.saveState()
        c.setStrokeColor(self.color)
        c.setLineWidth(s * 0.16)
        c.setLineCap(1)
        c.setLineJoin(1)
        path = c.beginPath()
        path.moveTo(x0 + s * 0.08, s * 0.5)
        path.lineTo(x0 + s * 0.38, s * 0.16)
        path.lineTo(x0 + s * 0.94, s * 0.88)
        c.drawPath(path, stroke=1, fill=0)
        c.restoreState()


__all__ = [
    "DASH",
    "ClusterProfile",
    "FirmLine",
    "Letterhead",
    "MarketLine",
    "Official",
    "PdfKeywords",
    "ProductLine",
    "Signatory",
    "TickMark",
    "YearLine",
    "attachments_label",
    "data_table",
    "fa_code",
    "fa_date",
    "fa_decimal",
    "fa_int",
    "file_size",
    "heading",
    "keep",
    "letterhead_options",
    "ltr_number",
    "new_document",
    "numerals",
    "pair_table",
    "percent",
    "printed_note",
    "rial",
    "section",
    "signatures",
    "small",
    "text_or_dash",
    "usd",
]
