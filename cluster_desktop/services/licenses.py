"""The centre's registers: databank registration (F7) and cluster approval licenses (F8).

A license's payload is canonical JSON signed with the centre's Ed25519 key; the QR code on the
printed license carries ``payload.signature`` so anyone with the centre's certificate can check it
offline (see ``verify_license_text``).
"""

from __future__ import annotations

import base64
import json
import logging
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
from sqlalchemy import select
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import (
    ConflictError,
    DomainError,
    FieldCollector,
    NotFound,
    PermissionDenied,
)
from cluster_desktop.domain.jalali import jalali_year, today
from cluster_desktop.domain.numbering import format_license_number, parse_license_number
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.domain.workflow import DossierState, Requirement
from cluster_desktop.store.models import Cluster, DatabankEntry, License, Province, utcnow
from cluster_desktop.sync.keys import OfficeKeys

from . import audit, forms
from .actor import Actor, require, require_office
from .clusters import get_dossier
from .workflow import claim_permit, transition

# Only this module records these two steps: each comes with its record (databank entry, license).
_REGISTER = claim_permit("register")
_LICENSE = claim_permit("license")
DEFAULT_VALIDITY_YEARS = 3
LICENSE_STATUSES = ("valid", "suspended", "revoked")
QR_PREFIX = "CDL1"


def register(session: Session, actor: Actor, dossier_id: str, *, note: str = "") -> DatabankEntry:
    """Enter an approved dossier in the export-cluster databank (F7)."""
    require_office(
        actor, OfficeKind.CENTRAL, what_fa="ثبت در بانک اطلاعات", what_en="register in the databank"
    )
    dossier = get_dossier(session, dossier_id)
    if session.scalar(select(DatabankEntry).where(DatabankEntry.dossier_id == dossier.id)):
        raise ConflictError(
            "این پرونده قبلاً در بانک اطلاعات ثبت شده است.", "This dossier is already registered."
        )
    transition(session, actor, dossier.id, "register", comment=note, permit=_REGISTER)
    on = today()
    seq = len(list(session.scalars(select(DatabankEntry.id)))) + 1
    entry = DatabankEntry(
        owner_office_id=actor.office_id,
        dossier_id=dossier.id,
        registry_no=f"DB-{jalali_year(on)}-{seq:05d}",
        registered_on=on,
        note=note.strip(),
    )
    session.add(entry)
    session.flush()
    return entry


def default_validity(issued: date) -> date:
    """The last day of a license issued on ``issued``: three years on, less a day (28 Feb for 29 Feb)."""
    try:
        return issued.replace(year=issued.year + DEFAULT_VALIDITY_YEARS) - timedelta(days=1)
    except ValueError:  # 29 February, and the year three on is not a leap year
        return issued.replace(year=issued.year + DEFAULT_VALIDITY_YEARS, day=28)


def canonical(obj: dict[str, Any]) -> bytes:
    return json.dumps(obj, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode("utf-8")


@dataclass
class LicenseInput:
    issued_on: str | date | None = None
    valid_until: str | date | None = None
    conditions: str = ""


def issue_license(
    session: Session, actor: Actor, keys: OfficeKeys, dossier_id: str, data: LicenseInput
) -> License:
    """Issue the approval license of a registered dossier: next number of the year, signed payload."""
    require_office(actor, OfficeKind.CENTRAL, what_fa="صدور پروانه", what_en="issue licenses")
    require(actor, (Role.SECRETARY,), what_fa="صدور پروانه", what_en="issue licenses")
    dossier = get_dossier(session, dossier_id)
    if session.scalar(
        select(License).where(License.cluster_id == dossier.cluster_id, License.status != "revoked")
    ):
        raise ConflictError(
            "این خوشه پروانهٔ معتبر یا تعلیق‌شده دارد؛ پروانهٔ دوم صادر نمی‌شود.",
            "This cluster already holds a license; a second one is not issued.",
        )
    if dossier.state != DossierState.REGISTERED.value:
        raise PermissionDenied(
            "پروانه فقط برای خوشه‌های ثبت‌شده در بانک اطلاعات صادر می‌شود.",
            "A license is issued only for dossiers registered in the databank.",
        )
    c = FieldCollector()
    issued = (
        forms.jalali(c, data.issued_on, "issued_on", "تاریخ صدور", "Issue date", required=False) or today()
    )
    valid = forms.jalali(c, data.valid_until, "valid_until", "اعتبار تا", "Valid until", required=False)
    valid = valid or default_validity(issued)
    if valid <= issued:
        c.add(
            "valid_until",
            "تاریخ اعتبار باید پس از تاریخ صدور باشد.",
            "Validity must end after the issue date.",
        )
    conditions = forms.text(
        c, data.conditions, "conditions", "شرایط", "Conditions", single_line=False, max_len=5000
    )
    c.raise_if_any()
    year = jalali_year(issued)
    last = session.scalar(
        select(License.seq).where(License.year == year).order_by(License.seq.desc()).limit(1)
    )
    seq = (last or 0) + 1
    cluster = session.get(Cluster, dossier.cluster_id)
    province = session.get(Province, dossier.province_code)
    assert cluster is not None and province is not None
    lic = License(
        owner_office_id=actor.office_id,
        dossier_id=dossier.id,
        cluster_id=cluster.id,
        number=format_license_number(year, seq),
        year=year,
        seq=seq,
        issued_on=issued,
        valid_until=valid,
        conditions=conditions,
    )
    payload = {
        "v": 1,
        "license": lic.number,
        "id": lic.id or "",
        "cluster": cluster.name,
        "cluster_id": cluster.id,
        "province": province.code,
        "issued": issued.isoformat(),
        "valid_until": valid.isoformat(),
        "products": [p.hs_code for p in cluster.products],
        "issuer": actor.office_id,
    }
    session.add(lic)
    session.flush()
    payload["id"] = lic.id
    lic.payload = canonical(payload).decode("utf-8")
    lic.signature = base64.b64encode(keys.signing_key.sign(lic.payload.encode("utf-8"))).decode("ascii")
    transition(
        session,
        actor,
        dossier.id,
        "license",
        comment=f"پروانه {lic.number}",
        extra=(Requirement.LICENSE,),
        permit=_LICENSE,
    )
    audit.record(session, actor, "license.issue", "license", lic.id, number=lic.number)
    logging.getLogger(__name__).info(
        "licence %s issued for dossier %s by %s", lic.number, dossier.id, actor.username
    )
    return lic


def set_license_status(session: Session, actor: Actor, license_id: str, status: str, reason: str) -> License:
    """Suspend, reinstate or revoke a license; revocation is final and needs a reason."""
    require_office(actor, OfficeKind.CENTRAL, what_fa="تغییر وضعیت پروانه", what_en="change license status")
    require(actor, (Role.SECRETARY,), what_fa="تغییر وضعیت پروانه", what_en="change license status")
    lic = session.get(License, license_id)
    if lic is None:
        raise NotFound("پروانه پیدا نشد.", "License not found.")
    if status not in LICENSE_STATUSES:
        raise DomainError(
            f"وضعیت «{status}» برای پروانه تعریف نشده است.", f"Unknown license status '{status}'."
        )
    if lic.status == "revoked":
        raise PermissionDenied("پروانهٔ ابطال‌شده دوباره به کار نمی‌رود.", "A revoked license cannot be reused.")
    if status != "valid" and not reason.strip():
        raise DomainError(
            "دلیل تعلیق یا ابطال را بنویسید.", "Give the reason for suspending or revoking.", field="reason"
        )
    lic.status = status
    lic.status_reason = reason.strip()
    lic.status_changed_at = utcnow()
    lic.version += 1
    lic.updated_at = utcnow()
    audit.record(session, actor, f"license.{status}", "license", lic.id, number=lic.number, reason=reason)
    return lic


def license_by_number(session: Session, number: str) -> License:
    year, seq = parse_license_number(number)
    lic = session.scalar(select(License).where(License.year == year, License.seq == seq))
    if lic is None:
        raise NotFound("پروانه‌ای با این شماره ثبت نشده است.", "No license with this number.")
    return lic


def qr_text(lic: License) -> str:
    """What the license's QR code holds: prefix, base64url payload and signature."""
    p = base64.urlsafe_b64encode(lic.payload.encode("utf-8")).decode("ascii").rstrip("=")
    s = base64.urlsafe_b64encode(base64.b64decode(lic.signature)).decode("ascii").rstrip("=")
    return f"{QR_PREFIX}.{p}.{s}"


@dataclass(frozen=True)
class LicenseCheck:
    genuine: bool
    payload: dict[str, Any] | None
    status: str  # valid | suspended | revoked | expired | unknown | forged
    message_fa: str
    message_en: str


def _unb64url(s: str) -> bytes:
    return base64.urlsafe_b64decode(s + "=" * (-len(s) % 4))


def verify_license_text(
    text: str,
    centre_keys: list[Ed25519PublicKey],
    known: dict[str, License] | None = None,
    on: date | None = None,
) -> LicenseCheck:
    """Check a QR text offline against the centre's public key(s) and what this office knows."""
    forged = LicenseCheck(
        False,
        None,
        "forged",
        "این پروانه اصیل نیست: امضای سازمان توسعه تجارت روی آن تأیید نشد.",
        "This license is not genuine: the TPO signature does not verify.",
    )
    parts = text.strip().split(".")
    if len(parts) != 3 or parts[0] != QR_PREFIX:
        return forged
    try:
        payload_bytes, sig = _unb64url(parts[1]), _unb64url(parts[2])
    except (ValueError, base64.binascii.Error):  # type: ignore[attr-defined]
        return forged
    if not any(_verifies(k, sig, payload_bytes) for k in centre_keys):
        return forged
    payload = json.loads(payload_bytes)
    on = on or today()
    number = payload.get("license", "")
    lic = (known or {}).get(number)
    status = lic.status if lic is not None else "unknown"
    if status in ("valid", "unknown") and date.fromisoformat(payload["valid_until"]) < on:
        status = "expired"
    texts = {
        "valid": ("اصیل و معتبر", "genuine and valid"),
        "unknown": (
            "اصیل؛ وضعیت فعلی آن در این دفتر ثبت نیست",
            "genuine; its current status is not recorded here",
        ),
        "suspended": ("اصیل، اما تعلیق شده است", "genuine, but suspended"),
        "revoked": ("اصیل، اما ابطال شده است", "genuine, but revoked"),
        "expired": ("اصیل، اما اعتبار آن به پایان رسیده است", "genuine, but expired"),
    }[status]
    return LicenseCheck(
        True,
        payload,
        status,
        f"پروانه {number} برای «{payload.get('cluster')}»: {texts[0]}.",
        f"License {number} for '{payload.get('cluster')}': {texts[1]}.",
    )


def _verifies(key: Ed25519PublicKey, sig: bytes, data: bytes) -> bool:
    try:
        key.verify(sig, data)
        return True
    except InvalidSignature:
        return False
