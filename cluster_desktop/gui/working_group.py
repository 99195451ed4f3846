"""The secretariat and its working group (F2 in a province, F1 at the centre): members and meetings.

Each meeting lists the dossier decisions taken in it (transitions citing its minutes number);
double-clicking one opens the dossier. The selected meeting's minutes can be printed.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import MEMBER_ROLE_TITLES
from cluster_desktop.services.group_views import (
    meeting_detail,
    meeting_rows,
    member_input,
    member_rows,
    secretariat,
)
from cluster_desktop.services.groups import finalize_meeting, update_member

from . import prompts
from .context import AppContext
from .meeting_dialog import MeetingDialog, minutes_label
from .member_dialog import MemberDialog
from .operation import Operation
from .print_preview import preview_document, set_printable
from .uiloader import find, load_ui
from .widgets import fa_int

ID = Qt.ItemDataRole.UserRole
MUTED = QColor("#8a94a3")


def _table(table: QTableWidget, headers: list[str], stretch: int) -> None:
    table.setColumnCount(len(headers))
    table.setHorizontalHeaderLabels(headers)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(26)
    for i in range(len(headers)):
        table.horizontalHeader().setSectionResizeMode(
            i, QHeaderView.ResizeMode.Stretch if i == stretch else QHeaderView.ResizeMode.ResizeToContents
        )


class WorkingGroupView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.ui = load_ui("working_group.ui", self)
        self.ui.layout().setContentsMargins(10, 8, 10, 8)
        self.members = find(self.ui, QTableWidget, "members_table")
        self.meetings = find(self.ui, QTableWidget, "meetings_table")
        self.decisions = find(self.ui, QTableWidget, "decisions_table")
        self.summary = find(self.ui, QLabel, "meeting_summary_label")
        self.show_inactive = find(self.ui, QCheckBox, "show_inactive_check")
        _table(
            self.members,
            [
                self.tr("Name"),
                self.tr("Organization"),
                self.tr("Seat"),
                self.tr("Position"),
                self.tr("Telephone"),
                self.tr("Status"),
            ],
            1,
        )
        _table(
            self.meetings,
            [
                self.tr("Minutes no."),
                self.tr("Date"),
                self.tr("Location"),
                self.tr("Attendees"),
                self.tr("Decisions"),
                self.tr("Status"),
            ],
            2,
        )
        _table(self.decisions, [self.tr("Dossier"), self.tr("Decision"), self.tr("Reason")], 2)
        self.decisions.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        find(self.ui, QSplitter, "splitter").setSizes([330, 420])
        find(self.ui, QSplitter, "meetings_splitter").setSizes([560, 640])
        find(self.ui, QPushButton, "add_member_button").clicked.connect(self.add_member)
        find(self.ui, QPushButton, "edit_member_button").clicked.connect(self.edit_member)
        find(self.ui, QPushButton, "deactivate_member_button").clicked.connect(self.deactivate_member)
        find(self.ui, QPushButton, "new_meeting_button").clicked.connect(self.new_meeting)
        find(self.ui, QPushButton, "edit_meeting_button").clicked.connect(self.open_meeting)
        find(self.ui, QPushButton, "finalize_meeting_button").clicked.connect(self.finalize)
        self.print_button = find(self.ui, QPushButton, "print_minutes_button")
        self.print_button.clicked.connect(self.print_minutes)
        self.operation: Operation | None = None
        self.show_inactive.toggled.connect(lambda _on: self.refresh())
        self.members.cellDoubleClicked.connect(lambda *_: self.edit_member())
        self.meetings.cellDoubleClicked.connect(lambda *_: self.open_meeting())
        self.meetings.itemSelectionChanged.connect(self._show_meeting)
        self.decisions.cellDoubleClicked.connect(self._open_decision)
        self.refresh()

    def _n(self, n: int) -> str:
        return fa_int(n) if self.fa else str(n)

    # ----------------------------------------------------------------- filling
    def refresh(self) -> None:
        selected = self.selected(self.meetings)
        with self.ctx.session() as s:
            sec = secretariat(s, self.ctx.actor)
            members = member_rows(s, self.ctx.actor, include_inactive=self.show_inactive.isChecked())
            meetings = meeting_rows(s, self.ctx.actor)
        find(self.ui, QLabel, "group_label").setText(sec.group_name)
        parts = [sec.office_name]
        digits = to_persian_digits if self.fa else str
        for label, value in (
            (self.tr("Head: %1"), sec.head_name),
            (self.tr("Secretary: %1"), sec.secretary_name),
            (self.tr("Telephone: %1"), digits(sec.phone)),
            (self.tr("E-mail: %1"), sec.email),  # an address keeps its Latin digits
            (self.tr("Address: %1"), digits(sec.address)),
        ):
            if value:
                parts.append(label.replace("%1", value))
        find(self.ui, QLabel, "secretariat_label").setText(" — ".join(parts))
        self._fill_members(members)
        self._fill_meetings(meetings, selected)

    def _fill_members(self, members) -> None:  # type: ignore[no-untyped-def]
        self.members.setRowCount(len(members))
        for row, m in enumerate(members):
            cells = [
                m.full_name,
                m.organization_fa if self.fa else m.organization_en,
                MEMBER_ROLE_TITLES[m.member_role][0 if self.fa else 1],
                m.position,
                to_persian_digits(m.phone) if self.fa else m.phone,
                self.tr("active") if m.active else self.tr("former member"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID, m.id)
                if not m.active:
                    item.setForeground(MUTED)
                self.members.setItem(row, col, item)

    def _fill_meetings(self, meetings, selected: str | None) -> None:  # type: ignore[no-untyped-def]
        self.meetings.blockSignals(True)
        self.meetings.setRowCount(len(meetings))
        for row, m in enumerate(meetings):
            cells = [
                minutes_label(m.number, self.ctx.lang),
                format_jalali(m.held_on, persian=self.fa),
                m.location,
                self._n(m.attendees),
                self._n(m.decisions),
                self.tr("finalized") if m.finalized else self.tr("draft"),
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID, m.id)
                if col in (0, 1, 3, 4):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                self.meetings.setItem(row, col, item)
        self.meetings.blockSignals(False)
        target = next((r for r, m in enumerate(meetings) if m.id == selected), 0 if meetings else -1)
        if target >= 0:
            self.meetings.setCurrentCell(target, 0)
        self._show_meeting()

    def _show_meeting(self) -> None:
        meeting_id = self.selected(self.meetings)
        self.decisions.setRowCount(0)
        set_printable(
            self.print_button,
            None if meeting_id else self.tr("Select a meeting first."),
            self.tr("Preview and print the selected meeting's minutes with its decisions."),
        )
        if meeting_id is None:
            self.summary.setText(self.tr("No meeting recorded yet."))
            return
        with self.ctx.session() as s:
            d = meeting_detail(s, meeting_id)
        lines = [
            self.tr("Minutes %1 of %2")
            .replace("%1", minutes_label(d.number, self.ctx.lang))
            .replace("%2", format_jalali(d.data.held_on, persian=self.fa)),  # type: ignore[arg-type]
            self.tr("Attendees: %1").replace(
                "%1", "، ".join(d.attendee_names) if self.fa else ", ".join(d.attendee_names)
            ),
        ]
        if d.data.agenda:
            lines.append(self.tr("Agenda: %1").replace("%1", d.data.agenda))
        if d.data.resolutions:
            # One resolution per line, as the minutes print them.
            lines.append(self.tr("Resolutions:"))
            lines += [f"{self._n(i + 1)}- {r}" for i, r in enumerate(d.data.resolutions)]
        self.summary.setText("\n".join(lines))
        self.decisions.setRowCount(len(d.decisions))
        for row, dec in enumerate(d.decisions):
            cells = [
                dec.cluster_name,
                f"{dec.f_code} {dec.action_fa if self.fa else dec.action_en}",
                dec.comment,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID, dec.dossier_id)
                item.setToolTip(text)
                self.decisions.setItem(row, col, item)

    @staticmethod
    def selected(table: QTableWidget) -> str | None:
        items = table.selectedItems()
        return items[0].data(ID) if items else None

    # ----------------------------------------------------------------- actions
    def add_member(self) -> MemberDialog:
        dialog = MemberDialog(self.ctx, None, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def edit_member(self) -> MemberDialog | None:
        member_id = self.selected(self.members)
        if member_id is None:
            return None
        dialog = MemberDialog(self.ctx, member_id, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def deactivate_member(self) -> None:
        member_id = self.selected(self.members)
        if member_id is None:
            return
        row = self.members.currentRow()
        name = self.members.item(row, 0).text() if row >= 0 else ""
        if not prompts.confirm(
            self,
            self.tr("Deactivate member"),
            self.tr("%1 leaves the working group; past attendance and scores stay. Go on?").replace(
                "%1", name
            ),
        ):
            return
        try:
            with self.ctx.session() as s:
                data, _active = member_input(s, member_id)
                update_member(s, self.ctx.actor, member_id, data, active=False)
        except DomainError as e:
            prompts.error(self, e)
            return
        self.ctx.changed.emit("members")
        self.refresh()

    def new_meeting(self) -> MeetingDialog:
        dialog = MeetingDialog(self.ctx, None, self)
        dialog.accepted.connect(lambda: self._select_meeting(dialog.meeting_id))
        dialog.open()
        return dialog

    def open_meeting(self) -> MeetingDialog | None:
        meeting_id = self.selected(self.meetings)
        if meeting_id is None:
            return None
        dialog = MeetingDialog(self.ctx, meeting_id, self)
        dialog.accepted.connect(self.refresh)
        dialog.open()
        return dialog

    def _select_meeting(self, meeting_id: str | None) -> None:
        self.refresh()
        for row in range(self.meetings.rowCount()):
            if self.meetings.item(row, 0).data(ID) == meeting_id:
                self.meetings.setCurrentCell(row, 0)

    def finalize(self) -> None:
        meeting_id = self.selected(self.meetings)
        if meeting_id is None:
            return
        if not prompts.confirm(
            self,
            self.tr("Finalize minutes"),
            self.tr("Finalized minutes can no longer be changed. Finalize them?"),
        ):
            return
        try:
            with self.ctx.session() as s:
                finalize_meeting(s, self.ctx.actor, meeting_id)
        except DomainError as e:
            prompts.error(self, e)
            return
        self.ctx.changed.emit("meetings")
        self.refresh()

    def print_minutes(self) -> Operation | None:
        """Preview the selected meeting's minutes (made off the GUI thread)."""
        meeting_id = self.selected(self.meetings)
        if meeting_id is None:
            return None
        self.operation = preview_document(self, self.ctx, "minutes", meeting_id)
        return self.operation

    def _open_decision(self, row: int, _col: int) -> None:
        item = self.decisions.item(row, 0)
        if item is not None and item.data(ID):
            self.ctx.open_dossier.emit(item.data(ID))


def screenshot(ctx: AppContext) -> QWidget:
    """The group with the meeting that took the most decisions selected."""
    view = WorkingGroupView(ctx)
    with ctx.session() as s:
        rows = meeting_rows(s, ctx.actor)
    if rows:
        busiest = max(rows, key=lambda r: r.decisions)
        view._select_meeting(busiest.id)
    return view
