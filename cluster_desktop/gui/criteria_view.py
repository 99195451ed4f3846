"""Criteria sets (F15): every version of the nine Article 7 criteria with weights and threshold, and at
the centre the revision of the current one. The service decides who may revise and what is valid."""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.domain.numbers import format_int, to_latin_digits, to_persian_digits
from cluster_desktop.domain.roles import Role
from cluster_desktop.services import criteria

from . import prompts
from .central_tables import Column, RowsModel, select_row
from .context import AppContext
from .uiloader import find, load_ui
from .widgets import FieldErrors


class CriteriaRevisionDialog(QDialog):
    """The current set's weights to edit, the threshold and the reason; OK makes the next version."""

    def __init__(self, ctx: AppContext, current: criteria.SetRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.new_number: int | None = None
        self.ui = load_ui("criteria_revision_dialog.ui", self)
        self.setWindowTitle(self.tr("Revise the criteria"))
        find(self.ui, QLabel, "current_label").setText(
            self.tr("Current version %1: %2")
            .replace("%1", self._n(current.number))
            .replace("%2", current.title_fa)
        )
        form = find(self.ui, QFormLayout, "weights_form")
        box = find(self.ui, QWidget, "weights_box")
        self.weight_edits: dict[str, QLineEdit] = {}
        for c in current.criteria:
            edit = QLineEdit(self._n(c.weight_percent), box)
            edit.setObjectName(f"weight_{c.code}_edit")
            edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
            edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            edit.setMaximumWidth(90)
            edit.textChanged.connect(lambda _t: self._update_sum())
            error = QLabel(box)
            error.setObjectName(f"weight_{c.code}_error")
            cell = QWidget(box)
            column = QVBoxLayout(cell)
            column.setContentsMargins(0, 0, 0, 0)
            column.addWidget(edit)
            column.addWidget(error)
            title = QLabel(c.title_fa if self.fa else c.title_en, box)
            title.setWordWrap(True)
            for label in (title, error):
                label.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(title, cell)
            self.weight_edits[c.code] = edit
        self.threshold_edit = find(self.ui, QLineEdit, "threshold_edit")
        self.threshold_edit.setText(self._n(round(current.threshold)))
        self.note_edit = find(self.ui, QPlainTextEdit, "note_edit")
        self.sum_label = find(self.ui, QLabel, "sum_label")
        self.errors = FieldErrors(self.ui)
        self._update_sum()
        buttons = find(self.ui, QDialogButtonBox, "buttons")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Make it the current version"))
        ok.setObjectName("revise_ok_button")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def _n(self, n: int) -> str:
        return to_persian_digits(n) if self.fa else str(n)

    def _update_sum(self) -> None:
        """The running total as the weights are typed (the service checks it again on save)."""
        total = 0
        for edit in self.weight_edits.values():
            text = to_latin_digits(edit.text().strip())
            if not text.isdigit():
                self.sum_label.setText(self.tr("Total: —"))
                self.sum_label.setStyleSheet("color: #b00020;")
                return
            total += int(text)
        self.sum_label.setText(self.tr("Total: %1 of 100").replace("%1", self._n(total)))
        self.sum_label.setStyleSheet("" if total == 100 else "color: #b00020;")

    def save(self) -> bool:
        data = criteria.RevisionInput(
            {code: edit.text() for code, edit in self.weight_edits.items()},
            self.threshold_edit.text(),
            self.note_edit.toPlainText(),
        )
        try:
            with self.ctx.session() as s:
                self.new_number = criteria.revise(s, self.ctx.actor, data).number
        except DomainError as e:
            self.errors.show(e)
            return False
        self.accept()
        return True


class CriteriaView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.ui = load_ui("criteria_view.ui", self)
        self.dialog: CriteriaRevisionDialog | None = None
        self.sets_table = find(self.ui, QTableView, "sets_table")
        self.sets_model = RowsModel(
            [
                Column("number", self.tr("Version"), lambda r: self._n(r.number), True),
                Column(
                    "current", self.tr("Current"), lambda r: self.tr("current") if r.is_current else "", True
                ),
                Column("threshold", self.tr("Threshold"), lambda r: self._n(round(r.threshold)), True),
                Column("sheets", self.tr("Sheets scored"), lambda r: self._n(r.sheets), True),
                Column(
                    "since", self.tr("Made on"), lambda r: format_jalali(r.created_at, persian=self.fa), True
                ),
            ],
            self,
        )
        self.sets_table.setModel(self.sets_model)
        self.criteria_table = find(self.ui, QTableView, "criteria_table")
        self.criteria_model = RowsModel(
            [
                Column("code", self.tr("Code"), lambda r: r.code, True),
                Column("title", self.tr("Criterion"), lambda r: r.title_fa if self.fa else r.title_en),
                Column(
                    "weight",
                    self.tr("Weight"),
                    lambda r: f"{self._n(r.weight_percent)}٪" if self.fa else f"{r.weight_percent}%",
                    True,
                ),
            ],
            self,
        )
        self.criteria_table.setModel(self.criteria_model)
        for table in (self.sets_table, self.criteria_table):
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setStretchLastSection(True)
            table.verticalHeader().setVisible(False)
        # Five short columns: shared evenly rather than all the slack given to the date.
        self.sets_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.criteria_table.horizontalHeader().setStretchLastSection(False)
        self.criteria_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.set_label = find(self.ui, QLabel, "set_label")
        self.revise_button = find(self.ui, QPushButton, "revise_button")
        self.revise_button.clicked.connect(self.revise)
        note = find(self.ui, QLabel, "revise_note")
        # Only the centre's secretary revises; the service refuses anyone else as well.
        may_revise = ctx.is_central and ctx.actor.role in (Role.SECRETARY, Role.ADMIN)
        self.revise_button.setVisible(may_revise)
        note.setText(
            ""
            if may_revise
            else self.tr("Revisions are made by the centre's secretary and arrive with its decision bundles.")
        )
        splitter = find(self.ui, QSplitter, "splitter")
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        self.sets_table.selectionModel().selectionChanged.connect(lambda *_: self._show_selected())
        ctx.changed.connect(lambda what: self.refresh() if what in ("criteria", "bundle") else None)
        self.refresh()

    def _n(self, n: int) -> str:
        return format_int(n) if self.fa else str(n)

    def refresh(self) -> None:
        with self.ctx.session() as s:
            self.sets = criteria.criteria_sets(s)
        self.sets_model.set_rows(self.sets)
        if self.sets:
            select_row(self.sets_table, 0)

    def _show_selected(self) -> None:
        index = self.sets_table.currentIndex()
        row = self.sets_model.row_at(index.row()) if index.isValid() else None
        if row is None:
            self.criteria_model.set_rows([])
            self.set_label.clear()
            return
        self.criteria_model.set_rows(row.criteria)
        state = self.tr("current version") if row.is_current else self.tr("earlier version")
        text = f"<b>{escape(row.title_fa)}</b> ({escape(state)})"
        if row.note:
            text += "<br>" + escape(self.tr("Reason: %1").replace("%1", row.note))
        elif row.number == 1:
            text += "<br>" + escape(
                self.tr("The first set: the nine criteria of Article 7 with the default weights.")
            )
        self.set_label.setText(text)

    def revise(self) -> None:
        current = next((r for r in self.sets if r.is_current), None)
        if current is None:
            return
        self.dialog = CriteriaRevisionDialog(self.ctx, current, self)
        self.dialog.accepted.connect(self._revised)
        self.dialog.open()

    def _revised(self) -> None:
        number = self.dialog.new_number if self.dialog else None
        if number:
            prompts.info(
                self,
                self.tr("Criteria revised"),
                self.tr(
                    "Version %1 is now current; it reaches the provinces with the next decision bundles."
                ).replace("%1", self._n(number)),
            )
        self.ctx.changed.emit("criteria")


def screenshot(ctx: AppContext) -> QWidget:
    return CriteriaView(ctx)
