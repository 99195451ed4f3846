"""The provincial office's dashboard: dossiers by state, what waits for whom, and recent activity.

Double-clicking a state opens the cluster list filtered by it; double-clicking an activity that
concerns a dossier opens the dossier.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor, QResizeEvent
from PySide6.QtWidgets import QHeaderView, QLabel, QSplitter, QTableWidget, QTableWidgetItem, QWidget

from cluster_desktop.domain.jalali import format_jalali_datetime, to_tehran
from cluster_desktop.services.dashboard import recent_activity, state_counts, waiting
from cluster_desktop.store.models import Office

from .context import AppContext
from .dashboard_charts import ChartsBoard
from .uiloader import find, load_ui
from .widgets import fa_int

STATE = Qt.ItemDataRole.UserRole
DOSSIER = Qt.ItemDataRole.UserRole + 1
MUTED = QColor("#8a94a3")


def _item(text: str, *, center: bool = False, tip: str = "") -> QTableWidgetItem:
    item = QTableWidgetItem(text)
    if center:
        item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
    if tip:
        item.setToolTip(tip)
    return item


def _setup_table(table: QTableWidget, headers: list[str], stretch: int) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    header = table.horizontalHeader()
    for i in range(len(headers)):
        header.setSectionResizeMode(
            i, QHeaderView.ResizeMode.Stretch if i == stretch else QHeaderView.ResizeMode.ResizeToContents
        )


class DashboardView(QWidget):
    state_chosen = Signal(str)  # a state was double-clicked (the cluster list is asked to filter by it)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.ui = load_ui("dashboard.ui", self)
        self.ui.layout().setContentsMargins(10, 8, 10, 8)
        self.states = find(self.ui, QTableWidget, "states_table")
        self.waiting = find(self.ui, QTableWidget, "waiting_table")
        self.activity = find(self.ui, QTableWidget, "activity_table")
        _setup_table(self.states, [self.tr("State"), self.tr("Dossiers")], 0)
        _setup_table(
            self.waiting,
            [
                self.tr("State"),
                self.tr("Dossiers"),
                self.tr("Next step"),
                self.tr("Done by"),
                self.tr("Responsible agencies (matrix)"),
            ],
            4,
        )
        _setup_table(self.activity, [self.tr("When"), self.tr("Who"), self.tr("What")], 2)
        for col in (2, 3, 4):  # shared out in _fit_waiting, so that none wraps into tall rows
            self.waiting.horizontalHeader().setSectionResizeMode(col, QHeaderView.ResizeMode.Interactive)
        self.waiting.setColumnWidth(2, 300)
        self.waiting.setColumnWidth(3, 170)
        self.waiting.horizontalHeader().setStretchLastSection(True)  # the agencies fill what is left
        # Wrapped cells get their height once the columns have their final widths.
        self.waiting.horizontalHeader().sectionResized.connect(lambda *_: self.waiting.resizeRowsToContents())
        find(self.ui, QSplitter, "splitter").setSizes([560, 220])
        self.charts = ChartsBoard(ctx)  # its own tab beside the tables (issue 16)
        self.charts.attach(self.ui.layout(), find(self.ui, QSplitter, "splitter"))
        self.top_splitter = find(self.ui, QSplitter, "top_splitter")
        self._top_shared = False
        self.states.cellDoubleClicked.connect(lambda row, _c: self._choose(self.states, row))
        self.waiting.cellDoubleClicked.connect(lambda row, _c: self._choose(self.waiting, row))
        self.activity.cellDoubleClicked.connect(self._open_activity)
        self.refresh()

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        QTimer.singleShot(0, self._fit_waiting)  # once the layout has given the table its width

    def _fit_waiting(self) -> None:
        """The next step and the agencies share what the narrow columns leave: on a small screen the
        agencies keep a readable width (the table scrolls) instead of wrapping a word per line."""
        if not self._top_shared and self.top_splitter.width() > 100:
            # Once, when the splitter first has its width: the short states table takes a quarter.
            total = self.top_splitter.width()
            self.top_splitter.setSizes([total * 27 // 100, total - total * 27 // 100])
            self._top_shared = True
        width = self.waiting.viewport().width()
        # Beside the navigation the table is narrow: who does the step may then take two lines.
        self.waiting.setColumnWidth(3, 170 if width >= 900 else 125)
        fixed = sum(self.waiting.columnWidth(c) for c in (0, 1, 3))
        room = max(0, width - fixed)
        step = max(140, min(300, int(room * 0.4)))
        self.waiting.setColumnWidth(2, step)
        self.waiting.setColumnWidth(4, max(180, room - step))
        self.waiting.resizeRowsToContents()

    def _t(self, fa: str, en: str) -> str:
        return fa if self.fa else en

    def _n(self, n: int) -> str:
        return fa_int(n) if self.fa else str(n)

    def refresh(self) -> None:
        with self.ctx.session() as s:
            counts = state_counts(s)
            waits = waiting(s, self.ctx.actor.office_kind)
            activity = recent_activity(s, 40)
            office = s.get(Office, self.ctx.actor.office_id)
            office_name = office.name_fa if office else self.ctx.actor.office_id
        find(self.ui, QLabel, "office_label").setText(office_name)
        total = sum(c.count for c in counts)
        find(self.ui, QLabel, "total_label").setText(
            self.tr("%1 dossiers in all").replace("%1", self._n(total))
        )
        self._fill_states(counts)
        self._fill_waiting(waits)
        self._fill_activity(activity)
        self.charts.invalidate()

    def _fill_states(self, counts) -> None:  # type: ignore[no-untyped-def]
        self.states.setRowCount(len(counts))
        for row, c in enumerate(counts):
            title = _item(self._t(c.title_fa, c.title_en))
            count = _item(self._n(c.count), center=True)
            for item in (title, count):
                item.setData(STATE, c.state)
                if not c.count:
                    item.setForeground(MUTED)
            self.states.setItem(row, 0, title)
            self.states.setItem(row, 1, count)

    def _fill_waiting(self, waits) -> None:  # type: ignore[no-untyped-def]
        self.waiting.setRowCount(len(waits))
        for row, w in enumerate(waits):
            steps = "\n".join(f"{n.f_code} — {n.title_fa}" for n in w.steps)
            actions = "\n".join(
                "، ".join(n.actions_fa) if self.fa else ", ".join(n.actions_en) for n in w.steps
            )
            where = "\n".join(self._t(n.office_fa, n.office_en) for n in w.steps)
            agencies = "\n".join(
                ("، ".join(n.agencies_fa) if self.fa else ", ".join(n.agencies_en))
                or self.tr("(the matrix names none for this step)")
                for n in w.steps
            )
            cells = [
                _item(self._t(w.title_fa, w.title_en)),
                _item(self._n(w.count), center=True),
                _item(steps, tip=actions),
                _item(where),
                _item(agencies, tip=agencies),
            ]
            for col, item in enumerate(cells):
                item.setData(STATE, w.state)
                self.waiting.setItem(row, col, item)
        self.waiting.resizeColumnsToContents()
        self._fit_waiting()

    def _fill_activity(self, activity) -> None:  # type: ignore[no-untyped-def]
        self.activity.setRowCount(len(activity))
        for row, a in enumerate(activity):
            when = format_jalali_datetime(a.at) if self.fa else to_tehran(a.at).strftime("%Y-%m-%d %H:%M")
            cells = [_item(when), _item(a.actor), _item(self._t(a.text_fa, a.text_en))]
            for col, item in enumerate(cells):
                item.setData(DOSSIER, a.dossier_id)
                self.activity.setItem(row, col, item)

    def _choose(self, table: QTableWidget, row: int) -> None:
        item = table.item(row, 0)
        if item is not None:
            self.show_state(item.data(STATE))

    def show_state(self, state: str) -> None:
        """Open the cluster list, filtered by ``state`` where the list can filter."""
        self.state_chosen.emit(state)
        self.ctx.navigate.emit("clusters")
        view = getattr(self.window(), "views", {}).get("clusters")
        if view is not None and hasattr(view, "set_state_filter"):
            view.set_state_filter(state)

    def _open_activity(self, row: int, _col: int) -> None:
        item = self.activity.item(row, 0)
        dossier_id = item.data(DOSSIER) if item else None
        if dossier_id:
            self.ctx.open_dossier.emit(dossier_id)


def screenshot(ctx: AppContext) -> QWidget:
    return DashboardView(ctx)
