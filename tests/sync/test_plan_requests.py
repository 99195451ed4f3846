"""The centre's initial list reaches the province as a request to complete the plan (F3), and comes
back as the province's own dossier, listed once at the centre. Real keys, real bundle files."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import delete, func, select

from cluster_desktop.domain.errors import PermissionDenied
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.services import central, clusters, evaluations, groups, plans, sync, workflow
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.clusters import ClusterInput, DossierQuery, ProductInput, list_dossiers
from cluster_desktop.store.models import (
    Attachment,
    Cluster,
    Dossier,
    Member,
    PlanRequest,
    Transition,
    WorkingGroup,
)
from cluster_desktop.sync.limits import BundleError
from tests.conftest import PASSWORD
from tests.test_cli import cli

from .offices import Office, Pair, central_meeting, central_member, craft, jsonl, rows, unpack

NAME, COUNTY = "گلاب میمند", "فیروزآباد"


def _initial_entry(centre: Office, *, province: str = "IR-07", name: str = NAME) -> tuple[str, str]:
    """The centre puts a cluster on its initial list and asks the province; (entry id, request id)."""
    with centre.ws.db.session() as s:
        d = central.add_to_initial_list(
            s,
            centre.actor,
            ClusterInput(
                name=name,
                county=COUNTY,
                province_code=province,
                sector="اسانس و گلاب",
                products=[ProductInput("3301.29", "اسانس گل محمدی")],
            ),
            note="اولویت نقشهٔ ملی خوشه‌ها",
        )
        assert d.plan_request_id is not None
        return d.id, d.plan_request_id


def _requested(prov: Office, request_id: str) -> Dossier | None:
    with prov.ws.db.session() as s:
        d = s.scalar(select(Dossier).where(Dossier.plan_request_id == request_id))
        if d is not None:
            s.expunge(d)
        return d


def _full_plan() -> plans.PlanInput:
    return plans.PlanInput(
        overview="بیش از صد بنگاه گلاب‌گیری در میمند",
        market="کشورهای حاشیهٔ خلیج فارس",
        strengths="نام‌آوری",
        weaknesses="بسته‌بندی",
        opportunities="گردشگری",
        threats="رقبای منطقه",
        investment_note="خط بسته‌بندی",
        actions="برندسازی مشترک",
        expected_results="دو برابر شدن صادرات",
        targets=[plans.TargetInput("۱۴۰۶", "500000", "60")],
    )


def _complete_and_approve(prov: Office, dossier_id: str) -> None:
    """The province fills the plan, its working group scores it and approves it in a meeting."""
    with prov.ws.db.session() as s:
        plans.save_plan(s, prov.actor, dossier_id, _full_plan())
        workflow.transition(s, prov.actor, dossier_id, "submit_plan")
        workflow.transition(s, prov.actor, dossier_id, "open_evaluation")
        group = s.scalar(select(WorkingGroup).where(WorkingGroup.owner_office_id == prov.actor.office_id))
        member = s.scalars(select(Member).where(Member.group_id == group.id, Member.active.is_(True))).first()
        scorer = Actor(
            0, "m1", member.full_name, Role.EVALUATOR, "IR-07", OfficeKind.PROVINCE, "IR-07", member.id
        )
        evaluations.save_sheet(
            s, scorer, dossier_id, evaluations.SheetInput({f"C{k}": 4 for k in range(1, 10)}, {}), submit=True
        )
        meeting = groups.create_meeting(
            s, prov.actor, groups.MeetingInput(held_on=date(2026, 5, 1), attendee_ids=[member.id])
        )
        workflow.transition(
            s, prov.actor, dossier_id, "approve_provincial", comment="طرح کامل است", meeting_id=meeting.id
        )


def test_initial_list_entry_reaches_the_province_and_comes_back_once(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    # GIVEN the centre's initial-list entry for a cluster of IR-07, with its plan request
    entry_id, request_id = _initial_entry(centre)
    # WHEN the centre's next decision bundle is imported at the province
    c1 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c1.bundle", to="IR-07")
    report = sync.import_bundle(prov.ws, prov.actor, prov.keys, c1.files[0])
    assert report["tables"]["plan_requests"] == {"add": 1, "update": 0, "unchanged": 0}
    # THEN the province holds its own dossier for it, ready for the plan, with the cluster's profile
    mine = _requested(prov, request_id)
    assert mine is not None and mine.id != entry_id
    assert (mine.owner_office_id, mine.origin, mine.state) == ("IR-07", "central", "plan_in_progress")
    assert mine.nomination_note == "اولویت نقشهٔ ملی خوشه‌ها"
    with prov.ws.db.session() as s:
        cluster = s.get(Cluster, mine.cluster_id)
        assert cluster.owner_office_id == "IR-07" and cluster.national_priority and cluster.name == NAME
        assert [(p.hs_code, p.name_fa, p.owner_office_id) for p in cluster.products] == [
            ("3301.29", "اسانس گل محمدی", "IR-07")
        ]
        listed = list_dossiers(s, DossierQuery(search="میمند"))
        assert [r.id for r in listed] == [mine.id]
    # AND importing the same bundle again is refused and changes nothing
    before = prov.dump()
    with pytest.raises(BundleError) as err:
        sync.import_bundle(prov.ws, prov.actor, prov.keys, c1.files[0])
    assert err.value.reason == "already_imported" and prov.dump() == before

    # WHEN the province completes the plan, approves it and sends it
    _complete_and_approve(prov, mine.id)
    p1 = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p1.bundle")
    assert mine.id in p1.moved_to_sent
    sync.import_bundle(centre.ws, centre.actor, centre.keys, p1.files[0])
    # THEN the centre lists the cluster once: the province's dossier, linked to its request
    with centre.ws.db.session() as s:
        assert s.get(Dossier, entry_id) is None
        theirs = s.get(Dossier, mine.id)
        assert (theirs.owner_office_id, theirs.state, theirs.plan_request_id) == (
            "IR-07",
            "received",
            request_id,
        )
        assert s.scalar(select(func.count()).select_from(Cluster).where(Cluster.name == NAME)) == 1
        initial = central.national_rows(s, central.NationalQuery(origin="central", search="میمند"))
        assert [r.id for r in initial] == [mine.id]
        assert central.plan_request_of(s, mine.id).id == request_id
        # its history begins with the centre's request, then the province's steps, then the receipt
        steps = [t.action for t in workflow.history(s, mine.id)]
        assert steps[0] == "request_plan" and steps[-2:] == ["send_to_center", "receive"]
        assert "submit_plan" in steps and "approve_provincial" in steps

    # WHEN the centre's next decision bundle goes back
    c2 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c2.bundle", to="IR-07")
    sync.import_bundle(prov.ws, prov.actor, prov.keys, c2.files[0])
    # THEN the province shows it received, with the centre's request at the start of its history
    with prov.ws.db.session() as s:
        assert s.get(Dossier, mine.id).state == "received"
        assert workflow.history(s, mine.id)[0].action == "request_plan"
        assert (
            s.scalar(select(func.count()).select_from(Dossier).where(Dossier.plan_request_id == request_id))
            == 1
        )
    # AND a full re-export of every decision opens nothing new and moves no state back
    states, count = prov.states(), prov.count("dossiers")
    c3 = sync.export_bundle(
        centre.ws, centre.actor, centre.keys, tmp_path / "c3.bundle", to="IR-07", full=True
    )
    sync.import_bundle(prov.ws, prov.actor, prov.keys, c3.files[0])
    assert prov.states() == states and prov.count("dossiers") == count
    # AND an older step of the centre arriving late (here: the request, lost locally) is history only
    with prov.ws.db.session() as s:
        s.execute(
            delete(Transition).where(Transition.dossier_id == mine.id, Transition.action == "request_plan")
        )
    c4 = sync.export_bundle(
        centre.ws, centre.actor, centre.keys, tmp_path / "c4.bundle", to="IR-07", full=True
    )
    back = sync.import_bundle(prov.ws, prov.actor, prov.keys, c4.files[0])
    assert back["tables"]["transitions"]["add"] == 1
    assert prov.states()[mine.id] == "received"


def test_a_request_waits_for_its_own_province_only(pair: Pair, tmp_path: Path) -> None:
    prov, centre = pair.province, pair.centre
    # GIVEN requests for IR-07 and for another province
    _entry, request_id = _initial_entry(centre)
    _initial_entry(centre, province="IR-29", name="زعفران قائنات")
    # WHEN the bundle for IR-07 is written THEN it carries only IR-07's request
    c1 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c1.bundle", to="IR-07")
    manifest, entries = unpack(c1.files[0], prov)
    assert [r["id"] for r in rows(entries, "plan_requests")] == [request_id]
    # AND a bundle naming another province in a request is refused, the database unchanged
    forged = rows(entries, "plan_requests")
    forged[0]["province_code"] = "IR-29"
    entries["records/plan_requests.jsonl"] = jsonl(forged)
    bad = craft(centre.keys, prov, manifest, entries, tmp_path / "bad.bundle")
    before = prov.dump()
    with pytest.raises(BundleError) as err:
        sync.import_bundle(prov.ws, prov.actor, prov.keys, bad)
    assert err.value.reason == "not_allowed" and prov.dump() == before
    # AND a province may not make one of its dossiers answer another province's request
    sync.import_bundle(prov.ws, prov.actor, prov.keys, c1.files[0])
    other = None
    with centre.ws.db.session() as s:
        other = s.scalar(select(PlanRequest.id).where(PlanRequest.province_code == "IR-29"))
    p1 = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p1.bundle")
    manifest, entries = unpack(p1.files[0], centre)
    dossiers = rows(entries, "dossiers")
    dossiers[0]["plan_request_id"] = other
    entries["records/dossiers.jsonl"] = jsonl(dossiers)
    bad = craft(prov.keys, centre, manifest, entries, tmp_path / "bad-p.bundle")
    before = centre.dump()
    with pytest.raises(BundleError) as err:
        sync.import_bundle(centre.ws, centre.actor, centre.keys, bad)
    assert err.value.reason == "foreign_owner" and centre.dump() == before


def test_the_centre_does_not_edit_the_plan_it_asked_for(pair: Pair) -> None:
    centre = pair.centre
    entry_id, _request_id = _initial_entry(centre)
    with pytest.raises(PermissionDenied) as err, centre.ws.db.session() as s:
        plans.save_plan(s, centre.actor, entry_id, _full_plan())
    assert "استان" in str(err.value)
    with centre.ws.db.session() as s:
        assert plans.plan_of(s, entry_id) is None
        assert (
            s.scalar(select(func.count()).select_from(Transition).where(Transition.dossier_id == entry_id))
            == 1
        )


def test_the_cli_asks_through_the_initial_list_and_refuses_the_bare_step(pair: Pair) -> None:
    centre = pair.centre
    with centre.ws.db.session() as s:
        entry = central.add_to_initial_list(
            s, centre.actor, ClusterInput(name=NAME, county=COUNTY, province_code="IR-07"), request=False
        ).id
    user = ("--user", "admin", "--password-stdin")
    # WHEN the step is taken as a plain transition THEN it is refused in one line, pointing the way
    r = cli(centre.dir, *user, "clusters", "transition", entry, "request_plan", password=PASSWORD)
    assert r.returncode == 1 and r.stderr.count("\n") == 1 and "initial-list request" in r.stderr
    # WHEN asked through the initial list THEN the request is written with the step
    r = cli(centre.dir, *user, "initial-list", "request", entry, "--json", password=PASSWORD)
    assert r.returncode == 0, r.stderr
    out = json.loads(r.stdout)
    assert out["status"] == "plan_in_progress" and out["request"]
    with centre.ws.db.session() as s:
        assert s.get(PlanRequest, out["request"]).province_code == "IR-07"


def test_a_removed_attachment_and_central_decisions_travel_right(pair: Pair, tmp_path: Path) -> None:
    """The centre's decisions leave the province's dossier at its version; the province's revision
    (an attachment removed) then replaces the centre's copy, attachments included."""
    prov, centre = pair.province, pair.centre
    p1 = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p1.bundle")
    sync.import_bundle(centre.ws, centre.actor, centre.keys, p1.files[0])
    with centre.ws.db.session() as s:
        att = s.scalars(select(Attachment).order_by(Attachment.id)).first()
        did = att.dossier_id
        version = s.get(Dossier, did).version
    meeting = central_meeting(centre, [central_member(centre).member_id])
    with centre.ws.db.session() as s:
        workflow.transition(s, centre.actor, did, "open_central_review")
        workflow.transition(
            s, centre.actor, did, "return_central", comment="پیوست نادرست است", meeting_id=meeting
        )
    with centre.ws.db.session() as s:
        assert s.get(Dossier, did).version == version  # the province's record, untouched
    c1 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c1.bundle", to="IR-07")
    sync.import_bundle(prov.ws, prov.actor, prov.keys, c1.files[0])
    # WHEN the province removes the attachment and sends the dossier again
    with prov.ws.db.session() as s:
        assert s.get(Dossier, did).state == "returned"
        plans.remove_attachment(s, prov.actor, att.id)
        for action in ("issue_plan", "submit_plan", "open_evaluation"):
            workflow.transition(s, prov.actor, did, action)
        # A new evaluation round: the revised plan is scored afresh before the group decides (issue 15).
        member = s.scalars(
            select(Member).where(Member.active.is_(True), Member.owner_office_id == "IR-07")
        ).first()
        scorer = Actor(
            0, "m1", member.full_name, Role.EVALUATOR, "IR-07", OfficeKind.PROVINCE, "IR-07", member.id
        )
        evaluations.save_sheet(
            s, scorer, did, evaluations.SheetInput({f"C{k}": 4 for k in range(1, 10)}, {}), submit=True
        )
        # The decision goes into minutes still open (signed ones take no new decision).
        minutes = groups.list_meetings(s, prov.actor, open_only=True)[0].id
        workflow.transition(s, prov.actor, did, "approve_provincial", comment="اصلاح شد", meeting_id=minutes)
    p2 = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p2.bundle")
    report = sync.import_bundle(centre.ws, centre.actor, centre.keys, p2.files[0])
    # THEN the centre takes the newer dossier and drops the attachment the province removed
    assert report["tables"]["dossiers"]["update"] == 1
    with centre.ws.db.session() as s:
        assert s.get(Dossier, did).state == "received"
        assert s.scalar(select(func.count()).select_from(Attachment).where(Attachment.dossier_id == did)) == 0


def test_an_entry_for_a_cluster_the_province_already_has_is_answered_by_its_dossier(
    pair: Pair, tmp_path: Path
) -> None:
    prov, centre = pair.province, pair.centre
    # GIVEN the province has sent-ready dossiers, and the centre, not knowing, lists one of their
    # clusters on its initial list (same province, county and name)
    p1 = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p1.bundle")
    with prov.ws.db.session() as s:
        theirs = s.get(Dossier, p1.moved_to_sent[0])
        cluster = s.get(Cluster, theirs.cluster_id)
        name, county = cluster.name, cluster.county
    with centre.ws.db.session() as s:
        entry = central.add_to_initial_list(
            s,
            centre.actor,
            ClusterInput(
                name=name, county=county, province_code="IR-07", products=[ProductInput("0806.20", "x")]
            ),
            note="نقشهٔ ملی",
        )
        entry_id = entry.id
    # WHEN the province's bundle arrives
    report = sync.import_bundle(centre.ws, centre.actor, centre.keys, p1.files[0])
    # THEN it is not refused as a collision: the entry is answered by the province's own dossier
    assert report["applied"]
    with centre.ws.db.session() as s:
        assert s.get(Dossier, entry_id) is None
        assert s.scalar(select(func.count()).select_from(Cluster).where(Cluster.name == name)) == 1
        steps = [t.action for t in workflow.history(s, theirs.id)]
        assert "request_plan" in steps and steps[-1] == "receive"  # the request kept, in time order
        assert s.get(Dossier, theirs.id).state == "received"
    # AND the centre's next decision bundle is taken by the province (the request as history)
    c1 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c1.bundle", to="IR-07")
    sync.import_bundle(prov.ws, prov.actor, prov.keys, c1.files[0])
    assert prov.states()[theirs.id] == "received"


def test_a_request_for_a_cluster_the_province_is_working_on_is_answered_by_that_dossier(
    pair: Pair, tmp_path: Path
) -> None:
    prov, centre = pair.province, pair.centre
    # GIVEN the province has just recorded the cluster itself (a draft, not sent yet)
    with prov.ws.db.session() as s:
        own = clusters.create_cluster(
            s, prov.actor, ClusterInput(name=NAME, county=COUNTY, products=[ProductInput("3301.29", "اسانس")])
        )
        own_id, version = own.id, own.version
        before = s.scalar(select(func.count()).select_from(Dossier))
    # AND the centre, not knowing, puts the same cluster on its initial list and asks for its plan
    entry_id, request_id = _initial_entry(centre)
    c1 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c1.bundle", to="IR-07")
    # WHEN the province takes the centre's bundle
    sync.import_bundle(prov.ws, prov.actor, prov.keys, c1.files[0])
    # THEN no second dossier is opened: the province's own draft now answers the request
    with prov.ws.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == before
        mine = s.get(Dossier, own_id)
        assert mine.plan_request_id == request_id and mine.version == version + 1
        assert mine.state == "draft" and mine.cluster.national_priority  # the centre listed it
    # WHEN the province completes it and sends it THEN the centre's entry is folded into it
    with prov.ws.db.session() as s:
        for action in ("nominate", "issue_plan"):
            workflow.transition(s, prov.actor, own_id, action)
    _complete_and_approve(prov, own_id)
    p1 = sync.export_bundle(prov.ws, prov.actor, prov.keys, tmp_path / "p1.bundle")
    assert own_id in p1.moved_to_sent
    sync.import_bundle(centre.ws, centre.actor, centre.keys, p1.files[0])
    with centre.ws.db.session() as s:
        assert s.get(Dossier, entry_id) is None
        assert s.scalar(select(func.count()).select_from(Cluster).where(Cluster.name == NAME)) == 1
        assert s.get(Dossier, own_id).cluster.national_priority
        assert "request_plan" in [t.action for t in workflow.history(s, own_id)]


@pytest.mark.parametrize("closed", ["provincially_rejected", "centrally_rejected"])
def test_a_request_for_a_cluster_decided_against_opens_a_new_dossier(
    pair: Pair, tmp_path: Path, closed: str
) -> None:
    """The guard beside the linking: a closed dossier is not reopened by a request."""
    prov, centre = pair.province, pair.centre
    with prov.ws.db.session() as s:
        own = clusters.create_cluster(
            s, prov.actor, ClusterInput(name=NAME, county=COUNTY, products=[ProductInput("3301.29", "اسانس")])
        )
        own.state = closed  # decided against earlier
        own_id = own.id
    _entry, request_id = _initial_entry(centre)
    c1 = sync.export_bundle(centre.ws, centre.actor, centre.keys, tmp_path / "c1.bundle", to="IR-07")
    sync.import_bundle(prov.ws, prov.actor, prov.keys, c1.files[0])
    opened = _requested(prov, request_id)
    assert opened is not None and opened.id != own_id and opened.state == "plan_in_progress"
    assert opened.cluster_id == own.cluster_id  # the cluster itself is not recorded twice
