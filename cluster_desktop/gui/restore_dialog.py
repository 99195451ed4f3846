"""What a backup holds, shown before anything is replaced: office, Jalali date, program, counts,
attachments, and a plain warning that the current data goes (and where its copy will be kept)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLocale, Qt, QTime
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QFrame,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.jalali import format_jalali_long, to_tehran
from cluster_desktop.services.backup import BackupInfo, label_title
from cluster_desktop.services.restore import RestorePlan

LTR_ISOLATE = "\u2066%s\u2069"  # a path or version inside Persian text keeps its own order


def size_text(n: int) -> str:
    loc = QLocale()
    if n >= 2**20:
        return QCoreApplication.translate("restore_dialog", "%1 MB").replace(
            "%1", loc.toString(n / 2**20, "f", 1)
        )
    kb = max(1, round(n / 1024)) if n else 0
    return QCoreApplication.translate("restore_dialog", "%1 kB").replace("%1", loc.toString(kb))


def _label(text: str, parent: QWidget, name: str = "") -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)  # office names and paths are never markup
    label.setWordWrap(True)
    if name:
        label.setObjectName(name)
    return label


class RestoreConfirmDialog(QDialog):
    """Accepted only by the explicit Restore button; Cancel is the default."""

    def __init__(self, plan: RestorePlan, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.plan = plan
        self.setObjectName("restore_confirm_dialog")
        self.setWindowTitle(self.tr("Restore from a backup"))
        info = plan.info
        fa = lang == "fa"
        layout = QVBoxLayout(self)
        layout.addWidget(_label(self.tr("This backup holds:"), self, "restore_heading"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeading)
        loc = QLocale()
        rows = [
            (self.tr("Office:"), f"{info.office_name} ({info.office_id})", "restore_office"),
            (self.tr("Made on:"), self._when(info, fa), "restore_date"),
            (self.tr("Kind:"), label_title(info.label)[0 if fa else 1], "restore_kind"),
            (
                self.tr("Program:"),
                self.tr("version %1, database schema %2")
                .replace("%1", LTR_ISOLATE % info.program_version)
                .replace("%2", LTR_ISOLATE % (info.schema_revision or "")),
                "restore_program",
            ),
        ]
        for title, value, name in rows:
            form.addRow(title, _label(value, self, name))
        counts = "، ".join if fa else ", ".join
        form.addRow(
            self.tr("Records:"),
            _label(
                counts(
                    [f"{loc.toString(n)} {t_fa if fa else t_en}" for t_fa, t_en, n in info.headline() if n]
                )
                + "\n"
                + self.tr("%1 rows in all").replace("%1", loc.toString(info.total_rows)),
                self,
                "restore_counts",
            ),
        )
        form.addRow(
            self.tr("Attachments:"),
            _label(
                self.tr("%1 files, %2")
                .replace("%1", loc.toString(info.attachments))
                .replace("%2", size_text(info.attachment_bytes)),
                self,
                "restore_attachments",
            ),
        )
        form.addRow(
            self.tr("Checked:"), _label(self.tr("every file and table is intact"), self, "restore_checked")
        )
        layout.addLayout(form)
        for w in info.warnings:
            layout.addWidget(_label(w, self))
        layout.addWidget(self._warning(plan))
        self.buttons = QDialogButtonBox(self)
        self.restore_button = QPushButton(self.tr("Replace the data and restore"), self)
        self.restore_button.setObjectName("restore_button")
        self.restore_button.setAutoDefault(False)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        self.restore_button.clicked.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _when(self, info: BackupInfo, fa: bool) -> str:
        if info.created_at is None:
            return ""
        if not fa:
            return f"{info.created_at:%Y-%m-%d %H:%M} UTC"
        local = to_tehran(info.created_at)  # the day and hour as the office lived them
        return (
            self.tr("%1 at %2")
            .replace("%1", format_jalali_long(local.date()))
            .replace("%2", QLocale().toString(QTime(local.hour, local.minute), "HH:mm"))
        )

    def _warning(self, plan: RestorePlan) -> QFrame:
        box = QFrame(self)
        box.setObjectName("restore_warning")
        box.setFrameShape(QFrame.Shape.StyledPanel)
        box.setStyleSheet("#restore_warning { background: #fdecea; border: 1px solid #e0a09a; }")
        inner = QVBoxLayout(box)
        if plan.current is None:
            text = self.tr("This data folder holds no office yet: the backup becomes its office.")
        else:
            text = (
                self.tr(
                    "Every record and attachment of %1 on this computer will be replaced by the backup's. "
                    "Changes made since the backup was taken are lost, except in the copy of the current "
                    "data that is saved first in:"
                ).replace("%1", plan.current.name)
                + "\n"
                + LTR_ISOLATE % plan.copy_folder
                + "\n"
                + self.tr("The program then returns to the login screen.")
            )
        inner.addWidget(_label(text, box, "restore_warning_text"))
        return box
