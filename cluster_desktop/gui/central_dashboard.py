"""The national dashboard: dossiers by province and state, which provinces sent what and when (the
bundles imported, their sequence numbers, what each acknowledged of the centre's decisions), what
waits for the central working group and its latest minuted meetings."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QGroupBox,
    QHeaderView,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QWidget,
)

from cluster_desktop.domain.jalali import format_jalali, format_jalali_datetime
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.workflow import PROGRAMME_STATE_TITLES, DossierState
from cluster_desktop.services import central
from cluster_desktop.services import programmes as prog

from .central_tables import Column, RowsModel, fa_num, fa_score
from .context import AppContext
from .dashboard_charts import ChartsBoard
from .responsibility_panel import StepsOverview
from .uiloader import find, load_ui

S = DossierState
FINAL = (S.APPROVED.value, S.REGISTERED.value, S.LICENSED.value)


class CentralDashboardView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("central_dashboard.ui", self)
        fa = ctx.lang == "fa"
        self.num = fa_num if fa else (lambda n: "" if n is None else str(n))
        when = format_jalali_datetime if fa else (lambda d: "" if d is None else d.strftime("%Y-%m-%d %H:%M"))
        day = format_jalali if fa else (lambda d: "" if d is None else d.strftime("%Y-%m-%d"))
        dash = "—"
        self.provinces_table = find(self.ui, QTableView, "provinces_table")
        self.model = RowsModel(
            [
                Column("province", self.tr("Province"), lambda p: p.name_fa),
                Column("dossiers", self.tr("Dossiers"), lambda p: self.num(p.dossiers), True),
                Column(
                    "review",
                    self.tr("In review"),
                    lambda p: self.num(sum(p.by_state.get(s, 0) for s in central.REVIEW_STATES)),
                    True,
                ),
                Column(
                    "final",
                    self.tr("Final list"),
                    lambda p: self.num(sum(p.by_state.get(s, 0) for s in FINAL)),
                    True,
                ),
                Column(
                    "received",
                    self.tr("Last dossier received"),
                    lambda p: day(p.last_received_at) or dash,
                    True,
                ),
                Column("bundles", self.tr("Bundles"), lambda p: self.num(p.bundles_imported), True),
                Column(
                    "sequence",
                    self.tr("Last sequence"),
                    lambda p: self.num(p.last_sequence) if p.bundles_imported else dash,
                    True,
                ),
                Column("imported", self.tr("Last import"), lambda p: when(p.last_imported_at) or dash, True),
                Column(
                    "decisions",
                    self.tr("Decisions sent / acknowledged"),
                    lambda p: (
                        f"{self.num(p.sent_sequence)} / {self.num(p.acked_sequence)}"
                        if p.sent_sequence
                        else dash
                    ),
                    True,
                    color=lambda p: "#b06000" if p.awaiting_ack else None,
                ),
            ],
            self,
            id_of=lambda p: p.code,
        )
        self.provinces_table.setModel(self.model)
        header = self.provinces_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)  # stretched, the last title was cut when the table overflows
        self.provinces_table.verticalHeader().setVisible(False)
        self.provinces_table.doubleClicked.connect(
            lambda i: self.show_province(self.model.row_at(i.row()).code)
        )
        self.waiting_list = find(self.ui, QListWidget, "waiting_list")
        self.waiting_list.itemActivated.connect(self.open_waiting)
        self.meetings_list = find(self.ui, QListWidget, "meetings_list")
        find(self.ui, QPushButton, "review_button").clicked.connect(lambda: ctx.navigate.emit("review"))
        find(self.ui, QPushButton, "group_button").clicked.connect(lambda: ctx.navigate.emit("working-group"))
        splitter = find(self.ui, QSplitter, "splitter")
        # Beside the provinces, a tab: every state of both machines with who the matrix makes responsible.
        self.steps = StepsOverview(ctx, self)
        self.left_tabs = QTabWidget(self)
        self.left_tabs.setObjectName("left_tabs")
        provinces_box = find(self.ui, QGroupBox, "provinces_box")
        splitter.replaceWidget(0, self.left_tabs)
        self.left_tabs.addTab(provinces_box, self.tr("Provinces"))
        self.left_tabs.addTab(self.steps, self.tr("Steps and responsible agencies"))
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        self.charts = ChartsBoard(ctx)  # its own tab beside the tables (issue 16)
        self.charts.attach(self.ui.layout(), splitter)
        self.charts.province_chosen.connect(self.show_province)
        ctx.changed.connect(lambda what: self.refresh() if what in ("bundle", "refresh") else None)
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.session() as s:
            d = central.dashboard(s, self.ctx.actor)
            waiting = central.review_queue(s, self.ctx.actor)
            programmes = prog.awaiting_group(s)
        self.steps.refresh()
        self.data = d
        active = [p for p in d.provinces if p.dossiers or p.bundles_imported or p.sent_sequence]
        self.model.set_rows(sorted(active, key=lambda p: -p.dossiers))
        n = self.num
        find(self.ui, QLabel, "title_label").setText(
            self.tr("National dashboard — %1 provinces have dossiers at the centre").replace(
                "%1", n(len(active))
            )
        )
        for key, value in (
            ("total", d.total),
            ("review", d.waiting_review),
            ("registration", d.waiting_registration),
            ("license", d.waiting_license),
            ("licensed", d.licenses.get("valid", 0)),
            ("initial", d.initial_list),
            ("members", d.central_members),
            ("programmes", len(programmes)),
        ):
            find(self.ui, QLabel, f"{key}_value").setText(n(value))
        fa = self.ctx.lang == "fa"
        self.waiting_list.clear()
        for r in waiting[:40]:
            score = fa_score(r.provincial_score) if fa else f"{r.provincial_score or 0:.1f}"
            text = self.tr("%1 — %2 (provincial score %3)").replace("%1", r.name).replace("%2", r.province_fa)
            item = QListWidgetItem(text.replace("%3", score))
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.waiting_list.addItem(item)
        for p in programmes[:20]:
            item = QListWidgetItem(
                self.tr("Development programme: %1 — %2 (%3)")
                .replace("%1", p.title)
                .replace("%2", p.cluster_name)
                .replace("%3", PROGRAMME_STATE_TITLES[p.state][0 if fa else 1])
            )
            item.setData(Qt.ItemDataRole.UserRole, f"programme:{p.id}")
            self.waiting_list.addItem(item)
        if not waiting and not programmes:
            self.waiting_list.addItem(self.tr("Nothing waits for the working group."))
        self.meetings_list.clear()
        for m in d.meetings:
            number = to_persian_digits(m.number) if fa else m.number
            held = format_jalali(m.held_on, persian=fa)
            text = (
                self.tr("Minutes %1 of %2: %3 decisions, %4 present")
                .replace("%1", number)
                .replace("%2", held)
                .replace("%3", n(m.decisions))
                .replace("%4", n(m.attendees))
            )
            self.meetings_list.addItem(text)
        if not d.meetings:
            self.meetings_list.addItem(self.tr("No meeting is recorded yet."))
        self.charts.invalidate()

    def open_waiting(self, item: QListWidgetItem) -> None:
        """A dossier opens its page; a programme opens in the programmes view."""
        ident = item.data(Qt.ItemDataRole.UserRole)
        if not ident:
            return
        if not str(ident).startswith("programme:"):
            self.ctx.open_dossier.emit(ident)
            return
        win = self.window()
        view = win.show_view("programmes") if hasattr(win, "show_view") else None
        if view is not None and hasattr(view, "select_programme"):
            view.state_combo.setCurrentIndex(0)
            view.select_programme(str(ident).partition(":")[2])

    def show_province(self, code: str) -> None:
        """Open the national list filtered to one province."""
        win = self.window()
        view = win.show_view("national-list") if hasattr(win, "show_view") else None
        if view is not None and hasattr(view, "province_combo"):
            view.province_combo.setCurrentIndex(max(0, view.province_combo.findData(code)))


def screenshot(ctx: AppContext) -> QWidget:
    """The national dashboard with its charts' tab forward."""
    view = CentralDashboardView(ctx)
    view.charts.show_now()
    return view
