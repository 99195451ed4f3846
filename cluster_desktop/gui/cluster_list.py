"""Clusters and nominations (F3-2): the searchable, sortable, filterable list of dossiers, and the
province's ranking report (at the centre: the chosen province's, or the national one)."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from cluster_desktop.domain.numbers import format_int
from cluster_desktop.domain.workflow import DOSSIER_STATE_TITLES, DossierState
from cluster_desktop.services.cluster_queries import may_record_clusters, provinces

from .context import AppContext
from .dossier_table_model import COLUMNS, ID_ROLE, DossierTableModel
from .operation import Operation
from .print_preview import preview_document
from .uiloader import find, load_ui

SEARCH_DELAY_MS = 250  # wait for a pause in typing before asking the database

COLUMN_WIDTHS = {"county": 120, "province": 120, "state": 190, "score": 80, "employees": 95, "exports": 130}


class ClusterListView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("cluster_list.ui", self)
        self.search_edit = find(self.ui, QLineEdit, "search_edit")
        self.state_combo = find(self.ui, QComboBox, "state_combo")
        self.province_combo = find(self.ui, QComboBox, "province_combo")
        self.hs_edit = find(self.ui, QLineEdit, "hs_edit")
        self.table = find(self.ui, QTableView, "table")
        self.count_label = find(self.ui, QLabel, "count_label")
        self.new_button = find(self.ui, QPushButton, "new_button")
        self.open_button = find(self.ui, QPushButton, "open_button")
        self.new_dialog: QWidget | None = None
        fa = ctx.lang == "fa"

        self.state_combo.addItem(self.tr("All states"), None)
        # Every state, also at a province: the centre's decisions come back to it in bundles.
        for state in DossierState:
            self.state_combo.addItem(DOSSIER_STATE_TITLES[state][0 if fa else 1], state.value)
        self.province_combo.addItem(self.tr("All provinces"), None)
        with ctx.session() as s:
            for code, name in provinces(s):
                self.province_combo.addItem(name, code)
        # A provincial office holds only its own province's dossiers.
        for w in (self.province_combo, find(self.ui, QLabel, "province_label")):
            w.setVisible(ctx.is_central)
        self.new_button.setVisible(may_record_clusters(ctx.actor))

        self.model = DossierTableModel(ctx, self)
        self.model.count_changed.connect(self._show_count)
        self.table.setModel(self.model)
        self._setup_table()

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.hs_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self.apply_filters)
        self.hs_edit.returnPressed.connect(self.apply_filters)
        self.state_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.province_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.table.activated.connect(self._activated)
        self.open_button.clicked.connect(self.open_current)
        self.new_button.clicked.connect(self.new_cluster)
        self.print_button = find(self.ui, QPushButton, "print_ranking_button")
        self.print_button.clicked.connect(self.print_ranking)
        self.operation: Operation | None = None
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        ctx.changed.connect(self._data_changed)
        self.apply_filters()

    def _setup_table(self) -> None:
        t = self.table
        t.setSortingEnabled(False)
        header = t.horizontalHeader()
        header.setSectionsClickable(True)
        header.setSortIndicatorShown(True)
        header.setSortIndicator(-1, Qt.SortOrder.DescendingOrder)
        header.sortIndicatorChanged.connect(self.model.sort)
        header.setStretchLastSection(False)
        for i, col in enumerate(COLUMNS):
            if col.key == "name":
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)
            else:
                header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
                t.setColumnWidth(i, COLUMN_WIDTHS.get(col.key, 110))
        # Fixed row heights: the view never measures 100,000 rows.
        vh = t.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        vh.setDefaultSectionSize(t.fontMetrics().height() + 12)
        vh.hide()
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        if not self.ctx.is_central:
            t.hideColumn(next(i for i, c in enumerate(COLUMNS) if c.key == "province"))

    # ------------------------------------------------------------------ filters
    def apply_filters(self) -> None:
        self._timer.stop()
        q = replace(
            self.model.query(),
            search=self.search_edit.text(),
            states=(self.state_combo.currentData(),) if self.state_combo.currentData() else (),
            province_code=self.province_combo.currentData() if self.ctx.is_central else None,
            hs_prefix=self.hs_edit.text(),
        )
        self.model.set_query(q)
        self._update_buttons()
        if not self.ctx.is_central:
            tip = self.tr("Preview and print the province's ranking report.")
        elif self.ranking_province():
            tip = self.tr("Preview and print the ranking report of %1.").replace(
                "%1", self.province_combo.currentText()
            )
        else:
            tip = self.tr("Preview and print the national ranking report.")
        self.print_button.setToolTip(tip)

    def set_state_filter(self, state: str | None) -> None:
        """Show only dossiers in ``state`` (``None``: every state); the dashboard calls this."""
        i = self.state_combo.findData(state) if state else 0
        self.state_combo.setCurrentIndex(max(i, 0))
        self.apply_filters()

    def set_search(self, text: str) -> None:
        self.search_edit.setText(text)
        self.apply_filters()

    def refresh(self) -> None:
        """Query again (data changed elsewhere), keeping filters and sort."""
        self.model.reload()
        self._update_buttons()

    def _data_changed(self, what: str) -> None:
        if what.startswith("dossier:") or what in ("bundle", "clusters"):
            self.refresh()

    def _show_count(self, n: int) -> None:
        fa = self.ctx.lang == "fa"
        self.count_label.setText(self.tr("%1 dossiers").replace("%1", format_int(n, persian=fa)))

    def _update_buttons(self) -> None:
        self.open_button.setEnabled(self.table.currentIndex().isValid())

    # ------------------------------------------------------------------ printing
    def ranking_province(self) -> str | None:
        """The province the ranking covers: this office's own, or the one chosen at the centre."""
        if self.ctx.is_central:
            chosen: str | None = self.province_combo.currentData()
            return chosen
        return self.ctx.actor.province_code

    def print_ranking(self) -> Operation:
        """Preview the ranking report (made off the GUI thread; the filters other than province do not apply)."""
        self.operation = preview_document(self, self.ctx, "ranking", province_code=self.ranking_province())
        return self.operation

    # ------------------------------------------------------------------ opening
    def _activated(self, index: QModelIndex) -> None:
        dossier_id = index.data(ID_ROLE)
        if dossier_id:
            self.ctx.open_dossier.emit(dossier_id)

    def open_current(self) -> None:
        index = self.table.currentIndex()
        if index.isValid():
            self._activated(index)

    def new_cluster(self) -> None:
        """Record a new cluster in the profile form (a dialog); its dossier opens once saved."""
        from .cluster_form import NewClusterDialog

        dialog = NewClusterDialog(self.ctx, self)
        dialog.created.connect(self.ctx.open_dossier.emit)
        self.new_dialog = dialog
        dialog.open()


def screenshot(ctx: AppContext) -> QWidget:
    view = ClusterListView(ctx)
    header = view.table.horizontalHeader()
    header.setSortIndicator(
        next(i for i, c in enumerate(COLUMNS) if c.key == "score"), Qt.SortOrder.DescendingOrder
    )
    return view
