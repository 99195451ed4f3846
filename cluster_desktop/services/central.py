"""The centre's desk (phase 1, steps 8–9): the national dashboard, the national list and ranking
(F3, F3-1, F6), the centre's own initial list (F3) and the secondary-review queue (F6-1). The
databank (F7) and license administration (F8) are in ``central_registers``.

Lists are filtered, sorted and paged in SQL (31 provinces × 1,000 dossiers stay smooth); a page's
products and license numbers come in one extra query each rather than with string aggregation, so
the same queries run on SQLite and PostgreSQL.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from typing import Any, TypeVarTuple

from sqlalchemy import ColumnElement, Select, func, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import NotFound, PermissionDenied
from cluster_desktop.domain.numbers import latin_code
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.domain.text import normalize_for_search
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.store.models import (
    Cluster,
    Dossier,
    Evaluation,
    ImportLog,
    License,
    Meeting,
    Member,
    Office,
    Outbound,
    PlanRequest,
    Product,
    Province,
    SentBundle,
    Transition,
)

from . import audit, clusters, licenses, rankings, workflow
from .actor import Actor, require, require_office
from .evaluations import ROUND_STATES, can_see_all, in_current_round, running_score
from .groups import local_group

# Only this module asks a province for a plan: the step comes with the request that travels (F3).
_REQUEST_PLAN = workflow.claim_permit("request_plan")

S = DossierState
_Ts = TypeVarTuple("_Ts")
# Dossiers that take part in the national ranking (services/rankings, one rule for every screen and print).
RANKED_STATES: tuple[str, ...] = rankings.CENTRAL_STATES
REVIEW_STATES: tuple[str, ...] = (S.RECEIVED.value, S.CENTRAL_REVIEW.value)
LICENSE_ACTIONS = {"suspend": "suspended", "revoke": "revoked", "reinstate": "valid"}


def _central(actor: Actor, what_fa: str, what_en: str) -> None:
    require_office(actor, OfficeKind.CENTRAL, what_fa=what_fa, what_en=what_en)


def national_score() -> ColumnElement[float | None]:
    """The score a dossier ranks by at the centre: the central one once given, else the provincial."""
    return rankings.level_score("central")


# ---------------------------------------------------------------- national list and ranking


@dataclass(frozen=True)
class NationalQuery:
    search: str = ""
    province_code: str | None = None
    hs_prefix: str = ""
    min_score: float | None = None
    max_score: float | None = None
    states: tuple[str, ...] = ()
    origin: str | None = None  # "central": the centre's initial list (F3)
    # rank | name | province | county | state | provincial | central | exports | employees | updated
    order_by: str = "rank"
    descending: bool = False


@dataclass(frozen=True)
class NationalRow:
    id: str
    cluster_id: str
    name: str
    province_code: str
    province_fa: str
    county: str
    state: str
    origin: str
    provincial_score: float | None
    central_score: float | None
    rank: int | None  # national rank among RANKED_STATES (competition ranking)
    province_rank: int | None
    exports_usd: int
    employees: int
    national_priority: bool
    updated_at: datetime
    products: tuple[tuple[str, str], ...] = ()
    license_no: str = ""

    @property
    def score(self) -> float | None:
        return self.central_score if self.central_score is not None else self.provincial_score


def _ranked() -> ColumnElement[int]:
    """1 for a dossier that takes part in the national ranking (ranked state, scored), else 0."""
    return rankings.takes_part("central")


class NationalRanks(rankings.Ranks):
    """The national ranks (services/rankings.Ranks at the centre's level)."""

    def __init__(self, session: Session) -> None:
        super().__init__(session, "central")


def _national_filters(q: Select[*_Ts], query: NationalQuery) -> Select[*_Ts]:
    if query.search.strip():
        for word in normalize_for_search(query.search).split()[:6]:
            q = q.where(Cluster.search_text.contains(word, autoescape=True))
    if query.province_code:
        q = q.where(Dossier.province_code == query.province_code)
    if query.states:
        q = q.where(Dossier.state.in_(query.states))
    if query.origin:
        q = q.where(Dossier.origin == query.origin)
    prefix = latin_code(query.hs_prefix)
    if prefix:
        q = q.where(
            Cluster.id.in_(
                select(Product.cluster_id).where(Product.hs_code.startswith(prefix, autoescape=True))
            )
        )
    if query.min_score is not None:
        q = q.where(national_score() >= query.min_score)
    if query.max_score is not None:
        q = q.where(national_score() <= query.max_score)
    return q


def count_national(session: Session, query: NationalQuery) -> int:
    q = select(func.count()).select_from(Dossier).join(Cluster, Cluster.id == Dossier.cluster_id)
    return int(session.scalar(_national_filters(q, query)) or 0)


def national_rows(
    session: Session,
    query: NationalQuery,
    *,
    offset: int = 0,
    limit: int = 200,
    ranks: NationalRanks | None = None,
) -> list[NationalRow]:
    """One page of the national list with provincial and central scores and national ranks."""
    q = (
        select(
            Dossier.id,
            Dossier.cluster_id,
            Cluster.name,
            Dossier.province_code,
            Province.name_fa,
            Cluster.county,
            Dossier.state,
            Dossier.origin,
            Dossier.provincial_score,
            Dossier.central_score,
            Cluster.annual_exports_usd,
            Cluster.employees,
            Cluster.national_priority,
            Dossier.updated_at,
        )
        .join(Cluster, Cluster.id == Dossier.cluster_id)
        .join(Province, Province.code == Dossier.province_code)
    )
    q = _national_filters(q, query)
    columns = {
        "name": Cluster.name_norm,
        "province": Province.name_fa,
        "county": Cluster.county_norm,
        "state": Dossier.state,
        "provincial": Dossier.provincial_score,
        "central": Dossier.central_score,
        "score": national_score(),
        "exports": Cluster.annual_exports_usd,
        "employees": Cluster.employees,
        "updated": Dossier.updated_at,
    }
    order: list[ColumnElement[Any]]
    if query.order_by in columns:
        col = columns[query.order_by]
        order = [(col.desc() if query.descending else col.asc()).nulls_last()]
    else:  # rank: ranked dossiers by score (best first), then the rest by score
        by_score = national_score()
        order = [_ranked().desc(), (by_score.asc() if query.descending else by_score.desc()).nulls_last()]
        order.append(Cluster.name_norm.expression)  # as rankings.order_key: equal scores by name
    q = q.order_by(*order, Dossier.id).offset(offset).limit(limit)
    page = session.execute(q).all()
    ranks = ranks or (NationalRanks(session) if page else None)
    rows = []
    for r in page:
        score = r[9] if r[9] is not None else r[8]
        nrank, prank = ranks.of(r[6], r[3], score) if ranks else (None, None)
        # The query's first ten columns, the two ranks, then its last four (NationalRow's field order).
        rows.append(NationalRow(*r[:10], nrank, prank, r[10], r[11], r[12], r[13]))
    return _with_products_and_licenses(session, rows)


def _with_products_and_licenses(session: Session, rows: list[NationalRow]) -> list[NationalRow]:
    if not rows:
        return rows
    cluster_ids = [r.cluster_id for r in rows]
    products: dict[str, list[tuple[str, str]]] = defaultdict(list)
    for cid, hs, name in session.execute(
        select(Product.cluster_id, Product.hs_code, Product.name_fa)
        .where(Product.cluster_id.in_(cluster_ids))
        .order_by(Product.hs_code)
    ):
        products[cid].append((hs, name))
    numbers = dict(
        session.execute(
            select(License.dossier_id, License.number).where(
                License.dossier_id.in_([r.id for r in rows]), License.status != "revoked"
            )
        ).all()
    )
    return [
        replace(r, products=tuple(products.get(r.cluster_id, ())), license_no=numbers.get(r.id, ""))
        for r in rows
    ]


# ---------------------------------------------------------------- the centre's initial list (F3)


def add_to_initial_list(
    session: Session,
    actor: Actor,
    data: clusters.ClusterInput,
    *,
    note: str = "",
    request: bool = True,
) -> Dossier:
    """Open a national-priority cluster's dossier at the centre (origin ``central``, owned by TPO)
    and, with ``request``, ask its province to complete the feasibility plan (``request_plan``)."""
    _central(actor, "ثبت خوشه در لیست اولیهٔ مرکز", "add to the centre's initial list")
    require(actor, (Role.SECRETARY,), what_fa="ثبت خوشه در لیست اولیه", what_en="add to the initial list")
    dossier = clusters.create_cluster(session, actor, replace(data, national_priority=True), origin="central")
    dossier.nomination_note = note.strip()
    if request:
        _request(session, actor, dossier, note)
    return dossier


def request_plan(session: Session, actor: Actor, dossier_id: str, comment: str = "") -> Transition:
    """Ask the province to complete the plan of a dossier on the centre's initial list (F3): the step
    ``request_plan`` and the plan request that travels to the province in the next decision bundle."""
    _central(actor, "درخواست تکمیل طرح توجیهی", "ask for a feasibility plan")
    return _request(session, actor, clusters.get_dossier(session, dossier_id), comment)


def _request(session: Session, actor: Actor, dossier: Dossier, comment: str) -> Transition:
    if dossier.owner_office_id != actor.office_id:
        raise PermissionDenied(
            "فقط برای پرونده‌های لیست اولیهٔ خود مرکز می‌توان تکمیل طرح را از استان خواست.",
            "Only dossiers on the centre's own initial list can be sent to the province as a plan request.",
        )
    row = workflow.transition(
        session, actor, dossier.id, "request_plan", comment=comment, permit=_REQUEST_PLAN
    )
    cluster = dossier.cluster
    notes = [n for n in (dossier.nomination_note.strip(), comment.strip()) if n]
    req = PlanRequest(
        owner_office_id=actor.office_id,
        province_code=dossier.province_code,
        name=cluster.name,
        county=cluster.county,
        city=cluster.city,
        sector=cluster.sector,
        description=cluster.description,
        products=[{"hs_code": p.hs_code, "name_fa": p.name_fa} for p in cluster.products],
        markets=[{"country_fa": m.country_fa, "share_percent": m.share_percent} for m in cluster.markets],
        note="\n".join(dict.fromkeys(notes)),
        requested_at=row.at,
        requested_by=actor.label,
    )
    session.add(req)
    session.flush()
    dossier.plan_request_id = req.id
    session.flush()
    audit.record(
        session,
        actor,
        "plan_request.create",
        "plan_request",
        req.id,
        dossier=dossier.id,
        province=req.province_code,
    )
    return row


def plan_request_of(session: Session, dossier_id: str) -> PlanRequest | None:
    """The centre's plan request a dossier answers (at either office), if it began on the initial list."""
    request_id = session.scalar(select(Dossier.plan_request_id).where(Dossier.id == dossier_id))
    return session.get(PlanRequest, request_id) if request_id else None


# ---------------------------------------------------------------- secondary review (F6-1)


@dataclass(frozen=True)
class ReviewRow:
    id: str
    name: str
    province_code: str
    province_fa: str
    state: str
    provincial_score: float | None
    central_score: float | None
    sheets_submitted: int
    sheets_started: int
    members: int
    mine: str  # none | draft | submitted (the acting member's own sheet)
    waiting_since: datetime | None


def review_queue(session: Session, actor: Actor) -> list[ReviewRow]:
    """Dossiers waiting for the central working group, oldest first, with both levels' scores; the
    sheets counted are those of each dossier's current central round."""
    this_round = (Evaluation.level == "central", in_current_round("central"))
    submitted = (
        select(Evaluation.dossier_id, func.count().label("n"))
        .where(*this_round, Evaluation.submitted_at.is_not(None))
        .group_by(Evaluation.dossier_id)
        .subquery()
    )
    started = (
        select(Evaluation.dossier_id, func.count().label("n"))
        .where(*this_round)
        .group_by(Evaluation.dossier_id)
        .subquery()
    )
    mine = (
        select(Evaluation.dossier_id, Evaluation.submitted_at)
        .where(*this_round, Evaluation.member_id == (actor.member_id or ""))
        .subquery()
    )
    q = (
        select(
            Dossier.id,
            Cluster.name,
            Dossier.province_code,
            Province.name_fa,
            Dossier.state,
            Dossier.provincial_score,
            Dossier.central_score,
            func.coalesce(submitted.c.n, 0),
            func.coalesce(started.c.n, 0),
            mine.c.dossier_id,
            mine.c.submitted_at,
            Dossier.state_changed_at,
        )
        .join(Cluster, Cluster.id == Dossier.cluster_id)
        .join(Province, Province.code == Dossier.province_code)
        .outerjoin(submitted, submitted.c.dossier_id == Dossier.id)
        .outerjoin(started, started.c.dossier_id == Dossier.id)
        .outerjoin(mine, mine.c.dossier_id == Dossier.id)
        .where(Dossier.state.in_(REVIEW_STATES))
        .order_by(Dossier.state_changed_at.asc().nulls_last(), Dossier.id)
    )
    members = _central_members(session, actor)
    out = []
    for r in session.execute(q).all():
        own = "none" if r[9] is None else "submitted" if r[10] is not None else "draft"
        # The score is recorded when the group decides; until then the queue shows the running one
        # to whoever may see every sheet (a member only after sending their own).
        central_score = r[6]
        if r[4] in ROUND_STATES and can_see_all(session, actor, r[0]):
            central_score = running_score(session, r[0], "central")
        # Spelled out: the query's row type is too wide for mypy to count a star-unpacked slice.
        out.append(
            ReviewRow(r[0], r[1], r[2], r[3], r[4], r[5], central_score, r[7], r[8], members, own, r[11])
        )
    return out


def _central_members(session: Session, actor: Actor) -> int:
    try:
        group = local_group(session, actor)
    except NotFound:
        return 0
    return int(
        session.scalar(
            select(func.count())
            .select_from(Member)
            .where(Member.group_id == group.id, Member.active.is_(True))
        )
        or 0
    )


def open_review(session: Session, actor: Actor, dossier_id: str) -> Transition:
    """Open the secondary review of a received dossier (F6-1): members may then score it."""
    return workflow.transition(session, actor, dossier_id, "open_central_review")


# ---------------------------------------------------------------- dashboard


@dataclass(frozen=True)
class ProvinceStatus:
    code: str
    name_fa: str
    dossiers: int
    by_state: dict[str, int]
    bundles_imported: int
    last_sequence: int  # the last sequence imported from the province
    last_bundle_id: str | None
    last_bundle_created: datetime | None
    last_imported_at: datetime | None
    sent_sequence: int  # the last decision bundle we wrote to the province
    acked_sequence: int  # what the province acknowledged of ours
    unacked_bundles: int
    last_received_at: datetime | None  # the newest dossier receipt (transition "receive")

    @property
    def awaiting_ack(self) -> bool:
        return self.sent_sequence > self.acked_sequence


@dataclass(frozen=True)
class MeetingSummary:
    id: str
    number: str
    held_on: date
    decisions: int
    attendees: int
    finalized: bool


@dataclass(frozen=True)
class Dashboard:
    total: int
    by_state: dict[str, int]
    provinces: list[ProvinceStatus]
    waiting_review: int
    waiting_registration: int
    waiting_license: int
    licenses: dict[str, int]  # valid | suspended | revoked
    initial_list: int
    central_members: int
    meetings: list[MeetingSummary] = field(default_factory=list)


def dashboard(session: Session, actor: Actor) -> Dashboard:
    """Everything the national dashboard shows, in a handful of grouped queries."""
    per: dict[str, dict[str, int]] = defaultdict(dict)
    by_state: dict[str, int] = defaultdict(int)
    for prov, state, n in session.execute(
        select(Dossier.province_code, Dossier.state, func.count()).group_by(
            Dossier.province_code, Dossier.state
        )
    ):
        per[prov][state] = n
        by_state[state] += n
    # sender -> (bundles, last sequence, last bundle's id, created at, imported at)
    imports: dict[str, tuple[int, int | None, str | None, datetime | None, datetime | None]] = {}
    for sender, n, seq in session.execute(
        select(ImportLog.sender_office_id, func.count(), func.max(ImportLog.sequence)).group_by(
            ImportLog.sender_office_id
        )
    ):
        last = session.execute(
            select(ImportLog.bundle_id, ImportLog.created_at, ImportLog.imported_at)
            .where(ImportLog.sender_office_id == sender)
            .order_by(ImportLog.sequence.desc())
            .limit(1)
        ).one()
        imports[sender] = (n, seq, *last)
    outbound = {o.peer_office_id: o for o in session.scalars(select(Outbound))}
    unacked = dict(
        session.execute(
            select(SentBundle.peer_office_id, func.count())
            .where(SentBundle.acked_at.is_(None))
            .group_by(SentBundle.peer_office_id)
        ).all()
    )
    received = dict(
        session.execute(
            select(Dossier.province_code, func.max(Transition.at))
            .join(Dossier, Dossier.id == Transition.dossier_id)
            .where(Transition.action == "receive")
            .group_by(Dossier.province_code)
        ).all()
    )
    offices = {
        o.province_code: o.id for o in session.scalars(select(Office).where(Office.kind == "province"))
    }
    provinces = []
    for p in session.scalars(select(Province).order_by(Province.code)):
        office_id = offices.get(p.code, p.code)
        bundles, last_seq, bundle_id, created, imported = imports.get(office_id, (0, 0, None, None, None))
        out = outbound.get(office_id)
        provinces.append(
            ProvinceStatus(
                p.code,
                p.name_fa,
                sum(per[p.code].values()),
                dict(per[p.code]),
                bundles,
                last_seq or 0,
                bundle_id,
                created,
                imported,
                out.last_sequence if out else 0,
                out.acked_sequence if out else 0,
                int(unacked.get(office_id, 0)),
                received.get(p.code),
            )
        )
    lic = dict(session.execute(select(License.status, func.count()).group_by(License.status)).all())
    return Dashboard(
        total=sum(by_state.values()),
        by_state=dict(by_state),
        provinces=provinces,
        waiting_review=sum(by_state.get(s, 0) for s in REVIEW_STATES),
        waiting_registration=by_state.get(S.APPROVED.value, 0),
        waiting_license=int(
            session.scalar(
                select(func.count())
                .select_from(Dossier)
                .where(
                    Dossier.state == S.REGISTERED.value,
                    Dossier.cluster_id.not_in(select(License.cluster_id).where(License.status != "revoked")),
                )
            )
            or 0
        ),
        licenses={k: int(lic.get(k, 0)) for k in licenses.LICENSE_STATUSES},
        initial_list=int(
            session.scalar(select(func.count()).select_from(Dossier).where(Dossier.origin == "central")) or 0
        ),
        central_members=_central_members(session, actor),
        meetings=recent_meetings(session, actor),
    )


def recent_meetings(session: Session, actor: Actor, limit: int = 6) -> list[MeetingSummary]:
    """The local working group's latest meetings with how many dossier decisions cite each."""
    try:
        group = local_group(session, actor)
    except NotFound:
        return []
    decisions = (
        select(Transition.meeting_id, func.count().label("n"))
        .where(Transition.meeting_id.is_not(None))
        .group_by(Transition.meeting_id)
        .subquery()
    )
    q = (
        select(Meeting, func.coalesce(decisions.c.n, 0))
        .outerjoin(decisions, decisions.c.meeting_id == Meeting.id)
        .where(Meeting.group_id == group.id)
        .order_by(Meeting.held_on.desc(), Meeting.number.desc())
        .limit(limit)
    )
    return [
        MeetingSummary(m.id, m.number, m.held_on, int(n), len(m.attendees), m.finalized)
        for m, n in session.execute(q)
    ]
