"""The two state machines of the programme: the cluster dossier and the development programme.

Every transition names its action, source states, target, the programme's process code (F-code),
the roles that may take it, the kind of office where it happens and the inputs it requires. Services
call ``Workflow.check`` before changing a state and record the transition in the audit log.

Permissions:

- ``admin`` may do everything a ``secretary`` may; ``evaluator`` and ``viewer`` take no transitions
  (evaluators submit score sheets, which are not state changes).
- Working-group decisions (approve, reject, return) belong to the secretary, who records them with
  the meeting's minutes number; rejections and returns also need the reason.
- ``send_to_center`` and ``receive`` need ``BUNDLE``: only the sync code (export at the province,
  import at the centre) supplies it, so no person moves a dossier across offices by hand.
- Dossier: the province owns everything up to ``sent_to_center`` (and ``returned``, which goes back to
  it for revision); the centre owns ``received`` onwards. The centre may open a dossier itself (F3,
  national priority clusters) with ``request_plan``, which hands it to the province as
  ``plan_in_progress``.
- Development programme (F9–F13), choices not spelled out in DESIGN.md:
  the province starts the review (clerk or secretary); its working group then decides in a minuted
  meeting, with the reason: approved within provincial authority (F9-2), which also needs the
  programme's budget to be within the ceiling the centre publishes with instruction F5-2
  (``AUTHORITY``, supplied by the service that checks it), or referred to the centre (F9-3). Support
  packages belong to the centre (DESIGN.md, "Data"), so
  proposing (F10) and approving (F11) a package, recording allocated resources (F12) and execution
  (F13) happen at the centre; the secretary proposes and decides, a clerk may record allocation and
  the start of execution. ``reject`` exists three times with disjoint sources: at provincial review
  (province, F9-2), after referral (centre, F9-3) and for a proposed package (centre, F11).
  The seed (F9) lets proposals reach the centre's secretariat directly as well: ``start_central_review``
  takes such a programme straight to the central working group. A package is proposed only with at
  least one item and its responsible agency, resources count as allocated only once an agency's
  allocation is recorded, and execution starts only with planned activities.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from cluster_desktop.domain.errors import PermissionDenied, TransitionError, bilingual
from cluster_desktop.domain.roles import OFFICE_KIND_TITLES, ROLE_TITLES, OfficeKind, Role


class DossierState(StrEnum):
    DRAFT = "draft"
    NOMINATED = "nominated"
    PLAN_IN_PROGRESS = "plan_in_progress"
    PLAN_SUBMITTED = "plan_submitted"
    PROVINCIAL_EVALUATION = "provincial_evaluation"
    RETURNED = "returned"
    PROVINCIALLY_REJECTED = "provincially_rejected"
    PROVINCIALLY_APPROVED = "provincially_approved"
    SENT_TO_CENTER = "sent_to_center"
    RECEIVED = "received"
    CENTRAL_REVIEW = "central_review"
    CENTRALLY_REJECTED = "centrally_rejected"
    APPROVED = "approved"
    REGISTERED = "registered"
    LICENSED = "licensed"


class ProgrammeState(StrEnum):
    SUBMITTED = "submitted"
    PROVINCIAL_REVIEW = "provincial_review"
    PROVINCIALLY_APPROVED = "provincially_approved"
    REFERRED_TO_CENTER = "referred_to_center"
    CENTRALLY_APPROVED = "centrally_approved"
    PACKAGE_PROPOSED = "package_proposed"
    PACKAGE_APPROVED = "package_approved"
    RESOURCES_ALLOCATED = "resources_allocated"
    IN_EXECUTION = "in_execution"
    COMPLETED = "completed"
    REJECTED = "rejected"


DOSSIER_STATE_TITLES: dict[str, tuple[str, str]] = {
    DossierState.DRAFT: ("پیش‌نویس", "Draft"),
    DossierState.NOMINATED: ("معرفی‌شده", "Nominated"),
    DossierState.PLAN_IN_PROGRESS: ("در حال تکمیل طرح توجیهی", "Feasibility plan in progress"),
    DossierState.PLAN_SUBMITTED: ("طرح ارائه‌شده", "Plan submitted"),
    DossierState.PROVINCIAL_EVALUATION: ("در ارزیابی استانی", "In provincial evaluation"),
    DossierState.RETURNED: ("برگشت برای اصلاح", "Returned for revision"),
    DossierState.PROVINCIALLY_REJECTED: ("ردشده در استان", "Rejected by the province"),
    DossierState.PROVINCIALLY_APPROVED: ("تأییدشده در استان", "Approved by the province"),
    DossierState.SENT_TO_CENTER: ("ارسال‌شده به مرکز", "Sent to the centre"),
    DossierState.RECEIVED: ("دریافت‌شده در مرکز", "Received at the centre"),
    DossierState.CENTRAL_REVIEW: ("در بررسی ثانویه", "In secondary review"),
    DossierState.CENTRALLY_REJECTED: ("ردشده در مرکز", "Rejected by the centre"),
    DossierState.APPROVED: ("تأیید نهایی", "Finally approved"),
    DossierState.REGISTERED: ("ثبت در بانک اطلاعات", "Registered in the databank"),
    DossierState.LICENSED: ("دارای پروانه", "Licensed"),
}

PROGRAMME_STATE_TITLES: dict[str, tuple[str, str]] = {
    ProgrammeState.SUBMITTED: ("دریافت‌شده", "Submitted"),
    ProgrammeState.PROVINCIAL_REVIEW: ("در بررسی کارگروه استان", "In provincial review"),
    ProgrammeState.PROVINCIALLY_APPROVED: ("تأییدشده در استان", "Approved by the province"),
    ProgrammeState.REFERRED_TO_CENTER: ("ارجاع‌شده به مرکز", "Referred to the centre"),
    ProgrammeState.CENTRALLY_APPROVED: ("تأییدشده در مرکز", "Approved by the centre"),
    ProgrammeState.PACKAGE_PROPOSED: ("بسته حمایتی پیشنهادشده", "Support package proposed"),
    ProgrammeState.PACKAGE_APPROVED: ("بسته حمایتی تأیید و ابلاغ‌شده", "Support package approved"),
    ProgrammeState.RESOURCES_ALLOCATED: ("منابع تخصیص‌یافته", "Resources allocated"),
    ProgrammeState.IN_EXECUTION: ("در حال اجرا", "In execution"),
    ProgrammeState.COMPLETED: ("پایان‌یافته", "Completed"),
    ProgrammeState.REJECTED: ("ردشده", "Rejected"),
}

# Both machines by state value; the one shared value, provincially_approved, has the same title.
STATE_TITLES: dict[str, tuple[str, str]] = {**DOSSIER_STATE_TITLES, **PROGRAMME_STATE_TITLES}


def state_title(state: str) -> str:
    """The state's title in the current language (the raw value if unknown)."""
    fa, en = STATE_TITLES.get(state, (state, state))
    return bilingual(fa, en)


class Requirement(StrEnum):
    """Inputs a transition needs, supplied by the service that performs it."""

    MINUTES = "minutes"  # a working-group meeting minutes reference
    COMMENT = "comment"  # the reason, in words
    PLAN_COMPLETE = "plan_complete"  # every required section of the feasibility plan filled
    SCORES = "scores"  # at least one submitted evaluation sheet
    BUNDLE = "bundle"  # only the sync export/import supplies this
    LICENSE = "license"  # a license issued for the dossier
    PACKAGE = "package"  # a support package with at least one item and its responsible agency
    ALLOCATION = "allocation"  # resources allocated to the approved package by an agency
    ACTIVITIES = "activities"  # the planned execution activities of the programme
    AUTHORITY = "authority"  # the budget is within the provincial ceiling of instruction F5-2


REQUIREMENT_MESSAGES: dict[Requirement, tuple[str, str]] = {
    Requirement.MINUTES: (
        "این تصمیم فقط در جلسه کارگروه و با شماره صورتجلسه ثبت می‌شود.",
        "This decision is recorded only in a working-group meeting, with its minutes number.",
    ),
    Requirement.COMMENT: ("دلیل این تصمیم را بنویسید.", "Write the reason for this decision."),
    Requirement.PLAN_COMPLETE: (
        "طرح توجیهی هنوز کامل نیست؛ بخش‌های لازم آن را تکمیل کنید.",
        "The feasibility plan is not complete yet; fill in its required sections.",
    ),
    Requirement.SCORES: (
        "دست‌کم یک برگه ارزیابی ثبت‌شده لازم است.",
        "At least one submitted evaluation sheet is needed.",
    ),
    Requirement.BUNDLE: (
        "این مرحله فقط با ارسال یا دریافت بسته تبادل اطلاعات انجام می‌شود.",
        "This step happens only by exporting or importing a data bundle.",
    ),
    Requirement.LICENSE: (
        "این مرحله فقط با صدور پروانه انجام می‌شود.",
        "This step happens only by issuing the license.",
    ),
    Requirement.PACKAGE: (
        "بستهٔ حمایتی هنوز هیچ قلمی ندارد؛ دست‌کم یک قلم با دستگاه مسئول آن ثبت کنید.",
        "The support package has no item yet; add at least one with its responsible agency.",
    ),
    Requirement.ALLOCATION: (
        "هنوز هیچ تخصیص منابعی از دستگاه‌های مسئول ثبت نشده است.",
        "No resources have been allocated by the responsible agencies yet.",
    ),
    Requirement.ACTIVITIES: (
        "پیش از آغاز اجرا، فعالیت‌های اجرایی برنامه را ثبت کنید.",
        "Record the programme's execution activities before execution starts.",
    ),
    Requirement.AUTHORITY: (
        "اعتبار درخواستی این طرح در حیطهٔ اختیارات استان نیست؛ آن را به کارگروه مرکز ارجاع دهید.",
        "The budget asked for is not within provincial authority; refer the programme to the centre.",
    ),
}


@dataclass(frozen=True)
class Transition:
    action: str
    sources: frozenset[str]
    target: str
    f_code: str
    roles: frozenset[Role]
    office: OfficeKind
    requires: frozenset[Requirement]
    title_fa: str
    title_en: str

    @property
    def title(self) -> str:
        return bilingual(self.title_fa, self.title_en)

    def permits(self, role: Role) -> bool:
        """Whether ``role`` may take this transition (admin as secretary)."""
        return role in self.roles or (role == Role.ADMIN and Role.SECRETARY in self.roles)


class Workflow:
    """A state machine: look up, list and check transitions."""

    def __init__(
        self, name_fa: str, name_en: str, states: Iterable[str], transitions: Iterable[Transition]
    ) -> None:
        self.name_fa = name_fa
        self.name_en = name_en
        self.states: tuple[str, ...] = tuple(states)
        self.transitions: tuple[Transition, ...] = tuple(transitions)
        self._index: dict[tuple[str, str], Transition] = {}
        known = set(self.states)
        for t in self.transitions:
            if not t.sources <= known or t.target not in known:
                raise ValueError(f"{t.action}: unknown state in {sorted(t.sources)} -> {t.target}")
            for source in t.sources:
                if (source, t.action) in self._index:
                    raise ValueError(f"two transitions for {t.action!r} from {source!r}")
                self._index[(source, t.action)] = t

    @property
    def actions(self) -> frozenset[str]:
        return frozenset(t.action for t in self.transitions)

    def _state_titles(self, state: str) -> tuple[str, str]:
        if state not in self.states:
            raise TransitionError(f"وضعیت ناشناخته: {state}", f"Unknown state: {state}")
        return STATE_TITLES[state]

    def find(self, state: str, action: str) -> Transition:
        """The transition for ``action`` from ``state``; ``TransitionError`` if there is none."""
        state_fa, state_en = self._state_titles(state)
        found = self._index.get((state, action))
        if found is not None:
            return found
        named = [t for t in self.transitions if t.action == action]
        if not named:
            raise TransitionError(
                f"اقدام «{action}» در {self.name_fa} تعریف نشده است.",
                f"The action '{action}' is not defined for the {self.name_en}.",
            )
        raise TransitionError(
            f"انتقال «{named[0].title_fa}» از وضعیت «{state_fa}» مجاز نیست.",
            f"'{named[0].title_en}' is not allowed from the state '{state_en}'.",
        )

    def allowed(self, state: str, role: Role, office: OfficeKind) -> list[Transition]:
        """Transitions ``role`` may take from ``state`` at this kind of office, in definition order."""
        self._state_titles(state)
        return [t for t in self.transitions if state in t.sources and t.office == office and t.permits(role)]

    def check(
        self,
        state: str,
        action: str,
        *,
        role: Role,
        office: OfficeKind,
        provided: Collection[Requirement] = (),
    ) -> Transition:
        """Return the transition if ``role`` at ``office`` may take it now with the ``provided`` inputs.

        Raises ``TransitionError`` when the action is not possible from ``state`` or a required input
        is missing (``field`` names the first missing requirement), ``PermissionDenied`` when the
        office kind or the role may not take it.
        """
        t = self.find(state, action)
        if t.office != office:
            office_fa, office_en = OFFICE_KIND_TITLES[t.office]
            raise PermissionDenied(
                f"«{t.title_fa}» فقط در {office_fa} انجام می‌شود.",
                f"'{t.title_en}' is done only at the {office_en}.",
            )
        if not t.permits(role):
            role_fa, role_en = ROLE_TITLES[role]
            allowed_fa = "، ".join(ROLE_TITLES[r][0] for r in Role if r in t.roles)
            allowed_en = ", ".join(ROLE_TITLES[r][1] for r in Role if r in t.roles)
            raise PermissionDenied(
                f"نقش «{role_fa}» اجازه «{t.title_fa}» را ندارد؛ این کار با {allowed_fa} است.",
                f"The role '{role_en}' may not '{t.title_en}'; this is for: {allowed_en}.",
            )
        given = {Requirement(r) for r in provided}
        missing = [r for r in Requirement if r in t.requires and r not in given]
        if missing:
            raise TransitionError(
                " ".join(REQUIREMENT_MESSAGES[r][0] for r in missing),
                " ".join(REQUIREMENT_MESSAGES[r][1] for r in missing),
                field=missing[0].value,
            )
        return t

    def next_states(self, state: str) -> frozenset[str]:
        """States one transition away from ``state``."""
        return frozenset(t.target for t in self.transitions if state in t.sources)

    def is_final(self, state: str) -> bool:
        """Whether no transition leaves ``state``."""
        return not self.next_states(state)

    def reachable(self, start: str) -> frozenset[str]:
        """Every state reachable from ``start`` (including itself)."""
        seen, todo = {start}, [start]
        while todo:
            for nxt in self.next_states(todo.pop()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return frozenset(seen)


def _workflow(name_fa: str, name_en: str, states: Iterable[str], rows: Iterable[tuple[Any, ...]]) -> Workflow:
    """Build a workflow from rows of (action, sources, target, f_code, roles, office, requires,
    title_fa, title_en); ``sources`` is one state or a tuple of states."""
    transitions = [
        Transition(
            action=action,
            sources=frozenset([sources] if isinstance(sources, str) else sources),
            target=target,
            f_code=f_code,
            roles=frozenset(roles),
            office=office,
            requires=frozenset(requires),
            title_fa=title_fa,
            title_en=title_en,
        )
        for action, sources, target, f_code, roles, office, requires, title_fa, title_en in rows
    ]
    return Workflow(name_fa, name_en, states, transitions)


D = DossierState
P = ProgrammeState
R = Requirement
_PROV, _CENT = OfficeKind.PROVINCE, OfficeKind.CENTRAL
_SEC = (Role.SECRETARY,)
_SEC_CLERK = (Role.SECRETARY, Role.CLERK)
_DECISION = (R.MINUTES, R.COMMENT)
_APPROVAL = (R.MINUTES, R.SCORES)

# fmt: off
DOSSIER_WORKFLOW = _workflow("پرونده خوشه", "cluster dossier", DossierState, [
    ("nominate", D.DRAFT, D.NOMINATED, "F3-2", _SEC_CLERK, _PROV, (),
     "معرفی خوشه", "Nominate"),
    ("request_plan", D.DRAFT, D.PLAN_IN_PROGRESS, "F3", _SEC, _CENT, (),
     "درخواست تکمیل طرح توجیهی از استان", "Ask the province for the feasibility plan"),
    ("issue_plan", (D.NOMINATED, D.RETURNED), D.PLAN_IN_PROGRESS, "F3-3", _SEC_CLERK, _PROV, (),
     "ارسال قالب طرح توجیهی", "Issue the plan template"),
    ("submit_plan", D.PLAN_IN_PROGRESS, D.PLAN_SUBMITTED, "F3-3", _SEC_CLERK, _PROV, (R.PLAN_COMPLETE,),
     "ارائه طرح توجیهی به کارگروه", "Submit the plan to the working group"),
    ("open_evaluation", D.PLAN_SUBMITTED, D.PROVINCIAL_EVALUATION, "F3-4", _SEC, _PROV, (),
     "آغاز ارزیابی استانی", "Open provincial evaluation"),
    ("return_provincial", D.PROVINCIAL_EVALUATION, D.RETURNED, "F3-4", _SEC, _PROV, _DECISION,
     "برگشت برای اصلاح", "Return for revision"),
    ("reject_provincial", D.PROVINCIAL_EVALUATION, D.PROVINCIALLY_REJECTED, "F3-4", _SEC, _PROV, _DECISION,
     "رد در کارگروه استان", "Reject in the provincial working group"),
    ("approve_provincial", D.PROVINCIAL_EVALUATION, D.PROVINCIALLY_APPROVED, "F3-4", _SEC, _PROV, _APPROVAL,
     "تأیید در کارگروه استان", "Approve in the provincial working group"),
    ("send_to_center", D.PROVINCIALLY_APPROVED, D.SENT_TO_CENTER, "P1-7", _SEC, _PROV, (R.BUNDLE,),
     "ارسال به مرکز", "Send to the centre"),
    ("receive", D.SENT_TO_CENTER, D.RECEIVED, "F6", _SEC, _CENT, (R.BUNDLE,),
     "دریافت در مرکز", "Receive at the centre"),
    ("open_central_review", D.RECEIVED, D.CENTRAL_REVIEW, "F6-1", _SEC, _CENT, (),
     "آغاز بررسی ثانویه", "Open secondary review"),
    ("return_central", (D.RECEIVED, D.CENTRAL_REVIEW), D.RETURNED, "F6-1", _SEC, _CENT, _DECISION,
     "برگشت به استان برای اصلاح", "Return to the province for revision"),
    ("reject_central", D.CENTRAL_REVIEW, D.CENTRALLY_REJECTED, "F6-1", _SEC, _CENT, _DECISION,
     "رد در کارگروه مرکز", "Reject in the central working group"),
    ("approve_central", D.CENTRAL_REVIEW, D.APPROVED, "F6-1", _SEC, _CENT, _APPROVAL,
     "تأیید نهایی", "Final approval"),
    ("register", D.APPROVED, D.REGISTERED, "F7", _SEC_CLERK, _CENT, (),
     "ثبت در بانک اطلاعات", "Register in the databank"),
    ("license", D.REGISTERED, D.LICENSED, "F8", _SEC, _CENT, (R.LICENSE,),
     "صدور پروانه", "Issue the license"),
])

PROGRAMME_WORKFLOW = _workflow("طرح توسعه‌ای", "development programme", ProgrammeState, [
    ("start_review", P.SUBMITTED, P.PROVINCIAL_REVIEW, "F9-1", _SEC_CLERK, _PROV, (),
     "آغاز بررسی در کارگروه استان", "Start provincial review"),
    ("approve_provincial", P.PROVINCIAL_REVIEW, P.PROVINCIALLY_APPROVED, "F9-2", _SEC, _PROV,
     (*_DECISION, R.AUTHORITY),
     "تأیید در حیطه اختیارات استان", "Approve within provincial authority"),
    ("refer", P.PROVINCIAL_REVIEW, P.REFERRED_TO_CENTER, "F9-3", _SEC, _PROV, _DECISION,
     "ارجاع به کارگروه مرکز", "Refer to the central working group"),
    ("start_central_review", P.SUBMITTED, P.REFERRED_TO_CENTER, "F9-1", _SEC_CLERK, _CENT, (),
     "آغاز بررسی در کارگروه مرکز", "Start review in the central working group"),
    ("approve_central", P.REFERRED_TO_CENTER, P.CENTRALLY_APPROVED, "F9-3", _SEC, _CENT, (R.MINUTES,),
     "تأیید در کارگروه مرکز", "Approve in the central working group"),
    ("propose_package", (P.PROVINCIALLY_APPROVED, P.CENTRALLY_APPROVED), P.PACKAGE_PROPOSED, "F10", _SEC, _CENT,
     (R.PACKAGE,),
     "پیشنهاد بسته حمایتی تخصصی", "Propose a support package"),
    ("approve_package", P.PACKAGE_PROPOSED, P.PACKAGE_APPROVED, "F11", _SEC, _CENT, (R.MINUTES,),
     "تأیید و ابلاغ بسته حمایتی", "Approve and notify the support package"),
    ("allocate", P.PACKAGE_APPROVED, P.RESOURCES_ALLOCATED, "F12", _SEC_CLERK, _CENT, (R.ALLOCATION,),
     "ثبت تخصیص منابع و امکانات", "Record allocated resources"),
    ("start_execution", P.RESOURCES_ALLOCATED, P.IN_EXECUTION, "F13", _SEC_CLERK, _CENT, (R.ACTIVITIES,),
     "آغاز اجرا", "Start execution"),
    ("complete", P.IN_EXECUTION, P.COMPLETED, "F13", _SEC, _CENT, (),
     "پایان اجرا", "Complete"),
    ("reject", P.PROVINCIAL_REVIEW, P.REJECTED, "F9-2", _SEC, _PROV, _DECISION,
     "رد در کارگروه استان", "Reject in the provincial working group"),
    ("reject", P.REFERRED_TO_CENTER, P.REJECTED, "F9-3", _SEC, _CENT, _DECISION,
     "رد در کارگروه مرکز", "Reject in the central working group"),
    ("reject", P.PACKAGE_PROPOSED, P.REJECTED, "F11", _SEC, _CENT, _DECISION,
     "رد بسته حمایتی", "Reject the support package"),
])
# fmt: on

# The instruction for accepting development programmes (F5-2) carries the provincial ceiling (F9-2).
AUTHORITY_INSTRUCTION = "F5-2"

PROVINCIAL_STATES: frozenset[str] = frozenset(
    {
        D.DRAFT,
        D.NOMINATED,
        D.PLAN_IN_PROGRESS,
        D.PLAN_SUBMITTED,
        D.PROVINCIAL_EVALUATION,
        D.RETURNED,
        D.PROVINCIALLY_REJECTED,
        D.PROVINCIALLY_APPROVED,
        D.SENT_TO_CENTER,
    }
)
CENTRAL_STATES: frozenset[str] = frozenset(DossierState) - PROVINCIAL_STATES

# Where each level's working group scores a dossier: F3-4 in the province, F6-1 at the centre (from
# receipt, through the secondary review).
SCORING_STATES: dict[str, frozenset[str]] = {
    "province": frozenset({D.PROVINCIAL_EVALUATION}),
    "central": frozenset({D.RECEIVED, D.CENTRAL_REVIEW}),
}
# The steps that open an evaluation round: each enters a level's scoring states from outside them.
# A dossier's round at a level is the number of these steps in its history (the first opening is
# round 1; a revised plan's reopening after a return, round 2; …).
ROUND_OPENERS: dict[str, frozenset[str]] = {
    level: frozenset(
        t.action for t in DOSSIER_WORKFLOW.transitions if t.target in states and not t.sources & states
    )
    for level, states in SCORING_STATES.items()
}

PROGRAMME_PROVINCIAL_STATES: frozenset[str] = frozenset(
    {P.SUBMITTED, P.PROVINCIAL_REVIEW, P.PROVINCIALLY_APPROVED}
)
PROGRAMME_CENTRAL_STATES: frozenset[str] = frozenset(ProgrammeState) - PROGRAMME_PROVINCIAL_STATES


def owner_of_state(state: str) -> OfficeKind:
    """The kind of office that acts on a record in ``state``.

    Dossier states are looked up first (a plain ``"provincially_approved"`` is a province's in both
    machines); a ``ProgrammeState`` or a programme-only value uses the programme's split. A programme
    ``rejected`` counts as central, though a province may also reject at its review.
    """
    if not isinstance(state, ProgrammeState) and state in PROVINCIAL_STATES:
        return OfficeKind.PROVINCE
    if not isinstance(state, ProgrammeState) and state in CENTRAL_STATES:
        return OfficeKind.CENTRAL
    if state in PROGRAMME_PROVINCIAL_STATES:
        return OfficeKind.PROVINCE
    if state in PROGRAMME_CENTRAL_STATES:
        return OfficeKind.CENTRAL
    raise ValueError(f"unknown state: {state!r}")
