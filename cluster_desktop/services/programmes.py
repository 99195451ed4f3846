"""Phases 2 and 3: development programmes (F9), their review in the provincial working group (F9-1)
with approval within provincial authority (F9-2) or referral to the centre (F9-3), the specialised
support package with a responsible agency per item (F10, F11), resources allocated by those agencies
(F12), execution activities (F13) and monitoring of targets against actuals (F14).

A province records the proposals its secretariat receives for its own approved clusters; the centre
those handed in at TPO, for clusters of its databank (F10's inputs: "the databank's list"). Who owns
and changes which part is ``programme_access``; what travels in bundles, ``sync.records``. Every
change checks the actor here, not in a screen.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import ConflictError, FieldCollector, NotFound, TransitionError
from cluster_desktop.domain.identity import digits_only, valid_legal_id, valid_national_code
from cluster_desktop.domain.jalali import format_jalali, today
from cluster_desktop.domain.numbers import format_int, to_latin_digits, to_persian_digits
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.text import normalize_for_search
from cluster_desktop.domain.workflow import (
    PROGRAMME_STATE_TITLES,
    PROGRAMME_WORKFLOW,
    ProgrammeState,
    Requirement,
)
from cluster_desktop.domain.workflow import Transition as Rule
from cluster_desktop.store.models import (
    Activity,
    Allocation,
    Cluster,
    Indicator,
    IndicatorValue,
    Meeting,
    Organization,
    Programme,
    Province,
    SupportItem,
    SupportPackage,
    Transition,
    utcnow,
)
from cluster_desktop.store.reference import CENTRAL_OFFICE_ID

from . import audit, forms, instructions
from . import programme_access as access
from .actor import EDITORS, Actor, require, require_office
from .programme_access import ClusterChoice, eligible_clusters
from .workflow import meeting_of, record_step

P = ProgrammeState
PROPOSER_KINDS: dict[str, tuple[str, str]] = {
    "natural": ("شخص حقیقی", "Natural person"),
    "legal": ("شخص حقوقی", "Legal person"),
    "cda": ("عامل توسعهٔ خوشه (CDA)", "Cluster development agent (CDA)"),
    "nda": ("عامل توسعهٔ شبکه (NDA)", "Network development agent (NDA)"),
}
# What may still change in each part of a programme, by state (and office: see programme_access).
EDITABLE = access.EDITABLE
PACKAGE_EDITABLE = access.PACKAGE_EDITABLE
ALLOCATING = access.ALLOCATING
EXECUTING = access.EXECUTING
MONITORED = access.MONITORED
# Kinds of proposer that are legal persons: they give an 11-digit national identifier.
LEGAL_KINDS = frozenset({"legal", "cda", "nda"})
_PERIOD = re.compile(r"^(1[34]\d\d)(?:-Q([1-4]))?$")
MAX_RIAL = 10**18  # fits SQLite's and PostgreSQL's BIGINT with room to spare


def _central(actor: Actor, what_fa: str, what_en: str) -> None:
    require_office(actor, OfficeKind.CENTRAL, what_fa=what_fa, what_en=what_en)


def _editor(actor: Actor, what_fa: str, what_en: str) -> None:
    _central(actor, what_fa, what_en)
    require(actor, EDITORS, what_fa=what_fa, what_en=what_en)


def _clerk(actor: Actor, what_fa: str, what_en: str) -> None:
    """A clerk or secretary of either kind of office (the programme decides which part)."""
    require(actor, EDITORS, what_fa=what_fa, what_en=what_en)


def _state_fa(state: str) -> str:
    return PROGRAMME_STATE_TITLES.get(state, (state, state))[0]


def _in_state(programme: Programme, allowed: frozenset[ProgrammeState], what_fa: str, what_en: str) -> None:
    if programme.state not in allowed:
        raise ConflictError(
            f"{what_fa} در وضعیت «{_state_fa(programme.state)}» ممکن نیست.",
            f"{what_en} is not possible while the programme is '{programme.state}'.",
        )


def _rial(c: FieldCollector, value: int | str | None, key: str, fa: str, en: str, *, required: bool) -> int:
    return forms.number(c, value, key, fa, en, minimum=0, maximum=MAX_RIAL, required=required)


# ---------------------------------------------------------------- programmes (F9)


@dataclass
class ProgrammeInput:
    cluster_id: str = ""
    title: str = ""
    proposer_name: str = ""
    proposer_kind: str = "legal"
    submitted_on: str | date | None = None
    budget_rial: int | str | None = None
    description: str = ""
    proposer_national_id: str = ""  # national code (natural person) or national identifier
    proposer_registration_no: str = ""
    proposer_phone: str = ""
    proposer_address: str = ""


__all__ = ["ClusterChoice", "eligible_clusters"]


def get_programme(session: Session, programme_id: str) -> Programme:
    programme = session.get(Programme, programme_id)
    if programme is None:
        raise NotFound("طرح توسعه‌ای پیدا نشد.", "Development programme not found.")
    return programme


def _own(session: Session, actor: Actor, programme_id: str) -> Programme:
    programme = get_programme(session, programme_id)
    access.check_owner(actor, programme)
    return programme


def _identity(c: FieldCollector, data: ProgrammeInput) -> dict[str, str]:
    """The proposer's identity: a valid national code for a natural person, a valid national
    identifier for a legal person, CDA or NDA; telephone and address as typed."""
    number = digits_only(data.proposer_national_id)
    key = "proposer_national_id"
    if data.proposer_kind == "natural":
        if not number:
            c.add(key, "کد ملی پیشنهاددهنده را وارد کنید.", "Enter the proposer's national code.")
        elif not valid_national_code(number):
            c.add(
                key,
                "کد ملی ده رقم است و رقم کنترل آن باید درست باشد.",
                "A national code has ten digits and a valid check digit.",
            )
    elif data.proposer_kind in LEGAL_KINDS:
        if not number:
            c.add(key, "شناسهٔ ملی پیشنهاددهنده را وارد کنید.", "Enter the proposer's national identifier.")
        elif not valid_legal_id(number):
            c.add(
                key,
                "شناسهٔ ملی شخص حقوقی یازده رقم است و رقم کنترل آن باید درست باشد.",
                "A legal person's national identifier has eleven digits and a valid check digit.",
            )
    registration = forms.text(
        c,
        to_latin_digits(data.proposer_registration_no),
        "proposer_registration_no",
        "شمارهٔ ثبت",
        "Registration number",
        column=Programme.proposer_registration_no,
    )
    if registration and data.proposer_kind == "natural":
        c.add(
            "proposer_registration_no",
            "شمارهٔ ثبت برای شخص حقوقی است؛ برای شخص حقیقی خالی بماند.",
            "A registration number is a legal person's; leave it empty for a natural person.",
        )
    phone = forms.phone_number(c, data.proposer_phone, "proposer_phone")
    forms.too_long(
        c, phone, "proposer_phone", "تلفن", "Telephone", forms.column_limit(Programme.proposer_phone)
    )
    address = forms.text(
        c, data.proposer_address, "proposer_address", "نشانی", "Address", column=Programme.proposer_address
    )
    return {
        "proposer_national_id": number,
        "proposer_registration_no": registration,
        "proposer_phone": phone,
        "proposer_address": address,
    }


def _validate(session: Session, actor: Actor, data: ProgrammeInput) -> dict[str, object]:
    c = FieldCollector()
    cluster = session.get(Cluster, data.cluster_id) if data.cluster_id else None
    if cluster is None:
        c.add("cluster", "خوشه را انتخاب کنید.", "Choose the cluster.")
    elif (refusal := access.cluster_refusal(session, actor, cluster.id)) is not None:
        c.add("cluster", *refusal)
    title = forms.text(c, data.title, "title", "عنوان طرح", "Title", required=True)
    proposer = forms.text(c, data.proposer_name, "proposer_name", "پیشنهاددهنده", "Proposer", required=True)
    if data.proposer_kind not in PROPOSER_KINDS:
        c.add("proposer_kind", "نوع پیشنهاددهنده را انتخاب کنید.", "Choose the kind of proposer.")
    identity = _identity(c, data)
    submitted = forms.jalali(
        c, data.submitted_on, "submitted_on", "تاریخ دریافت", "Received on", required=False
    )
    if submitted and submitted > today():
        c.add(
            "submitted_on",
            "تاریخ دریافت نمی‌تواند در آینده باشد.",
            "The date received cannot be in the future.",
        )
    budget = _rial(
        c, data.budget_rial, "budget_rial", "اعتبار موردنیاز (ریال)", "Budget (rial)", required=True
    )
    description = forms.text(
        c, data.description, "description", "شرح", "Description", single_line=False, max_len=20000
    )
    c.raise_if_any()
    assert cluster is not None
    return {
        "cluster_id": cluster.id,
        "province_code": cluster.province_code,
        "title": title,
        "proposer_name": proposer,
        "proposer_kind": data.proposer_kind,
        "submitted_on": submitted or today(),
        "budget_rial": budget,
        "description": description,
        **identity,
    }


def create_programme(session: Session, actor: Actor, data: ProgrammeInput) -> Programme:
    """Record a development programme received by this office's secretariat (F9): a province's for
    one of its approved clusters, the centre's for a cluster of its databank."""
    _clerk(actor, "ثبت طرح توسعه‌ای", "record development programmes")
    values = _validate(session, actor, data)
    duplicate = session.scalar(
        select(Programme.id).where(
            Programme.cluster_id == values["cluster_id"],
            func.lower(Programme.title) == str(values["title"]).lower(),
            Programme.state != P.REJECTED.value,
        )
    )
    if duplicate:
        raise ConflictError(
            "طرحی با همین عنوان برای این خوشه در جریان است.",
            "A programme with this title is already open for this cluster.",
            field="title",
        )
    programme = Programme(owner_office_id=actor.office_id, state=P.SUBMITTED.value, **values)
    session.add(programme)
    session.flush()
    audit.record(session, actor, "programme.create", "programme", programme.id, title=programme.title)
    return programme


def update_programme(session: Session, actor: Actor, programme_id: str, data: ProgrammeInput) -> Programme:
    _clerk(actor, "ویرایش طرح توسعه‌ای", "edit development programmes")
    programme = _own(session, actor, programme_id)
    _in_state(programme, access.editable_states(programme), "ویرایش طرح", "Editing the programme")
    values = _validate(session, actor, data)
    if values["cluster_id"] != programme.cluster_id:
        raise ConflictError(
            "خوشهٔ یک طرح ثبت‌شده تغییر نمی‌کند؛ طرح تازه‌ای ثبت کنید.",
            "A recorded programme's cluster does not change; record a new programme.",
            field="cluster",
        )
    for key, value in values.items():
        setattr(programme, key, value)
    _touch(programme, actor)
    session.flush()
    audit.record(session, actor, "programme.update", "programme", programme.id)
    return programme


def _touch(programme: Programme, actor: Actor) -> None:
    """A change to the programme or a part of it: a new version of the owner's record. Another
    office's change (the centre's package on a province's programme) is a record of its own, so the
    owner's version and stamp stay as they are."""
    if access.owns(actor, programme):
        programme.version += 1
        programme.updated_at = utcnow()
    else:
        programme.updated_at = Programme.__table__.c.updated_at  # type: ignore[assignment]


# ---------------------------------------------------------------- workflow


def package_of(session: Session, programme_id: str) -> SupportPackage | None:
    return session.scalar(select(SupportPackage).where(SupportPackage.programme_id == programme_id))


def items_of(session: Session, programme_id: str) -> list[SupportItem]:
    package = package_of(session, programme_id)
    if package is None:
        return []
    return list(
        session.scalars(
            select(SupportItem).where(SupportItem.package_id == package.id).order_by(SupportItem.created_at)
        )
    )


def _provided(
    session: Session, programme: Programme, *, comment: str, meeting: Meeting | None
) -> set[Requirement]:
    given: set[Requirement] = set()
    if meeting is not None:
        given.add(Requirement.MINUTES)
    if comment.strip():
        given.add(Requirement.COMMENT)
    if items_of(session, programme.id):
        given.add(Requirement.PACKAGE)
    if session.scalar(
        select(func.count(Allocation.id))
        .join(SupportItem, SupportItem.id == Allocation.item_id)
        .join(SupportPackage, SupportPackage.id == SupportItem.package_id)
        .where(SupportPackage.programme_id == programme.id)
    ):
        given.add(Requirement.ALLOCATION)
    if session.scalar(select(func.count(Activity.id)).where(Activity.programme_id == programme.id)):
        given.add(Requirement.ACTIVITIES)
    return given


def transition(
    session: Session,
    actor: Actor,
    programme_id: str,
    action: str,
    *,
    comment: str = "",
    meeting_id: str | None = None,
) -> Transition:
    """Take ``action`` on a programme, or refuse with a clear message and change nothing."""
    programme = get_programme(session, programme_id)
    access.check_step(actor, programme)
    meeting = meeting_of(session, actor, meeting_id)
    given = _provided(session, programme, comment=comment, meeting=meeting)
    rule_in_force = instructions.authority(session)
    if rule_in_force is not None and rule_in_force.covers(programme.budget_rial):
        given.add(Requirement.AUTHORITY)
    try:
        rule = PROGRAMME_WORKFLOW.check(
            programme.state, action, role=actor.role, office=actor.office_kind, provided=given
        )
    except TransitionError as e:
        if Requirement.AUTHORITY not in given and e.field == Requirement.AUTHORITY.value:
            raise TransitionError(*_beyond_authority(programme, rule_in_force), field=e.field) from None
        raise
    if rule.action == "approve_provincial":
        assert rule_in_force is not None  # AUTHORITY was given
        programme.authority_revision = rule_in_force.revision
    row = record_step(
        session, actor, rule, programme.state, comment=comment, meeting=meeting, programme_id=programme.id
    )
    package = package_of(session, programme.id)
    if rule.action == "approve_package" and package is not None:
        # F11: approved and notified to the responsible agencies in the same decision.
        package.status = "notified"
        package.meeting_id = meeting.id if meeting else None
        package.notified_on = today()
        _touch_package(package)
    programme.state = rule.target
    _touch(programme, actor)
    session.flush()
    audit.record(
        session,
        actor,
        f"programme.{rule.action}",
        "programme",
        programme.id,
        to=rule.target,
        f_code=rule.f_code,
        minutes=row.minutes_number or None,
    )
    return row


def _beyond_authority(programme: Programme, rule: instructions.Authority | None) -> tuple[str, str]:
    """Why the province may not approve this programme itself: the ceiling it is above, or none."""
    budget = programme.budget_rial
    if rule is None or rule.ceiling_rial is None:
        return (
            "سازمان توسعه تجارت هنوز سقف اختیارات استان را در دستورالعمل پذیرش طرح‌های توسعه‌ای (F5-2) "
            "تعیین نکرده است؛ تا آن زمان طرح‌ها به کارگروه مرکز ارجاع می‌شوند.",
            "The centre has not yet set the provincial ceiling in the instruction for accepting "
            "programmes (F5-2); until then programmes are referred to the central working group.",
        )
    return (
        f"اعتبار درخواستی ({format_int(budget)} ریال) از سقف اختیارات استان ({format_int(rule.ceiling_rial)} "
        f"ریال، دستورالعمل F5-2 بازنگری {to_persian_digits(rule.revision)}) بیشتر است؛ طرح را به کارگروه "
        "مرکز ارجاع دهید.",
        f"The budget asked for ({budget:,} rial) is above the provincial ceiling ({rule.ceiling_rial:,} "
        f"rial, instruction F5-2 revision {rule.revision}); refer the programme to the central working group.",
    )


def allowed_actions(session: Session, actor: Actor, programme_id: str) -> list[Rule]:
    """The steps ``actor`` may offer on this programme: a province on its own, the centre on any."""
    programme = get_programme(session, programme_id)
    if not access.may_step(actor, programme):
        return []
    return PROGRAMME_WORKFLOW.allowed(programme.state, actor.role, actor.office_kind)


Authority = instructions.Authority


def authority_in_force(session: Session) -> Authority | None:
    """The rule of provincial authority in force here (instruction F5-2's newest revision)."""
    return instructions.authority(session)


def capabilities(session: Session, actor: Actor, programme_id: str) -> access.Capabilities:
    """Which parts of the programme this office may change now (the screen's buttons)."""
    return access.capabilities(actor, get_programme(session, programme_id))


def history(session: Session, programme_id: str) -> list[Transition]:
    return list(
        session.scalars(
            select(Transition)
            .where(Transition.programme_id == programme_id)
            .order_by(Transition.at, Transition.created_at)
        )
    )


# ---------------------------------------------------------------- support package (F10, F11)


@dataclass
class ItemInput:
    title: str = ""
    organization_code: str = ""
    amount_rial: int | str | None = None
    description: str = ""


def add_item(session: Session, actor: Actor, programme_id: str, data: ItemInput) -> SupportItem:
    """Add an item to the programme's support package (made on the first item), with its agency."""
    _editor(actor, "تنظیم بستهٔ حمایتی", "draw up support packages")
    programme = get_programme(session, programme_id)
    _in_state(programme, PACKAGE_EDITABLE, "تغییر اقلام بستهٔ حمایتی", "Changing the support package")
    c = FieldCollector()
    title = forms.text(c, data.title, "item_title", "عنوان قلم حمایتی", "Item", required=True)
    if not data.organization_code or session.get(Organization, data.organization_code) is None:
        c.add("organization", "دستگاه مسئول را انتخاب کنید.", "Choose the responsible agency.")
    amount = _rial(c, data.amount_rial, "item_amount", "مبلغ (ریال)", "Amount (rial)", required=True)
    if amount == 0 and not any(e.field == "item_amount" for e in c.errors):
        c.add("item_amount", "مبلغ قلم حمایتی باید بیش از صفر باشد.", "The item's amount must be above zero.")
    description = forms.text(
        c, data.description, "item_description", "شرح", "Description", single_line=False, max_len=5000
    )
    c.raise_if_any()
    package = package_of(session, programme.id)
    if package is None:
        package = SupportPackage(
            owner_office_id=actor.office_id,
            programme_id=programme.id,
            cluster_id=programme.cluster_id,
            title=f"بستهٔ حمایتی تخصصی — {programme.title}",
            status="proposed",
        )
        session.add(package)
        session.flush()
    else:
        _touch_package(package)
    item = SupportItem(
        owner_office_id=actor.office_id,
        package_id=package.id,
        title=title,
        organization_code=data.organization_code,
        amount_rial=amount,
        description=description,
    )
    session.add(item)
    _touch(programme, actor)
    session.flush()
    audit.record(session, actor, "programme.add_item", "support_item", item.id, programme=programme.id)
    return item


def _touch_package(package: SupportPackage) -> None:
    """The package travels as a whole with its items: any change to it is a new version of it."""
    package.version += 1
    package.updated_at = utcnow()


def remove_item(session: Session, actor: Actor, item_id: str) -> None:
    _editor(actor, "تنظیم بستهٔ حمایتی", "draw up support packages")
    item = session.get(SupportItem, item_id)
    package = session.get(SupportPackage, item.package_id) if item else None
    if item is None or package is None or package.programme_id is None:
        raise NotFound("قلم حمایتی پیدا نشد.", "Support item not found.")
    programme = get_programme(session, package.programme_id)
    _in_state(programme, PACKAGE_EDITABLE, "تغییر اقلام بستهٔ حمایتی", "Changing the support package")
    session.delete(item)
    _touch_package(package)
    _touch(programme, actor)
    session.flush()
    audit.record(session, actor, "programme.remove_item", "support_item", item_id, programme=programme.id)


# ---------------------------------------------------------------- allocations (F12)


@dataclass
class AllocationInput:
    item_id: str = ""
    amount_rial: int | str | None = None
    allocated_on: str | date | None = None
    reference: str = ""


def allocated_to(session: Session, item_id: str) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(Allocation.amount_rial), 0)).where(Allocation.item_id == item_id)
        )
        or 0
    )


def add_allocation(session: Session, actor: Actor, data: AllocationInput) -> Allocation:
    """Record resources the item's responsible agency allocated (F12); never more than the item asks."""
    _editor(actor, "ثبت تخصیص منابع", "record allocations")
    item = session.get(SupportItem, data.item_id) if data.item_id else None
    package = session.get(SupportPackage, item.package_id) if item else None
    c = FieldCollector()
    if item is None or package is None or package.programme_id is None:
        c.add("allocation_item", "قلم حمایتی را انتخاب کنید.", "Choose the support item.")
        c.raise_if_any()
    assert item is not None and package is not None and package.programme_id is not None
    programme = get_programme(session, package.programme_id)
    _in_state(programme, ALLOCATING, "ثبت تخصیص", "Recording an allocation")
    amount = _rial(
        c, data.amount_rial, "allocation_amount", "مبلغ تخصیص (ریال)", "Amount (rial)", required=True
    )
    if amount == 0 and not c.errors:
        c.add(
            "allocation_amount",
            "مبلغ تخصیص باید بیش از صفر باشد.",
            "The allocated amount must be above zero.",
        )
    on = (
        forms.jalali(c, data.allocated_on, "allocation_date", "تاریخ تخصیص", "Allocated on", required=False)
        or today()
    )
    if on > today():
        c.add(
            "allocation_date",
            "تاریخ تخصیص نمی‌تواند در آینده باشد.",
            "The allocation date cannot be in the future.",
        )
    reference = forms.text(c, data.reference, "allocation_reference", "شمارهٔ نامه یا سند", "Reference")
    already = allocated_to(session, item.id)
    if amount and already + amount > item.amount_rial:
        c.add(
            "allocation_amount",
            f"جمع تخصیص‌ها از مبلغ این قلم ({item.amount_rial:,} ریال) بیشتر می‌شود.",
            f"Allocations would exceed the item's amount ({item.amount_rial:,} rial).",
        )
    c.raise_if_any()
    row = Allocation(
        owner_office_id=actor.office_id,
        item_id=item.id,
        organization_code=item.organization_code,
        amount_rial=amount,
        allocated_on=on,
        reference=reference,
    )
    session.add(row)
    _touch(programme, actor)
    session.flush()
    audit.record(session, actor, "programme.allocate", "allocation", row.id, programme=programme.id)
    return row


# ---------------------------------------------------------------- activities (F13)


@dataclass
class ActivityInput:
    title: str = ""
    responsible: str = ""
    starts_on: str | date | None = None
    ends_on: str | date | None = None
    progress_percent: int | str | None = 0


def _activity_values(c: FieldCollector, data: ActivityInput) -> dict[str, object]:
    title = forms.text(c, data.title, "activity_title", "عنوان فعالیت", "Activity", required=True)
    responsible = forms.text(
        c, data.responsible, "activity_responsible", "مجری", "Responsible", required=True
    )
    starts = forms.jalali(c, data.starts_on, "activity_starts", "تاریخ شروع", "Starts on", required=False)
    ends = forms.jalali(c, data.ends_on, "activity_ends", "تاریخ پایان", "Ends on", required=False)
    if starts and ends and ends < starts:
        c.add("activity_ends", "تاریخ پایان پیش از تاریخ شروع است.", "The end date is before the start date.")
    progress = forms.number(
        c, data.progress_percent, "activity_progress", "پیشرفت (درصد)", "Progress (%)", minimum=0, maximum=100
    )
    return {
        "title": title,
        "responsible": responsible,
        "starts_on": starts,
        "ends_on": ends,
        "progress_percent": progress,
    }


def add_activity(session: Session, actor: Actor, programme_id: str, data: ActivityInput) -> Activity:
    """Plan an execution activity (F13), from the approval of the package on; a province for the
    programmes in its province."""
    _clerk(actor, "ثبت فعالیت اجرایی", "record activities")
    programme = get_programme(session, programme_id)
    access.check_reporter(actor, programme)
    _in_state(programme, EXECUTING, "ثبت فعالیت اجرایی", "Recording an activity")
    c = FieldCollector()
    values = _activity_values(c, data)
    c.raise_if_any()
    row = Activity(owner_office_id=actor.office_id, programme_id=programme.id, **values)
    session.add(row)
    _touch(programme, actor)
    session.flush()
    audit.record(session, actor, "programme.add_activity", "activity", row.id, programme=programme.id)
    return row


def update_activity(session: Session, actor: Actor, activity_id: str, data: ActivityInput) -> Activity:
    """Change an activity, typically its progress during execution (the recording office only)."""
    _clerk(actor, "ثبت فعالیت اجرایی", "record activities")
    row = session.get(Activity, activity_id)
    if row is None:
        raise NotFound("فعالیت پیدا نشد.", "Activity not found.")
    access.check_row_owner(actor, row.owner_office_id, "فعالیت", "activity")
    programme = get_programme(session, row.programme_id)
    _in_state(programme, EXECUTING, "تغییر فعالیت اجرایی", "Changing an activity")
    c = FieldCollector()
    values = _activity_values(c, data)
    c.raise_if_any()
    for key, value in values.items():
        setattr(row, key, value)
    row.version += 1
    _touch(programme, actor)
    session.flush()
    audit.record(session, actor, "programme.update_activity", "activity", row.id, programme=programme.id)
    return row


def activities(session: Session, programme_id: str) -> list[Activity]:
    return list(
        session.scalars(
            select(Activity)
            .where(Activity.programme_id == programme_id)
            .order_by(Activity.starts_on.is_(None), Activity.starts_on, Activity.created_at)
        )
    )


# ---------------------------------------------------------------- monitoring (F14)


@dataclass
class IndicatorInput:
    title: str = ""
    unit: str = ""
    baseline: int | str | None = 0


@dataclass
class ValueInput:
    indicator_id: str = ""
    period: str = ""
    target: int | str | None = None
    actual: int | str | None = None
    feedback: str = ""


def add_indicator(session: Session, actor: Actor, programme_id: str, data: IndicatorInput) -> Indicator:
    _clerk(actor, "تعریف شاخص پایش", "define monitoring indicators")
    programme = get_programme(session, programme_id)
    access.check_reporter(actor, programme)
    _in_state(programme, MONITORED, "تعریف شاخص", "Defining an indicator")
    c = FieldCollector()
    title = forms.text(c, data.title, "indicator_title", "عنوان شاخص", "Indicator", required=True)
    unit = forms.text(c, data.unit, "indicator_unit", "واحد", "Unit", required=True, max_len=32)
    baseline = forms.number(
        c, data.baseline, "indicator_baseline", "مقدار پایه", "Baseline", maximum=MAX_RIAL
    )
    c.raise_if_any()
    if session.scalar(
        select(Indicator.id).where(Indicator.programme_id == programme.id, Indicator.title == title)
    ):
        raise ConflictError(
            "شاخصی با همین عنوان هست.", "An indicator with this title exists.", field="indicator_title"
        )
    row = Indicator(
        owner_office_id=actor.office_id, programme_id=programme.id, title=title, unit=unit, baseline=baseline
    )
    session.add(row)
    _touch(programme, actor)
    session.flush()
    audit.record(session, actor, "programme.add_indicator", "indicator", row.id, programme=programme.id)
    return row


def parse_period(text: str) -> str | None:
    """A Jalali year ("1405") or quarter ("1405-Q2", also with Persian digits or "ف"/"س" forms)."""
    raw = to_latin_digits(text or "").strip().upper().replace(" ", "").replace("/", "-")
    raw = raw.replace("فصل", "Q").replace("-Q-", "-Q")
    m = _PERIOD.match(raw)
    if not m:
        return None
    return f"{m.group(1)}-Q{m.group(2)}" if m.group(2) else m.group(1)


def set_value(session: Session, actor: Actor, data: ValueInput) -> IndicatorValue:
    """Record the target and, later, the actual of an indicator for a period (F14); a period's values
    belong to the office that defined the indicator."""
    _clerk(actor, "ثبت مقادیر پایش", "record monitoring values")
    indicator = session.get(Indicator, data.indicator_id) if data.indicator_id else None
    c = FieldCollector()
    if indicator is None:
        c.add("value_indicator", "شاخص را انتخاب کنید.", "Choose the indicator.")
        c.raise_if_any()
    assert indicator is not None
    programme = get_programme(session, indicator.programme_id)
    access.check_reporter(actor, programme)
    access.check_row_owner(actor, indicator.owner_office_id, "شاخص", "indicator")
    _in_state(programme, MONITORED, "ثبت مقادیر پایش", "Recording monitoring values")
    period = parse_period(data.period)
    if period is None:
        c.add(
            "value_period",
            "دوره را به شکل سال (۱۴۰۵) یا فصل (۱۴۰۵-Q2) بنویسید.",
            "Write the period as a year (1405) or a quarter (1405-Q2).",
        )
    target = forms.number(c, data.target, "value_target", "هدف", "Target", maximum=MAX_RIAL, required=True)
    actual_text = str(data.actual) if isinstance(data.actual, int) else (data.actual or "").strip()
    actual = (
        forms.number(c, actual_text, "value_actual", "مقدار واقعی", "Actual", maximum=MAX_RIAL)
        if actual_text
        else None
    )
    feedback = forms.text(
        c, data.feedback, "value_feedback", "بازخورد", "Feedback", single_line=False, max_len=5000
    )
    c.raise_if_any()
    row = session.scalar(
        select(IndicatorValue).where(
            IndicatorValue.indicator_id == indicator.id, IndicatorValue.period == period
        )
    )
    if row is None:
        row = IndicatorValue(
            owner_office_id=actor.office_id, indicator_id=indicator.id, period=period, target=target
        )
        session.add(row)
    else:
        row.version += 1
    row.target, row.actual, row.feedback = target, actual, feedback
    _touch(programme, actor)
    session.flush()
    audit.record(
        session, actor, "programme.monitor", "indicator_value", row.id, programme=programme.id, period=period
    )
    return row


@dataclass(frozen=True)
class MonitoringRow:
    indicator_id: str
    title: str
    unit: str
    baseline: int
    period: str | None
    target: int | None
    actual: int | None
    feedback: str
    office_id: str = ""  # the office that defined the indicator and reports on it

    @property
    def gap(self) -> int | None:
        """Actual minus target: negative when behind."""
        return None if self.target is None or self.actual is None else self.actual - self.target

    @property
    def achieved_percent(self) -> float | None:
        if self.target is None or self.actual is None or self.target == 0:
            return None
        return 100.0 * self.actual / self.target


def monitoring(session: Session, programme_id: str) -> list[MonitoringRow]:
    """Every indicator with each period's target, actual and gap; an indicator without values once."""
    out: list[MonitoringRow] = []
    indicators = session.scalars(
        select(Indicator).where(Indicator.programme_id == programme_id).order_by(Indicator.created_at)
    )
    for ind in indicators:
        values = list(
            session.scalars(
                select(IndicatorValue)
                .where(IndicatorValue.indicator_id == ind.id)
                .order_by(IndicatorValue.period)
            )
        )
        office = ind.owner_office_id
        if not values:
            out.append(MonitoringRow(ind.id, ind.title, ind.unit, ind.baseline, None, None, None, "", office))
        for v in values:
            out.append(
                MonitoringRow(
                    ind.id,
                    ind.title,
                    ind.unit,
                    ind.baseline,
                    v.period,
                    v.target,
                    v.actual,
                    v.feedback,
                    office,
                )
            )
    return out


# ---------------------------------------------------------------- lists


@dataclass(frozen=True)
class ProgrammeRow:
    id: str
    title: str
    cluster_name: str
    province_code: str
    province_fa: str
    proposer_name: str
    proposer_kind: str
    state: str
    submitted_on: date
    budget_rial: int
    package_rial: int
    allocated_rial: int
    progress_percent: int | None


def programme_rows(
    session: Session,
    *,
    states: frozenset[str] | None = None,
    search: str = "",
    province_code: str | None = None,
) -> list[ProgrammeRow]:
    """The centre's programmes with their package, allocation and execution totals."""
    package_total = (
        select(SupportPackage.programme_id.label("pid"), func.sum(SupportItem.amount_rial).label("total"))
        .join(SupportItem, SupportItem.package_id == SupportPackage.id)
        .group_by(SupportPackage.programme_id)
        .subquery()
    )
    allocated_total = (
        select(SupportPackage.programme_id.label("pid"), func.sum(Allocation.amount_rial).label("total"))
        .join(SupportItem, SupportItem.package_id == SupportPackage.id)
        .join(Allocation, Allocation.item_id == SupportItem.id)
        .group_by(SupportPackage.programme_id)
        .subquery()
    )
    progress = (
        select(Activity.programme_id.label("pid"), func.avg(Activity.progress_percent).label("avg"))
        .group_by(Activity.programme_id)
        .subquery()
    )
    q = (
        select(
            Programme,
            Cluster.name,
            Cluster.search_text,
            Province.name_fa,
            package_total.c.total,
            allocated_total.c.total,
            progress.c.avg,
        )
        .join(Cluster, Cluster.id == Programme.cluster_id)
        .join(Province, Province.code == Programme.province_code)
        .outerjoin(package_total, package_total.c.pid == Programme.id)
        .outerjoin(allocated_total, allocated_total.c.pid == Programme.id)
        .outerjoin(progress, progress.c.pid == Programme.id)
        .order_by(Programme.submitted_on.desc(), Programme.created_at.desc())
    )
    if states:
        q = q.where(Programme.state.in_(sorted(states)))
    if province_code:
        q = q.where(Programme.province_code == province_code)
    needle = normalize_for_search(search)
    out = []
    for p, cluster_name, cluster_text, province_fa, pkg, alloc, avg in session.execute(q):
        if needle and needle not in " ".join(
            (normalize_for_search(p.title), normalize_for_search(p.proposer_name), cluster_text or "")
        ):
            continue
        out.append(
            ProgrammeRow(
                id=p.id,
                title=p.title,
                cluster_name=cluster_name,
                province_code=p.province_code,
                province_fa=province_fa,
                proposer_name=p.proposer_name,
                proposer_kind=p.proposer_kind,
                state=p.state,
                submitted_on=p.submitted_on,
                budget_rial=p.budget_rial,
                package_rial=int(pkg or 0),
                allocated_rial=int(alloc or 0),
                progress_percent=None if avg is None else round(avg),
            )
        )
    return out


@dataclass(frozen=True)
class ItemRow:
    id: str
    title: str
    organization_code: str
    organization_fa: str
    amount_rial: int
    allocated_rial: int
    description: str


def item_rows(session: Session, programme_id: str) -> list[ItemRow]:
    out = []
    for item in items_of(session, programme_id):
        org = session.get(Organization, item.organization_code)
        out.append(
            ItemRow(
                item.id,
                item.title,
                item.organization_code,
                org.name_fa if org else item.organization_code,
                item.amount_rial,
                allocated_to(session, item.id),
                item.description,
            )
        )
    return out


@dataclass(frozen=True)
class AllocationRow:
    id: str
    item_title: str
    organization_fa: str
    amount_rial: int
    allocated_on: date
    reference: str


def allocation_rows(session: Session, programme_id: str) -> list[AllocationRow]:
    rows = session.execute(
        select(Allocation, SupportItem.title, Organization.name_fa)
        .join(SupportItem, SupportItem.id == Allocation.item_id)
        .join(SupportPackage, SupportPackage.id == SupportItem.package_id)
        .join(Organization, Organization.code == Allocation.organization_code)
        .where(SupportPackage.programme_id == programme_id)
        .order_by(Allocation.allocated_on, Allocation.created_at)
    )
    return [
        AllocationRow(a.id, title, org, a.amount_rial, a.allocated_on, a.reference) for a, title, org in rows
    ]


def agencies(session: Session) -> list[tuple[str, str, str]]:
    """(code, Persian name, English name) of the seed's agencies, for the responsible-agency choice."""
    rows = session.execute(
        select(Organization.code, Organization.name_fa, Organization.name_en).order_by(
            Organization.matrix_column.is_(None), Organization.matrix_column, Organization.code
        )
    )
    return [(code, fa, en) for code, fa, en in rows]


def summary_line(programme: Programme) -> str:
    """One line for headers and dialogs: title, proposer and the date received (Persian)."""
    kind = PROPOSER_KINDS.get(programme.proposer_kind, ("", ""))[0]
    return f"{programme.title} — {programme.proposer_name} ({kind})، {format_jalali(programme.submitted_on)}"


def programme_input(session: Session, programme_id: str) -> ProgrammeInput:
    """The programme's current values, for its edit form."""
    p = get_programme(session, programme_id)
    return ProgrammeInput(
        p.cluster_id,
        p.title,
        p.proposer_name,
        p.proposer_kind,
        p.submitted_on,
        p.budget_rial,
        p.description,
        p.proposer_national_id,
        p.proposer_registration_no,
        p.proposer_phone,
        p.proposer_address,
    )


def indicators(session: Session, programme_id: str) -> list[Indicator]:
    return list(
        session.scalars(
            select(Indicator).where(Indicator.programme_id == programme_id).order_by(Indicator.created_at)
        )
    )


@dataclass(frozen=True)
class ProgrammeHeader:
    id: str
    title: str
    cluster_name: str
    province_fa: str
    proposer_name: str
    proposer_kind: str
    state: str
    submitted_on: date
    budget_rial: int
    description: str
    package_status: str | None
    package_notified_on: date | None
    package_rial: int = 0
    allocated_rial: int = 0
    activities: int = 0
    progress_percent: int | None = None  # mean progress of the activities
    behind_target: int = 0  # periods whose actual is below the target
    owner_office_id: str = ""  # the office that recorded it
    proposer_national_id: str = ""
    proposer_registration_no: str = ""
    proposer_phone: str = ""
    proposer_address: str = ""
    authority_revision: int | None = None  # F9-2: the F5-2 revision whose ceiling was applied
    authority_ceiling_rial: int | None = None

    @property
    def at_centre(self) -> bool:
        """Handed in at the centre's secretariat (else at a province's)."""
        return self.owner_office_id == CENTRAL_OFFICE_ID


def header(session: Session, programme_id: str) -> ProgrammeHeader:
    p = get_programme(session, programme_id)
    rule = instructions.revision(session, instructions.AUTHORITY_CODE, p.authority_revision)
    cluster = session.get(Cluster, p.cluster_id)
    province = session.get(Province, p.province_code)
    package = package_of(session, p.id)
    items = item_rows(session, p.id)
    acts = activities(session, p.id)
    return ProgrammeHeader(
        p.id,
        p.title,
        cluster.name if cluster else "",
        province.name_fa if province else p.province_code,
        p.proposer_name,
        p.proposer_kind,
        p.state,
        p.submitted_on,
        p.budget_rial,
        p.description,
        package.status if package else None,
        package.notified_on if package else None,
        package_rial=sum(i.amount_rial for i in items),
        allocated_rial=sum(i.allocated_rial for i in items),
        activities=len(acts),
        progress_percent=round(sum(a.progress_percent for a in acts) / len(acts)) if acts else None,
        behind_target=sum(1 for r in monitoring(session, p.id) if r.gap is not None and r.gap < 0),
        owner_office_id=p.owner_office_id,
        proposer_national_id=p.proposer_national_id,
        proposer_registration_no=p.proposer_registration_no,
        proposer_phone=p.proposer_phone,
        proposer_address=p.proposer_address,
        authority_revision=rule.revision if rule else None,
        authority_ceiling_rial=rule.provincial_ceiling_rial if rule else None,
    )


# Programmes on the central working group's table: a decision on the programme (F9-3) or its package (F11).
AWAITING_GROUP = frozenset({P.REFERRED_TO_CENTER, P.PACKAGE_PROPOSED})


def awaiting_group(session: Session) -> list[ProgrammeRow]:
    """Programmes waiting for a decision of the central working group, oldest first."""
    return sorted(programme_rows(session, states=AWAITING_GROUP), key=lambda r: (r.submitted_on, r.id))
