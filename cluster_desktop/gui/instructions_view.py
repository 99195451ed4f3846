"""Instructions (F5) and their revisions (F15): the four instructions the programme calls for, the
revision in force and every earlier one with its full text. The centre issues revisions through
``services.instructions``; provinces read what the centre's bundles brought."""

from __future__ import annotations

from html import escape
from typing import Any

from PySide6.QtWidgets import (
    QComboBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTextBrowser,
    QWidget,
)

from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.domain.numbers import format_int, to_persian_digits
from cluster_desktop.services import instructions

from .central_tables import Column, RowsModel, select_row
from .context import AppContext
from .form_dialog import FormDialog
from .operation import Operation
from .print_preview import preview_document
from .uiloader import find, load_ui
from .widgets import FieldErrors, JalaliDateEdit


class InstructionDialog(FormDialog):
    """A new revision of one instruction, starting from the text in force."""

    def __init__(self, ctx: AppContext, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = code
        self.ui = load_ui("instruction_dialog.ui", self)
        self.setWindowTitle(self.tr("New revision of an instruction"))
        self.title_edit = find(self.ui, QLineEdit, "title_edit")
        self.issued_on_edit = find(self.ui, JalaliDateEdit, "issued_on_edit")
        self.body_edit = find(self.ui, QPlainTextEdit, "body_edit")
        self.ceiling_edit = find(self.ui, QLineEdit, "provincial_ceiling_rial_edit")
        self.errors = FieldErrors(self.ui)
        with ctx.session() as s:
            draft = instructions.draft_for(s, code)
            topic = next(t for t in instructions.topics(s) if t.code == code)
        find(self.ui, QLabel, "code_label").setText(f"{topic.title_fa} ({code})")
        self.title_edit.setText(draft.title)
        if draft.issued_on and not isinstance(draft.issued_on, str):
            self.issued_on_edit.set_date(draft.issued_on)
        self.body_edit.setPlainText(draft.body)
        # Only the instruction for accepting programmes (F5-2) sets the provincial ceiling.
        with_ceiling = code == instructions.AUTHORITY_CODE
        for name in ("caption", "edit", "note"):
            w = self.ui.findChild(QWidget, f"provincial_ceiling_rial_{name}")
            if w is not None:
                w.setVisible(with_ceiling)
        ceiling = draft.provincial_ceiling_rial
        if with_ceiling and isinstance(ceiling, int):
            self.ceiling_edit.setText(format_int(ceiling) if ctx.lang == "fa" else f"{ceiling:,}")
        self.ready(self.tr("Issue this revision"))

    def data(self) -> instructions.InstructionInput:
        return instructions.InstructionInput(
            code=self.code,
            title=self.title_edit.text(),
            issued_on=self.issued_on_edit.text() or None,
            body=self.body_edit.toPlainText(),
            provincial_ceiling_rial=self.ceiling_edit.text() if self.ceiling_edit.isVisibleTo(self) else None,
        )

    def save(self) -> bool:
        def change(s: Any) -> None:
            instructions.issue(s, self.ctx.actor, self.data())

        return self.commit(change)


class InstructionsView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.ui = load_ui("instructions_view.ui", self)
        self.dialog: InstructionDialog | None = None
        find(self.ui, QLabel, "intro_label").setText(
            self.tr(
                "The programme's instructions (F5) and their revisions (F15). The centre issues each "
                "revision with its date and full text; the newest is in force, earlier ones are kept. "
                "Provinces receive them with the centre's next bundle."
            )
        )
        self.table = find(self.ui, QTableView, "table")
        self.model = RowsModel(
            [
                Column("code", self.tr("Process"), lambda r: r.code),
                Column("topic", self.tr("Instruction"), lambda r: r.topic_fa),
                Column("revision", self.tr("In force"), self._revision_text, True),
                Column("issued", self.tr("Issued on"), lambda r: self._day(r.issued_on), True),
            ],
            self,
            id_of=lambda r: r.code,
        )
        self.table.setModel(self.model)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.table.verticalHeader().setVisible(False)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())
        self.revision_combo = find(self.ui, QComboBox, "revision_combo")
        self.revision_combo.currentIndexChanged.connect(lambda _i: self._show_revision())
        self.title_label = find(self.ui, QLabel, "title_label")
        self.title_label.setStyleSheet("font-weight: bold; font-size: 12pt;")
        self.status_label = find(self.ui, QLabel, "status_label")
        self.body_view = find(self.ui, QTextBrowser, "body_view")
        self.revise_button = find(self.ui, QPushButton, "revise_button")
        self.revise_button.clicked.connect(self.revise)
        self.revise_button.setVisible(instructions.may_issue(ctx.actor))  # the service checks again
        self.print_button = find(self.ui, QPushButton, "print_button")
        self.print_button.clicked.connect(self.print_revision)
        self.operation: Operation | None = None
        self.action_error = find(self.ui, QLabel, "action_error")
        self.action_error.setStyleSheet(FieldErrors.STYLE)
        splitter = find(self.ui, QSplitter, "splitter")
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        self.revisions: list[instructions.RevisionRow] = []
        ctx.changed.connect(lambda what: self.refresh() if what in ("instructions", "bundle") else None)
        self.refresh()

    def _day(self, d: Any) -> str:
        return format_jalali(d, persian=self.fa) if d else "—"

    def _n(self, n: int) -> str:
        return to_persian_digits(n) if self.fa else str(n)

    def _revision_text(self, r: instructions.InstructionRow) -> str:
        if r.revision is None:
            return self.tr("not issued")
        return self.tr("revision %1").replace("%1", self._n(r.revision))

    def refresh(self) -> None:
        keep = self.selected()
        with self.ctx.session() as s:
            rows = instructions.instruction_rows(s)
        self.model.set_rows(rows)
        codes = [r.code for r in rows]
        if rows:
            select_row(self.table, codes.index(keep.code) if keep and keep.code in codes else 0)
        self._show_selected()

    def selected(self) -> instructions.InstructionRow | None:
        index = self.table.currentIndex()
        row = self.model.row_at(index.row()) if index.isValid() else None
        return row if isinstance(row, instructions.InstructionRow) else None

    def _show_selected(self) -> None:
        self.action_error.clear()
        row = self.selected()
        with self.ctx.session() as s:
            self.revisions = instructions.revisions(s, row.code) if row else []
        self.revision_combo.blockSignals(True)
        self.revision_combo.clear()
        for r in self.revisions:
            text = (
                self.tr("Revision %1 — %2")
                .replace("%1", self._n(r.revision))
                .replace("%2", self._day(r.issued_on))
            )
            if r.in_force:
                text += " " + self.tr("(in force)")
            self.revision_combo.addItem(text, r.id)
        self.revision_combo.blockSignals(False)
        self.revision_combo.setEnabled(bool(self.revisions))
        self.print_button.setEnabled(bool(self.revisions))
        self._show_revision()

    def _show_revision(self) -> None:
        row = self.selected()
        at = self.revision_combo.currentIndex()
        if row is None or not self.revisions or at < 0:
            self.title_label.setText(row.topic_fa if row else "")
            if instructions.may_issue(self.ctx.actor):
                waiting = self.tr("Not issued yet: choose “New revision…” to record its approved text.")
            elif self.ctx.is_central:
                waiting = self.tr("Not issued yet.")
            else:
                waiting = self.tr("Not issued yet: it arrives with the centre's bundle once issued.")
            self.status_label.setText(waiting)
            self.body_view.clear()
            return
        r = self.revisions[at]
        self.title_label.setText(r.title)
        status = (
            self.tr("In force since %1.")
            if r.in_force
            else self.tr("Issued on %1; replaced by a later revision.")
        ).replace("%1", self._day(r.issued_on))
        if r.code == instructions.AUTHORITY_CODE:
            status += " " + (
                self.tr("Provincial authority (F9-2): programmes asking up to %1 rial.").replace(
                    "%1",
                    format_int(r.provincial_ceiling_rial) if self.fa else f"{r.provincial_ceiling_rial:,}",
                )
                if r.provincial_ceiling_rial is not None
                else self.tr("No provincial ceiling: every programme is referred to the centre.")
            )
        self.status_label.setText(status)
        # Paragraphs marked RTL one by one: the text is the approved instruction, shown as written.
        paragraphs = [p for p in r.body.split("\n") if p.strip()]
        self.body_view.setHtml("".join(f'<p dir="rtl">{escape(p)}</p>' for p in paragraphs))

    def print_revision(self) -> Operation | None:
        """Preview the revision shown (made off the GUI thread)."""
        revision_id = self.revision_combo.currentData()
        if not revision_id:
            return None
        self.operation = preview_document(self, self.ctx, "instruction", revision_id)
        return self.operation

    def revise(self) -> InstructionDialog | None:
        row = self.selected()
        if row is None:
            self.action_error.setText(self.tr("Select an instruction first."))
            return None
        self.dialog = InstructionDialog(self.ctx, row.code, self)
        self.dialog.accepted.connect(lambda: self.ctx.changed.emit("instructions"))
        self.dialog.open()
        return self.dialog


def screenshot(ctx: AppContext) -> QWidget:
    view = InstructionsView(ctx)
    rows = view.model.rows
    if rows:  # the most revised instruction shows the revision list at its fullest
        select_row(view.table, max(range(len(rows)), key=lambda i: rows[i].revisions))
    return view
