"""The charts of a dashboard (issue 16, part 3): dossiers by state along the programme's steps, the
scores against the threshold, what moved each Jalali month and, at the centre, the provinces' counts
and approvals and the programmes' actuals against their targets (F14).

The data comes in one background read (services/charts.dashboard_charts); the panels are rebuilt
from it on the GUI thread. Clicking a province's bar emits ``province_chosen``.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCharts import QCategoryAxis, QLineSeries, QStackedBarSeries
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPen
from PySide6.QtWidgets import (
    QApplication,
    QBoxLayout,
    QGridLayout,
    QLabel,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.jalali import JALALI_MONTHS_FA
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.workflow import PROGRAMME_STATE_TITLES
from cluster_desktop.services import charts as data
from cluster_desktop.services.province_map import ProvinceFigures

from . import charts as c
from .context import AppContext
from .operation import Operation


class ChartsBoard(QWidget):
    """The dashboard's charts in a scrolling grid; ``load()`` reads them off the GUI thread."""

    province_chosen = Signal(str)
    loaded = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.data: data.DashboardCharts | None = None
        self.panels: dict[str, c.ChartPanel] = {}
        self.operation: Operation | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll = QScrollArea(self)
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        outer.addWidget(self.scroll)
        self.body = QWidget()
        self.grid = QGridLayout(self.body)
        self.grid.setContentsMargins(4, 4, 4, 4)
        self.grid.setSpacing(8)
        self.status = QLabel(self.tr("Reading the figures…"), self.body)
        self.status.setTextFormat(Qt.TextFormat.PlainText)
        self.grid.addWidget(self.status, 0, 0)
        self.scroll.setWidget(self.body)
        self.tabs: QTabWidget | None = None
        self.stale = True

    # ------------------------------------------------------------ where it sits
    def attach(self, layout: QBoxLayout, content: QWidget) -> QTabWidget:
        """Put the dashboard's ``content`` and these charts in two tabs where ``content`` was; the
        charts are read when their tab is first shown."""
        index = layout.indexOf(content)
        stretch = layout.stretch(index)
        layout.removeWidget(content)
        tabs = QTabWidget(content.parentWidget())
        tabs.setObjectName("dashboard_tabs")
        tabs.addTab(content, self.tr("Overview"))
        tabs.addTab(self, self.tr("Charts"))
        layout.insertWidget(index, tabs, stretch)
        tabs.currentChanged.connect(lambda _i: self._shown())
        self.tabs = tabs
        return tabs

    def showing(self) -> bool:
        return self.tabs is None or self.tabs.currentWidget() is self

    def invalidate(self) -> None:
        """The data changed: read again now if the charts are showing, else when they next are."""
        self.stale = True
        self._shown()

    def _shown(self) -> None:
        if self.stale and self.showing() and not self.busy():
            self.load()

    def show_now(self, timeout: float = 60.0) -> None:
        """Bring the charts' tab forward and wait until they are drawn (screenshots)."""
        import time

        if self.tabs is not None:
            self.tabs.setCurrentWidget(self)
        if not self.busy() and self.stale:
            self.load()
        deadline = time.monotonic() + timeout
        while self.busy() and time.monotonic() < deadline:
            QApplication.processEvents()
            time.sleep(0.01)
        QApplication.processEvents()

    # ------------------------------------------------------------ data
    def load(self) -> Operation:
        ws, actor = self.ctx.ws, self.ctx.actor
        self.stale = False

        def work(_progress: object) -> data.DashboardCharts:
            with ws.db.session() as s:
                return data.dashboard_charts(s, actor)

        self.operation = Operation(self, "", work, quiet=True).on_success(self.show_data)
        self.operation.on_failure(self._failed).start()
        return self.operation

    def busy(self) -> bool:
        return self.operation is not None

    def _failed(self, exc: BaseException) -> None:
        self.operation = None
        self.stale = True
        self.status.setText(self.tr("The charts could not be read: %1").replace("%1", str(exc)))
        self.status.show()

    def show_data(self, charts: data.DashboardCharts) -> None:
        self.operation = None
        self.data = charts
        for panel in self.panels.values():
            self.grid.removeWidget(panel)
            panel.deleteLater()
        self.status.hide()
        self.panels = {
            "states": self.state_chart(charts.pipeline),
            "scores": self.score_chart(charts.scores),
            "flow": self.flow_chart(charts.flow),
        }
        # Reading order: the states first (on the reading side), the scores beside them; the months
        # across; at the centre the provinces, with the programmes beside them.
        self.grid.addWidget(self.panels["states"], 0, 0)
        self.grid.addWidget(self.panels["scores"], 0, 1)
        self.grid.addWidget(self.panels["flow"], 1, 0, 1, 2)
        if charts.level == "central":
            self.panels["provinces"] = self.province_chart(charts.provinces)
            self.panels["programmes"] = self.programme_chart(charts.programmes)
            self.grid.addWidget(self.panels["provinces"], 2, 0)
            self.grid.addWidget(self.panels["programmes"], 2, 1, Qt.AlignmentFlag.AlignTop)
        self.loaded.emit()
        self._shown()  # read again if the data changed while these were being read

    # ------------------------------------------------------------ the charts
    def _n(self, n: float) -> str:
        return c.num(n, self.fa)

    def state_chart(self, bars: Sequence[data.StateBar]) -> c.ChartPanel:
        chart = c.new_chart(self.tr("Dossiers by state, along the programme's steps"))
        names = [b.title_fa if self.fa else b.title_en for b in bars]
        along, off_path = self.tr("Along the steps"), self.tr("Returned or rejected")
        top = max((b.count for b in bars), default=0)
        sets, _names, _values = c.horizontal_bars(
            chart,
            names,
            [
                (along, c.PATH_COLOUR, [b.count if b.on_path else 0 for b in bars]),
                (off_path, c.OFF_PATH_COLOUR, [0 if b.on_path else b.count for b in bars]),
            ],
            self.fa,
            stacked=True,
            top=top,
        )
        for bar in sets:
            c.on_hover(bar, lambda i: self._count_tip(bars, c.reversed_index(i, len(bars))))
        legend = [c.LegendItem(along, c.PATH_COLOUR), c.LegendItem(off_path, c.OFF_PATH_COLOUR)]
        return c.ChartPanel(chart, legend, self.body, height=c.ROW_HEIGHT * len(bars) + 110)

    def _count_tip(self, bars: Sequence[data.StateBar], i: int) -> str:
        b = bars[i]
        return f"{b.title_fa if self.fa else b.title_en}: {self._n(b.count)}"

    def score_chart(self, dist: data.ScoreDistribution) -> c.ChartPanel:
        level = self.tr("central") if dist.level == "central" else self.tr("provincial")
        chart = c.new_chart(self.tr("Scores (%1) against the threshold").replace("%1", level))
        bins = dist.bins
        ranked = c.bar_set(self.tr("Ranked"), c.PATH_COLOUR, [b.ranked for b in bins])
        unranked = c.bar_set(
            self.tr("Not ranked (returned, rejected, in review)"), "#9ecae1", [b.unranked for b in bins]
        )
        series = QStackedBarSeries()
        series.append(ranked)
        series.append(unranked)
        series.setBarWidth(0.92)
        chart.addSeries(series)
        # The score axis: bin i stands at x = i; its edges, every ten points, carry the labels.
        axis = QCategoryAxis()
        axis.setStartValue(-0.5)
        for i in range(len(bins) + 1):
            axis.append(c.safe(self._n(i * data.BIN_WIDTH)), i - 0.5)
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        axis.setRange(-0.5 - 0.03, len(bins) - 0.5 + 0.03)
        axis.setReverse(c.right_to_left())
        axis.setGridLineVisible(False)
        top = max((b.ranked + b.unranked for b in bins), default=0)
        counts = c.number_axis(top, self.fa)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(
            counts, Qt.AlignmentFlag.AlignRight if c.right_to_left() else Qt.AlignmentFlag.AlignLeft
        )
        series.attachAxis(axis)
        series.attachAxis(counts)
        x = dist.threshold / data.BIN_WIDTH - 0.5
        shown = (
            self._n(dist.threshold)
            if dist.threshold == int(dist.threshold)
            else c.score_text(dist.threshold, self.fa)
        )
        name = self.tr("Threshold %1").replace("%1", shown)
        line = c.threshold_line(name, [(x, 0), (x, counts.max())])
        chart.addSeries(line)
        line.attachAxis(axis)
        line.attachAxis(counts)
        for bar in (ranked, unranked):
            c.on_hover(bar, lambda i: self._bin_tip(bins[i]))
        note = (
            self.tr("%1 of %2 scored dossiers at or above the threshold")
            .replace("%1", self._n(dist.at_or_above))
            .replace("%2", self._n(dist.scored))
        )
        legend = [
            c.LegendItem(ranked.label(), c.PATH_COLOUR),
            c.LegendItem(unranked.label(), "#9ecae1"),
            c.LegendItem(name, c.THRESHOLD_COLOUR, "dash"),
        ]
        return c.ChartPanel(chart, legend, self.body, height=320, note=note)

    def _bin_tip(self, b: data.ScoreBin) -> str:
        span = self.tr("Scores %1 to %2").replace("%1", self._n(b.low)).replace("%2", self._n(b.high))
        ranked = self.tr("ranked: %1").replace("%1", self._n(b.ranked))
        unranked = self.tr("not ranked: %1").replace("%1", self._n(b.unranked))
        return f"{span}\n{ranked}\n{unranked}"

    def flow_chart(self, flow: data.MonthlyFlow) -> c.ChartPanel:
        chart = c.new_chart(self.tr("Dossiers per month (Jalali calendar)"))
        months = flow.months
        axis = QCategoryAxis()  # time: one Jalali month per step, labelled by its name and year
        axis.setStartValue(-0.5)
        for i, m in enumerate(months):
            axis.append(c.safe(self._month_label(m, with_year=i == 0 or m.month == 1)), i)
        axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
        axis.setRange(-0.5, len(months) - 0.5)
        axis.setReverse(c.right_to_left())
        axis.setLabelsFont(c.label_font())
        axis.setGridLineVisible(False)
        top = max((max(s.counts, default=0) for s in flow.series), default=0)
        counts = c.number_axis(top, self.fa)
        chart.addAxis(axis, Qt.AlignmentFlag.AlignBottom)
        chart.addAxis(
            counts, Qt.AlignmentFlag.AlignRight if c.right_to_left() else Qt.AlignmentFlag.AlignLeft
        )
        legend = []
        for k, s in enumerate(flow.series):
            colour = c.SERIES_COLOURS[k % len(c.SERIES_COLOURS)]
            line = QLineSeries()
            line.setName(s.title_fa if self.fa else s.title_en)
            for i, n in enumerate(s.counts):
                line.append(QPointF(i, n))
            line.setPen(QPen(QColor(colour), 2.4))
            line.setPointsVisible(True)
            chart.addSeries(line)
            line.attachAxis(axis)
            line.attachAxis(counts)
            legend.append(c.LegendItem(line.name(), colour, "line"))
        return c.ChartPanel(chart, legend, self.body, height=320)

    def _month_label(self, m: data.Month, *, with_year: bool) -> str:
        """A Jalali month as the time axis writes it: its name, with the year on the first month and
        on each Farvardin."""
        if not self.fa:
            return m.label_en
        return m.label_fa if with_year else JALALI_MONTHS_FA[m.month - 1]

    def province_chart(self, provinces: Sequence[ProvinceFigures]) -> c.ChartPanel:
        chart = c.new_chart(self.tr("Dossiers and approvals by province"))
        shown = sorted((p for p in provinces if p.dossiers), key=lambda p: (-p.dossiers, p.code))
        names = [p.name_fa if self.fa else p.name_en for p in shown]
        at_centre, approved = self.tr("Dossiers at the centre"), self.tr("Approved (final list)")
        top = max((p.dossiers for p in shown), default=0)
        sets, _names, _values = c.horizontal_bars(
            chart,
            names,
            [
                (at_centre, c.PATH_COLOUR, [p.dossiers for p in shown]),
                (approved, c.SERIES_COLOURS[1], [p.approved for p in shown]),
            ],
            self.fa,
            stacked=False,
            top=top,
        )
        self.province_codes = [p.code for p in shown]
        for bar in sets:
            c.on_hover(bar, lambda i: self._province_tip(shown[c.reversed_index(i, len(shown))]))
            bar.clicked.connect(
                lambda i: self.province_chosen.emit(shown[c.reversed_index(i, len(shown))].code)
            )
        legend = [c.LegendItem(at_centre, c.PATH_COLOUR), c.LegendItem(approved, c.SERIES_COLOURS[1])]
        panel = c.ChartPanel(chart, legend, self.body, height=max(260, (c.ROW_HEIGHT + 4) * len(shown) + 110))
        panel.setToolTip(self.tr("Click a province's bar to list its dossiers."))
        return panel

    def _province_tip(self, p: ProvinceFigures) -> str:
        name = p.name_fa if self.fa else p.name_en
        return (
            f"{name}\n"
            + self.tr("Dossiers: %1").replace("%1", self._n(p.dossiers))
            + "\n"
            + self.tr("Approved: %1").replace("%1", self._n(p.approved))
        )

    def programme_chart(self, programmes: Sequence[data.ProgrammeProgress]) -> c.ChartPanel:
        chart = c.new_chart(self.tr("Development programmes: actuals against targets (F14)"))
        shown = [p for p in programmes if p.achieved_percent is not None]
        names = [p.title for p in shown]
        achieved_name = self.tr("Achieved, % of target")
        top = max([100.0, *(p.achieved_percent or 0 for p in shown)])
        sets, names_axis, values = c.horizontal_bars(
            chart,
            names,
            [(achieved_name, c.SERIES_COLOURS[2], [p.achieved_percent or 0 for p in shown])],
            self.fa,
            stacked=False,
            top=top,
        )
        achieved = sets[0]
        target = c.threshold_line(self.tr("Target (100%)"), [(100, -0.5), (100, max(len(shown), 1) - 0.5)])
        target.setPen(QPen(QColor("#333333"), 1.6, Qt.PenStyle.DashLine))
        chart.addSeries(target)
        target.attachAxis(values)
        target.attachAxis(names_axis)
        c.on_hover(achieved, lambda i: self._programme_tip(shown[c.reversed_index(i, len(shown))]))
        note = "" if shown else self.tr("No programme has reported actuals yet.")
        legend = [
            c.LegendItem(achieved_name, c.SERIES_COLOURS[2]),
            c.LegendItem(target.name(), "#333333", "dash"),
        ]
        return c.ChartPanel(
            chart, legend, self.body, height=max(260, 2 * c.ROW_HEIGHT * len(shown) + 110), note=note
        )

    def _programme_tip(self, p: data.ProgrammeProgress) -> str:
        state = PROGRAMME_STATE_TITLES.get(p.state, (p.state, p.state))[0 if self.fa else 1]
        lines = [f"{p.title} — {p.cluster_name} ({p.province_fa}), {state}"]
        for r in p.reported:
            period = to_persian_digits(r.period) if self.fa else r.period
            lines.append(
                self.tr("%1 (%2): target %3, actual %4 %5")
                .replace("%1", r.title)
                .replace("%2", period)
                .replace("%3", self._n(r.target))
                .replace("%4", self._n(r.actual))
                .replace("%5", r.unit)
            )
        lines.append(self.tr("Achieved: %1%").replace("%1", c.score_text(p.achieved_percent, self.fa)))
        return "\n".join(lines)


def screenshot(ctx: AppContext) -> QWidget:
    """The office's own dashboard (provincial or national) with its charts' tab forward."""
    from .central_dashboard import CentralDashboardView
    from .dashboard import DashboardView

    view = CentralDashboardView(ctx) if ctx.is_central else DashboardView(ctx)
    view.charts.show_now()
    return view
