"""A working-group meeting: Jalali date, place, agenda, attendees, minutes and resolutions.

The minutes number (e.g. ۱۴۰۵/۰۰۱) is given by the services when the meeting is first saved; finalized
minutes are shown read-only. The dossier decisions taken in the meeting are listed below.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import today
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import MEMBER_ROLE_TITLES
from cluster_desktop.services.group_views import meeting_detail, member_rows
from cluster_desktop.services.groups import MeetingInput, create_meeting, update_meeting

from . import prompts
from .context import AppContext
from .uiloader import find, load_ui
from .widgets import FieldErrors, JalaliDateEdit

MEMBER = Qt.ItemDataRole.UserRole


def minutes_label(number: str, lang: str) -> str:
    return to_persian_digits(number) if lang == "fa" else number


class MeetingDialog(QDialog):
    """``meeting_id=None`` records a new meeting; after Accepted, ``meeting_id`` is the saved one."""

    def __init__(self, ctx: AppContext, meeting_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.meeting_id = meeting_id
        self.setObjectName("meeting_dialog")
        self.ui = load_ui("meeting_dialog.ui", self)
        self.layout().setContentsMargins(14, 12, 14, 12)
        self.resize(880, 640)
        self.errors = FieldErrors(self.ui)
        self.number = find(self.ui, QLabel, "number_label")
        self.held_on = find(self.ui, JalaliDateEdit, "held_on_edit")
        self.location = find(self.ui, QLineEdit, "location_edit")
        self.agenda = find(self.ui, QPlainTextEdit, "agenda_edit")
        self.minutes = find(self.ui, QPlainTextEdit, "minutes_text_edit")
        self.resolutions = find(self.ui, QPlainTextEdit, "resolutions_edit")
        self.attendees = find(self.ui, QListWidget, "attendees_list")
        self.decisions = find(self.ui, QTableWidget, "decisions_table")
        self.buttons = find(self.ui, QDialogButtonBox, "buttons")
        self.finalized = False
        self._load()
        self.dirty = False
        for edit in (self.location, self.held_on.line):
            edit.textEdited.connect(self._edited)
        self.held_on.edited.connect(self._edited)
        for text in (self.agenda, self.minutes, self.resolutions):
            text.textChanged.connect(self._edited)
        self.attendees.itemChanged.connect(self._edited)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)

    def _load(self) -> None:
        fa = self.ctx.lang == "fa"
        detail = None
        with self.ctx.session() as s:
            members = member_rows(s, self.ctx.actor)
            if self.meeting_id is not None:
                detail = meeting_detail(s, self.meeting_id)
        attending = set(detail.data.attendee_ids) if detail else set()
        for m in members:
            if not m.active and m.id not in attending:
                continue
            seat = MEMBER_ROLE_TITLES[m.member_role][0 if fa else 1]
            item = QListWidgetItem(f"{m.full_name} ({seat})")
            item.setData(MEMBER, m.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if m.id in attending else Qt.CheckState.Unchecked)
            self.attendees.addItem(item)
        self.decisions.setColumnCount(3)
        self.decisions.setHorizontalHeaderLabels([self.tr("Dossier"), self.tr("Decision"), self.tr("Reason")])
        self.decisions.verticalHeader().hide()
        self.decisions.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        if detail is None:
            self.setWindowTitle(self.tr("New working-group meeting"))
            self.number.setText(self.tr("given when the meeting is saved"))
            self.held_on.set_date(today())
            for w in (find(self.ui, QLabel, "decisions_label"), self.decisions):
                w.hide()
            return
        number = minutes_label(detail.number, self.ctx.lang)
        self.setWindowTitle(self.tr("Meeting, minutes %1").replace("%1", number))
        self.number.setText(number)
        d = detail.data
        self.held_on.set_date(d.held_on if isinstance(d.held_on, date) else None)
        self.location.setText(d.location)
        self.agenda.setPlainText(d.agenda)
        self.minutes.setPlainText(d.minutes_text)
        self.resolutions.setPlainText("\n".join(d.resolutions))
        self.decisions.setRowCount(len(detail.decisions))
        for row, dec in enumerate(detail.decisions):
            cells = [dec.cluster_name, f"{dec.f_code} {dec.action_fa if fa else dec.action_en}", dec.comment]
            for col, text in enumerate(cells):
                self.decisions.setItem(row, col, QTableWidgetItem(text))
        self.decisions.resizeColumnsToContents()
        self.finalized = detail.finalized
        if detail.finalized:
            self._read_only()

    def _read_only(self) -> None:
        self.setWindowTitle(self.windowTitle() + " — " + self.tr("finalized"))
        for w in (self.location, self.held_on.line):
            w.setReadOnly(True)
        self.held_on.button.setEnabled(False)
        for t in (self.agenda, self.minutes, self.resolutions):
            t.setReadOnly(True)
        for i in range(self.attendees.count()):
            item = self.attendees.item(i)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsUserCheckable)
        self.buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)

    def _edited(self, *_args: object) -> None:
        if not self.finalized:
            self.dirty = True

    def data(self) -> MeetingInput:
        checked = [
            self.attendees.item(i).data(MEMBER)
            for i in range(self.attendees.count())
            if self.attendees.item(i).checkState() == Qt.CheckState.Checked
        ]
        return MeetingInput(
            held_on=self.held_on.text(),
            location=self.location.text(),
            agenda=self.agenda.toPlainText(),
            minutes_text=self.minutes.toPlainText(),
            attendee_ids=checked,
            resolutions=self.resolutions.toPlainText().splitlines(),
        )

    def save(self) -> bool:
        """Save through the services (the date is checked there); bad input keeps the dialog open."""
        if self.finalized:
            self.accept()
            return True
        try:
            with self.ctx.session() as s:
                if self.meeting_id is None:
                    self.meeting_id = create_meeting(s, self.ctx.actor, self.data()).id
                else:
                    update_meeting(s, self.ctx.actor, self.meeting_id, self.data())
        except DomainError as e:
            self.errors.show(e)
            return False
        self.dirty = False
        self.ctx.changed.emit("meetings")
        self.accept()
        return True

    def reject(self) -> None:
        if self.dirty:
            answer = prompts.save_discard_cancel(self, self.windowTitle())
            if answer == "cancel" or answer == "save":
                if answer == "save":
                    self.save()
                return
        super().reject()
