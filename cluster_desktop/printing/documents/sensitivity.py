"""The sensitivity annex of the ranking report: one page saying which places hinge on the weights.

The page holds the study's terms, the criteria by influence, and as many dossiers as fit: those that
can reach the top K under the weights studied, in rank order (the screen and ``ranking sensitivity
--json`` list every dossier). The rows are measured before the page is built, so it stays one page.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable

from cluster_desktop.domain.numbers import format_score, to_persian_digits
from cluster_desktop.printing.document import spacer
from cluster_desktop.printing.layout import Align

from .common import (
    Letterhead,
    Official,
    data_table,
    fa_decimal,
    fa_int,
    new_document,
    pair_table,
    percent,
    small,
    text_or_dash,
)

_HUGE = 1e6


@dataclass(frozen=True)
class AnnexCriterion:
    title: str
    share: float  # percent
    low: float
    high: float
    raised: float  # mean |rank change| with +N points
    lowered: float
    moved: int


@dataclass(frozen=True)
class AnnexRow:
    rank: int
    cluster: str
    province: str
    score: float
    min_rank: int
    max_rank: int
    best_bound: int
    worst_bound: int
    top_probability: float
    pass_probability: float
    marked: bool = False  # re-weighted from an earlier criteria set, or held at its recorded score


@dataclass(frozen=True)
class AnnexData:
    letterhead: Letterhead
    scope: str  # «کشوری» or the province's name
    criteria_set: str
    spread: float
    top: int
    draws: int
    seed: int
    threshold: float
    vertices: int
    criteria: Sequence[AnnexCriterion]
    rows: Sequence[AnnexRow]  # every ranked dossier, in rank order
    exact: int  # rows whose attained range meets its guaranteed one
    marked_note: str = ""  # what a marked row means, when there is one
    generated_on: dt.date | None = None


def rank_range(low: int, high: int) -> str:
    return fa_int(low) if low == high else f"{fa_int(low)} تا {fa_int(high)}"


def _terms(data: AnnexData) -> Flowable:
    national = data.scope == "کشوری"
    exact = f"{fa_int(data.exact)} پرونده (دیده‌شده برابر تضمینی)"
    return pair_table(
        [
            ("دامنه", "همهٔ استان‌ها" if national else f"استان {data.scope}"),
            ("معیارها", text_or_dash(data.criteria_set)),
            ("تغییر وزن‌ها", f"هر وزن تا {fa_decimal(data.spread)} واحد درصد کم یا زیاد، سپس بازمقیاس به ۱۰۰"),
            (
                "نمونه‌ها",
                f"{fa_int(data.vertices)} گوشه و {fa_int(data.draws)} نمونهٔ تصادفی؛ بذر {to_persian_digits(data.seed)}",
            ),
            ("رتبه‌های برتر", f"{fa_int(data.top)} رتبهٔ نخست؛ حد نصاب {fa_decimal(data.threshold)}"),
            ("پرونده‌ها", f"{fa_int(len(data.rows))} رتبه‌دار؛ دامنهٔ دقیق: {exact}"),
        ],
        label_width=13,
    )


# Compact rows: the page is one page, and the rows are what it is about.
_TIGHT = [("TOPPADDING", (0, 0), (-1, -1), 0.5), ("BOTTOMPADDING", (0, 0), (-1, -1), 0.5)]


def _criteria_table(data: AnnexData) -> Flowable:
    n = fa_decimal(data.spread)
    headers = [
        "معیار (به ترتیب اثر بر رتبه‌ها)",
        "وزن (دامنه)",
        f"جابه‌جایی با افزایش {n} واحد",
        f"با کاهش {n} واحد",
        "پرونده‌های جابه‌جا",
    ]
    rows = [
        [
            text_or_dash(c.title),
            f"{percent(c.share)} ({fa_decimal(c.low)} تا {fa_decimal(c.high)})",
            fa_decimal(c.raised, 2),
            fa_decimal(c.lowered, 2),
            fa_int(c.moved),
        ]
        for c in data.criteria
    ]
    align: list[Align] = ["right", "center", "center", "center", "center"]
    widths = ["52%", "16%", "11%", "10%", "11%"]
    return data_table(headers, rows, widths, col_align=align, size=7, table_style=_TIGHT)


def _dossier_table(data: AnnexData, rows: Sequence[AnnexRow]) -> Flowable:
    national = data.scope == "کشوری"
    k = fa_int(data.top)
    headers = [
        "رتبه",
        "خوشه",
        "استان",
        "امتیاز",
        "دامنهٔ دیده‌شده",
        "دامنهٔ تضمینی",
        f"در {k} رتبهٔ نخست",
        "بالای حد نصاب",
    ]
    widths = ["6%", "29%", "14%", "7%", "11%", "11%", "11%", "11%"]
    align: list[Align] = ["center", "right", "right", "center", "center", "center", "center", "center"]
    if not national:
        del headers[2], widths[2], align[2]
        widths[1] = "43%"
    body = []
    for r in rows:
        cells = [
            fa_int(r.rank),
            text_or_dash(r.cluster) + (" *" if r.marked else ""),
            text_or_dash(r.province),
            format_score(r.score),
            rank_range(r.min_rank, r.max_rank),
            rank_range(r.best_bound, r.worst_bound),
            percent(r.top_probability * 100),
            percent(r.pass_probability * 100),
        ]
        if not national:
            del cells[2]
        body.append(cells)
    return data_table(
        headers,
        body,
        widths,
        col_align=align,
        size=7,
        table_style=_TIGHT,
        empty_text="پرونده‌ای رتبه‌دار نیست.",
    )


def shown_rows(data: AnnexData) -> list[AnnexRow]:
    """The dossiers the page is about: the top K and every one that can reach it, in rank order."""
    return [r for r in data.rows if r.rank <= data.top or r.min_rank <= data.top]


def build_sensitivity_annex(data: AnnexData, target: object) -> int:
    """Write the one-page annex to ``target``; returns how many dossiers it lists."""
    national = data.scope == "کشوری"
    where = "کشوری" if national else f"استان {data.scope}"
    doc = new_document(
        target,
        title=f"پیوست گزارش رتبه‌بندی {where}: حساسیت رتبه‌ها به وزن معیارها",
        letterhead=data.letterhead,
        official=Official(date=data.generated_on),
    )
    head: list[Flowable] = [_terms(data), spacer(1.5), _criteria_table(data), spacer(1.5)]
    candidates = shown_rows(data)

    def notes(listed: int) -> list[Flowable]:
        out = [
            small(
                "دامنهٔ دیده‌شده: بهترین و بدترین رتبه‌ای که در وزن‌های جاری، گوشه‌های دامنه و نمونه‌های تصادفی "
                "رخ داد. دامنهٔ تضمینی: هیچ وزنی در این دامنه رتبه را از آن بیرون نمی‌برد (آزمون دقیق دوبه‌دو). "
                "جابه‌جایی: میانگین تغییر رتبهٔ پرونده‌ها وقتی فقط وزن همان معیار تغییر کند."
            )
        ]
        rest = len(data.rows) - listed
        if rest > 0:
            out.append(
                small(
                    f"{fa_int(rest)} پروندهٔ دیگر در این صفحه نیامده است (با این وزن‌ها به {fa_int(data.top)} رتبهٔ "
                    "نخست نمی‌رسند، یا جا نبود)؛ فهرست کامل در نمای «حساسیت رتبه‌بندی» برنامه است."
                )
            )
        if data.marked_note and any(r.marked for r in candidates[:listed]):
            out.append(small(f"* {data.marked_note}"))
        return out

    room = doc.frame_height - _height(head, doc.frame_width) - 6  # a little slack for rounding

    def fits(count: int) -> bool:
        block = [_dossier_table(data, candidates[:count]), *notes(count)]
        return _height(block, doc.frame_width) <= room

    low, high = 0, len(candidates)  # the most rows that fit: fits(low) holds
    if not fits(high):
        while high - low > 1:
            mid = (low + high) // 2
            low, high = (mid, high) if fits(mid) else (low, mid)
        high = low
    doc.build([*head, _dossier_table(data, candidates[:high]), *notes(high)])
    return high


def _height(flowables: Sequence[Flowable], width: float) -> float:
    total = 0.0
    for f in flowables:
        _, h = f.wrap(width, _HUGE)
        total += h + f.getSpaceBefore() + f.getSpaceAfter()
    return total
