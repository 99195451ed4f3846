"""The national map's figures (centre): for each of the 31 provinces its dossiers, approved, licensed,
mean score and support allocated, the shipped outlines (resources/reference/iran_provinces.geojson,
© OpenStreetMap contributors, ODbL) and the legend of a chosen measure, in Persian and English.

The screen's map and the printed national report read the same ``MapView``, so both colour and label
every province alike.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cluster_desktop.domain import geo
from cluster_desktop.domain.numbers import format_int, format_score, round_score
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.paths import resource
from cluster_desktop.store.models import (
    Allocation,
    Dossier,
    Programme,
    Province,
    SupportItem,
    SupportPackage,
)

from . import rankings
from .actor import Actor, require_office

S = DossierState
GEOJSON = ("reference", "iran_provinces.geojson")
# The notice ODbL asks for, on every map drawn from the file (SOURCES.md).
ODBL_NOTICE = "© OpenStreetMap contributors, ODbL"
APPROVED_STATES: tuple[str, ...] = (S.APPROVED.value, S.REGISTERED.value, S.LICENSED.value)
BILLION = 1_000_000_000


@dataclass(frozen=True)
class Measure:
    key: str
    title_fa: str
    title_en: str
    kind: str  # how its colours are classed: count | amount | score (domain/geo.ColourScale)


MEASURES: tuple[Measure, ...] = (
    Measure("dossiers", "پرونده‌ها", "Dossiers", "count"),
    Measure("approved", "تأییدشده در فهرست نهایی", "Approved (final list)", "count"),
    Measure("licensed", "دارای پروانه", "Licensed", "count"),
    Measure("mean_score", "میانگین امتیاز", "Mean score", "score"),
    Measure("allocated", "حمایت تخصیص‌یافته (میلیارد ریال)", "Support allocated (billion rials)", "amount"),
)
MEASURE_KEYS = tuple(m.key for m in MEASURES)


def measure(key: str) -> Measure:
    for m in MEASURES:
        if m.key == key:
            return m
    raise KeyError(key)


@dataclass(frozen=True)
class ProvinceFigures:
    code: str
    name_fa: str
    name_en: str
    dossiers: int
    approved: int  # reached the final list (approved, registered or licensed)
    licensed: int
    mean_score: float | None  # of its ranked dossiers (services/rankings), one decimal
    scored: int
    allocated_rial: int  # allocations recorded for its programmes' support packages (F12)

    def value(self, key: str) -> float | None:
        """The figure the map colours by; support in billions of rials (money stays integer Rials)."""
        if key == "allocated":
            return self.allocated_rial / BILLION
        return float(getattr(self, key)) if getattr(self, key) is not None else None


def province_figures(session: Session, actor: Actor) -> list[ProvinceFigures]:
    """The 31 provinces by code, zeros included."""
    require_office(actor, OfficeKind.CENTRAL, what_fa="نقشهٔ کشوری", what_en="show the national map")
    counts: dict[str, dict[str, int]] = defaultdict(dict)
    for code, state, n in session.execute(
        select(Dossier.province_code, Dossier.state, func.count()).group_by(
            Dossier.province_code, Dossier.state
        )
    ):
        counts[code][state] = int(n)
    scores: dict[str, list[float]] = defaultdict(list)
    query = select(Dossier.province_code, rankings.level_score("central")).where(
        rankings.takes_part("central") == 1
    )
    for code, score in session.execute(query):
        shown = round_score(score)
        if shown is not None:
            scores[code].append(shown)
    allocated = dict(
        session.execute(
            select(Programme.province_code, func.sum(Allocation.amount_rial))
            .join(SupportPackage, SupportPackage.programme_id == Programme.id)
            .join(SupportItem, SupportItem.package_id == SupportPackage.id)
            .join(Allocation, Allocation.item_id == SupportItem.id)
            .group_by(Programme.province_code)
        ).all()
    )
    out = []
    for p in session.scalars(select(Province).order_by(Province.code)):
        by_state = counts.get(p.code, {})
        own = scores.get(p.code, [])
        out.append(
            ProvinceFigures(
                code=p.code,
                name_fa=p.name_fa,
                name_en=p.name_en,
                dossiers=sum(by_state.values()),
                approved=sum(by_state.get(s, 0) for s in APPROVED_STATES),
                licensed=by_state.get(S.LICENSED.value, 0),
                mean_score=round_score(sum(own) / len(own)) if own else None,
                scored=len(own),
                allocated_rial=int(allocated.get(p.code) or 0),
            )
        )
    return out


@cache
def geometry() -> geo.MapGeometry:
    """The shipped outlines, projected once per process."""
    with resource(*GEOJSON).open(encoding="utf-8") as f:
        return geo.map_geometry(json.load(f))


# ---------------------------------------------------------------- text of figures and legends

_FA_DECIMAL = str.maketrans("0123456789.", "۰۱۲۳۴۵۶۷۸۹٫")


def format_value(key: str, value: float | None, *, persian: bool = True) -> str:
    """A measure's figure as the map, its tooltip and its legend write it."""
    if value is None:
        return "—"
    kind = measure(key).kind
    if kind == "score":
        return format_score(value) if persian else f"{value:.1f}"
    if kind == "amount":  # billions of rials, to one decimal where it has one
        text = f"{value:,.1f}".removesuffix(".0")
        return text.replace(",", "٬").translate(_FA_DECIMAL) if persian else text
    return format_int(round(value), persian=persian)


@dataclass(frozen=True)
class LegendEntry:
    colour: str
    text_fa: str
    text_en: str


def legend(key: str, scale: geo.ColourScale) -> list[LegendEntry]:
    """The legend of ``scale`` for measure ``key``, lightest first, with «none» or «not scored»."""
    out: list[LegendEntry] = []
    if scale.zero_class:
        out.append(LegendEntry(geo.ZERO_COLOUR, "۰ (هیچ)", "0 (none)"))

    def both(v: float) -> tuple[str, str]:
        if scale.kind == "score" and v == int(v):  # class bounds are whole scores: «۶۰ تا ۶۵»
            return format_int(int(v)), str(int(v))
        return format_value(key, v), format_value(key, v, persian=False)

    for c in scale.classes:
        (lo_fa, lo_en), (hi_fa, hi_en) = both(c.low), both(c.high)
        if scale.kind == "count" and c.low == c.high:
            fa, en = lo_fa, lo_en
        elif scale.kind == "amount":
            fa, en = f"بیش از {lo_fa} تا {hi_fa}", f"over {lo_en} up to {hi_en}"
        else:
            fa, en = f"{lo_fa} تا {hi_fa}", f"{lo_en}–{hi_en}"
        out.append(LegendEntry(c.colour, fa, en))
    if scale.kind == "score":
        out.append(LegendEntry(geo.NO_DATA_COLOUR, "بدون امتیاز", "not scored"))
    return out


@dataclass(frozen=True)
class MapView:
    """What a drawn map needs: the outlines, each province's colour and figure, the legend."""

    measure: Measure
    geometry: geo.MapGeometry
    figures: dict[str, ProvinceFigures]
    colours: dict[str, str]
    labels_fa: dict[str, str]
    labels_en: dict[str, str]
    legend: list[LegendEntry]
    attribution: str


def map_view(figures: list[ProvinceFigures], key: str) -> MapView:
    """Colour the provinces by measure ``key`` (one of ``MEASURE_KEYS``)."""
    m = measure(key)
    shapes = geometry()
    values = {f.code: f.value(key) for f in figures}
    scale = geo.colour_scale(values.values(), kind=m.kind)
    return MapView(
        measure=m,
        geometry=shapes,
        figures={f.code: f for f in figures},
        colours={code: scale.colour(v) for code, v in values.items()},
        labels_fa={code: format_value(key, v) for code, v in values.items()},
        labels_en={code: format_value(key, v, persian=False) for code, v in values.items()},
        legend=legend(key, scale),
        attribution=attribution(shapes.attribution),
    )


def attribution(shipped: str) -> str:
    """The file's own attribution when it gives ODbL's notice, else the notice before it."""
    if "OpenStreetMap contributors" in shipped and "ODbL" in shipped:
        return shipped
    return f"{ODBL_NOTICE}. {shipped}".strip(". ") if shipped else ODBL_NOTICE


def figure_lines(f: ProvinceFigures, *, persian: bool = True) -> list[str]:
    """A province's figures as the map's tooltip lists them (plain text, one a line)."""
    lines = [f.name_fa if persian else f.name_en]
    for m in MEASURES:
        lines.append(
            f"{m.title_fa if persian else m.title_en}: {format_value(m.key, f.value(m.key), persian=persian)}"
        )
    return lines
