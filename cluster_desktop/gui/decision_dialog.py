"""A working-group decision on a dossier (approve, return for revision, reject) or on a development
programme (F9-3, F11): taken in a meeting, recorded with that meeting's minutes number and the reason.
The workflow service decides whether it is allowed; its refusal is shown beside the field it concerns
and nothing changes."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QWidget,
)
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.domain.workflow import Requirement
from cluster_desktop.domain.workflow import Transition as Rule
from cluster_desktop.services import groups, workflow
from cluster_desktop.services.clusters import get_dossier

from .context import AppContext
from .evaluation_sheet import digits
from .uiloader import find, load_ui
from .widgets import FieldErrors

# Records the decision: (session, comment, meeting id) -> the transition row's id.
Taker = Callable[[Session, str, str | None], str]


class DecisionDialog(QDialog):
    """Choose the meeting and write the reason; OK records the decision (or shows why not).

    By default the decision is a dossier's (``dossier_id``); a programme passes its ``subject`` line
    and ``take``, the service call that records it."""

    def __init__(
        self,
        ctx: AppContext,
        dossier_id: str,
        rule: Rule,
        parent: QWidget | None = None,
        *,
        subject: str | None = None,
        take: Taker | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier_id = dossier_id
        self.rule = rule
        self.take = take
        self.transition_id: str | None = None
        self.ui = load_ui("decision_dialog.ui", self)
        self.setWindowTitle(self.tr("Working-group decision"))
        self.meeting_combo = find(self.ui, QComboBox, "meeting_combo")
        self.comment_edit = find(self.ui, QPlainTextEdit, "comment_edit")
        self.buttons = find(self.ui, QDialogButtonBox, "button_box")
        self.errors = FieldErrors(self.ui)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Record the decision"))
        ok.setObjectName("record_button")
        self.buttons.accepted.connect(self.record)
        self.buttons.rejected.connect(self.reject)
        lang = ctx.lang
        find(self.ui, QLabel, "action_label").setText(f"{rule.title} ({rule.f_code})")
        with ctx.session() as s:
            if subject is None:
                subject = self.tr("Cluster: %1").replace("%1", get_dossier(s, dossier_id).cluster.name)
            meetings = [
                (m.id, m.number, m.held_on) for m in groups.list_meetings(s, ctx.actor, open_only=True)
            ]
        find(self.ui, QLabel, "dossier_label").setText(subject)
        self.meeting_combo.addItem(self.tr("— choose the meeting —"), None)
        for meeting_id, number, held_on in meetings:
            text = (
                self.tr("Minutes %1 — %2")
                .replace("%1", digits(number, lang))
                .replace("%2", format_jalali(held_on, persian=lang == "fa"))
            )
            self.meeting_combo.addItem(text, meeting_id)
        if not meetings:
            self.errors.label_for("minutes").setText(  # type: ignore[union-attr]
                self.tr(
                    "No meeting with open minutes: record the meeting in the working group first "
                    "(finalized minutes take no new decisions)."
                )
            )
            self.errors.label_for("minutes").show()  # type: ignore[union-attr]
        caption = find(self.ui, QLabel, "comment_caption")
        if Requirement.COMMENT in rule.requires:
            caption.setText(self.tr("Reason (required)"))

    def choose_meeting(self, number: str) -> bool:
        """Select the meeting with minutes ``number`` (any digits); for keyboard users and tests."""
        from cluster_desktop.domain.numbers import to_latin_digits

        for i in range(self.meeting_combo.count()):
            if to_latin_digits(self.meeting_combo.itemText(i)).find(to_latin_digits(number)) >= 0:
                self.meeting_combo.setCurrentIndex(i)
                return True
        return False

    def record(self) -> bool:
        """Ask the workflow service to record the decision; stay open with its message if refused."""
        try:
            with self.ctx.session() as s:
                comment, meeting_id = self.comment_edit.toPlainText(), self.meeting_combo.currentData()
                if self.take is not None:
                    self.transition_id = self.take(s, comment, meeting_id)
                else:
                    row = workflow.transition(
                        s,
                        self.ctx.actor,
                        self.dossier_id,
                        self.rule.action,
                        comment=comment,
                        meeting_id=meeting_id,
                    )
                    self.transition_id = row.id
        except DomainError as e:
            self.errors.show(e)
            return False
        self.accept()
        return True
