"""Every refusal the issue lists: a clear reason in both languages, and the database exactly as before.

Most bundles here are built by ``craft`` with the province's real keys — correctly signed and
encrypted to the centre, malicious inside — so the check under test is the one that refuses them.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import text

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.services import sync
from cluster_desktop.sync.keys import generate_office_keys
from cluster_desktop.sync.limits import BundleError

from .offices import Office, Pair, craft, jsonl, raw_zip, rows, seal, unpack

Entries = dict[str, bytes]


@pytest.fixture
def genuine(pair: Pair, tmp_path: Path) -> Path:
    p = pair.province
    return sync.export_bundle(p.ws, p.actor, p.keys, tmp_path / "genuine.bundle").files[0]


def refused(office: Office, path: Path) -> BundleError:
    """Import ``path``; it must be refused with both messages and leave the database as it was."""
    before = office.dump()
    with pytest.raises(DomainError) as err:
        sync.import_bundle(office.ws, office.actor, office.keys, path)
    assert office.dump() == before
    assert err.value.fa and err.value.en and err.value.fa != err.value.en
    assert isinstance(err.value, BundleError), repr(err.value)
    return err.value


def tampered(
    pair: Pair, genuine: Path, tmp_path: Path, change: Callable[[dict[str, Any], Entries], None], **kw: Any
) -> Path:
    manifest, entries = unpack(genuine, pair.centre)
    change(manifest, entries)
    return craft(pair.province.keys, pair.centre, manifest, entries, tmp_path / "crafted.bundle", **kw)


def test_the_genuine_bundle_is_accepted(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    # the crafting itself is sound: an unmodified rebuild imports
    assert sync.import_bundle(
        pair.centre.ws,
        pair.centre.actor,
        pair.centre.keys,
        tampered(pair, genuine, tmp_path, lambda m, e: None),
    )["applied"]


@pytest.mark.parametrize("where", [0, 100, 0.5, -40, -1])
def test_a_flipped_byte_anywhere(pair: Pair, genuine: Path, tmp_path: Path, where: float) -> None:
    data = bytearray(genuine.read_bytes())
    i = int(where * len(data)) if isinstance(where, float) else where
    data[i] ^= 0x01
    bad = tmp_path / "flipped.bundle"
    bad.write_bytes(bytes(data))
    assert refused(pair.centre, bad).reason == "decrypt"


def test_truncated_file(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    bad = tmp_path / "cut.bundle"
    bad.write_bytes(genuine.read_bytes()[:-500])
    assert refused(pair.centre, bad).reason == "decrypt"
    # a truncated ZIP inside a valid envelope
    _m, _e = unpack(genuine, pair.centre)
    inner = tampered(pair, genuine, tmp_path, lambda m, e: None, zip_hook=lambda z: z[: len(z) // 2])
    assert refused(pair.centre, inner).reason == "truncated"


def test_signed_by_an_unenrolled_key(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    manifest, entries = unpack(genuine, pair.centre)
    stranger = generate_office_keys()
    manifest["sender"]["fingerprint"] = stranger.fingerprint
    assert (
        refused(pair.centre, craft(stranger, pair.centre, manifest, entries, tmp_path / "x")).reason
        == "unenrolled"
    )
    # the enrolled fingerprint, but another key's signature
    manifest, entries = unpack(genuine, pair.centre)
    assert (
        refused(pair.centre, craft(stranger, pair.centre, manifest, entries, tmp_path / "y")).reason
        == "bad_signature"
    )


def test_signed_by_a_revoked_key(pair: Pair, genuine: Path) -> None:
    c = pair.centre
    with c.ws.db.session() as s:
        sync.revoke(s, c.actor, "IR-07", "لپ‌تاپ دبیرخانه دزدیده شد")
    assert refused(c, genuine).reason == "revoked"


def test_addressed_to_another_office(pair: Pair, tmp_path: Path) -> None:
    # a decision bundle meant for IR-08, encrypted to IR-07's key and signed by the centre
    c, p = pair.centre, pair.province
    genuine = sync.export_bundle(c.ws, c.actor, c.keys, tmp_path / "d.bundle", to="IR-07").files[0]
    manifest, entries = unpack(genuine, p)
    manifest["recipient"]["office_id"] = "IR-08"
    assert refused(p, craft(c.keys, p, manifest, entries, tmp_path / "x")).reason == "wrong_recipient"


def test_not_encrypted_to_this_office(pair: Pair, genuine: Path) -> None:
    # the province cannot open what it sent to the centre
    assert refused(pair.province, genuine).reason == "decrypt"


def test_a_submission_cannot_pass_as_a_decision(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    bad = tampered(pair, genuine, tmp_path, lambda m, e: m.update(kind="central-decision"))
    assert refused(pair.centre, bad).reason == "wrong_kind"


def test_replay_older_gap_jump_and_broken_chain(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    c = pair.centre
    sync.import_bundle(c.ws, c.actor, c.keys, genuine)
    assert refused(c, genuine).reason == "already_imported"
    first_hash = (
        __import__("hashlib")
        .sha256(
            json.dumps(
                unpack(genuine, c)[0], sort_keys=True, separators=(",", ":"), ensure_ascii=False
            ).encode()
        )
        .hexdigest()
    )

    def seq(n: int, covers: int, prev: str | None = "0" * 64) -> Callable[[dict[str, Any], Entries], None]:
        def change(m: dict[str, Any], e: Entries) -> None:
            m.update(sequence=n, previous_hash=prev, bundle_id=f"00000000-0000-4000-8000-{n:012d}")
            e["records/sync_coverage.jsonl"] = jsonl([{"covers_after": covers, "part": 1, "parts": 1}])

        return change

    assert refused(c, tampered(pair, genuine, tmp_path, seq(1, 0, None))).reason == "older"
    assert refused(c, tampered(pair, genuine, tmp_path, seq(5, 3))).reason == "gap"
    assert refused(c, tampered(pair, genuine, tmp_path, seq(5000, 0))).reason == "jump"
    assert refused(c, tampered(pair, genuine, tmp_path, seq(2, 1))).reason == "chain"
    # the same step chained right is accepted
    assert sync.import_bundle(
        c.ws, c.actor, c.keys, tampered(pair, genuine, tmp_path, seq(2, 1, first_hash))
    )["applied"]


def test_manifest_lists_a_missing_file(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    def drop(m: dict[str, Any], e: Entries) -> None:
        name = next(n for n in e if n.startswith("attachments/"))
        listed = craft_list(m, e)
        del e[name]
        m.update(listed)

    assert refused(pair.centre, tampered(pair, genuine, tmp_path, drop, fix=False)).reason == "missing_file"


def craft_list(m: dict[str, Any], e: Entries) -> dict[str, Any]:
    from .offices import relist

    return {k: v for k, v in relist(m, e).items() if k in ("files", "record_counts")}


def test_a_file_not_listed(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    extra = [("records/clusters_extra.jsonl", b"{}\n")]
    bad = tampered(pair, genuine, tmp_path, lambda m, e: None, extra=extra)
    assert refused(pair.centre, bad).reason == "unlisted_file"


def test_hash_mismatch(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    def change(m: dict[str, Any], e: Entries) -> None:
        m.update(craft_list(m, e))
        e["records/dossiers.jsonl"] = e["records/dossiers.jsonl"].replace(b'"version":', b'"version":1')

    assert (
        refused(pair.centre, tampered(pair, genuine, tmp_path, change, fix=False)).reason == "hash_mismatch"
    )


@pytest.mark.parametrize(
    "name", ["../evil.jsonl", "/etc/passwd", "records/../../x.jsonl", "C:/x", "records\\a.jsonl"]
)
def test_path_traversal_and_absolute_names(pair: Pair, genuine: Path, tmp_path: Path, name: str) -> None:
    bad = tampered(pair, genuine, tmp_path, lambda m, e: None, extra=[(name, b"x")])
    assert refused(pair.centre, bad).reason == "bad_name"


def test_duplicate_entry_names(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    _m, entries = unpack(genuine, pair.centre)
    bad = tampered(
        pair,
        genuine,
        tmp_path,
        lambda m, e: None,
        extra=[("records/dossiers.jsonl", entries["records/dossiers.jsonl"])],
    )
    assert refused(pair.centre, bad).reason == "duplicate_name"


def test_zip_bombs(pair: Pair, tmp_path: Path) -> None:
    c = pair.centre
    ratio = raw_zip([("records/clusters.jsonl", bytes(50_000_000))])
    assert refused(c, seal(ratio, c, tmp_path / "ratio.bundle")).reason == "ratio"
    count = raw_zip((f"attachments/{i:064x}", b"") for i in range(10_001))
    assert refused(c, seal(count, c, tmp_path / "count.bundle")).reason == "too_many_entries"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        (b"{not json", "syntax"),
        (b'{"id":"a","id":"b"}', "duplicate_key"),
        (b'{"x":NaN}', "nan"),
        (b"[" * 40 + b"]" * 40, "depth"),
        (b'{"x":"\\ud800"}', "surrogate"),
    ],
)
def test_malformed_json(pair: Pair, genuine: Path, tmp_path: Path, line: bytes, reason: str) -> None:
    def change(m: dict[str, Any], e: Entries) -> None:
        e["records/clusters.jsonl"] = e["records/clusters.jsonl"] + line + b"\n"

    assert refused(pair.centre, tampered(pair, genuine, tmp_path, change)).reason == reason


def _edit(table: str, fn: Callable[[dict[str, Any]], None]) -> Callable[[dict[str, Any], Entries], None]:
    def change(m: dict[str, Any], e: Entries) -> None:
        rs = rows(e, table)
        fn(rs[0])
        e[f"records/{table}.jsonl"] = jsonl(rs)

    return change


def test_records_of_tables_and_fields_the_sender_may_not_write(
    pair: Pair, genuine: Path, tmp_path: Path
) -> None:
    c = pair.centre
    _m, entries = unpack(genuine, c)
    dossier = rows(entries, "dossiers")[0]
    licence = {
        "id": "11111111-1111-4111-8111-111111111111", "owner_office_id": "IR-07", "version": 1,
        "created_at": dossier["created_at"], "updated_at": dossier["updated_at"], "dossier_id": dossier["id"],
        "cluster_id": dossier["cluster_id"], "number": "1405-0001", "year": 1405, "seq": 1,
        "issued_on": "2026-01-01", "valid_until": "2030-01-01", "conditions": "", "status": "valid",
        "status_reason": "", "status_changed_at": None, "payload": "", "signature": "",
    }  # fmt: skip
    cases: list[Callable[[dict[str, Any], Entries], None]] = [
        lambda m, e: e.update({"records/licenses.jsonl": jsonl([licence])}),  # a central table
        lambda m, e: e.update({"records/users.jsonl": b'{"id":1}\n'}),  # a table that never travels
        _edit("dossiers", lambda r: r.update(central_score=99.0)),  # a local-only field
        _edit("clusters", lambda r: r.update(password_hash="x")),  # an unknown field
        _edit(
            "transitions",
            lambda r: r.update(
                action="approve_central", from_state="central_review", to_state="approved", f_code="F6-1"
            ),
        ),
    ]
    for i, case in enumerate(cases):
        assert refused(c, tampered(pair, genuine, tmp_path, case)).reason == "not_allowed", i


def test_bad_field_values(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    c = pair.centre
    for i, case in enumerate(
        [
            _edit("dossiers", lambda r: r.update(state="licensed_forever")),  # enum
            _edit("clusters", lambda r: r.update(employees="many")),  # type
            _edit("clusters", lambda r: r.update(contact_phone="9" * 65)),  # length
            _edit("clusters", lambda r: r.pop("county")),  # missing field
            _edit("clusters", lambda r: r.update(id="not-a-uuid")),
            _edit("evaluation_scores", lambda r: r.update(score=9)),
            _edit(
                "dossiers", lambda r: r.update(cluster_id="22222222-2222-4222-8222-222222222222")
            ),  # dangling link
            _edit("transitions", lambda r: r.update(to_state="licensed")),  # not the workflow's step
        ]
    ):
        assert refused(c, tampered(pair, genuine, tmp_path, case)).reason == "bad_record", i


def test_records_owned_by_another_office(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    c = pair.centre
    cases = [
        _edit("clusters", lambda r: r.update(owner_office_id="IR-08")),
        _edit("clusters", lambda r: r.update(province_code="IR-08")),  # another province's data
        _edit("working_groups", lambda r: r.update(level="central", province_code=None)),
    ]
    for i, case in enumerate(cases):
        assert refused(c, tampered(pair, genuine, tmp_path, case)).reason == "foreign_owner", i


def test_a_province_cannot_overwrite_a_central_record(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    # GIVEN the centre holds criteria set 1 (its own) WHEN a province's evaluation reuses an id of the
    # centre's own transition THEN the bundle is refused, not merged
    c, p = pair.centre, pair.province
    sync.import_bundle(c.ws, c.actor, c.keys, genuine)
    with c.ws.db.session() as s:
        central_id = s.execute(
            text("SELECT id FROM transitions WHERE owner_office_id='TPO' LIMIT 1")
        ).scalar_one()
    again = sync.export_bundle(p.ws, p.actor, p.keys, tmp_path / "2.bundle", full=True).files[0]
    manifest, entries = unpack(again, c)
    trs = rows(entries, "transitions")
    trs[0]["id"] = central_id
    trs[0]["version"] = 99
    entries["records/transitions.jsonl"] = jsonl(sorted(trs, key=lambda r: r["id"]))
    bad = craft(p.keys, c, manifest, entries, tmp_path / "x")
    assert refused(c, bad).reason == "foreign_owner"


def test_the_centre_cannot_rewrite_a_province_s_scores(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    c, p = pair.centre, pair.province
    sync.import_bundle(c.ws, c.actor, c.keys, genuine)
    decision = sync.export_bundle(c.ws, c.actor, c.keys, tmp_path / "d.bundle", to="IR-07").files[0]
    _m, prov_entries = unpack(genuine, c)
    score = rows(prov_entries, "evaluation_scores")[0]
    manifest, entries = unpack(decision, p)
    for owner in ("IR-07", "TPO"):
        forged = {**score, "score": 0, "version": score["version"] + 1, "owner_office_id": owner}
        entries["records/evaluation_scores.jsonl"] = jsonl([forged])
        reason = refused(p, craft(c.keys, p, manifest, entries, tmp_path / f"{owner}.bundle")).reason
        assert reason in ("not_allowed", "foreign_owner")


def test_refusal_messages_are_persian_by_default(pair: Pair, genuine: Path) -> None:
    c = pair.centre
    sync.import_bundle(c.ws, c.actor, c.keys, genuine)
    err = refused(c, genuine)
    assert "قبلاً وارد شده" in str(err)


def test_made_by_another_schema_revision(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    # a province still on an older program: its records would lack the newer columns
    bad = tampered(pair, genuine, tmp_path, lambda m, e: m.update(schema_revision="0003"))
    err = refused(pair.centre, bad)
    assert err.reason == "schema_revision" and "0003" in err.en and "نسخه" in err.fa


def _forged_step(
    template: dict[str, Any], dossier_id: str, action: str, src: str, dst: str, f_code: str
) -> dict:
    """A province transition like ``template`` but new: another dossier, step and a later time."""
    import uuid

    return {
        **template,
        "id": str(uuid.uuid4()),
        "dossier_id": dossier_id,
        "action": action,
        "from_state": src,
        "to_state": dst,
        "f_code": f_code,
        "meeting_id": None,
        "minutes_number": "",
        "comment": "",
        "at": "2099-01-01T08:00:00.000000Z",
        "created_at": "2099-01-01T08:00:00.000000Z",
        "updated_at": "2099-01-01T08:00:00.000000Z",
    }


def test_a_province_takes_no_step_on_a_dossier_it_does_not_own(
    pair: Pair, genuine: Path, tmp_path: Path
) -> None:
    from tests.sync.test_plan_requests import _initial_entry

    c, p = pair.centre, pair.province
    sync.import_bundle(c.ws, c.actor, c.keys, genuine)
    entry_id, _request = _initial_entry(c)  # the centre's own dossier, in plan_in_progress
    again = sync.export_bundle(p.ws, p.actor, p.keys, tmp_path / "2.bundle", full=True).files[0]
    manifest, entries = unpack(again, c)
    trs = rows(entries, "transitions")
    trs.append(_forged_step(trs[0], entry_id, "submit_plan", "plan_in_progress", "plan_submitted", "F3-3"))
    entries["records/transitions.jsonl"] = jsonl(sorted(trs, key=lambda r: r["id"]))
    assert refused(c, craft(p.keys, c, manifest, entries, tmp_path / "x")).reason == "foreign_owner"


def test_a_step_from_a_state_the_dossier_left_is_refused(pair: Pair, genuine: Path, tmp_path: Path) -> None:
    from cluster_desktop.services import workflow

    c, p = pair.centre, pair.province
    sync.import_bundle(c.ws, c.actor, c.keys, genuine)
    received = sorted(d for d, st in c.states().items() if st == "received")[0]
    with c.ws.db.session() as s:
        workflow.transition(s, c.actor, received, "open_central_review")
    again = sync.export_bundle(p.ws, p.actor, p.keys, tmp_path / "2.bundle", full=True).files[0]
    manifest, entries = unpack(again, c)
    trs = rows(entries, "transitions")
    # an old "send to the centre" replayed as new would move the dossier back to "received"
    trs.append(
        _forged_step(trs[0], received, "send_to_center", "provincially_approved", "sent_to_center", "P1-7")
    )
    entries["records/transitions.jsonl"] = jsonl(sorted(trs, key=lambda r: r["id"]))
    assert refused(c, craft(p.keys, c, manifest, entries, tmp_path / "x")).reason == "stale_state"
    assert c.states()[received] == "central_review"


def test_a_new_dossier_lands_as_received_whatever_state_it_claims(
    pair: Pair, genuine: Path, tmp_path: Path
) -> None:
    c, p = pair.centre, pair.province
    manifest, entries = unpack(genuine, c)
    dossiers = rows(entries, "dossiers")
    dossiers[0]["state"] = "licensed"  # no license, no databank entry, no central decision
    entries["records/dossiers.jsonl"] = jsonl(dossiers)
    steps = [t for t in rows(entries, "transitions") if t["dossier_id"] != dossiers[0]["id"]]
    entries["records/transitions.jsonl"] = jsonl(steps)  # and not one step to say how it got there
    sync.import_bundle(c.ws, c.actor, c.keys, craft(p.keys, c, manifest, entries, tmp_path / "x"))
    assert c.states()[dossiers[0]["id"]] == "received"
