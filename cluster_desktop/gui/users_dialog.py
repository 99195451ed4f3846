"""The administrator's users dialog: who may log in, with which role, linked to which member."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali_datetime
from cluster_desktop.domain.roles import ROLE_TITLES, Role
from cluster_desktop.services.accounts import NewUser, UserRow, add_user, unlock_user, user_rows
from cluster_desktop.services.group_views import member_rows
from cluster_desktop.services.users import KEY_HOLDERS

from . import prompts
from .context import AppContext
from .uiloader import find, load_ui
from .widgets import FieldErrors


class UsersDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.setObjectName("users_dialog")
        self.ui = load_ui("users_dialog.ui", self)
        self.layout().setContentsMargins(14, 12, 14, 12)
        self.resize(760, 680)
        self.errors = FieldErrors(self.ui)
        self.table = find(self.ui, QTableWidget, "users_table")
        self.username = find(self.ui, QLineEdit, "username_edit")
        self.full_name = find(self.ui, QLineEdit, "full_name_edit")
        self.role = find(self.ui, QComboBox, "role_combo")
        self.member = find(self.ui, QComboBox, "member_combo")
        self.password = find(self.ui, QLineEdit, "password_edit")
        self.again = find(self.ui, QLineEdit, "password_again_edit")
        self.admin_password = find(self.ui, QLineEdit, "admin_password_edit")
        headers = [
            self.tr("Username"),
            self.tr("Full name"),
            self.tr("Role"),
            self.tr("Working-group member"),
            self.tr("Office keys"),
            self.tr("Locked until"),
        ]
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for role in (Role.CLERK, Role.EVALUATOR, Role.SECRETARY, Role.VIEWER, Role.ADMIN):
            self.role.addItem(ROLE_TITLES[role][0 if self.fa else 1], role.value)
        self.role.currentIndexChanged.connect(self._role_changed)
        find(self.ui, QPushButton, "create_button").clicked.connect(self.create)
        # Lift a login lockout (too many wrong passwords) before its delay ends.
        self.unlock_button = QPushButton(self.tr("Unlock the account"), self)
        self.unlock_button.setObjectName("unlock_button")
        self.unlock_button.setEnabled(False)
        self.unlock_button.clicked.connect(self.unlock)
        layout = self.ui.layout()
        layout.insertWidget(layout.indexOf(self.table) + 1, self.unlock_button)
        self.table.itemSelectionChanged.connect(self._selection_changed)
        find(self.ui, QDialogButtonBox, "buttons").rejected.connect(self.reject)
        self.setWindowTitle(self.tr("Users"))
        self.refresh()
        self._role_changed()

    def refresh(self) -> None:
        with self.ctx.session() as s:
            rows = user_rows(s)
            members = member_rows(s, self.ctx.actor, include_inactive=False)
        linked = {r.member_name for r in rows if r.member_name}
        self.rows = rows
        self.table.setRowCount(len(rows))
        for i, r in enumerate(rows):
            cells = [
                r.username,
                r.full_name,
                r.role_fa if self.fa else r.role_en,
                r.member_name,
                self.tr("yes") if r.holds_keys else "",
                format_jalali_datetime(r.locked_until) if r.locked_until else "",
            ]
            for col, text in enumerate(cells):
                self.table.setItem(i, col, QTableWidgetItem(text))
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.member.clear()
        self.member.addItem(self.tr("— none —"), None)
        for m in members:
            if m.full_name not in linked:
                self.member.addItem(m.full_name, m.id)

    def _selected(self) -> UserRow | None:
        selected = self.table.selectedItems()
        row = selected[0].row() if selected else -1
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def _selection_changed(self) -> None:
        chosen = self._selected()
        self.unlock_button.setEnabled(chosen is not None and chosen.locked_until is not None)

    def unlock(self) -> bool:
        chosen = self._selected()
        if chosen is None:
            return False
        try:
            with self.ctx.session() as s:
                unlock_user(s, self.ctx.actor, chosen.username)
        except DomainError as exc:
            prompts.error(self, exc)
            return False
        self.refresh()
        self._selection_changed()
        return True

    def _role_changed(self, *_args: object) -> None:
        keys = Role(self.role.currentData()) in KEY_HOLDERS
        for name in ("admin_password_label", "admin_password_edit"):
            self.ui.findChild(QWidget, name).setVisible(keys)

    def create(self) -> bool:
        data = NewUser(
            username=self.username.text(),
            full_name=self.full_name.text(),
            role=Role(self.role.currentData()),
            password=self.password.text(),
            password_again=self.again.text(),
            member_id=self.member.currentData(),
            admin_password=self.admin_password.text(),
        )
        try:
            with self.ctx.session() as s:
                add_user(s, self.ctx.actor, data)
        except DomainError as e:
            self.errors.show(e)
            return False
        self.errors.clear()
        for edit in (self.username, self.full_name, self.password, self.again, self.admin_password):
            edit.clear()
        self.refresh()
        prompts.info(
            self, self.tr("Users"), self.tr("The user «%1» was created.").replace("%1", data.username)
        )
        return True

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
