"""Services: permissions checked in the service, refusals change nothing, the happy path records history."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from cluster_desktop.domain.errors import ConflictError, FormError, PermissionDenied, TransitionError
from cluster_desktop.domain.roles import MemberRole, Role
from cluster_desktop.services import clusters, evaluations, groups, plans, users, workflow
from cluster_desktop.services.actor import Actor
from cluster_desktop.store.models import AuditEntry, Dossier, Transition
from tests.conftest import PASSWORD


def _cluster(s, actor, name="فرش دستباف کاشان", county="کاشان"):  # type: ignore[no-untyped-def]
    return clusters.create_cluster(
        s,
        actor,
        clusters.ClusterInput(
            name=name,
            county=county,
            employees="۱۲۰",
            annual_exports_usd="2,500,000",
            products=[clusters.ProductInput("5701.10", "فرش دستباف")],
        ),
    )


def _full_plan() -> plans.PlanInput:
    return plans.PlanInput(
        overview="م",
        market="ب",
        strengths="ق",
        weaknesses="ض",
        opportunities="ف",
        threats="ت",
        investment_note="س",
        actions="ا",
        expected_results="ن",
        targets=[plans.TargetInput("۱۴۰۵", "100000", "40")],
    )


def test_licensing_a_draft_is_refused_and_changes_nothing(workspace, province_admin) -> None:
    with workspace.db.session() as s:
        d = _cluster(s, province_admin)
        version = d.version
    with pytest.raises((TransitionError, PermissionDenied)) as err, workspace.db.session() as s:
        workflow.transition(s, province_admin, d.id, "license")
    assert "پیش‌نویس" in str(err.value) or "مرکز" in str(err.value)
    with workspace.db.session() as s:
        again = s.get(Dossier, d.id)
        assert again.state == "draft" and again.version == version
        assert s.scalar(select(func.count()).select_from(Transition)) == 0


def test_bad_input_is_reported_per_field_and_nothing_is_saved(workspace, province_admin) -> None:
    with pytest.raises(FormError) as err, workspace.db.session() as s:
        clusters.create_cluster(
            s,
            province_admin,
            clusters.ClusterInput(
                name="",
                county="کاشان",
                employees="۱۲الف",
                contact_email="not-mail",
                products=[clusters.ProductInput("AB12", "فرش")],
            ),
        )
    fields = err.value.by_field()
    assert {"name", "employees", "contact_email", "products.0.hs_code"} <= set(fields)
    assert "عدد" in fields["employees"]
    with workspace.db.session() as s:
        assert s.scalar(select(func.count()).select_from(Dossier)) == 0


def test_duplicate_name_in_the_same_county_is_refused(workspace, province_admin) -> None:
    with workspace.db.session() as s:
        _cluster(s, province_admin, name="فرش دستباف كاشان")  # Arabic kaf
    with pytest.raises(ConflictError), workspace.db.session() as s:
        _cluster(s, province_admin, name="فرش  دستباف کاشان")
    with workspace.db.session() as s:
        # the same name in another county is another cluster; a near name is offered as similar
        _cluster(s, province_admin, name="فرش دستباف کاشان", county="آران و بیدگل")
        similar = clusters.find_similar(s, "فرش دستبافت کاشان", "IR-07")
        assert similar and similar[0][1] > 0.8


def test_a_viewer_cannot_record_clusters(workspace, province_admin) -> None:
    with workspace.db.session() as s:
        users.create_user(
            s, province_admin, username="viewer", full_name="ناظر", role=Role.VIEWER, password=PASSWORD
        )
    with workspace.db.session() as s:
        viewer = users.authenticate(s, "viewer", PASSWORD)
    with pytest.raises(PermissionDenied), workspace.db.session() as s:
        _cluster(s, viewer)


def test_whole_provincial_path_to_a_minuted_approval(workspace, province_admin) -> None:
    sec = Actor(**{**province_admin.__dict__, "role": Role.SECRETARY})
    with workspace.db.session() as s:
        members = [
            groups.add_member(s, sec, groups.MemberInput(f"عضو {i}", "PROV_COMMERCE", MemberRole.MEMBER))
            for i in range(3)
        ]
        d = _cluster(s, sec)
        workflow.transition(s, sec, d.id, "nominate")
        workflow.transition(s, sec, d.id, "issue_plan")
        with pytest.raises(TransitionError) as err:
            workflow.transition(s, sec, d.id, "submit_plan")
        assert "کمبود" in str(err.value)
        plans.save_plan(s, sec, d.id, _full_plan())
        workflow.transition(s, sec, d.id, "submit_plan")
        workflow.transition(s, sec, d.id, "open_evaluation")
        for i, m in enumerate(members):
            ev = Actor(
                0,
                f"m{i}",
                m.full_name,
                Role.EVALUATOR,
                sec.office_id,
                sec.office_kind,
                sec.province_code,
                m.id,
            )
            evaluations.save_sheet(
                s,
                ev,
                d.id,
                evaluations.SheetInput(
                    scores={f"C{k}": 4 if i < 2 else 1 for k in range(1, 10)}, comments={}
                ),
                submit=True,
            )
        with pytest.raises(TransitionError) as err:
            workflow.transition(s, sec, d.id, "approve_provincial")
        assert err.value.field == "minutes"
        meeting = groups.create_meeting(
            s, sec, groups.MeetingInput("1405/02/10", attendee_ids=[m.id for m in members])
        )
        workflow.transition(s, sec, d.id, "approve_provincial", meeting_id=meeting.id)
    with workspace.db.session() as s:
        d = s.get(Dossier, d.id)
        assert d.state == "provincially_approved"
        assert d.provincial_score == pytest.approx((4 + 4 + 1) / 3 / 5 * 100)
        hist = workflow.history(s, d.id)
        assert [h.f_code for h in hist][-1] == "F3-4" and hist[
            -1
        ].minutes_number == meeting.number == "1405/001"
        cons = evaluations.consolidated(s, sec, d.id)
        assert cons.consolidation.flagged == frozenset(f"C{k}" for k in range(1, 10))
        assert s.scalar(select(func.count()).select_from(AuditEntry)) > 10


def test_members_do_not_see_others_before_submitting(workspace, province_admin) -> None:
    sec = Actor(**{**province_admin.__dict__, "role": Role.SECRETARY})
    with workspace.db.session() as s:
        a, b = (groups.add_member(s, sec, groups.MemberInput(n, "BANKS")) for n in ("الف", "ب"))
        d = _cluster(s, sec)
        for step in ("nominate", "issue_plan"):
            workflow.transition(s, sec, d.id, step)
        plans.save_plan(s, sec, d.id, _full_plan())
        for step in ("submit_plan", "open_evaluation"):
            workflow.transition(s, sec, d.id, step)
        ea = Actor(0, "a", "الف", Role.EVALUATOR, sec.office_id, sec.office_kind, sec.province_code, a.id)
        eb = Actor(0, "b", "ب", Role.EVALUATOR, sec.office_id, sec.office_kind, sec.province_code, b.id)
        evaluations.save_sheet(
            s, ea, d.id, evaluations.SheetInput({f"C{k}": 3 for k in range(1, 10)}, {}), submit=True
        )
        with pytest.raises(PermissionDenied):
            evaluations.visible_sheets(s, eb, d.id)
        with pytest.raises(FormError):
            evaluations.save_sheet(s, eb, d.id, evaluations.SheetInput({"C1": "6"}, {}))
        # the first sheet's verdict is not the dossier's score yet: no list, rank or print can show it
        assert clusters.dossier_rows(s, [d.id])[0].score is None and d.provincial_score is None
        assert evaluations.running_score(s, d.id, "province") == pytest.approx(60.0)
        evaluations.save_sheet(
            s, eb, d.id, evaluations.SheetInput({f"C{k}": 2 for k in range(1, 10)}, {}), submit=True
        )
        assert len(evaluations.visible_sheets(s, eb, d.id)) == 2
        assert s.get(Dossier, d.id).provincial_score is None  # recorded by the decision, not the sheets
        with pytest.raises(PermissionDenied):
            evaluations.save_sheet(s, eb, d.id, evaluations.SheetInput({"C1": 5}, {}))


def test_finalized_minutes_take_no_new_decision_and_only_their_office_finalizes(
    workspace, province_admin
) -> None:
    sec = Actor(**{**province_admin.__dict__, "role": Role.SECRETARY})
    with workspace.db.session() as s:
        d = _cluster(s, sec)
        member = groups.add_member(s, sec, groups.MemberInput("عضو", "PROV_COMMERCE", MemberRole.MEMBER))
        meeting = groups.create_meeting(s, sec, groups.MeetingInput("1405/02/10", attendee_ids=[member.id]))
        other = Actor(**{**sec.__dict__, "office_id": "IR-05", "province_code": "IR-05"})
        with pytest.raises(PermissionDenied):
            groups.finalize_meeting(s, other, meeting.id)
        assert not meeting.finalized
        groups.finalize_meeting(s, sec, meeting.id)
        assert groups.list_meetings(s, sec, open_only=True) == []
        assert groups.list_meetings(s, sec) == [meeting]
        with pytest.raises(ConflictError) as err:
            workflow.transition(s, sec, d.id, "nominate", meeting_id=meeting.id)
        assert err.value.field == "minutes" and "نهایی" in str(err.value)
        assert s.get(Dossier, d.id).state == "draft"
