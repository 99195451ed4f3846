"""Development programmes handed in at a provincial secretariat (F9), for a demo: the provincial
working group reviews them (F9-1) and, in minuted meetings with the reason, approves those within the
ceiling of instruction F5-2 (F9-2) or refers them to the centre (F9-3); the centre's decisions,
support packages and allocations follow (F9-3, F10–F12) and the province reports execution and
actuals (F13, F14). One programme or more in every state of the programme's machine.

Everything is made through ``services.programmes`` by the office that owns it: in a provincial demo
the centre's part stands for what its decision bundles brought (records owned by TPO, as an import
leaves them); in a central demo the province's part stands for what its submissions brought.
"""

from __future__ import annotations

import random
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from sqlalchemy.orm import Session

from cluster_desktop.domain.jalali import jalali_quarter, today
from cluster_desktop.domain.workflow import ProgrammeState
from cluster_desktop.services import programmes as prog
from cluster_desktop.services.actor import Actor
from cluster_desktop.store.reference import CENTRAL_OFFICE_ID

from .programmes import ACTIVITIES, INDICATORS, ITEMS, proposer
from .timeline import local_day, office_hours

if TYPE_CHECKING:
    from . import DemoBuilder

P = ProgrammeState
# (target state, route): approved "local"ly within the ceiling, "refer"red, or rejected by whom.
PLAN: list[tuple[ProgrammeState, str | None]] = [
    (P.SUBMITTED, None),
    (P.PROVINCIAL_REVIEW, None),
    (P.REJECTED, "province"),
    (P.PROVINCIALLY_APPROVED, "local"),
    (P.REFERRED_TO_CENTER, "refer"),
    (P.CENTRALLY_APPROVED, "refer"),
    (P.PACKAGE_PROPOSED, "local"),
    (P.PACKAGE_APPROVED, "refer"),
    (P.RESOURCES_ALLOCATED, "local"),
    (P.IN_EXECUTION, "local"),
    (P.IN_EXECUTION, "refer"),
    (P.COMPLETED, "refer"),
    (P.REJECTED, "centre"),
]
UNDECIDED = frozenset({P.SUBMITTED, P.PROVINCIAL_REVIEW})  # still the province's own business
CENTRAL_CHAIN = [
    ("propose_package", P.PACKAGE_PROPOSED),
    ("approve_package", P.PACKAGE_APPROVED),
    ("allocate", P.RESOURCES_ALLOCATED),
    ("start_execution", P.IN_EXECUTION),
    ("complete", P.COMPLETED),
]
TITLES = [
    "راه‌اندازی اتاق فکر و دفتر طراحی خوشه",
    "ایجاد انبار و سردخانهٔ مشترک صادراتی",
    "بستهٔ آموزش استانداردهای بازار هدف",
    "برند استانی و بسته‌بندی مشترک",
    "حضور گروهی در نمایشگاه تخصصی منطقه‌ای",
    "آزمایشگاه مشترک کنترل کیفیت استان",
    "شرکت مدیریت صادرات استانی خوشه",
    "فروشگاه برخط و بازاریابی دیجیتال",
    "تأمین مشترک مواد اولیه",
    "گواهی‌های بین‌المللی کیفیت برای بنگاه‌ها",
    "مرکز خدمات فنی و تعمیرات مشترک",
    "هیئت تجاری به بازارهای همسایه",
    "ارتقای فناوری تولید بنگاه‌های خوشه",
]
COMMENTS = {
    "approve_provincial": "طرح در حیطهٔ اختیارات استان است و با اولویت‌های توسعهٔ صادرات استان همخوان است.",
    "refer": "اعتبار درخواستی از سقف اختیارات استان بیشتر است؛ برای تصمیم به کارگروه مرکز ارجاع شد.",
    "province_reject": "طرح با وضع موجود خوشه تناسب ندارد و برآورد هزینه‌های آن مستند نیست.",
    "approve_central": "با اولویت‌های ملی خوشه‌ها همخوان است.",
    "approve_package": "اقلام بسته با دستگاه‌های مسئول هماهنگ و ابلاغ شد.",
    "centre_reject": "برنامه با بودجهٔ پیشنهادی توجیه اقتصادی ندارد و با طرح‌های جاری هم‌پوشانی دارد.",
}


def add_province_programmes(s: Session, b: DemoBuilder, province: str) -> int:
    """The programmes of ``province``'s secretariat in every state; returns how many were made.

    Uses a random stream of its own (``b.rng`` is swapped meanwhile), so the rest of the demo stays
    as seeded."""
    saved = b.rng
    b.rng = random.Random(f"{province}:programmes")
    try:
        return _add(s, b, province)
    finally:
        b.rng = saved


def _add(s: Session, b: DemoBuilder, province: str) -> int:
    rng = b.rng
    office = b.office_actor(s, province)
    centre = b.office_actor(s, CENTRAL_OFFICE_ID)
    clusters = prog.eligible_clusters(s, office)
    if not clusters:
        return 0
    # At the centre only what a province's bundle brings: the programmes its working group decided.
    plan = PLAN if province == b.admin.office_id else [t for t in PLAN if t[0] not in UNDECIDED]
    for i, (target, route) in enumerate(plan):
        cluster = clusters[i % len(clusters)]
        steps = _steps(target, route)
        day = today() - timedelta(days=rng.randint(150, 290))
        gap = max(3, min(18, (today() - day).days // (len(steps) + 3)))
        b.clock.now = office_hours(day, rng)
        # Approved locally within the ceiling (30 billion); referred above it; still in review: within.
        within = route in ("local", "province", None)
        budget = rng.randint(8, 28) * 10**9 if within else rng.randint(35, 90) * 10**9
        who = proposer(rng, rng, cluster.name, cluster.name.replace("خوشه ", ""), b.person())
        p = prog.create_programme(
            s,
            office,
            prog.ProgrammeInput(
                cluster_id=cluster.cluster_id,
                title=TITLES[i % len(TITLES)],
                submitted_on=day,
                budget_rial=budget,
                description=f"برنامهٔ عملیاتی پیشنهادی به دبیرخانهٔ استان برای ارتقای {cluster.name}.",
                **who,
            ),
        )
        s.flush()
        for side, action in steps:
            since = b.clock.now
            day = min(today(), day + timedelta(days=rng.randint(3, gap)))
            b.clock.now = max(office_hours(day, rng), since + timedelta(hours=1))
            actor = office if side == "province" else centre
            _step(s, b, actor, office, p.id, action, target, since, budget, rng)
    return len(plan)


def _steps(target: ProgrammeState, route: str | None) -> list[tuple[str, str]]:
    """(side, action) from receipt to ``target``; side is "province" or "centre"."""
    if target is P.SUBMITTED:
        return []
    steps = [("province", "start_review")]
    if target is P.PROVINCIAL_REVIEW:
        return steps
    if route == "province":
        return [*steps, ("province", "reject")]
    steps.append(("province", "approve_provincial" if route == "local" else "refer"))
    if route == "centre":
        return [*steps, ("centre", "reject")]
    if target is P.REFERRED_TO_CENTER:
        return steps
    if route == "refer":
        steps.append(("centre", "approve_central"))
    for action, state in CENTRAL_CHAIN:
        if target in (P.CENTRALLY_APPROVED, P.PROVINCIALLY_APPROVED):
            break
        steps.append(("centre", action))
        if state is target:
            break
    return steps


def _step(
    s: Session,
    b: DemoBuilder,
    actor: Actor,
    office: Actor,
    pid: str,
    action: str,
    target: ProgrammeState,
    since: datetime,
    budget: int,
    rng: random.Random,
) -> None:
    day = local_day(b.clock.now)
    comment, meeting = "", None
    if action in ("approve_provincial", "refer", "reject", "approve_central", "approve_package"):
        meeting = _meeting(s, b, actor, since)
        key = action if action != "reject" else ("province_reject" if actor is office else "centre_reject")
        comment = COMMENTS[key]
    if action == "propose_package":
        for title, org, share in rng.sample(ITEMS, 3):
            prog.add_item(s, actor, pid, prog.ItemInput(title, org, budget * share // 100))
    elif action == "allocate":
        for item in prog.items_of(s, pid)[:2]:
            amount = item.amount_rial * rng.choice([50, 75, 100]) // 100
            prog.add_allocation(
                s, actor, prog.AllocationInput(item.id, amount, day, f"{rng.randint(100, 999)}/ت")
            )
    elif action == "start_execution":
        _report_progress(s, office, pid, day, rng, done=False)
    elif action == "complete":
        _report_progress(s, office, pid, day, rng, done=True)
    prog.transition(s, actor, pid, action, comment=comment, meeting_id=meeting)
    s.flush()
    if action == "approve_package":
        # The province plans the execution and the indicators it will report on (F13, F14).
        _plan_execution(s, office, pid, day, rng)


def _meeting(s: Session, b: DemoBuilder, actor: Actor, since: datetime) -> str:
    """The office's meeting held today if there is one, else the builder's choice (one a day)."""
    today_ = local_day(b.clock.now)
    for held_on, meeting_id in b.meetings.get(actor.office_id, []):
        if held_on == today_:
            return meeting_id
    return b.meeting(s, actor, since)


def _plan_execution(s: Session, office: Actor, pid: str, day: date, rng: random.Random) -> None:
    start = day
    for title, responsible in ACTIVITIES[:3]:
        end = start + timedelta(days=rng.randint(40, 120))
        prog.add_activity(s, office, pid, prog.ActivityInput(title, responsible, start, end, 0))
        start += timedelta(days=rng.randint(10, 30))
    year, quarter = jalali_quarter(day)
    periods = [f"{year}-Q{quarter}", f"{year + quarter // 4}-Q{quarter % 4 + 1}"]
    for title, unit in INDICATORS[:2]:
        baseline = rng.randint(40, 900)
        ind = prog.add_indicator(s, office, pid, prog.IndicatorInput(title, unit, baseline))
        for offset, period in enumerate(periods):
            target = round(baseline * (1.1 + 0.15 * offset))
            prog.set_value(s, office, prog.ValueInput(ind.id, period, target, "", ""))


def _report_progress(
    s: Session, office: Actor, pid: str, day: date, rng: random.Random, *, done: bool
) -> None:
    """The province's report: activities' progress and the actuals of the periods passed."""
    for act in prog.activities(s, pid):
        progress = 100 if done else rng.choice([15, 30, 45, 60])
        prog.update_activity(
            s,
            office,
            act.id,
            prog.ActivityInput(act.title, act.responsible, act.starts_on, act.ends_on, progress),
        )
    rows = prog.monitoring(s, pid)
    first = {r.indicator_id: r.period for r in reversed(rows)}  # each indicator's first period
    for row in rows:
        if row.period is None or row.target is None or not (done or row.period == first[row.indicator_id]):
            continue
        actual = round(row.target * rng.uniform(0.7, 1.1))
        feedback = (
            "عقب‌ماندگی به سبب تأخیر در تخصیص تسهیلات؛ پیگیری از بانک عامل." if actual < row.target else ""
        )
        prog.set_value(s, office, prog.ValueInput(row.indicator_id, row.period, row.target, actual, feedback))
