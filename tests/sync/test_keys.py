"""Office keys: sealing at rest with a passphrase, and self-signed certificates checked strictly."""

from __future__ import annotations

import base64
import json
from datetime import UTC, datetime

import pytest

from cluster_desktop.domain.errors import DomainError, ValidationError
from cluster_desktop.sync.keys import (
    OfficeCertificate,
    OfficeKeys,
    fingerprint_of,
    fingerprint_text,
    generate_office_keys,
    open_private_keys,
    rewrap,
    seal_private_keys,
)

PASS = "گذرواژه‌ی دفتر ۱۴۰۳"


@pytest.fixture(scope="module")
def keys() -> OfficeKeys:
    return generate_office_keys()


@pytest.fixture(scope="module")
def sealed(keys: OfficeKeys) -> bytes:
    return seal_private_keys(keys, PASS)  # scrypt: ≈ 2 s, done once for the module


def _same_keys(a: OfficeKeys, b: OfficeKeys) -> bool:
    return a.signing_key.private_bytes_raw() == b.signing_key.private_bytes_raw() and str(
        a.age_identity
    ) == str(b.age_identity)


def test_sealed_keys_open_with_the_passphrase(keys: OfficeKeys, sealed: bytes) -> None:
    assert b"AGE-SECRET-KEY" not in sealed and keys.signing_key.private_bytes_raw() not in sealed
    assert _same_keys(open_private_keys(sealed, PASS), keys)


def test_wrong_passphrase_is_refused_in_persian(sealed: bytes) -> None:
    with pytest.raises(ValidationError) as err:
        open_private_keys(sealed, "wrong")
    assert err.value.fa == "گذرواژه کلید نادرست است"
    assert err.value.field == "passphrase"


def test_rewrap_changes_the_passphrase(keys: OfficeKeys, sealed: bytes) -> None:
    new_blob = rewrap(sealed, PASS, "new passphrase")
    assert _same_keys(open_private_keys(new_blob, "new passphrase"), keys)


def test_damaged_key_file_and_empty_passphrase_are_refused(keys: OfficeKeys) -> None:
    with pytest.raises(DomainError, match="خراب"):
        open_private_keys(b"not an age file", PASS)
    with pytest.raises(ValidationError):
        seal_private_keys(keys, "")


def test_fingerprint_is_sha256_of_the_raw_public_key(keys: OfficeKeys) -> None:
    assert keys.fingerprint == fingerprint_of(keys.signing_key.public_key().public_bytes_raw())
    text = fingerprint_text(keys.fingerprint)
    groups = text.split(" ")
    assert len(groups) == 8 and all(len(g) == 4 for g in groups)
    assert text.replace(" ", "") == keys.fingerprint[:32].upper()


def _certificate(keys: OfficeKeys) -> OfficeCertificate:
    return keys.public_certificate(
        "IR-07", "province", "IR-07", "سازمان صنعت، معدن و تجارت استان فارس",
        created_at=datetime(2024, 3, 20, 8, 30, 15, 999, tzinfo=UTC),
    )  # fmt: skip


def test_certificate_round_trip(keys: OfficeKeys) -> None:
    cert = _certificate(keys)
    data = cert.to_json()
    assert json.loads(data)["format"] == "cluster-desktop-certificate"
    back = OfficeCertificate.from_json(data)
    assert back == cert
    assert back.fingerprint == keys.fingerprint
    assert back.age_recipient == keys.age_recipient
    assert back.created_at == datetime(2024, 3, 20, 8, 30, 15, tzinfo=UTC)
    assert back.public_key().public_bytes_raw() == keys.signing_public_raw


def _tampered(cert: OfficeCertificate, **changes: object) -> bytes:
    doc = json.loads(cert.to_json())
    doc.update(changes)
    return json.dumps(doc, ensure_ascii=False).encode()


def test_tampered_certificates_are_refused(keys: OfficeKeys) -> None:
    cert = _certificate(keys)
    other = generate_office_keys()
    short_key = base64.b64encode(b"\0" * 31).decode()
    cases = {
        "fingerprint of another key": _tampered(cert, fingerprint=other.fingerprint),
        "age recipient swapped": _tampered(cert, age_recipient=other.age_recipient),
        "office id changed": _tampered(cert, office_id="IR-08"),
        "kind changed": _tampered(cert, kind="central", province=None),
        "bad base64": _tampered(cert, signing_public_key="!!!not base64!!!"),
        "31-byte key": _tampered(cert, signing_public_key=short_key),
        "province office without province": _tampered(cert, province=None),
        "old province code": _tampered(cert, province="IR-31"),
        "unknown field": _tampered(cert, extra=1),
        "not a certificate": _tampered(cert, format="something-else"),
        "duplicate key": cert.to_json()[:-1] + b',"kind":"central"}',
    }
    for what, data in cases.items():
        with pytest.raises(ValidationError, match="گواهی دفتر نامعتبر است"):
            OfficeCertificate.from_json(data)
            pytest.fail(f"accepted: {what}")


def test_central_certificate_has_no_province(keys: OfficeKeys) -> None:
    cert = keys.public_certificate("TPO", "central", None, "سازمان توسعه تجارت ایران")
    assert OfficeCertificate.from_json(cert.to_json()).province is None
    with pytest.raises(ValidationError):
        keys.public_certificate("TPO", "central", "IR-07", "مرکز")
