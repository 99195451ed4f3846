"""Read-only questions about the programme's reference data (processes, matrix, agencies)."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import NotFound
from cluster_desktop.store.models import Organization, Phase, PhaseStep, ProcessStep, Province, Responsibility


@dataclass(frozen=True)
class ProcessDetails:
    code: str
    title_fa: str
    summary_fa: str
    inputs_fa: list[str]
    outputs_fa: list[str]
    note_fa: str
    agencies_fa: list[str]


def process_tree(session: Session) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """Top-level processes in the seed's order, each with its sub-steps."""
    steps = list(session.scalars(select(ProcessStep).order_by(ProcessStep.order)))
    tops = [p for p in steps if p.parent_code is None]
    return [
        (t.code, t.title_fa, [(c.code, c.title_fa) for c in steps if c.parent_code == t.code]) for t in tops
    ]


def phases_with_steps(session: Session) -> list[tuple[Phase, list[PhaseStep]]]:
    """The programme's three phases in order, each with its numbered steps."""
    phases = list(session.scalars(select(Phase).order_by(Phase.order)))
    steps = list(session.scalars(select(PhaseStep).order_by(PhaseStep.order)))
    return [(p, [s for s in steps if s.phase_code == p.code]) for p in phases]


def step_processes(session: Session, step_code: str) -> list[str]:
    """The F-codes a phase step is carried out by (none for an unknown step)."""
    step = session.get(PhaseStep, step_code)
    return list(step.processes) if step else []


def responsible_agencies(session: Session, codes: list[str]) -> list[Organization]:
    """Agencies the responsibility matrix ticks for these steps (or their sub-steps)."""
    subs = set(codes) | set(
        session.scalars(select(ProcessStep.code).where(ProcessStep.parent_code.in_(codes)))
    )
    q = (
        select(Organization)
        .join(Responsibility, Responsibility.organization_code == Organization.code)
        .where(Responsibility.process_code.in_(subs))
        .distinct()
        .order_by(Organization.matrix_column)
    )
    return list(session.scalars(q))


def process_details(session: Session, code: str) -> ProcessDetails:
    p = session.get(ProcessStep, code)
    if p is None:
        raise NotFound("این مرحله در برنامه تعریف نشده است.", "No such process step.")
    return ProcessDetails(
        p.code,
        p.title_fa,
        p.summary_fa,
        list(p.inputs_fa),
        list(p.outputs_fa),
        p.matrix_note_fa,
        [o.name_fa for o in responsible_agencies(session, [code])],
    )


def provinces(session: Session) -> list[Province]:
    return list(session.scalars(select(Province).order_by(Province.name_fa)))


def organizations(session: Session) -> list[Organization]:
    return list(session.scalars(select(Organization).order_by(Organization.name_fa)))
