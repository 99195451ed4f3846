"""Instructions of the programme (F5) and their revisions (F15): the centre issues each instruction
the seed names under F5 (F5-1 … F5-4) as a numbered revision with its Jalali date and full text. A
new revision never rewrites an old one; the newest is the one in force. They reach the provinces
with the next decision bundle, where they are read-only.

The instruction for accepting development programmes (F5-2) also carries the rule of provincial
authority: the largest budget a provincial working group approves itself (F9-2). It is published,
revised and carried with the instruction's revisions; the one in force decides (see ``authority``)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import FieldCollector, NotFound
from cluster_desktop.domain.jalali import today
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.domain.workflow import AUTHORITY_INSTRUCTION
from cluster_desktop.store.models import Instruction, ProcessStep

from . import audit, forms
from .actor import Actor, require, require_office

PARENT = "F5"
AUTHORITY_CODE = AUTHORITY_INSTRUCTION  # دستورالعمل پذیرش طرح‌های توسعه‌ای: the provincial ceiling
MAX_BODY = 100_000
MAX_CEILING = 10**18  # rial; as every amount of a programme
ISSUERS = (Role.ADMIN, Role.SECRETARY)


@dataclass(frozen=True)
class Topic:
    """One instruction the programme calls for (a sub-process of F5)."""

    code: str
    title_fa: str


@dataclass(frozen=True)
class InstructionRow:
    code: str
    topic_fa: str
    revision: int | None  # None: not issued yet
    title: str
    issued_on: date | None
    revisions: int


@dataclass(frozen=True)
class RevisionRow:
    id: str
    code: str
    revision: int
    title: str
    issued_on: date
    body: str
    in_force: bool  # the newest revision; earlier ones are kept for the record
    provincial_ceiling_rial: int | None = None  # F5-2 only


@dataclass(frozen=True)
class Authority:
    """The rule of provincial authority in force: a revision of F5-2 and its ceiling."""

    instruction_id: str
    revision: int
    issued_on: date
    ceiling_rial: int | None  # None: the revision sets none, every programme is referred

    def covers(self, budget_rial: int) -> bool:
        return self.ceiling_rial is not None and budget_rial <= self.ceiling_rial


@dataclass
class InstructionInput:
    code: str = ""
    title: str = ""
    issued_on: str | date | None = None
    body: str = ""
    provincial_ceiling_rial: int | str | None = None  # F5-2 only; empty: no ceiling


def topics(session: Session) -> list[Topic]:
    """The instructions the seed names under F5, in its order."""
    q = select(ProcessStep).where(ProcessStep.parent_code == PARENT).order_by(ProcessStep.order)
    return [Topic(p.code, p.title_fa) for p in session.scalars(q)]


def instruction_rows(session: Session) -> list[InstructionRow]:
    """Every F5 instruction with the revision in force (or none yet) and how many revisions it has."""
    rows = []
    for t in topics(session):
        found = revisions(session, t.code)
        latest = found[0] if found else None
        rows.append(
            InstructionRow(
                t.code,
                t.title_fa,
                latest.revision if latest else None,
                latest.title if latest else "",
                latest.issued_on if latest else None,
                len(found),
            )
        )
    return rows


def revisions(session: Session, code: str) -> list[RevisionRow]:
    """Every revision of one instruction, newest (in force) first."""
    q = select(Instruction).where(Instruction.code == code).order_by(Instruction.revision.desc())
    return [
        RevisionRow(i.id, i.code, i.revision, i.title, i.issued_on, i.body, n == 0, i.provincial_ceiling_rial)
        for n, i in enumerate(session.scalars(q))
    ]


def revision(session: Session, code: str, number: int | None) -> Instruction | None:
    """Revision ``number`` of instruction ``code`` (None when there is no such revision here)."""
    if number is None:
        return None
    return session.scalar(select(Instruction).where(Instruction.code == code, Instruction.revision == number))


def authority(session: Session) -> Authority | None:
    """The F5-2 revision in force and its provincial ceiling; None before the centre issued one
    (until then nothing is within provincial authority)."""
    q = (
        select(Instruction)
        .where(Instruction.code == AUTHORITY_CODE)
        .order_by(Instruction.revision.desc())
        .limit(1)
    )
    found = session.scalar(q)
    if found is None:
        return None
    return Authority(found.id, found.revision, found.issued_on, found.provincial_ceiling_rial)


def may_issue(actor: Actor) -> bool:
    """Whether ``actor`` may issue revisions (the centre's secretariat); ``issue`` checks it again."""
    return actor.office_kind is OfficeKind.CENTRAL and (actor.role in ISSUERS)


def draft_for(session: Session, code: str) -> InstructionInput:
    """A new revision starts from the text in force (or, for a first one, the seed's title)."""
    found = revisions(session, code)
    if found:
        r = found[0]
        return InstructionInput(code, r.title, today(), r.body, r.provincial_ceiling_rial)
    topic = next((t for t in topics(session) if t.code == code), None)
    if topic is None:
        raise NotFound("این دستورالعمل در برنامه تعریف نشده است.", "No such instruction in the programme.")
    return InstructionInput(code, topic.title_fa, today(), "")


def issue(session: Session, actor: Actor, data: InstructionInput) -> Instruction:
    """Record a new revision of an instruction; it is in force from now on."""
    require_office(actor, OfficeKind.CENTRAL, what_fa="صدور دستورالعمل", what_en="issue instructions")
    require(actor, ISSUERS, what_fa="صدور دستورالعمل", what_en="issue instructions")
    c = FieldCollector()
    codes = {t.code for t in topics(session)}
    if data.code not in codes:
        c.add("code", "دستورالعمل را از فهرست برنامه انتخاب کنید.", "Choose the instruction from the list.")
    title = forms.text(c, data.title, "title", "عنوان", "Title", required=True)
    issued = forms.jalali(c, data.issued_on, "issued_on", "تاریخ ابلاغ", "Issued on", required=True)
    if issued and issued > today():
        c.add("issued_on", "تاریخ ابلاغ نمی‌تواند در آینده باشد.", "The issue date cannot be in the future.")
    body = forms.text(
        c, data.body, "body", "متن دستورالعمل", "Text", required=True, single_line=False, max_len=MAX_BODY
    )
    ceiling = _ceiling(c, data)
    c.raise_if_any()
    found = revisions(session, data.code)
    latest = found[0] if found else None
    if latest is not None and issued is not None and issued < latest.issued_on:
        c.add(
            "issued_on",
            "بازنگری نمی‌تواند پیش از ابلاغ نسخهٔ پیشین باشد.",
            "A revision cannot be dated before the one it replaces.",
        )
        c.raise_if_any()
    item = Instruction(
        owner_office_id=actor.office_id,
        code=data.code,
        revision=(latest.revision if latest else 0) + 1,
        title=title,
        issued_on=issued,
        body=body,
        provincial_ceiling_rial=ceiling,
    )
    session.add(item)
    session.flush()
    audit.record(
        session,
        actor,
        "instruction.issue",
        "instruction",
        item.id,
        code=item.code,
        revision=item.revision,
        ceiling=item.provincial_ceiling_rial,
    )
    return item


def _ceiling(c: FieldCollector, data: InstructionInput) -> int | None:
    """The provincial ceiling of an F5-2 revision (empty: none); other instructions have none."""
    raw = data.provincial_ceiling_rial
    if raw is None or (isinstance(raw, str) and not raw.strip()):
        return None
    if data.code != AUTHORITY_CODE:
        c.add(
            "provincial_ceiling_rial",
            "سقف اختیارات استان فقط در دستورالعمل پذیرش طرح‌های توسعه‌ای (F5-2) تعیین می‌شود.",
            "The provincial ceiling is set only in the instruction for accepting programmes (F5-2).",
        )
        return None
    return forms.number(
        c,
        raw,
        "provincial_ceiling_rial",
        "سقف اختیارات استان (ریال)",
        "Provincial ceiling (rial)",
        minimum=0,
        maximum=MAX_CEILING,
    )
