"""Who the seed makes responsible at a record's current and next steps (the responsibility matrix),
shown in the dossier's workflow tab and the programme screens; and the F11 notification letters of a
programme's approved support package, one per responsible agency, each previewed before printing.

Everything shown comes from ``services.responsibility`` and ``services.notifications``; every label is
plain text (agency and step titles are reference data, programme titles are user text).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QScrollArea,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services import notifications, responsibility
from cluster_desktop.services.responsibility import Responsibilities, Step

from .context import AppContext
from .operation import Operation
from .print_preview import preview_document, set_printable
from .uiloader import find
from .widgets import fa_int

_TITLE_STYLE = "font-weight: bold; color: #123a6b;"
_DETAIL_STYLE = "color: #2b3540;"
_NOTE_STYLE = "color: #5a6b7b;"
RLM = "\u200f"  # a line that opens with its F-code is still a right-to-left line


def _label(text: str, parent: QWidget, style: str = "", name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    if style:
        label.setStyleSheet(style)
    if name:
        label.setObjectName(name)
    return label


class ResponsibilityPanel(QWidget):
    """The current step, the next steps and what runs alongside, each with its F-code, the office that
    acts and the agencies the matrix ticks (with the part the workflow gives them)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("responsibility_panel")
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.box = QGroupBox(self.tr("Who is responsible (the programme's responsibility matrix)"), self)
        self.box.setObjectName("responsibility_box")
        outer.addWidget(self.box)
        self.body = QVBoxLayout(self.box)
        self.body.setSpacing(3)
        self.shown: Responsibilities | None = None
        self.labels: dict[str, QLabel] = {}  # the labels shown now, by object name

    # ------------------------------------------------------------ filling
    def show_dossier(self, dossier_id: str) -> None:
        with self.ctx.session() as s:
            found = responsibility.for_dossier(s, self.ctx.actor.office_kind, dossier_id)
        self.show_responsibilities(found)

    def show_programme(self, programme_id: str | None) -> None:
        if programme_id is None:
            self.show_responsibilities(None)
            return
        with self.ctx.session() as s:
            found = responsibility.for_programme(s, self.ctx.actor.office_kind, programme_id)
        self.show_responsibilities(found)

    def show_responsibilities(self, r: Responsibilities | None) -> None:
        self.shown = r
        self.labels = {}
        while self.body.count():
            item = self.body.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.hide()  # at once: a grab before the deferred delete must not show it
                widget.deleteLater()
        if r is None:
            self._add(self.tr("No record is selected."), _NOTE_STYLE, "responsibility_empty")
            return
        sections = (
            (
                "current",
                self.tr("Current step"),
                r.current,
                self.tr("Recorded; no step of the programme yet."),
            ),
            ("next", self.tr("Next steps"), r.next, self.tr("This is a final state: no step follows.")),
            ("alongside", self.tr("Alongside"), r.alongside, ""),
        )
        for key, heading, steps, empty in sections:
            if not steps and not empty:
                continue
            self._add(heading, "font-weight: bold; margin-top: 4px;", f"{key}_heading")
            if not steps:
                self._add(empty, _NOTE_STYLE, f"{key}_none")
            for i, step in enumerate(steps):
                self._step(step, f"{key}_{i}")
        self._add(
            self.tr(
                "The responsibility matrix only ticks the agencies of each step; who acts and who decides "
                "follows the workflow: the office taking the step acts, the working groups decide in minuted "
                "meetings, the other ticked agencies take part."
            ),
            _NOTE_STYLE + " margin-top: 6px;",
            "responsibility_note",
        )

    def _add(self, text: str, style: str, name: str) -> QLabel:
        label = _label(text, self.box, style, name)
        self.body.addWidget(label)
        self.labels[name] = label
        return label

    def _step(self, step: Step, name: str) -> None:
        self._add(f"{RLM}{step.f_code} — {step.title_fa}", _TITLE_STYLE, f"step_{name}_title")
        lines = [
            self.tr("Done at: %1").replace("%1", step.office_fa if self.fa else step.office_en),
        ]
        if step.actions_fa:
            actions = "، ".join(step.actions_fa) if self.fa else ", ".join(step.actions_en)
            lines.append(self.tr("Steps: %1").replace("%1", actions))
        if step.matrix_title_fa:
            lines.append(self.tr("The matrix words this row: %1").replace("%1", f"«{step.matrix_title_fa}»"))
        if step.agencies:
            sep = "، " if self.fa else ", "
            agencies = sep.join(
                f"{a.name_fa} ({a.role_fa})" if self.fa else f"{a.name_en} ({a.role_en})"
                for a in step.agencies
            )
            lines.append(self.tr("Agencies: %1").replace("%1", agencies))
            if step.matrix_rows and step.matrix_rows != (step.f_code,):
                lines.append(
                    self.tr("(ticked in its sub-steps %1)").replace("%1", sep.join(step.matrix_rows))
                )
            if step.inferred:
                lines.append(self.tr("(the matrix has no ticks here; taken from the programme's text)"))
        else:
            lines.append(self.tr("The matrix names no agency for this step."))
        self._add("\n".join(lines), _DETAIL_STYLE + " margin-right: 12px;", f"step_{name}_details")


class ProgrammeMatrixTab(QWidget):
    """The programme screen's additions: a tab with the responsibility panel, and the notification
    letters of F11 beside the support package's buttons (one menu entry per responsible agency)."""

    def __init__(self, ctx: AppContext, view: QWidget) -> None:
        super().__init__(view)
        self.setObjectName("matrix_tab")
        self.ctx = ctx
        self.view = view
        self.programme_id: str | None = None
        self.operation: Operation | None = None
        layout = QVBoxLayout(self)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.panel = ResponsibilityPanel(ctx, scroll)
        scroll.setWidget(self.panel)
        layout.addWidget(scroll)
        tabs = find(view, QTabWidget, "tabs")
        tabs.addTab(self, self.tr("Responsibilities (matrix)"))
        self.letters_button = QPushButton(self.tr("Notification letters (F11)…"), view)
        self.letters_button.setObjectName("letters_button")
        self.letters_menu = QMenu(self.letters_button)
        self.letters_menu.setObjectName("letters_menu")
        self.letters_button.setMenu(self.letters_menu)
        buttons = find(view, QHBoxLayout, "package_tab_buttons")
        buttons.insertWidget(buttons.count() - 1, self.letters_button)  # before the row's spacer
        self.letter_actions: dict[str, QAction] = {}

    def show_programme(self, programme_id: str | None) -> None:
        self.programme_id = programme_id
        self.panel.show_programme(programme_id)
        self.letters_menu.clear()
        self.letter_actions = {}
        if programme_id is None:
            set_printable(self.letters_button, self.tr("No programme is selected."))
            return
        try:
            with self.ctx.session() as s:
                agencies = notifications.letter_agencies(s, self.ctx.actor, programme_id)
        except DomainError as exc:
            set_printable(self.letters_button, str(exc))
            return
        fa = self.ctx.lang == "fa"
        for a in agencies:
            count = self.tr("items: %1").replace("%1", fa_int(a.items) if fa else str(a.items))
            act = self.letters_menu.addAction(f"{a.name_fa if fa else a.name_en} ({count})…")
            act.setObjectName(f"letter_{a.code}_action")
            act.triggered.connect(lambda _c=False, code=a.code: self.preview_letter(code))
            self.letter_actions[a.code] = act
        set_printable(
            self.letters_button,
            None,
            self.tr("One official letter to each agency responsible for items of the approved package."),
        )

    def preview_letter(self, agency: str) -> Operation | None:
        """Make one agency's letter off the GUI thread and open its preview."""
        if self.programme_id is None:
            return None
        self.operation = preview_document(
            self.view, self.ctx, "notification", self.programme_id, agency=agency
        )
        return self.operation


def attach(ctx: AppContext, view: Any) -> ProgrammeMatrixTab:
    """Add the matrix tab and the letters button to a programmes view (see gui/programmes.py)."""
    return ProgrammeMatrixTab(ctx, view)


class StepsOverview(QWidget):
    """The national dashboard's view of both machines: every state that holds records and leads on,
    how many, the next step and who the matrix makes responsible; the selected row in full beside it."""

    MACHINE = Qt.ItemDataRole.UserRole

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("steps_overview")
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.rows: list[responsibility.StateRow] = []
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(self.tr("Steps and responsible agencies (responsibility matrix)"), self)
        inner = QVBoxLayout(box)
        self.table = QTableWidget(0, 6, box)
        self.table.setObjectName("steps_table")
        self.table.setHorizontalHeaderLabels(
            [
                self.tr("Record"),
                self.tr("State"),
                self.tr("Count"),
                self.tr("Next step"),
                self.tr("Done at"),
                self.tr("Responsible agencies (matrix)"),
            ]
        )
        self.table.verticalHeader().hide()
        self.table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
        self.table.setSelectionBehavior(QTableWidget.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QTableWidget.SelectionMode.SingleSelection)
        # One line a row (the full text in the tooltip and, for the selected row, in the panel beside).
        self.table.setWordWrap(False)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().setDefaultSectionSize(24)
        header = self.table.horizontalHeader()
        for col in range(5):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Interactive)  # long titles: elided
        header.setSectionResizeMode(5, QHeaderView.ResizeMode.Stretch)
        inner.addWidget(self.table)
        layout.addWidget(box, 1)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        self.panel = ResponsibilityPanel(ctx, scroll)
        scroll.setWidget(self.panel)
        layout.addWidget(scroll, 1)
        self.table.currentCellChanged.connect(lambda *_: self._selected())

    def refresh(self) -> None:
        with self.ctx.session() as s:
            self.rows = responsibility.overview(s, self.ctx.actor.office_kind)
        self.table.setRowCount(len(self.rows))
        machines = {"dossier": self.tr("Dossier"), "programme": self.tr("Programme")}
        offices = {OfficeKind.CENTRAL: self.tr("Centre"), OfficeKind.PROVINCE: self.tr("Province")}
        sep = "، " if self.fa else ", "
        for i, row in enumerate(self.rows):
            r = row.responsibilities
            steps = RLM + " · ".join(f"{st.f_code} — {st.title_fa}" for st in r.next)
            where = " · ".join(offices[st.office] for st in r.next)
            agencies = " · ".join(
                sep.join(st.agencies_fa if self.fa else st.agencies_en)
                or self.tr("(the matrix names none for this step)")
                for st in r.next
            )
            count = fa_int(row.count) if self.fa else str(row.count)
            cells = [
                machines[row.machine],
                r.state_fa if self.fa else r.state_en,
                count,
                steps,
                where,
                agencies,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                if col == 2:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.table.setItem(i, col, item)
        self.table.setColumnWidth(3, 230)
        if self.rows:
            self.table.setCurrentCell(0, 0)
        self._selected()

    def _selected(self) -> None:
        row = self.table.currentRow()
        self.panel.show_responsibilities(
            self.rows[row].responsibilities if 0 <= row < len(self.rows) else None
        )
