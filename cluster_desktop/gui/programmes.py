"""Phases 2 and 3: development programmes (F9), their review in the provincial working group (F9-1)
with approval within provincial authority (F9-2) or referral to the central working group (F9-3),
the support package with a responsible agency per item (F10, F11), allocations (F12), execution
activities (F13) and monitoring of targets against actuals (F14). Provinces and the centre use the
same view; ``services.programmes`` says which steps and parts each office may change.

The same view serves both phases in the navigation: phase 2 opens on the support package, phase 3
lists what is being executed and opens on monitoring. Every change goes through
``services.programmes``, which checks the role and the programme's state."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QTabWidget,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali, format_jalali_datetime, today
from cluster_desktop.domain.numbers import format_int, to_persian_digits
from cluster_desktop.domain.workflow import (
    PROGRAMME_STATE_TITLES,
    PROGRAMME_WORKFLOW,
    ProgrammeState,
    Requirement,
)
from cluster_desktop.domain.workflow import Transition as Rule
from cluster_desktop.services import programmes as prog

from . import prompts, responsibility_panel
from .central_tables import Column, RowsModel, select_row
from .context import AppContext
from .decision_dialog import DecisionDialog
from .form_dialog import FormDialog
from .operation import Operation
from .print_preview import preview_document
from .uiloader import find, load_ui
from .widgets import FieldErrors, JalaliDateEdit

P = ProgrammeState
# Phase 3 (execution and monitoring) lists these; phase 2 lists every programme.
PHASE3_STATES = frozenset({P.RESOURCES_ALLOCATED, P.IN_EXECUTION, P.COMPLETED})


class ProgrammeDialog(FormDialog):
    """Record a programme received by this office's secretariat (F9), or edit one still under review."""

    def __init__(
        self, ctx: AppContext, programme_id: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.programme_id = programme_id
        self.ui = load_ui("programme_dialog.ui", self)
        self.setWindowTitle(
            self.tr("Edit the programme") if programme_id else self.tr("New development programme")
        )
        fa = ctx.lang == "fa"
        self.cluster_combo = find(self.ui, QComboBox, "cluster_combo")
        self.title_edit = find(self.ui, QLineEdit, "title_edit")
        self.proposer_name_edit = find(self.ui, QLineEdit, "proposer_name_edit")
        self.proposer_kind_combo = find(self.ui, QComboBox, "proposer_kind_combo")
        self.submitted_on_edit = find(self.ui, JalaliDateEdit, "submitted_on_edit")
        self.budget_rial_edit = find(self.ui, QLineEdit, "budget_rial_edit")
        self.description_edit = find(self.ui, QPlainTextEdit, "description_edit")
        self.identity_edits = {
            name: find(self.ui, QLineEdit, f"{name}_edit")
            for name in (
                "proposer_national_id",
                "proposer_registration_no",
                "proposer_phone",
                "proposer_address",
            )
        }
        self.errors = FieldErrors(self.ui)
        intro = find(self.ui, QLabel, "intro_label")
        intro.setTextFormat(Qt.TextFormat.PlainText)
        intro.setText(
            self.tr(
                "A development programme handed in to this secretariat by a natural or legal person or a "
                "cluster development agent (F9), for a cluster in the databank."
            )
            if ctx.is_central
            else self.tr(
                "A development programme handed in to the province's secretariat by a natural or legal "
                "person or a cluster development agent (F9), for a cluster the provincial working group "
                "approved. The working group then approves it within provincial authority (F9-2) or "
                "refers it to the centre (F9-3)."
            )
        )
        self.cluster_combo.addItem(self.tr("— choose the cluster —"), "")
        for key, (kind_fa, kind_en) in prog.PROPOSER_KINDS.items():
            self.proposer_kind_combo.addItem(kind_fa if fa else kind_en, key)
        with ctx.session() as s:
            for c in prog.eligible_clusters(s, ctx.actor):
                registry = to_persian_digits(c.registry_no) if fa else c.registry_no
                label = f"{c.name} — {c.province_fa}" + (f" ({registry})" if registry else "")
                self.cluster_combo.addItem(label, c.cluster_id)
            data = prog.programme_input(s, programme_id) if programme_id else None
        if self.cluster_combo.count() == 1:
            self.errors.label_for("cluster").setText(  # type: ignore[union-attr]
                self.tr("No cluster is in the databank yet: programmes are recorded for registered clusters.")
                if ctx.is_central
                else self.tr(
                    "The provincial working group has approved no cluster yet: programmes are recorded "
                    "for approved clusters."
                )
            )
            self.errors.label_for("cluster").show()  # type: ignore[union-attr]
        if data is None:
            self.submitted_on_edit.set_date(today())
            self.proposer_kind_combo.setCurrentIndex(self.proposer_kind_combo.findData("legal"))
        else:
            self.cluster_combo.setCurrentIndex(max(0, self.cluster_combo.findData(data.cluster_id)))
            self.cluster_combo.setEnabled(False)  # a recorded programme keeps its cluster
            self.title_edit.setText(data.title)
            self.proposer_name_edit.setText(data.proposer_name)
            self.proposer_kind_combo.setCurrentIndex(
                max(0, self.proposer_kind_combo.findData(data.proposer_kind))
            )
            if data.submitted_on and not isinstance(data.submitted_on, str):
                self.submitted_on_edit.set_date(data.submitted_on)
            budget = data.budget_rial if isinstance(data.budget_rial, int) else 0
            self.budget_rial_edit.setText(format_int(budget) if fa else str(budget))
            self.description_edit.setPlainText(data.description)
            for name, edit in self.identity_edits.items():
                edit.setText(getattr(data, name))
        self.ready(self.tr("Save"))

    def data(self) -> prog.ProgrammeInput:
        return prog.ProgrammeInput(
            cluster_id=self.cluster_combo.currentData() or "",
            title=self.title_edit.text(),
            proposer_name=self.proposer_name_edit.text(),
            proposer_kind=self.proposer_kind_combo.currentData() or "",
            submitted_on=self.submitted_on_edit.text() or None,
            budget_rial=self.budget_rial_edit.text(),
            description=self.description_edit.toPlainText(),
            **{name: edit.text() for name, edit in self.identity_edits.items()},
        )

    def save(self) -> bool:
        def change(s: Any) -> None:
            if self.programme_id:
                prog.update_programme(s, self.ctx.actor, self.programme_id, self.data())
            else:
                self.programme_id = prog.create_programme(s, self.ctx.actor, self.data()).id

        return self.commit(change)


class EntryDialog(FormDialog):
    """One of the programme's details: a support item, an allocation, an activity, an indicator or a
    period's target and actual. ``kind`` picks the page; OK saves through the service."""

    PAGES = ("item", "allocation", "activity", "indicator", "value")

    def __init__(
        self,
        ctx: AppContext,
        programme_id: str,
        kind: str,
        subject: str,
        parent: QWidget | None = None,
        *,
        activity: Any = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.programme_id = programme_id
        self.kind = kind
        self.activity_id: str | None = activity.id if activity is not None else None
        self.ui = load_ui("programme_entry_dialog.ui", self)
        titles = {
            "item": self.tr("Support package item"),
            "allocation": self.tr("Allocation by the responsible agency"),
            "activity": self.tr("Execution activity"),
            "indicator": self.tr("Monitoring indicator"),
            "value": self.tr("Target and actual of a period"),
        }
        self.setWindowTitle(titles[kind])
        find(self.ui, QLabel, "subject_label").setText(subject)
        pages = find(self.ui, QStackedWidget, "pages")
        pages.setCurrentWidget(find(self.ui, QWidget, f"{kind}_page"))
        self.errors = FieldErrors(self.ui)
        self.w: dict[str, Any] = {}
        fa = ctx.lang == "fa"
        for name in (
            "item_title_edit",
            "item_amount_edit",
            "allocation_amount_edit",
            "allocation_reference_edit",
            "activity_title_edit",
            "activity_responsible_edit",
            "activity_progress_edit",
            "indicator_title_edit",
            "indicator_unit_edit",
            "indicator_baseline_edit",
            "value_period_edit",
            "value_target_edit",
            "value_actual_edit",
        ):
            self.w[name] = find(self.ui, QLineEdit, name)
        for name in ("item_description_edit", "value_feedback_edit"):
            self.w[name] = find(self.ui, QPlainTextEdit, name)
        for name in ("organization_combo", "allocation_item_combo", "value_indicator_combo"):
            self.w[name] = find(self.ui, QComboBox, name)
        for name in ("allocation_date_edit", "activity_starts_edit", "activity_ends_edit"):
            self.w[name] = find(self.ui, JalaliDateEdit, name)
        with ctx.session() as s:
            if kind == "item":
                self.w["organization_combo"].addItem(self.tr("— choose the agency —"), "")
                for code, name_fa, name_en in prog.agencies(s):
                    self.w["organization_combo"].addItem(name_fa if fa else name_en, code)
            elif kind == "allocation":
                for item in prog.item_rows(s, programme_id):
                    left = item.amount_rial - item.allocated_rial
                    text = (
                        self.tr("%1 — %2 (remaining %3 rial)")
                        .replace("%1", item.title)
                        .replace("%2", item.organization_fa)
                        .replace("%3", format_int(left) if fa else f"{left:,}")
                    )
                    self.w["allocation_item_combo"].addItem(text, item.id)
                self.w["allocation_date_edit"].set_date(today())
            elif kind == "value":
                for ind in prog.indicators(s, programme_id):
                    self.w["value_indicator_combo"].addItem(f"{ind.title} ({ind.unit})", ind.id)
        if kind == "activity" and activity is not None:
            self.w["activity_title_edit"].setText(activity.title)
            self.w["activity_responsible_edit"].setText(activity.responsible)
            if activity.starts_on:
                self.w["activity_starts_edit"].set_date(activity.starts_on)
            if activity.ends_on:
                self.w["activity_ends_edit"].set_date(activity.ends_on)
            progress = str(activity.progress_percent)
            self.w["activity_progress_edit"].setText(to_persian_digits(progress) if fa else progress)
        elif kind == "activity":
            self.w["activity_starts_edit"].set_date(today())
            self.w["activity_progress_edit"].setText("۰" if fa else "0")
        self.ready(self.tr("Save"))

    def set_value_row(self, row: prog.MonitoringRow) -> None:
        """Start from an existing period's values (to record its actual later)."""
        combo = self.w["value_indicator_combo"]
        combo.setCurrentIndex(max(0, combo.findData(row.indicator_id)))
        if row.period:
            self.w["value_period_edit"].setText(row.period)
        if row.target is not None:
            self.w["value_target_edit"].setText(str(row.target))
        if row.actual is not None:
            self.w["value_actual_edit"].setText(str(row.actual))
        self.w["value_feedback_edit"].setPlainText(row.feedback)
        self.dirty = False  # filled in for the user, not edited yet

    def save(self) -> bool:
        w, actor, pid = self.w, self.ctx.actor, self.programme_id

        def change(s: Any) -> None:
            if self.kind == "item":
                prog.add_item(
                    s,
                    actor,
                    pid,
                    prog.ItemInput(
                        w["item_title_edit"].text(),
                        w["organization_combo"].currentData() or "",
                        w["item_amount_edit"].text(),
                        w["item_description_edit"].toPlainText(),
                    ),
                )
            elif self.kind == "allocation":
                prog.add_allocation(
                    s,
                    actor,
                    prog.AllocationInput(
                        w["allocation_item_combo"].currentData() or "",
                        w["allocation_amount_edit"].text(),
                        w["allocation_date_edit"].text() or None,
                        w["allocation_reference_edit"].text(),
                    ),
                )
            elif self.kind == "activity":
                data = prog.ActivityInput(
                    w["activity_title_edit"].text(),
                    w["activity_responsible_edit"].text(),
                    w["activity_starts_edit"].text() or None,
                    w["activity_ends_edit"].text() or None,
                    w["activity_progress_edit"].text(),
                )
                if self.activity_id:
                    prog.update_activity(s, actor, self.activity_id, data)
                else:
                    prog.add_activity(s, actor, pid, data)
            elif self.kind == "indicator":
                prog.add_indicator(
                    s,
                    actor,
                    pid,
                    prog.IndicatorInput(
                        w["indicator_title_edit"].text(),
                        w["indicator_unit_edit"].text(),
                        w["indicator_baseline_edit"].text(),
                    ),
                )
            else:
                prog.set_value(
                    s,
                    actor,
                    prog.ValueInput(
                        w["value_indicator_combo"].currentData() or "",
                        w["value_period_edit"].text(),
                        w["value_target_edit"].text(),
                        w["value_actual_edit"].text(),
                        w["value_feedback_edit"].toPlainText(),
                    ),
                )

        return self.commit(change)


class ProgrammesView(QWidget):
    """Programmes with their package, allocations, execution and monitoring (phase 2 of the seed)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None, *, phase: int = 2) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.phase = phase
        self.fa = ctx.lang == "fa"
        self.ui = load_ui("programmes.ui", self)
        if self.phase == 3:
            self.setWindowTitle(self.tr("Execution and monitoring"))
        self.current_id: str | None = None
        self.dialog: QDialog | None = None
        self.authority: prog.Authority | None = None
        self.state_combo = find(self.ui, QComboBox, "state_combo")
        self.search_edit = find(self.ui, QLineEdit, "search_edit")
        self.count_label = find(self.ui, QLabel, "count_label")
        self.header_label = find(self.ui, QLabel, "header_label")
        self.action_error = find(self.ui, QLabel, "action_error")
        self.action_error.setStyleSheet(FieldErrors.STYLE)
        self.action_error.setWordWrap(True)
        self.action_error.hide()
        self.actions_box = find(self.ui, QHBoxLayout, "actions_box")
        self.action_buttons: dict[str, QPushButton] = {}
        self.tabs = find(self.ui, QTabWidget, "tabs")
        self.detail = find(self.ui, QWidget, "detail")
        self.notes = {
            key: find(self.ui, QLabel, f"{key}_note")
            for key in ("package", "allocations", "execution", "monitoring", "history")
        }
        self._fill_state_combo()
        self._make_tables()
        self.buttons = {
            name: find(self.ui, QPushButton, name)
            for name in (
                "new_button",
                "edit_button",
                "add_item_button",
                "remove_item_button",
                "add_allocation_button",
                "add_activity_button",
                "edit_activity_button",
                "add_indicator_button",
                "set_value_button",
                "print_button",
            )
        }
        b = self.buttons
        b["new_button"].clicked.connect(self.new_programme)
        b["edit_button"].clicked.connect(self.edit_programme)
        b["add_item_button"].clicked.connect(lambda: self.open_entry("item"))
        b["remove_item_button"].clicked.connect(self.remove_item)
        b["add_allocation_button"].clicked.connect(lambda: self.open_entry("allocation"))
        b["add_activity_button"].clicked.connect(lambda: self.open_entry("activity"))
        b["edit_activity_button"].clicked.connect(self.edit_activity)
        b["add_indicator_button"].clicked.connect(lambda: self.open_entry("indicator"))
        b["set_value_button"].clicked.connect(self.record_value)
        b["print_button"].clicked.connect(self.print_report)
        b["print_button"].setToolTip(self.tr("Preview, print or save as PDF"))
        self.operation: Operation | None = None
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.state_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        self.tabs.setCurrentIndex(3 if self.phase == 3 else 0)
        self.matrix_tab = responsibility_panel.attach(ctx, self)  # the matrix and the F11 letters
        ctx.changed.connect(
            lambda what: self.refresh() if what.startswith("programme") or what == "meetings" else None
        )
        self.refresh()

    # ------------------------------------------------------------ building
    def _state_title(self, state: str) -> str:
        fa, en = PROGRAMME_STATE_TITLES.get(state, (state, state))
        return fa if self.fa else en

    def _num(self, n: int | None) -> str:
        if n is None:
            return ""
        return format_int(n) if self.fa else f"{n:,}"

    def _day(self, d: Any) -> str:
        return format_jalali(d, persian=self.fa) if d else ""

    def _period(self, period: str | None) -> str:
        if not period:
            return "—"
        year, _, quarter = period.partition("-Q")
        if not quarter:
            return to_persian_digits(year) if self.fa else year
        text = self.tr("%1, quarter %2").replace("%1", year).replace("%2", quarter)
        return to_persian_digits(text) if self.fa else text

    def _fill_state_combo(self) -> None:
        if self.phase == 3:
            self.state_combo.addItem(self.tr("Allocated, in execution or completed"), sorted(PHASE3_STATES))
        else:
            self.state_combo.addItem(self.tr("All programmes"), None)
        for state in P:
            self.state_combo.addItem(self._state_title(state), [state.value])

    def _table(self, name: str, columns: list[Column]) -> tuple[QTableView, RowsModel]:
        table = find(self.ui, QTableView, name)
        model = RowsModel(columns, self)
        table.setModel(model)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        table.verticalHeader().setVisible(False)
        return table, model

    def _make_tables(self) -> None:
        self.table, self.model = self._table(
            "table",
            [
                Column("title", self.tr("Programme"), lambda r: r.title),
                Column("cluster", self.tr("Cluster"), lambda r: r.cluster_name),
                Column("province", self.tr("Province"), lambda r: r.province_fa),
                Column("submitted", self.tr("Received on"), lambda r: self._day(r.submitted_on), True),
                Column("state", self.tr("State"), lambda r: self._state_title(r.state)),
                Column("budget", self.tr("Budget (rial)"), lambda r: self._num(r.budget_rial), True),
                Column("allocated", self.tr("Allocated (rial)"), lambda r: self._num(r.allocated_rial), True),
                Column(
                    "progress",
                    self.tr("Progress"),
                    lambda r: "" if r.progress_percent is None else self._percent(r.progress_percent),
                    True,
                ),
            ],
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)  # the title takes what is left
        self.table.doubleClicked.connect(lambda _i: self.edit_programme())
        self.items_table, self.items_model = self._table(
            "items_table",
            [
                Column("title", self.tr("Support item"), lambda r: r.title),
                Column("agency", self.tr("Responsible agency"), lambda r: r.organization_fa),
                Column("amount", self.tr("Amount (rial)"), lambda r: self._num(r.amount_rial), True),
                Column("allocated", self.tr("Allocated (rial)"), lambda r: self._num(r.allocated_rial), True),
                Column("description", self.tr("Description"), lambda r: r.description),
            ],
        )
        self.allocations_table, self.allocations_model = self._table(
            "allocations_table",
            [
                Column("on", self.tr("Allocated on"), lambda r: self._day(r.allocated_on), True),
                Column("item", self.tr("Support item"), lambda r: r.item_title),
                Column("agency", self.tr("Agency"), lambda r: r.organization_fa),
                Column("amount", self.tr("Amount (rial)"), lambda r: self._num(r.amount_rial), True),
                Column("reference", self.tr("Letter or document"), lambda r: self._digits(r.reference)),
            ],
        )
        self.activities_table, self.activities_model = self._table(
            "activities_table",
            [
                Column("title", self.tr("Activity"), lambda r: r.title),
                Column("responsible", self.tr("Carried out by"), lambda r: r.responsible),
                Column("starts", self.tr("Starts on"), lambda r: self._day(r.starts_on), True),
                Column("ends", self.tr("Ends on"), lambda r: self._day(r.ends_on), True),
                Column("progress", self.tr("Progress"), lambda r: self._percent(r.progress_percent), True),
            ],
        )
        self.activities_table.doubleClicked.connect(lambda _i: self.edit_activity())
        self.monitoring_table, self.monitoring_model = self._table(
            "monitoring_table",
            [
                Column("indicator", self.tr("Indicator"), lambda r: f"{r.title} ({r.unit})"),
                Column("baseline", self.tr("Baseline"), lambda r: self._num(r.baseline), True),
                Column("period", self.tr("Period"), lambda r: self._period(r.period), True),
                Column("target", self.tr("Target"), lambda r: self._num(r.target), True),
                Column("actual", self.tr("Actual"), lambda r: self._num(r.actual), True),
                Column(
                    "gap",
                    self.tr("Gap"),
                    lambda r: "" if r.gap is None else self._signed(r.gap),
                    True,
                    color=lambda r: "#b00020" if r.gap is not None and r.gap < 0 else None,
                ),
                Column(
                    "achieved",
                    self.tr("Achieved"),
                    lambda r: "" if r.achieved_percent is None else self._percent(round(r.achieved_percent)),
                    True,
                ),
                Column("office", self.tr("Reported by"), lambda r: r.office_id),
                Column("feedback", self.tr("Feedback"), lambda r: r.feedback),
            ],
        )
        self.monitoring_table.doubleClicked.connect(lambda _i: self.record_value())
        self.history_table, self.history_model = self._table(
            "history_table",
            [
                Column(
                    "at",
                    self.tr("When"),
                    lambda r: format_jalali_datetime(r.at) if self.fa else str(r.at)[:16],
                ),
                Column("action", self.tr("Step"), lambda r: self._action_title(r)),
                Column("f_code", self.tr("Process"), lambda r: r.f_code),
                Column("to", self.tr("New state"), lambda r: self._state_title(r.to_state)),
                Column("minutes", self.tr("Minutes"), lambda r: self._digits(r.minutes_number)),
                Column("actor", self.tr("By"), lambda r: r.actor),
                Column("comment", self.tr("Comment"), lambda r: r.comment),
            ],
        )

    def _digits(self, text: str) -> str:
        return to_persian_digits(text) if self.fa and text else text

    def _percent(self, n: int) -> str:
        return f"{to_persian_digits(n)}٪" if self.fa else f"{n}%"

    def _signed(self, n: int) -> str:
        text = self._num(abs(n))
        return ("−" if n < 0 else "+") + text if n else text

    def _action_title(self, t: Any) -> str:
        rule = next(
            (r for r in PROGRAMME_WORKFLOW.transitions if r.action == t.action and r.f_code == t.f_code), None
        )
        return rule.title if rule else t.action

    # ------------------------------------------------------------ data
    def refresh(self) -> None:
        keep = self.current_id
        with self.ctx.session() as s:
            states = self.state_combo.currentData()
            rows = prog.programme_rows(
                s, states=frozenset(states) if states else None, search=self.search_edit.text()
            )
        self.model.set_rows(rows)
        n = format_int(len(rows)) if self.fa else str(len(rows))
        self.count_label.setText(self.tr("%1 programmes").replace("%1", n))
        ids = [r.id for r in rows]
        if keep in ids:
            select_row(self.table, ids.index(keep))
        elif rows:
            select_row(self.table, 0)
        else:
            self.show_programme(None)

    def selected_row(self) -> prog.ProgrammeRow | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row if isinstance(row, prog.ProgrammeRow) else None

    def _selection_changed(self) -> None:
        row = self.selected_row()
        self.show_programme(row.id if row else None)

    def select_programme(self, programme_id: str) -> bool:
        for i, r in enumerate(self.model.rows):
            if r.id == programme_id:
                select_row(self.table, i)
                return True
        return False

    def show_programme(self, programme_id: str | None) -> None:
        self.current_id = programme_id
        self.action_error.hide()
        self.detail.setEnabled(programme_id is not None)
        for model in (
            self.items_model,
            self.allocations_model,
            self.activities_model,
            self.monitoring_model,
            self.history_model,
        ):
            model.set_rows([])
        self._set_actions([])
        self.matrix_tab.show_programme(programme_id)
        if programme_id is None:
            self.header_label.setText(self.tr("No programme is selected."))
            for note in self.notes.values():
                note.clear()
            return
        with self.ctx.session() as s:
            h = prog.header(s, programme_id)
            items = prog.item_rows(s, programme_id)
            allocations = prog.allocation_rows(s, programme_id)
            activities = prog.activities(s, programme_id)
            monitoring = prog.monitoring(s, programme_id)
            history = prog.history(s, programme_id)
            rules = prog.allowed_actions(s, self.ctx.actor, programme_id)
            may = prog.capabilities(s, self.ctx.actor, programme_id)
            self.authority = prog.authority_in_force(s)
        self.header = h
        self.activities = activities
        self.header_label.setText(self._header_html(h))
        self.items_model.set_rows(items)
        self.allocations_model.set_rows(allocations)
        self.activities_model.set_rows(activities)
        self.monitoring_model.set_rows(monitoring)
        self.history_model.set_rows(history)
        self._set_actions(rules)
        self._set_notes(h)
        b = self.buttons
        b["edit_button"].setEnabled(may.edit)
        b["add_item_button"].setEnabled(may.package)
        b["remove_item_button"].setEnabled(may.package and bool(items))
        b["add_allocation_button"].setEnabled(may.allocate and bool(items))
        b["add_activity_button"].setEnabled(may.activities)
        b["edit_activity_button"].setEnabled(may.activities and bool(activities))
        b["add_indicator_button"].setEnabled(may.monitor)
        b["set_value_button"].setEnabled(may.monitor and bool(monitoring))

    def _header_html(self, h: prog.ProgrammeHeader) -> str:
        from html import escape

        kind = prog.PROPOSER_KINDS.get(h.proposer_kind, ("", ""))[0 if self.fa else 1]
        line2 = (
            self.tr("Cluster: %1, %2 · Proposer: %3 (%4) · Received on %5 · Budget %6 rial")
            .replace("%1", escape(h.cluster_name))
            .replace("%2", escape(h.province_fa))
            .replace("%3", escape(h.proposer_name))
            .replace("%4", escape(kind))
            .replace("%5", self._day(h.submitted_on))
            .replace("%6", self._num(h.budget_rial))
        )
        state = self.tr("State: %1").replace("%1", escape(self._state_title(h.state)))
        # Numbers (a telephone with its dashes) read left to right inside the right-to-left line.
        numbers = [
            f"\u2066{escape(self._digits(x))}\u2069"
            for x in (h.proposer_national_id, h.proposer_registration_no, h.proposer_phone)
            if x
        ]
        identity = " · ".join([*numbers, *([escape(h.proposer_address)] if h.proposer_address else [])])
        lines = [f"<b style='font-size:13pt'>{escape(h.title)}</b>", line2]
        if identity:
            lines.append(self.tr("Proposer's identity: %1").replace("%1", identity))
        lines.append(f"<b>{state}</b> · {escape(self._authority_text(h))}")
        return "<br>".join(lines)

    def _authority_text(self, h: prog.ProgrammeHeader) -> str:
        """Who recorded it and, for a province's programme, the rule of provincial authority."""
        if h.at_centre:
            return self.tr("Handed in at the centre's secretariat")
        office = self.tr("Recorded by the province's secretariat (%1)").replace("%1", h.owner_office_id)
        if h.authority_revision is not None:
            return (
                office
                + " · "
                + self.tr(
                    "approved within provincial authority: ceiling %1 rial of instruction F5-2, revision %2"
                )
                .replace("%1", self._num(h.authority_ceiling_rial))
                .replace("%2", self._num(h.authority_revision))
            )
        rule = self.authority
        if h.state not in (P.SUBMITTED, P.PROVINCIAL_REVIEW):
            return office
        if rule is None or rule.ceiling_rial is None:
            return (
                office
                + " · "
                + self.tr(
                    "the centre has set no provincial ceiling (F5-2) yet: programmes are referred to it"
                )
            )
        return (
            office
            + " · "
            + self.tr("within provincial authority up to %1 rial (instruction F5-2, revision %2)")
            .replace("%1", self._num(rule.ceiling_rial))
            .replace("%2", self._num(rule.revision))
        )

    def _set_notes(self, h: prog.ProgrammeHeader) -> None:
        if not h.package_rial:
            package = self.tr(
                "No support package yet. Once the programme is approved, add its items, each with the agency "
                "responsible for it (F10); the central working group then approves and notifies it (F11)."
            )
        elif h.package_notified_on:
            package = (
                self.tr("Approved and notified to the agencies on %1. Total %2 rial.")
                .replace("%1", self._day(h.package_notified_on))
                .replace("%2", self._num(h.package_rial))
            )
        else:
            package = self.tr("Proposed package, total %1 rial.").replace("%1", self._num(h.package_rial))
        self.notes["package"].setText(package)
        self.notes["allocations"].setText(
            self.tr("Allocated %1 of %2 rial by the responsible agencies.")
            .replace("%1", self._num(h.allocated_rial))
            .replace("%2", self._num(h.package_rial))
        )
        self.notes["execution"].setText(
            self.tr("No activity is planned yet.")
            if h.progress_percent is None
            else self.tr("%1 activities, %2 done on average.")
            .replace("%1", self._num(h.activities))
            .replace("%2", self._percent(h.progress_percent))
        )
        behind = h.behind_target
        self.notes["monitoring"].setText(
            self.tr("Targets against actuals for each period; a negative gap is behind target.")
            + (" " + self.tr("%1 behind target.").replace("%1", self._num(behind)) if behind else "")
        )
        self.notes["history"].setText(self.tr("Every step with its process code, minutes and who took it."))

    def _set_actions(self, rules: list[Rule]) -> None:
        for button in self.action_buttons.values():
            self.actions_box.removeWidget(button)
            button.clicked.disconnect()  # its handler closes over this view (see decisions.refresh)
            button.setObjectName("")  # gone for good: no lookup by name finds it before it is deleted
            button.hide()
            button.deleteLater()
        self.action_buttons = {}
        for rule in rules:
            button = QPushButton(f"{rule.title} ({rule.f_code})", self.detail)
            button.setObjectName(f"action_{rule.action}")
            button.clicked.connect(lambda _=False, r=rule: self.run_action(r))
            self.actions_box.addWidget(button)
            self.action_buttons[rule.action] = button

    # ------------------------------------------------------------ actions
    def _subject(self) -> str:
        h = self.header
        return f"{h.title} — {h.cluster_name}، {h.province_fa}"

    def run_action(self, rule: Rule) -> None:
        pid = self.current_id
        if pid is None:
            return
        self.action_error.hide()
        if Requirement.MINUTES in rule.requires or Requirement.COMMENT in rule.requires:

            def take(s: Any, comment: str, meeting_id: str | None) -> str:
                return prog.transition(
                    s, self.ctx.actor, pid, rule.action, comment=comment, meeting_id=meeting_id
                ).id

            self.dialog = DecisionDialog(self.ctx, "", rule, self, subject=self._subject(), take=take)
            self.dialog.accepted.connect(self._changed)
            self.dialog.open()
            return
        text = (
            self.tr("%1 (%2): the programme moves to '%3'. This is recorded in its history. Go ahead?")
            .replace("%1", rule.title)
            .replace("%2", rule.f_code)
            .replace("%3", self._state_title(rule.target))
        )
        if not prompts.confirm(self, rule.title, text):
            return
        self._try(lambda s: prog.transition(s, self.ctx.actor, pid, rule.action))

    def _try(self, change: Callable[[Any], object]) -> bool:
        """Run a change in one transaction; a refusal is shown under the actions, nothing is saved."""
        try:
            with self.ctx.session() as s:
                change(s)
        except DomainError as e:
            self.action_error.setText(str(e))
            self.action_error.show()
            return False
        self._changed()
        return True

    def _changed(self) -> None:
        self.ctx.changed.emit(f"programme:{self.current_id or ''}")

    def new_programme(self) -> None:
        self.dialog = ProgrammeDialog(self.ctx, None, self)
        self.dialog.accepted.connect(self._created)
        self.dialog.open()

    def _created(self) -> None:
        assert isinstance(self.dialog, ProgrammeDialog)
        self.current_id = self.dialog.programme_id
        if self.state_combo.currentIndex() != 0 and self.phase == 2:
            self.state_combo.setCurrentIndex(0)
        self._changed()

    def edit_programme(self) -> None:
        if self.current_id is None:
            return
        self.dialog = ProgrammeDialog(self.ctx, self.current_id, self)
        self.dialog.accepted.connect(self._changed)
        self.dialog.open()

    def open_entry(self, kind: str, *, activity: Any = None) -> EntryDialog | None:
        if self.current_id is None:
            return None
        dialog = EntryDialog(self.ctx, self.current_id, kind, self._subject(), self, activity=activity)
        dialog.accepted.connect(self._changed)
        self.dialog = dialog
        dialog.open()
        return dialog

    def print_report(self) -> None:
        """The programme's monitoring report (F14) in the print preview."""
        if self.current_id is not None:
            self.operation = preview_document(self, self.ctx, "programme", self.current_id)

    def _selected(self, table: QTableView, model: RowsModel) -> Any:
        index = table.currentIndex()
        return model.row_at(index.row()) if index.isValid() else None

    def remove_item(self) -> None:
        item = self._selected(self.items_table, self.items_model)
        if item is None:
            self.action_error.setText(self.tr("Select the item to remove."))
            self.action_error.show()
            return
        if prompts.confirm(
            self, self.tr("Remove item"), self.tr("Remove '%1' from the package?").replace("%1", item.title)
        ):
            self._try(lambda s: prog.remove_item(s, self.ctx.actor, item.id))

    def edit_activity(self) -> None:
        activity = self._selected(self.activities_table, self.activities_model)
        if activity is None:
            self.action_error.setText(self.tr("Select the activity to update."))
            self.action_error.show()
            return
        self.open_entry("activity", activity=activity)

    def record_value(self) -> None:
        row = self._selected(self.monitoring_table, self.monitoring_model)
        dialog = self.open_entry("value")
        if dialog is not None and row is not None:
            dialog.set_value_row(row)


def monitoring_view(ctx: AppContext, parent: QWidget | None = None) -> ProgrammesView:
    """Phase 3 of the seed: programmes with allocated resources, in execution or completed."""
    return ProgrammesView(ctx, parent, phase=3)


def _pick(view: ProgrammesView, state: ProgrammeState) -> ProgrammesView:
    for i, r in enumerate(view.model.rows):
        if r.state == state:
            select_row(view.table, i)
            break
    return view


def screenshot(ctx: AppContext) -> QWidget:
    return _pick(ProgrammesView(ctx), P.PACKAGE_APPROVED)


def screenshot_monitoring(ctx: AppContext) -> QWidget:
    return _pick(monitoring_view(ctx), P.IN_EXECUTION)
