"""Issue 16, parts 3 and 4 on screen: the dashboards' charts (Qt Charts) with Persian axis labels and
the threshold line, and the national map (31 provinces, hover figures, click to filter the national
list, PNG export), driven through their widgets on the central demo."""

from __future__ import annotations

import html
from pathlib import Path

import pytest
from PySide6.QtCharts import (
    QBarCategoryAxis,
    QCategoryAxis,
    QHorizontalStackedBarSeries,
    QLineSeries,
    QStackedBarSeries,
)
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QLabel

from cluster_desktop.domain.numbers import PERSIAN_DIGITS, to_persian_digits
from cluster_desktop.domain.workflow import DOSSIER_STATE_TITLES, DossierState
from cluster_desktop.gui.central_dashboard import CentralDashboardView
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.dashboard import DashboardView
from cluster_desktop.gui.mainwindow import MainWindow
from cluster_desktop.gui.province_map import NationalMapView, ProvinceItem
from cluster_desktop.services import province_map as pm
from cluster_desktop.services.demo import fill_demo
from tests.conftest import PASSWORD

WAIT = 60_000


@pytest.fixture
def cctx(fa_app, central_demo):  # type: ignore[no-untyped-def]
    ws, actor = central_demo("secretary")
    return AppContext(ws, actor, "fa")


def _labels(axis) -> list[str]:  # type: ignore[no-untyped-def]
    return list(axis.categoriesLabels() if isinstance(axis, QCategoryAxis) else axis.categories())


def _persian_number(text: str) -> bool:
    return bool(text) and all(ch in PERSIAN_DIGITS + "٬٫" for ch in text)


def _show_charts(view, qtbot):  # type: ignore[no-untyped-def]
    view.charts.tabs.setCurrentWidget(view.charts)
    qtbot.waitUntil(lambda: view.charts.data is not None and not view.charts.busy(), timeout=WAIT)
    return view.charts


def test_the_national_dashboard_charts_its_figures_with_persian_axes(cctx, qtbot) -> None:
    view = CentralDashboardView(cctx)
    qtbot.addWidget(view)
    # GIVEN the dashboard, its charts unread until their tab is shown
    assert view.charts.data is None and not view.charts.busy()
    assert [view.charts.tabs.tabText(i) for i in range(2)] == ["نمای کلی", "نمودارها"]
    board = _show_charts(view, qtbot)
    assert set(board.panels) == {"states", "scores", "flow", "provinces", "programmes"}
    # THEN the states chart: one stacked series of two sets, the fifteen states in the workflow's order
    states = board.panels["states"].chart
    (series,) = states.series()
    assert isinstance(series, QHorizontalStackedBarSeries) and series.count() == 2
    names, values = states.axes()
    assert isinstance(names, QBarCategoryAxis)
    titles = [DOSSIER_STATE_TITLES[s][0] for s in DossierState]
    assert _labels(names) == [html.escape(t) for t in titles][::-1]  # Qt draws the first at the bottom
    assert all(_persian_number(t) for t in _labels(values)) and _labels(values)[0] == "۰"
    assert series.barSets()[0].sum() + series.barSets()[1].sum() == 45
    # AND the scores: bins stacked by rank, and the threshold as a line at its score
    scores = board.panels["scores"].chart
    bars, line = scores.series()
    assert isinstance(bars, QStackedBarSeries) and isinstance(line, QLineSeries)
    x_axis = next(a for a in scores.axes(Qt.Orientation.Horizontal))
    assert _labels(x_axis) == [to_persian_digits(n) for n in range(0, 101, 10)]
    threshold = board.data.scores.threshold
    assert {p.x() for p in line.points()} == {threshold / 10 - 0.5}
    assert "حد نصاب" in " ".join(label.text() for label in board.panels["scores"].legend.labels)
    assert x_axis.isReverse()  # right to left: low scores on the right
    # AND the months: three steps over twelve Jalali months, labelled by month name
    flow = board.panels["flow"].chart
    assert [type(s) for s in flow.series()] == [QLineSeries] * 3
    months = _labels(next(iter(flow.axes(Qt.Orientation.Horizontal))))
    assert len(months) == 12 and any(m.startswith("آذر") for m in months)
    assert any(to_persian_digits("140") in m for m in months)  # the year, in Persian digits
    # AND the provinces with dossiers, two bars each; the programmes with reported actuals
    provinces = board.panels["provinces"].chart
    (pseries,) = provinces.series()
    with_dossiers = [p for p in board.data.provinces if p.dossiers]
    assert pseries.count() == 2 and len(_labels(provinces.axes()[0])) == len(with_dossiers)
    programmes = board.panels["programmes"].chart
    reported = [p for p in board.data.programmes if p.achieved_percent is not None]
    assert len(programmes.series()) == 2  # the bars and the 100 % target line
    assert len(_labels(programmes.axes()[0])) == len(reported) > 0
    # AND every text on the charts' panels is plain
    assert all(label.textFormat() == Qt.TextFormat.PlainText for label in board.findChildren(QLabel))


def test_clicking_a_province_bar_lists_its_dossiers(cctx, qtbot) -> None:
    win = MainWindow(cctx)
    qtbot.addWidget(win)
    view = win.show_view("central-dashboard")
    board = _show_charts(view, qtbot)
    (series,) = board.panels["provinces"].chart.series()
    top = [p for p in board.data.provinces if p.dossiers]
    top.sort(key=lambda p: (-p.dossiers, p.code))
    # WHEN the first (top) province's bar is clicked: Qt counts bars from the bottom
    series.barSets()[0].clicked.emit(len(top) - 1)
    national = win.views["national-list"]
    assert win.tabs.currentWidget() is national
    assert national.province_combo.currentData() == top[0].code
    assert {r.province_code for r in national.model.rows} == {top[0].code}


def test_a_province_dashboard_charts_its_own_level(fa_app, workspace, province_admin, qtbot) -> None:
    fill_demo(workspace, province_admin, PASSWORD, count=12, seed=4)
    ctx = AppContext(workspace, province_admin, "fa")
    view = DashboardView(ctx)
    qtbot.addWidget(view)
    board = _show_charts(view, qtbot)
    assert set(board.panels) == {"states", "scores", "flow"} and board.data.level == "province"
    assert "استان" in board.panels["scores"].chart.title()


@pytest.fixture
def map_view(cctx, qtbot):  # type: ignore[no-untyped-def]
    view = NationalMapView(cctx)
    qtbot.addWidget(view)
    view.resize(1100, 800)
    view.show()
    qtbot.waitUntil(lambda: view.figures is not None, timeout=WAIT)
    return view


def test_the_map_draws_31_provinces_coloured_by_the_chosen_measure(map_view) -> None:
    items = [i for i in map_view.map.scene().items() if isinstance(i, ProvinceItem)]
    assert len(items) == 31 == len({i.code for i in items})
    for key in ("dossiers", "mean_score"):
        map_view.set_measure(key)
        expected = pm.map_view(map_view.figures, key)
        assert {
            c: i.brush().color().name() for c, i in map_view.map.items_by_code.items()
        } == expected.colours
        assert map_view.map.legend_texts == [e.text_fa for e in expected.legend]
        assert map_view.map.title_text == f"استان‌ها بر پایهٔ {pm.measure(key).title_fa}"
    assert "OpenStreetMap contributors" in map_view.map.attribution_text
    assert "ODbL" in map_view.map.attribution_text


def test_hovering_a_province_shows_its_figures(map_view, qtbot) -> None:
    figures = max(map_view.figures, key=lambda f: f.dossiers)
    item = map_view.map.items_by_code[figures.code]
    expected = "<br>".join(html.escape(line) for line in pm.figure_lines(figures))
    assert expected in item.toolTip() and item.toolTip().startswith('<p dir="rtl"')
    assert f"پرونده‌ها: {to_persian_digits(figures.dossiers)}" in item.toolTip()
    with qtbot.waitSignal(map_view.map.province_hovered, timeout=5_000) as hovered:
        qtbot.mouseMove(map_view.map.viewport(), map_view.map.province_at(figures.code).toPoint())
    assert hovered.args == [figures.code]


def test_clicking_a_province_on_the_map_filters_the_national_list(cctx, qtbot) -> None:
    win = MainWindow(cctx)
    qtbot.addWidget(win)
    win.resize(1280, 860)
    win.show()
    view = win.show_view("national-map")
    qtbot.waitUntil(lambda: view.figures is not None, timeout=WAIT)
    code = "IR-10"  # Isfahan: large, its label point inside it
    point = view.map.province_at(code).toPoint()
    with qtbot.waitSignal(view.map.province_clicked, timeout=5_000) as clicked:
        qtbot.mouseClick(view.map.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert clicked.args == [code]
    national = win.views["national-list"]
    assert win.tabs.currentWidget() is national
    assert national.province_combo.currentData() == code
    assert national.model.rows and {r.province_code for r in national.model.rows} == {code}


def test_the_map_saves_as_png(map_view, asked, qtbot, tmp_path: Path) -> None:
    out = tmp_path / "نقشه.png"
    asked.files = [out]
    map_view.set_measure("allocated")
    qtbot.mouseClick(map_view.save_button, Qt.MouseButton.LeftButton)
    image = QImage(str(out))
    assert out.read_bytes().startswith(b"\x89PNG") and image.width() == 2000
    assert image.height() > 1500
    # the image is coloured like the map: the darkest class is somewhere on it
    darkest = pm.map_view(map_view.figures, "allocated").legend[-1].colour
    assert darkest in {
        image.pixelColor(x, y).name() for x in range(0, 2000, 10) for y in range(0, image.height(), 10)
    }


def test_a_change_while_reading_reads_again(cctx, qtbot) -> None:
    view = CentralDashboardView(cctx)
    qtbot.addWidget(view)
    drawn: list[int] = []
    view.charts.loaded.connect(lambda: drawn.append(1))
    view.charts.tabs.setCurrentWidget(view.charts)
    assert view.charts.busy()
    # WHEN the data changes while the charts are being read
    view.charts.invalidate()
    # THEN they are drawn, read once more and drawn again, then settle
    qtbot.waitUntil(lambda: len(drawn) == 2 and not view.charts.busy(), timeout=WAIT)
    assert not view.charts.stale
