"""Dashboard questions: every state counted, next steps from the workflow and the matrix, activity."""

from __future__ import annotations

from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.services import dashboard
from cluster_desktop.services.clusters import counts_by_state
from cluster_desktop.services.demo import fill_demo
from tests.conftest import PASSWORD


def test_state_counts_cover_every_state(workspace, province_admin) -> None:
    fill_demo(workspace, province_admin, PASSWORD, count=12)
    with workspace.db.session() as s:
        counts = dashboard.state_counts(s)
        raw = counts_by_state(s)
    assert [c.state for c in counts] == [st.value for st in DossierState]
    assert {c.state: c.count for c in counts if c.count} == raw


def test_next_steps_follow_the_office_kind(workspace, province_admin) -> None:
    with workspace.db.session() as s:
        province = dashboard.next_steps(s, "draft", OfficeKind.PROVINCE)
        centre = dashboard.next_steps(s, "draft", OfficeKind.CENTRAL)
        evaluation = dashboard.next_steps(s, "provincial_evaluation", OfficeKind.PROVINCE)
        sent = dashboard.next_steps(s, "sent_to_center", OfficeKind.PROVINCE)
    assert [n.f_code for n in province] == ["F3-2"] and province[0].agencies_fa
    assert [n.f_code for n in centre] == ["F3"]
    assert [n.f_code for n in evaluation] == ["F3-4"] and len(evaluation[0].actions_fa) == 3
    assert sent[0].office is OfficeKind.CENTRAL  # the centre receives what the province sent


def test_waiting_lists_only_states_that_hold_dossiers_and_lead_on(workspace, province_admin) -> None:
    fill_demo(workspace, province_admin, PASSWORD, count=12)
    with workspace.db.session() as s:
        waits = dashboard.waiting(s, OfficeKind.PROVINCE)
    assert waits and all(w.count > 0 and w.steps for w in waits)
    assert not {"provincially_rejected", "licensed"} & {w.state for w in waits}


def test_recent_activity_is_newest_first_with_transitions(workspace, province_admin) -> None:
    fill_demo(workspace, province_admin, PASSWORD, count=12)
    with workspace.db.session() as s:
        acts = dashboard.recent_activity(s, limit=200)
    assert acts == sorted(acts, key=lambda a: a.at, reverse=True)
    assert any(a.text_fa.startswith("F3-2 معرفی خوشه") for a in acts)
    assert any(a.text_fa.startswith("راه‌اندازی دفتر") for a in acts)
