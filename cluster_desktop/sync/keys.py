"""An office's keys: an Ed25519 signing key, an age (x25519) identity, and the certificate others enroll.

The certificate is self-signed: its signature binds the age recipient, office id, kind and province
to the signing key, so comparing the signing key's fingerprint by phone authenticates all of them
(otherwise a certificate swapped in transit could keep the fingerprint and redirect encryption).

Private keys are kept sealed with age's scrypt passphrase encryption (work factor 2^18, ≈ 2 s),
not PKCS#8 ``BestAvailableEncryption`` (2,048 PBKDF2 rounds). Unlock once per session.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import pyrage
from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey
from pyrage import x25519

from cluster_desktop.domain.errors import DomainError, ValidationError
from cluster_desktop.domain.roles import OfficeKind

from .limits import BundleError
from .strictjson import HEX64, Fields, dumps_canonical, loads_strict, utc_iso

CERTIFICATE_FORMAT = "cluster-desktop-certificate"
PRIVATE_KEYS_FORMAT = "cluster-desktop-private-keys"
FORMAT_VERSION = 1
MAX_CERTIFICATE_BYTES = 64 * 1024
FINGERPRINT_GROUPS = 8  # groups of 4 hex digits read aloud: the first 128 bits of the SHA-256

_AGE_SCRYPT_HEADER = b"age-encryption.org/v1\n-> scrypt "
_PROVINCE_CODE = re.compile(r"IR-(?:[0-2][0-9]|30)")  # current ISO 3166-2:IR codes, IR-00 … IR-30
# Office ids are stable codes: "TPO" for the centre, the province's ISO code for a provincial office.
OFFICE_ID = re.compile(r"TPO|IR-(?:[0-2][0-9]|30)")
CENTRAL_OFFICE_ID = "TPO"
_AGE_RECIPIENT = re.compile(r"age1[02-9ac-hj-np-z]{58}")
_AGE_IDENTITY = re.compile(r"AGE-SECRET-KEY-1[02-9AC-HJ-NP-Z]{58}")


def fingerprint_of(public_key_raw: bytes) -> str:
    """SHA-256 (lowercase hex) of the 32 raw bytes of an Ed25519 public key."""
    return hashlib.sha256(public_key_raw).hexdigest()


def fingerprint_text(fp_hex: str) -> str:
    """The fingerprint as two people read it to each other by phone: ``3F2A 09C1 … 7B44``.

    Eight groups of four uppercase hex digits, the first 128 bits of the SHA-256. That is ample:
    an attacker would have to find a key matching one given fingerprint (a second preimage), which
    takes about 2^128 tries. Hex is Latin script; show it left-to-right even inside Persian text.
    """
    if not HEX64.fullmatch(fp_hex):
        raise ValueError("fingerprint must be 64 lowercase hex digits")
    head = fp_hex[: 4 * FINGERPRINT_GROUPS].upper()
    return " ".join(head[i : i + 4] for i in range(0, len(head), 4))


def _b64(raw: bytes) -> str:
    return base64.b64encode(raw).decode("ascii")


def _unb64(text: str, length: int) -> bytes | None:
    """Strict base64 of exactly ``length`` bytes (canonical padding), or None."""
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (binascii.Error, UnicodeEncodeError):
        return None
    if len(raw) != length or _b64(raw) != text:
        return None
    return raw


def public_key_from_b64(text: str) -> Ed25519PublicKey:
    """An Ed25519 public key from its base64 raw form (as stored in certificates and the trust store)."""
    raw = _unb64(text, 32)
    if raw is None:
        raise _cert_error("signing_public_key: expected base64 of 32 bytes")
    return Ed25519PublicKey.from_public_bytes(raw)


def _raw_public(key: Ed25519PublicKey) -> bytes:
    return key.public_bytes_raw()


@dataclass(frozen=True, eq=False)
class OfficeKeys:
    """The local office's private keys, unlocked."""

    signing_key: Ed25519PrivateKey
    age_identity: x25519.Identity

    @property
    def signing_public_raw(self) -> bytes:
        return _raw_public(self.signing_key.public_key())

    @property
    def signing_public_b64(self) -> str:
        return _b64(self.signing_public_raw)

    @property
    def age_recipient(self) -> str:
        return str(self.age_identity.to_public())

    @property
    def fingerprint(self) -> str:
        return fingerprint_of(self.signing_public_raw)

    def public_certificate(
        self,
        office_id: str,
        kind: str,
        province: str | None,
        name_fa: str,
        *,
        created_at: datetime | None = None,
    ) -> OfficeCertificate:
        """This office's self-signed certificate, to export once and enroll at the peer."""
        body = _certificate_body(
            office_id=office_id,
            kind=kind,
            province=province,
            name_fa=name_fa,
            signing_public_key=self.signing_public_b64,
            age_recipient=self.age_recipient,
            fingerprint=self.fingerprint,
            created_at=utc_iso(created_at or datetime.now(UTC)),
        )
        signature = _b64(self.signing_key.sign(dumps_canonical(body)))
        # Parsing our own output validates the caller's fields with the receiver's rules.
        return OfficeCertificate.from_json(dumps_canonical({**body, "signature": signature}))


def generate_office_keys() -> OfficeKeys:
    """A fresh signing key and age identity for a new office (setup)."""
    return OfficeKeys(Ed25519PrivateKey.generate(), x25519.Identity.generate())


# --- sealing private keys at rest ---------------------------------------------------------------


def seal_private_keys(keys: OfficeKeys, passphrase: str) -> bytes:
    """Both private keys in a small JSON, encrypted with age's scrypt passphrase mode (≈ 2 s)."""
    if not passphrase:
        raise ValidationError("گذرواژهٔ کلید نباید خالی باشد.", "The key passphrase must not be empty.")
    payload = dumps_canonical(
        {
            "format": PRIVATE_KEYS_FORMAT,
            "version": FORMAT_VERSION,
            "signing_key": _b64(keys.signing_key.private_bytes_raw()),
            "age_identity": str(keys.age_identity),
        }
    )
    sealed: bytes = pyrage.passphrase.encrypt(payload, passphrase)
    return sealed


def _damaged_keys(detail: str) -> DomainError:
    return DomainError(
        f"فایل کلیدهای دفتر خراب است ({detail}).", f"The office key file is damaged ({detail})."
    )


def open_private_keys(blob: bytes, passphrase: str) -> OfficeKeys:
    """Unlock sealed keys; a wrong passphrase raises ``ValidationError`` on field ``passphrase``."""
    if not blob.startswith(_AGE_SCRYPT_HEADER):
        raise _damaged_keys("not an age passphrase file")
    try:
        payload = pyrage.passphrase.decrypt(blob, passphrase)
    except pyrage.DecryptError:
        raise ValidationError(
            "گذرواژه کلید نادرست است", "The key passphrase is wrong", field="passphrase"
        ) from None
    try:
        fields = Fields(loads_strict(payload), "keys", _damaged_keys)
    except BundleError as exc:
        raise _damaged_keys(exc.en) from None
    if fields.text("format") != PRIVATE_KEYS_FORMAT or fields.integer("version") != FORMAT_VERSION:
        raise _damaged_keys("unknown format")
    raw = _unb64(fields.text("signing_key", max_len=64), 32)
    identity_text = fields.text("age_identity", pattern=_AGE_IDENTITY, max_len=80)
    fields.done()
    if raw is None:
        raise _damaged_keys("signing_key")
    try:
        identity = x25519.Identity.from_str(identity_text)
    except pyrage.IdentityError:
        raise _damaged_keys("age_identity") from None
    return OfficeKeys(Ed25519PrivateKey.from_private_bytes(raw), identity)


def rewrap(blob: bytes, old: str, new: str) -> bytes:
    """The same keys sealed under a new passphrase (≈ 4 s: one unlock, one seal)."""
    return seal_private_keys(open_private_keys(blob, old), new)


# --- certificates --------------------------------------------------------------------------------


def _cert_error(detail: str) -> ValidationError:
    return ValidationError(
        f"گواهی دفتر نامعتبر است ({detail}).", f"The office certificate is invalid ({detail})."
    )


def _certificate_body(**fields: Any) -> dict[str, Any]:
    return {"format": CERTIFICATE_FORMAT, "version": FORMAT_VERSION, **fields}


@dataclass(frozen=True)
class OfficeCertificate:
    """A peer office's public identity, exchanged once and enrolled after a phone check."""

    office_id: str
    kind: str  # OfficeKind value
    province: str | None  # ISO 3166-2:IR code for a province office; None for the centre
    name_fa: str
    signing_public_key: str  # base64 of the raw 32-byte Ed25519 public key
    age_recipient: str  # age1…
    fingerprint: str  # SHA-256 hex of the raw signing public key
    created_at: datetime
    signature: str  # base64 Ed25519 signature over the canonical JSON of every other field

    @property
    def fingerprint_text(self) -> str:
        return fingerprint_text(self.fingerprint)

    def public_key(self) -> Ed25519PublicKey:
        return public_key_from_b64(self.signing_public_key)

    def _body(self) -> dict[str, Any]:
        return _certificate_body(
            office_id=self.office_id,
            kind=self.kind,
            province=self.province,
            name_fa=self.name_fa,
            signing_public_key=self.signing_public_key,
            age_recipient=self.age_recipient,
            fingerprint=self.fingerprint,
            created_at=utc_iso(self.created_at),
        )

    def to_json(self) -> bytes:
        """The certificate file: canonical, self-describing JSON."""
        return dumps_canonical({**self._body(), "signature": self.signature})

    @classmethod
    def from_json(cls, data: bytes) -> OfficeCertificate:
        """Parse and check a certificate file: types, key encodings, fingerprint and self-signature."""
        try:
            fields = Fields(loads_strict(data, max_bytes=MAX_CERTIFICATE_BYTES), "certificate", _cert_error)
        except BundleError as exc:
            raise _cert_error(exc.en) from None
        if fields.text("format", max_len=64) != CERTIFICATE_FORMAT:
            raise _cert_error("not a cluster-desktop certificate")
        if fields.integer("version") != FORMAT_VERSION:
            raise _cert_error("unsupported version")
        office_id = fields.text("office_id", pattern=OFFICE_ID, max_len=6)
        kind = fields.text("kind", max_len=16)
        province = fields.opt_text("province", pattern=_PROVINCE_CODE, max_len=5)
        name_fa = fields.text("name_fa", max_len=200)
        signing_public_key = fields.text("signing_public_key", max_len=64)
        age_recipient = fields.text("age_recipient", pattern=_AGE_RECIPIENT, max_len=62)
        fingerprint = fields.text("fingerprint", pattern=HEX64, max_len=64)
        created_at = fields.time("created_at")
        signature = fields.text("signature", max_len=100)
        fields.done()

        if kind not in (OfficeKind.CENTRAL, OfficeKind.PROVINCE):
            raise _cert_error("kind must be central or province")
        if (kind == OfficeKind.PROVINCE) != (province is not None):
            raise _cert_error("a province office names its province; the centre names none")
        if office_id != (province or CENTRAL_OFFICE_ID):
            raise _cert_error("office_id must be TPO for the centre and the province code for a province")
        public_key = public_key_from_b64(signing_public_key)
        if fingerprint_of(_raw_public(public_key)) != fingerprint:
            raise _cert_error("fingerprint does not match the signing key")
        try:
            x25519.Recipient.from_str(age_recipient)
        except pyrage.RecipientError:
            raise _cert_error("age_recipient") from None
        sig = _unb64(signature, 64)
        if sig is None:
            raise _cert_error("signature: expected base64 of 64 bytes")
        cert = cls(
            office_id,
            kind,
            province,
            name_fa,
            signing_public_key,
            age_recipient,
            fingerprint,
            created_at,
            signature,
        )
        try:
            public_key.verify(sig, dumps_canonical(cert._body()))
        except InvalidSignature:
            raise _cert_error("self-signature does not verify") from None
        return cert
