"""The secretariat's details (F1/F2): head and post, secretary, address, postal code, phone, e-mail and
the letterhead printed on the office's documents.

Each office keeps one ``OfficeDetails`` row of its own and edits it here (the administrator or the
working group's secretary, who runs the secretariat); the row travels in every bundle that follows a
change, so a peer prints the sender's current details. A peer's row is read-only here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, fields, replace
from datetime import datetime
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import (
    FieldCollector,
    NotFound,
    PermissionDenied,
    ValidationError,
    bilingual,
)
from cluster_desktop.domain.images import FIELD as LETTERHEAD_FIELD
from cluster_desktop.domain.images import MAX_LETTERHEAD_BYTES, check_letterhead, check_size
from cluster_desktop.domain.numbers import to_latin_digits, to_persian_digits
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.store.models import Office, OfficeDetails

from . import audit, forms
from .actor import Actor, require

CENTRE_HEAD_POST = "رئیس کل سازمان توسعه تجارت ایران"
ADDRESS_MAX = 1000
_POSTAL = re.compile(r"^\d{5}-?\d{5}$")  # Iran's ten-digit postal code, often written 12345-67890


@dataclass(frozen=True)
class DetailsInput:
    """What the secretariat's form (or ``office set``) edits; text as typed."""

    head_name: str = ""
    head_title: str = ""
    secretary_name: str = ""
    address: str = ""
    postal_code: str = ""
    phone: str = ""
    email: str = ""
    letterhead_text: str = ""


@dataclass(frozen=True)
class Secretariat:
    """An office's details as screens and printed documents use them."""

    office_id: str
    office_name: str
    central: bool
    head_name: str = ""
    head_title: str = ""
    secretary_name: str = ""
    address: str = ""
    postal_code: str = ""
    phone: str = ""
    email: str = ""
    letterhead_text: str = ""
    letterhead: bytes | None = None
    letterhead_type: str = ""
    version: int = 0  # 0: never recorded (or not received yet from that office)
    updated_at: datetime | None = None

    @property
    def default_post(self) -> str:
        """The head's usual post: TPO's president, or the head of the provincial organisation."""
        return CENTRE_HEAD_POST if self.central else f"رئیس {self.office_name}"

    @property
    def head_post(self) -> str:
        """The head's post as signed: the title recorded, else the usual one."""
        return self.head_title or self.default_post

    def as_input(self) -> DetailsInput:
        return DetailsInput(**{f.name: getattr(self, f.name) for f in fields(DetailsInput)})


def _row(session: Session, office_id: str) -> OfficeDetails | None:
    return session.scalar(select(OfficeDetails).where(OfficeDetails.owner_office_id == office_id))


def details_of(session: Session, office_id: str) -> Secretariat:
    """Any office's details as this office knows them (a peer's as its last bundle carried them)."""
    office = session.get(Office, office_id)
    if office is None:
        raise NotFound(f"دفتری با شناسهٔ «{office_id}» نیست.", f"No office '{office_id}'.")
    base = Secretariat(office.id, office.name_fa, office.kind == OfficeKind.CENTRAL.value)
    row = _row(session, office_id)
    if row is None:
        return base
    return replace(
        base,
        **{f.name: getattr(row, f.name) for f in fields(DetailsInput)},
        letterhead=row.letterhead,
        letterhead_type=row.letterhead_type,
        version=row.version,
        updated_at=row.updated_at,
    )


def local_details(session: Session) -> Secretariat:
    from .users import local_office

    return details_of(session, local_office(session).id)


def may_edit(actor: Actor) -> bool:
    """The administrator and the working group's secretary keep the secretariat's details."""
    return actor.role in (Role.ADMIN, Role.SECRETARY)


def postal_code(c: FieldCollector, value: str | None) -> str:
    """Ten digits (any digits), with or without the dash after the fifth; stored with Latin digits."""
    got = to_latin_digits((value or "").strip()).replace(" ", "")
    if got and not _POSTAL.match(got):
        c.add(
            "postal_code",
            "کد پستی ده رقم است (مانند ۱۲۳۴۵-۶۷۸۹۰).",
            "A postal code has ten digits (e.g. 12345-67890).",
        )
    return got


def check_details(data: DetailsInput) -> DetailsInput:
    """The form's values cleaned, or a ``FormError`` naming every field that is refused."""
    c = FieldCollector()
    col = OfficeDetails
    out = DetailsInput(
        head_name=forms.text(c, data.head_name, "head_name", "نام رئیس", "Head", column=col.head_name),
        head_title=forms.text(
            c, data.head_title, "head_title", "سمت رئیس", "Head's post", column=col.head_title
        ),
        secretary_name=forms.text(
            c, data.secretary_name, "secretary_name", "نام دبیر", "Secretary", column=col.secretary_name
        ),
        address=forms.text(
            c, data.address, "address", "نشانی", "Address", single_line=False, max_len=ADDRESS_MAX
        ),
        postal_code=postal_code(c, data.postal_code),
        phone=forms.phone_number(c, data.phone),
        email=forms.email(c, data.email, "email", column=col.email),
        letterhead_text=forms.text(
            c,
            data.letterhead_text,
            "letterhead_text",
            "سطر زیر سربرگ",
            "Line under the letterhead",
            column=col.letterhead_text,
        ),
    )
    c.raise_if_any()
    return out


def read_letterhead_file(path: str | Path) -> bytes:
    """The bytes of a chosen image file, refused (beside the letterhead) before a huge file is read."""
    p = Path(path)
    try:
        check_size(p.stat().st_size)
        with open(p, "rb") as f:
            return f.read(MAX_LETTERHEAD_BYTES + 1)  # grown since: check_letterhead says so
    except OSError as exc:
        raise ValidationError(
            f"پروندهٔ «{p.name}» خوانده نشد.", f"The file '{p.name}' cannot be read.", field=LETTERHEAD_FIELD
        ) from exc


def load_letterhead(path: str | Path) -> bytes:
    """A chosen image file, read and checked as a save would check it (so the form says at once)."""
    data = read_letterhead_file(path)
    check_letterhead(data)
    return data


def _local_office(session: Session, actor: Actor) -> Office:
    from .users import local_office

    office = local_office(session)
    if actor.office_id != office.id:
        raise PermissionDenied("این کاربر از دفتر دیگری است.", "This user belongs to another office.")
    return office


def write_details(session: Session, office_id: str, data: DetailsInput) -> OfficeDetails:
    """The office's first details row (setup), from checked values."""
    row = OfficeDetails(owner_office_id=office_id, version=1, **vars(check_details(data)))
    session.add(row)
    return row


def update_details(
    session: Session,
    actor: Actor,
    data: DetailsInput,
    *,
    letterhead: bytes | None = None,
    clear_letterhead: bool = False,
) -> Secretariat:
    """Save the local office's details; ``letterhead`` replaces the image, ``clear_letterhead``
    removes it. Every problem is named beside its field and nothing is saved then. The version moves
    only on a real change, so an unchanged save sends nothing new."""
    require(
        actor, (Role.SECRETARY,), what_fa="ویرایش مشخصات دبیرخانه", what_en="edit the secretariat's details"
    )
    office = _local_office(session, actor)
    c = FieldCollector()
    cleaned = c.check(check_details, data)
    image = c.check(check_letterhead, letterhead) if letterhead is not None else None
    c.raise_if_any()
    assert cleaned is not None
    row = _row(session, office.id)
    if row is None:
        row = OfficeDetails(owner_office_id=office.id, version=0, letterhead=None, letterhead_type="")
        session.add(row)
    changed = [f.name for f in fields(DetailsInput) if getattr(row, f.name, None) != getattr(cleaned, f.name)]
    for name in changed:
        setattr(row, name, getattr(cleaned, name))
    if image is not None and letterhead != row.letterhead:
        row.letterhead, row.letterhead_type = letterhead, image.media_type
        changed.append("letterhead")
    elif clear_letterhead and row.letterhead is not None:
        row.letterhead, row.letterhead_type = None, ""
        changed.append("letterhead")
    if changed or row.version == 0:
        row.version += 1
        session.flush()
        audit.record(session, actor, "office.details", "office", office.id, fields=changed)
    return details_of(session, office.id)


def describe(details: Secretariat) -> list[tuple[str, str]]:
    """Label/value lines of the details in the chosen language (``office show``), empty ones left out."""
    lines = [
        (("دفتر", "Office"), details.office_name),
        (("رئیس", "Head"), details.head_name),
        (("سمت رئیس", "Head's post"), details.head_post),
        (("دبیر", "Secretary"), details.secretary_name),
        (("نشانی", "Address"), details.address),
        (("کد پستی", "Postal code"), bilingual(to_persian_digits(details.postal_code), details.postal_code)),
        (("تلفن", "Telephone"), bilingual(to_persian_digits(details.phone), details.phone)),
        (("رایانامه", "E-mail"), details.email),
        (("سطر زیر سربرگ", "Line under the letterhead"), details.letterhead_text),
    ]
    return [(bilingual(*label), value) for label, value in lines if value]
