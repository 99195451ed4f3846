"""Sample data for a new office: realistic Persian clusters in every state of the dossier workflow.

Every record is made through the same services the GUI uses, acting as the provincial secretariats,
their working-group members and (for a central office) the TPO secretariat, so the sample data obeys
every rule the real data does. Dates are spread over the last two Jalali years.
"""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date, datetime, timedelta

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.roles import MemberRole, OfficeKind, Role
from cluster_desktop.domain.workflow import DossierState, Requirement
from cluster_desktop.services import clusters, evaluations, groups, licenses, office, plans, users, workflow
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import Dossier, Member, Province, Transition, User, WorkingGroup, utcnow
from cluster_desktop.store.reference import CENTRAL_OFFICE_ID

from .catalog import (
    CENTRAL_MEMBERS,
    CLUSTERS,
    ENTITY_TYPES,
    FIRST_NAMES,
    LAST_NAMES,
    MARKETS,
    PROVINCE_MEMBERS,
    TEMPLATES,
)

S = DossierState
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


class DemoBuilder:
    def __init__(self, ws: Workspace, admin: Actor, password: str, rng: random.Random) -> None:
        self.ws = ws
        self.admin = admin
        self.password = password
        self.rng = rng
        self.members: dict[str, list[Actor]] = {}  # office id -> member actors
        self.secretaries: dict[str, Actor] = {}
        self.meetings: dict[str, list[str]] = {}
        self.used_names: set[tuple[str, str, str]] = set()
        self.keys = None

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
                pname = s.get(Province, province).name_fa if province else ""
                s.add(
                    WorkingGroup(
                        owner_office_id=office_id,
                        level=kind.value,
                        province_code=province,
                        name_fa=f"کارگروه توسعه صادرات استان {pname}",
                    )
                )
                s.flush()
        self.secretaries[office_id] = actor
        self._members(s, actor)
        return actor

    def _members(self, s: Session, sec: Actor) -> None:
        roster = CENTRAL_MEMBERS if sec.office_kind is OfficeKind.CENTRAL else PROVINCE_MEMBERS
        actors = []
        local = sec.office_id == self.admin.office_id
        for i, (org, position, seat) in enumerate(roster):
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
            if local:
                # Members of this office can log in (same password as the admin; see README).
                username = "secretary" if seat == "secretary" else f"member{i + 1}"
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
                    f"member-{m.id[:8]}",
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

    def meeting(self, s: Session, sec: Actor, held_on: date) -> str:
        pool = self.meetings.setdefault(sec.office_id, [])
        if pool and self.rng.random() < 0.7:
            return self.rng.choice(pool)
        attendees = [a.member_id for a in self.members[sec.office_id] if a.member_id]
        m = groups.create_meeting(
            s,
            sec,
            groups.MeetingInput(
                held_on=held_on,
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
        pool.append(m.id)
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
        years = [
            clusters.YearInput(
                y,
                r.randint(50, 2000) * 10**9,
                int(exports * r.uniform(0.6, 1.1)),
                int(employees * r.uniform(0.8, 1.0)),
            )
            for y in (1401, 1402, 1403)
        ]
        return clusters.ClusterInput(
            name=name,
            county=county,
            province_code=province,
            city=county,
            sector=sector,
            description=f"خوشهٔ {name} با حدود {firms} بنگاه کوچک و متوسط در شهرستان {county} فعال است و "
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

    def pick_cluster(self, s: Session, province: str | None, index: int) -> tuple:
        """A real cluster of the catalogue first, then template clusters in the province's counties."""
        catalogue = [c for c in CLUSTERS if province is None or c[0] == province]
        if index < len(catalogue):
            c = catalogue[index]
            if (c[0], c[1], c[2]) not in self.used_names:
                self.used_names.add((c[0], c[1], c[2]))
                return c
        provinces = [province] if province else [p.code for p in s.scalars(select(Province))]
        for _ in range(10_000):
            prov = self.rng.choice(provinces)
            p = s.get(Province, prov)
            counties = sorted({c[1] for c in CLUSTERS if c[0] == prov} | {p.capital_fa})
            county = self.rng.choice(counties)
            pattern, sector, hs, product = self.rng.choice(TEMPLATES)
            name = pattern.format(county=county)
            if (prov, county, name) not in self.used_names:
                self.used_names.add((prov, county, name))
                return (prov, county, name, sector, [(hs, product)], self.rng.sample(MARKETS, 2))
        raise RuntimeError("ran out of sample names")

    # ------------------------------------------------------------ walking a dossier to a state
    def walk(self, s: Session, d: Dossier, target: S) -> None:
        sec = self.office_actor(s, d.owner_office_id)
        day = date(2024, 4, 1) + timedelta(days=self.rng.randint(0, 540))
        path = _path_to(target)
        for step in path:
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
                workflow.transition(s, sec, d.id, step, comment=comment, meeting_id=self.meeting(s, sec, day))
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
                    meeting_id=self.meeting(s, centre, day + timedelta(days=60)),
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
                        issued_on=day + timedelta(days=120),
                        conditions="رعایت استانداردهای صادراتی و ارائه گزارش عملکرد سالانه",
                    ),
                )
            else:
                workflow.transition(s, sec, d.id, step)
        self.backdate(s, d, day)

    def centre_keys(self, s: Session):  # type: ignore[no-untyped-def]
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
                for y in (1405, 1406, 1407)
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

    def backdate(self, s: Session, d: Dossier, start: date) -> None:
        """Spread the dossier's history over plausible past dates (services stamp 'now')."""
        rows = list(
            s.scalars(select(Transition).where(Transition.dossier_id == d.id).order_by(Transition.at))
        )
        t = datetime(start.year, start.month, start.day, 6, 30, tzinfo=utcnow().tzinfo)
        for row in rows:
            t += timedelta(days=self.rng.randint(3, 25), hours=self.rng.randint(0, 5))
            row.at = min(t, utcnow())
        if rows:
            d.state_changed_at = rows[-1].at
            d.updated_at = rows[-1].at
        if d.nominated_on is not None and rows:
            d.nominated_on = rows[0].at.date()


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
    ws: Workspace, admin: Actor, password: str, *, count: int | None = None, seed: int = 1405
) -> int:
    """Fill a freshly set-up office with ``count`` sample dossiers; returns how many were made."""
    rng = random.Random(seed)
    central = admin.office_kind is OfficeKind.CENTRAL
    count = count if count is not None else (120 if central else 27)
    cycle = CENTRAL_CYCLE if central else PROVINCIAL_CYCLE
    b = DemoBuilder(ws, admin, password, rng)
    with ws.db.session() as s:
        b.office_actor(s, admin.office_id)
        # Every state at least once, then the rest weighted towards a mature programme.
        targets = list(cycle)
        while len(targets) < count:
            targets.append(rng.choices(cycle, weights=CENTRAL_WEIGHTS if central else None)[0])
        targets = targets[:count]
        for i, target in enumerate(targets):
            prov, county, name, sector, products, markets = b.pick_cluster(
                s, None if central else admin.province_code, i
            )
            owner = prov if central else admin.office_id
            sec = b.office_actor(s, owner)
            d = clusters.create_cluster(
                s, sec, b.cluster_input(prov, county, name, sector, products, markets)
            )
            s.refresh(d)
            b.walk(s, d, target)
    return count


__all__ = ["Member", "User", "fill_demo"]
