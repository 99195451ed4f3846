"""The national map's geometry and colours, pure: province outlines from GeoJSON projected for Iran,
where each province's label goes, and the colour classes of a measure with their legend.

The screen (gui/province_map) and the printed national report (printing/documents/province_map) draw
from the same projected shapes and the same colour scale, so paper and screen colour a province alike.

Projection: Lambert conformal conic, standard parallels 30°N and 36°N, central meridian 54°E, origin
32.5°N — conformal, so provinces keep their shapes across Iran's 25°–40°N (an equirectangular plot
would stretch the north-west). Coordinates come out in units of the sphere's radius, y pointing
north; screens flip y.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

Point = tuple[float, float]
Ring = tuple[Point, ...]
Polygon = tuple[Ring, ...]  # the outer ring, then its holes

_PHI1, _PHI2, _PHI0, _LAMBDA0 = (math.radians(v) for v in (30.0, 36.0, 32.5, 54.0))


def _t(phi: float) -> float:
    return math.tan(math.pi / 4 + phi / 2)


_N = math.log(math.cos(_PHI1) / math.cos(_PHI2)) / math.log(_t(_PHI2) / _t(_PHI1))
_F = math.cos(_PHI1) * _t(_PHI1) ** _N / _N
_RHO0 = _F / _t(_PHI0) ** _N


def project(lon: float, lat: float) -> Point:
    """(x, y) of a longitude/latitude in degrees (Lambert conformal conic, see the module's note)."""
    rho = _F / _t(math.radians(lat)) ** _N
    theta = _N * (math.radians(lon) - _LAMBDA0)
    return rho * math.sin(theta), _RHO0 - rho * math.cos(theta)


@dataclass(frozen=True)
class ProvinceShape:
    code: str  # ISO 3166-2:IR, current scheme (IR-00 … IR-30)
    name_fa: str
    name_en: str
    polygons: tuple[Polygon, ...]  # projected

    @property
    def label_point(self) -> Point:
        """Where the province's figure is written: the centroid of its largest part."""
        outer = max((p[0] for p in self.polygons), key=lambda r: abs(ring_area(r)))
        return ring_centroid(outer)


@dataclass(frozen=True)
class MapGeometry:
    shapes: tuple[ProvinceShape, ...]
    bounds: tuple[float, float, float, float]  # min x, min y, max x, max y
    attribution: str


def ring_area(ring: Sequence[Point]) -> float:
    """Signed area (shoelace)."""
    return 0.5 * sum(x0 * y1 - x1 * y0 for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True))


def ring_centroid(ring: Sequence[Point]) -> Point:
    area = ring_area(ring)
    if abs(area) < 1e-15:
        xs, ys = zip(*ring, strict=True)
        return sum(xs) / len(xs), sum(ys) / len(ys)
    cx = cy = 0.0
    for (x0, y0), (x1, y1) in zip(ring, [*ring[1:], ring[0]], strict=True):
        cross = x0 * y1 - x1 * y0
        cx += (x0 + x1) * cross
        cy += (y0 + y1) * cross
    return cx / (6 * area), cy / (6 * area)


def _polygons(geometry: Mapping[str, Any]) -> list[list[list[list[float]]]]:
    kind = geometry.get("type")
    if kind == "Polygon":
        return [geometry["coordinates"]]
    if kind == "MultiPolygon":
        return list(geometry["coordinates"])
    raise ValueError(f"unsupported geometry type: {kind!r}")


def map_geometry(geojson: Mapping[str, Any]) -> MapGeometry:
    """The provinces of a GeoJSON FeatureCollection (properties ``iso_code``, ``name_fa``, ``name_en``),
    projected, in the file's order, with the collection's ``attribution``."""
    shapes = []
    xs: list[float] = []
    ys: list[float] = []
    for feature in geojson["features"]:
        props = feature["properties"]
        polygons = []
        for polygon in _polygons(feature["geometry"]):
            rings = tuple(tuple(project(float(lon), float(lat)) for lon, lat, *_ in ring) for ring in polygon)
            polygons.append(rings)
            for x, y in rings[0]:
                xs.append(x)
                ys.append(y)
        shapes.append(ProvinceShape(props["iso_code"], props["name_fa"], props["name_en"], tuple(polygons)))
    return MapGeometry(
        tuple(shapes), (min(xs), min(ys), max(xs), max(ys)), str(geojson.get("attribution", ""))
    )


# ---------------------------------------------------------------- colour classes

# ColorBrewer's sequential "YlGnBu" in five steps: light for few, dark for many, legible in grey print.
PALETTE: tuple[str, ...] = ("#ffffcc", "#a1dab4", "#41b6c4", "#2c7fb8", "#253494")
ZERO_COLOUR = "#f2f2f2"  # a count of nothing: lighter than every class
NO_DATA_COLOUR = "#d4d4d4"  # no figure at all (a mean score with nothing scored)


@dataclass(frozen=True)
class ColourClass:
    low: float
    high: float  # inclusive
    colour: str


@dataclass(frozen=True)
class ColourScale:
    """Equal-width classes with round bounds. ``kind``: ``count`` (whole classes from 1), ``amount``
    (classes above 0, «more than low, up to high») or ``score`` (between the rounded lowest and highest
    score). A count or amount of zero and a missing figure each have a colour of their own."""

    classes: tuple[ColourClass, ...]
    kind: str

    @property
    def zero_class(self) -> bool:
        return self.kind != "score"

    def colour(self, value: float | None) -> str:
        if value is None:
            return NO_DATA_COLOUR
        if self.zero_class and value <= 0:
            return ZERO_COLOUR
        for c in self.classes:
            if value <= c.high + 1e-9:
                return c.colour
        return self.classes[-1].colour if self.classes else NO_DATA_COLOUR


def nice_step(raw: float) -> float:
    """The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above ``raw`` (> 0)."""
    exponent = math.floor(math.log10(raw))
    for m in (1.0, 2.0, 2.5, 5.0):
        step = m * 10.0**exponent
        if step >= raw * (1 - 1e-12):
            return step
    return 10.0 ** (exponent + 1)


def colour_scale(values: Iterable[float | None], *, kind: str, classes: int = 5) -> ColourScale:
    """At most ``classes`` equal classes for ``values`` (see ``ColourScale`` for ``kind``)."""
    present = [v for v in values if v is not None]
    if kind == "count":
        return ColourScale(_painted(_count_classes(present, classes)), kind)
    if kind == "amount":
        return ColourScale(_painted(_amount_classes(present, classes)), kind)
    return ColourScale(_painted(_score_classes(present, classes)), kind)


def _count_classes(present: list[float], classes: int) -> list[ColourClass]:
    top = math.ceil(max(present, default=0))
    if top <= 0:
        return []
    step = math.ceil(nice_step(top / classes))
    return [ColourClass(1 + i * step, (i + 1) * step, "") for i in range(math.ceil(top / step))]


def _amount_classes(present: list[float], classes: int) -> list[ColourClass]:
    top = max(present, default=0.0)
    if top <= 0:
        return []
    step = nice_step(top / classes)
    count = math.ceil(top / step - 1e-9)
    return [ColourClass(round(i * step, 9), round((i + 1) * step, 9), "") for i in range(count)]


def _score_classes(present: list[float], classes: int) -> list[ColourClass]:
    if not present:
        return []
    lo, hi = math.floor(min(present)), math.ceil(max(present))
    if hi - lo < 1:
        return [ColourClass(lo, lo + 1, "")]
    step = nice_step((hi - lo) / classes)
    while True:  # aligned to the step, the classes may need one more than asked: widen the step
        start = math.floor(lo / step) * step
        count = math.ceil((hi - start) / step - 1e-9)
        if count <= classes:
            break
        step = nice_step(step * 1.01)
    return [
        ColourClass(round(start + i * step, 9), round(start + (i + 1) * step, 9), "") for i in range(count)
    ]


def _painted(classes: list[ColourClass]) -> tuple[ColourClass, ...]:
    """Palette colours spread from light to dark over however many classes there are (one: the darkest)."""
    last = len(PALETTE) - 1
    k = len(classes)
    return tuple(
        ColourClass(c.low, c.high, PALETTE[last if k == 1 else round(i * last / (k - 1))])
        for i, c in enumerate(classes)
    )
