"""An instruction of the programme (F5) as issued: its revision, date of issue and full text, for the
centre to send out on paper and for a province to file what the centre's bundle brought."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from reportlab.platypus import Flowable

from cluster_desktop.printing.document import field_table, para

from .common import (
    Letterhead,
    Official,
    Target,
    fa_date,
    fa_int,
    heading,
    new_document,
    small,
    text_or_dash,
)

TITLE = "دستورالعمل"


@dataclass(frozen=True)
class InstructionData:
    letterhead: Letterhead
    code: str
    topic: str  # the instruction as the seed names it
    title: str
    revision: int
    issued_on: dt.date
    body: str
    in_force: bool
    revisions: int  # how many revisions this instruction has had
    provincial_ceiling_rial: int | None = None
    sets_ceiling: bool = False  # F5-2: the rule of provincial authority (F9-2)


def _ceiling(rial: int | None) -> str:
    if rial is None:
        return "تعیین نشده؛ همهٔ طرح‌های توسعه‌ای به کارگروه مرکز ارجاع می‌شوند"
    return f"طرح‌های با اعتبار درخواستی تا {fa_int(rial)} ریال؛ بیشتر از آن به کارگروه مرکز ارجاع می‌شود"


def build_instruction(data: InstructionData, target: Target) -> None:
    doc = new_document(
        target, title=data.title, letterhead=data.letterhead, official=Official(date=data.issued_on)
    )
    state = "جاری" if data.in_force else "جایگزین‌شده با بازنگری بعدی"
    story: list[Flowable] = [
        field_table(
            [
                ("دستورالعمل برنامه", f"{text_or_dash(data.topic)} ({data.code})"),
                ("نسخه", f"{fa_int(data.revision)} از {fa_int(data.revisions)} — {state}"),
                ("تاریخ ابلاغ", fa_date(data.issued_on)),
                *(
                    [("سقف اختیارات استان (F9-2)", _ceiling(data.provincial_ceiling_rial))]
                    if data.sets_ceiling
                    else []
                ),
            ],
            label_width="24%",
        ),
        heading("متن دستورالعمل"),
    ]
    # The approved text paragraph by paragraph, as it was issued.
    story += [para(p) for p in data.body.split("\n") if p.strip()]
    story.append(
        small(
            "این دستورالعمل در چارچوب برنامهٔ عملیاتی توسعهٔ خوشه‌های صادرات‌گرا (فرایند F5) ابلاغ و "
            "بازنگری‌های آن در فرایند F15 انجام می‌شود."
        )
    )
    doc.build(story)
