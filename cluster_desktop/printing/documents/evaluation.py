"""Evaluation sheets (F3-4 / F6-1): one member's sheet, and the working group's consolidated sheet.

The consolidated sheet shows the current evaluation round, then each earlier round of the dossier at
that level (a plan returned for revision is scored again): its criteria-set version, when it opened,
the decision that closed it, who scored what and when."""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from reportlab.lib import colors
from reportlab.platypus import Flowable, PageBreak, Table, TableStyle

from cluster_desktop.domain.numbers import format_score
from cluster_desktop.printing.document import field_table, spacer
from cluster_desktop.printing.fonts import FONT_REGULAR
from cluster_desktop.printing.layout import Align, RTLParagraph, rtl_style

from .common import (
    DASH,
    Letterhead,
    Official,
    Signatory,
    Target,
    data_table,
    fa_date,
    fa_decimal,
    fa_int,
    heading,
    keep,
    new_document,
    numerals,
    pair_table,
    percent,
    section,
    signatures,
    small,
    text_or_dash,
)

SHEET_TITLE = "برگهٔ ارزیابی طرح توجیهی خوشه"
SUMMARY_TITLE = "جمع‌بندی ارزیابی طرح توجیهی خوشه"
FLAG_FILL = colors.HexColor("#f6dcdc")

_CENTER: list[Align] = ["center"]


@dataclass(frozen=True)
class CriterionLine:
    code: str
    title: str
    weight: float
    rubric: Mapping[int, str] = field(default_factory=dict)  # score level → meaning


@dataclass(frozen=True)
class DossierHeading:
    """Which dossier, at which level, against which criteria set."""

    cluster_name: str
    province: str
    county: str
    level_title: str  # e.g. «کارگروه توسعه صادرات استان …»
    criteria_set_title: str
    state_title: str = ""
    round_title: str = ""  # e.g. «۲ (جاری)، آغاز ۱۴۰۵/۰۲/۱۰»


@dataclass(frozen=True)
class SheetData:
    letterhead: Letterhead
    dossier: DossierHeading
    member_name: str
    member_organization: str
    member_seat: str
    criteria: Sequence[CriterionLine]
    scores: Mapping[str, int]
    comments: Mapping[str, str] = field(default_factory=dict)
    comment: str = ""
    submitted_at: dt.datetime | None = None
    sheet_score: float | None = None  # 0–100 when every criterion is scored


@dataclass(frozen=True)
class MemberColumn:
    key: str
    name: str
    submitted_at: dt.datetime | None = None


@dataclass(frozen=True)
class RoundScores:
    """One earlier evaluation round: who scored what, against which criteria-set version."""

    number: int
    criteria_set_title: str
    opened_at: dt.datetime | None
    decision_note: str
    criteria: Sequence[CriterionLine]
    members: Sequence[MemberColumn]
    scores: Mapping[str, Mapping[str, int]]
    means: Mapping[str, float]
    spread: Mapping[str, int]
    flagged: frozenset[str]
    member_totals: Mapping[str, float]
    total: float | None


@dataclass(frozen=True)
class SummaryData:
    letterhead: Letterhead
    dossier: DossierHeading
    criteria: Sequence[CriterionLine]
    members: Sequence[MemberColumn]
    scores: Mapping[str, Mapping[str, int]]  # member key → criterion code → score
    means: Mapping[str, float]
    spread: Mapping[str, int]
    flagged: frozenset[str]
    member_totals: Mapping[str, float]
    total: float | None
    threshold: float
    disagreement_spread: int = 3
    meeting_note: str = ""  # e.g. the decision and minutes number, when decided
    signatories: Sequence[Signatory] = ()
    earlier_rounds: Sequence[RoundScores] = ()  # newest first


def weight_shares(criteria: Sequence[CriterionLine]) -> dict[str, float]:
    """Each criterion's weight as a percentage of the set's total (weights may use any scale)."""
    total = math.fsum(c.weight for c in criteria) or 1.0
    return {c.code: c.weight / total * 100 for c in criteria}


def _heading_pairs(h: DossierHeading) -> list[tuple[str, str]]:
    pairs = [
        ("نام خوشه", text_or_dash(h.cluster_name)),
        ("استان / شهرستان", f"{text_or_dash(h.province)} / {text_or_dash(h.county)}"),
        ("مرجع ارزیابی", text_or_dash(h.level_title)),
        ("مجموعه معیارها", text_or_dash(h.criteria_set_title)),
    ]
    if h.round_title:
        pairs += [("دور ارزیابی", h.round_title), ("وضعیت پرونده", text_or_dash(h.state_title))]
    return pairs


def _sheet_flowables(data: SheetData) -> list[Flowable]:
    shares = weight_shares(data.criteria)
    rows = []
    for i, c in enumerate(data.criteria, 1):
        score = data.scores.get(c.code)
        meaning = c.rubric.get(score, "") if score is not None else ""
        rows.append(
            [
                fa_int(i),
                numerals(c.title),
                percent(shares[c.code]),
                fa_int(score) if score is not None else DASH,
                text_or_dash(meaning),
                text_or_dash(data.comments.get(c.code, "")),
            ]
        )
    status = (
        f"ارسال‌شده در {fa_date(data.submitted_at)}" if data.submitted_at else "پیش‌نویس (هنوز ارسال نشده است)"
    )
    out: list[Flowable] = [
        pair_table(
            [
                *_heading_pairs(data.dossier),
                ("ارزیاب", text_or_dash(data.member_name)),
                ("دستگاه / سمت", f"{text_or_dash(data.member_organization)} / {data.member_seat}"),
                ("وضعیت برگه", status),
                ("امتیاز وزنی برگه (از ۱۰۰)", format_score(data.sheet_score)),
            ]
        ),
        heading("امتیازها (۰ تا ۵)"),
        data_table(
            ["ردیف", "معیار", "وزن", "امتیاز", "معنای امتیاز", "توضیح ارزیاب"],
            rows,
            ["7%", "28%", "7%", "7%", "36%", "15%"],
            col_align=["center", "right", "center", "center", "right", "right"],
            size=8.5,
        ),
    ]
    closing: list[Flowable] = []
    if data.comment.strip():
        closing += section("نظر کلی ارزیاب", data.comment)
    closing.append(signatures([Signatory("امضای ارزیاب", data.member_name)], per_row=1, room_mm=10))
    out.append(keep(*closing))
    return out


def build_sheets(sheets: Sequence[SheetData], target: Target) -> None:
    """Write one or more members' sheets (each starting on a new page) as one PDF."""
    if not sheets:
        raise ValueError("no sheet to print")
    first = sheets[0]
    doc = new_document(
        target,
        title=f"{SHEET_TITLE} «{first.dossier.cluster_name}»",
        letterhead=first.letterhead,
        official=Official(date=first.submitted_at.date() if first.submitted_at else None),
    )
    story: list[Flowable] = []
    for i, sheet in enumerate(sheets):
        if i:
            story.append(PageBreak())
        story += _sheet_flowables(sheet)
    doc.build(story)


def build_summary(data: SummaryData, target: Target) -> None:
    """Write the consolidated sheet: every member's score per criterion, mean, spread, total, verdict."""
    doc = new_document(
        target,
        title=f"{SUMMARY_TITLE} «{data.dossier.cluster_name}»",
        letterhead=data.letterhead,
        official=Official(),
        landscape=True,
    )
    story: list[Flowable] = [
        pair_table(_heading_pairs(data.dossier)),
        heading("امتیاز اعضا به تفکیک معیار (۰ تا ۵)"),
        _scores_table(data),
        small(
            f"اختلاف: بیشترین منهای کمترین امتیاز اعضا در هر معیار؛ اختلاف {fa_int(data.disagreement_spread)} "
            "امتیاز یا بیشتر (ردیف‌های رنگی) برای بحث در جلسه علامت خورده است. امتیاز وزنی: میانگین وزنی "
            "امتیازها ضرب در ۲۰.",
        ),
        spacer(1),
    ]
    passes = data.total is not None and data.total >= data.threshold - 1e-9
    verdict = (
        "بدون برگهٔ ارسال‌شده؛ امتیازی محاسبه نشده است."
        if data.total is None
        else "دارای پتانسیل صادراتی (امتیاز برابر یا بیشتر از حد نصاب)"
        if passes
        else "کمتر از حد نصاب"
    )
    result = field_table(
        [
            ("امتیاز کل (از ۱۰۰)", format_score(data.total)),
            ("نتیجه", f"{verdict}؛ حد نصاب {fa_decimal(data.threshold)}"),
            *([("تصمیم کارگروه", text_or_dash(data.meeting_note))] if data.meeting_note.strip() else []),
        ],
        label_width="24%",
    )
    # The result on the right and the signatures beside it: below a full table a landscape page has
    # no room left for them one under the other, and a page holding only signatures is no record.
    closing = Table(
        [[signatures(data.signatories, per_row=2, room_mm=12), result]],
        colWidths=["40%", "60%"],
        style=TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("FONT", (0, 0), (-1, -1), FONT_REGULAR, 9),
            ]
        ),
    )
    story.append(closing)
    if data.earlier_rounds:
        story += [PageBreak(), heading("دورهای پیشین ارزیابی این پرونده")]
        story.append(
            small(
                "پس از برگشت پرونده برای اصلاح، طرح اصلاح‌شده در دور تازه‌ای از نو ارزیابی می‌شود؛ برگه‌های "
                "دورهای پیشین همان‌گونه که ارسال شدند نگه داشته می‌شوند و در امتیاز دور جاری به حساب نمی‌آیند."
            )
        )
        for r in data.earlier_rounds:
            story.append(_earlier_round(r))
    doc.build(story)


def _earlier_round(r: RoundScores) -> Flowable:
    """One earlier round: its facts, then who scored what (kept on one page)."""
    who = "، ".join(f"{text_or_dash(m.name)} ({fa_date(m.submitted_at)})" for m in r.members)
    return keep(
        spacer(2),
        heading(f"دور {fa_int(r.number)} ارزیابی"),
        pair_table(
            [
                ("مجموعه معیارها", text_or_dash(r.criteria_set_title)),
                ("آغاز دور", fa_date(r.opened_at)),
                ("تصمیم کارگروه", text_or_dash(r.decision_note)),
                ("امتیاز کل (از ۱۰۰)", format_score(r.total)),
            ]
        ),
        small(f"ارزیابان و تاریخ ارسال برگه: {who}")
        if who
        else small("در این دور برگهٔ ارزیابی‌ای ارسال نشد."),
        *([_scores_table(r)] if r.members else []),
    )


def _scores_table(data: SummaryData | RoundScores) -> Flowable:
    """Every member's score per criterion with mean, spread (flagged rows tinted) and weighted totals."""
    shares = weight_shares(data.criteria)
    members = list(data.members)
    head = ["ردیف", "معیار", "وزن", *[text_or_dash(m.name) for m in members], "میانگین", "اختلاف"]
    rows: list[list[object]] = []
    flagged_rows: list[int] = []
    for i, c in enumerate(data.criteria, 1):
        spread = data.spread.get(c.code)
        flagged = c.code in data.flagged
        if flagged:
            flagged_rows.append(i)  # table row i (row 0 is the header)
        rows.append(
            [
                fa_int(i),
                numerals(c.title),
                percent(shares[c.code]),
                *[
                    fa_int(data.scores.get(m.key, {}).get(c.code))
                    if c.code in data.scores.get(m.key, {})
                    else DASH
                    for m in members
                ],
                fa_decimal(data.means.get(c.code), 2),
                (f"{fa_int(spread)} — بحث" if flagged else fa_int(spread)) if spread is not None else DASH,
            ]
        )
    bold = rtl_style("total-cell", size=8.5, bold=True)
    rows.append(
        [
            "",
            RTLParagraph("امتیاز وزنی (از ۱۰۰)", bold),
            "",
            *[format_score(data.member_totals.get(m.key)) for m in members],
            RTLParagraph(format_score(data.total), bold, align="center"),
            "",
        ]
    )
    # Columns: fixed ones in millimetre shares of the landscape frame, members share the rest.
    n = max(len(members), 1)
    member_share = min(9.0, 44.0 / n)
    crit_share = 100 - 5 - 7 - 9 - 9 - member_share * len(members)
    widths = ["5%", f"{crit_share:g}%", "7%", *[f"{member_share:g}%"] * len(members), "9%", "9%"]
    ncols = len(head)
    # table_style addresses VISUAL columns (0 = leftmost); the criterion column is logical 1.
    style: list[tuple[object, ...]] = [
        ("BACKGROUND", (0, r), (ncols - 1, r), FLAG_FILL) for r in flagged_rows
    ]
    style.append(("BACKGROUND", (0, len(rows)), (ncols - 1, len(rows)), colors.HexColor("#eeeeee")))
    return data_table(
        head,
        rows,
        widths,
        col_align=["center", "right", "center", *(_CENTER * len(members)), "center", "center"],
        size=8.5,
        # Tight rows: the table, the result and the signatures then share one landscape page.
        table_style=[
            *style,
            ("TOPPADDING", (0, 0), (-1, -1), 1.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ],
        empty_text="هنوز هیچ برگهٔ ارزیابی ارسال نشده است.",
    )
