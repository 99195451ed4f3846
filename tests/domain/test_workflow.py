from __future__ import annotations

import pytest

from cluster_desktop.domain.errors import PermissionDenied, TransitionError
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.domain.workflow import (
    CENTRAL_STATES,
    DOSSIER_STATE_TITLES,
    DOSSIER_WORKFLOW,
    PROGRAMME_STATE_TITLES,
    PROGRAMME_WORKFLOW,
    PROVINCIAL_STATES,
    STATE_TITLES,
    DossierState,
    ProgrammeState,
    Requirement,
    owner_of_state,
)

D, P, R = DossierState, ProgrammeState, Requirement
PROV, CENT = OfficeKind.PROVINCE, OfficeKind.CENTRAL
EVERYTHING = frozenset(Requirement)


def test_dossier_states_are_exactly_the_design():
    assert [s.value for s in DossierState] == [
        "draft", "nominated", "plan_in_progress", "plan_submitted", "provincial_evaluation", "returned",
        "provincially_rejected", "provincially_approved", "sent_to_center", "received", "central_review",
        "centrally_rejected", "approved", "registered", "licensed",
    ]  # fmt: skip


def test_every_state_has_persian_and_english_titles():
    assert set(DOSSIER_STATE_TITLES) == set(DossierState)
    assert set(PROGRAMME_STATE_TITLES) == set(ProgrammeState)
    assert STATE_TITLES[D.DRAFT] == ("پیش‌نویس", "Draft")
    assert STATE_TITLES["licensed"][0] == "دارای پروانه"


def test_every_dossier_state_is_reachable_from_draft_and_central_ones_from_received():
    assert DOSSIER_WORKFLOW.reachable(D.DRAFT) == frozenset(DossierState)
    assert DOSSIER_WORKFLOW.reachable(D.RECEIVED) >= CENTRAL_STATES


def test_every_programme_state_is_reachable_from_submitted():
    assert PROGRAMME_WORKFLOW.reachable(P.SUBMITTED) == frozenset(ProgrammeState)


def test_final_states():
    finals = {s for s in DossierState if DOSSIER_WORKFLOW.is_final(s)}
    assert finals == {D.PROVINCIALLY_REJECTED, D.CENTRALLY_REJECTED, D.LICENSED}
    assert {s for s in ProgrammeState if PROGRAMME_WORKFLOW.is_final(s)} == {P.COMPLETED, P.REJECTED}


def test_happy_path_of_a_dossier_through_both_offices():
    # GIVEN the actions a province and then the centre take, with every input provided
    steps = [
        ("nominate", Role.CLERK, PROV), ("issue_plan", Role.CLERK, PROV), ("submit_plan", Role.CLERK, PROV),
        ("open_evaluation", Role.SECRETARY, PROV), ("approve_provincial", Role.SECRETARY, PROV),
        ("send_to_center", Role.SECRETARY, PROV), ("receive", Role.SECRETARY, CENT),
        ("open_central_review", Role.ADMIN, CENT), ("approve_central", Role.SECRETARY, CENT),
        ("register", Role.CLERK, CENT), ("license", Role.SECRETARY, CENT),
    ]  # fmt: skip
    state = D.DRAFT
    for action, role, office in steps:
        state = DOSSIER_WORKFLOW.check(state, action, role=role, office=office, provided=EVERYTHING).target
    # THEN it ends licensed
    assert state == D.LICENSED


def test_licensing_a_draft_names_the_state_in_persian():
    with pytest.raises(TransitionError) as err:
        DOSSIER_WORKFLOW.check(D.DRAFT, "license", role=Role.SECRETARY, office=CENT, provided=EVERYTHING)
    assert "پیش‌نویس" in err.value.fa
    assert "صدور پروانه" in err.value.fa
    assert "Draft" in err.value.en


def test_approval_without_minutes_is_refused():
    with pytest.raises(TransitionError) as err:
        DOSSIER_WORKFLOW.check(
            D.PROVINCIAL_EVALUATION, "approve_provincial", role=Role.SECRETARY, office=PROV,
            provided={R.SCORES},
        )  # fmt: skip
    assert "شماره صورتجلسه" in err.value.fa
    assert err.value.field == "minutes"


def test_approval_without_scores_is_refused():
    with pytest.raises(TransitionError) as err:
        DOSSIER_WORKFLOW.check(
            D.CENTRAL_REVIEW, "approve_central", role=Role.SECRETARY, office=CENT, provided={R.MINUTES}
        )
    assert err.value.field == "scores"


def test_rejection_needs_a_reason():
    with pytest.raises(TransitionError) as err:
        DOSSIER_WORKFLOW.check(
            D.PROVINCIAL_EVALUATION, "reject_provincial", role=Role.SECRETARY, office=PROV,
            provided={R.MINUTES},
        )  # fmt: skip
    assert err.value.field == "comment"


def test_send_to_center_only_through_a_bundle():
    with pytest.raises(TransitionError) as err:
        DOSSIER_WORKFLOW.check(
            D.PROVINCIALLY_APPROVED, "send_to_center", role=Role.SECRETARY, office=PROV,
            provided=EVERYTHING - {R.BUNDLE},
        )  # fmt: skip
    assert "بسته" in err.value.fa


def test_clerk_may_not_decide():
    with pytest.raises(PermissionDenied) as err:
        DOSSIER_WORKFLOW.check(
            D.PROVINCIAL_EVALUATION, "approve_provincial", role=Role.CLERK, office=PROV, provided=EVERYTHING
        )
    assert "کارشناس" in err.value.fa


@pytest.mark.parametrize("role", [Role.VIEWER, Role.EVALUATOR])
def test_viewers_and_evaluators_take_no_transition(role):
    for state in DossierState:
        for office in OfficeKind:
            assert DOSSIER_WORKFLOW.allowed(state, role, office) == []


def test_province_may_not_take_central_decisions():
    with pytest.raises(PermissionDenied) as err:
        DOSSIER_WORKFLOW.check(D.CENTRAL_REVIEW, "approve_central", role=Role.SECRETARY, office=PROV)
    assert "سازمان توسعه تجارت" in err.value.fa


def test_admin_may_do_what_the_secretary_may():
    for wf in (DOSSIER_WORKFLOW, PROGRAMME_WORKFLOW):
        for state in wf.states:
            for office in OfficeKind:
                secretary = wf.allowed(state, Role.SECRETARY, office)
                assert wf.allowed(state, Role.ADMIN, office) == secretary


def test_allowed_lists_only_this_offices_actions():
    actions = [t.action for t in DOSSIER_WORKFLOW.allowed(D.DRAFT, Role.SECRETARY, PROV)]
    assert actions == ["nominate"]
    actions = [t.action for t in DOSSIER_WORKFLOW.allowed(D.DRAFT, Role.SECRETARY, CENT)]
    assert actions == ["request_plan"]
    actions = {t.action for t in DOSSIER_WORKFLOW.allowed(D.RECEIVED, Role.SECRETARY, CENT)}
    assert actions == {"open_central_review", "return_central"}


def test_returned_dossier_goes_back_to_plan_in_progress():
    t = DOSSIER_WORKFLOW.check(D.RETURNED, "issue_plan", role=Role.CLERK, office=PROV)
    assert t.target == D.PLAN_IN_PROGRESS
    assert t.f_code == "F3-3"


def test_unknown_action_and_state():
    with pytest.raises(TransitionError):
        DOSSIER_WORKFLOW.find(D.DRAFT, "teleport")
    with pytest.raises(TransitionError):
        DOSSIER_WORKFLOW.find("lost", "nominate")


def test_f_codes_of_the_dossier():
    codes = {t.action: t.f_code for t in DOSSIER_WORKFLOW.transitions}
    assert codes["nominate"] == "F3-2"
    assert codes["send_to_center"] == "P1-7"
    assert codes["receive"] == "F6"
    assert codes["register"] == "F7"
    assert codes["license"] == "F8"
    assert codes["request_plan"] == "F3"


def test_programme_reject_happens_where_the_programme_is():
    def reject(state, office):
        return PROGRAMME_WORKFLOW.check(
            state, "reject", role=Role.SECRETARY, office=office, provided={R.MINUTES, R.COMMENT}
        )

    assert reject(P.PROVINCIAL_REVIEW, PROV).f_code == "F9-2"
    assert reject(P.REFERRED_TO_CENTER, CENT).f_code == "F9-3"
    assert reject(P.PACKAGE_PROPOSED, CENT).target == P.REJECTED
    with pytest.raises(PermissionDenied):
        reject(P.PROVINCIAL_REVIEW, CENT)
    with pytest.raises(TransitionError):
        reject(P.IN_EXECUTION, CENT)


def test_programme_package_approval_needs_minutes():
    with pytest.raises(TransitionError):
        PROGRAMME_WORKFLOW.check(P.PACKAGE_PROPOSED, "approve_package", role=Role.SECRETARY, office=CENT)


def test_state_ownership():
    assert frozenset(DossierState) == PROVINCIAL_STATES | CENTRAL_STATES
    assert not PROVINCIAL_STATES & CENTRAL_STATES
    assert owner_of_state(D.RETURNED) is OfficeKind.PROVINCE
    assert owner_of_state(D.SENT_TO_CENTER) is OfficeKind.PROVINCE
    assert owner_of_state("received") is OfficeKind.CENTRAL
    assert owner_of_state(P.PACKAGE_PROPOSED) is OfficeKind.CENTRAL
    assert owner_of_state(P.SUBMITTED) is OfficeKind.PROVINCE
    with pytest.raises(ValueError):
        owner_of_state("lost")


def test_transitions_are_taken_from_states_their_office_owns():
    # Every dossier transition starts from a state owned by the office that takes it, except the
    # import (receive) which is the hand-over itself.
    for t in DOSSIER_WORKFLOW.transitions:
        if t.action in ("receive", "request_plan"):
            continue
        assert all(owner_of_state(s) is t.office for s in t.sources), t.action
