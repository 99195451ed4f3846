"""Add or edit a working-group member: name, organization (from the reference data), seat, contacts."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QLineEdit, QWidget

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.roles import MEMBER_ROLE_TITLES, MemberRole
from cluster_desktop.services.group_views import member_input
from cluster_desktop.services.groups import MemberInput, add_member, update_member
from cluster_desktop.services.reference import organizations

from . import prompts
from .context import AppContext
from .uiloader import find, load_ui
from .widgets import FieldErrors


class MemberDialog(QDialog):
    """``member_id=None`` adds a member; after Accepted, ``member_id`` is the saved member."""

    def __init__(self, ctx: AppContext, member_id: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_id = member_id
        self.setObjectName("member_dialog")
        self.ui = load_ui("member_dialog.ui", self)
        self.layout().setContentsMargins(14, 12, 14, 12)
        self.setMinimumWidth(520)
        self.errors = FieldErrors(self.ui)
        self.name_edit = find(self.ui, QLineEdit, "full_name_edit")
        self.org_combo = find(self.ui, QComboBox, "organization_combo")
        self.role_combo = find(self.ui, QComboBox, "member_role_combo")
        self.position_edit = find(self.ui, QLineEdit, "position_edit")
        self.phone_edit = find(self.ui, QLineEdit, "phone_edit")
        self.email_edit = find(self.ui, QLineEdit, "email_edit")
        self.active_check = find(self.ui, QCheckBox, "active_check")
        fa = ctx.lang == "fa"
        self.org_combo.addItem(self.tr("— choose the organization —"), None)
        with ctx.session() as s:
            for org in organizations(s):
                self.org_combo.addItem(org.name_fa if fa else org.name_en, org.code)
        for role in MemberRole:
            self.role_combo.addItem(MEMBER_ROLE_TITLES[role][0 if fa else 1], role.value)
        self.role_combo.setCurrentIndex(self.role_combo.findData(MemberRole.MEMBER.value))
        if member_id is None:
            self.setWindowTitle(self.tr("New working-group member"))
            self.active_check.hide()
        else:
            self.setWindowTitle(self.tr("Edit working-group member"))
            with ctx.session() as s:
                data, active = member_input(s, member_id)
            self.name_edit.setText(data.full_name)
            self.org_combo.setCurrentIndex(max(self.org_combo.findData(data.organization_code), 0))
            self.role_combo.setCurrentIndex(self.role_combo.findData(MemberRole(data.member_role).value))
            self.position_edit.setText(data.position)
            self.phone_edit.setText(data.phone)
            self.email_edit.setText(data.email)
            self.active_check.setChecked(active)
        self.dirty = False
        for edit in (self.name_edit, self.position_edit, self.phone_edit, self.email_edit):
            edit.textEdited.connect(self._edited)
        for combo in (self.org_combo, self.role_combo):
            combo.activated.connect(self._edited)
        self.active_check.toggled.connect(self._edited)
        buttons = find(self.ui, QDialogButtonBox, "buttons")
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)

    def _edited(self, *_args: object) -> None:
        self.dirty = True

    def data(self) -> MemberInput:
        return MemberInput(
            full_name=self.name_edit.text(),
            organization_code=self.org_combo.currentData(),
            member_role=MemberRole(self.role_combo.currentData()),
            position=self.position_edit.text(),
            phone=self.phone_edit.text(),
            email=self.email_edit.text(),
        )

    def save(self) -> bool:
        """Save through the services; bad input stays in the dialog with its messages."""
        try:
            with self.ctx.session() as s:
                if self.member_id is None:
                    self.member_id = add_member(s, self.ctx.actor, self.data()).id
                else:
                    update_member(
                        s, self.ctx.actor, self.member_id, self.data(), active=self.active_check.isChecked()
                    )
        except DomainError as e:
            self.errors.show(e)
            return False
        self.dirty = False
        self.ctx.changed.emit("members")
        self.accept()
        return True

    def reject(self) -> None:
        if self.dirty:
            answer = prompts.save_discard_cancel(self, self.windowTitle())
            if answer == "cancel" or (answer == "save" and not self.save()):
                return
            if answer == "save":
                return  # saved and accepted
        super().reject()
