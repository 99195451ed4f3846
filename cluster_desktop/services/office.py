"""Setting up an office: its identity, keys, first administrator and working group."""

from __future__ import annotations

import base64
import json
from dataclasses import dataclass

from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
from pyrage import x25519
from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import ConflictError, ValidationError
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.domain.text import clean_text
from cluster_desktop.store.models import KeyWrap, LocalKeys, Office, Province, WorkingGroup
from cluster_desktop.store.reference import CENTRAL_OFFICE_ID
from cluster_desktop.sync import keys as office_keys

from . import audit, security, users
from .actor import Actor
from .office_details import DetailsInput, check_details, write_details
from .workspace import Workspace


@dataclass(frozen=True)
class OfficeSetup:
    kind: OfficeKind
    province_code: str | None
    admin_username: str
    admin_password: str
    admin_full_name: str = "مدیر سامانه"
    office_name: str = ""
    address: str = ""
    phone: str = ""
    email: str = ""
    head_name: str = ""
    secretary_name: str = ""


def _keys_to_bytes(keys: office_keys.OfficeKeys) -> bytes:
    return json.dumps(
        {
            "signing_key": base64.b64encode(keys.signing_key.private_bytes_raw()).decode("ascii"),
            "age_identity": str(keys.age_identity),
        }
    ).encode("utf-8")


def _keys_from_bytes(raw: bytes) -> office_keys.OfficeKeys:
    data = json.loads(raw)
    return office_keys.OfficeKeys(
        Ed25519PrivateKey.from_private_bytes(base64.b64decode(data["signing_key"])),
        x25519.Identity.from_str(data["age_identity"]),
    )


def office_id_for(kind: OfficeKind, province_code: str | None) -> str:
    return CENTRAL_OFFICE_ID if kind is OfficeKind.CENTRAL else str(province_code)


def validate_setup(session: Session, spec: OfficeSetup) -> None:
    if session.scalar(select(Office).where(Office.is_local.is_(True))) is not None:
        raise ConflictError(
            "این پوشهٔ داده قبلاً راه‌اندازی شده است.", "This data directory already holds an office."
        )
    if spec.kind is OfficeKind.PROVINCE:
        if not spec.province_code or session.get(Province, spec.province_code) is None:
            raise ValidationError(
                "استان را از فهرست انتخاب کنید (کد ISO مانند IR-07).",
                "Choose the province (an ISO code such as IR-07).",
                field="province",
            )
    elif spec.province_code:
        raise ValidationError(
            "دفتر مرکزی استان ندارد.", "The central office has no province.", field="province"
        )
    users.validate_username(spec.admin_username)
    users.validate_new_password(spec.admin_password, spec.admin_username)
    check_details(_details_input(spec))


def _details_input(spec: OfficeSetup) -> DetailsInput:
    return DetailsInput(
        head_name=spec.head_name,
        secretary_name=spec.secretary_name,
        address=spec.address,
        phone=spec.phone,
        email=spec.email,
    )


def setup_office(ws: Workspace, spec: OfficeSetup) -> Actor:
    """Create this installation's office, its keys and its first admin; all or nothing."""
    with ws.db.session() as s:
        validate_setup(s, spec)
        office = s.get(Office, office_id_for(spec.kind, spec.province_code))
        assert office is not None, "reference offices are loaded when the workspace opens"
        office.is_local = True
        if spec.office_name.strip():
            office.name_fa = clean_text(spec.office_name)
        write_details(s, office.id, _details_input(spec))  # phone kept with Latin digits

        keys = office_keys.generate_office_keys()
        data_key = security.new_data_key()
        cert = keys.public_certificate(office.id, office.kind, office.province_code, office.name_fa)
        s.add(
            LocalKeys(
                office_id=office.id,
                signing_public_key=cert.signing_public_key,
                age_recipient=cert.age_recipient,
                fingerprint=cert.fingerprint,
                sealed_keys=security.seal(data_key, _keys_to_bytes(keys)),
            )
        )
        admin = users.create_user_record(
            s,
            username=spec.admin_username,
            full_name=spec.admin_full_name,
            role=Role.ADMIN,
            password=spec.admin_password,
        )
        s.add(KeyWrap(user_id=admin.id, wrapped=security.wrap_data_key(data_key, spec.admin_password)))
        group_name = (
            "کارگروه کارشناسی توسعه خوشه‌های صادرات‌گرا"
            if spec.kind is OfficeKind.CENTRAL
            else f"کارگروه توسعه صادرات استان {s.get(Province, spec.province_code).name_fa}"  # type: ignore[union-attr]
        )
        s.add(
            WorkingGroup(
                owner_office_id=office.id,
                level=spec.kind.value,
                province_code=spec.province_code,
                name_fa=group_name,
            )
        )
        s.flush()
        actor = users.actor_for(s, admin)
        audit.record(
            s, actor, "office.setup", "office", office.id, kind=spec.kind.value, fingerprint=cert.fingerprint
        )
        return actor


def local_working_group(session: Session) -> WorkingGroup:
    office = users.local_office(session)
    group = session.scalar(select(WorkingGroup).where(WorkingGroup.owner_office_id == office.id))
    assert group is not None
    return group


def load_office_keys(session: Session, actor: Actor, password: str) -> office_keys.OfficeKeys:
    """Unlock the office's private keys with a key holder's password."""
    data_key = users.unlock_data_key(session, actor, password)
    row = session.get(LocalKeys, actor.office_id)
    assert row is not None
    return _keys_from_bytes(security.unseal(data_key, row.sealed_keys))


def office_fingerprint(session: Session) -> str:
    office = users.local_office(session)
    row = session.get(LocalKeys, office.id)
    assert row is not None
    return row.fingerprint
