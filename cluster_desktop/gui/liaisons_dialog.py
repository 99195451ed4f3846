"""File › TPO liaisons of the provinces… (the centre, F2-1): for each of the 31 provinces the TPO expert
it deals with, beside its secretariat's head, secretary and telephone as its last bundle carried them.

Choosing a row puts its liaison in the form below; saving (off the GUI thread) records it for the
province's next decision bundle. Empty fields clear it. Problems show beside their fields.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.services import liaisons
from cluster_desktop.services.office_details import may_edit

from . import prompts
from .context import AppContext
from .operation import Operation
from .uiloader import plain_labels
from .widgets import FieldErrors

FIELDS = ("full_name", "position", "phone", "email")


class LiaisonsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.editable = may_edit(ctx.actor)
        self.operation: Operation | None = None
        self.rows: list[liaisons.RegisterRow] = []
        self.shown: liaisons.RegisterRow | None = None  # the province in the form
        self.dirty = False
        self.setObjectName("liaisons_dialog")
        self.setWindowTitle(self.tr("TPO liaisons of the provinces"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The TPO expert each province deals with (F2-1). A province sees its own liaison after "
                "the centre's next bundle; its secretariat is shown as its last bundle carried it."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(self)
        self.table.setObjectName("liaisons_table")
        headers = [
            self.tr("Province"),
            self.tr("TPO liaison"),
            self.tr("Post"),
            self.tr("Telephone"),
            self.tr("E-mail"),
            self.tr("Secretariat head"),
            self.tr("Secretary"),
            self.tr("Secretariat telephone"),
            self.tr("Details received"),
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.itemSelectionChanged.connect(self._selected)
        layout.addWidget(self.table, 1)

        box = QGroupBox(self.tr("Liaison of the chosen province"), self)
        box.setObjectName("liaison_editor")
        form = QFormLayout(box)
        self.province_label = QLabel(box)
        self.province_label.setObjectName("province_label")
        form.addRow(self.tr("Province:"), self.province_label)
        self.edits: dict[str, QLineEdit] = {}
        for key, label in zip(
            FIELDS,
            (self.tr("Name:"), self.tr("Post:"), self.tr("Telephone:"), self.tr("E-mail:")),
            strict=True,
        ):
            edit = QLineEdit(box)
            edit.setObjectName(f"{key}_edit")
            edit.setReadOnly(not self.editable)
            edit.textEdited.connect(self._edited)
            if key in ("phone", "email"):
                edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
                edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
            error = QLabel(box)
            error.setObjectName(f"{key}_error")
            error.setTextFormat(Qt.TextFormat.PlainText)
            form.addRow(label, edit)
            form.addRow("", error)
            self.edits[key] = edit
        self.save_button = QPushButton(self.tr("Save the liaison"), box)
        self.save_button.setObjectName("save_liaison_button")
        self.save_button.setVisible(self.editable)
        self.save_button.clicked.connect(self.save)
        form.addRow("", self.save_button)
        general = QLabel(box)
        general.setObjectName("form_error")
        general.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow(general)
        layout.addWidget(box)
        self.errors = FieldErrors(self, general)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(1120, 720)
        plain_labels(self)  # as every loaded form's: nothing here guesses markup
        self.refresh()
        self.choose(0)

    def _n(self, text: str) -> str:
        return to_persian_digits(text) if self.fa else text

    def refresh(self, select: str | None = None) -> None:
        with self.ctx.session() as s:
            self.rows = liaisons.register(s)
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            cells = [
                r.province_fa if self.fa else r.province_en,
                r.liaison.full_name,
                r.liaison.position,
                self._n(r.liaison.phone),
                r.liaison.email,
                r.head_name,
                r.secretary_name,
                self._n(r.secretariat_phone),
                format_jalali(r.details_received) if r.details_received else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)  # plain text: names are never markup here
                item.setData(Qt.ItemDataRole.UserRole, r.province_code)
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        if select is not None:
            for i, r in enumerate(self.rows):
                if r.province_code == select:
                    self.choose(i)

    def choose(self, row: int) -> None:
        """Put the province in ``row`` in the form (as a click on it does)."""
        self.table.setCurrentCell(row, 0)
        self._selected()  # also when the row was current already (after a save)

    def current(self) -> liaisons.RegisterRow | None:
        selected = self.table.selectedItems()
        row = selected[0].row() if selected else -1
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selected(self) -> None:
        r = self.current()
        if r is None or (self.shown is not None and r.province_code == self.shown.province_code):
            return
        if self.dirty and self.shown is not None and not self._discard():
            back = next(i for i, x in enumerate(self.rows) if x.province_code == self.shown.province_code)
            self.table.blockSignals(True)
            self.table.setCurrentCell(back, 0)
            self.table.blockSignals(False)
            return
        self.errors.clear()
        self.shown = r
        self.province_label.setText(r.province_fa if self.fa else r.province_en)
        for key, edit in self.edits.items():
            value = getattr(r.liaison, key)
            edit.setText(self._n(value) if key == "phone" else value)
        self.dirty = False

    def _discard(self) -> bool:
        """Typed but not saved: ask before it is lost."""
        name = (
            self.shown.province_fa if self.shown and self.fa else self.shown.province_en if self.shown else ""
        )
        return prompts.confirm(
            self,
            self.windowTitle(),
            self.tr("The liaison typed for %1 is not saved. Discard it?").replace("%1", name),
        )

    def reject(self) -> None:
        if self.operation is not None or (self.dirty and not self._discard()):
            return
        super().reject()

    def _edited(self, _text: str) -> None:
        self.dirty = True

    def save(self) -> None:
        r = self.shown
        if r is None or self.operation is not None:
            return
        self.errors.clear()
        data = liaisons.LiaisonInput(**{k: e.text() for k, e in self.edits.items()})
        ws, actor, code = self.ctx.ws, self.ctx.actor, r.province_code

        def work(_progress: object) -> liaisons.Liaison:
            with ws.db.session() as s:
                return liaisons.set_liaison(s, actor, code, data)

        def done(_saved: liaisons.Liaison) -> None:
            self.operation = None
            self.dirty = False
            self.shown = None  # shown again from the register as saved
            self.refresh(select=code)
            self.ctx.changed.emit("liaisons")

        def refused(exc: BaseException) -> None:
            self.operation = None
            if isinstance(exc, DomainError):
                self.errors.show(exc)
            else:
                prompts.error(self, exc)

        self.save_button.setEnabled(False)
        self.operation = (
            Operation(self, self.tr("Saving the liaison…"), work).on_success(done).on_failure(refused).start()
        )
        self.operation.finished.connect(lambda: self.save_button.setEnabled(True))


def screenshot(ctx: AppContext) -> QWidget:
    if not ctx.is_central:
        raise DomainError(
            "فهرست نمایندگان ارتباطی فقط در سازمان توسعه تجارت است.",
            "The register of TPO liaisons is kept at the centre only.",
        )
    dialog = LiaisonsDialog(ctx)
    dialog.setFixedSize(1180, 760)
    dialog.choose(6)
    return dialog
