"""Sample data for a new office: realistic Persian clusters in every state of the dossier workflow.

Every record is made through the same services the GUI uses, acting as the provincial secretariats,
their working-group members and (for a central office) the TPO secretariat, so the sample data obeys
every rule the real data does. Each dossier follows its own timeline of weeks between steps, ending
in the past few months (``timeline.Clock`` dates what the services stamp "now"); evaluations and
decisions are attributed to the members' own accounts («m.ahmadi»).
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.jalali import jalali_year, today
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import MemberRole, OfficeKind, Role
from cluster_desktop.domain.workflow import DossierState, Requirement
from cluster_desktop.services import (
    central,
    clusters,
    evaluations,
    groups,
    licenses,
    office,
    plans,
    users,
    workflow,
)
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import Dossier, Meeting, Member, Province, User, WorkingGroup
from cluster_desktop.store.reference import CENTRAL_OFFICE_ID
from cluster_desktop.sync.keys import OfficeKeys

from .catalog import (
    CENTRAL_MEMBERS,
    CLUSTERS,
    COUNTIES,
    ENTITY_TYPES,
    FIRST_NAMES,
    LAST_NAMES,
    LATIN,
    MARKETS,
    PROVINCE_MEMBERS,
    TEMPLATES,
)
from .events import add_events
from .exchange import centre_exchange
from .instructions import add_instructions
from .programmes import add_programmes
from .province_programmes import add_province_programmes
from .secretariats import add_secretariats
from .timeline import Clock, local_day, office_hours, plan_days, renumber_databank, renumber_meetings

S = DossierState
# A sample cluster, shaped like catalog.CLUSTERS: province, county, name, sector, (HS code, product)s, markets.
ClusterSample = tuple[str, str, str, str, list[tuple[str, str]], list[str]]
PROVINCIAL_CYCLE = [
    S.DRAFT,
    S.NOMINATED,
    S.PLAN_IN_PROGRESS,
    S.PLAN_SUBMITTED,
    S.PROVINCIAL_EVALUATION,
    S.RETURNED,
    S.PROVINCIALLY_REJECTED,
    S.PROVINCIALLY_APPROVED,
    S.SENT_TO_CENTER,
]
CENTRAL_CYCLE = [
    *PROVINCIAL_CYCLE,
    S.RECEIVED,
    S.CENTRAL_REVIEW,
    S.CENTRALLY_REJECTED,
    S.APPROVED,
    S.REGISTERED,
    S.LICENSED,
]
# Later states are more common in a mature programme; weights per state in the cycles above.
CENTRAL_WEIGHTS = [1, 1, 1, 1, 1, 1, 1, 1, 2, 4, 3, 2, 2, 3, 3]
DECISION_STEPS = (
    "approve_provincial",
    "reject_provincial",
    "return_provincial",
    "approve_central",
    "reject_central",
)
# A central demo this large also opens a few dossiers on the centre's own initial list (F3).
INITIAL_LIST_FROM = 60


def username_for(full_name: str, taken: set[str]) -> str:
    """A Latin username from a Persian name, as offices make them: «مریم احمدی» → «m.ahmadi»."""
    first, _, last = full_name.partition(" ")
    first_l, last_l = LATIN.get(first, "user"), LATIN.get(last, "member")
    for candidate in (f"{first_l[0]}.{last_l}", f"{first_l}.{last_l}"):
        if candidate not in taken:
            taken.add(candidate)
            return candidate
    n = 2
    while f"{first_l}.{last_l}{n}" in taken:
        n += 1
    taken.add(f"{first_l}.{last_l}{n}")
    return f"{first_l}.{last_l}{n}"


class DemoBuilder:
    def __init__(
        self,
        ws: Workspace,
        admin: Actor,
        password: str,
        rng: random.Random,
        leave_out: frozenset[str] = frozenset(),
    ) -> None:
        self.ws = ws
        self.leave_out = leave_out  # provinces whose data comes from their own offices' bundles
        self.admin = admin
        self.password = password
        self.rng = rng
        self.clock = Clock(office_hours(today(), rng))
        self.members: dict[str, list[Actor]] = {}  # office id -> member actors
        self.secretaries: dict[str, Actor] = {}
        self.meetings: dict[str, list[tuple[date, str]]] = {}  # office id -> (held on, meeting id)
        self.usernames: dict[str, set[str]] = {}  # office id -> usernames given there
        self.used_names: set[tuple[str, str, str]] = set()
        self.keys: OfficeKeys | None = None

    # ------------------------------------------------------------ people
    def person(self) -> str:
        return f"{self.rng.choice(FIRST_NAMES)} {self.rng.choice(LAST_NAMES)}"

    def office_actor(self, s: Session, office_id: str) -> Actor:
        """The secretary of ``office_id`` (for other offices: a stand-in acting as their secretariat)."""
        if office_id in self.secretaries:
            return self.secretaries[office_id]
        kind = OfficeKind.CENTRAL if office_id == CENTRAL_OFFICE_ID else OfficeKind.PROVINCE
        province = None if kind is OfficeKind.CENTRAL else office_id
        if office_id == self.admin.office_id:
            actor = replace(self.admin, role=Role.SECRETARY)
        else:
            actor = Actor(
                0,
                f"secretariat-{office_id}",
                f"دبیرخانه {office_id}",
                Role.SECRETARY,
                office_id,
                kind,
                province,
            )
            if s.scalar(select(WorkingGroup).where(WorkingGroup.owner_office_id == office_id)) is None:
                name = (
                    f"کارگروه توسعه صادرات استان {_province(s, province).name_fa}"
                    if province
                    else "کارگروه کارشناسی توسعه خوشه‌های صادرات‌گرا"
                )
                s.add(
                    WorkingGroup(
                        owner_office_id=office_id, level=kind.value, province_code=province, name_fa=name
                    )
                )
                s.flush()
        self._members(s, actor)
        # From now on the secretariat's steps are the working-group secretary's, under their account.
        seat = next(a for a in self.members[office_id] if a.role is Role.SECRETARY)
        if seat.user_id:
            user = s.get(User, seat.user_id)
            assert user is not None
            actor = users.actor_for(s, user)
        else:
            actor = replace(actor, username=seat.username, full_name=seat.full_name)
        self.secretaries[office_id] = actor
        return actor

    def _members(self, s: Session, sec: Actor) -> None:
        roster = CENTRAL_MEMBERS if sec.office_kind is OfficeKind.CENTRAL else PROVINCE_MEMBERS
        actors = []
        local = sec.office_id == self.admin.office_id
        taken = self.usernames.setdefault(sec.office_id, {"admin", "secretary"})
        for org, position, seat in roster:
            m = groups.add_member(
                s,
                sec,
                groups.MemberInput(
                    self.person(),
                    org,
                    MemberRole(seat),
                    position,
                    f"0{self.rng.randint(910, 939)}{self.rng.randint(1000000, 9999999)}",
                ),
            )
            role = Role.SECRETARY if seat == "secretary" else Role.EVALUATOR
            user_id = 0
            # The local secretary logs in as «secretary»; every other member by name («m.ahmadi»).
            username = "secretary" if local and seat == "secretary" else username_for(m.full_name, taken)
            if local:
                # Members of this office can log in (same password as the admin; see README).
                u = users.create_user(
                    s,
                    self.admin,
                    username=username,
                    full_name=m.full_name,
                    role=role,
                    password=self.password,
                    member_id=m.id,
                    data_key=self._data_key(s) if role is Role.SECRETARY else None,
                )
                user_id = u.id
            actors.append(
                Actor(
                    user_id,
                    username,
                    m.full_name,
                    role,
                    sec.office_id,
                    sec.office_kind,
                    sec.province_code,
                    m.id,
                )
            )
        self.members[sec.office_id] = actors

    def _data_key(self, s: Session) -> bytes:
        return users.unlock_data_key(s, self.admin, self.password)

    def meeting(self, s: Session, sec: Actor, since: datetime) -> str:
        """The meeting that decides now: a recent one held after ``since`` (the previous step), or a
        new one today. The decision is dated the day of the meeting."""
        pool = self.meetings.setdefault(sec.office_id, [])
        day, after = local_day(self.clock.now), local_day(since)
        recent = [m for m in pool if after < m[0] <= day]
        if recent and self.rng.random() < 0.75:
            held_on, meeting_id = max(recent)
            self.clock.now = max(office_hours(held_on, self.rng), since + timedelta(hours=1))
            return meeting_id
        attendees = [a.member_id for a in self.members[sec.office_id] if a.member_id]
        m = groups.create_meeting(
            s,
            sec,
            groups.MeetingInput(
                held_on=day,
                location="سالن جلسات "
                + (
                    "سازمان توسعه تجارت" if sec.office_kind is OfficeKind.CENTRAL else "سازمان بازرگانی استان"
                ),
                agenda="بررسی طرح‌های توجیهی خوشه‌های معرفی‌شده و امتیازدهی بر اساس معیارهای ماده ۷",
                minutes_text="جلسه با حضور اعضا تشکیل شد. طرح‌های توجیهی ارائه‌شده بررسی و دربارهٔ هر یک تصمیم‌گیری شد.",
                attendee_ids=attendees[: max(3, len(attendees) - self.rng.randint(0, 1))],
                resolutions=["مقرر شد دبیرخانه نتایج را به خوشه‌ها اعلام کند."],
            ),
        )
        pool.append((day, m.id))
        return m.id

    # ------------------------------------------------------------ clusters
    def cluster_input(
        self,
        province: str,
        county: str,
        name: str,
        sector: str,
        products: list[tuple[str, str]],
        markets: list[str],
    ) -> clusters.ClusterInput:
        r = self.rng
        firms = r.randint(12, 180)
        employees = firms * r.randint(6, 40)
        exports = r.randint(2, 400) * 100_000
        year = jalali_year(today())
        years = [
            clusters.YearInput(
                y,
                r.randint(50, 2000) * 10**9,
                int(exports * r.uniform(0.6, 1.1)),
                int(employees * r.uniform(0.8, 1.0)),
            )
            for y in (year - 3, year - 2, year - 1)
        ]
        return clusters.ClusterInput(
            name=name,
            county=county,
            province_code=province,
            city=county,
            sector=sector,
            description=f"خوشهٔ {name} با حدود {to_persian_digits(firms)} بنگاه کوچک و متوسط در شهرستان "
            f"{county} فعال است و "
            f"بخشی از تولید خود را به بازارهای منطقه صادر می‌کند.",
            firms_count=firms,
            employees=employees,
            annual_production_rial=r.randint(100, 5000) * 10**9,
            annual_exports_usd=exports,
            managing_entity=f"{r.choice(ENTITY_TYPES)} {name.replace('خوشه ', '')}",
            managing_entity_type=r.choice(ENTITY_TYPES),
            managing_entity_reg_no=str(r.randint(1000, 99999)),
            contact_name=self.person(),
            contact_phone=f"0{r.randint(11, 87)}{r.randint(3000000, 3999999)}",
            contact_email=f"info{r.randint(10, 999)}@cluster.ir",
            products=[clusters.ProductInput(hs, n) for hs, n in products],
            markets=[clusters.MarketInput(m, r.choice([20, 30, 40, 50])) for m in markets],
            firms=[
                clusters.FirmInput(
                    f"شرکت {self.rng.choice(LAST_NAMES)} {sector}",
                    str(r.randint(10**10, 10**11 - 1)),
                    r.randint(5, 120),
                    r.random() < 0.5,
                )
                for _ in range(3)
            ],
            yearly=years,
        )

    def pick_cluster(self, s: Session, province: str | None, index: int) -> ClusterSample:
        """A real cluster of the catalogue first, then template clusters in the province's counties."""
        catalogue = [
            c for c in CLUSTERS if (province is None or c[0] == province) and c[0] not in self.leave_out
        ]
        if index < len(catalogue):
            c = catalogue[index]
            if (c[0], c[1], c[2]) not in self.used_names:
                self.used_names.add((c[0], c[1], c[2]))
                return c
        provinces = (
            [province]
            if province
            else [p.code for p in s.scalars(select(Province)) if p.code not in self.leave_out]
        )
        for _ in range(10_000):
            prov = self.rng.choice(provinces)
            p = _province(s, prov)
            counties = sorted(
                {c[1] for c in CLUSTERS if c[0] == prov} | {p.capital_fa, *COUNTIES.get(prov, ())}
            )
            county = self.rng.choice(counties)
            pattern, sector, hs, product = self.rng.choice(TEMPLATES)
            name = pattern.format(county=county)
            if (prov, county, name) not in self.used_names:
                self.used_names.add((prov, county, name))
                return (prov, county, name, sector, [(hs, product)], self.rng.sample(MARKETS, 2))
        raise RuntimeError("ran out of sample names")

    # ------------------------------------------------------------ walking a dossier to a state
    def walk(self, s: Session, d: Dossier, target: S, days: list[date]) -> None:
        """Take the dossier to ``target``, step ``i`` on ``days[i + 1]`` (``days[0]``: recorded)."""
        sec = self.office_actor(s, d.owner_office_id)
        for step, day in zip(_path_to(target), days[1:], strict=True):
            since, self.clock.now = self.clock.now, office_hours(day, self.rng)
            self.clock.now = max(self.clock.now, since + timedelta(hours=1))
            if step == "plan":
                plans.save_plan(s, sec, d.id, self.plan_input(d, complete=target is not S.PLAN_IN_PROGRESS))
            elif step == "sheets":
                self.score(
                    s,
                    d,
                    self.members[sec.office_id],
                    submit_all=target is not S.PROVINCIAL_EVALUATION,
                    target=target,
                )
            elif step == "central_sheets":
                centre = self.office_actor(s, CENTRAL_OFFICE_ID)
                self.score(
                    s,
                    d,
                    self.members[centre.office_id],
                    submit_all=target is not S.CENTRAL_REVIEW,
                    target=target,
                )
            elif step in ("approve_provincial", "reject_provincial", "return_provincial"):
                comment = {
                    "approve_provincial": "طرح توجیهی کامل و امتیاز بالاتر از حد نصاب است.",
                    "reject_provincial": "خوشه تمرکز جغرافیایی و پتانسیل صادراتی کافی ندارد.",
                    "return_provincial": "اهداف صادراتی سالانه و برآورد سرمایه‌گذاری باید اصلاح شود.",
                }[step]
                workflow.transition(
                    s, sec, d.id, step, comment=comment, meeting_id=self.meeting(s, sec, since)
                )
            elif step == "send_to_center":
                workflow.transition(s, sec, d.id, step, extra=(Requirement.BUNDLE,))
            elif step == "receive":
                centre = self.office_actor(s, CENTRAL_OFFICE_ID)
                workflow.transition(s, centre, d.id, step, extra=(Requirement.BUNDLE,))
            elif step in ("approve_central", "reject_central"):
                centre = self.office_actor(s, CENTRAL_OFFICE_ID)
                comment = (
                    "در بررسی ثانویه با اولویت‌های ملی همخوان است."
                    if step == "approve_central"
                    else "با اولویت‌های ملی صادرات همخوانی ندارد."
                )
                workflow.transition(
                    s,
                    centre,
                    d.id,
                    step,
                    comment=comment,
                    meeting_id=self.meeting(s, centre, since),
                )
            elif step == "open_central_review":
                workflow.transition(s, self.office_actor(s, CENTRAL_OFFICE_ID), d.id, step)
            elif step == "register":
                licenses.register(s, self.office_actor(s, CENTRAL_OFFICE_ID), d.id)
            elif step == "license":
                licenses.issue_license(
                    s,
                    self.office_actor(s, CENTRAL_OFFICE_ID),
                    self.centre_keys(s),
                    d.id,
                    licenses.LicenseInput(
                        issued_on=local_day(self.clock.now),
                        conditions="رعایت استانداردهای صادراتی و ارائه گزارش عملکرد سالانه",
                    ),
                )
            else:
                workflow.transition(s, sec, d.id, step)
            s.flush()  # audit entries are added after the change: stamp them with this step's time

    def centre_keys(self, s: Session) -> OfficeKeys:
        if self.keys is None:
            self.keys = office.load_office_keys(s, self.admin, self.password)
        return self.keys

    def plan_input(self, d: Dossier, *, complete: bool) -> plans.PlanInput:
        r = self.rng
        name = d.cluster.name
        p = plans.PlanInput(
            overview=f"{name} از بنگاه‌های کوچک و متوسط هم‌جوار تشکیل شده و زنجیرهٔ تأمین مشترک دارد.",
            market="بازارهای هدف اصلی کشورهای همسایه و حاشیهٔ خلیج فارس‌اند؛ تقاضا در سه سال اخیر رو به رشد بوده است.",
            strengths="تجربهٔ طولانی تولید، نیروی کار ماهر، نام‌آوری محصول در بازار داخلی.",
            weaknesses="بسته‌بندی ضعیف، نبود برند مشترک، دسترسی محدود به سرمایه در گردش.",
            opportunities="توافق‌های تجارت ترجیحی با کشورهای همسایه و نمایشگاه‌های تخصصی.",
            threats="رقبای منطقه‌ای با قیمت پایین‌تر و نوسان نرخ ارز.",
            investment_rial=r.randint(20, 800) * 10**9,
            investment_note="خرید تجهیزات بسته‌بندی مشترک، آزمایشگاه کنترل کیفیت و آموزش بازاریابی صادراتی.",
            actions="ایجاد شرکت مدیریت خوشه، برند مشترک، حضور در دو نمایشگاه خارجی در سال.",
            expected_results="افزایش صادرات و اشتغال پایدار در شهرستان.",
            targets=[
                plans.TargetInput(y, r.randint(5, 80) * 100_000, r.randint(50, 900))
                for y in range(jalali_year(self.clock.now) + 1, jalali_year(self.clock.now) + 4)
            ],
        )
        if not complete:
            p = replace(p, threats="", expected_results="", targets=[])
        return p

    def score(self, s: Session, d: Dossier, members: list[Actor], *, submit_all: bool, target: S) -> None:
        # Decisions follow the scores: approved dossiers score high, rejected ones low.
        good = {
            S.PROVINCIALLY_APPROVED,
            S.SENT_TO_CENTER,
            S.RECEIVED,
            S.CENTRAL_REVIEW,
            S.APPROVED,
            S.REGISTERED,
            S.LICENSED,
        }
        base = (
            4
            if target in good
            else 1
            if target in (S.PROVINCIALLY_REJECTED, S.CENTRALLY_REJECTED)
            else self.rng.randint(2, 3)
        )
        for i, m in enumerate(members[:4]):
            self.clock.now += timedelta(minutes=self.rng.randint(10, 50))  # each member on their own
            sheet = evaluations.SheetInput(
                scores={
                    f"C{k}": max(
                        0, min(5, base + self.rng.choice([-1, 0, 0, 1, 1]) + (2 if k == 4 and i == 0 else 0))
                    )
                    for k in range(1, 10)
                },
                comments={"C4": "سهم صادراتی در سه سال اخیر قابل توجه بوده است."} if i == 0 else {},
                comment="ارزیابی بر اساس طرح توجیهی و بازدید میدانی.",
            )
            evaluations.save_sheet(s, m, d.id, sheet, submit=submit_all or i < 2)

    def initial_list(self, s: Session, n: int) -> None:
        """A few national-priority clusters the centre put on its initial list (F3) in recent weeks."""
        centre = self.office_actor(s, CENTRAL_OFFICE_ID)
        notes = [
            "خوشهٔ اولویت‌دار نقشهٔ ملی خوشه‌های سازمان صنایع کوچک؛ تکمیل طرح توجیهی از استان درخواست شد.",
            "پیشنهاد معاونت توسعه صادرات برای بازارهای همسایه؛ طرح توجیهی توسط استان تکمیل شود.",
        ]
        for i in range(n):
            prov, county, name, sector, products, markets = self.pick_cluster(s, None, len(CLUSTERS))
            self.clock.now = office_hours(today() - timedelta(days=self.rng.randint(5, 70)), self.rng)
            central.add_to_initial_list(
                s,
                centre,
                self.cluster_input(prov, county, name, sector, products, markets),
                note=notes[i % len(notes)],
                request=i < n - 1,  # the newest is still waiting to be sent to its province
            )
            s.flush()


def _busiest_provinces(s: Session, b: DemoBuilder, n: int) -> list[str]:
    """The ``n`` sample provinces with the most clusters a provincial programme may be for."""
    from cluster_desktop.services.programme_access import eligible_clusters

    counts = {
        office_id: len(eligible_clusters(s, b.office_actor(s, office_id)))
        for office_id in sorted(b.secretaries)
        if office_id != CENTRAL_OFFICE_ID
    }
    return sorted((p for p in counts if counts[p]), key=lambda p: (-counts[p], p))[:n]


def _province(s: Session, code: str) -> Province:
    """The seeded province ``code``; every office's province is in the reference data."""
    province = s.get(Province, code)
    if province is None:
        raise LookupError(f"province {code!r} is missing from the reference data")
    return province


def _path_to(target: S) -> list[str]:
    base = ["nominate", "issue_plan", "plan", "submit_plan", "open_evaluation", "sheets"]
    paths: dict[S, list[str]] = {
        S.DRAFT: [],
        S.NOMINATED: ["nominate"],
        S.PLAN_IN_PROGRESS: ["nominate", "issue_plan", "plan"],
        S.PLAN_SUBMITTED: ["nominate", "issue_plan", "plan", "submit_plan"],
        S.PROVINCIAL_EVALUATION: base,
        S.RETURNED: [*base, "return_provincial"],
        S.PROVINCIALLY_REJECTED: [*base, "reject_provincial"],
        S.PROVINCIALLY_APPROVED: [*base, "approve_provincial"],
    }
    if target in paths:
        return paths[target]
    sent = [*base, "approve_provincial", "send_to_center"]
    central = {
        S.SENT_TO_CENTER: sent,
        S.RECEIVED: [*sent, "receive"],
        S.CENTRAL_REVIEW: [*sent, "receive", "open_central_review", "central_sheets"],
        S.CENTRALLY_REJECTED: [*sent, "receive", "open_central_review", "central_sheets", "reject_central"],
        S.APPROVED: [*sent, "receive", "open_central_review", "central_sheets", "approve_central"],
    }
    central[S.REGISTERED] = [*central[S.APPROVED], "register"]
    central[S.LICENSED] = [*central[S.REGISTERED], "license"]
    return central[target]


def fill_demo(
    ws: Workspace,
    admin: Actor,
    password: str,
    *,
    count: int | None = None,
    seed: int = 1405,
    leave_out: frozenset[str] = frozenset(),
    programmes: bool = True,
) -> int:
    """Fill a freshly set-up office with ``count`` sample dossiers; returns how many were made.

    A central demo makes no sample data for the provinces in ``leave_out`` (their real offices send
    theirs). ``programmes`` False leaves out the provinces' development programmes (phases 2 and 3,
    with the centre's part a provincial demo stands in for)."""
    rng = random.Random(seed)
    is_central = admin.office_kind is OfficeKind.CENTRAL
    count = count if count is not None else (120 if is_central else 27)
    cycle = CENTRAL_CYCLE if is_central else PROVINCIAL_CYCLE
    initial = min(5, count // 30) if is_central and count >= INITIAL_LIST_FROM else 0
    b = DemoBuilder(ws, admin, password, rng, leave_out)
    with ws.db.session() as s:
        # Every state at least once, then the rest weighted towards a mature programme.
        targets = list(cycle)
        while len(targets) < count - initial:
            targets.append(rng.choices(cycle, weights=CENTRAL_WEIGHTS if is_central else None)[0])
        targets = targets[: count - initial]
        planned = []
        for i, target in enumerate(targets):
            picked = b.pick_cluster(s, None if is_central else admin.province_code, i)
            planned.append((plan_days(rng, _path_to(target)), target, picked))
        # Dossiers finished last are made last, so licenses are numbered in the order of issue.
        planned.sort(key=lambda p: p[0][-1])
        b.clock.install(s)
        try:
            # The working groups were set up before the first dossier was recorded.
            b.clock.now = office_hours(min(p[0][0] for p in planned) - timedelta(days=30), rng)
            b.office_actor(s, admin.office_id)
            owners = {p[2][0] if is_central else admin.office_id for p in planned}
            # The licence and letters name the head who signs; a separate stream keeps the rest as seeded.
            add_secretariats(s, admin, owners, random.Random(f"{seed}:{admin.office_id}:secretariat"))
            for owner in sorted(owners | ({CENTRAL_OFFICE_ID} if is_central else set())):
                b.office_actor(s, owner)
            s.flush()
            for days, target, (prov, county, name, sector, products, markets) in planned:
                b.clock.now = office_hours(days[0], rng)
                sec = b.office_actor(s, prov if is_central else admin.office_id)
                d = clusters.create_cluster(
                    s, sec, b.cluster_input(prov, county, name, sector, products, markets)
                )
                s.flush()
                s.refresh(d)
                b.walk(s, d, target, days)
            if initial:
                b.initial_list(s, initial)
            if is_central:
                centre_exchange(s, admin, b.clock, rng)
                # A separate stream, so the dossiers and programmes stay as seeded. The instructions
                # come first: the provinces' approvals apply the ceiling of F5-2 (F9-2).
                add_instructions(s, b.office_actor(s, admin.office_id), b.clock, random.Random(seed + 5))
                add_programmes(s, b)
                for province in _busiest_provinces(s, b, 2) if programmes else []:
                    add_province_programmes(s, b, province)
            elif programmes:
                # What the centre's decision bundles brought: its instructions, F5-2's ceiling with them.
                instructions_rng = random.Random(seed + 5)
                saved, b.rng = b.rng, instructions_rng  # the centre's group is made with its own stream
                b.office_actor(s, CENTRAL_OFFICE_ID)
                b.rng = saved
                add_instructions(s, b.office_actor(s, CENTRAL_OFFICE_ID), b.clock, instructions_rng)
                add_province_programmes(s, b, admin.office_id)
            add_events(s, b.office_actor(s, admin.office_id), b.clock, rng, central=is_central)
            # Minutes are signed after their meeting; each office's latest stays open for new decisions.
            for office_id, pool in b.meetings.items():
                sec = b.office_actor(s, office_id)
                for _day, meeting_id in sorted(pool)[:-1]:
                    groups.finalize_meeting(s, sec, meeting_id)
            s.flush()
        finally:
            b.clock.remove(s)
        renumber_meetings(s)
        renumber_databank(s)
    return count


__all__ = ["Meeting", "Member", "User", "fill_demo"]
