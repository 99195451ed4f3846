"""File › Secretariat details…: the office's head and post, secretary, address, postal code, telephone,
e-mail and letterhead (F1/F2), as printed on its documents and sent to the other side with its next
bundle. At a province it also shows the province's TPO liaison (F2-1), as the centre sent it.

Only the administrator and the secretary may change them (others see them read-only); the image is
read and checked, and the details saved, off the GUI thread; problems show beside their fields.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.services import office_details as od
from cluster_desktop.services.liaisons import Liaison, liaison_of

from . import prompts
from .context import AppContext
from .operation import Operation
from .rtl_text import align_boxes
from .uiloader import plain_labels
from .widgets import FieldErrors

PREVIEW_W, PREVIEW_H = 380, 96


def _error_label(parent: QWidget, key: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(f"{key}_error")
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class OfficeDetailsDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.setObjectName("office_details_dialog")
        self.setWindowTitle(self.tr("Secretariat details"))
        self.editable = od.may_edit(ctx.actor)
        self.operation: Operation | None = None
        self.image: bytes | None = None  # what the preview shows (saved or newly chosen)
        self.image_changed = False
        self.dirty = False
        with ctx.session() as s:
            self.details = od.local_details(s)
            self.liaison = None if self.details.central else liaison_of(s, ctx.actor.office_id)

        layout = QVBoxLayout(self)
        title = QLabel(self.details.office_name, self)
        title.setObjectName("office_name_label")
        title.setTextFormat(Qt.TextFormat.PlainText)
        font = title.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        title.setFont(font)
        layout.addWidget(title)

        form = QFormLayout()
        self.edits: dict[str, QLineEdit | QPlainTextEdit] = {}
        rows = (
            ("head_name", self.tr("Head of the secretariat:")),
            ("head_title", self.tr("Head's post as signed:")),
            ("secretary_name", self.tr("Secretary:")),
            ("address", self.tr("Address:")),
            ("postal_code", self.tr("Postal code:")),
            ("phone", self.tr("Telephone:")),
            ("email", self.tr("E-mail:")),
            ("letterhead_text", self.tr("Line under the letterhead:")),
        )
        for key, label in rows:
            edit: QLineEdit | QPlainTextEdit
            if key == "address":
                edit = QPlainTextEdit(self)
                edit.setFixedHeight(64)
                edit.setTabChangesFocus(True)
                edit.textChanged.connect(self._edited)
            else:
                edit = QLineEdit(self)
                edit.textEdited.connect(self._edited)
                if key in ("postal_code", "phone", "email"):
                    # Numbers and addresses read left to right, as dialled and typed.
                    edit.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
                    edit.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignAbsolute)
            edit.setObjectName(f"{key}_edit")
            edit.setReadOnly(not self.editable)
            form.addRow(label, edit)
            form.addRow("", _error_label(self, key))
            self.edits[key] = edit
        head_title = self.edits["head_title"]
        assert isinstance(head_title, QLineEdit)
        head_title.setPlaceholderText(self.details.default_post)
        layout.addLayout(form)
        layout.addWidget(self._letterhead_box())
        if self.liaison is not None:
            layout.addWidget(self._liaison_box(self.liaison))

        general = _error_label(self, "form")
        layout.addWidget(general)
        self.errors = FieldErrors(self, general)
        buttons = QDialogButtonBox(self)
        if self.editable:
            buttons.setStandardButtons(
                QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
            )
            buttons.accepted.connect(self.save)
        else:
            buttons.setStandardButtons(QDialogButtonBox.StandardButton.Close)
            note = QLabel(self.tr("Only the administrator or the secretary may change these details."), self)
            note.setObjectName("read_only_label")
            layout.addWidget(note)
        buttons.rejected.connect(self.reject)
        self.buttons = buttons
        layout.addWidget(buttons)
        self._fill(self.details)
        align_boxes(self)  # the address box reads right to left, as every form's does
        plain_labels(self)  # as every loaded form's: nothing here guesses markup
        self.setMinimumWidth(620)

    # ----------------------------------------------------------------- parts
    def _letterhead_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Letterhead printed at the top of documents"), self)
        box.setObjectName("letterhead_box")
        v = QVBoxLayout(box)
        self.preview = QLabel(box)
        self.preview.setObjectName("letterhead_preview")
        self.preview.setMinimumSize(PREVIEW_W, PREVIEW_H)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("border: 1px solid #c8c8c8; background: white;")
        v.addWidget(self.preview)
        hint = QLabel(
            self.tr("A PNG or JPEG image of at most 1 MB. Without one, the organisation's name is printed."),
            box,
        )
        hint.setWordWrap(True)
        v.addWidget(hint)
        row = QHBoxLayout()
        self.choose_button = QPushButton(self.tr("Choose an image…"), box)
        self.choose_button.setObjectName("choose_letterhead_button")
        self.choose_button.clicked.connect(self.choose_image)
        self.clear_button = QPushButton(self.tr("Remove the image"), box)
        self.clear_button.setObjectName("clear_letterhead_button")
        self.clear_button.clicked.connect(self.clear_image)
        for b in (self.choose_button, self.clear_button):
            b.setVisible(self.editable)
            row.addWidget(b)
        row.addStretch(1)
        v.addLayout(row)
        v.addWidget(_error_label(box, "letterhead"))
        return box

    def _liaison_box(self, liaison: Liaison) -> QGroupBox:
        box = QGroupBox(self.tr("TPO liaison for this province (F2-1)"), self)
        box.setObjectName("liaison_box")
        form = QFormLayout(box)
        if not liaison.is_set:
            text = QLabel(self.tr("Not received from TPO yet; it comes with the centre's next bundle."), box)
            text.setObjectName("liaison_missing_label")
            text.setWordWrap(True)
            form.addRow(text)
            return box
        digits = to_persian_digits if self.fa else str
        for key, label, value in (
            ("liaison_name", self.tr("Name:"), liaison.full_name),
            ("liaison_position", self.tr("Post:"), liaison.position),
            ("liaison_phone", self.tr("Telephone:"), digits(liaison.phone)),
            ("liaison_email", self.tr("E-mail:"), liaison.email),
        ):
            shown = QLabel(value, box)
            shown.setObjectName(f"{key}_label")
            shown.setTextFormat(Qt.TextFormat.PlainText)  # what TPO typed is never markup
            shown.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            # A number or an address alone would otherwise stand at the left edge, away from its label.
            side = Qt.AlignmentFlag.AlignRight if self.isRightToLeft() else Qt.AlignmentFlag.AlignLeft
            shown.setAlignment(side | Qt.AlignmentFlag.AlignAbsolute | Qt.AlignmentFlag.AlignVCenter)
            form.addRow(label, shown)
        return box

    def _fill(self, d: od.Secretariat) -> None:
        digits = to_persian_digits if self.fa else str
        for key, edit in self.edits.items():
            value = getattr(d, key)
            if key in ("postal_code", "phone"):
                value = digits(value)
            if isinstance(edit, QPlainTextEdit):
                edit.setPlainText(value)
            else:
                edit.setText(value)
        self._show_image(d.letterhead)
        self.image_changed = False
        self.dirty = False

    def _show_image(self, data: bytes | None) -> None:
        self.image = data
        pixmap = QPixmap()
        if data and pixmap.loadFromData(data):
            self.preview.setPixmap(
                pixmap.scaled(
                    PREVIEW_W,
                    PREVIEW_H,
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            )
        else:
            self.preview.setPixmap(QPixmap())
            self.preview.setText(self.tr("No letterhead image: the organisation's name is printed."))
        self.clear_button.setEnabled(self.editable and data is not None)

    def _edited(self, *_args: object) -> None:
        self.dirty = True

    def data(self) -> od.DetailsInput:
        values = {
            k: e.toPlainText() if isinstance(e, QPlainTextEdit) else e.text() for k, e in self.edits.items()
        }
        return od.DetailsInput(**values)

    # ----------------------------------------------------------------- letterhead
    def choose_image(self) -> None:
        path = prompts.open_file(
            self, self.tr("Letterhead image"), self.tr("Images (*.png *.jpg *.jpeg)"), kind="letterhead"
        )
        if path is None or self.operation is not None:
            return
        self.load_image(path)

    def load_image(self, path: Path) -> None:
        """Read and check the file off the GUI thread; a refusal shows beside the letterhead."""

        def loaded(data: bytes) -> None:
            self.operation = None
            self.errors.clear()
            self._show_image(data)
            self.image_changed = self.dirty = True

        self.operation = (
            Operation(self, self.tr("Reading the image…"), lambda _p: od.load_letterhead(path))
            .on_success(loaded)
            .on_failure(self._refused)
            .start()
        )

    def clear_image(self) -> None:
        self._show_image(None)
        self.image_changed = self.dirty = True

    # ----------------------------------------------------------------- saving
    def save(self) -> None:
        if self.operation is not None or not self.editable:
            return
        self.errors.clear()
        data, image, changed = self.data(), self.image, self.image_changed
        ws, actor = self.ctx.ws, self.ctx.actor

        def work(_progress: object) -> od.Secretariat:
            with ws.db.session() as s:
                return od.update_details(
                    s,
                    actor,
                    data,
                    letterhead=image if changed and image is not None else None,
                    clear_letterhead=changed and image is None,
                )

        def done(saved: od.Secretariat) -> None:
            self.operation = None
            self.details = saved
            self.dirty = False
            self.ctx.changed.emit("office")
            self.accept()

        self.buttons.setEnabled(False)
        self.operation = (
            Operation(self, self.tr("Saving the secretariat's details…"), work)
            .on_success(done)
            .on_failure(self._refused)
            .start()
        )
        self.operation.finished.connect(lambda: self.buttons.setEnabled(True))

    def _refused(self, exc: BaseException) -> None:
        self.operation = None
        if isinstance(exc, DomainError):
            self.errors.show(exc)
        else:
            prompts.error(self, exc)

    def reject(self) -> None:
        if self.operation is not None:
            return  # saving or reading: wait for it
        if self.dirty and self.editable:
            answer = prompts.save_discard_cancel(self, self.windowTitle())
            if answer == "save":
                self.save()
                return
            if answer == "cancel":
                return
        super().reject()


def screenshot(ctx: AppContext) -> QWidget:
    dialog = OfficeDetailsDialog(ctx)
    dialog.setFixedSize(700, dialog.sizeHint().height())  # a dialog's size, whatever the screenshot asks
    return dialog
