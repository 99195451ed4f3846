"""Training and awareness (F4): this office's events by Jalali year and kind, with their totals; add,
edit and delete through ``services.events`` (which checks the role and the input)."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali, today
from cluster_desktop.domain.numbers import format_int, to_persian_digits
from cluster_desktop.services import events
from cluster_desktop.services.programmes import agencies
from cluster_desktop.services.reference import provinces

from . import prompts
from .central_tables import Column, RowsModel, select_row
from .context import AppContext
from .form_dialog import FormDialog
from .uiloader import find, load_ui
from .widgets import FieldErrors, JalaliDateEdit


class EventDialog(FormDialog):
    def __init__(self, ctx: AppContext, event_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.event_id = event_id
        fa = ctx.lang == "fa"
        self.ui = load_ui("event_dialog.ui", self)
        self.setWindowTitle(
            self.tr("Edit the event") if event_id else self.tr("New training or awareness event")
        )
        self.title_edit = find(self.ui, QLineEdit, "title_edit")
        self.kind_combo = find(self.ui, QComboBox, "kind_combo")
        self.held_on_edit = find(self.ui, JalaliDateEdit, "held_on_edit")
        self.province_combo = find(self.ui, QComboBox, "province_combo")
        self.organization_combo = find(self.ui, QComboBox, "organization_combo")
        self.participants_edit = find(self.ui, QLineEdit, "participants_edit")
        self.description_edit = find(self.ui, QPlainTextEdit, "description_edit")
        self.errors = FieldErrors(self.ui)
        for key, (kind_fa, kind_en) in events.KINDS.items():
            self.kind_combo.addItem(kind_fa if fa else kind_en, key)
        self.organization_combo.addItem(self.tr("— not stated —"), None)
        with ctx.session() as s:
            for code, name_fa, name_en in agencies(s):
                self.organization_combo.addItem(name_fa if fa else name_en, code)
            if ctx.is_central:
                self.province_combo.addItem(self.tr("National (no one province)"), None)
                for p in provinces(s):
                    self.province_combo.addItem(p.name_fa if fa else p.name_en, p.code)
            data = events.event_input(s, event_id) if event_id else None
        if not ctx.is_central:  # a province's events are its own province's
            for name in ("province_label", "province_combo"):
                w = self.ui.findChild(QWidget, name)
                if w is not None:
                    w.hide()
        if data is None:
            self.held_on_edit.set_date(today())
            self.participants_edit.setText("۰" if fa else "0")
        else:
            self.title_edit.setText(data.title)
            self.kind_combo.setCurrentIndex(max(0, self.kind_combo.findData(data.kind)))
            if data.held_on and not isinstance(data.held_on, str):
                self.held_on_edit.set_date(data.held_on)
            self.province_combo.setCurrentIndex(max(0, self.province_combo.findData(data.province_code)))
            self.organization_combo.setCurrentIndex(
                max(0, self.organization_combo.findData(data.organization_code))
            )
            n = str(data.participants)
            self.participants_edit.setText(to_persian_digits(n) if fa else n)
            self.description_edit.setPlainText(data.description)
        self.ready(self.tr("Save"))

    def data(self) -> events.EventInput:
        return events.EventInput(
            title=self.title_edit.text(),
            kind=self.kind_combo.currentData() or "",
            held_on=self.held_on_edit.text() or None,
            province_code=self.province_combo.currentData(),
            organization_code=self.organization_combo.currentData(),
            participants=self.participants_edit.text(),
            description=self.description_edit.toPlainText(),
        )

    def save(self) -> bool:
        def change(s: Any) -> None:
            if self.event_id:
                events.update_event(s, self.ctx.actor, self.event_id, self.data())
            else:
                self.event_id = events.add_event(s, self.ctx.actor, self.data()).id

        return self.commit(change)


class EventsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.ui = load_ui("events_view.ui", self)
        self.dialog: EventDialog | None = None
        kinds = {k: (fa if self.fa else en) for k, (fa, en) in events.KINDS.items()}
        if ctx.is_central:
            intro = find(self.ui, QLabel, "intro_label")
            intro.setText(
                intro.text()
                + " "
                + self.tr("The provinces' events arrive with their bundles and are read-only here.")
            )
        self.table = find(self.ui, QTableView, "table")
        self.model = RowsModel(
            [
                Column(
                    "held_on", self.tr("Held on"), lambda r: format_jalali(r.held_on, persian=self.fa), True
                ),
                Column("title", self.tr("Title"), lambda r: r.title),
                Column("kind", self.tr("Kind"), lambda r: kinds.get(r.kind, r.kind)),
                Column("province", self.tr("Province"), lambda r: r.province_fa or self.tr("national")),
                Column("organization", self.tr("Run by"), lambda r: r.organization_fa),
                Column("participants", self.tr("Participants"), lambda r: self._n(r.participants), True),
                Column("description", self.tr("Description"), lambda r: r.description.replace("\n", " ")),
            ],
            self,
        )
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.verticalHeader().setVisible(False)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        self.year_combo = find(self.ui, QComboBox, "year_combo")
        self.kind_combo = find(self.ui, QComboBox, "kind_combo")
        self.totals_label = find(self.ui, QLabel, "totals_label")
        self.action_error = find(self.ui, QLabel, "action_error")
        self.action_error.setStyleSheet(FieldErrors.STYLE)
        self.kind_combo.addItem(self.tr("All kinds"), None)
        for key, title in kinds.items():
            self.kind_combo.addItem(title, key)
        self._fill_years()
        self.year_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.kind_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        find(self.ui, QPushButton, "add_button").clicked.connect(self.add)
        find(self.ui, QPushButton, "edit_button").clicked.connect(self.edit)
        find(self.ui, QPushButton, "delete_button").clicked.connect(self.delete)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._selection_changed())
        ctx.changed.connect(lambda what: self.refresh() if what in ("events", "bundle") else None)
        self.refresh()

    def _n(self, n: int) -> str:
        return format_int(n) if self.fa else f"{n:,}"

    def _fill_years(self) -> None:
        keep = self.year_combo.currentData()
        self.year_combo.blockSignals(True)
        self.year_combo.clear()
        self.year_combo.addItem(self.tr("All years"), None)
        with self.ctx.session() as s:
            for year in events.event_years(s):
                self.year_combo.addItem(to_persian_digits(year) if self.fa else str(year), year)
        self.year_combo.setCurrentIndex(max(0, self.year_combo.findData(keep)))
        self.year_combo.blockSignals(False)

    def refresh(self) -> None:
        self.action_error.clear()
        with self.ctx.session() as s:
            rows, totals = events.event_rows(
                s, year=self.year_combo.currentData(), kind=self.kind_combo.currentData()
            )
        self.model.set_rows(rows)
        self.totals_label.setText(
            self.tr("%1 events (%2 training, %3 awareness), %4 participants")
            .replace("%1", self._n(totals.events))
            .replace("%2", self._n(totals.training))
            .replace("%3", self._n(totals.awareness))
            .replace("%4", self._n(totals.participants))
        )
        if rows:
            select_row(self.table, 0)
        self._selection_changed()

    def selected(self) -> events.EventRow | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row if isinstance(row, events.EventRow) else None

    def add(self) -> None:
        self.dialog = EventDialog(self.ctx, None, self)
        self.dialog.accepted.connect(self._saved)
        self.dialog.open()

    def _selection_changed(self) -> None:
        row = self.selected()
        mine = row is not None and events.may_change(self.ctx.actor, row)
        for name in ("edit_button", "delete_button"):
            button = find(self.ui, QPushButton, name)
            button.setEnabled(mine)
            theirs = row is not None and row.office_id != self.ctx.actor.office_id
            button.setToolTip(self.tr("A province's event: only it may change it.") if theirs else "")

    def edit(self) -> None:
        row = self.selected()
        if row is None:
            self.action_error.setText(self.tr("Select an event first."))
            return
        self.dialog = EventDialog(self.ctx, row.id, self)
        self.dialog.accepted.connect(self._saved)
        self.dialog.open()

    def delete(self) -> None:
        row = self.selected()
        if row is None:
            self.action_error.setText(self.tr("Select an event first."))
            return
        if not prompts.confirm(
            self, self.tr("Delete the event"), self.tr("Delete '%1'?").replace("%1", row.title)
        ):
            return
        try:
            with self.ctx.session() as s:
                events.delete_event(s, self.ctx.actor, row.id)
        except DomainError as e:
            self.action_error.setText(str(e))
            return
        self.ctx.changed.emit("events")

    def _saved(self) -> None:
        self._fill_years()
        self.ctx.changed.emit("events")


def screenshot(ctx: AppContext) -> QWidget:
    return EventsView(ctx)
