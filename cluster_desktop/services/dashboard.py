"""What the dashboard shows: dossiers by state, what waits for whom, and recent activity.

Read-only questions; each answer carries Persian and English text so the GUI only picks one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.workflow import DOSSIER_STATE_TITLES, DOSSIER_WORKFLOW, DossierState
from cluster_desktop.store.models import (
    AuditEntry,
    Cluster,
    Dossier,
    Transition,
    User,
)

from . import responsibility
from .clusters import counts_by_state
from .responsibility import Step


@dataclass(frozen=True)
class StateCount:
    state: str
    title_fa: str
    title_en: str
    count: int


# A next step of the dashboard is the responsibility service's step (one place joins workflow and matrix).
NextStep = Step


@dataclass(frozen=True)
class Waiting:
    state: str
    title_fa: str
    title_en: str
    count: int
    steps: list[NextStep] = field(default_factory=list)


@dataclass(frozen=True)
class Activity:
    at: datetime
    actor: str
    text_fa: str
    text_en: str
    dossier_id: str | None = None


def state_counts(session: Session) -> list[StateCount]:
    """Every dossier state in the workflow's order with how many dossiers are in it (zero included)."""
    counts = counts_by_state(session)
    return [StateCount(s.value, *DOSSIER_STATE_TITLES[s], counts.get(s.value, 0)) for s in DossierState]


def next_steps(session: Session, state: str, office: OfficeKind) -> list[NextStep]:
    """The steps that take dossiers out of ``state``, grouped by F-code (see ``responsibility``)."""
    return responsibility.next_steps(session, state, office)


def waiting(session: Session, office: OfficeKind) -> list[Waiting]:
    """States that hold dossiers and lead on, each with its next steps and responsible agencies."""
    return [
        Waiting(c.state, c.title_fa, c.title_en, c.count, next_steps(session, c.state, office))
        for c in state_counts(session)
        if c.count and not DOSSIER_WORKFLOW.is_final(c.state)
    ]


# Audit actions as people read them; dossier transitions come from the transitions table instead.
AUDIT_TITLES: dict[str, tuple[str, str]] = {
    "office.setup": ("راه‌اندازی دفتر و ساخت کلیدها", "Office set up and keys made"),
    "office.details": ("ویرایش مشخصات دبیرخانه", "Secretariat details changed"),
    "liaison.set": ("ثبت نمایندهٔ ارتباطی سازمان توسعه تجارت با استان", "Province's TPO liaison recorded"),
    "user.create": ("تعریف کاربر", "User created"),
    "user.update": ("ویرایش کاربر", "User changed"),
    "user.password": ("تغییر گذرواژه", "Password changed"),
    "member.add": ("افزودن عضو کارگروه", "Working-group member added"),
    "member.update": ("ویرایش عضو کارگروه", "Working-group member changed"),
    "meeting.create": ("ثبت جلسهٔ کارگروه", "Working-group meeting recorded"),
    "meeting.update": ("ویرایش صورتجلسه", "Minutes changed"),
    "meeting.finalize": ("نهایی کردن صورتجلسه", "Minutes finalized"),
    "cluster.create": ("ثبت خوشه", "Cluster recorded"),
    "cluster.update": ("ویرایش مشخصات خوشه", "Cluster profile changed"),
    "plan.save": ("ذخیرهٔ طرح توجیهی", "Feasibility plan saved"),
    "attachment.add": ("افزودن پیوست", "Attachment added"),
    "attachment.remove": ("حذف پیوست", "Attachment removed"),
    "evaluation.save": ("ذخیرهٔ برگهٔ ارزیابی", "Evaluation sheet saved"),
    "evaluation.submit": ("ثبت نهایی برگهٔ ارزیابی", "Evaluation sheet submitted"),
    "license.issue": ("صدور پروانه", "License issued"),
    "bundle.export": ("ساختن بستهٔ تبادل اطلاعات", "Bundle exported"),
    "bundle.import": ("وارد کردن بستهٔ تبادل اطلاعات", "Bundle imported"),
    "criteria.revise": ("بازنگری مجموعه‌معیار", "Criteria set revised"),
    "databank.export": ("خروجی گرفتن از بانک اطلاعات", "Databank exported"),
    "database.backup": ("پشتیبان‌گیری از پایگاه داده", "Database backed up"),
    "backup.create": (
        "پشتیبان‌گیری کامل از دفتر (داده‌ها و پیوست‌ها)",
        "Office backed up (data and attachments)",
    ),
    "backup.restore": ("بازگردانی دفتر از پشتیبان", "Office restored from a backup"),
    "dossier.receive": ("دریافت پرونده در مرکز", "Dossier received at the centre"),
    "event.add": ("ثبت رویداد آموزشی و اطلاع‌رسانی", "Event recorded"),
    "event.update": ("ویرایش رویداد", "Event changed"),
    "event.delete": ("حذف رویداد", "Event deleted"),
    "instruction.issue": ("صدور دستورالعمل", "Instruction issued"),
    "plan_request.create": ("درخواست تکمیل طرح توجیهی از استان", "Plan requested from the province"),
    "programme.create": ("ثبت برنامهٔ توسعه", "Development programme recorded"),
    "programme.update": ("ویرایش برنامهٔ توسعه", "Development programme changed"),
    "programme.add_item": ("افزودن قلم بستهٔ حمایتی", "Support item added"),
    "programme.remove_item": ("حذف قلم بستهٔ حمایتی", "Support item removed"),
    "programme.add_activity": ("افزودن فعالیت اجرایی", "Activity added"),
    "programme.update_activity": ("به‌روزرسانی فعالیت اجرایی", "Activity updated"),
    "programme.add_indicator": ("افزودن شاخص پایش", "Indicator added"),
    "programme.monitor": ("ثبت پایش و ارزیابی", "Monitoring recorded"),
    "trust.enroll": ("ثبت گواهی دفتر مورد اعتماد", "Office certificate enrolled"),
    "trust.revoke": ("باطل کردن کلید دفتر", "Office key revoked"),
    "user.locked": ("قفل شدن حساب پس از گذرواژه‌های نادرست", "Account locked after wrong passwords"),
    "user.unlock": ("باز کردن قفل حساب", "Account unlocked"),
    "user.edit": ("ویرایش مشخصات کاربر", "User details changed"),
    "user.role": ("تغییر نقش کاربر", "User role changed"),
    "user.deactivate": ("غیرفعال کردن کاربر", "User deactivated"),
    "user.reactivate": ("فعال کردن دوبارهٔ کاربر", "User reactivated"),
    "user.reset_password": ("تعیین گذرواژهٔ تازه به دست مدیر", "Password reset by the administrator"),
    "settings.idle_lock": ("تنظیم قفل خودکار پس از بی‌کاری", "Idle lock changed"),
    "audit.peer_rewritten": (
        "هشدار: بازنویسی گزارش ممیزی دفتر فرستنده",
        "Warning: the sending office's audit log was rewritten",
    ),
    "audit.export": ("خروجی اکسل از گزارش ممیزی", "Audit log exported to Excel"),
}


# A licence's status change is recorded as license.<new status>.
_LICENSE_STATUS_TITLES = {
    "license.valid": ("برقراری دوبارهٔ پروانه", "License reinstated"),
    "license.suspended": ("تعلیق پروانه", "License suspended"),
    "license.revoked": ("ابطال پروانه", "License revoked"),
}


def audit_title(action: str) -> tuple[str, str]:
    """How people read an audited action: a programme's or dossier's step by its workflow's own title
    (one place names each step), a licence's new status, the table above; the code only for what none
    knows."""
    if action.startswith("programme."):
        from cluster_desktop.domain.workflow import PROGRAMME_WORKFLOW

        step = action.removeprefix("programme.")
        rule = next((r for r in PROGRAMME_WORKFLOW.transitions if r.action == step), None)
        if rule is not None:
            return rule.title_fa, rule.title_en
    if action.startswith("dossier."):  # a dossier's step, recorded as dossier.<action>
        step = action.removeprefix("dossier.")
        rule = next((r for r in DOSSIER_WORKFLOW.transitions if r.action == step), None)
        if rule is not None:
            return rule.title_fa, rule.title_en
    if action in _LICENSE_STATUS_TITLES:
        return _LICENSE_STATUS_TITLES[action]
    return AUDIT_TITLES.get(action, (action, action))


def _audit_subject(e: AuditEntry, clusters: dict[str, str]) -> str:
    d = e.details or {}
    if d.get("name"):
        return str(d["name"])
    if d.get("number"):
        return to_persian_digits(str(d["number"]))
    if d.get("username"):
        return str(d["username"])
    if d.get("dossier"):
        return clusters.get(str(d["dossier"]), "")
    return ""


def _cluster_names(session: Session, dossier_ids: set[str]) -> dict[str, str]:
    if not dossier_ids:
        return {}
    rows = session.execute(
        select(Dossier.id, Cluster.name)
        .join(Cluster, Cluster.id == Dossier.cluster_id)
        .where(Dossier.id.in_(dossier_ids))
    )
    return {i: name for i, name in rows}


def recent_activity(session: Session, limit: int = 30) -> list[Activity]:
    """The latest changes, newest first: dossier transitions (also those imported from bundles) and
    the other audited changes."""
    transitions = list(
        session.scalars(
            select(Transition)
            .where(Transition.dossier_id.is_not(None))
            .order_by(Transition.at.desc())
            .limit(limit)
        )
    )
    entries = list(
        session.scalars(
            select(AuditEntry)
            .where(AuditEntry.entity != "dossier")
            .order_by(AuditEntry.at.desc(), AuditEntry.id.desc())
            .limit(limit)
        )
    )
    dossier_ids = {t.dossier_id for t in transitions if t.dossier_id}
    dossier_ids |= {str(e.details["dossier"]) for e in entries if (e.details or {}).get("dossier")}
    names = _cluster_names(session, dossier_ids)
    users = dict(session.execute(select(User.username, User.full_name)).all())
    out: list[Activity] = []
    for t in transitions:
        rule = next((r for r in DOSSIER_WORKFLOW.transitions if r.action == t.action), None)
        fa, en = (rule.title_fa, rule.title_en) if rule else (t.action, t.action)
        name = names.get(t.dossier_id or "", "")
        minutes = t.minutes_number
        out.append(
            Activity(
                at=t.at,
                actor=t.actor,
                text_fa=f"{t.f_code} {fa}: {name}"
                + (f" (صورتجلسهٔ {to_persian_digits(minutes)})" if minutes else ""),
                text_en=f"{t.f_code} {en}: {name}" + (f" (minutes {minutes})" if minutes else ""),
                dossier_id=t.dossier_id,
            )
        )
    for e in entries:
        fa, en = audit_title(e.action)
        subject = _audit_subject(e, names)
        who = users.get(e.username)
        dossier = (e.details or {}).get("dossier")
        out.append(
            Activity(
                at=e.at,
                actor=f"{who} ({e.username})" if who else e.username,
                text_fa=f"{fa}: {subject}" if subject else fa,
                text_en=f"{en}: {subject}" if subject else en,
                dossier_id=str(dossier) if dossier else None,
            )
        )
    out.sort(key=lambda a: a.at, reverse=True)
    return out[:limit]
