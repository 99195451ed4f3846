"""Steps with a record of their own (register F7, license F8, the centre's plan request F3) are taken
only through their service; and a dossier's version moves only at the office that owns it."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import func, select

from cluster_desktop.domain.errors import PermissionDenied
from cluster_desktop.domain.workflow import DOSSIER_WORKFLOW, Requirement
from cluster_desktop.services import central, clusters, licenses, plans, workflow
from cluster_desktop.services import central_registers as reg
from cluster_desktop.services.clusters import ClusterInput, ProductInput
from cluster_desktop.services.office import load_office_keys
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import DatabankEntry, Dossier, License, PlanRequest, Transition, utcnow
from cluster_desktop.sync import export
from tests.conftest import PASSWORD


@pytest.fixture
def centre(central_demo):  # type: ignore[no-untyped-def]
    return central_demo("admin")


def _first(ws: Workspace, state: str) -> str:
    with ws.db.session() as s:
        return s.scalars(select(Dossier.id).where(Dossier.state == state).order_by(Dossier.id)).first()


def _snapshot(ws: Workspace) -> tuple:
    with ws.db.session() as s:
        return (
            dict(s.execute(select(Dossier.id, Dossier.state)).all()),
            s.scalar(select(func.count()).select_from(Transition)),
            s.scalar(select(func.count()).select_from(DatabankEntry)),
            s.scalar(select(func.count()).select_from(License)),
            s.scalar(select(func.count()).select_from(PlanRequest)),
        )


def test_register_only_through_the_databank(centre) -> None:
    ws, admin = centre
    approved = _first(ws, "approved")
    before = _snapshot(ws)
    # WHEN the step is taken as a plain transition, or applied directly, or with a home-made permit
    with pytest.raises(PermissionDenied) as err, ws.db.session() as s:
        workflow.transition(s, admin, approved, "register")
    assert "بانک اطلاعات" in str(err.value)
    with pytest.raises(PermissionDenied), ws.db.session() as s:
        rule = DOSSIER_WORKFLOW.find("approved", "register")
        workflow.apply(s, admin, s.get(Dossier, approved), rule)
    with pytest.raises(PermissionDenied), ws.db.session() as s:
        workflow.transition(s, admin, approved, "register", permit=workflow.StepPermit("register"))
    # THEN nothing changed, and nobody else can claim the permit
    assert _snapshot(ws) == before
    with pytest.raises(RuntimeError):
        workflow.claim_permit("register")
    # WHEN registered through the databank THEN the entry and the step come together
    with ws.db.session() as s:
        entry = reg.register(s, admin, approved)
        assert entry.registry_no.startswith("DB-")
        assert s.get(Dossier, approved).state == "registered"
        assert workflow.history(s, approved)[-1].action == "register"


def test_license_only_through_the_license_service(centre) -> None:
    ws, admin = centre
    registered = _licensable(ws)[0].dossier_id  # registered, no license yet
    before = _snapshot(ws)
    with pytest.raises(PermissionDenied) as err, ws.db.session() as s:
        workflow.transition(s, admin, registered, "license", extra=(Requirement.LICENSE,))
    assert "پروانه" in str(err.value)
    assert _snapshot(ws) == before
    with ws.db.session() as s:
        keys = load_office_keys(s, admin, PASSWORD)
        lic = licenses.issue_license(s, admin, keys, registered, licenses.LicenseInput())
        assert lic.number.startswith("TPO-CL-") and s.get(Dossier, registered).state == "licensed"


def _licensable(ws: Workspace) -> list[reg.DatabankRow]:
    with ws.db.session() as s:
        return reg.licensable(s)


def test_the_plan_request_only_from_the_initial_list(centre) -> None:
    ws, admin = centre
    data = ClusterInput(
        name="گلاب میمند",
        county="فیروزآباد",
        province_code="IR-07",
        products=[ProductInput("3301.29", "گلاب")],
    )
    with ws.db.session() as s:
        entry = central.add_to_initial_list(s, admin, data, note="نقشهٔ ملی", request=False)
        assert entry.state == "draft" and entry.plan_request_id is None
        version = entry.version
    before = _snapshot(ws)
    with pytest.raises(PermissionDenied) as err, ws.db.session() as s:
        workflow.transition(s, admin, entry.id, "request_plan")
    assert "لیست اولیه" in str(err.value)
    assert _snapshot(ws) == before
    # WHEN asked through the initial list THEN the request holds the cluster's profile for the province
    with ws.db.session() as s:
        central.request_plan(s, admin, entry.id, comment="تا پایان فصل")
        d = s.get(Dossier, entry.id)
        req = central.plan_request_of(s, entry.id)
        assert d.state == "plan_in_progress" and d.version > version  # the centre's own record
        assert (req.owner_office_id, req.province_code, req.name) == ("TPO", "IR-07", "گلاب میمند")
        assert req.products == [{"hs_code": "3301.29", "name_fa": "گلاب"}]
        assert req.note == "نقشهٔ ملی\nتا پایان فصل" and req.requested_by == admin.label
    # AND a province's dossier is not the centre's to request
    province_draft = _first(ws, "draft")
    with pytest.raises(PermissionDenied), ws.db.session() as s:
        central.request_plan(s, admin, province_draft)


def test_a_central_decision_is_not_a_new_version_of_the_provinces_dossier(centre) -> None:
    ws, admin = centre
    received = _first(ws, "received")
    with ws.db.session() as s:
        d = s.get(Dossier, received)
        assert d.owner_office_id != admin.office_id
        version, updated, changed = d.version, d.updated_at, d.state_changed_at
    with ws.db.session() as s:
        central.open_review(s, admin, received)
    with ws.db.session() as s:
        d = s.get(Dossier, received)
        assert d.state == "central_review" and d.state_changed_at > changed
        assert (d.version, d.updated_at) == (version, updated)
        t = workflow.history(s, received)[-1]
        assert (t.action, t.owner_office_id) == ("open_central_review", "TPO")


def test_removing_an_attachment_is_a_new_version_that_travels(
    workspace, province_admin, tmp_path: Path
) -> None:
    with workspace.db.session() as s:
        d = clusters.create_cluster(s, province_admin, ClusterInput(name="پستهٔ رفسنجان", county="رفسنجان"))
        for step in ("nominate", "issue_plan"):
            workflow.transition(s, province_admin, d.id, step)  # the owner's steps: new versions
        assert s.get(Dossier, d.id).version == 3
        plans.save_plan(s, province_admin, d.id, plans.PlanInput(overview="معرفی"))
        scan = tmp_path / "scan.pdf"
        scan.write_bytes(b"%PDF-1.4 scan")
        att = plans.add_attachment(s, province_admin, workspace.blobs, d.id, scan)
    with workspace.db.session() as s:
        dossier, plan = s.get(Dossier, d.id), plans.plan_of(s, d.id)
        versions = (dossier.version, plan.version)
        cutoff = utcnow()
        assert max(dossier.updated_at, plan.updated_at) < cutoff
    # WHEN the attachment is removed
    with workspace.db.session() as s:
        plans.remove_attachment(s, province_admin, att.id)
    # THEN the dossier and its plan are newer, so the export after ``cutoff`` picks the dossier up
    with workspace.db.session() as s:
        dossier, plan = s.get(Dossier, d.id), plans.plan_of(s, d.id)
        assert (dossier.version, plan.version) == (versions[0] + 1, versions[1] + 1)
        assert dossier.updated_at > cutoff and plan.updated_at > cutoff
        assert plans.list_attachments(s, d.id) == []
        assert d.id in export._changed_dossiers(s, province_admin.office_id, cutoff)
