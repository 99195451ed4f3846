"""The centre's desk end to end: a province's bundle is imported, the central working group scores and
approves in a minuted meeting, the dossier is registered and licensed through the central views, the
decision bundle goes back, and the province then shows ``licensed`` with the license number."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QPushButton
from sqlalchemy import select

from cluster_desktop.domain.roles import MemberRole, Role
from cluster_desktop.gui import password_dialog
from cluster_desktop.gui.central_tables import select_row
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.databank import DatabankView
from cluster_desktop.gui.decisions import DecisionPanel
from cluster_desktop.gui.evaluation_sheet import EvaluationSheet
from cluster_desktop.gui.licenses_view import LicenseIssueDialog, LicensesView
from cluster_desktop.gui.national_list import NationalListView
from cluster_desktop.gui.review import ReviewView
from cluster_desktop.gui.sync_view import SyncView
from cluster_desktop.services import groups, users
from cluster_desktop.store.models import Dossier, License
from tests.conftest import BACKENDS, PASSWORD
from tests.gui.conftest import type_text
from tests.sync.conftest import pair, pair_template  # noqa: F401 (fixtures)
from tests.sync.offices import Office, Pair

CODES = [f"C{k}" for k in range(1, 10)]


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The centre's screens on SQLite and on a PostgreSQL server."""
    return str(request.param)


@pytest.fixture
def offices(backend: str, request: pytest.FixtureRequest) -> Pair:
    """The province and the centre of tests/sync/conftest.py, on this test's ``backend``."""
    return request.getfixturevalue("pair")  # type: ignore[no-any-return]


def click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def finish(qtbot, view: SyncView) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: view.operation is None, timeout=30_000)


def send_bundle(qtbot, asked, office: Office, out: Path, to: str | None = None) -> SyncView:  # type: ignore[no-untyped-def]
    """Export through the bundle screen, as the office's secretary would."""
    view = SyncView(AppContext(office.ws, office.actor, "fa"))
    qtbot.addWidget(view)
    if to is not None:
        view.recipient_combo.setCurrentIndex(view.recipient_combo.findData(to))
    asked.files = [out]
    click(qtbot, view.export_button)
    finish(qtbot, view)
    assert view.export_result is not None and out.exists()
    return view


def receive_bundle(qtbot, asked, office: Office, path: Path) -> dict:  # type: ignore[no-untyped-def]
    """Check the file through the bundle screen, then apply it; returns the import report shown."""
    view = SyncView(AppContext(office.ws, office.actor, "fa"))
    qtbot.addWidget(view)
    asked.files = [path]
    click(qtbot, view.choose_button)
    finish(qtbot, view)
    assert view.verified is not None, view.verdict_label.text()
    click(qtbot, view.apply_button)
    finish(qtbot, view)
    assert view.import_report is not None, view.verdict_label.text()
    return view.import_report


def members(centre_ctx: AppContext, n: int) -> list[AppContext]:
    """Central working-group members with logins of their own (an ISIPO and a chamber delegate…)."""
    out = []
    with centre_ctx.session() as s:
        for i, org in enumerate(("ISIPO", "CHAMBER_COMMERCE", "EGFI")[:n]):
            m = groups.add_member(
                s, centre_ctx.actor, groups.MemberInput(f"عضو {org}", org, MemberRole.MEMBER, "نماینده")
            )
            u = users.create_user(
                s,
                centre_ctx.actor,
                username=f"central{i}",
                full_name=m.full_name,
                role=Role.EVALUATOR,
                password=PASSWORD,
                member_id=m.id,
            )
            out.append(AppContext(centre_ctx.ws, users.actor_for(s, u), "fa"))
    return out


def test_centre_imports_reviews_approves_registers_licenses_and_the_province_sees_it(
    offices, fa_app, qtbot, asked, monkeypatch, tmp_path: Path
) -> None:
    province, centre = offices.province, offices.centre
    monkeypatch.setattr(password_dialog, "ask_password", lambda _p, _m: PASSWORD)
    # GIVEN the province's bundle, exported and imported at the centre through the bundle screen
    send_bundle(qtbot, asked, province, tmp_path / "p1.cdb")
    report = receive_bundle(qtbot, asked, centre, tmp_path / "p1.cdb")
    assert report
    ctx = AppContext(centre.ws, centre.actor, "fa")
    national = NationalListView(ctx)
    qtbot.addWidget(national)
    assert national.model.count > 0 and all(r.state == "received" for r in national.model.rows)
    # WHEN the secretary opens the secondary review from the queue
    review = ReviewView(ctx)
    qtbot.addWidget(review)
    dossier_id = review.model.rows[0].id
    select_row(review.table, 0)
    click(qtbot, review.start_button)
    with ctx.session() as s:
        assert s.get(Dossier, dossier_id).state == "central_review"
    # AND two members score it through their own sheets
    team = members(ctx, 2)
    for member in team:
        sheet = EvaluationSheet(member, dossier_id)
        qtbot.addWidget(sheet)
        for code in CODES:
            sheet.rows[code].score.setCurrentIndex(5)  # item 0 is "no score yet": level 4
        click(qtbot, sheet.submit_button)
    review.refresh()
    row = next(r for r in review.model.rows if r.id == dossier_id)
    assert row.sheets_submitted == 2 and row.central_score == 80.0 and row.provincial_score is not None
    # AND the central group meets; a decision without choosing the minutes is refused
    with ctx.session() as s:
        meeting = groups.create_meeting(
            s,
            ctx.actor,
            groups.MeetingInput(
                "1405/02/10", agenda="بررسی ثانویه", attendee_ids=[m.actor.member_id for m in team]
            ),
        )
        number = meeting.number
    panel = DecisionPanel(ctx, dossier_id)
    qtbot.addWidget(panel)
    panel.show()
    click(qtbot, panel.findChild(QPushButton, "action_approve_central"))
    dialog = panel.dialog
    type_text(dialog.comment_edit, "با اولویت‌های ملی صادرات همخوان است")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    with ctx.session() as s:
        assert s.get(Dossier, dossier_id).state == "central_review"
    assert dialog.choose_meeting(number)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    with ctx.session() as s:
        assert s.get(Dossier, dossier_id).state == "approved"
    # AND it is registered in the databank
    databank = DatabankView(ctx)
    qtbot.addWidget(databank)
    assert databank.select_waiting(dossier_id)
    click(qtbot, databank.findChild(QPushButton, "register_button"))
    # AND licensed (the centre's key unlocked with the secretary's password)
    licenses = LicensesView(ctx)
    qtbot.addWidget(licenses)
    assert licenses.select_waiting(dossier_id)
    monkeypatch.setattr(password_dialog, "ask_password", lambda _p, _m: PASSWORD)

    def run(d: LicenseIssueDialog) -> int:
        d.findChild(QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not d.working, timeout=20_000)  # signed off the GUI thread
        return d.result()

    monkeypatch.setattr(LicenseIssueDialog, "exec", run)
    license_no = licenses.issue_selected()
    assert license_no and license_no.startswith("TPO-CL-")
    # THEN the decision bundle carries it back, and the province shows «licensed» with the number
    send_bundle(qtbot, asked, centre, tmp_path / "c1.cdb", to="IR-07")
    receive_bundle(qtbot, asked, province, tmp_path / "c1.cdb")
    with province.ws.db.session() as s:
        assert s.get(Dossier, dossier_id).state == "licensed"
        lic = s.scalar(select(License).where(License.dossier_id == dossier_id))
        assert lic is not None and lic.number == license_no and lic.status == "valid"
