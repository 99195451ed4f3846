"""Who may do what to a development programme, and where (Qt-free; ``services.programmes`` asks here).

Every record has one owner (DESIGN.md, Data); for phases 2 and 3 that gives:

- **the programme** belongs to the office that recorded it (a province for the proposals its
  secretariat receives, the centre for those handed in at TPO). Only its owner changes it, and only
  before it is decided: a province while it is submitted or in provincial review, the centre while it
  is submitted, referred or centrally approved.
- **its steps** (transitions) belong to the office that took them; each office takes the steps its
  kind of office owns in the machine (``domain.workflow``): a province only on its own programmes,
  the centre on its own and on those a province referred (F9-3) or approved within its authority
  (F9-2), which it then supports.
- **the support package**, its items with their responsible agencies and the allocations (F10–F12)
  are the centre's.
- **activities, indicators and their values** (F13, F14) belong to the office that records them: the
  province reports execution and actuals for the programmes in its province, the centre may keep its
  own; only the recording office changes a row, and a period's target and actual belong to the
  office of their indicator.

``capabilities`` says which parts a screen may offer to change; the services check again.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import PermissionDenied
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.workflow import DossierState, ProgrammeState
from cluster_desktop.store.models import Cluster, DatabankEntry, Dossier, Programme, Province
from cluster_desktop.store.reference import CENTRAL_OFFICE_ID

from .actor import Actor

P = ProgrammeState
D = DossierState
# What the owner may still change in the programme itself, by the kind of office that owns it.
PROVINCE_EDITABLE = frozenset({P.SUBMITTED, P.PROVINCIAL_REVIEW})
CENTRAL_EDITABLE = frozenset({P.SUBMITTED, P.REFERRED_TO_CENTER, P.CENTRALLY_APPROVED})
EDITABLE = PROVINCE_EDITABLE | CENTRAL_EDITABLE
PACKAGE_EDITABLE = frozenset({P.PROVINCIALLY_APPROVED, P.CENTRALLY_APPROVED})
ALLOCATING = frozenset({P.PACKAGE_APPROVED, P.RESOURCES_ALLOCATED, P.IN_EXECUTION})
EXECUTING = frozenset({P.PACKAGE_APPROVED, P.RESOURCES_ALLOCATED, P.IN_EXECUTION})
MONITORED = frozenset(ProgrammeState) - {P.REJECTED, P.COMPLETED}
# A province records programmes for its clusters that its working group approved (phase 1's
# result), while nobody has turned them down since.
SELECTED_STATES = frozenset(
    {
        D.PROVINCIALLY_APPROVED,
        D.SENT_TO_CENTER,
        D.RECEIVED,
        D.CENTRAL_REVIEW,
        D.APPROVED,
        D.REGISTERED,
        D.LICENSED,
    }
)


def editable_states(programme: Programme) -> frozenset[ProgrammeState]:
    """The states in which the programme's owner may still change it."""
    return CENTRAL_EDITABLE if programme.owner_office_id == CENTRAL_OFFICE_ID else PROVINCE_EDITABLE


def owns(actor: Actor, programme: Programme) -> bool:
    return programme.owner_office_id == actor.office_id


def check_owner(actor: Actor, programme: Programme) -> None:
    if not owns(actor, programme):
        raise PermissionDenied(
            "این طرح توسعه‌ای را دفتر دیگری ثبت کرده است و فقط همان دفتر آن را تغییر می‌دهد.",
            "Another office recorded this programme; only that office changes it.",
        )


def may_step(actor: Actor, programme: Programme) -> bool:
    """A province takes steps on the programmes it recorded; the centre on its own and on a
    province's once the province's working group decided it (referred or approved within its
    authority): one still in provincial review is the province's business."""
    if actor.office_kind is OfficeKind.PROVINCE or owns(actor, programme):
        return owns(actor, programme)
    return programme.state not in PROVINCE_EDITABLE


def check_step(actor: Actor, programme: Programme) -> None:
    if actor.office_kind is OfficeKind.PROVINCE:
        check_owner(actor, programme)
    elif not may_step(actor, programme):
        raise PermissionDenied(
            "این طرح هنوز در بررسی کارگروه استان است؛ مرکز پس از تصمیم استان دربارهٔ آن اقدام می‌کند.",
            "This programme is still in the provincial working group's review; the centre acts once the "
            "province has decided.",
        )


def in_reach(actor: Actor, programme: Programme) -> bool:
    """Whether ``actor``'s office reports execution and monitoring for ``programme``: the centre for
    any, a province for those in its province."""
    return actor.office_kind is OfficeKind.CENTRAL or programme.province_code == actor.province_code


def check_reporter(actor: Actor, programme: Programme) -> None:
    if not in_reach(actor, programme):
        raise PermissionDenied(
            "این طرح در استان دیگری است؛ اجرا و پایش آن را همان استان گزارش می‌کند.",
            "This programme is in another province; that province reports its execution and monitoring.",
        )


def check_row_owner(actor: Actor, owner_office_id: str, what_fa: str, what_en: str) -> None:
    if owner_office_id != actor.office_id:
        raise PermissionDenied(
            f"این {what_fa} را دفتر دیگری ({owner_office_id}) ثبت کرده است و فقط همان دفتر آن را تغییر می‌دهد.",
            f"Another office ({owner_office_id}) recorded this {what_en}; only that office changes it.",
        )


@dataclass(frozen=True)
class Capabilities:
    """Which parts of a programme this office may change now (roles are checked by the services)."""

    edit: bool  # the programme itself
    package: bool  # add or remove support items (F10)
    allocate: bool  # record allocations (F12)
    activities: bool  # plan activities and report their progress (F13)
    monitor: bool  # define indicators and record targets and actuals (F14)


def capabilities(actor: Actor, programme: Programme) -> Capabilities:
    state = P(programme.state)
    central = actor.office_kind is OfficeKind.CENTRAL
    reach = in_reach(actor, programme)
    return Capabilities(
        edit=owns(actor, programme) and state in editable_states(programme),
        package=central and state in PACKAGE_EDITABLE,
        allocate=central and state in ALLOCATING,
        activities=reach and state in EXECUTING,
        monitor=reach and state in MONITORED,
    )


# ---------------------------------------------------------------- clusters a programme is for


@dataclass(frozen=True)
class ClusterChoice:
    cluster_id: str
    name: str
    province_fa: str
    registry_no: str  # its databank number; empty at a province before the centre registered it


def eligible_clusters(session: Session, actor: Actor) -> list[ClusterChoice]:
    """The clusters ``actor``'s office may record a development programme for: at the centre those in
    its databank, at a province its own clusters its working group approved (``SELECTED_STATES``)."""
    if actor.office_kind is OfficeKind.CENTRAL:
        rows = session.execute(
            select(Cluster.id, Cluster.name, Province.name_fa, DatabankEntry.registry_no)
            .join(Dossier, Dossier.cluster_id == Cluster.id)
            .join(DatabankEntry, DatabankEntry.dossier_id == Dossier.id)
            .join(Province, Province.code == Cluster.province_code)
            .order_by(Province.name_fa, Cluster.name)
        )
        return [ClusterChoice(*r) for r in rows]
    rows = session.execute(
        select(Cluster.id, Cluster.name, Province.name_fa, DatabankEntry.registry_no)
        .join(Dossier, Dossier.cluster_id == Cluster.id)
        .outerjoin(DatabankEntry, DatabankEntry.dossier_id == Dossier.id)
        .join(Province, Province.code == Cluster.province_code)
        .where(
            Cluster.owner_office_id == actor.office_id,
            Dossier.owner_office_id == actor.office_id,
            Dossier.state.in_(sorted(SELECTED_STATES)),
        )
        .order_by(Cluster.name)
    )
    seen: dict[str, ClusterChoice] = {}
    for cid, name, province_fa, registry in rows:
        if cid not in seen or registry:
            seen[cid] = ClusterChoice(cid, name, province_fa, registry or "")
    return sorted(seen.values(), key=lambda c: c.name)


def cluster_refusal(session: Session, actor: Actor, cluster_id: str) -> tuple[str, str] | None:
    """Why ``actor``'s office may not record a programme for this cluster (Persian, English), or None."""
    if any(c.cluster_id == cluster_id for c in eligible_clusters(session, actor)):
        return None
    if actor.office_kind is OfficeKind.CENTRAL:
        return (
            "طرح توسعه‌ای فقط برای خوشه‌های ثبت‌شده در بانک اطلاعات ثبت می‌شود.",
            "A development programme is recorded only for a cluster in the databank.",
        )
    return (
        "طرح توسعه‌ای در استان فقط برای خوشه‌های خود استان ثبت می‌شود که کارگروه استان آن‌ها را تأیید کرده است.",
        "A province records programmes only for its own clusters that its working group approved.",
    )
