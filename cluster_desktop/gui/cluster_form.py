"""The cluster profile (F3-2): the dossier page's "profile" section, and the form for a new cluster.

Values go to services.clusters as typed (any digits); the service validates everything at once and
its messages appear beside the fields. A new cluster whose name looks like one already recorded in
the province is saved only after the person confirms it is not the same cluster.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError, FormError
from cluster_desktop.domain.jalali import format_jalali_datetime
from cluster_desktop.domain.numbers import format_int, to_latin_digits, to_persian_digits
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services.cluster_queries import (
    possible_duplicates,
    profile_edit_refusal,
    provinces,
)
from cluster_desktop.services.clusters import (
    ClusterInput,
    FirmInput,
    MarketInput,
    ProductInput,
    YearInput,
    cluster_input_of,
    create_cluster,
    get_dossier,
    update_cluster,
)

from . import prompts
from .context import AppContext
from .uiloader import find, load_ui
from .widgets import FieldErrors

# Single-line fields of ClusterInput, each shown in a QLineEdit named "<field>_edit".
TEXT_FIELDS = (
    "name",
    "county",
    "city",
    "sector",
    "managing_entity",
    "managing_entity_type",
    "managing_entity_reg_no",
    "contact_name",
    "contact_phone",
    "contact_email",
)
NUMBER_FIELDS = ("firms_count", "employees", "annual_production_rial", "annual_exports_usd")
# Codes made of digits: shown in Persian digits, stored in Latin ones (searchable, comparable).
DIGIT_FIELDS = ("contact_phone", "managing_entity_reg_no")
LONG_FIELDS = ("description", "address")


@dataclass(frozen=True)
class Cell:
    field: str
    kind: str = "text"  # text | number (grouped) | code (digits, no grouping) | check


# The editable tables: their columns in order, as fields of the matching *Input dataclass.
TABLES: dict[str, tuple[Cell, ...]] = {
    "products": (Cell("hs_code", "code"), Cell("name_fa")),
    "markets": (Cell("country_fa"), Cell("share_percent", "code")),
    "firms": (
        Cell("name"),
        Cell("national_id", "code"),
        Cell("employees", "number"),
        Cell("exporter", "check"),
    ),
    "yearly": (
        Cell("year", "code"),
        Cell("production_rial", "number"),
        Cell("exports_usd", "number"),
        Cell("employees", "number"),
    ),
}
# Narrow columns (the rest share the width).
NARROW = {("products", 0): 110, ("markets", 1): 90, ("firms", 3): 70, ("yearly", 0): 70}


class ClusterForm(QWidget):
    """Profile of the cluster of ``dossier_id``; ``dossier_id=None`` records a new cluster."""

    saved = Signal(str)  # the dossier id, after every successful save

    def __init__(self, ctx: AppContext, dossier_id: str | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier_id = dossier_id
        self.cluster_id: str | None = None
        self.loaded_version: int | None = None  # what the form shows: a save checks it is still current
        self.loaded_name = ""
        self.read_only = False
        self._dirty = False
        self._loading = False
        self.ui = load_ui("cluster_form.ui", self)
        self.errors = FieldErrors(self.ui)
        self.edits = {f: find(self.ui, QLineEdit, f"{f}_edit") for f in TEXT_FIELDS + NUMBER_FIELDS}
        self.long_edits = {f: find(self.ui, QPlainTextEdit, f"{f}_edit") for f in LONG_FIELDS}
        self.tables = {k: find(self.ui, QTableWidget, f"{k}_table") for k in TABLES}
        self.province_combo = find(self.ui, QComboBox, "province_edit")
        self.priority_check = find(self.ui, QCheckBox, "national_priority_check")
        self.status_label = find(self.ui, QLabel, "status_label")
        self.save_button = find(self.ui, QPushButton, "save_button")
        self.revert_button = find(self.ui, QPushButton, "revert_button")
        self._setup()
        self.load()

    @classmethod
    def for_new(cls, ctx: AppContext, parent: QWidget | None = None) -> ClusterForm:
        return cls(ctx, None, parent)

    def section_title(self) -> str:
        return self.tr("Cluster profile")

    # ------------------------------------------------------------------ setup
    def _setup(self) -> None:
        with self.ctx.session() as s:
            for code, name in provinces(s):
                self.province_combo.addItem(name, code)
        if not self.ctx.is_central:  # a province records only its own clusters
            find(self.ui, QFormLayout, "general_form").setRowVisible(self.province_combo, False)
        for w in self.edits.values():
            w.textEdited.connect(self._touched)
        for f in NUMBER_FIELDS + DIGIT_FIELDS:
            self.edits[f].setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        for f in ("contact_email",):
            self.edits[f].setLayoutDirection(Qt.LayoutDirection.LeftToRight)
        for w in self.long_edits.values():
            w.textChanged.connect(self._touched)
        self.province_combo.currentIndexChanged.connect(self._touched)
        self.priority_check.toggled.connect(self._touched)
        for key, table in self.tables.items():
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
            for (k, col), width in NARROW.items():
                if k == key:
                    header.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
                    table.setColumnWidth(col, width)
            table.verticalHeader().setDefaultSectionSize(table.fontMetrics().height() + 10)
            table.itemChanged.connect(self._touched)
            find(self.ui, QPushButton, f"add_{key}_button").clicked.connect(
                lambda _c=False, k=key: self.add_row(k)
            )
            find(self.ui, QPushButton, f"remove_{key}_button").clicked.connect(
                lambda _c=False, k=key: self.remove_row(k)
            )
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)

    def _touched(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True

    def is_dirty(self) -> bool:
        return self._dirty

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        """Show what is stored (or an empty form for a new cluster); unsaved edits are dropped."""
        self._loading = True
        try:
            refusal = None
            updated = None
            if self.dossier_id is None:
                data = ClusterInput(name="", county="", province_code=self.ctx.actor.province_code)
            else:
                with self.ctx.session() as s:
                    dossier = get_dossier(s, self.dossier_id)
                    self.cluster_id = dossier.cluster_id
                    data = cluster_input_of(dossier.cluster)
                    updated = dossier.cluster.updated_at
                    self.loaded_version = dossier.cluster.version
                    refusal = profile_edit_refusal(s, self.ctx.actor, self.dossier_id)
            self.loaded_name = data.name
            self._fill(data)
            self.errors.clear()
            self._set_read_only(refusal is not None)
            if refusal is not None:
                self.status_label.setText(str(refusal))
            elif self.dossier_id is None:
                self.status_label.setText(
                    self.tr("A new cluster: its dossier opens as a draft once the profile is saved.")
                )
            else:
                when = format_jalali_datetime(updated)
                self.status_label.setText(
                    self.tr("Last saved %1").replace(
                        "%1", when if self.ctx.lang == "fa" else to_latin_digits(when)
                    )
                )
        finally:
            self._loading = False
        self._dirty = False

    def refresh(self) -> None:
        """The dossier changed elsewhere: show it again, unless the person is editing it."""
        if not self._dirty:
            self.load()

    def _num(self, value: int | str | None, *, grouping: bool = True) -> str:
        if value in (None, ""):
            return ""
        fa = self.ctx.lang == "fa"
        if isinstance(value, int):
            return format_int(value, persian=fa, grouping=grouping)
        return to_persian_digits(value) if fa else str(value)

    def _fill(self, data: ClusterInput) -> None:
        fa = self.ctx.lang == "fa"
        for f in TEXT_FIELDS:
            value = getattr(data, f)
            self.edits[f].setText(to_persian_digits(value) if fa and f in DIGIT_FIELDS else value)
        for f in NUMBER_FIELDS:
            value = getattr(data, f)
            self.edits[f].setText(self._num(value) if value or self.dossier_id else "")
        for f in LONG_FIELDS:
            self.long_edits[f].setPlainText(getattr(data, f))
        i = self.province_combo.findData(data.province_code)
        self.province_combo.setCurrentIndex(i)
        self.priority_check.setChecked(bool(data.national_priority))
        rows = {
            "products": [(p.hs_code, p.name_fa) for p in data.products],
            "markets": [(m.country_fa, m.share_percent) for m in data.markets],
            "firms": [(f.name, f.national_id, f.employees, f.exporter) for f in data.firms],
            "yearly": [(y.year, y.production_rial, y.exports_usd, y.employees) for y in data.yearly],
        }
        for key, table in self.tables.items():
            table.setRowCount(0)
            for values in rows[key]:
                self._append(key, values)

    def _append(self, key: str, values: tuple | None = None) -> int:
        table = self.tables[key]
        row = table.rowCount()
        table.insertRow(row)
        for col, cell in enumerate(TABLES[key]):
            value = values[col] if values else None
            item = QTableWidgetItem()
            if cell.kind == "check":
                item.setFlags(
                    Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsUserCheckable
                )
                item.setCheckState(Qt.CheckState.Checked if value else Qt.CheckState.Unchecked)
            elif cell.kind == "number":
                item.setText(self._num(value))
            elif cell.kind == "code":
                item.setText(self._num(value, grouping=False))
            else:
                item.setText(value or "")
            table.setItem(row, col, item)
        return row

    # ------------------------------------------------------------------ editing
    def add_row(self, key: str) -> None:
        row = self._append(key)
        self._touched()
        table = self.tables[key]
        table.setCurrentCell(row, 0)
        table.editItem(table.item(row, 0))

    def remove_row(self, key: str) -> None:
        table = self.tables[key]
        row = table.currentRow()
        if row < 0:
            row = table.rowCount() - 1
        if row >= 0:
            table.removeRow(row)
            self._touched()

    def revert(self) -> None:
        self.load()

    def _set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for w in self.edits.values():
            w.setReadOnly(read_only)
        for w in self.long_edits.values():
            w.setReadOnly(read_only)
        self.province_combo.setEnabled(not read_only and self.dossier_id is None)
        self.priority_check.setEnabled(not read_only)
        for key, table in self.tables.items():
            table.setEditTriggers(
                QTableWidget.EditTrigger.NoEditTriggers
                if read_only
                else QTableWidget.EditTrigger.DoubleClicked
                | QTableWidget.EditTrigger.EditKeyPressed
                | QTableWidget.EditTrigger.AnyKeyPressed
            )
            for name in (f"add_{key}_button", f"remove_{key}_button"):
                find(self.ui, QPushButton, name).setVisible(not read_only)
            if read_only:
                for row in range(table.rowCount()):
                    for col, cell in enumerate(TABLES[key]):
                        if cell.kind == "check":
                            table.item(row, col).setFlags(Qt.ItemFlag.ItemIsEnabled)
        self.save_button.setVisible(not read_only)
        self.revert_button.setVisible(not read_only)

    # ------------------------------------------------------------------ saving
    def _table_rows(self, key: str) -> list[tuple[int, list]]:
        """(table row, values) of every row with something in it; empty rows are ignored."""
        table = self.tables[key]
        out = []
        for row in range(table.rowCount()):
            values: list = []
            for col, cell in enumerate(TABLES[key]):
                item = table.item(row, col)
                if cell.kind == "check":
                    values.append(item is not None and item.checkState() == Qt.CheckState.Checked)
                else:
                    text = item.text().strip() if item else ""
                    values.append(to_latin_digits(text) if cell.kind == "code" else text)
            if any(v for v in values if not isinstance(v, bool)):
                out.append((row, values))
        return out

    def collect(self) -> ClusterInput:
        """The form's values, as typed."""
        self._row_map: dict[str, list[int]] = {}
        lists: dict[str, list] = {}
        for key, cls in (
            ("products", ProductInput),
            ("markets", MarketInput),
            ("firms", FirmInput),
            ("yearly", YearInput),
        ):
            rows = self._table_rows(key)
            self._row_map[key] = [r for r, _ in rows]
            lists[key] = [cls(*values) for _, values in rows]
        central = self.ctx.actor.office_kind is OfficeKind.CENTRAL
        return ClusterInput(
            **{f: self.edits[f].text() for f in TEXT_FIELDS + NUMBER_FIELDS if f not in DIGIT_FIELDS},
            **{f: to_latin_digits(self.edits[f].text()) for f in DIGIT_FIELDS},
            **{f: self.long_edits[f].toPlainText() for f in LONG_FIELDS},
            province_code=self.province_combo.currentData() if central else None,
            national_priority=self.priority_check.isChecked(),
            **lists,
        )

    def save(self) -> bool:
        """Validate and save through the service; on refusal, messages beside the fields, nothing saved."""
        if self.read_only:
            return False
        data = self.collect()
        self.errors.clear()
        if not self._confirm_not_duplicate(data):
            return False
        try:
            with self.ctx.session() as s:
                if self.dossier_id is None:
                    origin = "central" if self.ctx.is_central else "province"
                    dossier_id = create_cluster(s, self.ctx.actor, data, origin=origin).id
                else:
                    assert self.cluster_id is not None
                    update_cluster(
                        s, self.ctx.actor, self.cluster_id, data, expected_version=self.loaded_version
                    )
                    dossier_id = self.dossier_id
        except DomainError as exc:
            self.errors.show(exc)
            self._point_at(exc)
            return False
        self.dossier_id = dossier_id
        self._dirty = False
        self.load()
        self.ctx.changed.emit(f"dossier:{dossier_id}")
        self.saved.emit(dossier_id)
        return True

    def _confirm_not_duplicate(self, data: ClusterInput) -> bool:
        if self.dossier_id is not None and data.name.strip() == self.loaded_name:
            return True
        with self.ctx.session() as s:
            similar = possible_duplicates(s, self.ctx.actor, data, exclude_id=self.cluster_id)
        if not similar:
            return True
        lines = "\n".join(f"• {c.name} — {c.county}" for c in similar)
        return prompts.confirm(
            self,
            self.tr("Similar clusters"),
            self.tr(
                "Clusters with similar names are already recorded in this province:\n%1\n\n"
                "Is this a different cluster? Record it anyway?"
            ).replace("%1", lines),
        )

    def _point_at(self, exc: DomainError) -> None:
        """Put the cursor where the first problem is (a field or a table cell)."""
        keys = list(exc.by_field()) if isinstance(exc, FormError) else [exc.field or ""]
        for key in keys:
            parts = key.split(".")
            if parts[0] in self.edits:
                self.edits[parts[0]].setFocus()
                return
            if parts[0] in self.tables and len(parts) == 3 and parts[1].isdigit():
                rows = getattr(self, "_row_map", {}).get(parts[0], [])
                cols = [c.field for c in TABLES[parts[0]]]
                if int(parts[1]) < len(rows) and parts[2] in cols:
                    self.tables[parts[0]].setCurrentCell(rows[int(parts[1])], cols.index(parts[2]))
                return

    def may_close(self) -> bool:
        """Unsaved edits: ask to save, discard or stay."""
        if not self._dirty or self.read_only:
            return True
        answer = prompts.save_discard_cancel(self, self.tr("The cluster profile"))
        if answer == "save":
            return self.save()
        if answer == "discard":
            self._dirty = False
            return True
        return False


class NewClusterDialog(QDialog):
    """Records a new cluster; ``created`` gives the new dossier's id and the dialog closes."""

    created = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("new_cluster_dialog")
        self.setWindowTitle(self.tr("New cluster"))
        self.dossier_id: str | None = None
        self.form = ClusterForm.for_new(ctx, self)
        layout = QVBoxLayout(self)
        layout.addWidget(self.form)
        self.resize(1150, 780)
        self.form.saved.connect(self._saved)

    def _saved(self, dossier_id: str) -> None:
        self.dossier_id = dossier_id
        self.created.emit(dossier_id)
        self.accept()

    def reject(self) -> None:
        if self.form.may_close():
            super().reject()


def screenshot(ctx: AppContext) -> QWidget:
    """The profile of the cluster with the fullest record (products, firms, yearly figures)."""
    from cluster_desktop.services.cluster_queries import richest_dossier

    with ctx.session() as s:
        dossier_id = richest_dossier(s)
    if dossier_id is None:
        return ClusterForm.for_new(ctx)
    from .dossier_page import page_at

    return page_at(ctx, dossier_id, "profile")
