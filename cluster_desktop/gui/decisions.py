"""The dossier page's workflow section: the steps the acting user may take now, as buttons.

Working-group decisions (those that need minutes) open the decision dialog; other steps ask for
confirmation. Steps that come with a record of their own go through that record's service: register
(the databank entry, F7), license (the license issue dialog, F8) and the centre's plan request (F3).
The workflow service checks every rule; this page only offers what it allows.
"""

from __future__ import annotations

from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QVBoxLayout, QWidget

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import ROLE_TITLES
from cluster_desktop.domain.workflow import (
    DOSSIER_WORKFLOW,
    REQUIREMENT_MESSAGES,
    Requirement,
    state_title,
)
from cluster_desktop.domain.workflow import Transition as Rule
from cluster_desktop.services import central, plans, workflow
from cluster_desktop.services import central_registers as registers
from cluster_desktop.services.clusters import get_dossier

from . import prompts
from .context import AppContext
from .decision_dialog import DecisionDialog
from .licenses_view import LicenseIssueDialog
from .responsibility_panel import ResponsibilityPanel
from .uiloader import find, load_ui

# Steps no person takes by hand: the bundle export and import do them.
AUTOMATIC = (Requirement.BUNDLE,)


class DecisionPanel(QWidget):
    def __init__(self, ctx: AppContext, dossier_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier_id = dossier_id
        self.ui = load_ui("decisions.ui", self)
        self.state_label = find(self.ui, QLabel, "state_label")
        self.actions_box = find(self.ui, QGroupBox, "actions_box")
        self.actions_layout = self.actions_box.layout()
        assert isinstance(self.actions_layout, QVBoxLayout)
        self.no_actions = find(self.ui, QLabel, "no_actions_label")
        self.buttons: dict[str, QPushButton] = {}
        self.dialog: DecisionDialog | None = None
        self.license_dialog: LicenseIssueDialog | None = None
        self.state = ""
        # Who the seed makes responsible for this step and the next (the responsibility matrix).
        self.matrix = ResponsibilityPanel(ctx, self)
        layout = find(self.ui, QVBoxLayout, "panel_layout")
        layout.insertWidget(layout.count() - 1, self.matrix)  # above the closing spacer
        self.refresh()

    def refresh(self) -> None:
        with self.ctx.session() as s:
            self.state = get_dossier(s, self.dossier_id).state
            rules = workflow.allowed_actions(s, self.ctx.actor, self.dossier_id)
        self.state_label.setText(self.tr("Current state: %1").replace("%1", state_title(self.state)))
        self.matrix.show_dossier(self.dossier_id)
        for button in self.buttons.values():
            self.actions_layout.removeWidget(button)
            # Its handler closes over this panel: dropped now, not when the button is finally deleted
            # (then it could be the panel's last reference, and the panel would delete the button twice).
            button.clicked.disconnect()
            button.setObjectName("")  # gone for good: no lookup by name finds it before it is deleted
            button.hide()
            button.deleteLater()
        self.buttons.clear()
        automatic: list[str] = []
        for rule in rules:
            needs = [r for r in AUTOMATIC if r in rule.requires]
            if needs and not workflow.is_service_step(rule.action):
                fa, en = REQUIREMENT_MESSAGES[needs[0]]
                automatic.append(f"{rule.title}: {fa if self.ctx.lang == 'fa' else en}")
                continue
            button = QPushButton(f"{rule.title} ({rule.f_code})", self.actions_box)
            button.setObjectName(f"action_{rule.action}")
            if Requirement.MINUTES in rule.requires:
                button.setToolTip(self.tr("A working-group decision: choose the meeting and its minutes."))
            elif rule.action in self._service_tips():
                button.setToolTip(self._service_tips()[rule.action])
            button.clicked.connect(lambda _=False, a=rule.action: self.run_action(a))
            self.actions_layout.addWidget(button)
            self.buttons[rule.action] = button
        self.actions_box.setVisible(bool(self.buttons))
        if self.buttons:
            note = ""
        else:
            role_fa, role_en = ROLE_TITLES[self.ctx.actor.role]
            note = self.tr("No step of this dossier is open to you at this stage (your role: %1).").replace(
                "%1", role_fa if self.ctx.lang == "fa" else role_en
            )
        if automatic:
            note = "\n".join([note, *automatic]).strip()
        self.no_actions.setText(note)
        self.no_actions.setVisible(bool(note))

    def run_action(self, action: str) -> None:
        """Take ``action`` now: decisions through the dialog, other steps after a confirmation."""
        try:
            rule = DOSSIER_WORKFLOW.find(self.state, action)
        except DomainError as e:
            prompts.error(self, e)
            return
        if action == "license":
            self._open_license_dialog()
            return
        if Requirement.MINUTES in rule.requires:
            self.dialog = DecisionDialog(self.ctx, self.dossier_id, rule, self)
            self.dialog.accepted.connect(self._done)
            self.dialog.open()
            return
        if Requirement.PLAN_COMPLETE in rule.requires:
            with self.ctx.session() as s:
                missing = plans.missing_sections(s, self.dossier_id)
            if missing:
                prompts.error(
                    self,
                    self.tr("The feasibility plan is not complete yet. Missing: %1").replace(
                        "%1", "، ".join(missing)
                    ),
                )
                return
        if not self._confirm(rule):
            return
        registry_no = ""
        try:
            with self.ctx.session() as s:
                if action == "register":  # the databank entry and its registry number come with it
                    registry_no = registers.register(s, self.ctx.actor, self.dossier_id).registry_no
                elif action == "request_plan":  # the request that travels to the province comes with it
                    central.request_plan(s, self.ctx.actor, self.dossier_id)
                else:
                    workflow.transition(s, self.ctx.actor, self.dossier_id, action)
        except DomainError as e:
            prompts.error(self, e)
            return
        if registry_no:
            shown = to_persian_digits(registry_no) if self.ctx.lang == "fa" else registry_no
            prompts.info(
                self, self.tr("Registered"), self.tr("Registered in the databank as %1.").replace("%1", shown)
            )
        self._done()

    def _service_tips(self) -> dict[str, str]:
        return {
            "register": self.tr("Enters the dossier in the databank and gives it its registry number."),
            "license": self.tr("Opens the license form: dates, conditions, and the centre's signature."),
            "request_plan": self.tr(
                "The province receives the request with the next bundle and completes the plan in its own dossier."
            ),
        }

    def _confirm(self, rule: Rule) -> bool:
        text = (
            self.tr("%1 (%2): the dossier moves to '%3'. This is recorded in its history. Go ahead?")
            .replace("%1", rule.title)
            .replace("%2", rule.f_code)
            .replace("%3", state_title(rule.target))
        )
        if rule.action == "request_plan":
            text += "\n" + self._service_tips()["request_plan"]
        return prompts.confirm(self, rule.title, text)

    def _open_license_dialog(self) -> None:
        """The license is issued through its own form (numbered and signed), as in the licenses view."""
        with self.ctx.session() as s:
            row = registers.databank_row(s, self.dossier_id)
        if row is None:
            prompts.error(self, self.tr("This dossier is not registered in the databank yet."))
            return
        self.license_dialog = LicenseIssueDialog(self.ctx, row, self)
        self.license_dialog.accepted.connect(self._licensed)
        self.license_dialog.open()

    def _licensed(self) -> None:
        number = self.license_dialog.license_no if self.license_dialog else None
        if number:
            prompts.info(
                self,
                self.tr("License issued"),
                self.tr("License %1 was issued and signed.").replace("%1", number),
            )
        self._done()

    def _done(self) -> None:
        self.refresh()
        self.ctx.changed.emit(f"dossier:{self.dossier_id}")
