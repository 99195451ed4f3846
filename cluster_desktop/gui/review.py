"""The secondary-review queue (F6-1): what waits for the central working group, with the provincial
score beside the central one and how far the members' scoring has got. Scoring and the minuted
decision happen on the dossier's page (its evaluation, scores and decisions sections)."""

from __future__ import annotations

from PySide6.QtWidgets import QHeaderView, QLabel, QPushButton, QTableView, QWidget

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.services import central

from . import prompts
from .central_tables import Column, RowsModel, fa_date, fa_num, fa_score, select_row, state_title
from .context import AppContext
from .uiloader import find, load_ui


class ReviewView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("review.ui", self)
        self.table = find(self.ui, QTableView, "table")
        self.summary_label = find(self.ui, QLabel, "summary_label")
        fa = ctx.lang == "fa"
        num = fa_num if fa else str
        score = fa_score if fa else (lambda x: "—" if x is None else f"{x:.1f}")
        mine = {"none": self.tr("not started"), "draft": self.tr("draft"), "submitted": self.tr("submitted")}
        self.model = RowsModel(
            [
                Column("name", self.tr("Cluster"), lambda r: r.name),
                Column("province", self.tr("Province"), lambda r: r.province_fa),
                Column("state", self.tr("State"), lambda r: state_title(r.state, ctx.lang)),
                Column("provincial", self.tr("Provincial score"), lambda r: score(r.provincial_score), True),
                Column("central", self.tr("Central score"), lambda r: score(r.central_score), True),
                Column(
                    "sheets",
                    self.tr("Sheets submitted"),
                    lambda r: (
                        self.tr("%1 of %2")
                        .replace("%1", num(r.sheets_submitted))
                        .replace("%2", num(r.members))
                    ),
                    True,
                ),
                Column("mine", self.tr("My sheet"), lambda r: mine.get(r.mine, r.mine), True),
                Column(
                    "since",
                    self.tr("Waiting since"),
                    lambda r: fa_date(r.waiting_since) if fa else str(r.waiting_since)[:10],
                    True,
                ),
            ],
            self,
        )
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)  # row numbers would read like ranks
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for col in range(1, 8):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.table.doubleClicked.connect(lambda _i: self.open_section(None))
        self.start_button = find(self.ui, QPushButton, "start_button")
        self.start_button.clicked.connect(self.start_review)
        find(self.ui, QPushButton, "score_button").clicked.connect(lambda: self.open_section("evaluation"))
        find(self.ui, QPushButton, "decide_button").clicked.connect(lambda: self.open_section("decisions"))
        find(self.ui, QPushButton, "open_button").clicked.connect(lambda: self.open_section(None))
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        ctx.changed.connect(self._changed)
        self.refresh()

    def _changed(self, what: str) -> None:
        if what.startswith("dossier:") or what in ("bundle", "refresh"):
            self.refresh()

    def refresh(self) -> None:
        current = self.selected()
        with self.ctx.session() as s:
            rows = central.review_queue(s, self.ctx.actor)
        self.model.set_rows(rows)
        received = sum(1 for r in rows if r.state == DossierState.RECEIVED.value)
        fa = self.ctx.lang == "fa"
        num = fa_num if fa else str
        self.summary_label.setText(
            self.tr("%1 dossiers wait for the central working group: %2 received, %3 in secondary review.")
            .replace("%1", num(len(rows)))
            .replace("%2", num(received))
            .replace("%3", num(len(rows) - received))
        )
        if current is not None:
            self.select_dossier(current.id)
        self._selection_changed()

    def selected(self) -> central.ReviewRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_dossier(self, dossier_id: str) -> bool:
        for i, r in enumerate(self.model.rows):
            if r.id == dossier_id:
                select_row(self.table, i)
                return True
        return False

    def _selection_changed(self) -> None:
        row = self.selected()
        self.start_button.setEnabled(row is not None and row.state == DossierState.RECEIVED.value)

    def start_review(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            with self.ctx.session() as s:
                central.open_review(s, self.ctx.actor, row.id)
        except DomainError as e:
            prompts.error(self, e)
            return
        self.ctx.changed.emit(f"dossier:{row.id}")
        self.refresh()

    def open_section(self, section: str | None) -> QWidget | None:
        """Open the selected dossier's page (on ``section`` when given) in the main window."""
        row = self.selected()
        if row is None:
            return None
        win = self.window()
        if hasattr(win, "open_dossier"):
            page = win.open_dossier(row.id)
            if page is not None and section and hasattr(page, "show_section"):
                page.show_section(section)
            return page
        self.ctx.open_dossier.emit(row.id)
        return None


def screenshot(ctx: AppContext) -> QWidget:
    view = ReviewView(ctx)
    select_row(view.table, 0)
    return view
