"""The national list and ranking (F3, F3-1, F6): every dossier at the centre with provincial and
central scores and national ranks, filtered by province, product (HS), score and state; sorted and
paged in SQL. The centre's own initial list (F3) is added here and sent to the province as a
request to complete the plan. The ranking report prints for the chosen province or the whole country."""

from __future__ import annotations

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication, Qt, QTimer
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError, FormError
from cluster_desktop.domain.roles import Role
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.services import central
from cluster_desktop.services.clusters import ClusterInput, ProductInput
from cluster_desktop.services.reference import provinces

from . import prompts
from .central_tables import ID_ROLE, Column, PagedModel, fa_code, fa_num, fa_score, select_row, state_title
from .context import AppContext
from .operation import Operation
from .print_preview import preview_document
from .uiloader import find, load_ui
from .widgets import FieldErrors

HEADERS = [
    ("rank", QT_TRANSLATE_NOOP("NationalListView", "National rank")),
    ("name", QT_TRANSLATE_NOOP("NationalListView", "Cluster")),
    ("province", QT_TRANSLATE_NOOP("NationalListView", "Province")),
    ("county", QT_TRANSLATE_NOOP("NationalListView", "County")),
    ("", QT_TRANSLATE_NOOP("NationalListView", "Products (HS)")),
    ("state", QT_TRANSLATE_NOOP("NationalListView", "State")),
    ("provincial", QT_TRANSLATE_NOOP("NationalListView", "Provincial score")),
    ("central", QT_TRANSLATE_NOOP("NationalListView", "Central score")),
    ("exports", QT_TRANSLATE_NOOP("NationalListView", "Exports (USD)")),
    ("", QT_TRANSLATE_NOOP("NationalListView", "License")),
]


def _tr(text: str) -> str:
    return QCoreApplication.translate("NationalListView", text)


def national_columns(lang: str) -> list[Column]:
    fa = lang == "fa"
    num = fa_num if fa else (lambda n: "" if n is None else f"{n:,}")
    score = fa_score if fa else (lambda x: "—" if x is None else f"{x:.1f}")
    texts = [
        lambda r: num(r.rank) if r.rank else "—",
        lambda r: ("★ " if r.origin == "central" else "") + r.name,
        lambda r: r.province_fa,
        lambda r: r.county,
        lambda r: "، ".join(fa_code(hs) if fa else hs for hs, _ in r.products),
        lambda r: state_title(r.state, lang),
        lambda r: score(r.provincial_score),
        lambda r: score(r.central_score),
        lambda r: num(r.exports_usd),
        lambda r: r.license_no,
    ]
    numeric = {0, 6, 7, 8}
    return [
        Column(key, _tr(title), fn, i in numeric)
        for i, ((key, title), fn) in enumerate(zip(HEADERS, texts, strict=True))
    ]


class NationalListView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("national_list.ui", self)
        self.table = find(self.ui, QTableView, "table")
        self.search_edit = find(self.ui, QLineEdit, "search_edit")
        self.province_combo = find(self.ui, QComboBox, "province_combo")
        self.hs_edit = find(self.ui, QLineEdit, "hs_edit")
        self.min_score_spin = find(self.ui, QSpinBox, "min_score_spin")
        self.state_combo = find(self.ui, QComboBox, "state_combo")
        self.initial_check = find(self.ui, QCheckBox, "initial_check")
        self.count_label = find(self.ui, QLabel, "count_label")
        self.query = central.NationalQuery()
        self.ranks: central.NationalRanks | None = None  # kept while only sort, filter or page change
        self.model = PagedModel(national_columns(ctx.lang), self._fetch, self._total, self)
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)  # row numbers would read like ranks
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        for col, width in enumerate((80, 210, 110, 100, 120, 140, 90, 90, 100)):
            self.table.setColumnWidth(col, width)
        header.setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.province_combo.addItem(self.tr("All provinces"), None)
        with ctx.session() as s:
            for p in provinces(s):
                self.province_combo.addItem(p.name_fa, p.code)
        self.state_combo.addItem(self.tr("All states"), None)
        for st in DossierState:
            self.state_combo.addItem(state_title(st.value, ctx.lang), st.value)
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.apply_filters)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.hs_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.min_score_spin.valueChanged.connect(lambda _v: self._debounce.start())
        self.province_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.state_combo.currentIndexChanged.connect(lambda _i: self.apply_filters())
        self.initial_check.toggled.connect(lambda _b: self.apply_filters())
        find(self.ui, QPushButton, "open_button").clicked.connect(self.open_selected)
        add = find(self.ui, QPushButton, "add_initial_button")
        add.clicked.connect(self.add_initial)
        self.request_button = find(self.ui, QPushButton, "request_plan_button")
        self.request_button.clicked.connect(self.request_plan)
        self.print_button = find(self.ui, QPushButton, "print_ranking_button")
        self.print_button.clicked.connect(self.print_ranking)
        # The sensitivity view is the secretariat's (services.sensitivity checks it too).
        sensitivity = find(self.ui, QPushButton, "sensitivity_button")
        sensitivity.setVisible(ctx.actor.role in (Role.SECRETARY, Role.ADMIN))
        sensitivity.clicked.connect(lambda: ctx.navigate.emit("sensitivity"))
        self.operation: Operation | None = None
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.refresh()

    # ------------------------------------------------------------ data
    def _fetch(self, order_by: str, descending: bool, offset: int, limit: int) -> list[central.NationalRow]:
        from dataclasses import replace

        q = replace(self.query, order_by=order_by or "rank", descending=descending)
        with self.ctx.session() as s:
            if self.ranks is None:
                self.ranks = central.NationalRanks(s)
            return central.national_rows(s, q, offset=offset, limit=limit, ranks=self.ranks)

    def _total(self) -> int:
        with self.ctx.session() as s:
            return central.count_national(s, self.query)

    def apply_filters(self) -> None:
        self.query = central.NationalQuery(
            search=self.search_edit.text(),
            province_code=self.province_combo.currentData(),
            hs_prefix=self.hs_edit.text(),
            min_score=float(self.min_score_spin.value()) if self.min_score_spin.value() > 0 else None,
            states=(self.state_combo.currentData(),) if self.state_combo.currentData() else (),
            origin="central" if self.initial_check.isChecked() else None,
        )
        self._reload()
        province = self.province_combo.currentData()
        self.print_button.setToolTip(
            self.tr("Preview and print the ranking report of %1.").replace(
                "%1", self.province_combo.currentText() if province else self.tr("the whole country")
            )
        )

    def refresh(self) -> None:
        """Data may have changed: ranks are computed afresh."""
        self.ranks = None
        self._reload()

    def _reload(self) -> None:
        self.model.reload()
        shown = fa_num(self.model.count) if self.ctx.lang == "fa" else str(self.model.count)
        self.count_label.setText(self.tr("%1 dossiers").replace("%1", shown))
        self._selection_changed()

    def selected(self) -> central.NationalRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_dossier(self, dossier_id: str) -> bool:
        for i in range(self.model.rowCount()):
            if self.model.index(i, 0).data(ID_ROLE) == dossier_id:
                select_row(self.table, i)
                return True
        return False

    def _selection_changed(self) -> None:
        row = self.selected()
        self.request_button.setEnabled(
            row is not None and row.origin == "central" and row.state == DossierState.DRAFT.value
        )

    # ------------------------------------------------------------ actions
    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.ctx.open_dossier.emit(row.id)

    def add_initial(self) -> None:
        dialog = InitialListDialog(self.ctx, self)
        if dialog.exec() == QDialog.DialogCode.Accepted and dialog.dossier_id:
            self.ctx.changed.emit(f"dossier:{dialog.dossier_id}")
            self.initial_check.setChecked(True)
            self.refresh()
            self.select_dossier(dialog.dossier_id)

    def print_ranking(self) -> Operation:
        """The ranking report of the chosen province (all provinces: national), made off the GUI thread."""
        province = self.province_combo.currentData()
        self.operation = preview_document(self, self.ctx, "ranking", province_code=province)
        return self.operation

    def request_plan(self) -> None:
        row = self.selected()
        if row is None:
            return
        try:
            with self.ctx.session() as s:
                central.request_plan(s, self.ctx.actor, row.id, comment="")
        except DomainError as e:
            prompts.error(self, e)
            return
        self.ctx.changed.emit(f"dossier:{row.id}")
        self.refresh()


class InitialListDialog(QDialog):
    """A national-priority cluster for the centre's initial list (F3)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier_id: str | None = None
        self.ui = load_ui("initial_list_dialog.ui", self)
        self.setWindowTitle(self.tr("Add a cluster to the centre's initial list"))
        self.province_combo = find(self.ui, QComboBox, "province_combo")
        self.name_edit = find(self.ui, QLineEdit, "name_edit")
        self.county_edit = find(self.ui, QLineEdit, "county_edit")
        self.sector_edit = find(self.ui, QLineEdit, "sector_edit")
        self.hs_edit = find(self.ui, QLineEdit, "hs_edit")
        self.product_edit = find(self.ui, QLineEdit, "product_edit")
        self.note_edit = find(self.ui, QPlainTextEdit, "note_edit")
        self.request_check = find(self.ui, QCheckBox, "request_check")
        self.errors = FieldErrors(self.ui)
        self.province_combo.addItem(self.tr("— choose the province —"), None)
        with ctx.session() as s:
            for p in provinces(s):
                self.province_combo.addItem(p.name_fa, p.code)
        buttons = find(self.ui, QDialogButtonBox, "buttons")
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Save"))
        save.setObjectName("save_button")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def choose_province(self, code: str) -> None:
        self.province_combo.setCurrentIndex(max(0, self.province_combo.findData(code)))

    def save(self) -> None:
        hs, product = self.hs_edit.text().strip(), self.product_edit.text().strip()
        data = ClusterInput(
            name=self.name_edit.text(),
            county=self.county_edit.text(),
            province_code=self.province_combo.currentData(),
            sector=self.sector_edit.text(),
            products=[ProductInput(hs, product)] if hs or product else [],
        )
        try:
            with self.ctx.session() as s:
                d = central.add_to_initial_list(
                    s,
                    self.ctx.actor,
                    data,
                    note=self.note_edit.toPlainText(),
                    request=self.request_check.isChecked(),
                )
                self.dossier_id = d.id
        except FormError as e:
            self.errors.show(e)
            return
        except DomainError as e:
            self.errors.show(e)
            return
        self.accept()


def screenshot(ctx: AppContext) -> QWidget:
    """The national list ranked, with its first row selected."""
    view = NationalListView(ctx)
    select_row(view.table, 0)
    return view
