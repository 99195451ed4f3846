"""The feasibility plan (F3-3, طرح توجیهی): every section, the yearly targets, the attachments."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from cluster_desktop.printing.document import field_table, para, spacer

from .common import (
    Letterhead,
    Official,
    ProductLine,
    Signatory,
    Target,
    attachments_label,
    data_table,
    fa_code,
    fa_date,
    fa_int,
    file_size,
    heading,
    new_document,
    rial,
    section,
    signatures,
    small,
    text_or_dash,
)

TITLE = "طرح توجیهی توسعهٔ خوشهٔ صادرات‌گرا"


@dataclass(frozen=True)
class PlanSection:
    title: str
    text: str


@dataclass(frozen=True)
class TargetLine:
    year: int  # Jalali
    export_usd: int = 0
    employment: int = 0


@dataclass(frozen=True)
class AttachmentLine:
    title: str
    filename: str
    size: int
    media_type: str = ""


@dataclass(frozen=True)
class PlanData:
    letterhead: Letterhead
    cluster_name: str
    province: str
    county: str
    sections: Sequence[PlanSection]
    investment_rial: int = 0
    targets: Sequence[TargetLine] = ()
    attachments: Sequence[AttachmentLine] = ()
    products: Sequence[ProductLine] = ()
    managing_entity: str = ""
    submitted_on: dt.date | dt.datetime | None = None
    updated_on: dt.date | dt.datetime | None = None
    state_title: str = ""
    missing: Sequence[str] = ()  # sections still empty (a draft printout says so)
    letter_no: str = ""
    # Who hands the plan in and who receives it for the working group (signed on paper).
    signatories: Sequence[Signatory] = ()


def build_plan(data: PlanData, target: Target) -> None:
    """Write the feasibility plan of one dossier as a PDF to ``target``."""
    doc = new_document(
        target,
        title=TITLE,
        letterhead=data.letterhead,
        official=Official(
            number=data.letter_no,
            date=data.submitted_on or data.updated_on,
            attachments=attachments_label(len(data.attachments)),
        ),
    )
    products = "، ".join(f"{text_or_dash(p.name)} ({fa_code(p.hs_code)})" for p in data.products)
    story: list[Flowable] = [
        field_table(
            [
                ("نام خوشه", text_or_dash(data.cluster_name)),
                ("استان / شهرستان", f"{text_or_dash(data.province)} / {text_or_dash(data.county)}"),
                ("محصولات (کد HS)", text_or_dash(products)),
                ("شخصیت حقوقی مدیریت خوشه", text_or_dash(data.managing_entity)),
                ("وضعیت پرونده", text_or_dash(data.state_title)),
                ("تاریخ ارائه به کارگروه", fa_date(data.submitted_on) if data.submitted_on else "ارائه نشده"),
            ]
        ),
        spacer(1),
    ]
    if data.missing:
        story.append(small("این طرح هنوز کامل نیست؛ کمبودها: " + "، ".join(data.missing), bold=True))
    for i, sec in enumerate(data.sections, 1):
        story += section(f"{fa_int(i)}. {sec.title}", sec.text)
    n = len(data.sections)
    story += [
        heading(f"{fa_int(n + 1)}. برآورد سرمایه‌گذاری"),
        para(f"مبلغ سرمایه‌گذاری مورد نیاز: {rial(data.investment_rial)}"),
        heading(f"{fa_int(n + 2)}. اهداف سالانهٔ صادرات و اشتغال"),
        data_table(
            ["سال", "صادرات هدف (دلار)", "اشتغال هدف (نفر)"],
            [[fa_code(str(t.year)), fa_int(t.export_usd), fa_int(t.employment)] for t in data.targets],
            ["20%", "45%", "35%"],
            col_align=["center", "left", "center"],
        ),
        heading(f"{fa_int(n + 3)}. پیوست‌ها"),
        data_table(
            ["ردیف", "عنوان", "نام پرونده", "اندازه"],
            [
                [fa_int(i), text_or_dash(a.title), text_or_dash(a.filename), file_size(a.size)]
                for i, a in enumerate(data.attachments, 1)
            ],
            ["8%", "40%", "36%", "16%"],
            col_align=["center", "right", "left", "center"],
            empty_text="پیوستی ثبت نشده است.",
        ),
    ]
    if data.signatories:
        story += [spacer(2), signatures(data.signatories)]
    doc.build(story)
