"""The centre's services: national list and ranking, dashboard, initial list, databank export, licenses.
Every refusal leaves the database as it was."""

from __future__ import annotations

import csv
from dataclasses import replace
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from cluster_desktop.domain.errors import ConflictError, DomainError, PermissionDenied, TransitionError
from cluster_desktop.domain.roles import Role
from cluster_desktop.services import central, workflow
from cluster_desktop.services import central_registers as reg
from cluster_desktop.services.clusters import ClusterInput, ProductInput
from cluster_desktop.services.licenses import LicenseInput
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import DatabankEntry, Dossier, License, Member, Transition, WorkingGroup
from tests.conftest import PASSWORD


@pytest.fixture
def centre(central_demo):  # type: ignore[no-untyped-def]
    return central_demo("admin")


def _snapshot(ws: Workspace) -> tuple:
    with ws.db.session() as s:
        return (
            dict(s.execute(select(Dossier.id, Dossier.version)).all()),
            dict(s.execute(select(License.id, License.status)).all()),
            s.scalar(select(func.count()).select_from(Transition)),
            s.scalar(select(func.count()).select_from(DatabankEntry)),
        )


def test_national_list_ranks_across_provinces_and_filters(centre) -> None:
    ws, _admin = centre
    with ws.db.session() as s:
        rows = central.national_rows(s, central.NationalQuery(), limit=1000)
        ranked = [r for r in rows if r.rank is not None]
        # THEN ranks follow the national score (central where given), best first, unscored last
        scores = [r.score for r in ranked]
        assert scores == sorted(scores, reverse=True) and ranked[0].rank == 1
        assert all(r.state in central.RANKED_STATES for r in ranked)
        assert rows[: len(ranked)] == ranked
        assert len({r.province_code for r in rows}) > 5
        # filters: province, HS prefix, score, state
        prov = ranked[0].province_code
        only = central.national_rows(s, central.NationalQuery(province_code=prov))
        assert only and {r.province_code for r in only} == {prov}
        assert all(r.province_rank for r in only if r.rank)
        hs = ranked[0].products[0][0][:4]
        by_hs = central.national_rows(s, central.NationalQuery(hs_prefix=hs))
        assert by_hs and all(any(p.startswith(hs) for p, _ in r.products) for r in by_hs)
        high = central.national_rows(s, central.NationalQuery(min_score=80))
        assert high and all(r.score is not None and r.score >= 80 for r in high)
        licensed = central.national_rows(s, central.NationalQuery(states=("licensed",)))
        assert licensed and all(r.license_no.startswith("TPO-CL-") for r in licensed)
        assert central.count_national(s, central.NationalQuery(states=("licensed",))) == len(licensed)
        # re-sorting by another column happens in SQL, and paging is stable
        by_name = central.national_rows(s, central.NationalQuery(order_by="name"), limit=1000)
        assert len(by_name) == len(rows)
        page = central.national_rows(s, central.NationalQuery(), offset=10, limit=10)
        assert [r.id for r in page] == [r.id for r in rows[10:20]]


def test_dashboard_shows_provinces_waiting_work_and_the_central_group(centre) -> None:
    ws, admin = centre
    with ws.db.session() as s:
        d = central.dashboard(s, admin)
        assert d.total == 45 and sum(p.dossiers for p in d.provinces) == 45
        assert d.waiting_review == d.by_state.get("received", 0) + d.by_state.get("central_review", 0)
        assert d.waiting_review == len(central.review_queue(s, admin))
        assert d.licenses["valid"] == d.by_state.get("licensed", 0)
        assert any(p.last_received_at for p in d.provinces)
        assert d.meetings and all(m.number for m in d.meetings)
        # F1: the central group has a member for every organization of the matrix row F1-1
        group = s.scalar(select(WorkingGroup).where(WorkingGroup.owner_office_id == "TPO"))
        orgs = set(s.scalars(select(Member.organization_code).where(Member.group_id == group.id)))
        from cluster_desktop.store.models import Responsibility

        f11 = set(
            s.scalars(select(Responsibility.organization_code).where(Responsibility.process_code == "F1-1"))
        )
        assert f11 <= orgs and d.central_members >= len(f11)


def test_the_centre_opens_an_initial_list_dossier_and_asks_the_province(centre) -> None:
    ws, admin = centre
    data = ClusterInput(
        name="گلاب میمند",
        county="فیروزآباد",
        province_code="IR-07",
        products=[ProductInput("3301.29", "اسانس گل")],
    )
    with ws.db.session() as s:
        d = central.add_to_initial_list(s, admin, data, note="نقشهٔ ملی خوشه‌ها")
        assert (d.origin, d.owner_office_id, d.state) == ("central", "TPO", "plan_in_progress")
        assert d.cluster.national_priority
        rows = central.national_rows(s, central.NationalQuery(origin="central"))
        assert [r.id for r in rows] == [d.id]
        t = s.scalar(select(Transition).where(Transition.dossier_id == d.id))
        assert (t.action, t.f_code) == ("request_plan", "F3")
    # a clerk may record clusters but not put them on the centre's list
    clerk = replace(admin, role=Role.CLERK)
    before = _snapshot(ws)
    with pytest.raises(PermissionDenied), ws.db.session() as s:
        central.add_to_initial_list(s, clerk, replace(data, name="زعفران قائنات", province_code="IR-29"))
    assert _snapshot(ws) == before


def test_databank_exports_csv_and_xlsx_for_other_agencies(centre, tmp_path: Path) -> None:
    ws, admin = centre
    with ws.db.session() as s:
        rows = reg.databank_rows(s)
        assert rows and reg.count_databank(s) == len(rows)
        reg.export_databank(s, admin, str(tmp_path / "db.csv"))
        reg.export_databank(s, admin, str(tmp_path / "db.xlsx"))
        with pytest.raises(DomainError):
            reg.export_databank(s, admin, str(tmp_path / "db.txt"))
    with open(tmp_path / "db.csv", encoding="utf-8-sig", newline="") as f:
        table = list(csv.reader(f))
    assert table[0][:3] == ["شماره ثبت", "تاریخ ثبت", "نام خوشه"] and len(table) == len(rows) + 1
    assert {r[0] for r in table[1:]} == {r.registry_no for r in rows}
    licensed = [r for r in rows if r.license_no]
    assert licensed and any(licensed[0].license_no in line for line in table)
    wb = load_workbook(tmp_path / "db.xlsx")
    assert wb.sheetnames == ["خوشه‌ها", "محصولات", "صادرات سالانه", "استان‌ها", "پروانه‌ها"]
    assert wb["خوشه‌ها"].sheet_view.rightToLeft and wb["خوشه‌ها"].max_row == len(rows) + 1
    hs_cells = [c.value for c in wb["محصولات"]["D"][1:]]
    assert all(isinstance(v, str) and v[:2].isdigit() for v in hs_cells)
    assert isinstance(wb["خوشه‌ها"].cell(2, 12).value, int)  # exports stay numbers
    assert not list(tmp_path.glob("*.part"))


def _dossier_in(ws: Workspace, state: str) -> str:
    with ws.db.session() as s:
        return s.scalar(select(Dossier.id).where(Dossier.state == state).order_by(Dossier.id))


def test_license_refusals_change_nothing(centre) -> None:
    ws, admin = centre
    approved, licensed = _dossier_in(ws, "approved"), _dossier_in(ws, "licensed")
    before = _snapshot(ws)
    # a dossier not in the databank
    with pytest.raises(PermissionDenied) as err, ws.db.session() as s:
        reg.issue(s, admin, PASSWORD, approved, LicenseInput())
    assert "بانک اطلاعات" in str(err.value)
    # a second license for a licensed cluster
    with pytest.raises(ConflictError) as err, ws.db.session() as s:
        reg.issue(s, admin, PASSWORD, licensed, LicenseInput())
    assert "پروانهٔ دوم" in str(err.value)
    # a role the workflow does not allow
    with pytest.raises(PermissionDenied), ws.db.session() as s:
        reg.issue(s, replace(admin, role=Role.CLERK), PASSWORD, licensed, LicenseInput())
    assert _snapshot(ws) == before


def test_issue_suspend_revoke_and_a_revoked_license_is_not_reused(centre) -> None:
    ws, admin = centre
    registered = _dossier_in(ws, "registered")
    with ws.db.session() as s:
        assert registered in {r.dossier_id for r in reg.licensable(s)}
    with pytest.raises(DomainError), ws.db.session() as s:  # wrong password: the key stays locked
        reg.issue(s, admin, "wrong-password", registered, LicenseInput())
    with ws.db.session() as s:
        lic = reg.issue(
            s, admin, PASSWORD, registered, LicenseInput("1405/02/01", "1408/01/31", "گزارش سالانه")
        )
        number = lic.number
        assert s.get(Dossier, registered).state == "licensed" and lic.signature
    with ws.db.session() as s:
        assert reg.change_license(s, admin, number, "suspend", "گزارش تخلف").status == "suspended"
    with ws.db.session() as s:
        assert reg.change_license(s, admin, number, "reinstate", "رفع تخلف").status == "valid"
    with pytest.raises(DomainError), ws.db.session() as s:
        reg.change_license(s, admin, number, "suspend", "  ")
    with ws.db.session() as s:
        reg.change_license(s, admin, number, "revoke", "انحلال شرکت مدیریت خوشه")
    before = _snapshot(ws)
    for action in ("reinstate", "suspend", "revoke"):
        with pytest.raises(PermissionDenied) as err, ws.db.session() as s:
            reg.change_license(s, admin, number, action, "دوباره")
        assert "ابطال" in str(err.value)
    assert _snapshot(ws) == before
    with ws.db.session() as s:
        rows = {r.number: r for r in reg.license_rows(s, status="revoked")}
        assert rows[number].status_reason == "انحلال شرکت مدیریت خوشه"


def test_a_central_decision_without_minutes_is_refused(centre) -> None:
    ws, admin = centre
    review = _dossier_in(ws, "central_review")
    before = _snapshot(ws)
    with pytest.raises(TransitionError) as err, ws.db.session() as s:
        workflow.transition(s, replace(admin, role=Role.SECRETARY), review, "approve_central", comment="خوب")
    assert "صورتجلسه" in str(err.value)
    with pytest.raises(PermissionDenied), ws.db.session() as s:  # an evaluator may not decide
        workflow.transition(s, replace(admin, role=Role.EVALUATOR), review, "reject_central", comment="x")
    assert _snapshot(ws) == before


def test_a_license_issued_on_29_february_is_valid_to_the_28th_three_years_on() -> None:
    from datetime import date

    from cluster_desktop.services.licenses import default_validity

    assert default_validity(date(2028, 2, 29)) == date(2031, 2, 28)
    assert default_validity(date(2026, 11, 28)) == date(2029, 11, 27)


def test_a_central_score_is_recorded_by_the_decision_and_shown_running_only_to_the_secretariat(
    centre,
) -> None:
    from cluster_desktop.services import evaluations, users
    from cluster_desktop.store.models import Evaluation, User

    ws, admin = centre
    with ws.db.session() as s:
        # GIVEN a dossier in central review with sheets sent and a member whose own is not
        sent_by = {
            d: set(
                s.scalars(
                    select(Evaluation.member_id).where(
                        Evaluation.dossier_id == d, Evaluation.submitted_at.is_not(None)
                    )
                )
            )
            for d in s.scalars(select(Dossier.id).where(Dossier.state == "central_review"))
        }
        did = next(d for d, sent in sent_by.items() if sent)
        running = evaluations.running_score(s, did, "central")
        assert running is not None
        user = s.scalar(select(User).where(User.member_id.not_in(sent_by[did]), User.role == "evaluator"))
        member = users.actor_for(s, user)
        # THEN the dossier has no central score yet: the national list shows none to anyone
        assert s.get(Dossier, did).central_score is None
        q = central.NationalQuery(search=s.get(Dossier, did).cluster.name)
        assert next(r for r in central.national_rows(s, q) if r.id == did).central_score is None
        # AND the review queue shows the running score to the secretariat, not to that member
        mine = next(r for r in central.review_queue(s, member) if r.id == did)
        theirs = next(r for r in central.review_queue(s, admin) if r.id == did)
        assert mine.central_score is None and theirs.central_score == pytest.approx(running)
        # WHEN the group approves it in a meeting THEN that score is recorded
        from cluster_desktop.services import groups

        meeting = groups.list_meetings(s, admin, open_only=True)[0].id
        workflow.transition(s, admin, did, "approve_central", meeting_id=meeting)
        assert s.get(Dossier, did).central_score == pytest.approx(running)


def test_a_databank_cluster_named_like_a_formula_opens_as_text(centre, tmp_path: Path) -> None:
    from sqlalchemy import update

    from cluster_desktop.store.models import Cluster

    ws, admin = centre
    hostile = '=HYPERLINK("x")'
    with ws.db.session() as s:
        first = reg.databank_rows(s)[0]
        s.execute(update(Cluster).where(Cluster.id == first.cluster_id).values(name=hostile))
    with ws.db.session() as s:
        reg.export_databank(s, admin, str(tmp_path / "db.csv"))
        reg.export_databank(s, admin, str(tmp_path / "db.xlsx"))
    # THEN the CSV holds it behind an apostrophe (shown as text by spreadsheets), never a bare formula
    with open(tmp_path / "db.csv", encoding="utf-8-sig", newline="") as f:
        cells = [c for line in csv.reader(f) for c in line]
    assert "'" + hostile in cells and hostile not in cells
    # AND the workbook stores it as a text cell exactly as typed
    sheet = load_workbook(tmp_path / "db.xlsx")["خوشه‌ها"]
    found = [c for line in sheet.iter_rows() for c in line if c.value == hostile]
    assert found and all(c.data_type == "s" for c in found)
