"""Who the seed makes responsible at each step of the two machines: the responsibility matrix joined
to the workflows, for the dossier's workflow tab, the programme screens and the dashboards.

For a record (or a state) the answer names the *current* step (the one that brought it into its
state: its last recorded transition, else every transition that leads there), the *next* steps (the
transitions out of the state, grouped by F-code) and, for a programme under way, monitoring (F14),
which the seed runs alongside phases 2 and 3. Each step carries its F-code, its title in the seed's
process table (and the matrix's own wording where it differs, as for F9-1…F9-3), the kind of office
that acts, and the agencies the matrix ticks for it.

The seed's matrix holds ticks only; it does not say who leads, cooperates or approves. The role shown
beside each ticked agency is therefore derived from the workflow, not read from the seed: the
organization of the office that takes the step (TPO at the centre, the provincial commerce
organization in a province) *acts*; the working groups *decide* where the step is a minuted
working-group decision; every other ticked agency *takes part*. A top-level step without its own row
of ticks (F3, F6, F9) takes its sub-steps' ticks; a step the matrix does not cover (phase 1, step 7:
sending to the centre) names no agency.
"""

from __future__ import annotations

from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum
from typing import Literal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import DomainError, NotFound
from cluster_desktop.domain.roles import OFFICE_KIND_TITLES, OfficeKind
from cluster_desktop.domain.workflow import (
    DOSSIER_STATE_TITLES,
    DOSSIER_WORKFLOW,
    PROGRAMME_STATE_TITLES,
    PROGRAMME_WORKFLOW,
    ProgrammeState,
    Requirement,
    Workflow,
)
from cluster_desktop.domain.workflow import Transition as Rule
from cluster_desktop.store.models import (
    Dossier,
    Organization,
    PhaseStep,
    ProcessStep,
    Programme,
    Responsibility,
    Transition,
)
from cluster_desktop.store.reference import matrix_wording

Machine = Literal["dossier", "programme"]
WORKFLOWS: dict[str, Workflow] = {"dossier": DOSSIER_WORKFLOW, "programme": PROGRAMME_WORKFLOW}
_TITLES = {"dossier": DOSSIER_STATE_TITLES, "programme": PROGRAMME_STATE_TITLES}
# The organization (matrix column) that is the office taking a step of that kind.
ACTING_ORGANIZATION = {OfficeKind.CENTRAL: "TPO", OfficeKind.PROVINCE: "PROV_COMMERCE"}
WORKING_GROUPS = "WORKING_GROUPS"
MONITORING = "F14"
SAYS_ELSE_BELOW = 0.7  # similarity of the table's and the matrix's wording; F3's «(تهیه لیست اولیه)» is 0.79
P = ProgrammeState
# Monitoring (F14) runs alongside a programme once it is approved until it is completed.
MONITORED_STATES = frozenset(
    {
        P.PROVINCIALLY_APPROVED,
        P.CENTRALLY_APPROVED,
        P.PACKAGE_PROPOSED,
        P.PACKAGE_APPROVED,
        P.RESOURCES_ALLOCATED,
        P.IN_EXECUTION,
    }
)


class AgencyRole(StrEnum):
    ACTS = "acts"
    DECIDES = "decides"
    TAKES_PART = "takes_part"


ROLE_TITLES: dict[AgencyRole, tuple[str, str]] = {
    AgencyRole.ACTS: ("اقدام‌کننده", "acts"),
    AgencyRole.DECIDES: ("تصمیم در جلسهٔ کارگروه", "decides in a minuted meeting"),
    AgencyRole.TAKES_PART: ("مشارکت", "takes part"),
}


@dataclass(frozen=True)
class Agency:
    """An agency the matrix ticks for a step, with the part the workflow gives it there."""

    code: str
    name_fa: str
    name_en: str
    role: AgencyRole

    @property
    def role_fa(self) -> str:
        return ROLE_TITLES[self.role][0]

    @property
    def role_en(self) -> str:
        return ROLE_TITLES[self.role][1]


@dataclass(frozen=True)
class Step:
    """One step of a machine: F-code, titles, the office that acts, the actions and the agencies."""

    f_code: str
    title_fa: str  # the seed's process table (a phase step's title for P1-7)
    matrix_title_fa: str  # the matrix row's own wording where it says something else, else ""
    office: OfficeKind
    actions_fa: tuple[str, ...]
    actions_en: tuple[str, ...]
    agencies: tuple[Agency, ...]
    matrix_rows: tuple[str, ...]  # the matrix rows the ticks come from (a step's own, or its sub-steps')
    inferred: bool = False  # the row is inferred from the seed's text (F14), not ticked in its table

    @property
    def office_fa(self) -> str:
        return OFFICE_KIND_TITLES[self.office][0]

    @property
    def office_en(self) -> str:
        return OFFICE_KIND_TITLES[self.office][1]

    @property
    def agencies_fa(self) -> list[str]:
        return [a.name_fa for a in self.agencies]

    @property
    def agencies_en(self) -> list[str]:
        return [a.name_en for a in self.agencies]


@dataclass(frozen=True)
class Responsibilities:
    """The current step, the next steps and what runs alongside, for one record or state."""

    machine: Machine
    state: str
    state_fa: str
    state_en: str
    current: tuple[Step, ...]
    next: tuple[Step, ...]
    alongside: tuple[Step, ...] = ()


@dataclass(frozen=True)
class StateRow:
    """A state that holds records and leads on, with how many and who is responsible."""

    machine: Machine
    count: int
    responsibilities: Responsibilities


# ---------------------------------------------------------------- building steps


def _title(session: Session, code: str, fallback: str) -> str:
    step = session.get(ProcessStep, code)
    if step is not None:
        return step.title_fa
    phase_step = session.get(PhaseStep, code)
    return phase_step.title_fa if phase_step is not None else fallback


def _ticks(session: Session, code: str) -> tuple[list[Organization], tuple[str, ...]]:
    """The step's ticked agencies in matrix order, and the rows they come from."""
    codes = {code} | set(session.scalars(select(ProcessStep.code).where(ProcessStep.parent_code == code)))
    rows: list[tuple[str, Organization]] = [
        (process, org)
        for process, org in session.execute(
            select(Responsibility.process_code, Organization)
            .join(Organization, Organization.code == Responsibility.organization_code)
            .where(Responsibility.process_code.in_(codes))
        )
    ]
    if any(process == code for process, _ in rows):  # its own row: the sub-steps say their own part
        rows = [(process, org) for process, org in rows if process == code]
    orgs = {org.code: org for _, org in rows}
    ordered = sorted(orgs.values(), key=lambda o: (o.matrix_column is None, o.matrix_column or 0, o.code))
    order = {
        c: i for i, c in enumerate(session.scalars(select(ProcessStep.code).order_by(ProcessStep.order)))
    }
    return ordered, tuple(sorted({process for process, _ in rows}, key=lambda c: order.get(c, 0)))


def _says_else(title: str, matrix_title: str) -> bool:
    """Whether the matrix's wording of a step says something else than the table's, not merely
    punctuates or abbreviates it (in the seed: F9-1 and F9-2, whose two parts disagree)."""
    return bool(matrix_title) and SequenceMatcher(None, title, matrix_title).ratio() < SAYS_ELSE_BELOW


def _role(org: str, office: OfficeKind, decided: bool) -> AgencyRole:
    if org == ACTING_ORGANIZATION[office]:
        return AgencyRole.ACTS
    if org == WORKING_GROUPS and decided:
        return AgencyRole.DECIDES
    return AgencyRole.TAKES_PART


def make_step(session: Session, code: str, office: OfficeKind, rules: list[Rule]) -> Step:
    """The step ``code`` as taken by ``office`` through ``rules`` (none for a step beside the machine)."""
    decided = any(Requirement.MINUTES in r.requires for r in rules)
    orgs, rows = _ticks(session, code)
    title = _title(session, code, rules[0].title_fa if rules else code)
    matrix_title, inferred = matrix_wording().get(code, ("", False))
    return Step(
        f_code=code,
        title_fa=title,
        matrix_title_fa=matrix_title if _says_else(title, matrix_title) else "",
        office=office,
        actions_fa=tuple(r.title_fa for r in rules),
        actions_en=tuple(r.title_en for r in rules),
        agencies=tuple(Agency(o.code, o.name_fa, o.name_en, _role(o.code, office, decided)) for o in orgs),
        matrix_rows=rows,
        inferred=inferred,
    )


def _grouped(session: Session, rules: list[Rule]) -> tuple[Step, ...]:
    """Rules grouped by F-code and office, in the workflow's order."""
    groups: dict[tuple[str, OfficeKind], list[Rule]] = {}
    for r in rules:
        groups.setdefault((r.f_code, r.office), []).append(r)
    return tuple(make_step(session, code, office, rs) for (code, office), rs in groups.items())


def next_steps(session: Session, state: str, office: OfficeKind, machine: Machine = "dossier") -> list[Step]:
    """The steps that take a record out of ``state``. Where this kind of office has its own steps from
    the state (a centre's draft is for F3, a province's for F3-2), only those; otherwise the other
    office's (a province sees that the centre receives what it sent)."""
    rules = [t for t in WORKFLOWS[machine].transitions if state in t.sources]
    own = [t for t in rules if t.office is office]
    return list(_grouped(session, own or rules))


def current_steps(
    session: Session, state: str, machine: Machine = "dossier", *, last: tuple[str, str] | None = None
) -> list[Step]:
    """The step that brought a record into ``state``: the ``(action, from_state)`` of its last
    transition when known, else every transition that leads into the state (none for a draft)."""
    wf = WORKFLOWS[machine]
    if last is not None:
        try:
            rule = wf.find(last[1], last[0])
        except DomainError:  # a step of an older workflow: fall back to what leads here now
            rule = None
        if rule is not None and rule.target == state:
            return list(_grouped(session, [rule]))
    return list(_grouped(session, [t for t in wf.transitions if t.target == state]))


def for_state(
    session: Session,
    machine: Machine,
    state: str,
    office: OfficeKind,
    *,
    last: tuple[str, str] | None = None,
) -> Responsibilities:
    """Current and next steps of ``state`` in ``machine`` as seen from a ``office`` kind of office."""
    wf = WORKFLOWS[machine]
    if state not in wf.states:
        raise NotFound(f"وضعیت ناشناخته: {state}", f"Unknown state: {state}")
    fa, en = _TITLES[machine].get(state, (state, state))
    alongside: tuple[Step, ...] = ()
    if machine == "programme" and state in MONITORED_STATES:
        alongside = (make_step(session, MONITORING, OfficeKind.CENTRAL, []),)
    return Responsibilities(
        machine=machine,
        state=state,
        state_fa=fa,
        state_en=en,
        current=tuple(current_steps(session, state, machine, last=last)),
        next=tuple(next_steps(session, state, office, machine)),
        alongside=alongside,
    )


# ---------------------------------------------------------------- records


def _last(session: Session, machine: Machine, ident: str) -> tuple[str, str] | None:
    """The (action, from_state) of the record's latest transition."""
    of = Transition.dossier_id == ident if machine == "dossier" else Transition.programme_id == ident
    row = session.execute(
        select(Transition.action, Transition.from_state)
        .where(of)
        .order_by(Transition.at.desc(), Transition.created_at.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def for_dossier(session: Session, office: OfficeKind, dossier_id: str) -> Responsibilities:
    """A dossier's current and next steps with the agencies the matrix names (reference data: anyone
    who may open the dossier may read it)."""
    dossier = session.get(Dossier, dossier_id)
    if dossier is None:
        raise NotFound("پرونده پیدا نشد.", "Dossier not found.")
    last = _last(session, "dossier", dossier.id)
    return for_state(session, "dossier", dossier.state, office, last=last)


def for_programme(session: Session, office: OfficeKind, programme_id: str) -> Responsibilities:
    """A development programme's current and next steps, and monitoring (F14) alongside."""
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFound("طرح توسعه‌ای پیدا نشد.", "Development programme not found.")
    last = _last(session, "programme", programme.id)
    return for_state(session, "programme", programme.state, office, last=last)


def overview(session: Session, office: OfficeKind) -> list[StateRow]:
    """Every state of both machines that holds records and leads on, in the workflows' order."""
    counts: dict[Machine, dict[str, int]] = {
        "dossier": dict(session.execute(select(Dossier.state, func.count()).group_by(Dossier.state)).all()),
        "programme": dict(
            session.execute(select(Programme.state, func.count()).group_by(Programme.state)).all()
        ),
    }
    out: list[StateRow] = []
    for machine in ("dossier", "programme"):
        wf = WORKFLOWS[machine]
        for state in wf.states:
            n = counts[machine].get(state, 0)
            if n and not wf.is_final(state):
                out.append(StateRow(machine, n, for_state(session, machine, state, office)))
    return out
