"""The ranking report: dossiers by score, national or for one province (F3-1 / F6 lists)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from reportlab.platypus import Flowable, PageBreak

from cluster_desktop.domain.numbers import format_score
from cluster_desktop.printing.document import field_table, spacer
from cluster_desktop.printing.layout import Align

from .common import (
    DASH,
    Letterhead,
    Official,
    Target,
    data_table,
    fa_decimal,
    fa_int,
    heading,
    new_document,
    small,
    text_or_dash,
)
from .province_map import MapPage, ProvinceMapFlowable


@dataclass(frozen=True)
class RankRow:
    rank: int | None
    cluster: str
    province: str
    county: str
    state: str
    score: float | None


@dataclass(frozen=True)
class RankingData:
    letterhead: Letterhead
    scope: str  # «کشوری» or the province's name
    level_title: str  # which score ranks: provincial or central
    rows: Sequence[RankRow]
    threshold: float
    generated_on: dt.date | None = None
    map_page: MapPage | None = None  # the national report's map of the provinces (issue 16)


def build_ranking(data: RankingData, target: Target) -> None:
    """Write the ranking report (any number of rows) as a PDF to ``target``."""
    national = data.scope == "کشوری"
    title = "گزارش رتبه‌بندی کشوری خوشه‌ها" if national else f"گزارش رتبه‌بندی خوشه‌های استان {data.scope}"
    doc = new_document(
        target,
        title=title,
        letterhead=data.letterhead,
        official=Official(date=data.generated_on),
    )
    scored = [r for r in data.rows if r.score is not None]
    passing = sum(1 for r in scored if r.score is not None and r.score >= data.threshold - 1e-9)
    story: list[Flowable] = [
        field_table(
            [
                ("دامنه", "همهٔ استان‌ها" if national else f"استان {data.scope}"),
                ("امتیاز مبنا", text_or_dash(data.level_title)),
                ("تعداد پرونده‌ها", fa_int(len(data.rows))),
                ("پرونده‌های دارای امتیاز", fa_int(len(scored))),
                ("هم‌تراز یا بالاتر از حد نصاب", fa_int(passing)),
                ("حد نصاب", fa_decimal(data.threshold)),
            ]
        ),
        spacer(2),
    ]
    headers = ["رتبه", "خوشه", "استان", "شهرستان", "وضعیت", "امتیاز"]
    widths = ["6%", "30%", "16%", "13%", "24%", "11%"]
    align: list[Align] = ["center", "right", "right", "right", "right", "center"]
    rows = [
        [
            fa_int(r.rank) if r.rank is not None else DASH,
            text_or_dash(r.cluster),
            text_or_dash(r.province),
            text_or_dash(r.county),
            text_or_dash(r.state),
            format_score(r.score),
        ]
        for r in data.rows
    ]
    # One table: its header row repeats on every page (measured: splitting it is no faster).
    story.append(
        data_table(
            headers, rows, widths, col_align=align, size=8.5, empty_text="پرونده‌ای برای رتبه‌بندی نیست."
        )
    )
    story.append(
        small("پرونده‌های بدون امتیاز در پایان فهرست و بدون رتبه آمده‌اند؛ امتیازهای برابر رتبهٔ برابر دارند.")
    )
    if data.map_page is not None:
        story += [PageBreak(), heading(data.map_page.title), ProvinceMapFlowable(data.map_page)]
    doc.build(story)
