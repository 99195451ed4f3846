"""The responsibility matrix at every step of both machines: current and next steps with their F-code,
the office that acts and the agencies the seed's matrix ticks, on SQLite and PostgreSQL."""

from __future__ import annotations

import json

import pytest
from sqlalchemy import func, select

from cluster_desktop.domain.errors import NotFound
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.workflow import DOSSIER_WORKFLOW, PROGRAMME_WORKFLOW
from cluster_desktop.paths import resource
from cluster_desktop.services import responsibility as rsp
from cluster_desktop.services.responsibility import AgencyRole
from cluster_desktop.store.models import Dossier, Programme, Transition

MATRIX = json.loads(resource("reference", "matrix.json").read_text(encoding="utf-8"))
TICKS = {row["process"]: row["organizations"] for row in MATRIX["rows"]}
PROV, CENT = OfficeKind.PROVINCE, OfficeKind.CENTRAL


def roles(step: rsp.Step) -> dict[str, AgencyRole]:
    return {a.code: a.role for a in step.agencies}


def test_every_step_of_both_machines_names_the_matrix_ticks(workspace, province_admin) -> None:
    # GIVEN every state of both machines, seen from either kind of office
    with workspace.db.session() as s:
        for machine, wf in (("dossier", DOSSIER_WORKFLOW), ("programme", PROGRAMME_WORKFLOW)):
            for state in wf.states:
                for office in (PROV, CENT):
                    r = rsp.for_state(s, machine, state, office)
                    # THEN a state that leads on has next steps, and each step's agencies are exactly
                    # the matrix's ticks for its row (or its sub-steps' rows), in matrix order
                    assert bool(r.next) == (not wf.is_final(state)), (machine, state)
                    for step in (*r.current, *r.next, *r.alongside):
                        expected = {o for row in step.matrix_rows for o in TICKS[row]}
                        assert {a.code for a in step.agencies} == expected, step.f_code
                        cols = MATRIX["columns"]
                        assert [a.code for a in step.agencies] == sorted(expected, key=cols.index)
                        if step.f_code in TICKS:
                            assert step.matrix_rows == (step.f_code,)


def test_a_province_draft_is_nominated_by_the_provincial_commerce_organization(
    workspace, province_admin
) -> None:
    with workspace.db.session() as s:
        r = rsp.for_state(s, "dossier", "draft", PROV)
    assert r.current == ()  # recorded, no step of the programme yet
    [step] = r.next
    assert (step.f_code, step.office) == ("F3-2", PROV)
    assert roles(step) == {
        "TPO": AgencyRole.TAKES_PART,
        "NDA_CDA": AgencyRole.TAKES_PART,
        "PROV_COMMERCE": AgencyRole.ACTS,
    }
    assert step.office_fa == "سازمان بازرگانی استان" and step.actions_fa == ("معرفی خوشه",)


def test_working_groups_decide_where_the_step_is_a_minuted_decision(workspace, central_admin) -> None:
    with workspace.db.session() as s:
        review = rsp.for_state(s, "dossier", "central_review", CENT)
        plan = rsp.for_state(s, "dossier", "nominated", PROV)
        package = rsp.for_state(s, "programme", "package_proposed", CENT)
    [decide] = review.next
    assert decide.f_code == "F6-1" and len(decide.actions_fa) == 3
    assert roles(decide)["WORKING_GROUPS"] is AgencyRole.DECIDES and roles(decide)["TPO"] is AgencyRole.ACTS
    # issuing the plan template (F3-3) is no decision: the working groups take part
    assert roles(plan.next[0])["WORKING_GROUPS"] is AgencyRole.TAKES_PART
    [approve] = package.next
    assert approve.f_code == "F11" and roles(approve)["WORKING_GROUPS"] is AgencyRole.DECIDES


def test_steps_without_their_own_row_and_the_matrix_own_wording(workspace, central_admin) -> None:
    with workspace.db.session() as s:
        draft = rsp.for_state(s, "dossier", "draft", CENT)
        sent = rsp.for_state(s, "dossier", "provincially_approved", PROV)
        submitted = rsp.for_state(s, "programme", "submitted", CENT)
        approved = rsp.for_state(s, "programme", "package_approved", CENT)
        every = [
            st
            for machine, wf in (("dossier", DOSSIER_WORKFLOW), ("programme", PROGRAMME_WORKFLOW))
            for state in wf.states
            for o in (PROV, CENT)
            for st in rsp.for_state(s, machine, state, o).next
        ]
    # F3 has no ticks of its own: its sub-steps' rows are named
    assert draft.next[0].f_code == "F3" and draft.next[0].matrix_rows == ("F3-1", "F3-2", "F3-3", "F3-4")
    # sending to the centre (phase 1, step 7) is in no row of the matrix
    [send] = sent.next
    assert (send.f_code, send.agencies, send.matrix_rows) == ("P1-7", (), ())
    # the two parts of the seed word F9-1 and F9-2 differently: the matrix's own wording is shown
    assert submitted.next[0].matrix_title_fa == "تهیه دستورالعمل پیشنهادی در کارگروه استانی و مرکز"
    worded = {st.f_code for st in every if st.matrix_title_fa}
    assert worded == {"F9-1", "F9-2"}
    # monitoring runs alongside an approved programme; its row is inferred from the seed's text
    [monitoring] = approved.alongside
    assert (
        monitoring.f_code == "F14" and monitoring.inferred and roles(monitoring) == {"TPO": AgencyRole.ACTS}
    )
    assert [st.f_code for st in approved.current] == ["F11"]
    assert [st.f_code for st in approved.next] == ["F12"]


def test_records_name_the_step_their_last_transition_took(central_demo) -> None:
    ws, _admin = central_demo("admin")
    with ws.db.session() as s:
        returned = list(s.scalars(select(Dossier).where(Dossier.state == "returned")))
        assert returned
        for d in returned:
            last = s.scalars(
                select(Transition)
                .where(Transition.dossier_id == d.id)
                .order_by(Transition.at.desc(), Transition.created_at.desc())
            ).first()
            assert last is not None
            r = rsp.for_dossier(s, CENT, d.id)
            # THEN exactly the step that returned it (the province's F3-4 or the centre's F6-1)
            assert [st.f_code for st in r.current] == [last.f_code]
            assert [st.f_code for st in r.next] == ["F3-3"] and r.next[0].office is PROV
        programme = s.scalars(select(Programme).where(Programme.state == "in_execution")).first()
        assert programme is not None
        r = rsp.for_programme(s, CENT, programme.id)
        with pytest.raises(NotFound):
            rsp.for_programme(s, CENT, "no-such-programme")
        with pytest.raises(NotFound):
            rsp.for_dossier(s, CENT, "no-such-dossier")
    assert [st.f_code for st in r.current] == ["F13"] and [st.f_code for st in r.next] == ["F13"]
    assert r.next[0].actions_fa == ("پایان اجرا",) and [st.f_code for st in r.alongside] == ["F14"]


def test_the_overview_counts_what_waits_in_both_machines(central_demo) -> None:
    ws, _admin = central_demo("admin")
    with ws.db.session() as s:
        rows = rsp.overview(s, CENT)
        dossiers = dict(s.execute(select(Dossier.state, func.count()).group_by(Dossier.state)).all())
        programmes = dict(s.execute(select(Programme.state, func.count()).group_by(Programme.state)).all())
    by = {(r.machine, r.responsibilities.state): r.count for r in rows}
    assert by == {
        **{("dossier", st): n for st, n in dossiers.items() if not DOSSIER_WORKFLOW.is_final(st)},
        **{("programme", st): n for st, n in programmes.items() if not PROGRAMME_WORKFLOW.is_final(st)},
    }
    assert ("programme", "package_approved") in by and all(r.responsibilities.next for r in rows)
