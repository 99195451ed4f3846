"""The nomination form (F3-2, معرفی خوشه): the cluster's full profile as the province sends it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, KeepTogether

from cluster_desktop.printing.document import field_table, para, spacer
from cluster_desktop.printing.layout import RTLParagraph

from .common import (
    ClusterProfile,
    Letterhead,
    Official,
    Signatory,
    Target,
    data_table,
    fa_code,
    fa_date,
    fa_int,
    heading,
    new_document,
    numerals,
    percent,
    rial,
    section,
    signatures,
    text_or_dash,
    usd,
)

TITLE = "فرم معرفی خوشهٔ صادرات‌گرا"


@dataclass(frozen=True)
class NominationData:
    letterhead: Letterhead
    profile: ClusterProfile
    letter_no: str = ""
    nominated_on: dt.date | None = None
    note: str = ""
    state_title: str = ""
    group_name: str = ""
    signatories: Sequence[Signatory] = ()
    attachment_count: int = 0


def profile_flowables(p: ClusterProfile) -> list[Flowable]:
    """The cluster profile: identity, size, products, markets, firms, yearly figures, contacts."""
    out: list[Flowable] = [
        heading("۱. مشخصات خوشه"),
        field_table(
            [
                ("نام خوشه", text_or_dash(p.name)),
                ("استان", text_or_dash(p.province)),
                ("شهرستان", text_or_dash(p.county)),
                ("شهر / محل استقرار", text_or_dash(p.city)),
                ("رشتهٔ فعالیت", text_or_dash(p.sector)),
                ("خوشهٔ اولویت‌دار ملی (نقشهٔ خوشه‌های کشور)", "بله" if p.national_priority else "خیر"),
                ("تعداد بنگاه‌ها", fa_int(p.firms_count)),
                ("تعداد شاغلان", fa_int(p.employees)),
                ("تولید سالانه", rial(p.annual_production_rial)),
                ("صادرات سالانه", usd(p.annual_exports_usd)),
            ]
        ),
    ]
    if p.description.strip():
        out += [heading("شرح خوشه"), para(text_or_dash(p.description))]
    out += [
        heading("۲. محصولات و کدهای تعرفهٔ (HS)"),
        data_table(
            ["ردیف", "کد HS", "نام محصول"],
            [[fa_int(i), fa_code(x.hs_code), text_or_dash(x.name)] for i, x in enumerate(p.products, 1)],
            ["10%", "22%", "68%"],
            col_align=["center", "center", "right"],
        ),
        heading("۳. بازارهای هدف صادراتی"),
        data_table(
            ["ردیف", "کشور", "سهم از صادرات"],
            [
                [fa_int(i), text_or_dash(m.country), percent(m.share_percent, 0)]
                for i, m in enumerate(p.markets, 1)
            ],
            ["10%", "60%", "30%"],
            col_align=["center", "right", "center"],
        ),
        heading("۴. بنگاه‌های عضو خوشه"),
        data_table(
            ["ردیف", "نام بنگاه", "شناسهٔ ملی", "شاغلان", "صادرکننده"],
            [
                [
                    fa_int(i),
                    text_or_dash(f.name),
                    fa_code(f.national_id),
                    fa_int(f.employees),
                    "بله" if f.exporter else "خیر",
                ]
                for i, f in enumerate(p.firms, 1)
            ],
            ["8%", "44%", "22%", "12%", "14%"],
            col_align=["center", "right", "center", "center", "center"],
        ),
        heading("۵. عملکرد سالانه"),
        data_table(
            ["سال", "تولید (ریال)", "صادرات (دلار)", "شاغلان"],
            [
                [fa_code(str(y.year)), fa_int(y.production_rial), fa_int(y.exports_usd), fa_int(y.employees)]
                for y in p.yearly
            ],
            ["16%", "34%", "30%", "20%"],
            col_align=["center", "left", "left", "center"],
        ),
        heading("۶. شخصیت حقوقی مدیریت خوشه و رابط"),
        field_table(
            [
                ("شخصیت حقوقی مدیریت خوشه", text_or_dash(p.managing_entity)),
                ("نوع شخصیت حقوقی", text_or_dash(p.managing_entity_type)),
                ("شمارهٔ ثبت", fa_code(p.managing_entity_reg_no)),
                ("نام رابط", text_or_dash(p.contact_name)),
                ("تلفن", fa_code(p.contact_phone)),
                ("رایانامه", text_or_dash(p.contact_email)),
                ("نشانی", text_or_dash(p.address)),
            ]
        ),
    ]
    return out


def build_nomination(data: NominationData, target: Target) -> None:
    """Write the nomination form of one dossier as a PDF to ``target``."""
    doc = new_document(
        target,
        title=TITLE,
        letterhead=data.letterhead,
        official=Official(
            number=data.letter_no,
            date=data.nominated_on,
            attachments="ندارد" if not data.attachment_count else f"{fa_int(data.attachment_count)} فقره",
        ),
    )
    intro = (
        f"به استناد برنامهٔ عملیاتی توسعهٔ خوشه‌های صادرات‌گرا (فرایند F3-2)، خوشهٔ «{data.profile.name}» "
        f"در شهرستان {text_or_dash(data.profile.county)} استان {text_or_dash(data.profile.province)} "
        f"با مشخصات زیر برای بررسی پتانسیل صادراتی و تکمیل طرح توجیهی معرفی می‌شود."
    )
    story: list[Flowable] = [para(numerals(intro)), spacer(1)]
    story += profile_flowables(data.profile)
    closing: list[Flowable] = [
        heading("۷. معرفی"),
        field_table(
            [
                ("شمارهٔ نامهٔ معرفی", fa_code(data.letter_no)),
                ("تاریخ معرفی", fa_date(data.nominated_on)),
                ("وضعیت پرونده", text_or_dash(data.state_title)),
                ("مرجع معرفی", text_or_dash(data.group_name or data.letterhead.office_name)),
            ]
        ),
    ]
    # The signatures never stand alone on the last page: they keep the last lines before them.
    block = [spacer(2), signatures(data.signatories)] if data.signatories else []
    if data.note.strip():
        title, note = section("توضیحات", data.note)
        title.keepWithNext = True
        story += [*closing, title]
        story += note.tail_with(doc.frame_width, block) if isinstance(note, RTLParagraph) else [note, *block]
    else:
        story.append(KeepTogether(closing + block))
    doc.build(story)
