"""Sample development programmes at the centre (phases 2 and 3), one or more in every state of the
programme's machine, made through ``services.programmes`` like the GUI makes them: received (F9),
reviewed in the central working group (F9-1, F9-3), support packages with their responsible agencies
(F10, F11), allocations (F12), activities (F13) and monitoring values (F14)."""

from __future__ import annotations

import random
from datetime import date, timedelta
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.jalali import jalali_quarter, today
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.workflow import ProgrammeState
from cluster_desktop.services import programmes as prog
from cluster_desktop.services.actor import Actor
from cluster_desktop.store.models import Cluster, DatabankEntry, Dossier
from cluster_desktop.store.reference import CENTRAL_OFFICE_ID

from .timeline import office_hours

if TYPE_CHECKING:
    from . import DemoBuilder

P = ProgrammeState
# The programmes' target states: every state once, execution twice (what the centre follows most).
TARGETS = [
    P.SUBMITTED,
    P.REFERRED_TO_CENTER,
    P.CENTRALLY_APPROVED,
    P.PACKAGE_PROPOSED,
    P.PACKAGE_APPROVED,
    P.RESOURCES_ALLOCATED,
    P.IN_EXECUTION,
    P.IN_EXECUTION,
    P.COMPLETED,
    P.REJECTED,
]
STEPS = [
    ("start_central_review", P.REFERRED_TO_CENTER),
    ("approve_central", P.CENTRALLY_APPROVED),
    ("propose_package", P.PACKAGE_PROPOSED),
    ("approve_package", P.PACKAGE_APPROVED),
    ("allocate", P.RESOURCES_ALLOCATED),
    ("start_execution", P.IN_EXECUTION),
    ("complete", P.COMPLETED),
]
TITLES = [
    "ایجاد مرکز طراحی و بسته‌بندی مشترک",
    "برند مشترک و حضور در نمایشگاه‌های خارجی",
    "آزمایشگاه کنترل کیفیت و استانداردسازی محصولات",
    "آموزش بازاریابی صادراتی اعضای خوشه",
    "ایجاد شرکت مدیریت صادرات خوشه",
    "بازاریابی دیجیتال و فروشگاه برخط صادراتی",
    "تأمین مشترک مواد اولیه و انبار مرکزی",
    "دریافت گواهی‌های بین‌المللی کیفیت",
]
# (title, responsible agency, share of the budget in percent)
ITEMS = [
    ("تسهیلات سرمایه در گردش صادراتی", "BANKS", 40),
    ("پوشش بیمه‌ای و ضمانت صادرات", "EGFI", 15),
    ("یارانهٔ حضور در نمایشگاه‌های خارجی", "TPO", 20),
    ("دوره‌های آموزش بازاریابی و صادرات", "CHAMBER_COMMERCE", 10),
    ("زیرساخت شهرک و کارگاه مشترک", "ISIPO", 15),
]
ACTIVITIES = [
    ("نیازسنجی و برنامه‌ریزی اجرایی", "عامل توسعهٔ خوشه"),
    ("برگزاری دوره‌های آموزشی", "اتاق بازرگانی استان"),
    ("خرید و نصب تجهیزات مشترک", "شرکت مدیریت خوشه"),
    ("حضور در نمایشگاه تخصصی خارجی", "سازمان توسعه تجارت"),
]
INDICATORS = [("صادرات خوشه", "هزار دلار"), ("اشتغال خوشه", "نفر"), ("بنگاه‌های صادرکننده", "بنگاه")]
_LEGAL_WEIGHTS = (29, 27, 23, 19, 17)


def national_code(rng: random.Random) -> str:
    """A natural person's national code with a valid check digit (domain.identity)."""
    head = [rng.randint(0, 9) for _ in range(9)]
    head[0] = rng.randint(0, 6)
    total = sum(d * (10 - i) for i, d in enumerate(head)) % 11
    return "".join(map(str, head)) + str(total if total < 2 else 11 - total)


def legal_id(rng: random.Random) -> str:
    """A legal person's 11-digit national identifier with a valid check digit."""
    head = [1, 0, *(rng.randint(0, 9) for _ in range(8))]
    head[5] = rng.randint(1, 9)  # digits 4–9 are never all zero
    shift = head[9] + 2
    total = sum((d + shift) * _LEGAL_WEIGHTS[i % 5] for i, d in enumerate(head)) % 11
    return "".join(map(str, head)) + str(0 if total == 10 else total)


def proposer(rng: random.Random, ids: random.Random, name: str, county: str, person: str) -> dict[str, str]:
    """A proposer of one of the seed's kinds (chosen with ``rng``) with identity details (drawn from
    ``ids``), as ProgrammeInput's fields."""
    kind, title = rng.choice(
        [
            ("cda", f"شرکت عامل توسعهٔ {name}"),
            ("legal", f"اتحادیهٔ تولیدکنندگان {county}"),
            ("legal", f"تعاونی صادرکنندگان {county}"),
            ("natural", person),
        ]
    )
    legal = kind != "natural"
    return {
        "proposer_name": title,
        "proposer_kind": kind,
        "proposer_national_id": legal_id(ids) if legal else national_code(ids),
        "proposer_registration_no": str(ids.randint(1000, 99999)) if legal else "",
        "proposer_phone": f"0{ids.randint(11, 87)}{ids.randint(3000000, 3999999)}",
        "proposer_address": f"{county}، خیابان اصلی، پلاک {to_persian_digits(ids.randint(2, 180))}",
    }


def _databank_clusters(s: Session) -> list[tuple[str, str, str, date]]:
    rows = s.execute(
        select(Cluster.id, Cluster.name, Cluster.county, DatabankEntry.registered_on)
        .join(Dossier, Dossier.cluster_id == Cluster.id)
        .join(DatabankEntry, DatabankEntry.dossier_id == Dossier.id)
        .order_by(DatabankEntry.registered_on, Cluster.id)
    )
    return [(cid, name, county, on) for cid, name, county, on in rows]


def add_programmes(s: Session, b: DemoBuilder) -> int:
    """Programmes for the oldest clusters of the databank, each dated after its registration."""
    rng = b.rng
    clusters = _databank_clusters(s)
    centre = b.office_actor(s, CENTRAL_OFFICE_ID)
    made = 0
    for i, (target, (cluster_id, name, county, registered)) in enumerate(
        zip(TARGETS, clusters, strict=False)
    ):
        steps = STEPS[: _steps_to(target)]
        gap = max(3, min(25, (today() - registered).days // (len(steps) + 2)))
        day = registered + timedelta(days=rng.randint(2, gap))
        if day > today():
            continue
        b.clock.now = office_hours(day, rng)
        budget = rng.randint(8, 60) * 10**9
        # The identities from a stream of their own, so the programmes stay as they were seeded.
        who = proposer(rng, random.Random(f"{cluster_id}:{i}"), name, county, b.person())
        p = prog.create_programme(
            s,
            centre,
            prog.ProgrammeInput(
                cluster_id=cluster_id,
                title=TITLES[i % len(TITLES)],
                submitted_on=day,
                budget_rial=budget,
                description=f"برنامهٔ عملیاتی پیشنهادی برای ارتقای {name} بر پایهٔ طرح توجیهی مصوب.",
                **who,
            ),
        )
        s.flush()
        made += 1
        _walk(s, b, centre, p.id, target, steps, day, gap, budget, rng)
    return made


def _steps_to(target: ProgrammeState) -> int:
    if target is P.SUBMITTED:
        return 0
    if target is P.REJECTED:
        return 1  # rejected in the central working group after review began
    return next(i for i, (_a, state) in enumerate(STEPS) if state is target) + 1


def _walk(
    s: Session,
    b: DemoBuilder,
    centre: Actor,
    pid: str,
    target: ProgrammeState,
    steps: list[tuple[str, ProgrammeState]],
    day: date,
    gap: int,
    budget: int,
    rng: random.Random,
) -> None:
    for action, _state in steps:
        since = b.clock.now
        day = min(today(), day + timedelta(days=rng.randint(2, gap)))
        b.clock.now = max(office_hours(day, rng), since + timedelta(hours=1))
        meeting = None
        if action in ("approve_central", "approve_package"):
            meeting = b.meeting(s, centre, since)
        if action == "propose_package":
            for title, org, share in rng.sample(ITEMS, 3):
                prog.add_item(s, centre, pid, prog.ItemInput(title, org, budget * share // 100))
        elif action == "allocate":
            for item in prog.items_of(s, pid)[:2]:
                amount = item.amount_rial * rng.choice([50, 75, 100]) // 100
                prog.add_allocation(
                    s, centre, prog.AllocationInput(item.id, amount, day, f"{rng.randint(100, 999)}/ت")
                )
        elif action == "start_execution":
            _activities(s, centre, pid, day, rng, done=target is P.COMPLETED)
            _indicators(s, centre, pid, day, rng, complete=target is P.COMPLETED)
        prog.transition(
            s,
            centre,
            pid,
            action,
            meeting_id=meeting,
            comment="با اولویت‌های ملی خوشه‌ها همخوان است." if meeting else "",
        )
        s.flush()
    if target is P.REJECTED:
        since = b.clock.now
        day = min(today(), day + timedelta(days=rng.randint(2, gap)))
        b.clock.now = max(office_hours(day, rng), since + timedelta(hours=1))
        prog.transition(
            s,
            centre,
            pid,
            "reject",
            meeting_id=b.meeting(s, centre, since),
            comment="برنامه با بودجهٔ پیشنهادی توجیه اقتصادی ندارد و هم‌پوشانی با طرح‌های جاری دارد.",
        )
        s.flush()


def _activities(s: Session, centre: Actor, pid: str, day: date, rng: random.Random, *, done: bool) -> None:
    start = day
    for title, responsible in ACTIVITIES:
        end = start + timedelta(days=rng.randint(30, 120))
        progress = 100 if done else (100 if end < today() else rng.choice([10, 25, 40, 60]))
        prog.add_activity(s, centre, pid, prog.ActivityInput(title, responsible, start, end, progress))
        start = start + timedelta(days=rng.randint(10, 40))


def _indicators(
    s: Session, centre: Actor, pid: str, day: date, rng: random.Random, *, complete: bool
) -> None:
    year, quarter = jalali_quarter(day)
    periods = [f"{year}-Q{quarter}", f"{year + quarter // 4}-Q{quarter % 4 + 1}"]
    for title, unit in INDICATORS:
        baseline = rng.randint(20, 900)
        ind = prog.add_indicator(s, centre, pid, prog.IndicatorInput(title, unit, baseline))
        for offset, period in enumerate(periods):
            target = round(baseline * (1.15 + 0.15 * offset))
            known = offset == 0 or complete
            actual = round(target * rng.uniform(0.7, 1.1)) if known else None
            feedback = (
                "عقب‌ماندگی به سبب تأخیر در تخصیص تسهیلات؛ پیگیری از بانک عامل."
                if actual is not None and actual < target
                else ""
            )
            prog.set_value(
                s,
                centre,
                prog.ValueInput(ind.id, period, target, "" if actual is None else actual, feedback),
            )
