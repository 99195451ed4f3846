"""F5/F15: the centre's instructions reach the province in its decision bundle; a later revision
follows in the next one; the province cannot issue its own."""

from __future__ import annotations

from pathlib import Path

import pytest

from cluster_desktop.domain.errors import PermissionDenied
from cluster_desktop.domain.jalali import today
from cluster_desktop.services import instructions as ins
from cluster_desktop.services import sync

from .offices import Pair


def test_instructions_and_their_revisions_reach_the_province(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    # GIVEN the centre issues the executive instruction
    with centre.ws.db.session() as s:
        ins.issue(
            s, centre.actor, ins.InstructionInput("F5-1", "دستورالعمل اجرایی", today(), "ماده ۱ — نخست")
        )
    c1 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c1.bundle", to="IR-07")
    # WHEN the province imports the decision bundle THEN it reads revision 1 there
    report = sync.import_bundle(prov.ws, prov.actor, prov.keys, c1.files[0])
    assert report["tables"]["instructions"]["add"] == 1
    with prov.ws.db.session() as s:
        row = next(r for r in ins.instruction_rows(s) if r.code == "F5-1")
        assert (row.revision, row.title) == (1, "دستورالعمل اجرایی")
        assert ins.revisions(s, "F5-1")[0].body == "ماده ۱ — نخست"
        # and it cannot issue one itself
        with pytest.raises(PermissionDenied):
            ins.issue(s, prov.actor, ins.InstructionInput("F5-2", "x", today(), "y"))
    # WHEN the centre revises it THEN the next bundle carries only the new revision
    with centre.ws.db.session() as s:
        ins.issue(s, centre.actor, ins.InstructionInput("F5-1", "دستورالعمل اجرایی", today(), "ماده ۱ — دوم"))
    c2 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c2.bundle", to="IR-07")
    report = sync.import_bundle(prov.ws, prov.actor, prov.keys, c2.files[0])
    assert report["tables"]["instructions"]["add"] == 1
    with prov.ws.db.session() as s:
        assert [(r.revision, r.body) for r in ins.revisions(s, "F5-1")] == [
            (2, "ماده ۱ — دوم"),
            (1, "ماده ۱ — نخست"),
        ]


def test_a_revision_number_issued_again_after_a_restore_replaces_the_old_one(
    pair: Pair, tmp_path: Path
) -> None:
    from sqlalchemy import delete

    from cluster_desktop.store.models import Instruction

    prov, centre = pair.province, pair.centre
    with centre.ws.db.session() as s:
        ins.issue(s, centre.actor, ins.InstructionInput("F5-1", "نخست", today(), "متن پیش از بازگردانی"))
    c1 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c1.bundle", to="IR-07")
    sync.import_bundle(prov.ws, prov.actor, prov.keys, c1.files[0])
    # GIVEN the centre's database is restored from a backup older than that revision, and it is issued again
    with centre.ws.db.session() as s:
        s.execute(delete(Instruction))
        ins.issue(s, centre.actor, ins.InstructionInput("F5-1", "نخست", today(), "متن پس از بازگردانی"))
    c2 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c2.bundle", to="IR-07")
    # WHEN the province imports the next decision bundle THEN it is taken, and revision 1 is the new text
    assert sync.import_bundle(prov.ws, prov.actor, prov.keys, c2.files[0])["applied"]
    with prov.ws.db.session() as s:
        assert [(r.revision, r.body) for r in ins.revisions(s, "F5-1")] == [(1, "متن پس از بازگردانی")]


def test_a_province_bundle_may_not_carry_instructions(pair: Pair, tmp_path: Path) -> None:
    from cluster_desktop.sync.limits import BundleError

    from .offices import craft, jsonl, unpack

    prov, centre = pair.province, pair.centre
    p1 = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p1.bundle")
    manifest, entries = unpack(p1.files[0], centre)
    # GIVEN a province's real bundle with an instruction of its own slipped in
    forged = {
        "id": "0d6b3c1e-1111-4aaa-8bbb-222233334444",
        "owner_office_id": "IR-07",
        "version": 1,
        "created_at": "2026-01-01T00:00:00Z",
        "updated_at": "2026-01-01T00:00:00Z",
        "code": "F5-1",
        "revision": 9,
        "title": "جعلی",
        "issued_on": "2026-01-01",
        "body": "متن",
        "attachment_sha256": None,
    }
    entries["records/instructions.jsonl"] = jsonl([forged])
    bad = craft(prov.keys, centre, manifest, entries, tmp_path / "bad.bundle")
    before = centre.dump()
    # THEN the centre refuses the whole bundle and nothing changes
    with pytest.raises(BundleError) as err:
        sync.import_bundle(centre.ws, centre.actor, centre.keys, bad)
    assert err.value.reason == "not_allowed" and centre.dump() == before
