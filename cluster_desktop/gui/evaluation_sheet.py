"""A working-group member's own evaluation sheet (F3-4 in a province, F6-1 at the centre).

Nine criteria scored 0–5 against the rubric, each with a comment, and a general comment; saved as a
draft or submitted (final). The sheet is the member's own in the dossier's current evaluation round: a
dossier returned for revision is scored afresh when its evaluation reopens. The services keep sheets private until their owner submits; this page
says so, and shows a note instead of the sheet to anyone who is not a member. A saved sheet (a draft
too) can be printed by its owner.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError, FormError
from cluster_desktop.domain.jalali import format_jalali_datetime
from cluster_desktop.domain.numbers import to_latin_digits, to_persian_digits
from cluster_desktop.services import evaluations
from cluster_desktop.services.evaluations import CriterionInfo, SheetInput, SheetState

from . import prompts
from .context import AppContext
from .operation import Operation
from .print_preview import preview_document, set_printable
from .uiloader import find, load_ui
from .widgets import FieldErrors

LEVELS = range(0, 6)


def digits(text: str | int, lang: str) -> str:
    """Persian digits in Persian, Latin in English (support staff)."""
    return to_persian_digits(text) if lang == "fa" else to_latin_digits(str(text))


def read_level(text: str) -> int | None:
    """The 0–5 level typed or chosen, for showing its rubric (the service validates for real)."""
    raw = to_latin_digits(text.strip())
    return int(raw) if raw.isdigit() and int(raw) in LEVELS else None


class CriterionRow:
    """The widgets of one criterion in the sheet's grid."""

    def __init__(self, sheet: EvaluationSheet, info: CriterionInfo, row: int) -> None:
        lang = sheet.ctx.lang
        grid = sheet.grid
        host = sheet.host
        self.info = info
        self.lang = lang
        code = info.code
        title = info.title_fa if lang == "fa" else info.title_en
        self.title = QLabel(f"{digits(row + 1, lang)}. {title}", host)
        self.title.setObjectName(f"title_{code}")
        self.title.setWordWrap(True)
        self.title.setMinimumWidth(260)
        percent = f"{info.share_percent:.0f}"
        self.weight = QLabel(f"{digits(percent, lang)}٪" if lang == "fa" else f"{percent}%", host)
        self.weight.setObjectName(f"weight_{code}")
        self.weight.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.score = QComboBox(host)
        self.score.setObjectName(f"score_{code}")
        self.score.setEditable(True)
        self.score.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.score.addItem("", None)
        for level in LEVELS:
            self.score.addItem(digits(level, lang), level)
            fa, en = info.rubric.get(level, ("", ""))
            self.score.setItemData(level + 1, fa if lang == "fa" else en, Qt.ItemDataRole.ToolTipRole)
        self.score.setFixedWidth(72)
        self.score.lineEdit().setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.rubric = QLabel(host)
        self.rubric.setObjectName(f"rubric_{code}")
        self.rubric.setWordWrap(True)
        self.rubric.setStyleSheet("color: #44505c;")
        self.rubric.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self.rubric.setMinimumWidth(260)
        self.comment = QLineEdit(host)
        self.comment.setObjectName(f"comment_{code}")
        self.comment.setPlaceholderText(
            QCoreApplication.translate("EvaluationSheet", "Why this score (optional)")
        )
        self.comment.setMinimumWidth(180)
        self.error = QLabel(host)
        self.error.setObjectName(f"score_{code}_error")
        for label in (self.title, self.weight, self.rubric, self.error):
            label.setTextFormat(Qt.TextFormat.PlainText)  # criteria texts are typed at the centre
        self.widgets: list[QWidget] = [
            self.title,
            self.weight,
            self.score,
            self.rubric,
            self.comment,
            self.error,
        ]
        r = 1 + row * 3
        if row:
            line = QFrame(host)
            line.setFrameShape(QFrame.Shape.HLine)
            line.setStyleSheet("color: #dde3ea;")
            grid.addWidget(line, r - 1, 0, 1, 5)
            self.widgets.append(line)
        grid.addWidget(self.title, r, 0)
        grid.addWidget(self.weight, r, 1)
        grid.addWidget(self.score, r, 2)
        grid.addWidget(self.rubric, r, 3)
        grid.addWidget(self.comment, r, 4)
        grid.addWidget(self.error, r + 1, 2, 1, 3)
        self.score.currentTextChanged.connect(self.show_rubric)

    def show_rubric(self, text: str) -> None:
        level = read_level(text)
        fa, en = self.info.rubric.get(level, ("", "")) if level is not None else ("", "")
        self.rubric.setText(fa if self.lang == "fa" else en)

    def set_value(self, score: int | None, comment: str) -> None:
        self.score.setCurrentIndex(0 if score is None else score + 1)
        self.show_rubric(self.score.currentText())
        self.comment.setText(comment)

    def set_enabled(self, on: bool) -> None:
        self.score.setEnabled(on)
        self.comment.setReadOnly(not on)


class EvaluationSheet(QWidget):
    """The dossier page's "My evaluation" section."""

    def __init__(self, ctx: AppContext, dossier_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier_id = dossier_id
        self.ui = load_ui("evaluation_sheet.ui", self)
        self.heading = find(self.ui, QLabel, "heading_label")
        self.note = find(self.ui, QLabel, "note_label")
        self.status = find(self.ui, QLabel, "status_label")
        self.scroll = find(self.ui, QScrollArea, "criteria_scroll")
        self.host = find(self.ui, QWidget, "criteria_host")
        self.grid = find(self.ui, QGridLayout, "criteria_grid")
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(3, 4)
        self.grid.setColumnStretch(4, 2)
        self.comment_edit = find(self.ui, QPlainTextEdit, "comment_edit")
        self.save_button = find(self.ui, QPushButton, "save_button")
        self.submit_button = find(self.ui, QPushButton, "submit_button")
        self.save_button.clicked.connect(self.save)
        self.submit_button.clicked.connect(self.submit)
        self.print_button = find(self.ui, QPushButton, "print_button")
        self.print_button.clicked.connect(self.print_sheet)
        self.operation: Operation | None = None
        self.comment_edit.textChanged.connect(self._edited)
        self.rows: dict[str, CriterionRow] = {}
        self.errors: FieldErrors | None = None
        self.state: SheetState | None = None
        self._dirty = False
        self._loading = False
        self.refresh()

    # ------------------------------------------------------------------ loading

    def _build(self, criteria: list[CriterionInfo]) -> None:
        for old in self.rows.values():  # a new round scored against a revised criteria set (F15)
            for w in old.widgets:
                self.grid.removeWidget(w)
                w.setParent(None)  # out of the tree now: FieldErrors looks labels up by name
                w.deleteLater()
        self.rows = {}
        for i, info in enumerate(criteria):
            row = CriterionRow(self, info, i)
            row.score.currentTextChanged.connect(self._edited)
            row.comment.textEdited.connect(self._edited)
            self.rows[info.code] = row
        self.errors = FieldErrors(self.ui)

    def refresh(self) -> None:
        """Reload the sheet from the database (edits not yet saved are kept)."""
        with self.ctx.session() as s:
            state = evaluations.sheet_state(s, self.ctx.actor, self.dossier_id)
        self.state = state
        if not self.rows or (not self._dirty and [r.info for r in self.rows.values()] != state.criteria):
            self._build(state.criteria)
        if not self._dirty:
            self._loading = True
            for code, row in self.rows.items():
                row.set_value(state.scores.get(code), state.comments.get(code, ""))
            self.comment_edit.setPlainText(state.comment)
            self._loading = False
        self._show_state(state)

    def _show_state(self, state: SheetState) -> None:
        lang = self.ctx.lang
        if state.member_name:
            title = (
                self.tr("Evaluation sheet of %1 — %2")
                .replace("%1", state.member_name)
                .replace("%2", state.criteria_set_title)
            )
        else:
            title = self.tr("Evaluation sheet — %1").replace("%1", state.criteria_set_title)
        if state.round_number > 1:
            title += " — " + self.tr("round %1").replace("%1", digits(state.round_number, lang))
        self.heading.setText(title)
        self.scroll.setVisible(state.is_member)
        self.save_button.setVisible(state.editable)
        self.submit_button.setVisible(state.editable)
        for row in self.rows.values():
            row.set_enabled(state.editable)
        self.comment_edit.setReadOnly(not state.editable)
        self.print_button.setVisible(state.is_member)
        set_printable(
            self.print_button,
            None if state.exists else self.tr("Save your sheet first; then it can be printed."),
            self.tr("Preview and print your sheet as last saved."),
        )
        if not state.is_member:
            note = self.tr(
                "You are not a member of the working group, so you have no evaluation sheet. "
                "Members score each nomination on their own sheets; see the consolidated scores section."
            )
        elif state.submitted_at is not None:
            note = self.tr(
                "Your sheet is submitted and final. You can now see the other members' submitted sheets "
                "in the consolidated scores section."
            )
        elif not state.open_for_scoring:
            note = self.tr(
                "This dossier is not open for scoring now; the secretary opens the evaluation after the "
                "plan is submitted."
            )
        elif state.round_number > 1:
            note = self.tr(
                "The plan was revised and the evaluation reopened: this is round %1. Score the revised plan "
                "afresh and independently; your sheet of the earlier round is kept, read-only, in the "
                "consolidated scores section. A submitted sheet cannot be changed."
            ).replace("%1", digits(state.round_number, lang))
        else:
            note = self.tr(
                "Score each criterion independently. Other members cannot see or change your sheet, and "
                "you see theirs only after you submit your own. A submitted sheet cannot be changed."
            )
        self.note.setText(note)
        if state.submitted_at is not None:
            when = digits(format_jalali_datetime(state.submitted_at), lang)
            self.status.setText(self.tr("Submitted on %1").replace("%1", when))
        elif state.exists:
            when = digits(format_jalali_datetime(state.updated_at), lang)
            self.status.setText(self.tr("Draft saved on %1 (not submitted yet)").replace("%1", when))
        else:
            self.status.setText(self.tr("Not saved yet") if state.is_member else "")

    def _edited(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True

    # ------------------------------------------------------------------ saving

    def sheet_input(self) -> SheetInput:
        return SheetInput(
            scores={code: row.score.currentText() for code, row in self.rows.items()},
            comments={code: row.comment.text() for code, row in self.rows.items()},
            comment=self.comment_edit.toPlainText(),
        )

    def _store(self, *, submit: bool) -> bool:
        assert self.errors is not None
        data = self.sheet_input()
        try:
            with self.ctx.session() as s:
                evaluations.save_sheet(s, self.ctx.actor, self.dossier_id, data, submit=submit)
        except FormError as e:
            self.errors.show(e)
            return False
        except DomainError as e:
            self.errors.clear()
            prompts.error(self, e)
            return False
        self.errors.clear()
        self._dirty = False
        self.refresh()
        self.ctx.changed.emit(f"dossier:{self.dossier_id}")
        return True

    def save(self) -> bool:
        """Save the sheet as a draft (only its owner sees it)."""
        return self._store(submit=False)

    def submit(self) -> bool:
        """Submit the sheet after confirmation; it is final afterwards."""
        if not prompts.confirm(
            self,
            self.tr("Submit evaluation sheet"),
            self.tr(
                "After submitting, your sheet can no longer change and you will see the other members' "
                "submitted sheets. Submit it now?"
            ),
        ):
            return False
        return self._store(submit=True)

    def print_sheet(self) -> Operation | None:
        """Preview this member's sheet as saved; unsaved edits are not printed, so ask first."""
        member_id = self.ctx.actor.member_id
        if member_id is None or self.state is None or not self.state.exists:
            return None
        if self._dirty and not prompts.confirm(
            self,
            self.tr("Print evaluation sheet"),
            self.tr("Your unsaved edits are not printed; the sheet as last saved is. Print it?"),
        ):
            return None
        self.operation = preview_document(self, self.ctx, "evaluation", self.dossier_id, member_id=member_id)
        return self.operation

    def may_close(self) -> bool:
        if not self._dirty:
            return True
        answer = prompts.save_discard_cancel(self, self.tr("Your evaluation sheet"))
        if answer == "save":
            return self.save()
        if answer == "discard":
            self._dirty = False
            return True
        return False

    def has_unsaved_edits(self) -> bool:
        return self._dirty


def screenshot(ctx: AppContext) -> QWidget:
    """A member's sheet, a draft in a dossier open for scoring where there is one."""
    from cluster_desktop.services.users import actor_for, list_users

    best: tuple[tuple[bool, int], object, str] | None = None
    with ctx.session() as s:
        for user in list_users(s):
            if not user.active or user.member_id is None:
                continue
            actor = actor_for(s, user)
            for sheet in evaluations.open_sheets(s, actor)[:1]:
                key = (sheet.submitted_at is not None, user.id)
                if best is None or key < best[0]:
                    best = (key, actor, sheet.dossier_id)
    if best is None:
        raise DomainError(
            "برگهٔ ارزیابی باز برای هیچ عضوی پیدا نشد.", "No member has an open evaluation sheet here."
        )
    _, actor, dossier_id = best
    member_ctx = AppContext(ctx.ws, actor, ctx.lang)  # type: ignore[arg-type]
    from .dossier_page import page_at

    view = page_at(member_ctx, dossier_id, "evaluation")
    view._member_ctx = member_ctx  # type: ignore[attr-defined]  # keep the context alive with the view
    return view
