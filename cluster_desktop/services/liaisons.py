"""F2-1, «معرفی نمایندهٔ ارتباطی TPO و استان»: the TPO expert each province deals with at the centre.

The centre keeps the register (one liaison per province, its secretary or administrator edits it)
beside what it knows of each provincial secretariat (head, secretary, telephone, as the province's
last bundle carried them); each province's row travels to that province only, which shows it
read-only with its own details.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import FieldCollector, ValidationError
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.store.models import OfficeDetails, Province, ProvinceLiaison

from . import audit, forms
from .actor import Actor, require, require_office


@dataclass(frozen=True)
class LiaisonInput:
    full_name: str = ""
    position: str = ""
    phone: str = ""
    email: str = ""


@dataclass(frozen=True)
class Liaison:
    province_code: str
    full_name: str
    position: str
    phone: str
    email: str
    updated_at: datetime | None = None

    @property
    def is_set(self) -> bool:
        return bool(self.full_name or self.phone or self.email)


@dataclass(frozen=True)
class RegisterRow:
    """One province in the centre's register: its liaison and its secretariat as last received."""

    province_code: str
    province_fa: str
    province_en: str
    liaison: Liaison
    head_name: str = ""
    secretary_name: str = ""
    secretariat_phone: str = ""
    secretariat_email: str = ""
    details_received: datetime | None = None  # None: no bundle carried the province's details yet


def _liaison(row: ProvinceLiaison | None, code: str) -> Liaison:
    if row is None:
        return Liaison(code, "", "", "", "")
    return Liaison(code, row.full_name, row.position, row.phone, row.email, row.updated_at)


def liaison_of(session: Session, province_code: str) -> Liaison:
    """The province's TPO liaison as this office knows it (empty when none is recorded or received)."""
    row = session.scalar(select(ProvinceLiaison).where(ProvinceLiaison.province_code == province_code))
    return _liaison(row, province_code)


def register(session: Session) -> list[RegisterRow]:
    """The 31 provinces in reference order, with liaison and secretariat."""
    liaisons = {r.province_code: r for r in session.scalars(select(ProvinceLiaison))}
    details = {d.owner_office_id: d for d in session.scalars(select(OfficeDetails))}
    rows = []
    for p in session.scalars(select(Province).order_by(Province.code)):
        d = details.get(p.code)  # a provincial office's id is its province code
        rows.append(
            RegisterRow(
                p.code,
                p.name_fa,
                p.name_en,
                _liaison(liaisons.get(p.code), p.code),
                d.head_name if d else "",
                d.secretary_name if d else "",
                d.phone if d else "",
                d.email if d else "",
                d.updated_at if d else None,
            )
        )
    return rows


def check_liaison(data: LiaisonInput) -> LiaisonInput:
    c = FieldCollector()
    col = ProvinceLiaison
    out = LiaisonInput(
        full_name=forms.text(c, data.full_name, "full_name", "نام نماینده", "Liaison", column=col.full_name),
        position=forms.text(c, data.position, "position", "سمت", "Post", column=col.position),
        phone=forms.phone_number(c, data.phone),
        email=forms.email(c, data.email, "email", column=col.email),
    )
    if not out.full_name and (out.phone or out.email or out.position):
        c.add("full_name", "نام نماینده را وارد کنید.", "Enter the liaison's name.")
    c.raise_if_any()
    return out


def set_liaison(session: Session, actor: Actor, province_code: str, data: LiaisonInput) -> Liaison:
    """Record (or, with every field empty, clear) a province's TPO liaison; it reaches that province
    with the next decision bundle. The version moves only on a real change."""
    require_office(actor, OfficeKind.CENTRAL, what_fa="ثبت نمایندهٔ ارتباطی", what_en="record liaisons")
    require(actor, (Role.SECRETARY,), what_fa="ثبت نمایندهٔ ارتباطی", what_en="record liaisons")
    if session.get(Province, province_code) is None:
        raise ValidationError(
            f"استانی با کد «{province_code}» نیست.", f"No province '{province_code}'.", field="province"
        )
    cleaned = check_liaison(data)
    row = session.scalar(select(ProvinceLiaison).where(ProvinceLiaison.province_code == province_code))
    if row is None:
        if not any(vars(cleaned).values()):
            return _liaison(None, province_code)  # nothing recorded, nothing to clear
        row = ProvinceLiaison(owner_office_id=actor.office_id, province_code=province_code, version=0)
        session.add(row)
    changed = [k for k, v in vars(cleaned).items() if getattr(row, k, None) != v]
    for k in changed:
        setattr(row, k, getattr(cleaned, k))
    if changed:
        row.version += 1
        session.flush()
        audit.record(session, actor, "liaison.set", "province", province_code, fields=changed)
    return _liaison(row, province_code)
