"""The manifest: strict canonical parsing, and the signature that binds it to sender and recipient."""

from __future__ import annotations

import hashlib
import json
import uuid
from datetime import UTC, datetime

import pytest

from cluster_desktop.sync.keys import generate_office_keys
from cluster_desktop.sync.limits import BundleError
from cluster_desktop.sync.manifest import (
    BundleKind,
    FileEntry,
    Manifest,
    Party,
    manifest_hash,
    sign_manifest,
    verify_signature,
)
from cluster_desktop.sync.strictjson import dumps_canonical

PROVINCE, CENTRE = "IR-07", "TPO"
ATTACHMENT = b"%PDF-1.7 plan"
DIGEST = hashlib.sha256(ATTACHMENT).hexdigest()


@pytest.fixture(scope="module")
def signer():
    return generate_office_keys()


def make(**changes: object) -> Manifest:
    fields: dict[str, object] = {
        "kind": BundleKind.PROVINCE_SUBMISSION,
        "sender": Party(PROVINCE, "a" * 64),
        "recipient": Party(CENTRE, "b" * 64),
        "sequence": 2,
        "previous_hash": "c" * 64,
        "ack_sequence": 1,
        "created_at": datetime(2024, 3, 20, 8, 30, tzinfo=UTC),
        "schema_revision": "0001_initial",
        "app_version": "0.1.0",
        "files": [
            FileEntry("records/clusters.jsonl", 120, "d" * 64),
            FileEntry(f"attachments/{DIGEST}", len(ATTACHMENT), DIGEST),
        ],
        "record_counts": {"clusters": 3},
    }
    fields.update(changes)
    return Manifest.new(**fields)


def refusal(doc: dict | bytes) -> str:
    data = doc if isinstance(doc, bytes) else dumps_canonical(doc)
    with pytest.raises(BundleError) as err:
        Manifest.parse(data)
    return err.value.reason


def test_round_trip_is_canonical_and_sorted() -> None:
    manifest = make()
    data = manifest.to_bytes()
    assert Manifest.parse(data) == manifest
    doc = json.loads(data)
    assert doc["format"] == "cluster-desktop-bundle" and doc["version"] == 1
    assert [f["path"] for f in doc["files"]] == sorted(f["path"] for f in doc["files"])
    assert uuid.UUID(manifest.bundle_id).version == 4
    assert manifest_hash(data) == hashlib.sha256(data).hexdigest()


def test_unknown_missing_and_mistyped_fields_are_refused() -> None:
    good = make().to_dict()
    for change in [
        {"extra": 1},
        {"sequence": "2"},
        {"sequence": True},
        {"sequence": 0},
        {"ack_sequence": -1},
        {"kind": "province-decision"},
        {"bundle_id": "not-a-uuid"},
        {"created_at": "2024-03-20 08:30:00"},
        {"sender": {"office_id": PROVINCE, "fingerprint": "A" * 64}},
        {"recipient": {"office_id": CENTRE, "fingerprint": "b" * 64, "name": "x"}},
        {"recipient": {"office_id": PROVINCE, "fingerprint": "b" * 64}},  # addressed to itself
        {"previous_hash": None},  # only sequence 1 starts a chain
        {"files": [{"path": "../x", "size": 1, "sha256": "d" * 64}]},
        {"files": [{"path": f"attachments/{'e' * 64}", "size": 1, "sha256": "d" * 64}]},  # name != hash
        {"files": good["files"][::-1]},  # unsorted
        {"files": good["files"][:1] * 2},  # repeated
        {"record_counts": {"Clusters": 1}},
        {"record_counts": {"clusters": 1.0}},
        {"format": "cluster-desktop-certificate"},
        {"version": 2},
    ]:
        assert refusal({**good, **change}) == "bad_manifest", change
    missing = dict(good)
    del missing["ack_sequence"]
    assert refusal(missing) == "bad_manifest"


def test_non_canonical_bytes_and_strict_json_are_refused() -> None:
    data = make().to_bytes()
    assert refusal(json.dumps(json.loads(data), indent=1).encode()) == "bad_manifest"
    assert refusal(data[:-1] + b',"version":1}') == "duplicate_key"
    assert refusal(b"\xef\xbb\xbf" + data) == "bom"


def test_first_bundle_has_no_previous_hash() -> None:
    first = make(sequence=1, previous_hash=None)
    assert Manifest.parse(first.to_bytes()).previous_hash is None


def test_signature_verifies_and_any_flipped_byte_fails(signer) -> None:
    data = make().to_bytes()
    sig = sign_manifest(data, signer.signing_key)
    assert len(sig) == 64
    verify_signature(data, sig, signer.signing_key.public_key())
    verify_signature(data, sig, signer.signing_public_raw)

    for position in (0, len(data) // 2, len(data) - 1):
        tampered = bytearray(data)
        tampered[position] ^= 0x01
        with pytest.raises(BundleError) as err:
            verify_signature(bytes(tampered), sig, signer.signing_key.public_key())
        assert err.value.reason == "bad_signature"
    for bad_sig in (sig[:10] + bytes([sig[10] ^ 1]) + sig[11:], sig[:63], b""):
        with pytest.raises(BundleError) as err:
            verify_signature(data, bad_sig, signer.signing_key.public_key())
        assert err.value.reason == "bad_signature"


def test_signature_binds_kind_and_recipient(signer) -> None:
    # GIVEN a signed submission to the centre
    manifest = make()
    sig = sign_manifest(manifest.to_bytes(), signer.signing_key)
    # WHEN the same signature is presented with another kind, recipient or key THEN it fails
    other_kind = make(bundle_id=manifest.bundle_id, kind=BundleKind.CENTRAL_DECISION).to_bytes()
    other_office = make(bundle_id=manifest.bundle_id, recipient=Party("IR-08", "b" * 64)).to_bytes()
    for data in (other_kind, other_office):
        with pytest.raises(BundleError):
            verify_signature(data, sig, signer.signing_key.public_key())
    with pytest.raises(BundleError):
        verify_signature(manifest.to_bytes(), sig, generate_office_keys().signing_key.public_key())
