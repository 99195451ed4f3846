"""The monitoring report of a development programme (F14): the programme, its support package with
the responsible agencies (F10, F11), allocations (F12), execution (F13), indicators with targets,
actuals and gaps, and the decisions taken on it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.printing.document import para

from .common import (
    Letterhead,
    Official,
    Target,
    data_table,
    fa_date,
    fa_int,
    heading,
    new_document,
    pair_table,
    percent,
    rial,
    section,
    small,
    text_or_dash,
)


@dataclass(frozen=True)
class ItemLine:
    title: str
    agency: str
    amount_rial: int
    allocated_rial: int


@dataclass(frozen=True)
class AllocationLine:
    on: dt.date
    item: str
    agency: str
    amount_rial: int
    reference: str


@dataclass(frozen=True)
class ActivityLine:
    title: str
    responsible: str
    starts_on: dt.date | None
    ends_on: dt.date | None
    progress_percent: int


@dataclass(frozen=True)
class IndicatorLine:
    title: str
    unit: str
    baseline: int
    period: str | None  # "1405" or "1405-Q2"
    target: int | None
    actual: int | None
    feedback: str = ""


@dataclass(frozen=True)
class StepLine:
    at: dt.datetime
    step: str
    f_code: str
    state: str
    minutes: str
    comment: str


@dataclass(frozen=True)
class ProgrammeReportData:
    letterhead: Letterhead
    title: str
    cluster_name: str
    province: str
    proposer: str
    proposer_kind: str
    state: str
    submitted_on: dt.date
    budget_rial: int
    description: str = ""
    package_notified_on: dt.date | None = None
    items: Sequence[ItemLine] = ()
    allocations: Sequence[AllocationLine] = ()
    activities: Sequence[ActivityLine] = ()
    indicators: Sequence[IndicatorLine] = ()
    steps: Sequence[StepLine] = ()
    printed_on: dt.date | None = None


def period_fa(period: str | None) -> str:
    if not period:
        return "—"
    year, _, quarter = period.partition("-Q")
    return to_persian_digits(f"{year}، فصل {quarter}" if quarter else year)


def _gap(i: IndicatorLine) -> str:
    if i.target is None or i.actual is None:
        return "—"
    gap = i.actual - i.target
    return ("−" if gap < 0 else "+" if gap > 0 else "") + fa_int(abs(gap))


def build_programme_report(data: ProgrammeReportData, target: Target) -> None:
    """Write the programme's monitoring report as a PDF to ``target``."""
    doc = new_document(
        target,
        title=f"گزارش پایش طرح توسعه‌ای «{data.title}»",
        letterhead=data.letterhead,
        official=Official(date=data.printed_on),
    )
    total = sum(i.amount_rial for i in data.items)
    allocated = sum(a.amount_rial for a in data.allocations)
    done = (
        sum(a.progress_percent for a in data.activities) / len(data.activities) if data.activities else None
    )
    story: list[Flowable] = [
        pair_table(
            [
                ("طرح", text_or_dash(data.title)),
                ("وضعیت", data.state),
                ("خوشه", text_or_dash(data.cluster_name)),
                ("استان", text_or_dash(data.province)),
                ("پیشنهاددهنده", f"{text_or_dash(data.proposer)} ({data.proposer_kind})"),
                ("تاریخ دریافت", fa_date(data.submitted_on)),
                ("اعتبار موردنیاز", rial(data.budget_rial)),
                ("پیشرفت میانگین", percent(done, 0)),
            ]
        ),
    ]
    story += section("شرح طرح", data.description)
    story.append(heading("بستهٔ حمایتی تخصصی (F10، F11)"))
    if data.package_notified_on:
        story.append(small(f"در {fa_date(data.package_notified_on)} تأیید و به دستگاه‌های مسئول ابلاغ شد."))
    story.append(
        data_table(
            ["ردیف", "قلم حمایتی", "دستگاه مسئول", "مبلغ (ریال)", "تخصیص‌یافته (ریال)"],
            [
                [
                    fa_int(n),
                    text_or_dash(i.title),
                    text_or_dash(i.agency),
                    fa_int(i.amount_rial),
                    fa_int(i.allocated_rial),
                ]
                for n, i in enumerate(data.items, 1)
            ]
            + ([["", "جمع", "", fa_int(total), fa_int(allocated)]] if data.items else []),
            ["7%", "35%", "26%", "16%", "16%"],
            col_align=["center", "right", "right", "center", "center"],
            empty_text="بستهٔ حمایتی هنوز تنظیم نشده است.",
        )
    )
    story.append(heading("تخصیص منابع (F12)"))
    story.append(
        data_table(
            ["تاریخ", "قلم حمایتی", "دستگاه", "مبلغ (ریال)", "نامه یا سند"],
            [
                [
                    fa_date(a.on),
                    text_or_dash(a.item),
                    text_or_dash(a.agency),
                    fa_int(a.amount_rial),
                    text_or_dash(a.reference),
                ]
                for a in data.allocations
            ],
            ["13%", "33%", "22%", "16%", "16%"],
            col_align=["center", "right", "right", "center", "center"],
            empty_text="تخصیصی ثبت نشده است.",
        )
    )
    story.append(heading("اجرا (F13)"))
    story.append(
        data_table(
            ["ردیف", "فعالیت", "مجری", "شروع", "پایان", "پیشرفت"],
            [
                [
                    fa_int(n),
                    text_or_dash(a.title),
                    text_or_dash(a.responsible),
                    fa_date(a.starts_on),
                    fa_date(a.ends_on),
                    percent(a.progress_percent, 0),
                ]
                for n, a in enumerate(data.activities, 1)
            ],
            ["7%", "33%", "24%", "12%", "12%", "12%"],
            col_align=["center", "right", "right", "center", "center", "center"],
            empty_text="فعالیتی ثبت نشده است.",
        )
    )
    story.append(heading("پایش: هدف در برابر عملکرد (F14)"))
    story.append(
        data_table(
            ["شاخص", "واحد", "پایه", "دوره", "هدف", "عملکرد", "فاصله", "تحقق", "بازخورد"],
            [
                [
                    text_or_dash(i.title),
                    text_or_dash(i.unit),
                    fa_int(i.baseline),
                    period_fa(i.period),
                    fa_int(i.target),
                    fa_int(i.actual),
                    _gap(i),
                    percent(100 * i.actual / i.target, 0) if i.actual is not None and i.target else "—",
                    text_or_dash(i.feedback),
                ]
                for i in data.indicators
            ],
            ["16%", "9%", "7%", "12%", "8%", "8%", "8%", "7%", "25%"],
            col_align=["right", "right", "center", "center", "center", "center", "center", "center", "right"],
            size=8.5,
            empty_text="شاخصی تعریف نشده است.",
        )
    )
    behind = [
        i for i in data.indicators if i.target is not None and i.actual is not None and i.actual < i.target
    ]
    if behind:
        story.append(
            para(
                f"{fa_int(len(behind))} مورد از مقادیر ثبت‌شده عقب‌تر از هدف است؛ بازخورد هر مورد در جدول آمده است."
            )
        )
    story.append(heading("سابقهٔ تصمیم‌ها و مراحل"))
    story.append(
        data_table(
            ["زمان", "مرحله", "فرایند", "وضعیت جدید", "صورتجلسه", "توضیح"],
            [
                [fa_date(s.at), s.step, s.f_code, s.state, text_or_dash(s.minutes), text_or_dash(s.comment)]
                for s in data.steps
            ],
            ["12%", "24%", "9%", "17%", "12%", "26%"],
            col_align=["center", "right", "center", "right", "center", "right"],
            size=8.5,
            empty_text="هنوز مرحله‌ای ثبت نشده است.",
        )
    )
    doc.build(story)
