"""Printing use cases (Qt-free): load a document's data, check who may print it, write the PDF.

Any user of this office may print what the application shows them; evaluation sheets follow the
evaluation rules: a member may print their own sheet at any time (a draft too), other members'
sheets and the consolidated sheet only once their own is submitted (secretaries and viewers always).
``target`` is a path (written atomically: a failed print leaves no half file) or a binary file object.
License verification (offline, against the centre's public key) is at the end of this module.
"""

from __future__ import annotations

import io
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import DomainError, NotFound, PermissionDenied, ValidationError, bilingual
from cluster_desktop.domain.jalali import format_jalali, today
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import MEMBER_ROLE_TITLES, MemberRole, OfficeKind
from cluster_desktop.domain.scoring import DISAGREEMENT_SPREAD, CriterionWeight, sheet_score
from cluster_desktop.domain.workflow import (
    DOSSIER_STATE_TITLES,
    DOSSIER_WORKFLOW,
    PROGRAMME_STATE_TITLES,
    PROGRAMME_WORKFLOW,
)
from cluster_desktop.printing.documents import (
    build_license,
    build_matrix,
    build_minutes,
    build_nomination,
    build_plan,
    build_programme_report,
    build_ranking,
    build_sheets,
    build_summary,
)
from cluster_desktop.printing.documents import common as doc
from cluster_desktop.printing.documents import evaluation as ev
from cluster_desktop.printing.documents import instruction as ins_doc
from cluster_desktop.printing.documents import license as lic_doc
from cluster_desktop.printing.documents import matrix as mx
from cluster_desktop.printing.documents import minutes as mn
from cluster_desktop.printing.documents import nomination as nom
from cluster_desktop.printing.documents import plan as pl
from cluster_desktop.printing.documents import programme as pr
from cluster_desktop.printing.documents import province_map as pm_doc
from cluster_desktop.printing.documents import ranking as rk
from cluster_desktop.store.models import (
    Attendance,
    Cluster,
    CriteriaSet,
    DatabankEntry,
    Dossier,
    Evaluation,
    Instruction,
    License,
    LocalKeys,
    Meeting,
    Member,
    Office,
    Organization,
    ProcessStep,
    Programme,
    Province,
    Responsibility,
    Transition,
    TrustedKey,
    WorkingGroup,
)
from cluster_desktop.store.reference import CENTRAL_OFFICE_ID
from cluster_desktop.sync.keys import public_key_from_b64

from . import evaluation_rounds, evaluations, plans, province_map, rankings
from . import instructions as ins
from . import programmes as prog
from .actor import Actor
from .licenses import QR_PREFIX, qr_text, verify_license_text
from .office_details import details_of
from .users import local_office

T = TypeVar("T")
DOCUMENT_KINDS = (
    "nomination",
    "plan",
    "evaluation",
    "evaluation-summary",
    "license",
    "minutes",
    "ranking",
    "matrix",
    "instruction",
)
_MIN_PREFIX = 6


# ----------------------------------------------------------------------------- shared look-ups


def _reader(session: Session, actor: Actor) -> Office:
    """The local office, after checking the actor belongs to it (anyone there may print)."""
    office = local_office(session)
    if actor.office_id != office.id:
        raise PermissionDenied("این کاربر از دفتر دیگری است.", "This user belongs to another office.")
    return office


def _by_id(session: Session, model: type[T], ident: str, fa: str, en: str) -> T:
    """A record by its id or by a unique prefix of it (lists show the first eight characters)."""
    ident = ident.strip()
    row = session.get(model, ident) if ident else None
    if row is not None:
        return row
    if len(ident) >= _MIN_PREFIX:
        id_col = model.id  # type: ignore[attr-defined]  # every printable record has a string id
        found = list(session.scalars(select(model).where(id_col.startswith(ident, autoescape=True)).limit(2)))
        if len(found) == 1:
            return found[0]
    raise NotFound(f"{fa} با شناسهٔ «{ident}» پیدا نشد.", f"No {en} with id '{ident}'.")


def find_dossier(session: Session, ident: str) -> Dossier:
    return _by_id(session, Dossier, ident, "پرونده", "dossier")


def find_meeting(session: Session, ident: str) -> Meeting:
    return _by_id(session, Meeting, ident, "جلسه", "meeting")


def find_programme(session: Session, ident: str) -> Programme:
    return _by_id(session, Programme, ident, "طرح توسعه‌ای", "development programme")


def letterhead(session: Session, office_id: str) -> doc.Letterhead:
    """The office's letterhead with what its secretariat recorded (for a peer: as last received)."""
    if session.get(Office, office_id) is None:
        return doc.Letterhead()
    d = details_of(session, office_id)
    return doc.Letterhead.for_office(
        d.office_name,
        central=d.central,
        image=d.letterhead,
        text_line=d.letterhead_text,
        address=d.address,
        postal_code=d.postal_code,
        phone=d.phone,
        email=d.email,
    )


def _province_name(session: Session, code: str | None) -> str:
    p = session.get(Province, code) if code else None
    return p.name_fa if p else (code or "")


def _org_name(session: Session, code: str | None) -> str:
    o = session.get(Organization, code) if code else None
    return o.name_fa if o else ""


def _seat(member: Member) -> str:
    try:
        return MEMBER_ROLE_TITLES[MemberRole(member.member_role)][0]
    except ValueError:
        return member.member_role


def _group_of(session: Session, office_id: str) -> WorkingGroup | None:
    return session.scalar(select(WorkingGroup).where(WorkingGroup.owner_office_id == office_id))


def _signatories(session: Session, office_id: str) -> list[doc.Signatory]:
    """Chair and secretary of the office's working group (the first signs on the right)."""
    group = _group_of(session, office_id)
    office = details_of(session, office_id)
    if group is None:
        return [doc.Signatory(office.head_post, office.head_name)]
    members = list(
        session.scalars(select(Member).where(Member.group_id == group.id, Member.active.is_(True)))
    )
    by_seat = {m.member_role: m.full_name for m in members}
    # The secretariat's head and secretary (F1/F2) sit in those seats when the group names nobody.
    chair = by_seat.get(MemberRole.CHAIR.value) or office.head_name
    secretary = by_seat.get(MemberRole.SECRETARY.value) or office.secretary_name
    return [doc.Signatory(f"رئیس {group.name_fa}", chair), doc.Signatory(f"دبیر {group.name_fa}", secretary)]


def profile_of(session: Session, cluster: Cluster) -> doc.ClusterProfile:
    return doc.ClusterProfile(
        name=cluster.name,
        province=_province_name(session, cluster.province_code),
        county=cluster.county,
        city=cluster.city,
        sector=cluster.sector,
        description=cluster.description,
        firms_count=cluster.firms_count,
        employees=cluster.employees,
        annual_production_rial=cluster.annual_production_rial,
        annual_exports_usd=cluster.annual_exports_usd,
        managing_entity=cluster.managing_entity,
        managing_entity_type=cluster.managing_entity_type,
        managing_entity_reg_no=cluster.managing_entity_reg_no,
        contact_name=cluster.contact_name,
        contact_phone=cluster.contact_phone,
        contact_email=cluster.contact_email,
        address=cluster.address,
        national_priority=cluster.national_priority,
        products=tuple(doc.ProductLine(p.hs_code, p.name_fa) for p in cluster.products),
        markets=tuple(doc.MarketLine(m.country_fa, m.share_percent) for m in cluster.markets),
        firms=tuple(doc.FirmLine(f.name, f.national_id, f.employees, f.exporter) for f in cluster.firms),
        yearly=tuple(
            doc.YearLine(y.year, y.production_rial, y.exports_usd, y.employees) for y in cluster.yearly
        ),
    )


def _state_fa(state: str) -> str:
    return DOSSIER_STATE_TITLES.get(state, (state, state))[0]


def write_pdf(target: Any, build: Callable[[Any], None]) -> None:
    """Run ``build`` into memory, then write the bytes (atomically for a path) or hand them to a file."""
    buf = io.BytesIO()
    build(buf)
    data = buf.getvalue()
    if hasattr(target, "write"):
        target.write(data)
        return
    path = Path(target)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


# ----------------------------------------------------------------------------- nomination, plan


def nomination_data(session: Session, actor: Actor, dossier_id: str) -> nom.NominationData:
    _reader(session, actor)
    d = find_dossier(session, dossier_id)
    group = _group_of(session, d.owner_office_id)
    return nom.NominationData(
        letterhead=letterhead(session, d.owner_office_id),
        profile=profile_of(session, d.cluster),
        letter_no=d.nomination_letter_no,
        nominated_on=d.nominated_on,
        note=d.nomination_note,
        state_title=_state_fa(d.state),
        group_name=group.name_fa if group else "",
        signatories=_signatories(session, d.owner_office_id),
    )


def print_nomination(session: Session, actor: Actor, dossier_id: str, target: Any) -> None:
    """The nomination form of a dossier."""
    data = nomination_data(session, actor, dossier_id)
    write_pdf(target, lambda out: build_nomination(data, out))


def plan_data(session: Session, actor: Actor, dossier_id: str) -> pl.PlanData:
    _reader(session, actor)
    d = find_dossier(session, dossier_id)
    plan = plans.plan_of(session, d.id)
    if plan is None:
        raise NotFound("این پرونده هنوز طرح توجیهی ندارد.", "This dossier has no feasibility plan yet.")
    return pl.PlanData(
        letterhead=letterhead(session, d.owner_office_id),
        cluster_name=d.cluster.name,
        province=_province_name(session, d.province_code),
        county=d.cluster.county,
        sections=[pl.PlanSection(fa, getattr(plan, key)) for key, fa, _ in plans.SECTIONS],
        investment_rial=plan.investment_rial,
        targets=[pl.TargetLine(t.year, t.export_usd, t.employment) for t in plan.targets],
        attachments=[
            pl.AttachmentLine(a.title, a.filename, a.size, a.media_type)
            for a in plans.list_attachments(session, d.id)
        ],
        products=[doc.ProductLine(p.hs_code, p.name_fa) for p in d.cluster.products],
        managing_entity=d.cluster.managing_entity,
        submitted_on=plan.submitted_at or _last_transition_at(session, d.id, "submit_plan"),
        updated_on=plan.updated_at,
        state_title=_state_fa(d.state),
        missing=[] if plans.is_complete(session, d.id) else plans.missing_sections(session, d.id),
        letter_no=d.nomination_letter_no,
        signatories=[
            doc.Signatory("نمایندهٔ " + (d.cluster.managing_entity or "شخصیت حقوقی مدیریت خوشه"), ""),
            *(s for s in _signatories(session, d.owner_office_id) if s.post.startswith("دبیر")),
        ],
    )


def _last_transition_at(session: Session, dossier_id: str, action: str) -> Any:
    return session.scalar(
        select(Transition.at)
        .where(Transition.dossier_id == dossier_id, Transition.action == action)
        .order_by(Transition.at.desc())
        .limit(1)
    )


def print_plan(session: Session, actor: Actor, dossier_id: str, target: Any) -> None:
    """The feasibility plan of a dossier, with its targets and list of attachments."""
    data = plan_data(session, actor, dossier_id)
    write_pdf(target, lambda out: build_plan(data, out))


# ----------------------------------------------------------------------------- evaluation


def _level(session: Session, actor: Actor, dossier_id: str, level: str | None) -> str:
    """The level asked for; else the actor's, unless only the other level has sheets."""
    if level:
        if level not in ("province", "central"):
            raise NotFound("سطح ارزیابی باید province یا central باشد.", "The level is province or central.")
        return level
    mine = evaluations.level_of(actor)
    other = "province" if mine == "central" else "central"

    def has(lv: str) -> bool:  # sheets sent at that level, in any round
        return bool(
            session.scalar(
                select(Evaluation.id)
                .where(
                    Evaluation.dossier_id == dossier_id,
                    Evaluation.level == lv,
                    Evaluation.submitted_at.is_not(None),
                )
                .limit(1)
            )
        )

    return other if not has(mine) and has(other) else mine


def _set_title(cs: CriteriaSet) -> str:
    return f"{cs.title_fa} (ویرایش {to_persian_digits(cs.number)})"


def _round_title(session: Session, d: Dossier, level: str, number: int) -> str:
    """«۲ (جاری)، آغاز ۱۴۰۵/۰۲/۱۰»: the round, whether it is the dossier's current one, when it opened."""
    history = evaluation_rounds.rounds(session, d.id, level)
    info = history[min(number, len(history)) - 1]
    title = f"{to_persian_digits(number)} ({'جاری' if info.current else 'پیشین'})"
    return f"{title}، آغاز {format_jalali(info.opened_at)}" if info.opened_at else title


def _dossier_heading(
    session: Session, d: Dossier, level: str, cs: CriteriaSet, round_number: int | None = None
) -> ev.DossierHeading:
    group = _group_of(session, CENTRAL_OFFICE_ID if level == "central" else d.province_code)
    return ev.DossierHeading(
        cluster_name=d.cluster.name,
        province=_province_name(session, d.province_code),
        county=d.cluster.county,
        level_title=group.name_fa if group else "",
        criteria_set_title=_set_title(cs),
        state_title=_state_fa(d.state),
        round_title=_round_title(session, d, level, round_number) if round_number else "",
    )


def _criteria(cs: CriteriaSet) -> list[ev.CriterionLine]:
    return [
        ev.CriterionLine(
            c.code, c.title_fa, c.weight, {int(r["score"]): str(r.get("fa", "")) for r in (c.rubric or [])}
        )
        for c in cs.criteria
    ]


def _level_office(d: Dossier, level: str) -> str:
    return CENTRAL_OFFICE_ID if level == "central" else d.province_code


def evaluation_sheets_data(
    session: Session, actor: Actor, dossier_id: str, *, member_id: str | None = None, level: str | None = None
) -> list[ev.SheetData]:
    """One member's sheet (own sheet: also a draft) or every submitted sheet the actor may see."""
    _reader(session, actor)
    d = find_dossier(session, dossier_id)
    if member_id:
        q = select(Evaluation).where(Evaluation.dossier_id == d.id, Evaluation.member_id == member_id)
        if level:
            q = q.where(Evaluation.level == level)
        # the actor's level first, then the newest round (a member's sheet of the revised plan)
        found = sorted(
            session.scalars(q), key=lambda e: (e.level != evaluations.level_of(actor), -e.round_number)
        )
        if not found:
            raise NotFound("برگهٔ ارزیابی این عضو برای این پرونده پیدا نشد.", "No sheet of this member here.")
        sheet = found[0]
        if actor.member_id != member_id:
            if sheet.submitted_at is None:
                raise PermissionDenied(
                    "برگهٔ ارسال‌نشدهٔ عضو دیگر چاپ نمی‌شود.", "Another member's unsent sheet is not printed."
                )
            # raises if not yet allowed
            evaluations.visible_sheets(session, actor, d.id, sheet.level, sheet.round_number)
        sheets = [sheet]
    else:
        lv = _level(session, actor, d.id, level)
        sheets = evaluations.visible_sheets(session, actor, d.id, lv)
        if not sheets:
            raise NotFound(
                "هنوز برگهٔ ارزیابی ارسال‌شده‌ای نیست.", "No evaluation sheet has been submitted yet."
            )
    out = []
    for s in sorted(sheets, key=lambda e: (e.submitted_at is None, e.submitted_at or e.created_at)):
        cs = session.get(CriteriaSet, s.criteria_set_id)
        member = session.get(Member, s.member_id)
        assert cs is not None and member is not None
        scores = {sc.criterion_code: sc.score for sc in s.scores}
        weights = [CriterionWeight(c.code, c.weight) for c in cs.criteria]
        complete = {c.code for c in cs.criteria} == set(scores)
        out.append(
            ev.SheetData(
                letterhead=letterhead(session, _level_office(d, s.level)),
                dossier=_dossier_heading(session, d, s.level, cs, s.round_number),
                member_name=member.full_name,
                member_organization=_org_name(session, member.organization_code),
                member_seat=_seat(member),
                criteria=_criteria(cs),
                scores=scores,
                comments={sc.criterion_code: sc.comment for sc in s.scores if sc.comment},
                comment=s.comment,
                submitted_at=s.submitted_at,
                sheet_score=sheet_score(scores, weights) if complete else None,
            )
        )
    return out


def print_evaluation(
    session: Session,
    actor: Actor,
    dossier_id: str,
    target: Any,
    *,
    member_id: str | None = None,
    level: str | None = None,
) -> int:
    """One member's sheet or every visible submitted sheet (one per page); returns how many."""
    sheets = evaluation_sheets_data(session, actor, dossier_id, member_id=member_id, level=level)
    write_pdf(target, lambda out: build_sheets(sheets, out))
    return len(sheets)


def _decision_note(decision: evaluation_rounds.RoundDecision | None) -> str:
    """«تأیید در کارگروه استان — صورتجلسهٔ شمارهٔ ۱۲ مورخ ۱۴۰۵/۰۲/۱۰؛ دلیل»; empty while undecided."""
    if decision is None:
        return ""
    note = decision.title_fa
    if decision.minutes_number:
        note += f" — صورتجلسهٔ شمارهٔ {to_persian_digits(decision.minutes_number)}"
    note += f" مورخ {format_jalali(decision.at)}"
    if decision.comment:
        note += f"؛ {decision.comment}"
    return note


def _round_members(view: evaluations.ConsolidatedView) -> list[ev.MemberColumn]:
    cons = view.consolidation
    sent = {s.member_id: s.submitted_at for s in view.sheets}
    members = sorted(cons.member_scores, key=lambda m: view.member_names.get(m, m))
    return [ev.MemberColumn(m, view.member_names.get(m, ""), sent.get(m)) for m in members]


def _round_scores(view: evaluations.ConsolidatedView) -> dict[str, dict[str, int]]:
    counted = {s.member_id: s for s in view.sheets if s.member_id in view.consolidation.member_scores}
    return {m: {sc.criterion_code: sc.score for sc in sheet.scores} for m, sheet in counted.items()}


def evaluation_summary_data(
    session: Session, actor: Actor, dossier_id: str, *, level: str | None = None
) -> ev.SummaryData:
    """The consolidated sheet of the dossier's current round at the level, and its earlier rounds."""
    _reader(session, actor)
    d = find_dossier(session, dossier_id)
    lv = _level(session, actor, d.id, level)
    view = evaluations.consolidated(session, actor, d.id, lv)
    cons = view.consolidation
    cs = session.get(CriteriaSet, view.sheets[0].criteria_set_id) if view.sheets else None
    cs = cs or evaluations.current_criteria_set(session)
    history = evaluation_rounds.rounds(session, d.id, lv)
    earlier = []
    for info in reversed(history[:-1]):  # newest first, after the current round
        past = evaluations.consolidated(session, actor, d.id, lv, info.number)
        earlier.append(
            ev.RoundScores(
                number=info.number,
                criteria_set_title=f"{past.criteria_set_title} (ویرایش {to_persian_digits(past.criteria_set_number)})",
                opened_at=info.opened_at,
                decision_note=_decision_note(info.decision),
                criteria=[ev.CriterionLine(c.code, c.title_fa, c.weight) for c in past.criteria],
                members=_round_members(past),
                scores=_round_scores(past),
                means=past.consolidation.per_criterion_mean,
                spread=past.consolidation.spread,
                flagged=past.consolidation.flagged,
                member_totals=past.consolidation.member_scores,
                total=past.consolidation.score,
            )
        )
    members = _round_members(view)
    return ev.SummaryData(
        letterhead=letterhead(session, _level_office(d, lv)),
        dossier=_dossier_heading(session, d, lv, cs, view.round_number),
        criteria=_criteria(cs),
        members=members,
        scores=_round_scores(view),
        means=cons.per_criterion_mean,
        spread=cons.spread,
        flagged=cons.flagged,
        member_totals=cons.member_scores,
        total=cons.score,
        threshold=view.threshold,
        disagreement_spread=DISAGREEMENT_SPREAD,
        meeting_note=_decision_note(history[-1].decision),
        signatories=_signatories(session, _level_office(d, lv)),
        earlier_rounds=earlier,
    )


def print_evaluation_summary(
    session: Session, actor: Actor, dossier_id: str, target: Any, *, level: str | None = None
) -> None:
    """The consolidated sheet: every member's scores, mean, spread, weighted total and verdict."""
    data = evaluation_summary_data(session, actor, dossier_id, level=level)
    write_pdf(target, lambda out: build_summary(data, out))


def _action_fa(action: str, *, programme: bool = False, f_code: str = "") -> str:
    machine = PROGRAMME_WORKFLOW if programme else DOSSIER_WORKFLOW
    named = [t for t in machine.transitions if t.action == action]
    exact = [t for t in named if t.f_code == f_code]
    return (exact or named)[0].title_fa if named else action


# ----------------------------------------------------------------------------- minutes


def minutes_data(session: Session, actor: Actor, meeting_id: str) -> mn.MinutesData:
    _reader(session, actor)
    m = find_meeting(session, meeting_id)
    group = session.get(WorkingGroup, m.group_id)
    assert group is not None
    present_ids: set[str] = set()
    attendees = []
    for a in session.scalars(select(Attendance).where(Attendance.meeting_id == m.id)):
        member = session.get(Member, a.member_id)
        if member is None:
            continue
        present_ids.add(member.id)
        attendees.append(
            mn.AttendeeLine(
                member.full_name,
                _org_name(session, member.organization_code),
                _seat(member),
                member.position,
                a.present,
            )
        )
    seat_order = {MemberRole.CHAIR.value: 0, MemberRole.SECRETARY.value: 2}
    attendees.sort(key=lambda x: ({"رئیس": 0, "دبیر": 2}.get(x.seat, 1), x.name))
    absentees = [
        mn.AttendeeLine(x.full_name, _org_name(session, x.organization_code), _seat(x), x.position, False)
        for x in sorted(
            session.scalars(select(Member).where(Member.group_id == group.id, Member.active.is_(True))),
            key=lambda x: (seat_order.get(x.member_role, 1), x.full_name),
        )
        if x.id not in present_ids
    ]
    decisions = []
    for t in session.scalars(select(Transition).where(Transition.meeting_id == m.id).order_by(Transition.at)):
        d = session.get(Dossier, t.dossier_id) if t.dossier_id else None
        p = session.get(Programme, t.programme_id) if t.programme_id else None
        if d is not None:
            subject, province_code, state = d.cluster.name, d.province_code, _state_fa(t.to_state)
        elif p is not None:  # a development programme's decision (F9-3, F11)
            cluster = session.get(Cluster, p.cluster_id)
            subject = f"{cluster.name if cluster else ''} — طرح توسعه‌ای «{p.title}»"
            province_code = p.province_code
            state = PROGRAMME_STATE_TITLES.get(t.to_state, (t.to_state, ""))[0]
        else:
            continue
        decisions.append(
            mn.DecisionLine(
                subject,
                _province_name(session, province_code),
                _action_fa(t.action, programme=p is not None, f_code=t.f_code),
                state,
                t.f_code,
                t.comment,
            )
        )
    return mn.MinutesData(
        letterhead=letterhead(session, group.owner_office_id),
        group_name=group.name_fa,
        number=m.number,
        held_on=m.held_on,
        location=m.location,
        agenda=m.agenda,
        minutes_text=m.minutes_text,
        attendees=attendees,
        absentees=absentees,
        resolutions=[r.text for r in m.resolutions],
        decisions=decisions,
        finalized=m.finalized,
    )


def print_minutes(session: Session, actor: Actor, meeting_id: str, target: Any) -> None:
    """The minutes of a working-group meeting with the dossier decisions that cite it."""
    data = minutes_data(session, actor, meeting_id)
    write_pdf(target, lambda out: build_minutes(data, out))


# ----------------------------------------------------------------------------- programme (F14)


def programme_data(session: Session, actor: Actor, programme_id: str) -> pr.ProgrammeReportData:
    office = _reader(session, actor)
    programme_id = find_programme(session, programme_id).id
    h = prog.header(session, programme_id)
    kind_fa = prog.PROPOSER_KINDS.get(h.proposer_kind, ("", ""))[0]
    return pr.ProgrammeReportData(
        letterhead=letterhead(session, office.id),
        title=h.title,
        cluster_name=h.cluster_name,
        province=h.province_fa,
        proposer=h.proposer_name,
        proposer_kind=kind_fa,
        state=PROGRAMME_STATE_TITLES.get(h.state, (h.state, ""))[0],
        submitted_on=h.submitted_on,
        budget_rial=h.budget_rial,
        description=h.description,
        package_notified_on=h.package_notified_on,
        items=[
            pr.ItemLine(i.title, i.organization_fa, i.amount_rial, i.allocated_rial)
            for i in prog.item_rows(session, programme_id)
        ],
        allocations=[
            pr.AllocationLine(a.allocated_on, a.item_title, a.organization_fa, a.amount_rial, a.reference)
            for a in prog.allocation_rows(session, programme_id)
        ],
        activities=[
            pr.ActivityLine(a.title, a.responsible, a.starts_on, a.ends_on, a.progress_percent)
            for a in prog.activities(session, programme_id)
        ],
        indicators=[
            pr.IndicatorLine(r.title, r.unit, r.baseline, r.period, r.target, r.actual, r.feedback)
            for r in prog.monitoring(session, programme_id)
        ],
        steps=[
            pr.StepLine(
                t.at,
                _action_fa(t.action, programme=True, f_code=t.f_code),
                t.f_code,
                PROGRAMME_STATE_TITLES.get(t.to_state, (t.to_state, ""))[0],
                t.minutes_number,
                t.comment,
            )
            for t in prog.history(session, programme_id)
        ],
        printed_on=today(),
    )


def print_programme(session: Session, actor: Actor, programme_id: str, target: Any) -> None:
    """The monitoring report of a development programme: package, allocations, execution, indicators."""
    data = programme_data(session, actor, programme_id)
    write_pdf(target, lambda out: build_programme_report(data, out))


# ----------------------------------------------------------------------------- instruction


def find_instruction(session: Session, ident: str, revision: int | None = None) -> Instruction:
    """A revision by its id, or an instruction by its code (``F5-1``): the revision asked for, else the
    one in force."""
    code = ident.strip().upper()
    if not any(t.code == code for t in ins.topics(session)):
        return _by_id(session, Instruction, ident, "دستورالعمل", "instruction")
    q = select(Instruction).where(Instruction.code == code).order_by(Instruction.revision.desc())
    if revision is not None:
        q = q.where(Instruction.revision == revision)
    found = session.scalars(q).first()
    if found is None:
        what = f"نسخهٔ {to_persian_digits(revision)} " if revision is not None else ""
        raise NotFound(
            f"{what}دستورالعمل {code} ابلاغ نشده است.",
            f"Instruction {code}{f' revision {revision}' if revision else ''} has not been issued.",
        )
    return found


def instruction_data(
    session: Session, actor: Actor, ident: str, *, revision: int | None = None
) -> ins_doc.InstructionData:
    _reader(session, actor)
    item = find_instruction(session, ident, revision)
    all_revisions = ins.revisions(session, item.code)
    topic = next((t.title_fa for t in ins.topics(session) if t.code == item.code), "")
    return ins_doc.InstructionData(
        # The issuing office's letterhead: the centre's, also on a province's copy.
        letterhead=letterhead(session, item.owner_office_id),
        code=item.code,
        topic=topic,
        title=item.title,
        revision=item.revision,
        issued_on=item.issued_on,
        body=item.body,
        in_force=all_revisions[0].id == item.id,
        revisions=len(all_revisions),
        provincial_ceiling_rial=item.provincial_ceiling_rial,
        sets_ceiling=item.code == ins.AUTHORITY_CODE,
    )


def print_instruction(
    session: Session, actor: Actor, ident: str, target: Any, *, revision: int | None = None
) -> None:
    """An instruction revision as issued (the one in force unless ``revision`` names another)."""
    data = instruction_data(session, actor, ident, revision=revision)
    write_pdf(target, lambda out: ins_doc.build_instruction(data, out))


# ----------------------------------------------------------------------------- license


def license_of(session: Session, dossier_or_number: str) -> License:
    """The dossier's license (the current one; a revoked one only if there is no other), or by number."""
    text = dossier_or_number.strip()
    if text.upper().startswith("TPO-CL"):
        from .licenses import license_by_number

        return license_by_number(session, text)
    d = find_dossier(session, text)
    found = list(session.scalars(select(License).where(License.dossier_id == d.id)))
    if not found:
        raise NotFound("برای این پرونده پروانه‌ای صادر نشده است.", "No license was issued for this dossier.")
    return sorted(found, key=lambda x: (x.status == "revoked", -x.year, -x.seq))[0]


def license_status(lic: License, on: date | None = None) -> str:
    """valid | suspended | revoked | expired, as this office knows it."""
    if lic.status == "valid" and lic.valid_until < (on or today()):
        return "expired"
    return lic.status


def license_data(session: Session, actor: Actor, dossier_or_number: str) -> lic_doc.LicenseData:
    _reader(session, actor)
    lic = license_of(session, dossier_or_number)
    cluster = session.get(Cluster, lic.cluster_id)
    assert cluster is not None
    entry = session.scalar(select(DatabankEntry).where(DatabankEntry.dossier_id == lic.dossier_id))
    # The licence is TPO's act: its head signs, as TPO's last bundle named him at a province.
    centre = details_of(session, lic.owner_office_id)
    signatories = [doc.Signatory(centre.head_post, centre.head_name)]
    signatories += [s for s in _signatories(session, lic.owner_office_id) if s.post.startswith("دبیر")]
    return lic_doc.LicenseData(
        letterhead=letterhead(session, lic.owner_office_id),
        number=lic.number,
        cluster_name=cluster.name,
        province=_province_name(session, cluster.province_code),
        county=cluster.county,
        issued_on=lic.issued_on,
        valid_until=lic.valid_until,
        qr_text=qr_text(lic),
        sector=cluster.sector,
        managing_entity=cluster.managing_entity,
        products=[doc.ProductLine(p.hs_code, p.name_fa) for p in cluster.products],
        conditions=lic.conditions,
        registry_no=entry.registry_no if entry else "",
        status=license_status(lic),
        status_reason=lic.status_reason,
        signatories=signatories,
    )


def print_license(session: Session, actor: Actor, dossier_or_number: str, target: Any) -> None:
    """The license certificate of a dossier (or a license number), with its signed QR code."""
    data = license_data(session, actor, dossier_or_number)
    write_pdf(target, lambda out: build_license(data, out))


# ----------------------------------------------------------------------------- ranking, matrix


def ranking_data(
    session: Session,
    actor: Actor,
    *,
    province_code: str | None = None,
    level: str | None = None,
    map_measure: str | None = "dossiers",
) -> rk.RankingData:
    """The ranking report's rows; the national one at the centre ends with the provinces' map
    coloured by ``map_measure`` (services/province_map.MEASURE_KEYS; None: no map)."""
    office = _reader(session, actor)
    central = office.kind == OfficeKind.CENTRAL.value
    level = level or ("central" if central else "province")
    if province_code and session.get(Province, province_code) is None:
        raise NotFound(f"استانی با کد «{province_code}» نیست.", f"No province with code '{province_code}'.")
    # The one ranking every screen shows (services/rankings): the same rows, ranks and ties.
    scope_code = province_code or (None if central else office.province_code)
    rows = rankings.ranked_rows(session, level=level, province_code=scope_code)
    cs = evaluations.current_criteria_set(session)
    return rk.RankingData(
        letterhead=letterhead(session, office.id),
        scope=_province_name(session, scope_code) if scope_code else "کشوری",
        level_title="امتیاز کارگروه مرکز (در نبود آن، امتیاز استان)"
        if level == "central"
        else "امتیاز کارگروه استان",
        rows=[rk.RankRow(r.rank, r.name, r.province_fa, r.county, _state_fa(r.state), r.score) for r in rows],
        threshold=cs.threshold,
        generated_on=today(),
        map_page=_map_page(session, actor, map_measure)
        if central and not scope_code and map_measure
        else None,
    )


def _map_page(session: Session, actor: Actor, measure: str) -> pm_doc.MapPage:
    """The screen's national map (services/province_map) as the report's last page."""
    view = province_map.map_view(province_map.province_figures(session, actor), measure)
    return pm_doc.MapPage(
        title=f"نقشهٔ استان‌ها بر پایهٔ {view.measure.title_fa}",
        shapes=view.geometry.shapes,
        bounds=view.geometry.bounds,
        colours=view.colours,
        labels=view.labels_fa,
        legend_title=view.measure.title_fa,
        legend=[pm_doc.MapLegendEntry(e.colour, e.text_fa) for e in view.legend],
        attribution=view.attribution,
    )


def print_ranking(
    session: Session,
    actor: Actor,
    target: Any,
    *,
    province_code: str | None = None,
    level: str | None = None,
    map_measure: str | None = "dossiers",
) -> int:
    """The national (or one province's) ranking report; returns the number of rows."""
    data = ranking_data(session, actor, province_code=province_code, level=level, map_measure=map_measure)
    write_pdf(target, lambda out: build_ranking(data, out))
    return len(data.rows)


def matrix_data(session: Session, actor: Actor) -> mx.MatrixData:
    office = _reader(session, actor)
    orgs = session.scalars(
        select(Organization)
        .where(Organization.matrix_column.is_not(None))
        .order_by(Organization.matrix_column)
    )
    ticks = frozenset((r.process_code, r.organization_code) for r in session.scalars(select(Responsibility)))
    ticked_steps = {code for code, _ in ticks}
    steps = list(session.scalars(select(ProcessStep).order_by(ProcessStep.order)))
    return mx.MatrixData(
        letterhead=letterhead(session, office.id),
        columns=[mx.MatrixColumn(o.code, o.name_fa) for o in orgs],
        rows=[
            mx.MatrixRow(s.code, s.title_fa, s.parent_code is not None)
            for s in steps
            if s.code in ticked_steps or s.parent_code is None
        ],
        ticks=ticks,
    )


def print_matrix(session: Session, actor: Actor, target: Any) -> None:
    """The seed's responsibility matrix (agencies × process steps), landscape."""
    data = matrix_data(session, actor)
    write_pdf(target, lambda out: build_matrix(data, out))


# ----------------------------------------------------------------------------- license verification

MAX_PDF_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class LicenseVerdict:
    """What ``license verify`` says: genuine or not (None: cannot be checked here), and the status."""

    genuine: bool | None
    status: str  # valid | suspended | revoked | expired | unknown | forged | unverifiable
    message_fa: str
    message_en: str
    payload: dict[str, Any] | None = None
    status_reason: str = ""

    @property
    def message(self) -> str:
        return bilingual(self.message_fa, self.message_en)


def centre_keys(session: Session) -> tuple[list[Ed25519PublicKey], list[Ed25519PublicKey]]:
    """The centre's signing keys this office trusts, and revoked ones (the centre: its own key)."""
    office = local_office(session)
    if office.id == CENTRAL_OFFICE_ID:
        row = session.get(LocalKeys, office.id)
        return ([public_key_from_b64(row.signing_public_key)] if row else []), []
    active: list[Ed25519PublicKey] = []
    revoked: list[Ed25519PublicKey] = []
    for tk in session.scalars(select(TrustedKey).where(TrustedKey.office_id == CENTRAL_OFFICE_ID)):
        try:
            key = public_key_from_b64(tk.signing_public_key)
        except DomainError:
            continue
        (revoked if tk.revoked_at is not None else active).append(key)
    return active, revoked


def normalise_qr_text(text: str) -> str:
    """The QR text without whitespace a scanner or a paste adds (and without the PDF keyword prefix)."""
    text = (text or "").strip()
    if text.startswith(lic_doc.KEYWORD_PREFIX.strip()):
        text = text[len(lic_doc.KEYWORD_PREFIX.strip()) :]
    return "".join(text.split())


def verify_license(session: Session, text: str, *, on: date | None = None) -> LicenseVerdict:
    """Check a license's QR text offline against the centre's key and what this office knows."""
    trusted, revoked = centre_keys(session)
    if not trusted and not revoked:
        return LicenseVerdict(
            None,
            "unverifiable",
            "گواهی سازمان توسعه تجارت هنوز در این دفتر ثبت نشده است؛ اصالت پروانه را نمی‌توان بررسی کرد. "
            "گواهی مرکز را با «trust add» ثبت کنید.",
            "The TPO certificate is not enrolled in this office yet, so the license cannot be checked. "
            "Enroll the centre's certificate with 'trust add'.",
        )
    text = normalise_qr_text(text)
    known = {lic.number: lic for lic in session.scalars(select(License))}
    check = verify_license_text(text, trusted, known, on) if trusted else None
    if check is None or not check.genuine:
        if revoked and verify_license_text(text, revoked, known, on).genuine:
            return LicenseVerdict(
                False,
                "forged",
                "این پروانه با کلیدی امضا شده که سازمان توسعه تجارت آن را باطل کرده است؛ معتبر شناخته نمی‌شود.",
                "This license is signed with a TPO key that has been revoked; it is not accepted.",
            )
        return LicenseVerdict(
            False,
            "forged",
            "این پروانه اصیل نیست: امضای سازمان توسعه تجارت روی آن تأیید نشد "
            "(متن رمزینه دست‌کاری شده، ناقص است یا با کلید دیگری امضا شده است).",
            "This license is not genuine: the TPO signature does not verify "
            "(the QR text was altered, is incomplete or was signed with another key).",
        )
    payload = check.payload or {}
    lic = known.get(str(payload.get("license", "")))
    return LicenseVerdict(
        True,
        check.status,
        check.message_fa,
        check.message_en,
        payload,
        lic.status_reason if lic is not None else "",
    )


def qr_text_from_pdf(path: str | Path) -> str:
    """The license QR text stored in a printed license PDF's Keywords (see printing.documents.license)."""
    from pypdf import PdfReader

    path = Path(path)
    bad = ValidationError(
        f"پروندهٔ «{path.name}» پروانه‌ای چاپ‌شده از این سامانه نیست یا خوانده نشد.",
        f"'{path.name}' is not a license printed by this application, or it cannot be read.",
        field="pdf",
    )
    try:
        if path.stat().st_size > MAX_PDF_BYTES:
            raise bad
        meta = PdfReader(str(path)).metadata
        keywords = str(meta.get("/Keywords") or "") if meta else ""
    except ValidationError:
        raise
    except Exception as exc:  # pypdf raises many kinds of errors on damaged or foreign files
        raise bad from exc
    for token in keywords.split():
        if token.startswith(QR_PREFIX + "."):
            return token
    raise bad


def verify_license_pdf(session: Session, path: str | Path, *, on: date | None = None) -> LicenseVerdict:
    """``verify_license`` on the QR text a printed license PDF carries."""
    return verify_license(session, qr_text_from_pdf(path), on=on)
