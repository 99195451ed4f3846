"""Questions the cluster list, the profile form and the plan editor ask (Qt-free, no changes made).

Who may edit what is decided here, from the same rules the saving services apply, so the GUI can
disable a form instead of letting someone type into a form that will be refused.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import DomainError, NotFound, PermissionDenied
from cluster_desktop.domain.roles import Role
from cluster_desktop.domain.text import normalize_for_search
from cluster_desktop.store.blobs import BlobStore, as_blobs
from cluster_desktop.store.models import (
    Attachment,
    Cluster,
    Dossier,
    FeasibilityPlan,
    PlanDraft,
    Product,
    Province,
)

from . import plans
from .actor import EDITORS, Actor, require
from .clusters import ClusterInput, find_similar, get_dossier

PLAN_MISSING = "طرح توجیهی هنوز ثبت نشده است"
TARGETS_ITEM = ("targets", "اهداف سالانهٔ صادرات و اشتغال", "Yearly export and employment targets")


def may_record_clusters(actor: Actor) -> bool:
    """Whether the role may record new clusters (the list shows its "new cluster" button)."""
    return actor.role is Role.ADMIN or actor.role in EDITORS


def profile_edit_refusal(session: Session, actor: Actor, dossier_id: str) -> DomainError | None:
    """Why this user may not edit the dossier's cluster profile, or None if they may."""
    try:
        require(actor, EDITORS, what_fa="ویرایش خوشه", what_en="edit clusters")
    except PermissionDenied as exc:
        return exc
    dossier = get_dossier(session, dossier_id)
    if dossier.cluster.owner_office_id != actor.office_id:
        return PermissionDenied(
            "این خوشه متعلق به دفتر دیگری است و این‌جا ویرایش نمی‌شود.",
            "This cluster belongs to another office and cannot be edited here.",
        )
    return None


def plan_edit_refusal(session: Session, actor: Actor, dossier_id: str) -> DomainError | None:
    """Why this user may not edit the dossier's plan now (role, office, state), or None."""
    try:
        plans._editable(session, actor, dossier_id)  # the rule save_plan applies
    except DomainError as exc:
        return exc
    return None


def provinces(session: Session) -> list[tuple[str, str]]:
    """(code, Persian name) of every province, in Persian name order."""
    rows = session.execute(select(Province.code, Province.name_fa))
    return sorted(((c, n) for c, n in rows), key=lambda r: r[1])


@dataclass(frozen=True)
class ChecklistItem:
    key: str
    title_fa: str
    title_en: str
    done: bool


def plan_checklist(session: Session, dossier_id: str) -> list[ChecklistItem]:
    """Every part a complete plan needs, ticked when the saved plan has it (services.plans decides)."""
    missing = set(plans.missing_sections(session, dossier_id))
    recorded = PLAN_MISSING not in missing
    items = [ChecklistItem(key, fa, en, recorded and fa not in missing) for key, fa, en in plans.SECTIONS]
    key, fa, en = TARGETS_ITEM
    items.append(ChecklistItem(key, fa, en, recorded and fa not in missing))
    return items


def newer_draft(session: Session, actor: Actor, dossier_id: str) -> tuple[plans.PlanInput, datetime] | None:
    """This user's autosaved draft of the plan, when it is newer than the saved plan."""
    draft = session.get(PlanDraft, (dossier_id, actor.username))
    if draft is None:
        return None
    plan = plans.plan_of(session, dossier_id)
    saved_at = _aware(draft.saved_at)
    if plan is not None and _aware(plan.updated_at) >= saved_at:
        return None
    content = plans.load_draft(session, actor, dossier_id)
    return (content, saved_at) if content is not None else None


def _aware(dt: datetime) -> datetime:
    from datetime import UTC

    return dt if dt.tzinfo else dt.replace(tzinfo=UTC)


_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f]')


def copy_attachment(session: Session, blobs: BlobStore | Path, attachment_id: str, target_dir: Path) -> Path:
    """Copy an attachment's stored bytes to ``target_dir`` under its original file name (to open it),
    checked against their hash; from the data folder or, for a server office, the database.

    The store keeps files by their hash; a viewer needs the name and extension to pick a program.
    """
    att = session.get(Attachment, attachment_id)
    if att is None:
        raise NotFound("پیوست پیدا نشد.", "Attachment not found.")
    name = _UNSAFE.sub("_", Path(att.filename).name).strip(" .") or att.sha256
    folder = Path(target_dir) / att.sha256[:12]  # two attachments may share a file name
    folder.mkdir(parents=True, exist_ok=True)
    try:
        return as_blobs(blobs).to_file(session, att.sha256, folder / name)
    except NotFound as exc:
        raise NotFound(
            f"محتوای پیوست «{att.filename}» در این دفتر پیدا نشد یا آسیب دیده است.",
            f"The content of the attachment '{att.filename}' is missing or damaged in this office.",
            field="attachment",
        ) from exc


@dataclass(frozen=True)
class SimilarCluster:
    id: str
    name: str
    county: str
    similarity: float


def possible_duplicates(
    session: Session, actor: Actor, data: ClusterInput, *, exclude_id: str | None = None
) -> list[SimilarCluster]:
    """Clusters with names like ``data.name`` in the same province, to ask about before saving.

    The same name in the same county is left out: saving refuses that outright (ConflictError).
    """
    province = data.province_code or actor.province_code
    name_norm, county_norm = normalize_for_search(data.name), normalize_for_search(data.county)
    return [
        SimilarCluster(c.id, c.name, c.county, score)
        for c, score in find_similar(session, data.name, province, exclude_id=exclude_id)
        if not (c.name_norm == name_norm and c.county_norm == county_norm)
    ]


def richest_dossier(session: Session, *, with_plan: bool = False) -> str | None:
    """A dossier of this office with the fullest record (to show in screenshots and demos)."""
    q = (
        select(Dossier.id)
        .join(Cluster, Cluster.id == Dossier.cluster_id)
        .outerjoin(Product, Product.cluster_id == Cluster.id)
        .group_by(Dossier.id, Cluster.employees)  # every ordered column grouped: PostgreSQL insists
        .order_by(func.count(Product.id).desc(), Cluster.employees.desc(), Dossier.id)
    )
    if with_plan:
        q = q.join(FeasibilityPlan, FeasibilityPlan.dossier_id == Dossier.id)
    return session.scalar(q.limit(1))


def screenshot_plan_dossier(session: Session) -> str | None:
    """A dossier whose plan is still being written, preferring one with attachments, else any plan."""
    editable = sorted(plans.EDITABLE_STATES)
    q = (
        select(Dossier.id)
        .join(FeasibilityPlan, FeasibilityPlan.dossier_id == Dossier.id)
        .outerjoin(Attachment, Attachment.dossier_id == Dossier.id)
        .group_by(Dossier.id, Dossier.state)
        .order_by(Dossier.state.in_(editable).desc(), func.count(Attachment.id).desc(), Dossier.id)
    )
    return session.scalar(q.limit(1))
