"""Province → centre → province with the services: what arrives, in which state, and what comes back."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import select

from cluster_desktop.services import evaluations, groups, licenses, sync, users, workflow
from cluster_desktop.services.clusters import DossierQuery, list_dossiers
from cluster_desktop.store.models import License, SentBundle, Transition, User
from cluster_desktop.sync.limits import BundleError

from .offices import Pair, central_meeting, central_member

SENT = {"sent_to_center", "provincially_approved"}


def test_round_trip_province_centre_province(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    # GIVEN a province whose dossiers are in every state
    before = prov.states()
    sent_ids = {d for d, st in before.items() if st in SENT}
    assert sent_ids and len(sent_ids) < len(before)

    # WHEN it exports
    result = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p1.bundle")
    # THEN every approved dossier is now sent, the bundle is kept until acknowledged
    assert {d for d, st in prov.states().items() if st == "sent_to_center"} == sent_ids
    assert result.dossiers == len(sent_ids) and result.sequences == [1]
    assert result.files[0].exists() and result.kept[0].exists()

    # WHEN the centre imports it
    report = sync.import_bundle(centre.ws, centre.actor, centre.keys, result.files[0])
    # THEN exactly the sent dossiers are there, as received, with their attachments' bytes
    with centre.ws.db.session() as s:
        listed = {r.id: r.state for r in list_dossiers(s, DossierQuery(), limit=10_000)}
    assert listed == dict.fromkeys(sent_ids, "received")
    assert report["applied"] and report["tables"]["dossiers"]["add"] == len(sent_ids)
    assert report["attachments"]["files"] == 2
    with centre.ws.db.session() as s:  # in the data folder, or in the database on a server
        assert all(centre.ws.blobs.size(s, h) == 300_000 for h in _hashes(centre))

    # WHEN the centre decides: one returned with a reason, one approved, registered and licensed
    returned, approved = sorted(sent_ids)[:2]
    member = central_member(centre)
    meeting = central_meeting(centre, [member.member_id])
    with centre.ws.db.session() as s:
        for did in (returned, approved):
            workflow.transition(s, centre.actor, did, "open_central_review")
        workflow.transition(
            s, centre.actor, returned, "return_central", comment="اهداف صادراتی اصلاح شود", meeting_id=meeting
        )
        evaluations.save_sheet(
            s, member, approved, evaluations.SheetInput({f"C{k}": 4 for k in range(1, 10)}, {}), submit=True
        )
        workflow.transition(s, centre.actor, approved, "approve_central", comment="تأیید", meeting_id=meeting)
        licenses.register(s, centre.actor, approved)
        number = licenses.issue_license(
            s, centre.actor, centre.keys, approved, licenses.LicenseInput()
        ).number
    decision = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c1.bundle", to="IR-07")

    # THEN the province imports it and shows the new states, the license and the reason
    back = sync.import_bundle(prov.ws, prov.actor, prov.keys, decision.files[0])
    states = prov.states()
    assert states[returned] == "returned" and states[approved] == "licensed"
    assert all(states[d] == "received" for d in sent_ids - {returned, approved})
    assert back["acknowledged"] == [1]
    with prov.ws.db.session() as s:
        assert s.scalar(select(License.number).where(License.dossier_id == approved)) == number
        reason = s.scalar(
            select(Transition.comment).where(
                Transition.dossier_id == returned, Transition.action == "return_central"
            )
        )
        assert reason == "اهداف صادراتی اصلاح شود"
        # the province's copy of the bundle was deleted once acknowledged
        assert s.scalar(select(SentBundle.acked_at).where(SentBundle.sequence == 1)) is not None
    assert not result.kept[0].exists()

    # WHEN the province revises the returned dossier and sends it again
    with prov.ws.db.session() as s:
        for action in ("issue_plan", "submit_plan", "open_evaluation"):
            workflow.transition(s, prov.actor, returned, action)
        # A new evaluation round: the revised plan is scored afresh before the group decides (issue 15).
        user = s.scalars(select(User).where(User.member_id.is_not(None), User.role == "evaluator")).first()
        evaluations.save_sheet(
            s,
            users.actor_for(s, user),
            returned,
            evaluations.SheetInput({f"C{k}": 4 for k in range(1, 10)}, {}),
            submit=True,
        )
        # The decision goes into minutes still open (signed ones take no new decision).
        meeting_p = groups.list_meetings(s, prov.actor, open_only=True)[0].id
        workflow.transition(
            s, prov.actor, returned, "approve_provincial", comment="اصلاح شد", meeting_id=meeting_p
        )
    again = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p2.bundle")
    # THEN only what changed since the acknowledged bundle travels, and the centre receives it again
    assert again.dossiers == 1 and again.moved_to_sent == [returned]
    report2 = sync.import_bundle(centre.ws, centre.actor, centre.keys, again.files[0])
    assert centre.states()[returned] == "received"
    assert report2["tables"]["dossiers"] == {"add": 0, "update": 1, "unchanged": 0}
    assert report2["acknowledged"] == [1]


def _hashes(office) -> set[str]:  # type: ignore[no-untyped-def]
    with office.ws.db.engine.connect() as conn:
        return {r[0] for r in conn.exec_driver_sql("SELECT sha256 FROM attachments")}


def test_same_bundle_a_hundred_times_adds_no_row(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    bundle = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "b.bundle").files[0]
    sync.import_bundle(centre.ws, centre.actor, centre.keys, bundle)
    after_first = centre.dump()
    for _ in range(100):
        with pytest.raises(BundleError) as err:
            sync.import_bundle(centre.ws, centre.actor, centre.keys, bundle)
        assert err.value.reason == "already_imported"
    assert centre.dump() == after_first


def test_verify_changes_nothing_and_says_what_would_change(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    bundle = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "b.bundle").files[0]
    before = centre.dump()
    report = sync.verify_bundle(centre.ws, centre.actor, centre.keys, bundle)
    assert centre.dump() == before
    assert not report["applied"] and report["sender"]["office_id"] == "IR-07"
    assert report["tables"]["dossiers"]["add"] == report["record_counts"]["dossiers"]
    assert any("امضاکننده" in line for line in report["summary_fa"])


def test_a_lost_bundle_is_covered_by_the_next_one(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    # GIVEN two exports, the first never arriving (nothing was acknowledged in between)
    first = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "1.bundle").files[0]
    second = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "2.bundle").files[0]
    # WHEN the second is imported THEN it is accepted, the gap is named, everything arrived
    report = sync.import_bundle(centre.ws, centre.actor, centre.keys, second)
    assert report["gap"] == [1, 1] and any("هرگز نرسیدند" in x for x in report["summary_fa"])
    assert set(centre.states()) == {d for d, st in prov.states().items() if st == "sent_to_center"}
    # AND the lost one turning up later is refused as older
    with pytest.raises(BundleError) as err:
        sync.import_bundle(centre.ws, centre.actor, centre.keys, first)
    assert err.value.reason == "older"


def test_full_export_resends_everything(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    sync.import_bundle(
        centre.ws,
        centre.actor,
        centre.keys,
        sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "1").files[0],
    )
    ack = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c", to="IR-07").files[0]
    sync.import_bundle(prov.ws, prov.actor, prov.keys, ack)
    # nothing changed since the acknowledged bundle: an incremental export carries no dossier
    assert sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "2").dossiers == 0
    full = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "3", full=True)
    report = sync.import_bundle(centre.ws, centre.actor, centre.keys, full.files[0])
    assert full.dossiers == len(centre.states())
    assert report["tables"]["dossiers"] == {"add": 0, "update": 0, "unchanged": full.dossiers}


def test_export_is_split_into_parts_imported_in_order(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cluster_desktop.sync import export

    monkeypatch.setattr(export, "PART_ATTACHMENT_BYTES", 100_000)  # each scan needs its own part
    prov, centre = pair.province, pair.centre
    result = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "b.bundle")
    assert len(result.files) >= 2 and result.files[1].name == "b-2.bundle"
    with pytest.raises(BundleError) as err:  # part 2 alone does not cover part 1
        sync.import_bundle(centre.ws, centre.actor, centre.keys, result.files[1])
    assert err.value.reason == "gap"
    for f in result.files:
        sync.import_bundle(centre.ws, centre.actor, centre.keys, f)
    assert len(centre.states()) == result.dossiers


def test_export_to_a_missing_folder_changes_nothing(pair: Pair, tmp_path: Path) -> None:
    from cluster_desktop.domain.errors import DomainError

    prov = pair.province
    before = prov.dump()
    with pytest.raises(DomainError) as err:
        sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "no-such-stick" / "p.bundle")
    assert err.value.field == "out" and "وجود ندارد" in err.value.fa
    assert prov.dump() == before and not any(prov.ws.bundles_dir.glob("*"))


def test_a_failed_copy_after_the_commit_says_where_the_kept_bundle_is(
    pair: Pair, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from cluster_desktop.domain.errors import DomainError
    from cluster_desktop.services import sync as service

    prov = pair.province

    def full_stick(*_a, **_k):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(service, "atomic_write", full_stick)
    with pytest.raises(DomainError) as err:
        sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p.bundle")
    kept = sorted(prov.ws.bundles_dir.glob("*.bundle"))
    assert len(kept) == 1 and str(kept[0]) in err.value.fa and "No space left" in err.value.en
    assert not any(prov.ws.bundles_dir.glob(".*.pending"))
    # the kept bundle is whole and recorded: it imports at the centre
    report = sync.import_bundle(pair.centre.ws, pair.centre.actor, pair.centre.keys, kept[0])
    assert report["applied"]
