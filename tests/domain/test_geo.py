"""The national map's projection, label points and colour classes (domain/geo)."""

from __future__ import annotations

import json

import pytest

from cluster_desktop.domain import geo
from cluster_desktop.paths import resource


def test_projection_keeps_north_up_and_east_right_around_the_central_meridian() -> None:
    tehran, mashhad, bandar_abbas = (
        geo.project(51.39, 35.69),
        geo.project(59.6, 36.3),
        geo.project(56.27, 27.18),
    )
    assert geo.project(54.0, 32.5) == pytest.approx((0.0, 0.0), abs=1e-12)  # the projection's origin
    assert tehran[0] < 0 < mashhad[0]  # west and east of 54°E
    assert bandar_abbas[1] < 0 < tehran[1]  # south and north of 32.5°N
    # conformal: a small step east and one north, equal on the ground, stay equal on the map
    x0, y0 = geo.project(54.0, 32.5)
    east = geo.project(54.01, 32.5)[0] - x0
    north = geo.project(54.0, 32.5 + 0.01 * 0.8434)[1] - y0  # cos(32.5°) ≈ 0.8434
    assert east == pytest.approx(north, rel=1e-3)


def test_ring_area_and_centroid() -> None:
    square = ((0.0, 0.0), (2.0, 0.0), (2.0, 2.0), (0.0, 2.0))
    assert geo.ring_area(square) == pytest.approx(4.0)
    assert geo.ring_centroid(square) == pytest.approx((1.0, 1.0))


def test_the_shipped_geojson_gives_31_provinces_with_attribution() -> None:
    data = json.loads(resource("reference", "iran_provinces.geojson").read_text(encoding="utf-8"))
    g = geo.map_geometry(data)
    assert len(g.shapes) == 31
    assert {s.code for s in g.shapes} == {f"IR-{i:02d}" for i in range(31)}
    assert "OpenStreetMap" in g.attribution and "ODbL" in g.attribution
    x0, y0, x1, y1 = g.bounds
    for shape in g.shapes:
        x, y = shape.label_point
        assert x0 <= x <= x1 and y0 <= y <= y1
    # Iran is about as wide as tall (≈ 1,900 × 1,650 km): the projected bounds say so too
    assert 0.9 < (x1 - x0) / (y1 - y0) < 1.3


def test_count_classes_are_whole_from_one_with_zero_apart() -> None:
    scale = geo.colour_scale([0, 1, 2, 3, 7, None], kind="count")
    assert [(c.low, c.high) for c in scale.classes] == [(1, 2), (3, 4), (5, 6), (7, 8)]
    assert scale.colour(0) == geo.ZERO_COLOUR and scale.colour(None) == geo.NO_DATA_COLOUR
    assert scale.colour(1) == geo.PALETTE[0] and scale.colour(7) == geo.PALETTE[-1]
    assert geo.colour_scale([0, 0], kind="count").classes == ()


def test_amount_and_score_classes_have_round_bounds_and_at_most_five() -> None:
    money = geo.colour_scale([0.0, 18.9, 13.0, 7.15], kind="amount")
    assert [(c.low, c.high) for c in money.classes] == [(0, 5), (5, 10), (10, 15), (15, 20)]
    assert money.colour(18.9) == geo.PALETTE[-1] and money.colour(0.2) == geo.PALETTE[0]
    scores = geo.colour_scale([55.2, 61.3, 72.8, None], kind="score")
    assert [(c.low, c.high) for c in scores.classes] == [(55, 60), (60, 65), (65, 70), (70, 75)]
    assert scores.colour(None) == geo.NO_DATA_COLOUR
    for values in ([0.5, 99.5], [41.0, 42.0, 47.3], [12.0, 12.0], [3.0, 97.0, 51.0]):
        scale = geo.colour_scale(values, kind="score")
        assert 1 <= len(scale.classes) <= 5
        assert scale.classes[0].low <= min(values) and max(values) <= scale.classes[-1].high
        assert len({c.colour for c in scale.classes}) == len(scale.classes)


def test_nice_steps() -> None:
    assert [geo.nice_step(x) for x in (0.7, 1.4, 2.2, 3.0, 7.81e9)] == [1.0, 2.0, 2.5, 5.0, 1e10]
