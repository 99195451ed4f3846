"""Feasibility plans (F3-3): sections, yearly targets, attachments (content-addressed), drafts."""

from __future__ import annotations

import json
import mimetypes
from dataclasses import asdict, dataclass, field
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import FieldCollector, NotFound, PermissionDenied, ValidationError
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.store.blobs import BlobStore, FileBlobs, as_blobs
from cluster_desktop.store.models import Attachment, Dossier, FeasibilityPlan, PlanDraft, PlanTarget, utcnow

from . import audit, forms
from .actor import EDITORS, Actor, require
from .child_rows import merge_by_key
from .clusters import get_dossier

MAX_ATTACHMENT_BYTES = 25 * 1024 * 1024
EDITABLE_STATES = {
    DossierState.PLAN_IN_PROGRESS.value,
    DossierState.NOMINATED.value,
    DossierState.RETURNED.value,
}

# (field, Persian title, English title): the sections a complete plan must fill.
SECTIONS: tuple[tuple[str, str, str], ...] = (
    ("overview", "معرفی و وضعیت کنونی خوشه", "Overview"),
    ("market", "بازار و بازارهای هدف صادراتی", "Market"),
    ("strengths", "نقاط قوت", "Strengths"),
    ("weaknesses", "نقاط ضعف", "Weaknesses"),
    ("opportunities", "فرصت‌ها", "Opportunities"),
    ("threats", "تهدیدها", "Threats"),
    ("investment_note", "سرمایه‌گذاری مورد نیاز", "Investment"),
    ("actions", "اقدامات و برنامهٔ اجرایی", "Actions"),
    ("expected_results", "نتایج مورد انتظار", "Expected results"),
)


@dataclass
class TargetInput:
    year: int | str
    export_usd: int | str = 0
    employment: int | str = 0


@dataclass
class PlanInput:
    overview: str = ""
    market: str = ""
    strengths: str = ""
    weaknesses: str = ""
    opportunities: str = ""
    threats: str = ""
    investment_rial: int | str = 0
    investment_note: str = ""
    actions: str = ""
    expected_results: str = ""
    targets: list[TargetInput] = field(default_factory=list)


def plan_of(session: Session, dossier_id: str) -> FeasibilityPlan | None:
    return session.scalar(select(FeasibilityPlan).where(FeasibilityPlan.dossier_id == dossier_id))


def plan_input_of(plan: FeasibilityPlan | None) -> PlanInput:
    if plan is None:
        return PlanInput()
    return PlanInput(
        **{k: getattr(plan, k) for k, _, _ in SECTIONS},
        investment_rial=plan.investment_rial,
        targets=[TargetInput(t.year, t.export_usd, t.employment) for t in plan.targets],
    )


def _editable(session: Session, actor: Actor, dossier_id: str) -> Dossier:
    require(actor, EDITORS, what_fa="تکمیل طرح توجیهی", what_en="edit feasibility plans")
    dossier = get_dossier(session, dossier_id)
    if dossier.owner_office_id != actor.office_id:
        raise PermissionDenied(
            "این پرونده متعلق به دفتر دیگری است.", "This dossier belongs to another office."
        )
    if dossier.plan_request_id is not None and actor.office_kind is OfficeKind.CENTRAL:
        # The centre's initial-list entry: the province completes this plan in its own dossier.
        raise PermissionDenied(
            "طرح توجیهی این خوشه را استان تکمیل می‌کند؛ درخواست مرکز با بستهٔ بعدی به استان می‌رسد "
            "و طرح تکمیل‌شده با بستهٔ استان برمی‌گردد.",
            "The province completes this cluster's plan: the centre's request reaches it with the next "
            "bundle, and the completed plan comes back with the province's.",
        )
    if dossier.state not in EDITABLE_STATES:
        raise PermissionDenied(
            "طرح توجیهی فقط پیش از ارائه به کارگروه (یا پس از برگشت برای اصلاح) ویرایش می‌شود.",
            "The plan can be edited only before it is submitted (or after it is returned).",
        )
    return dossier


def save_plan(session: Session, actor: Actor, dossier_id: str, data: PlanInput) -> FeasibilityPlan:
    """Save the plan's sections and targets; incomplete plans may be saved, not submitted."""
    dossier = _editable(session, actor, dossier_id)
    c = FieldCollector()
    # Section texts plus the investment figure, copied onto the plan's same-named columns below.
    values: dict[str, str | int] = {
        k: forms.text(c, getattr(data, k), k, fa, en, single_line=False, max_len=100_000)
        for k, fa, en in SECTIONS
    }
    values["investment_rial"] = forms.number(
        c, data.investment_rial, "investment_rial", "مبلغ سرمایه‌گذاری (ریال)", "Investment (rial)"
    )
    targets = []
    for i, t in enumerate(data.targets):
        targets.append(
            (
                forms.number(
                    c,
                    t.year,
                    f"targets.{i}.year",
                    "سال هدف",
                    "Target year",
                    minimum=1390,
                    maximum=1500,
                    required=True,
                ),
                forms.number(
                    c, t.export_usd, f"targets.{i}.export_usd", "صادرات هدف (دلار)", "Export target (USD)"
                ),
                forms.number(c, t.employment, f"targets.{i}.employment", "اشتغال هدف", "Employment target"),
            )
        )
    if len({t[0] for t in targets}) != len(targets):
        c.add("targets", "هر سال هدف فقط یک بار وارد شود.", "Enter each target year once.")
    c.raise_if_any()
    plan = plan_of(session, dossier.id)
    if plan is None:
        plan = FeasibilityPlan(owner_office_id=actor.office_id, dossier_id=dossier.id)
        session.add(plan)
    else:
        plan.version += 1
        plan.updated_at = utcnow()
    for k, v in values.items():
        setattr(plan, k, v)
    # Unique per (plan, year): a year kept is updated in place (services/child_rows.py).
    kept = merge_by_key(
        plan.targets,
        "year",
        ({"year": y, "export_usd": x, "employment": e} for y, x, e in targets),
        lambda **v: PlanTarget(owner_office_id=actor.office_id, **v),
    )
    plan.targets = kept
    session.flush()
    discard_draft(session, actor, dossier.id)
    audit.record(session, actor, "plan.save", "plan", plan.id, dossier=dossier.id)
    return plan


def missing_sections(session: Session, dossier_id: str) -> list[str]:
    """What a plan still lacks before it can go to the working group (Persian titles)."""
    plan = plan_of(session, dossier_id)
    if plan is None:
        return ["طرح توجیهی هنوز ثبت نشده است"]
    missing = [fa for k, fa, _ in SECTIONS if not getattr(plan, k).strip()]
    if not plan.targets:
        missing.append("اهداف سالانهٔ صادرات و اشتغال")
    return missing


def is_complete(session: Session, dossier_id: str) -> bool:
    return not missing_sections(session, dossier_id)


# ------------------------------------------------------------------- attachments


def blob_path(attachments_dir: Path, sha256: str) -> Path:
    return attachments_dir / sha256[:2] / sha256


def store_blob(attachments_dir: Path, data: bytes) -> str:
    """Write bytes content-addressed into a file store (atomically; the same content is stored once)."""
    return FileBlobs(attachments_dir).put(None, data)  # type: ignore[arg-type]


def add_attachment(
    session: Session,
    actor: Actor,
    blobs: BlobStore | Path,
    dossier_id: str,
    source: Path,
    *,
    title: str = "",
) -> Attachment:
    """Attach a scan or PDF; refuses unreadable, empty and oversize files before storing anything."""
    dossier = _editable(session, actor, dossier_id)
    source = Path(source)
    try:
        size = source.stat().st_size
        if size > MAX_ATTACHMENT_BYTES:
            raise ValidationError(
                f"پرونده «{source.name}» بزرگ‌تر از {to_persian_digits(MAX_ATTACHMENT_BYTES // 2**20)} مگابایت است.",
                f"The file '{source.name}' is larger than {MAX_ATTACHMENT_BYTES // 2**20} MB.",
                field="attachment",
            )
        data = source.read_bytes()
    except OSError as exc:
        raise ValidationError(
            f"پروندهٔ «{source.name}» خوانده نشد.",
            f"The file '{source.name}' cannot be read.",
            field="attachment",
        ) from exc
    if not data:
        raise ValidationError(
            f"پروندهٔ «{source.name}» خالی است.", f"The file '{source.name}' is empty.", field="attachment"
        )
    digest = as_blobs(blobs).put(session, data)
    media = mimetypes.guess_type(source.name)[0] or "application/octet-stream"
    att = Attachment(
        owner_office_id=actor.office_id,
        dossier_id=dossier.id,
        sha256=digest,
        filename=source.name,
        media_type=media,
        size=len(data),
        title=title.strip() or source.stem,
    )
    session.add(att)
    _touch(session, dossier)
    session.flush()
    audit.record(session, actor, "attachment.add", "attachment", att.id, dossier=dossier.id, sha256=digest)
    return att


def remove_attachment(session: Session, actor: Actor, attachment_id: str) -> None:
    """Remove an attachment; the dossier (and its plan) get a new version, so the next bundle carries
    the dossier with its remaining attachments and the centre drops the removed one too."""
    att = session.get(Attachment, attachment_id)
    if att is None:
        raise NotFound("پیوست پیدا نشد.", "Attachment not found.")
    dossier = _editable(session, actor, att.dossier_id)
    session.delete(att)
    _touch(session, dossier)
    session.flush()
    audit.record(session, actor, "attachment.remove", "attachment", attachment_id, dossier=att.dossier_id)


def _touch(session: Session, dossier: Dossier) -> None:
    """A new version of the dossier and its plan, so the next bundle carries the dossier: a removed
    attachment leaves no row whose time the export could see, and the receiver replaces a dossier's
    attachments with the set that comes with it."""
    now = utcnow()
    dossier.version += 1
    dossier.updated_at = now
    plan = plan_of(session, dossier.id)
    if plan is not None:
        plan.version += 1
        plan.updated_at = now


def list_attachments(session: Session, dossier_id: str) -> list[Attachment]:
    return list(
        session.scalars(
            select(Attachment).where(Attachment.dossier_id == dossier_id).order_by(Attachment.created_at)
        )
    )


# ------------------------------------------------------------------- autosaved drafts


def save_draft(session: Session, actor: Actor, dossier_id: str, data: PlanInput) -> None:
    """Keep unsaved form contents so a power cut loses nothing; not validated, never sent."""
    draft = session.get(PlanDraft, (dossier_id, actor.username))
    content = json.dumps(asdict(data), ensure_ascii=False)
    if draft is None:
        session.add(
            PlanDraft(dossier_id=dossier_id, username=actor.username, content=content, saved_at=utcnow())
        )
    else:
        draft.content = content
        draft.saved_at = utcnow()


def load_draft(session: Session, actor: Actor, dossier_id: str) -> PlanInput | None:
    draft = session.get(PlanDraft, (dossier_id, actor.username))
    if draft is None:
        return None
    raw = json.loads(draft.content)
    raw["targets"] = [TargetInput(**t) for t in raw.get("targets", [])]
    return PlanInput(**raw)


def discard_draft(session: Session, actor: Actor, dossier_id: str) -> None:
    draft = session.get(PlanDraft, (dossier_id, actor.username))
    if draft is not None:
        session.delete(draft)
