"""The feasibility plan (F3-3): the dossier page's "plan" section.

Sections, yearly targets and investment are saved through services.plans; attachments are stored
content-addressed by the same service. Unsaved edits are kept as a draft every AUTOSAVE_MS and
whenever a field loses focus, so a power cut loses little; opening the plan again offers the draft.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QShowEvent
from PySide6.QtWidgets import (
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali, format_jalali_datetime
from cluster_desktop.domain.numbers import format_int, to_latin_digits, to_persian_digits
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.services import plans
from cluster_desktop.services.cluster_queries import (
    copy_attachment,
    newer_draft,
    plan_checklist,
    plan_edit_refusal,
)
from cluster_desktop.services.clusters import get_dossier

from . import prompts
from .context import AppContext
from .operation import Operation
from .uiloader import find, load_ui
from .widgets import FieldErrors

AUTOSAVE_MS = 20_000
TEXT_SECTIONS = tuple(key for key, _fa, _en in plans.SECTIONS)
ATTACHMENT_ID = Qt.ItemDataRole.UserRole
FILE_FILTER = "*.pdf *.png *.jpg *.jpeg *.tif *.tiff"


class PlanEditor(QWidget):
    saved = Signal(str)

    def __init__(
        self, ctx: AppContext, dossier_id: str, parent: QWidget | None = None, *, offer_draft: bool = True
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier_id = dossier_id
        self.fa = ctx.lang == "fa"
        self.read_only = False
        self.state = ""
        self._dirty = False  # differs from the saved plan
        self._draft_pending = False  # differs from the last autosaved draft
        self._loading = False
        self._offer_pending = offer_draft
        self._open_dir: Path | None = None
        self.attachment_operation: Operation | None = None  # storing or fetching an attachment
        self.opened_attachment: Path | None = None
        self.ui = load_ui("plan_editor.ui", self)
        self.errors = FieldErrors(self.ui)
        self.texts = {k: find(self.ui, QPlainTextEdit, f"{k}_edit") for k in TEXT_SECTIONS}
        self.investment_edit = find(self.ui, QLineEdit, "investment_rial_edit")
        self.targets_table = find(self.ui, QTableWidget, "targets_table")
        self.checklist = find(self.ui, QListWidget, "checklist")
        self.ready_label = find(self.ui, QLabel, "ready_label")
        self.status_label = find(self.ui, QLabel, "status_label")
        self.draft_label = find(self.ui, QLabel, "draft_label")
        self.tabs = find(self.ui, QTabWidget, "plan_tabs")
        self.attachments_table = find(self.ui, QTableWidget, "attachments_table")
        self.save_button = find(self.ui, QPushButton, "save_button")
        self.add_attachment_button = find(self.ui, QPushButton, "add_attachment_button")
        self.open_attachment_button = find(self.ui, QPushButton, "open_attachment_button")
        self.remove_attachment_button = find(self.ui, QPushButton, "remove_attachment_button")
        self._setup()
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_MS)
        self.timer.timeout.connect(self.autosave)
        self.timer.start()
        self.load()

    def section_title(self) -> str:
        return self.tr("Feasibility plan")

    # ------------------------------------------------------------------ setup
    def _setup(self) -> None:
        find(self.ui, QSplitter, "main_splitter").setSizes([760, 440])
        for w in self.texts.values():
            w.textChanged.connect(self._touched)
            w.installEventFilter(self)
        self.investment_edit.textEdited.connect(self._touched)
        self.investment_edit.installEventFilter(self)
        self.investment_edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
        self.targets_table.itemChanged.connect(self._touched)
        self.targets_table.installEventFilter(self)
        self.targets_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        find(self.ui, QPushButton, "add_target_button").clicked.connect(self.add_target)
        find(self.ui, QPushButton, "remove_target_button").clicked.connect(self.remove_target)
        header = self.attachments_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.attachments_table.itemSelectionChanged.connect(self._update_attachment_buttons)
        self.attachments_table.itemDoubleClicked.connect(lambda _i: self.open_attachment())
        self.save_button.clicked.connect(self.save)
        self.add_attachment_button.clicked.connect(self.add_attachment)
        self.open_attachment_button.clicked.connect(self.open_attachment)
        self.remove_attachment_button.clicked.connect(self.remove_attachment)

    def _touched(self, *_args: object) -> None:
        if not self._loading:
            self._dirty = True
            self._draft_pending = True

    def is_dirty(self) -> bool:
        return self._dirty

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            self.autosave()
        return super().eventFilter(watched, event)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._offer_pending:
            self._offer_pending = False
            QTimer.singleShot(0, self.offer_draft)

    # ------------------------------------------------------------------ loading
    def load(self) -> None:
        """Show the saved plan, its attachments and its completeness; unsaved edits are dropped."""
        with self.ctx.session() as s:
            self.state = get_dossier(s, self.dossier_id).state
            data = plans.plan_input_of(plans.plan_of(s, self.dossier_id))
            refusal = plan_edit_refusal(s, self.ctx.actor, self.dossier_id)
        self._fill(data)
        self._dirty = self._draft_pending = False
        self.errors.clear()
        self._set_read_only(refusal is not None)
        if self.state == DossierState.DRAFT:
            self.status_label.setText(
                self.tr("The feasibility plan is written once the cluster is nominated.")
            )
        elif refusal is not None:
            self.status_label.setText(str(refusal))
        else:
            self.status_label.setText(
                self.tr("Edits are kept as a draft automatically; save the plan when it is ready.")
            )
        self.refresh_checklist()
        self.refresh_attachments()

    def refresh(self) -> None:
        """The dossier changed elsewhere (e.g. a transition): reload, unless the person is editing."""
        if self._dirty:
            self.refresh_checklist()
            self.refresh_attachments()
        else:
            self.load()

    def _num(self, value: int | str, *, grouping: bool = True) -> str:
        if value in ("", None):
            return ""
        if isinstance(value, int):
            return format_int(value, persian=self.fa, grouping=grouping)
        return to_persian_digits(value) if self.fa else value

    def _fill(self, data: plans.PlanInput) -> None:
        self._loading = True
        try:
            for key, w in self.texts.items():
                w.setPlainText(getattr(data, key))
            rial = data.investment_rial
            self.investment_edit.setText(self._num(rial) if rial not in (0, "0") else "")
            self.targets_table.setRowCount(0)
            for t in data.targets:
                self._append_target(t.year, t.export_usd, t.employment)
        finally:
            self._loading = False

    def _append_target(self, year: int | str = "", export: int | str = "", employment: int | str = "") -> int:
        row = self.targets_table.rowCount()
        self.targets_table.insertRow(row)
        for col, (value, grouping) in enumerate(((year, False), (export, True), (employment, True))):
            self.targets_table.setItem(row, col, QTableWidgetItem(self._num(value, grouping=grouping)))
        return row

    def _set_read_only(self, read_only: bool) -> None:
        self.read_only = read_only
        for w in self.texts.values():
            w.setReadOnly(read_only)
        self.investment_edit.setReadOnly(read_only)
        self.targets_table.setEditTriggers(
            QTableWidget.EditTrigger.NoEditTriggers
            if read_only
            else QTableWidget.EditTrigger.DoubleClicked
            | QTableWidget.EditTrigger.EditKeyPressed
            | QTableWidget.EditTrigger.AnyKeyPressed
        )
        for name in ("add_target_button", "remove_target_button"):
            find(self.ui, QPushButton, name).setVisible(not read_only)
        self.save_button.setVisible(not read_only)
        self.add_attachment_button.setVisible(not read_only)
        self.remove_attachment_button.setVisible(not read_only)

    def refresh_checklist(self) -> None:
        """Tick what the saved plan has; say whether it may go to the working group."""
        with self.ctx.session() as s:
            items = plan_checklist(s, self.dossier_id)
        self.checklist.clear()
        for it in items:
            item = QListWidgetItem(("✔  " if it.done else "✘  ") + (it.title_fa if self.fa else it.title_en))
            item.setForeground(Qt.GlobalColor.darkGreen if it.done else Qt.GlobalColor.darkRed)
            item.setData(Qt.ItemDataRole.UserRole, it.key)
            item.setData(Qt.ItemDataRole.UserRole + 1, it.done)
            self.checklist.addItem(item)
        missing = sum(1 for it in items if not it.done)
        if self.state not in plans.EDITABLE_STATES and self.state != DossierState.DRAFT:
            text, color = self.tr("Submitted to the working group."), "#123a6b"
        elif missing == 0:
            text, color = self.tr("Complete: ready to submit to the working group."), "#1b5e20"
        else:
            text = self.tr("Not ready to submit: %1 of %2 parts missing.")
            text = text.replace("%1", format_int(missing, persian=self.fa))
            text = text.replace("%2", format_int(len(items), persian=self.fa))
            color = "#b00020"
        rows = max(self.checklist.count(), 1)
        frame = 2 * self.checklist.frameWidth() + 4
        self.checklist.setFixedHeight(self.checklist.sizeHintForRow(0) * rows + frame)
        self.ready_label.setText(text)
        self.ready_label.setStyleSheet(f"font-weight: bold; color: {color};")
        self.ready = missing == 0

    # ------------------------------------------------------------------ editing and saving
    def add_target(self) -> None:
        row = self._append_target()
        self._touched()
        self.targets_table.setCurrentCell(row, 0)
        self.targets_table.editItem(self.targets_table.item(row, 0))

    def remove_target(self) -> None:
        row = self.targets_table.currentRow()
        if row < 0:
            row = self.targets_table.rowCount() - 1
        if row >= 0:
            self.targets_table.removeRow(row)
            self._touched()

    def collect(self) -> plans.PlanInput:
        """The form's values as typed (the service reads any digits)."""
        targets = []
        for row in range(self.targets_table.rowCount()):
            cells = [self.targets_table.item(row, c) for c in range(3)]
            values = [to_latin_digits(c.text().strip()) if c else "" for c in cells]
            if any(values):
                targets.append(plans.TargetInput(*values))
        return plans.PlanInput(
            **{k: w.toPlainText() for k, w in self.texts.items()},
            investment_rial=self.investment_edit.text(),
            targets=targets,
        )

    def save(self) -> bool:
        if self.read_only:
            return False
        data = self.collect()
        try:
            with self.ctx.session() as s:
                plans.save_plan(s, self.ctx.actor, self.dossier_id, data)
        except DomainError as exc:
            self.errors.show(exc)
            self._show_error_tab()
            return False
        self.load()
        self.draft_label.clear()
        self.ctx.changed.emit(f"dossier:{self.dossier_id}")
        self.saved.emit(self.dossier_id)
        return True

    def _show_error_tab(self) -> None:
        """Bring forward the tab holding the first message, so it is seen."""
        for label in self.ui.findChildren(QLabel):
            if not (label.objectName().endswith("_error") and label.text()):
                continue
            w: QWidget | None = label
            while w is not None:
                i = self.tabs.indexOf(w)
                if i >= 0:
                    self.tabs.setCurrentIndex(i)
                    return
                w = w.parentWidget()

    # ------------------------------------------------------------------ drafts
    def autosave(self) -> bool:
        """Keep unsaved edits as this user's draft (not validated, never sent)."""
        if self.read_only or not self._draft_pending:
            return False
        with self.ctx.session() as s:
            plans.save_draft(s, self.ctx.actor, self.dossier_id, self.collect())
        self._draft_pending = False
        now = format_jalali_datetime(_now()).split(" ")[-1]
        self.draft_label.setText(
            self.tr("Draft kept at %1").replace("%1", now if self.fa else to_latin_digits(now))
        )
        return True

    def offer_draft(self) -> bool:
        """If an autosaved draft is newer than the saved plan, offer to restore it."""
        if self.read_only:
            return False
        with self.ctx.session() as s:
            found = newer_draft(s, self.ctx.actor, self.dossier_id)
        if found is None:
            return False
        content, saved_at = found
        when = format_jalali_datetime(saved_at)
        question = self.tr(
            "A draft of this plan kept automatically on %1 is newer than the saved plan. Restore it?"
        ).replace("%1", when if self.fa else to_latin_digits(when))
        if prompts.confirm(self, self.tr("Restore draft"), question):
            self._fill(content)
            self._dirty = True
            return True
        with self.ctx.session() as s:
            plans.discard_draft(s, self.ctx.actor, self.dossier_id)
        return False

    def may_close(self) -> bool:
        if not self._dirty or self.read_only:
            return True
        answer = prompts.save_discard_cancel(self, self.tr("The feasibility plan"))
        if answer == "save":
            return self.save()
        if answer == "discard":
            with self.ctx.session() as s:
                plans.discard_draft(s, self.ctx.actor, self.dossier_id)
            self._dirty = self._draft_pending = False
            self.timer.stop()
            return True
        return False

    # ------------------------------------------------------------------ attachments
    def refresh_attachments(self) -> None:
        with self.ctx.session() as s:
            rows = [
                (a.id, a.title, a.filename, a.size, a.created_at)
                for a in plans.list_attachments(s, self.dossier_id)
            ]
        t = self.attachments_table
        t.setRowCount(0)
        for att_id, title, filename, size, created in rows:
            row = t.rowCount()
            t.insertRow(row)
            kb = format_int(max(1, math.ceil(size / 1024)), persian=self.fa)
            texts = (
                title,
                filename,
                self.tr("%1 KB").replace("%1", kb),
                format_jalali(created, persian=self.fa),
            )
            for col, text in enumerate(texts):
                item = QTableWidgetItem(text)
                item.setData(ATTACHMENT_ID, att_id)
                if col == 1:
                    item.setToolTip(filename)
                t.setItem(row, col, item)
        self._update_attachment_buttons()

    def _selected_row(self) -> int:
        rows = self.attachments_table.selectionModel().selectedRows()
        return rows[0].row() if rows else -1

    def _selected_attachment(self) -> str | None:
        row = self._selected_row()
        item = self.attachments_table.item(row, 0) if row >= 0 else None
        return item.data(ATTACHMENT_ID) if item else None

    def _update_attachment_buttons(self) -> None:
        selected = self._selected_attachment() is not None
        self.open_attachment_button.setEnabled(selected)
        self.remove_attachment_button.setEnabled(selected and not self.read_only)

    def add_attachment(self) -> bool:
        path = prompts.open_file(
            self,
            self.tr("Attach a scan or document"),
            self.tr("Scans and documents (%1);;All files (*)").replace("%1", FILE_FILTER),
            kind="attachments",
        )
        if path is None:
            return False
        ws, actor, dossier_id = self.ctx.ws, self.ctx.actor, self.dossier_id

        def store(_progress: object) -> None:  # off the GUI thread: up to 25 MB, maybe to a server
            with ws.db.session() as s:
                plans.add_attachment(s, actor, ws.blobs, dossier_id, path)

        def stored(_result: object) -> None:
            self.attachment_operation = None
            self.errors.clear()
            self.refresh_attachments()
            self.ctx.changed.emit(f"dossier:{self.dossier_id}:attachments")

        def refused(exc: BaseException) -> None:
            self.attachment_operation = None
            if isinstance(exc, DomainError):
                self.errors.show(exc)
            else:
                prompts.error(self, exc)

        self.attachment_operation = (
            Operation(self, self.tr("Storing the attachment…"), store)
            .on_success(stored)
            .on_failure(refused)
            .start()
        )
        return True

    def open_attachment(self) -> bool:
        """Open a copy under its own file name with the system's viewer."""
        att_id = self._selected_attachment()
        if att_id is None:
            return False
        if self._open_dir is None:
            self._open_dir = Path(tempfile.mkdtemp(prefix="cluster-desktop-"))
        ws, folder = self.ctx.ws, self._open_dir

        def fetch(_progress: object) -> Path:  # off the GUI thread: the bytes may come from a server
            with ws.db.session() as s:
                return copy_attachment(s, ws.blobs, att_id, folder)

        def fetched(path: Path) -> None:
            self.attachment_operation = None
            self.opened_attachment = path
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

        def failed(exc: BaseException) -> None:
            self.attachment_operation = None
            prompts.error(self, exc)

        self.attachment_operation = (
            Operation(self, self.tr("Opening the attachment…"), fetch)
            .on_success(fetched)
            .on_failure(failed)
            .start()
        )
        return True

    def remove_attachment(self) -> bool:
        att_id = self._selected_attachment()
        if att_id is None or self.read_only:
            return False
        name = self.attachments_table.item(self._selected_row(), 1).text()
        if not prompts.confirm(
            self,
            self.tr("Remove attachment"),
            self.tr("Remove the attachment «%1» from the dossier?").replace("%1", name),
        ):
            return False
        try:
            with self.ctx.session() as s:
                plans.remove_attachment(s, self.ctx.actor, att_id)
        except DomainError as exc:
            self.errors.show(exc)
            return False
        self.refresh_attachments()
        self.ctx.changed.emit(f"dossier:{self.dossier_id}:attachments")
        return True


def _now():  # type: ignore[no-untyped-def]
    from datetime import UTC, datetime

    return datetime.now(UTC)


def screenshot(ctx: AppContext) -> QWidget:
    """A plan still being written (its checklist shows what is missing), else any plan."""
    from cluster_desktop.services.cluster_queries import screenshot_plan_dossier

    with ctx.session() as s:
        dossier_id = screenshot_plan_dossier(s)
    if dossier_id is None:
        raise DomainError(
            "پرونده‌ای با طرح توجیهی در این دفتر نیست.", "No dossier with a plan in this office."
        )
    from .dossier_page import page_at

    return page_at(ctx, dossier_id, "plan")
