"""The export-cluster databank (F7): register finally approved dossiers, browse the register and
export it (CSV, XLSX) for other agencies."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTableView,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import today
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.services import central
from cluster_desktop.services import central_registers as registers
from cluster_desktop.services.reference import provinces

from . import prompts
from .central_tables import Column, RowsModel, fa_code, fa_date, fa_num, fa_score, select_row
from .context import AppContext
from .operation import Operation, Progress
from .rtl_text import path_text
from .uiloader import find, load_ui


class DatabankView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("databank.ui", self)
        fa = ctx.lang == "fa"
        self.operation: Operation | None = None
        num = fa_num if fa else (lambda n: f"{n:,}")
        code = fa_code if fa else (lambda s: s)
        status = {"valid": self.tr("valid"), "suspended": self.tr("suspended"), "revoked": self.tr("revoked")}
        self.table = find(self.ui, QTableView, "table")
        self.model = RowsModel(
            [
                Column("registry_no", self.tr("Registry number"), lambda r: r.registry_no),
                Column(
                    "registered_on",
                    self.tr("Registered on"),
                    lambda r: fa_date(r.registered_on) if fa else str(r.registered_on),
                    True,
                ),
                Column("name", self.tr("Cluster"), lambda r: r.name),
                Column("province", self.tr("Province"), lambda r: r.province_fa),
                Column("county", self.tr("County"), lambda r: r.county),
                Column(
                    "products",
                    self.tr("Products (HS)"),
                    lambda r: "، ".join(f"{code(hs)} {n}" for hs, n in r.products),
                ),
                Column("employees", self.tr("Employees"), lambda r: num(r.employees), True),
                Column("exports", self.tr("Exports (USD)"), lambda r: num(r.exports_usd), True),
                Column(
                    "score",
                    self.tr("Score"),
                    lambda r: fa_score(r.score) if fa else f"{r.score or 0:.1f}",
                    True,
                ),
                Column(
                    "license",
                    self.tr("License"),
                    lambda r: f"{r.license_no} ({status.get(r.license_status, '')})" if r.license_no else "—",
                    color=lambda r: {"suspended": "#b06000", "revoked": "#b00020"}.get(r.license_status),
                ),
            ],
            self,
            id_of=lambda r: r.dossier_id,
        )
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)  # row numbers would read like ranks
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.search_edit = find(self.ui, QLineEdit, "search_edit")
        self.hs_edit = find(self.ui, QLineEdit, "hs_edit")
        self.province_combo = find(self.ui, QComboBox, "province_combo")
        self.province_combo.addItem(self.tr("All provinces"), None)
        with ctx.session() as s:
            for p in provinces(s):
                self.province_combo.addItem(p.name_fa, p.code)
        self.waiting_list = find(self.ui, QListWidget, "waiting_list")
        self.count_label = find(self.ui, QLabel, "count_label")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.hs_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.province_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        find(self.ui, QPushButton, "register_button").clicked.connect(self.register_selected)
        find(self.ui, QPushButton, "export_csv_button").clicked.connect(lambda: self.export("csv"))
        find(self.ui, QPushButton, "export_xlsx_button").clicked.connect(lambda: self.export("xlsx"))
        find(self.ui, QPushButton, "open_button").clicked.connect(self.open_selected)
        ctx.changed.connect(
            lambda what: self.refresh() if what.startswith("dossier:") or what == "bundle" else None
        )
        self.refresh()

    def query(self) -> registers.DatabankQuery:
        return registers.DatabankQuery(
            search=self.search_edit.text(),
            province_code=self.province_combo.currentData(),
            hs_prefix=self.hs_edit.text(),
        )

    def refresh(self) -> None:
        with self.ctx.session() as s:
            rows = registers.databank_rows(s, self.query())
            waiting = central.national_rows(
                s, central.NationalQuery(states=(DossierState.APPROVED.value,)), limit=500
            )
        self.model.set_rows(rows)
        fa = self.ctx.lang == "fa"
        n = fa_num if fa else str
        self.count_label.setText(self.tr("%1 registered clusters").replace("%1", n(len(rows))))
        self.waiting_list.clear()
        for r in waiting:
            text = f"{r.name} — {r.province_fa}"
            if r.central_score is not None:
                score = fa_score(r.central_score) if fa else f"{r.central_score:.1f}"
                text += " " + self.tr("(central score %1)").replace("%1", score)
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, r.id)
            self.waiting_list.addItem(item)
        if waiting:
            self.waiting_list.setCurrentRow(0)

    def select_waiting(self, dossier_id: str) -> bool:
        for i in range(self.waiting_list.count()):
            if self.waiting_list.item(i).data(Qt.ItemDataRole.UserRole) == dossier_id:
                self.waiting_list.setCurrentRow(i)
                return True
        return False

    def register_selected(self) -> None:
        item = self.waiting_list.currentItem()
        dossier_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        if not dossier_id:
            return
        try:
            with self.ctx.session() as s:
                entry = registers.register(s, self.ctx.actor, dossier_id)
                number = entry.registry_no
        except DomainError as e:
            prompts.error(self, e)
            return
        shown = to_persian_digits(number) if self.ctx.lang == "fa" else number
        prompts.info(
            self, self.tr("Registered"), self.tr("Registered in the databank as %1.").replace("%1", shown)
        )
        self.ctx.changed.emit(f"dossier:{dossier_id}")
        self.refresh()

    def open_selected(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        if rows:
            self.ctx.open_dossier.emit(self.model.row_at(rows[0].row()).dossier_id)

    def export(self, fmt: str) -> Operation | None:
        """Write the register to a CSV or XLSX file off the GUI thread; says where when it is done."""
        suggested = f"databank-{today().isoformat()}.{fmt}"
        filters = self.tr("CSV files (*.csv)") if fmt == "csv" else self.tr("Excel workbooks (*.xlsx)")
        path = prompts.save_file(self, self.tr("Export the databank"), suggested, filters, kind="exports")
        if path is None:
            return None
        if path.suffix.lower() != f".{fmt}":
            path = path.with_suffix(f".{fmt}")
        actor, query = self.ctx.actor, self.query()

        def run(_p: Progress) -> int:
            with self.ctx.session() as s:
                return registers.export_databank(s, actor, str(path), query).clusters

        def done(count: int) -> None:
            n = fa_num(count) if self.ctx.lang == "fa" else str(count)
            prompts.info(
                self,
                self.tr("Databank exported"),
                self.tr("%1 clusters written to %2.").replace("%1", n).replace("%2", path_text(path)),
            )

        self.operation = Operation(self, self.tr("Exporting the databank…"), run).on_success(done)
        return self.operation.start()


def screenshot(ctx: AppContext) -> QWidget:
    view = DatabankView(ctx)
    select_row(view.table, 0)
    return view
