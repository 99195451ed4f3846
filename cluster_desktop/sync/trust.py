"""The trust store: peer offices' certificates, enrolled after a phone check, until revoked.

One active key per peer office. Enrolling a new certificate for an office (a re-installed office has
new keys and an empty database) retires the old key and restarts both chains with that office: its
bundles are numbered from 1 again under the new key, and ours to it start again at 1 with everything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from cluster_desktop.domain.errors import ConflictError, NotFound, ValidationError
from cluster_desktop.store.models import Office, Outbound, SentBundle, TrustedKey, utcnow

from .keys import OfficeCertificate, fingerprint_text


@dataclass(frozen=True)
class TrustEntry:
    office_id: str
    office_name: str
    kind: str
    fingerprint: str
    enrolled_at: datetime
    enrolled_by: str
    revoked_at: datetime | None
    revoke_reason: str

    @property
    def fingerprint_text(self) -> str:
        return fingerprint_text(self.fingerprint)

    @property
    def active(self) -> bool:
        return self.revoked_at is None


def _entry(session: Session, key: TrustedKey) -> TrustEntry:
    office = session.get(Office, key.office_id)
    return TrustEntry(
        office_id=key.office_id,
        office_name=office.name_fa if office else key.office_id,
        kind=office.kind if office else "",
        fingerprint=key.fingerprint,
        enrolled_at=key.enrolled_at,
        enrolled_by=key.enrolled_by,
        revoked_at=key.revoked_at,
        revoke_reason=key.revoke_reason,
    )


def normalise_fingerprint(text: str) -> str:
    """What a person typed (spaces, dashes, any case, Persian digits) as lowercase hex."""
    table = str.maketrans("۰۱۲۳۴۵۶۷۸۹٠١٢٣٤٥٦٧٨٩", "01234567890123456789")
    return re.sub(r"[\s:-]", "", text.translate(table)).lower()


def check_fingerprint(cert: OfficeCertificate, typed: str) -> None:
    """Refuse unless ``typed`` is the certificate's fingerprint (the full hex, or the 32 digits read aloud)."""
    hexed = normalise_fingerprint(typed)
    if len(hexed) < 32 or not re.fullmatch(r"[0-9a-f]+", hexed) or not cert.fingerprint.startswith(hexed):
        raise ValidationError(
            "اثر انگشت گواهی با آنچه تلفنی خوانده شد یکی نیست؛ گواهی ثبت نشد.",
            "The certificate's fingerprint differs from the one read out by phone; nothing was enrolled.",
            field="fingerprint",
        )


def active_key(session: Session, office_id: str) -> TrustedKey | None:
    return session.scalar(
        select(TrustedKey)
        .where(TrustedKey.office_id == office_id, TrustedKey.revoked_at.is_(None))
        .order_by(TrustedKey.enrolled_at.desc())
        .limit(1)
    )


def enroll(session: Session, cert: OfficeCertificate, *, local: Office, username: str) -> TrustEntry:
    """Store a verified certificate of the peer office; the caller has shown its fingerprint."""
    if cert.office_id == local.id:
        raise ValidationError(
            "این گواهی خود همین دفتر است.", "This is this office's own certificate.", field="certificate"
        )
    if cert.kind == local.kind:
        raise ValidationError(
            "دفتر استانی فقط گواهی مرکز را ثبت می‌کند و مرکز فقط گواهی استان‌ها را.",
            "A province enrolls the centre's certificate and the centre the provinces'.",
            field="certificate",
        )
    existing = session.get(TrustedKey, cert.fingerprint)
    if existing is not None:
        if existing.revoked_at is not None:
            raise ConflictError(
                "این کلید قبلاً باطل شده است و دوباره پذیرفته نمی‌شود.",
                "This key was revoked and cannot be enrolled again.",
            )
        raise ConflictError("این گواهی قبلاً ثبت شده است.", "This certificate is already enrolled.")
    now = utcnow()
    if (old := active_key(session, cert.office_id)) is not None:
        old.revoked_at = now
        old.revoke_reason = "replaced by a new key"
        out = session.get(Outbound, cert.office_id)
        if out is not None:
            out.last_sequence, out.last_hash, out.acked_sequence = 0, None, 0
        session.execute(
            update(SentBundle)
            .where(SentBundle.peer_office_id == cert.office_id, SentBundle.acked_at.is_(None))
            .values(acked_at=now)
        )
    office = session.get(Office, cert.office_id)
    assert office is not None, "every office exists as reference data"
    office.name_fa = cert.name_fa
    key = TrustedKey(
        fingerprint=cert.fingerprint,
        office_id=cert.office_id,
        signing_public_key=cert.signing_public_key,
        age_recipient=cert.age_recipient,
        certificate=cert.to_json().decode("utf-8"),
        enrolled_at=now,
        enrolled_by=username,
    )
    session.add(key)
    session.flush()
    return _entry(session, key)


def revoke(session: Session, office_id: str, reason: str) -> list[TrustEntry]:
    """Revoke the office's active key: its bundles are refused from now on."""
    keys = list(
        session.scalars(
            select(TrustedKey).where(TrustedKey.office_id == office_id, TrustedKey.revoked_at.is_(None))
        )
    )
    if not keys:
        raise NotFound(
            f"کلید فعالی برای دفتر {office_id} ثبت نشده است.",
            f"No active key is enrolled for office {office_id}.",
        )
    now = utcnow()
    for key in keys:
        key.revoked_at = now
        key.revoke_reason = reason.strip() or "revoked"
    session.flush()
    return [_entry(session, k) for k in keys]


def entries(session: Session) -> list[TrustEntry]:
    """Every enrolled key, active first, by office."""
    keys = session.scalars(select(TrustedKey).order_by(TrustedKey.office_id, TrustedKey.enrolled_at))
    return sorted((_entry(session, k) for k in keys), key=lambda e: (not e.active, e.office_id))
