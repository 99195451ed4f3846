"""Working-group minutes (صورتجلسه): attendees, agenda, text, resolutions, the decisions taken, signatures."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from cluster_desktop.domain.jalali import format_jalali_long
from cluster_desktop.printing.document import field_table

from .common import (
    Letterhead,
    Official,
    Signatory,
    Target,
    data_table,
    fa_code,
    fa_int,
    heading,
    new_document,
    section,
    signatures,
    small,
    text_or_dash,
)


@dataclass(frozen=True)
class AttendeeLine:
    name: str
    organization: str
    seat: str  # رئیس / دبیر / عضو
    position: str = ""
    present: bool = True


@dataclass(frozen=True)
class DecisionLine:
    """A decision recorded with this meeting (a workflow transition citing its minutes): on a dossier,
    or on a development programme, whose ``cluster_name`` then names the programme too."""

    cluster_name: str
    province: str
    decision: str  # the action's Persian title
    result_state: str
    f_code: str
    comment: str = ""


@dataclass(frozen=True)
class MinutesData:
    letterhead: Letterhead
    group_name: str
    number: str  # 1405/012 (Latin digits; printed in Persian)
    held_on: dt.date
    location: str = ""
    agenda: str = ""
    minutes_text: str = ""
    attendees: Sequence[AttendeeLine] = ()
    absentees: Sequence[AttendeeLine] = ()
    resolutions: Sequence[str] = ()
    decisions: Sequence[DecisionLine] = ()
    finalized: bool = False


def build_minutes(data: MinutesData, target: Target) -> None:
    """Write the minutes of one working-group meeting as a PDF to ``target``."""
    doc = new_document(
        target,
        title=f"صورتجلسهٔ {data.group_name}",
        letterhead=data.letterhead,
        official=Official(number=data.number, date=data.held_on),
    )
    present = [a for a in data.attendees if a.present]
    story: list[Flowable] = [
        field_table(
            [
                ("شمارهٔ صورتجلسه", fa_code(data.number)),
                ("تاریخ جلسه", format_jalali_long(data.held_on)),
                ("محل جلسه", text_or_dash(data.location)),
                ("وضعیت", "نهایی" if data.finalized else "پیش‌نویس (نهایی نشده)"),
            ]
        ),
        heading("حاضران"),
        data_table(
            ["ردیف", "نام و نام خانوادگی", "دستگاه", "سمت در کارگروه"],
            [
                [fa_int(i), text_or_dash(a.name), text_or_dash(a.organization), _seat(a)]
                for i, a in enumerate(present, 1)
            ],
            ["7%", "27%", "34%", "32%"],
            col_align=["center", "right", "right", "right"],
            empty_text="حاضری ثبت نشده است.",
        ),
    ]
    if data.absentees:
        absent = "، ".join(f"{text_or_dash(a.name)} ({text_or_dash(a.organization)})" for a in data.absentees)
        story.append(small("غایبان: " + absent))
    story += section("دستور جلسه", data.agenda)
    story += section("شرح مذاکرات", data.minutes_text)
    story.append(heading("مصوبات"))
    story.append(
        data_table(
            ["ردیف", "مصوبه"],
            [[fa_int(i), text_or_dash(text)] for i, text in enumerate(data.resolutions, 1)],
            ["8%", "92%"],
            col_align=["center", "right"],
            empty_text="مصوبهٔ دیگری ثبت نشده است.",
        )
    )
    story.append(heading("تصمیم‌های این جلسه دربارهٔ پرونده‌ها"))
    story.append(
        data_table(
            ["ردیف", "خوشه", "استان", "تصمیم", "فرایند", "دلیل / توضیح"],
            [
                [
                    fa_int(i),
                    text_or_dash(d.cluster_name),
                    text_or_dash(d.province),
                    d.decision,
                    d.f_code,
                    text_or_dash(d.comment),
                ]
                for i, d in enumerate(data.decisions, 1)
            ],
            ["7%", "22%", "12%", "17%", "8%", "34%"],
            col_align=["center", "right", "right", "right", "center", "right"],
            size=8.5,
            empty_text="در این جلسه دربارهٔ پرونده‌ای تصمیم گرفته نشد.",
        )
    )
    story.append(heading("امضای حاضران"))
    story.append(signatures([Signatory(_seat(a), a.name) for a in present], per_row=3))
    doc.build(story)


def _seat(a: AttendeeLine) -> str:
    return f"{a.seat} ({a.position})" if a.position.strip() else a.seat
