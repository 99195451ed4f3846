"""The notification letter of F11: one official letter to each agency responsible for items of an
approved support package, naming the programme, the decision that approved it and the items that
agency must carry out (the seed: «به دستگاه اجرایی مربوطه ابلاغ و دستگاه مربوطه موظف به اجرای آن است»),
and asking it to allocate resources under F12."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.printing.document import para, spacer
from cluster_desktop.printing.layout import RTLParagraph, rtl_style

from .common import (
    Letterhead,
    Official,
    Signatory,
    Target,
    data_table,
    fa_date,
    fa_int,
    heading,
    keep,
    new_document,
    pair_table,
    rial,
    signatures,
    small,
    text_or_dash,
)

TITLE = "ابلاغ بستهٔ حمایتی تخصصی (F11)"
DECREE = "تصویب‌نامهٔ شمارهٔ ۲۰۷۹۴/ت۳۵۰۱۴ک مورخ ۱۳۸۷/۰۲/۱۶ هیئت وزیران"


@dataclass(frozen=True)
class LetterItem:
    title: str
    description: str
    amount_rial: int


@dataclass(frozen=True)
class NotificationData:
    letterhead: Letterhead
    number: str  # Latin digits; printed in Persian digits
    notified_on: dt.date
    agency: str
    programme: str
    cluster_name: str
    province: str
    proposer: str
    group_name: str  # the working group that approved the package
    minutes_number: str
    meeting_on: dt.date | None
    package_rial: int
    items: Sequence[LetterItem]
    signatory: Signatory
    copies: Sequence[str] = ()  # «رونوشت» lines


def build_notification(data: NotificationData, target: Target) -> None:
    """Write one agency's notification letter as a PDF to ``target``."""
    doc = new_document(
        target,
        title=TITLE,
        letterhead=data.letterhead,
        official=Official(number=data.number, date=data.notified_on),
    )
    own = sum(i.amount_rial for i in data.items)
    minutes = to_persian_digits(data.minutes_number) if data.minutes_number else "—"
    held = f" مورخ {fa_date(data.meeting_on)}" if data.meeting_on else ""
    bold = rtl_style("letter-bold", size=11, bold=True, spaceAfter=3)
    story: list[Flowable] = [
        RTLParagraph(f"به: {text_or_dash(data.agency)}", bold),
        RTLParagraph(f"موضوع: ابلاغ بستهٔ حمایتی تخصصی طرح توسعه‌ای «{text_or_dash(data.programme)}»", bold),
        spacer(2),
        para("با سلام و احترام،"),
        para(
            f"در اجرای {DECREE} و فرایند F11 برنامهٔ عملیاتی توسعهٔ خوشه‌های صادرات‌گرا، بستهٔ حمایتی "
            f"تخصصی طرح توسعه‌ای «{text_or_dash(data.programme)}» برای خوشهٔ «{text_or_dash(data.cluster_name)}» "
            f"در استان {text_or_dash(data.province)} در جلسهٔ {text_or_dash(data.group_name)} "
            f"(صورتجلسهٔ شمارهٔ {minutes}{held}) تأیید شد. اقلام زیر از این بسته که اجرای آن‌ها بر عهدهٔ "
            "آن دستگاه است، ابلاغ می‌شود؛ به موجب برنامه، دستگاه مربوطه موظف به اجرای آن است."
        ),
        pair_table(
            [
                ("طرح توسعه‌ای", text_or_dash(data.programme)),
                ("پیشنهاددهنده", text_or_dash(data.proposer)),
                ("خوشه", text_or_dash(data.cluster_name)),
                ("استان", text_or_dash(data.province)),
                ("صورتجلسهٔ تأیید", minutes + held),
                ("تاریخ ابلاغ", fa_date(data.notified_on)),
                ("مبلغ کل بسته", rial(data.package_rial)),
                ("سهم این دستگاه", rial(own)),
            ],
            label_width=14,
        ),
        heading("اقلامی که اجرای آن‌ها بر عهدهٔ آن دستگاه است"),
        data_table(
            ["ردیف", "قلم حمایتی", "شرح", "مبلغ (ریال)"],
            [
                [fa_int(n), text_or_dash(i.title), text_or_dash(i.description), fa_int(i.amount_rial)]
                for n, i in enumerate(data.items, 1)
            ]
            + [["", "جمع", "", fa_int(own)]],
            ["8%", "32%", "42%", "18%"],
            col_align=["center", "right", "right", "center"],
            empty_text="قلمی بر عهدهٔ این دستگاه نیست.",
        ),
        spacer(3),
        para(
            "خواهشمند است در اجرای فرایند F12، سیاست‌های هدایتی و حمایتی و منابع و امکانات لازم را برای "
            "اقلام بالا اختصاص دهید و مبلغ، تاریخ و شمارهٔ نامه یا سند تخصیص را به این دبیرخانه اعلام "
            "فرمایید تا در پایش اجرای طرح (F13، F14) ثبت شود."
        ),
        keep(spacer(4), signatures([data.signatory], per_row=1)),
    ]
    if data.copies:
        story.append(spacer(3))
        story += [small(f"رونوشت: {line}") for line in data.copies]
    doc.build(story)
