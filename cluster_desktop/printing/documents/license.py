"""The cluster approval license (F8, پروانهٔ تأیید خوشه): a certificate page with a signed QR code.

The QR code holds ``services.licenses.qr_text`` (the centre-signed payload). The same text is put
in the PDF's Keywords entry (document information), so ``license verify --pdf`` reads it with
pypdf without decoding the image.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import BaseDocTemplate, Flowable, Table, TableStyle

from cluster_desktop.domain.jalali import format_jalali_long
from cluster_desktop.printing.document import OfficialDocument, field_table, para, spacer
from cluster_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR
from cluster_desktop.printing.layout import RTLParagraph, draw_line, layout_line, rtl_style
from cluster_desktop.printing.qr import qr_drawing

from .common import (
    Letterhead,
    PdfKeywords,
    ProductLine,
    Signatory,
    Target,
    fa_code,
    heading,
    letterhead_options,
    numerals,
    printed_note,
    signatures,
    small,
    text_or_dash,
)

TITLE = "پروانهٔ تأیید خوشهٔ صادرات‌گرا"
DECREE = "تصویب‌نامهٔ شمارهٔ ۲۰۷۹۴/ت۳۵۰۱۴ک مورخ ۱۳۸۷/۰۲/۱۶ هیئت وزیران"
KEYWORD_PREFIX = "cluster-desktop-license "
BORDER_OUT = 6 * mm
BORDER_IN = 7.6 * mm
BORDER_COLOR = colors.HexColor("#1f3a5f")
STATUS_STAMPS = {"suspended": "تعلیق‌شده", "revoked": "ابطال‌شده", "expired": "منقضی‌شده"}


@dataclass(frozen=True)
class LicenseData:
    letterhead: Letterhead
    number: str
    cluster_name: str
    province: str
    county: str
    issued_on: dt.date
    valid_until: dt.date
    qr_text: str
    sector: str = ""
    managing_entity: str = ""
    products: Sequence[ProductLine] = ()
    conditions: str = ""
    registry_no: str = ""
    status: str = "valid"  # valid | suspended | revoked | expired (as this office knows)
    status_reason: str = ""
    signatories: Sequence[Signatory] = ()


class _CertificateDocument(OfficialDocument):
    """The official page plus a double border and, for a license no longer valid, a stamp across it."""

    def __init__(self, *args: Any, stamp: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.stamp = stamp

    def _official_lines(self) -> list[str]:
        # The license number is a left-to-right code printed as issued (TPO-CL-1405-00012).
        lines = super()._official_lines()
        return [f"شماره: {self.number}", *lines[1:]]

    def _draw_page(self, canv: Canvas, doc: BaseDocTemplate) -> None:
        width, height = self.pagesize
        canv.saveState()
        canv.setStrokeColor(BORDER_COLOR)
        canv.setLineWidth(2.2)
        canv.rect(BORDER_OUT, BORDER_OUT, width - 2 * BORDER_OUT, height - 2 * BORDER_OUT)
        canv.setLineWidth(0.6)
        canv.rect(BORDER_IN, BORDER_IN, width - 2 * BORDER_IN, height - 2 * BORDER_IN)
        # Small corner squares make the double rule read as a certificate frame.
        for x in (BORDER_OUT, width - BORDER_OUT):
            for y in (BORDER_OUT, height - BORDER_OUT):
                canv.setFillColor(BORDER_COLOR)
                canv.rect(x - 1.6 * mm, y - 1.6 * mm, 3.2 * mm, 3.2 * mm, stroke=0, fill=1)
        canv.restoreState()
        super()._draw_page(canv, doc)
        if self.stamp:
            canv.saveState()
            canv.setFillColor(colors.Color(0.75, 0.1, 0.1, alpha=0.22))
            canv.translate(width / 2, height / 2)
            canv.rotate(35)
            draw_line(canv, layout_line(self.stamp, FONT_BOLD, 80), 0, 0, "center")
            canv.restoreState()


def _centred(text: str, size: float, *, bold: bool = True, space_after: float = 4) -> RTLParagraph:
    return RTLParagraph(text, rtl_style("cert", size=size, bold=bold, spaceAfter=space_after), align="center")


def build_license(data: LicenseData, target: Target) -> None:
    """Write the license certificate (one page) as a PDF to ``target``."""
    doc = _CertificateDocument(
        target,
        title=TITLE,
        number=data.number,
        date_text=format_jalali_long(data.issued_on),
        attachments="ندارد",
        header_lines=data.letterhead.lines,
        footer_note=printed_note(data.letterhead.office_name),
        author=data.letterhead.office_name,
        stamp=STATUS_STAMPS.get(data.status, ""),
        **letterhead_options(data.letterhead),
    )
    products = "، ".join(f"{text_or_dash(p.name)} ({fa_code(p.hs_code)})" for p in data.products)
    statement = (
        f"به استناد {DECREE} و برنامهٔ عملیاتی توسعهٔ خوشه‌های صادرات‌گرا (فرایند F8)، "
        f"خوشهٔ «{data.cluster_name}» در شهرستان {text_or_dash(data.county)} استان "
        f"{text_or_dash(data.province)} که در بانک اطلاعات خوشه‌های صادرات‌گرا ثبت شده است، "
        "به عنوان خوشهٔ صادرات‌گرای تأییدشده شناخته می‌شود. این پروانه برای تسهیل امور خوشه صادر شده "
        f"و تا {format_jalali_long(data.valid_until)} معتبر است."
    )
    story: list[Flowable] = [
        PdfKeywords(KEYWORD_PREFIX + data.qr_text, subject=f"{TITLE} {data.number}"),
        spacer(2),
        _centred(f"شمارهٔ پروانه: {data.number}", 14, space_after=6),
        para(numerals(statement)),
        spacer(1),
        field_table(
            [
                ("نام خوشه", text_or_dash(data.cluster_name)),
                ("استان / شهرستان", f"{text_or_dash(data.province)} / {text_or_dash(data.county)}"),
                ("رشتهٔ فعالیت", text_or_dash(data.sector)),
                ("محصولات (کد HS)", products or "—"),
                ("شخصیت حقوقی مدیریت خوشه", text_or_dash(data.managing_entity)),
                ("شمارهٔ ثبت در بانک اطلاعات", text_or_dash(data.registry_no)),
                ("تاریخ صدور", format_jalali_long(data.issued_on)),
                ("اعتبار تا", format_jalali_long(data.valid_until)),
            ]
        ),
    ]
    if data.status in STATUS_STAMPS:
        reason = f" — {data.status_reason}" if data.status_reason.strip() else ""
        story.append(
            para(
                f"وضعیت این پروانه در زمان چاپ: {STATUS_STAMPS[data.status]}{text_or_dash(reason) if reason else ''}"
            )
        )
    story += [heading("شرایط پروانه"), para(text_or_dash(data.conditions))]
    story.append(spacer(4))
    story.append(_seal_row(data))
    doc.build(story)


def _seal_row(data: LicenseData) -> Flowable:
    """Signatures side by side on the right, the QR code with its caption on the left."""
    qr = qr_drawing(data.qr_text, 34, h_align="CENTER")
    caption = small(
        "رمزینهٔ اصالت: «بررسی اصالت پروانه» در سامانهٔ خوشه‌ها آن را بدون نیاز به اینترنت می‌خواند.",
        align="center",
    )
    sigs = signatures(data.signatories, per_row=max(1, len(data.signatories)), room_mm=16)
    # Visual order left to right: QR column, then the signatures (on the right).
    table = Table([[[qr, caption], sigs]], colWidths=["30%", "70%"])
    table.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                ("LEFTPADDING", (0, 0), (-1, -1), 2),
                ("RIGHTPADDING", (0, 0), (-1, -1), 2),
                # Without a font of ours the table would reference Helvetica in the PDF.
                ("FONT", (0, 0), (-1, -1), FONT_REGULAR, 9),
            ]
        )
    )
    return table
