"""Cluster approval licenses (F8): issue one for a registered cluster (Jalali dates, validity,
conditions; signed with the centre's key, unlocked by the acting user's password), suspend, revoke
or reinstate with a reason; print the selected license, verify a printed one."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QTableView,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError, ValidationError
from cluster_desktop.domain.jalali import format_jalali, today
from cluster_desktop.services import central_registers as registers
from cluster_desktop.services.licenses import LicenseInput, default_validity

from . import password_dialog, prompts
from .central_tables import Column, RowsModel, fa_date, fa_num, select_row
from .context import AppContext
from .license_verify import LicenseVerifyDialog
from .operation import Operation, Progress
from .print_preview import preview_document, set_printable
from .uiloader import find, load_ui
from .widgets import FieldErrors, JalaliDateEdit

STATUS_COLORS = {"suspended": "#b06000", "revoked": "#b00020"}


class LicenseIssueDialog(QDialog):
    """Issue date, validity and conditions of a new license; OK asks the password and issues it."""

    def __init__(self, ctx: AppContext, row: registers.DatabankRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.license_no: str | None = None
        self.operation: Operation | None = None
        self.working = False  # from «Issue and sign» until signed, refused or the password withheld
        self.ui = load_ui("license_issue_dialog.ui", self)
        self.setWindowTitle(self.tr("Issue the cluster approval license"))
        find(self.ui, QLabel, "dossier_label").setText(
            self.tr("%1 — %2, registry number %3")
            .replace("%1", row.name)
            .replace("%2", row.province_fa)
            .replace("%3", row.registry_no)
        )
        self.issued_on_edit = find(self.ui, JalaliDateEdit, "issued_on_edit")
        self.valid_until_edit = find(self.ui, JalaliDateEdit, "valid_until_edit")
        self.conditions_edit = find(self.ui, QPlainTextEdit, "conditions_edit")
        self.errors = FieldErrors(self.ui)
        issued = today()
        self.issued_on_edit.set_date(issued)
        self.valid_until_edit.set_date(default_validity(issued))
        buttons = find(self.ui, QDialogButtonBox, "buttons")
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Issue and sign"))
        ok.setObjectName("issue_ok_button")
        buttons.accepted.connect(self.issue)
        buttons.rejected.connect(self.reject)

    def issue(self) -> Operation:
        """Check, ask for the password, then unlock the key (scrypt, 1–2 s) and sign: the checks and the
        signing run off the GUI thread; problems show beside their fields."""
        data = LicenseInput(
            self.issued_on_edit.text() or None,
            self.valid_until_edit.text() or None,
            self.conditions_edit.toPlainText(),
        )
        actor, dossier_id = self.ctx.actor, self.row.dossier_id
        self.working = True

        def check(_p: Progress) -> None:
            with self.ctx.session() as s:
                registers.check_licensable(s, actor, dossier_id)

        def sign(password: str) -> Callable[[Progress], str]:
            def run(_p: Progress) -> str:
                with self.ctx.session() as s:
                    return registers.issue(s, actor, password, dossier_id, data).number

            return run

        def checked(_none: object) -> None:
            password = password_dialog.ask_password(
                self, self.tr("Your password unlocks the centre's signing key for this license.")
            )
            if password is None:
                self.working = False
                return
            self.operation = (
                Operation(self, self.tr("Signing the license…"), sign(password))
                .on_success(signed)
                .on_failure(self._failed)
                .start()
            )

        def signed(number: str) -> None:
            self.license_no, self.working = number, False
            self.accept()

        self.operation = (
            Operation(self, self.tr("Checking the dossier…"), check)
            .on_success(checked)
            .on_failure(self._failed)
        )
        return self.operation.start()

    def _failed(self, exc: BaseException) -> None:
        self.working = False
        if isinstance(exc, DomainError):
            self.errors.show(exc)
        else:
            prompts.error(self, exc)


class LicensesView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.ui = load_ui("licenses_view.ui", self)
        fa = ctx.lang == "fa"
        day = fa_date if fa else (lambda d: "" if d is None else d.isoformat())
        self.status_titles = {
            "valid": self.tr("valid"),
            "suspended": self.tr("suspended"),
            "revoked": self.tr("revoked"),
        }
        on = today()
        self.table = find(self.ui, QTableView, "table")
        self.model = RowsModel(
            [
                Column("number", self.tr("License number"), lambda r: r.number),
                Column("cluster", self.tr("Cluster"), lambda r: r.cluster_name),
                Column("province", self.tr("Province"), lambda r: r.province_fa),
                Column("issued", self.tr("Issued on"), lambda r: day(r.issued_on), True),
                Column(
                    "valid_until",
                    self.tr("Valid until"),
                    lambda r: day(r.valid_until) + (" " + self.tr("(expired)") if r.expired(on) else ""),
                    True,
                ),
                Column(
                    "status",
                    self.tr("Status"),
                    lambda r: self.status_titles.get(r.status, r.status),
                    True,
                    color=lambda r: STATUS_COLORS.get(r.status),
                ),
                Column("reason", self.tr("Reason"), lambda r: r.status_reason),
                Column("conditions", self.tr("Conditions"), lambda r: r.conditions),
            ],
            self,
        )
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)  # row numbers would read like ranks
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        self.waiting_list = find(self.ui, QListWidget, "waiting_list")
        self.search_edit = find(self.ui, QLineEdit, "search_edit")
        self.status_combo = find(self.ui, QComboBox, "status_combo")
        self.status_combo.addItem(self.tr("All licenses"), None)
        for key, title in self.status_titles.items():
            self.status_combo.addItem(title, key)
        self.count_label = find(self.ui, QLabel, "count_label")
        self._debounce = QTimer(self)
        self._debounce.setSingleShot(True)
        self._debounce.setInterval(250)
        self._debounce.timeout.connect(self.refresh)
        self.search_edit.textChanged.connect(lambda _t: self._debounce.start())
        self.status_combo.currentIndexChanged.connect(lambda _i: self.refresh())
        find(self.ui, QPushButton, "issue_button").clicked.connect(self.issue_selected)
        self.suspend_button = find(self.ui, QPushButton, "suspend_button")
        self.reinstate_button = find(self.ui, QPushButton, "reinstate_button")
        self.revoke_button = find(self.ui, QPushButton, "revoke_button")
        self.suspend_button.clicked.connect(lambda: self.change("suspend"))
        self.reinstate_button.clicked.connect(lambda: self.change("reinstate"))
        self.revoke_button.clicked.connect(lambda: self.change("revoke"))
        find(self.ui, QPushButton, "open_button").clicked.connect(self.open_selected)
        self.print_button = find(self.ui, QPushButton, "print_button")
        self.print_button.clicked.connect(self.print_selected)
        find(self.ui, QPushButton, "verify_button").clicked.connect(self.verify)
        self.operation: Operation | None = None
        self.verify_dialog: LicenseVerifyDialog | None = None
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._selection_changed())
        ctx.changed.connect(
            lambda what: self.refresh() if what.startswith("dossier:") or what == "bundle" else None
        )
        self.refresh()

    def refresh(self) -> None:
        current = self.selected()
        with self.ctx.session() as s:
            rows = registers.license_rows(
                s, status=self.status_combo.currentData(), search=self.search_edit.text()
            )
            self.waiting = registers.licensable(s)
        self.model.set_rows(rows)
        n = fa_num if self.ctx.lang == "fa" else str
        self.count_label.setText(self.tr("%1 licenses").replace("%1", n(len(rows))))
        self.waiting_list.clear()
        for r in self.waiting:
            registered = format_jalali(r.registered_on, persian=self.ctx.lang == "fa")
            item = QListWidgetItem(
                self.tr("%1 — %2 (registered %3)")
                .replace("%1", r.name)
                .replace("%2", r.province_fa)
                .replace("%3", registered)
            )
            item.setData(Qt.ItemDataRole.UserRole, r.dossier_id)
            self.waiting_list.addItem(item)
        if self.waiting:
            self.waiting_list.setCurrentRow(0)
        if current is not None:
            self.select_license(current.number)
        self._selection_changed()

    def selected(self) -> registers.LicenseRow | None:
        rows = self.table.selectionModel().selectedRows()
        return self.model.row_at(rows[0].row()) if rows else None

    def select_license(self, number: str) -> bool:
        for i, r in enumerate(self.model.rows):
            if r.number == number:
                select_row(self.table, i)
                return True
        return False

    def select_waiting(self, dossier_id: str) -> bool:
        for i in range(self.waiting_list.count()):
            if self.waiting_list.item(i).data(Qt.ItemDataRole.UserRole) == dossier_id:
                self.waiting_list.setCurrentRow(i)
                return True
        return False

    def _selection_changed(self) -> None:
        row = self.selected()
        status = row.status if row else None
        self.suspend_button.setEnabled(status == "valid")
        self.reinstate_button.setEnabled(status == "suspended")
        self.revoke_button.setEnabled(status in ("valid", "suspended"))
        set_printable(
            self.print_button,
            None if row else self.tr("Select a license first."),
            self.tr("Preview and print the selected license with its signed QR code."),
        )

    def issue_selected(self) -> str | None:
        item = self.waiting_list.currentItem()
        dossier_id = item.data(Qt.ItemDataRole.UserRole) if item else None
        row = next((r for r in self.waiting if r.dossier_id == dossier_id), None)
        if row is None:
            return None
        dialog = LicenseIssueDialog(self.ctx, row, self)
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.license_no:
            return None
        self.ctx.changed.emit(f"dossier:{row.dossier_id}")
        self.refresh()
        self.select_license(dialog.license_no)
        prompts.info(
            self,
            self.tr("License issued"),
            self.tr("License %1 was issued and signed.").replace("%1", dialog.license_no),
        )
        return dialog.license_no

    def change(self, action: str) -> bool:
        row = self.selected()
        if row is None:
            return False
        titles = {
            "suspend": (self.tr("Suspend license"), self.tr("Why is license %1 suspended?")),
            "reinstate": (self.tr("Reinstate license"), self.tr("Why is license %1 valid again?")),
            "revoke": (self.tr("Revoke license"), self.tr("Why is license %1 revoked? Revocation is final.")),
        }
        title, question = titles[action]
        reason = prompts.ask_text(self, title, question.replace("%1", row.number))
        if reason is None:
            return False
        if action == "revoke" and not prompts.confirm(
            self, title, self.tr("Revoke license %1? It cannot be used again.").replace("%1", row.number)
        ):
            return False
        try:
            with self.ctx.session() as s:
                registers.change_license(s, self.ctx.actor, row.number, action, reason)
        except (DomainError, ValidationError) as e:
            prompts.error(self, e)
            return False
        self.ctx.changed.emit(f"dossier:{row.dossier_id}")
        self.refresh()
        return True

    def print_selected(self) -> Operation | None:
        """Preview the selected license (by number: a dossier may hold a revoked one and its successor)."""
        row = self.selected()
        if row is None:
            return None
        self.operation = preview_document(self, self.ctx, "license", row.number)
        return self.operation

    def verify(self) -> LicenseVerifyDialog:
        """The offline license check, beside this list (not modal)."""
        if self.verify_dialog is None:
            self.verify_dialog = LicenseVerifyDialog(self.ctx, self)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        return self.verify_dialog

    def open_selected(self) -> None:
        row = self.selected()
        if row is not None:
            self.ctx.open_dossier.emit(row.dossier_id)


def screenshot(ctx: AppContext) -> QWidget:
    view = LicensesView(ctx)
    select_row(view.table, 0)
    return view
