"""The administrator's users dialog: who may log in, with which role, linked to which member; the selected
user's details, password, deactivation and lockout; and the office's idle lock.

Every database step runs off the GUI thread (gui/operation.Operation) and brings the fresh list back with
it; the services refuse what is not allowed, and their messages appear beside the fields.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QWidget,
)
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali_datetime
from cluster_desktop.domain.roles import ROLE_TITLES, Role
from cluster_desktop.services import accounts, session_lock
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.group_views import MemberRow, member_rows
from cluster_desktop.services.users import KEY_HOLDERS, password_policy_text

from . import prompts
from .context import AppContext
from .operation import Operation
from .uiloader import find, load_ui
from .widgets import FieldErrors, set_wrapped_text

ROLE_ORDER = (Role.CLERK, Role.EVALUATOR, Role.SECRETARY, Role.VIEWER, Role.ADMIN)
COLUMNS = 7  # username, full name, role, member, active, office keys, locked until


@dataclass(frozen=True)
class Snapshot:
    """What the dialog shows, read in one go off the GUI thread."""

    rows: list[accounts.UserRow]
    members: list[MemberRow]
    idle_minutes: int


def _snapshot(session: Session, actor: Actor) -> Snapshot:
    return Snapshot(
        accounts.user_rows(session),
        member_rows(session, actor, include_inactive=True),
        session_lock.idle_lock_minutes(session),
    )


class UsersDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.setObjectName("users_dialog")
        self.ui = load_ui("users_dialog.ui", self)
        self.layout().setContentsMargins(14, 12, 14, 12)
        self.resize(980, 760)
        self.operation: Operation | None = None
        self.rows: list[accounts.UserRow] = []
        self.members: list[MemberRow] = []
        self.table = find(self.ui, QTableWidget, "users_table")
        self.tabs = find(self.ui, QTabWidget, "user_tabs")
        # the new user
        self.username = find(self.ui, QLineEdit, "username_edit")
        self.full_name = find(self.ui, QLineEdit, "full_name_edit")
        self.role = find(self.ui, QComboBox, "role_combo")
        self.member = find(self.ui, QComboBox, "member_combo")
        self.password = find(self.ui, QLineEdit, "password_edit")
        self.again = find(self.ui, QLineEdit, "password_again_edit")
        self.admin_password = find(self.ui, QLineEdit, "admin_password_edit")
        self.create_button = find(self.ui, QPushButton, "create_button")
        new_page = find(self.ui, QWidget, "new_page")
        self.errors = FieldErrors(new_page, find(self.ui, QLabel, "form_error"))
        # the selected user
        edit_page = find(self.ui, QWidget, "edit_page")
        self.edit_errors = FieldErrors(edit_page, find(self.ui, QLabel, "edit_form_error"), prefix="edit_")
        self.selected_label = find(self.ui, QLabel, "selected_label")
        bold = QFont(self.selected_label.font())
        bold.setBold(True)
        self.selected_label.setFont(bold)
        self.edit_full_name = find(self.ui, QLineEdit, "edit_full_name_edit")
        self.edit_role = find(self.ui, QComboBox, "edit_role_combo")
        self.edit_member = find(self.ui, QComboBox, "edit_member_combo")
        self.edit_password = find(self.ui, QLineEdit, "edit_password_edit")
        self.edit_again = find(self.ui, QLineEdit, "edit_password_again_edit")
        self.edit_admin_password = find(self.ui, QLineEdit, "edit_admin_password_edit")
        self.keys_hint = find(self.ui, QLabel, "keys_hint_label")
        self.save_button = find(self.ui, QPushButton, "save_button")
        self.reset_button = find(self.ui, QPushButton, "reset_button")
        self.deactivate_button = find(self.ui, QPushButton, "deactivate_button")
        self.reactivate_button = find(self.ui, QPushButton, "reactivate_button")
        self.unlock_button = find(self.ui, QPushButton, "unlock_button")
        # the idle lock
        self.idle_minutes = find(self.ui, QSpinBox, "idle_minutes_spin")
        self.idle_minutes.setMaximum(session_lock.MAX_IDLE_LOCK_MINUTES)
        self.idle_minutes.setValue(session_lock.DEFAULT_IDLE_LOCK_MINUTES)
        self.idle_save_button = find(self.ui, QPushButton, "idle_save_button")
        self.idle_errors = FieldErrors(
            find(self.ui, QWidget, "idle_box"), find(self.ui, QLabel, "idle_minutes_error")
        )

        policy = password_policy_text()[0 if self.fa else 1]
        for name in ("policy_label", "edit_policy_label"):
            set_wrapped_text(find(self.ui, QLabel, name), policy)
        headers = [
            self.tr("Username"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("Working-group member"),
            self.tr("Active"),
            self.tr("Office keys"),
            self.tr("Locked until"),
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        for combo in (self.role, self.edit_role):
            for role in ROLE_ORDER:
                combo.addItem(ROLE_TITLES[role][0 if self.fa else 1], role.value)
        self.role.currentIndexChanged.connect(self._role_changed)
        self.edit_role.currentIndexChanged.connect(self._update_edit_area)
        self.create_button.clicked.connect(self.create)
        self.save_button.clicked.connect(self.save_user)
        self.reset_button.clicked.connect(self.reset_password)
        self.deactivate_button.clicked.connect(self.deactivate)
        self.reactivate_button.clicked.connect(self.reactivate)
        self.unlock_button.clicked.connect(self.unlock)
        self.idle_save_button.clicked.connect(self.save_idle_lock)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        find(self.ui, QDialogButtonBox, "buttons").rejected.connect(self.reject)
        self.setWindowTitle(self.tr("Users"))
        self._role_changed()
        self._fill_edit_area(None)
        self.refresh()

    # ------------------------------------------------------------------ reading and showing
    def refresh(self) -> bool:
        return self._run(self.tr("Reading the users…"), None, None)

    def _run(
        self,
        label: str,
        action: Callable[[Session, Actor], object] | None,
        errors: FieldErrors | None,
        done: Callable[[], None] | None = None,
    ) -> bool:
        """Run ``action`` off the GUI thread, then read the list again; a refusal goes beside its field.
        Returns False when another step is still running (it is not queued)."""
        if self.operation is not None:
            return False
        ws, actor = self.ctx.ws, self.ctx.actor

        def work(_progress: object) -> Snapshot:
            if action is not None:
                with ws.db.session() as s:
                    action(s, actor)
            with ws.db.session() as s:
                return _snapshot(s, actor)

        def succeeded(snapshot: Snapshot) -> None:
            self.operation = None
            if errors is not None:
                errors.clear()
            self._show(snapshot)
            if done is not None:
                done()

        def failed(exc: BaseException) -> None:
            self.operation = None
            if isinstance(exc, DomainError) and errors is not None:
                errors.show(exc)
            else:
                prompts.error(self, exc)

        op = Operation(self, label, work).on_success(succeeded).on_failure(failed)
        op.dialog.setCancelButton(None)  # one transaction: it cannot stop half-way
        op.finished.connect(self._update_edit_area)
        self.operation = op
        self._update_edit_area()
        op.start()
        return True

    def _show(self, snapshot: Snapshot) -> None:
        chosen = self._selected()
        self.rows, self.members = snapshot.rows, snapshot.members
        self.idle_minutes.setValue(snapshot.idle_minutes)
        self.table.blockSignals(True)
        self.table.clearSelection()
        self.table.setRowCount(len(self.rows))
        for i, r in enumerate(self.rows):
            cells = [
                r.username,
                r.full_name,
                r.role_fa if self.fa else r.role_en,
                r.member_name,
                self.tr("active") if r.active else self.tr("deactivated"),
                self.tr("yes") if r.holds_keys else "",
                format_jalali_datetime(r.locked_until) if r.locked_until else "",
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if not r.active:
                    item.setForeground(self.palette().placeholderText())
                self.table.setItem(i, col, item)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        again = next((i for i, r in enumerate(self.rows) if chosen and r.username == chosen.username), -1)
        if again >= 0:
            self.table.setCurrentCell(again, 0)
        self.table.blockSignals(False)
        self._fill_members(self.member, None)
        self._selection_changed()

    def _fill_members(self, combo: QComboBox, current: str | None) -> None:
        """Active members not linked to another user, and the user's own (even a former member)."""
        linked = {r.member_id for r in self.rows if r.member_id and r.member_id != current}
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(self.tr("— none —"), None)
        for m in self.members:
            if m.id not in linked and (m.active or m.id == current):
                combo.addItem(m.full_name, m.id)
        combo.setCurrentIndex(max(combo.findData(current), 0) if current else 0)
        combo.blockSignals(False)

    def _selected(self) -> accounts.UserRow | None:
        selected = self.table.selectedItems()
        row = selected[0].row() if selected else -1
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selection_changed(self) -> None:
        self._fill_edit_area(self._selected())

    def _fill_edit_area(self, chosen: accounts.UserRow | None) -> None:
        self.edit_errors.clear()
        for edit in (self.edit_password, self.edit_again, self.edit_admin_password):
            edit.clear()
        if chosen is None:
            self.selected_label.setText(self.tr("Choose a user in the table to change them."))
            self.edit_full_name.clear()
        else:
            state = (
                self.tr("locked until %1").replace("%1", format_jalali_datetime(chosen.locked_until))
                if chosen.locked_until
                else self.tr("active")
                if chosen.active
                else self.tr("deactivated: cannot log in")
            )
            self.selected_label.setText(f"{chosen.full_name} ({chosen.username}) — {state}")
            self.edit_full_name.setText(chosen.full_name)
            self.edit_role.blockSignals(True)
            self.edit_role.setCurrentIndex(self.edit_role.findData(chosen.role.value))
            self.edit_role.blockSignals(False)
            self._fill_members(self.edit_member, chosen.member_id)
            self.tabs.setCurrentIndex(0)
        self._update_edit_area()

    def _update_edit_area(self, *_args: object) -> None:
        """Which buttons apply to the selected user, and whether the administrator's password is asked."""
        chosen = self._selected()
        idle = self.operation is None
        for w in (self.edit_full_name, self.edit_role, self.edit_member, self.edit_password, self.edit_again):
            w.setEnabled(chosen is not None)
        self.save_button.setEnabled(idle and chosen is not None)
        myself = chosen is not None and chosen.username == self.ctx.actor.username
        self.reset_button.setEnabled(idle and chosen is not None and not myself)
        self.reset_button.setToolTip(
            self.tr("Change your own password in File › Change my password.") if myself else ""
        )
        self.deactivate_button.setVisible(chosen is None or chosen.active)
        self.reactivate_button.setVisible(chosen is not None and not chosen.active)
        self.deactivate_button.setEnabled(idle and chosen is not None and chosen.active)
        self.reactivate_button.setEnabled(idle and chosen is not None and not chosen.active)
        self.unlock_button.setEnabled(idle and chosen is not None and chosen.locked_until is not None)
        self.create_button.setEnabled(idle)
        self.idle_save_button.setEnabled(idle)
        role = Role(self.edit_role.currentData())
        promoted = chosen is not None and accounts.becomes_key_holder(chosen.role, role)
        holder = chosen is not None and (chosen.holds_keys or chosen.role in KEY_HOLDERS)
        for name in ("edit_admin_password_label", "edit_admin_password_edit"):
            find(self.ui, QWidget, name).setVisible(promoted or holder)
        if promoted:
            hint = self.tr(
                "This role holds the office keys: set a new password for the user in “New password” and give "
                "your own, then save the changes. Tell the user the new password."
            )
        elif holder:
            hint = self.tr(
                "This user holds the office keys: your own password re-wraps them under the new password."
            )
        else:
            hint = ""
        set_wrapped_text(self.keys_hint, hint)
        self.keys_hint.setVisible(bool(hint))

    def _role_changed(self, *_args: object) -> None:
        keys = Role(self.role.currentData()) in KEY_HOLDERS
        for name in ("admin_password_label", "admin_password_edit"):
            find(self.ui, QWidget, name).setVisible(keys)

    # ------------------------------------------------------------------ the new user
    def create(self) -> bool:
        """Create the user off the GUI thread; True if the step started."""
        data = accounts.NewUser(
            username=self.username.text(),
            full_name=self.full_name.text(),
            role=Role(self.role.currentData()),
            password=self.password.text(),
            password_again=self.again.text(),
            member_id=self.member.currentData(),
            admin_password=self.admin_password.text(),
        )

        def created() -> None:
            for edit in (self.username, self.full_name, self.password, self.again, self.admin_password):
                edit.clear()
            prompts.info(
                self, self.tr("Users"), self.tr("The user «%1» was created.").replace("%1", data.username)
            )

        return self._run(
            self.tr("Creating the user…"),
            lambda s, a: accounts.add_user(s, a, data),
            self.errors,
            created,
        )

    # ------------------------------------------------------------------ the selected user
    def save_user(self) -> bool:
        chosen = self._selected()
        if chosen is None:
            return False
        data = accounts.UserEdit(
            username=chosen.username,
            full_name=self.edit_full_name.text(),
            role=Role(self.edit_role.currentData()),
            member_id=self.edit_member.currentData(),
            password=self.edit_password.text(),
            password_again=self.edit_again.text(),
            admin_password=self.edit_admin_password.text(),
        )
        return self._run(
            self.tr("Saving the user…"), lambda s, a: accounts.edit_user(s, a, data), self.edit_errors
        )

    def reset_password(self) -> bool:
        chosen = self._selected()
        if chosen is None:
            return False
        data = accounts.PasswordReset(
            chosen.username,
            self.edit_password.text(),
            self.edit_again.text(),
            self.edit_admin_password.text(),
        )

        def done() -> None:
            prompts.info(
                self,
                self.tr("Users"),
                self.tr("«%1» has a new password. Tell it to them in person.").replace("%1", data.username),
            )

        return self._run(
            self.tr("Setting the new password…"),
            lambda s, a: accounts.reset_password(s, a, data),
            self.edit_errors,
            done,
        )

    def deactivate(self) -> bool:
        chosen = self._selected()
        if chosen is None or not prompts.confirm(
            self,
            self.tr("Users"),
            self.tr("Deactivate «%1»? They can no longer log in; their history stays.").replace(
                "%1", chosen.username
            ),
        ):
            return False
        name = chosen.username
        return self._run(
            self.tr("Deactivating…"), lambda s, a: accounts.deactivate_user(s, a, name), self.edit_errors
        )

    def reactivate(self) -> bool:
        chosen = self._selected()
        if chosen is None:
            return False
        name = chosen.username
        return self._run(
            self.tr("Reactivating…"), lambda s, a: accounts.reactivate_user(s, a, name), self.edit_errors
        )

    def unlock(self) -> bool:
        chosen = self._selected()
        if chosen is None:
            return False
        name = chosen.username
        return self._run(
            self.tr("Unlocking…"), lambda s, a: accounts.unlock_user(s, a, name), self.edit_errors
        )

    # ------------------------------------------------------------------ the idle lock
    def save_idle_lock(self) -> bool:
        minutes = self.idle_minutes.value()
        return self._run(
            self.tr("Saving…"),
            lambda s, a: session_lock.set_idle_lock_minutes(s, a, minutes),
            self.idle_errors,
            lambda: self.ctx.changed.emit(f"idle-lock:{minutes}"),
        )

    def reject(self) -> None:
        typed = any(e.text() for e in (self.username, self.full_name, self.password))
        if typed and not prompts.confirm(
            self, self.tr("Users"), self.tr("The new user is not created yet. Close anyway?")
        ):
            return
        super().reject()


def open_users(ctx: AppContext, parent: QWidget) -> UsersDialog:
    dialog = UsersDialog(ctx, parent)
    dialog.open()
    return dialog
