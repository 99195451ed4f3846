"""The audit log as evidence, for people (issue 17): entries filtered and paged in SQL, each in words;
the state of the hash chain; the chain heads peer offices reported in their bundles.

The audit view, ``audit list``, ``audit peers`` and the Excel export all read through here. Only an
administrator or the secretary reads the log; the chain's state (intact, or broken at which entry) is
told to every user, who is asked to call IT.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import ColumnElement, CompoundSelect, Select, and_, func, or_, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.jalali import format_jalali_datetime, tehran_day_start
from cluster_desktop.domain.numbers import to_latin_digits, to_persian_digits
from cluster_desktop.domain.roles import Role
from cluster_desktop.domain.text import normalize_for_search
from cluster_desktop.store.audit_chain import verify_chain
from cluster_desktop.store.models import (
    AuditEntry,
    Cluster,
    Dossier,
    License,
    Office,
    PeerAuditHead,
    Programme,
    User,
)
from cluster_desktop.sync.audit_heads import warning as rewrite_warning

from .actor import Actor, require
from .audit_text import Names, details_text, subject_text
from .dashboard import audit_title

VIEWERS = (Role.SECRETARY,)  # and the administrator, who may everything
PAGE = 200


def require_viewer(actor: Actor) -> None:
    require(actor, VIEWERS, what_fa="دیدن گزارش ممیزی", what_en="read the audit log")


def may_view(actor: Actor) -> bool:
    return actor.role is Role.ADMIN or actor.role in VIEWERS


# --- the query -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class AuditQuery:
    """Which entries: all of them unless narrowed (each filter narrows further)."""

    username: str | None = None
    actions: tuple[str, ...] = ()  # action codes; one Persian title may stand for several
    dossier: str = ""  # words of a cluster's name, or a nomination letter or license number
    since: date | None = None  # Tehran days, both inclusive
    until: date | None = None
    up_to_id: int | None = None  # entries up to this number (to begin at a broken entry)


def _dossier_ids(text: str) -> Select[Any] | CompoundSelect[Any] | None:
    """Dossiers whose cluster name holds every word, or whose letter or license number holds the text."""
    words = normalize_for_search(text).split()[:6]
    if not words:
        return None
    by_name = (
        select(Dossier.id)
        .join(Cluster, Cluster.id == Dossier.cluster_id)
        .where(*(Cluster.search_text.contains(w, autoescape=True) for w in words))
    )
    raw = to_latin_digits(text.strip())
    if not any(ch.isdigit() for ch in raw):
        return by_name
    by_number = select(Dossier.id).where(Dossier.nomination_letter_no.contains(raw, autoescape=True))
    by_license = select(License.dossier_id).where(
        func.upper(License.number).contains(raw.upper(), autoescape=True)
    )
    return by_name.union(by_number, by_license)


def _about_dossiers(ids: Select[Any] | CompoundSelect[Any]) -> ColumnElement[bool]:
    """Entries about those dossiers: the dossier itself, its cluster, its license, or naming it."""
    ids_sub = ids.subquery()
    dossier_ids = select(ids_sub.c[0])
    e = AuditEntry
    return or_(
        and_(e.entity == "dossier", e.entity_id.in_(dossier_ids)),
        e.details["dossier"].as_string().in_(dossier_ids),
        and_(
            e.entity == "cluster",
            e.entity_id.in_(select(Dossier.cluster_id).where(Dossier.id.in_(dossier_ids))),
        ),
        and_(
            e.entity == "license",
            e.entity_id.in_(select(License.id).where(License.dossier_id.in_(dossier_ids))),
        ),
    )


def _filtered(q: Select[Any], query: AuditQuery) -> Select[Any]:
    e = AuditEntry
    if query.username:
        q = q.where(e.username == query.username)
    if query.actions:
        q = q.where(e.action.in_(sorted(set(query.actions))))
    if query.since is not None:
        q = q.where(e.at >= tehran_day_start(query.since))
    if query.until is not None:
        q = q.where(e.at < tehran_day_start(query.until + timedelta(days=1)))
    if query.up_to_id is not None:
        q = q.where(e.id <= query.up_to_id)
    ids = _dossier_ids(query.dossier) if query.dossier.strip() else None
    if ids is not None:
        q = q.where(_about_dossiers(ids))
    return q


def count_entries(session: Session, actor: Actor, query: AuditQuery) -> int:
    require_viewer(actor)
    return int(session.scalar(_filtered(select(func.count()).select_from(AuditEntry), query)) or 0)


@dataclass(frozen=True)
class AuditRow:
    """One entry as people read it."""

    id: int  # the entry's number in the log
    at: datetime  # UTC
    username: str
    user_label: str  # «full name (username)», or the username alone (system, a deleted user)
    action: str
    title_fa: str
    title_en: str
    subject_fa: str
    subject_en: str
    dossier_id: str | None
    dossier_name: str
    details_fa: str
    details_en: str
    details: dict[str, Any] = field(default_factory=dict)  # as recorded (for --json)

    @property
    def when_fa(self) -> str:
        return format_jalali_datetime(self.at)


def _dossier_of(
    e: AuditEntry, cluster_dossiers: dict[str, str], license_dossiers: dict[str, str]
) -> str | None:
    d = e.details or {}
    if e.entity == "dossier" and e.entity_id:
        return e.entity_id
    if d.get("dossier"):
        return str(d["dossier"])
    if e.entity == "cluster" and e.entity_id:
        return cluster_dossiers.get(e.entity_id)
    if e.entity == "license" and e.entity_id:
        return license_dossiers.get(e.entity_id)
    return None


def _lookup(session: Session, entries: list[AuditEntry]) -> tuple[Names, dict[str, str], dict[str, str]]:
    """Every name a page of entries refers to, in a few queries."""
    ids: dict[str, set[str]] = {k: set() for k in ("dossier", "cluster", "license", "programme", "office")}
    for e in entries:
        if e.entity in ids and e.entity_id:
            ids[e.entity].add(e.entity_id)
        d = e.details or {}
        for key in ("dossier", "programme"):
            if isinstance(d.get(key), str):
                ids[key].add(d[key])
    cluster_dossiers = dict(
        session.execute(
            select(Dossier.cluster_id, Dossier.id).where(Dossier.cluster_id.in_(ids["cluster"]))
        ).all()
    )
    license_rows = session.execute(
        select(License.id, License.dossier_id, License.number).where(License.id.in_(ids["license"]))
    ).all()
    license_dossiers = {lid: did for lid, did, _n in license_rows}
    dossier_ids = ids["dossier"] | set(cluster_dossiers.values()) | set(license_dossiers.values())
    names = Names(
        dossiers=dict(
            session.execute(
                select(Dossier.id, Cluster.name)
                .join(Cluster, Cluster.id == Dossier.cluster_id)
                .where(Dossier.id.in_(dossier_ids))
            ).all()
        ),
        clusters=dict(
            session.execute(select(Cluster.id, Cluster.name).where(Cluster.id.in_(ids["cluster"]))).all()
        ),
        offices=dict(
            session.execute(select(Office.id, Office.name_fa).where(Office.id.in_(ids["office"]))).all()
        ),
        programmes=dict(
            session.execute(
                select(Programme.id, Programme.title).where(Programme.id.in_(ids["programme"]))
            ).all()
        ),
        licenses={lid: number for lid, _d, number in license_rows},
    )
    for uid, username, full_name in session.execute(select(User.id, User.username, User.full_name)):
        names.users[str(uid)] = f"{full_name} ({username})"
        names.users[username] = full_name
    return names, cluster_dossiers, license_dossiers


def rows_of(session: Session, entries: list[AuditEntry]) -> list[AuditRow]:
    names, cluster_dossiers, license_dossiers = _lookup(session, entries)
    out = []
    for e in entries:
        title_fa, title_en = audit_title(e.action)
        full = names.users.get(e.username)
        dossier = _dossier_of(e, cluster_dossiers, license_dossiers)
        dossier_name = names.dossiers.get(dossier or "", "")
        subject = subject_text(e.entity, e.entity_id, e.details, names).without(dossier_name)
        skip = tuple(k for k in (subject.detail, "dossier" if dossier else None) if k)
        out.append(
            AuditRow(
                id=e.id,
                at=e.at,
                username=e.username,
                user_label=f"{full} ({e.username})" if full else e.username,
                action=e.action,
                title_fa=title_fa,
                title_en=title_en,
                subject_fa=subject.fa,
                subject_en=subject.en,
                dossier_id=dossier,
                dossier_name=dossier_name,
                details_fa=details_text(e.details, names, fa=True, skip=skip),
                details_en=details_text(e.details, names, fa=False, skip=skip),
                details=dict(e.details or {}),
            )
        )
    return out


def list_entries(
    session: Session, actor: Actor, query: AuditQuery, *, before_id: int | None = None, limit: int = PAGE
) -> list[AuditRow]:
    """Entries newest first, ``limit`` at a time: pass the last row's ``id`` as ``before_id`` for the next
    page (keyset paging: the 500th page costs what the first does)."""
    require_viewer(actor)
    q = _filtered(select(AuditEntry), query)
    if before_id is not None:
        q = q.where(AuditEntry.id < before_id)
    entries = list(session.scalars(q.order_by(AuditEntry.id.desc()).limit(max(1, min(limit, 5000)))))
    return rows_of(session, entries)


# --- what the filters offer ----------------------------------------------------------------------


@dataclass(frozen=True)
class ActionChoice:
    title_fa: str
    title_en: str
    actions: tuple[str, ...]  # the codes with this title


@dataclass(frozen=True)
class UserChoice:
    username: str
    label: str


def action_choices(session: Session, actor: Actor) -> list[ActionChoice]:
    """Every action the log holds, by Persian title (one title may gather several codes)."""
    require_viewer(actor)
    by_title: dict[tuple[str, str], list[str]] = {}
    for (action,) in session.execute(select(AuditEntry.action).distinct()):
        by_title.setdefault(audit_title(action), []).append(action)
    return sorted(
        (ActionChoice(fa, en, tuple(sorted(codes))) for (fa, en), codes in by_title.items()),
        key=lambda c: normalize_for_search(c.title_fa),
    )


def user_choices(session: Session, actor: Actor) -> list[UserChoice]:
    """Everyone the log names (also ``system`` and users no longer active)."""
    require_viewer(actor)
    full = dict(session.execute(select(User.username, User.full_name)).all())
    names = sorted(session.scalars(select(AuditEntry.username).distinct()))
    return [UserChoice(u, f"{full[u]} ({u})" if u in full else u) for u in names]


def actions_named(session: Session, actor: Actor, text: str) -> tuple[str, ...]:
    """The codes an action filter typed on the command line means: a code, or a title in either language."""
    wanted = normalize_for_search(text)
    for choice in action_choices(session, actor):
        if wanted in (normalize_for_search(choice.title_fa), normalize_for_search(choice.title_en)):
            return choice.actions
    return (text.strip(),)


# --- the chain -----------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChainStatus:
    entries: int
    broken_id: int | None = None
    broken_at: datetime | None = None
    warning_fa: str = ""
    warning_en: str = ""
    marker_fa: str = ""  # the short form, above the audit view's table where the entry is marked
    marker_en: str = ""

    @property
    def intact(self) -> bool:
        return self.broken_id is None


def chain_status(session: Session) -> ChainStatus:
    """Verify the whole chain (about 1.5 s per 100,000 entries: the GUI runs it off its thread); if broken,
    the warning every user is shown. No permission is needed: anyone may learn that the log is damaged."""
    check = verify_chain(session)
    if check.intact:
        return ChainStatus(check.entries)
    number = to_persian_digits(check.broken_id or 0)
    when = format_jalali_datetime(check.broken_at)
    return ChainStatus(
        check.entries,
        check.broken_id,
        check.broken_at,
        f"هشدار: گزارش ممیزی این دفتر پس از ثبت دست‌کاری شده است. زنجیرهٔ آن در ردیف شمارهٔ {number} ({when}) "
        "گسسته است: این ردیف یا ردیف پیش از آن تغییر کرده، حذف یا افزوده شده است. به واحد فناوری اطلاعات یا "
        "مدیر سامانه خبر دهید و تا بررسی، پایگاه داده را دست نزنید.",
        f"Warning: this office's audit log was tampered with after it was written. Its chain breaks at entry "
        f"{check.broken_id} ({check.broken_at:%Y-%m-%d %H:%M} UTC): that entry or the one before it was "
        "changed, deleted or inserted. Call IT or the administrator, and leave the database as it is.",
        f"زنجیرهٔ گزارش ممیزی در ردیف شمارهٔ {number} ({when}) گسسته است؛ آن ردیف در فهرست به رنگ سرخ است. "
        "به واحد فناوری اطلاعات یا مدیر سامانه خبر دهید.",
        f"The audit chain breaks at entry {check.broken_id} ({check.broken_at:%Y-%m-%d %H:%M} UTC), marked in "
        "red in the list. Call IT or the administrator.",
    )


# --- peers' chains -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeerHead:
    sequence: int  # the bundle that stated it
    received_at: datetime
    length: int
    hash: str
    anchor_length: int | None
    rewritten: str  # "" | "anchor" | "head" | "shorter"
    warning_fa: str = ""
    warning_en: str = ""


@dataclass(frozen=True)
class PeerChain:
    office_id: str
    name_fa: str
    heads: list[PeerHead] = field(default_factory=list)  # oldest first

    @property
    def last(self) -> PeerHead:
        return self.heads[-1]

    @property
    def warnings(self) -> list[PeerHead]:
        return [h for h in self.heads if h.rewritten]


def peer_chains(session: Session, actor: Actor) -> list[PeerChain]:
    """Per peer office: every audit chain head its bundles stated, and those that showed a rewrite."""
    require_viewer(actor)
    names = dict(session.execute(select(Office.id, Office.name_fa)).all())
    out: dict[str, PeerChain] = {}
    for h in session.scalars(
        select(PeerAuditHead).order_by(PeerAuditHead.sender_office_id, PeerAuditHead.id)
    ):
        office = h.sender_office_id
        chain = out.setdefault(office, PeerChain(office, names.get(office, office)))
        fa = en = ""
        if h.rewritten:
            compared = h.conflict_length or h.length
            shown = h.length if h.rewritten == "shorter" else compared
            fa, en = rewrite_warning(f"{chain.name_fa} ({office})", h.rewritten, shown, compared)
        chain.heads.append(
            PeerHead(h.sequence, h.received_at, h.length, h.entry_hash, h.anchor_length, h.rewritten, fa, en)
        )
    return list(out.values())
