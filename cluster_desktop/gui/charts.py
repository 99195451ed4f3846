"""The dashboards' charts, drawn with Qt Charts (PySide6-Addons) from the dataclasses of services/charts.

Qt's own text engine shapes Persian and lays it out right to left in titles and axis labels. What Qt
Charts does not do for a right-to-left reader is done here:

- numbers: ``QValueAxis`` formats with printf (Latin digits only), so every value axis is a
  ``QCategoryAxis`` whose labels are our own Persian numbers at round ticks;
- time: months are Jalali (domain/jalali via services/charts), written on a category axis;
- direction: in a right-to-left window the category and time axes run from the right, value axes
  stand on the right and horizontal bars grow leftwards;
- legends: Qt's legend keeps its marker left of the text whatever the direction, so each panel has
  its own legend row of Qt widgets (which mirror by themselves) and the chart's is hidden;
- markup: Qt Charts renders titles and axis labels as HTML (a programme titled ``<img src=…>`` would
  load a file), so every text handed to it goes through ``safe``.
"""

from __future__ import annotations

import html
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QHorizontalStackedBarSeries,
    QLineSeries,
)
from PySide6.QtCore import QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QFont, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QSizePolicy,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.geo import nice_step
from cluster_desktop.domain.numbers import format_int, format_score

from .content_text import plain_tip

PATH_COLOUR = "#2c7fb8"
OFF_PATH_COLOUR = "#e08a3c"
THRESHOLD_COLOUR = "#c0392b"
SERIES_COLOURS = ("#2c7fb8", "#2ca25f", "#8856a7", "#e08a3c")
MUTED = "#5a6b7b"


def safe(text: str) -> str:
    """``text`` as Qt Charts shows it literally (it reads titles and labels as HTML)."""
    return html.escape(text, quote=False)


def right_to_left() -> bool:
    return QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft


@dataclass(frozen=True)
class LegendItem:
    text: str
    colour: str
    kind: str = "box"  # box | line | dash


def _swatch(colour: str, kind: str) -> QPixmap:
    pix = QPixmap(18, 12)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    if kind == "box":
        p.fillRect(1, 1, 16, 10, QColor(colour))
    else:
        pen = QPen(QColor(colour), 2.5)
        if kind == "dash":
            pen.setStyle(Qt.PenStyle.DashLine)
        p.setPen(pen)
        p.drawLine(1, 6, 17, 6)
    p.end()
    return pix


class ChartLegend(QWidget):
    """A legend row in the window's direction: the first entry and each swatch on the reading side."""

    def __init__(self, items: Sequence[LegendItem], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.items = list(items)
        row = QHBoxLayout(self)
        row.setContentsMargins(8, 0, 8, 4)
        row.setSpacing(4)
        row.addStretch(1)
        self.labels: list[QLabel] = []
        for item in self.items:
            swatch = QLabel(self)
            swatch.setTextFormat(Qt.TextFormat.PlainText)
            swatch.setPixmap(_swatch(item.colour, item.kind))
            text = QLabel(item.text, self)
            text.setTextFormat(Qt.TextFormat.PlainText)
            row.addWidget(swatch)
            row.addWidget(text)
            row.addSpacing(14)
            self.labels.append(text)
        row.addStretch(1)


class ChartPanel(QFrame):
    """One chart: Qt Charts' view, our legend under it, hover texts on its bars."""

    def __init__(
        self,
        chart: QChart,
        legend: Sequence[LegendItem],
        parent: QWidget | None = None,
        *,
        height: int = 300,
        note: str = "",
    ) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.chart = chart
        self.view = QChartView(chart, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(height)
        self.view.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.legend = ChartLegend(legend, self)
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(0)
        box.addWidget(self.view, 1)
        box.addWidget(self.legend)
        self.note = QLabel(note, self)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        self.note.setWordWrap(True)
        self.note.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.note.setStyleSheet(f"color: {MUTED}; padding: 0 8px 6px 8px;")
        self.note.setVisible(bool(note))
        box.addWidget(self.note)

    def save_png(self, path: str) -> bool:
        return self.grab().save(path, "PNG")


# ---------------------------------------------------------------- building blocks


def num(n: float, fa: bool) -> str:
    return format_int(round(n), persian=fa)


def new_chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(safe(title))
    font = QFont(QApplication.font())
    font.setBold(True)
    font.setPointSizeF(font.pointSizeF() + 1)
    chart.setTitleFont(font)
    chart.legend().hide()  # ours is under the chart (see the module's note)
    chart.setBackgroundRoundness(0)
    chart.setMargins(chart.margins().__class__(6, 4, 6, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    return chart


def ticks(top: float, *, count: int = 5) -> list[float]:
    """Round, whole ticks from 0 to at least ``top``."""
    step = float(math.ceil(nice_step(max(top, 1.0) / count)))
    return [i * step for i in range(math.ceil(max(top, 1.0) / step) + 1)]


def number_axis(top: float, fa: bool, *, label: Callable[[float], str] | None = None) -> QCategoryAxis:
    """A value axis with Persian digits: our own labels at round ticks from 0."""
    axis = QCategoryAxis()
    marks = ticks(top)
    axis.setStartValue(0)
    for v in marks:
        axis.append(safe(label(v) if label else num(v, fa)), v)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    # A little room past the last tick: a label standing on the axis' very end is dropped.
    axis.setRange(0, marks[-1] * 1.03)
    axis.setGridLinePen(QPen(QColor("#e3e6ea")))
    axis.setLabelsFont(label_font())
    return axis


ROW_HEIGHT = 28  # per bar category: less, and Qt Charts elides the names to «...»


def label_font() -> QFont:
    font = QFont(QApplication.font())
    font.setPointSizeF(max(7.0, font.pointSizeF() - 1))
    return font


def unique(labels: Sequence[str]) -> list[str]:
    """Category names as given, a repeated one marked with an invisible tail (Qt Charts drops
    repeated categories, and two programmes may share a title)."""
    seen: set[str] = set()
    out = []
    for text in labels:
        while text in seen:
            text += "\u200c"
        seen.add(text)
        out.append(text)
    return out


def category_axis(labels: Sequence[str]) -> QBarCategoryAxis:
    axis = QBarCategoryAxis()
    axis.append(unique([safe(t) for t in labels]))
    axis.setGridLineVisible(False)
    axis.setLabelsFont(label_font())
    return axis


def bar_set(name: str, colour: str, values: Sequence[float]) -> QBarSet:
    bar = QBarSet(name)
    bar.append([float(v) for v in values])
    bar.setColor(QColor(colour))
    bar.setBorderColor(QColor(colour))
    return bar


def on_hover(bar: QBarSet, text: Callable[[int], str]) -> None:
    """Show ``text(index)`` (plain, escaped) beside the pointer while it is over a bar."""

    def hovered(status: bool, index: int) -> None:
        if status:
            QToolTip.showText(QCursor.pos(), plain_tip(text(index)))
        else:
            QToolTip.hideText()

    bar.hovered.connect(hovered)


def horizontal_bars(
    chart: QChart,
    categories: Sequence[str],
    sets: Sequence[tuple[str, str, Sequence[float]]],
    fa: bool,
    *,
    stacked: bool,
    top: float,
) -> tuple[list[QBarSet], QBarCategoryAxis, QCategoryAxis]:
    """Bars of ``categories`` from top to bottom, one set per (name, colour, values in ``categories``'
    order); in right-to-left the names stand on the right and the bars grow leftwards. Qt reports a
    bar's index bottom first: ``reversed_index`` turns it back."""
    series: QAbstractBarSeries = QHorizontalStackedBarSeries() if stacked else QHorizontalBarSeries()
    series.setBarWidth(0.8 if len(sets) > 1 and not stacked else 0.6)
    bars = [bar_set(name, colour, list(values)[::-1]) for name, colour, values in sets]
    for bar in bars:
        series.append(bar)
    chart.addSeries(series)
    names = category_axis(list(categories)[::-1])
    values_axis = number_axis(top, fa)
    rtl = right_to_left()
    values_axis.setReverse(rtl)
    chart.addAxis(names, Qt.AlignmentFlag.AlignRight if rtl else Qt.AlignmentFlag.AlignLeft)
    chart.addAxis(values_axis, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(names)
    series.attachAxis(values_axis)
    return bars, names, values_axis


def reversed_index(i: int, count: int) -> int:
    """The data index of the bar Qt reports at ``i`` when categories were handed over bottom first."""
    return count - 1 - i


def threshold_line(name: str, points: Sequence[tuple[float, float]]) -> QLineSeries:
    line = QLineSeries()
    line.setName(name)
    for x, y in points:
        line.append(QPointF(x, y))
    pen = QPen(QColor(THRESHOLD_COLOUR), 2.0)
    pen.setStyle(Qt.PenStyle.DashLine)
    line.setPen(pen)
    return line


def score_text(x: float | None, fa: bool) -> str:
    if x is None:
        return "—"
    return format_score(x) if fa else f"{x:.1f}"
