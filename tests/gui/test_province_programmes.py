"""Phases 2 and 3 at the province, through the screens: its secretariat records a programme with the
proposer's identity, its working group refers it to the centre in a minuted meeting (an approval
above the ceiling of F5-2 is refused beside the decision), bundles carry it to the centre, which
approves it with a package and allocates; the package reaches IR-07, whose reported actuals reach
the centre and change the gap its Monitoring view shows. Every step is driven through real widgets."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from cluster_desktop.gui import password_dialog
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.decision_dialog import DecisionDialog
from cluster_desktop.gui.programmes import EntryDialog, ProgrammeDialog, ProgrammesView, monitoring_view
from cluster_desktop.gui.sync_view import SyncView
from cluster_desktop.services import programmes as prog
from tests.conftest import BACKENDS, PASSWORD
from tests.gui.conftest import type_text
from tests.gui.test_central_flow import receive_bundle, send_bundle
from tests.sync.conftest import demo_pair, demo_pair_template  # noqa: F401 (fixtures)
from tests.sync.offices import Office, Pair

SCREENS = Path("/tmp")  # where the screenshots of this walk are written, to be looked at


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def offices(backend: str, request: pytest.FixtureRequest) -> Pair:
    return request.getfixturevalue("demo_pair")  # type: ignore[no-any-return]


def ok(dialog) -> None:  # type: ignore[no-untyped-def]
    dialog.findChild(QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok).click()


def error_text(dialog, name: str) -> str:  # type: ignore[no-untyped-def]
    label = dialog.findChild(QLabel, f"{name}_error")
    return label.text() if label is not None and not label.isHidden() else ""


def click_action(qtbot, view: ProgrammesView, action: str) -> None:  # type: ignore[no-untyped-def]
    button = view.findChild(QPushButton, f"action_{action}")
    assert button is not None, f"no button for {action}: {list(view.action_buttons)}"
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def decide(view: ProgrammesView, reason: str, *, meeting: bool = True) -> DecisionDialog:
    dialog = view.dialog
    assert isinstance(dialog, DecisionDialog) and dialog.isVisible()
    if meeting:
        dialog.meeting_combo.setCurrentIndex(1)
    type_text(dialog.comment_edit, reason)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    return dialog


def state(office: Office, pid: str) -> str:
    with office.ws.db.session() as s:
        return prog.get_programme(s, pid).state


def view_of(qtbot, office: Office, *, phase: int = 2) -> ProgrammesView:  # type: ignore[no-untyped-def]
    ctx = AppContext(office.ws, office.actor, "fa")
    view = ProgrammesView(ctx) if phase == 2 else monitoring_view(ctx)
    qtbot.addWidget(view)
    view.resize(1400, 900)
    view.show()
    return view


def record_and_refer(qtbot, asked, office: Office) -> str:  # type: ignore[no-untyped-def]
    """The province's secretariat records a programme above the ceiling; its working group refers it."""
    view = view_of(qtbot, office)
    qtbot.mouseClick(view.buttons["new_button"], Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, ProgrammeDialog)
    assert "کارگروه استان" in dialog.findChild(QLabel, "intro_label").text()
    assert dialog.cluster_combo.count() > 1  # the province's approved clusters
    dialog.cluster_combo.setCurrentIndex(1)
    type_text(dialog.title_edit, "سردخانهٔ مشترک صادراتی استان")
    type_text(dialog.proposer_name_edit, "علی رضایی")
    dialog.proposer_kind_combo.setCurrentIndex(dialog.proposer_kind_combo.findData("natural"))
    dialog.budget_rial_edit.setText("۴۵٬۰۰۰٬۰۰۰٬۰۰۰")
    type_text(dialog.identity_edits["proposer_national_id"], "۰۰۸۴۵۷۵۹۴۹")  # a wrong check digit
    type_text(dialog.identity_edits["proposer_registration_no"], "۱۲۳")  # a natural person has none
    ok(dialog)
    assert "کد ملی" in error_text(dialog, "proposer_national_id")
    assert error_text(dialog, "proposer_registration_no") and dialog.isVisible()
    dialog.identity_edits["proposer_national_id"].setText("۰۰۸۴۵۷۵۹۴۸")
    dialog.identity_edits["proposer_registration_no"].clear()
    type_text(dialog.identity_edits["proposer_phone"], "۰۷۱-۳۲۳۴۵۶۷۸")
    type_text(dialog.identity_edits["proposer_address"], "شیراز، بلوار صنعت")
    ok(dialog)
    assert not dialog.isVisible()
    pid = dialog.programme_id
    assert pid and view.current_id == pid
    header = view.header_label.text()
    assert "۰۰۸۴۵۷۵۹۴۸" in header and "IR-07" in header and "۳۰٬۰۰۰٬۰۰۰٬۰۰۰" in header
    click_action(qtbot, view, "start_review")
    assert state(office, pid) == "provincial_review" and asked.said("confirm")
    # above the ceiling the working group may not approve: the refusal names both amounts
    click_action(qtbot, view, "approve_provincial")
    dialog = decide(view, "طرح مناسب است")
    assert dialog.isVisible() and "۴۵٬۰۰۰٬۰۰۰٬۰۰۰" in dialog.findChild(QLabel, "form_error").text()
    dialog.reject()
    assert state(office, pid) == "provincial_review"
    # a referral without the meeting is refused; with the minutes and the reason it is recorded
    click_action(qtbot, view, "refer")
    dialog = decide(view, "اعتبار درخواستی از سقف اختیارات استان بیشتر است", meeting=False)
    assert dialog.isVisible() and "صورتجلسه" in error_text(dialog, "minutes")
    dialog.meeting_combo.setCurrentIndex(1)
    dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert not dialog.isVisible() and state(office, pid) == "referred_to_center"
    assert view.action_buttons == {}  # the centre's to decide now
    assert not view.buttons["edit_button"].isEnabled()
    return pid


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_province_records_a_programme_and_refers_it_through_the_screens(
    offices, fa_app, qtbot, asked
) -> None:
    record_and_refer(qtbot, asked, offices.province)


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_the_province_approves_within_the_ceiling_and_reports_actuals(offices, fa_app, qtbot, asked) -> None:
    province = offices.province
    view = view_of(qtbot, province)
    with province.ws.db.session() as s:
        review = next(r for r in prog.programme_rows(s) if r.state == "provincial_review")
        assert review.budget_rial <= 30 * 10**9  # the demo's ceiling
    assert view.select_programme(review.id)
    click_action(qtbot, view, "approve_provincial")
    decide(view, "در حیطهٔ اختیارات استان است")
    assert state(province, review.id) == "provincially_approved"
    assert "بازنگری ۱" in view.header_label.text()  # the F5-2 revision whose ceiling it applied
    assert not view.buttons["add_item_button"].isEnabled()  # the package is the centre's
    # monitoring (phase 3's view): an executing programme, a new indicator and its actual
    phase3 = view_of(qtbot, province, phase=3)
    executing = next(r for r in phase3.model.rows if r.state == "in_execution")
    assert phase3.select_programme(executing.id)
    assert not phase3.buttons["add_allocation_button"].isEnabled()  # allocations are the centre's
    qtbot.mouseClick(phase3.buttons["add_indicator_button"], Qt.MouseButton.LeftButton)
    entry = phase3.dialog
    assert isinstance(entry, EntryDialog)
    type_text(entry.w["indicator_title_edit"], "بنگاه‌های صادرکننده به عراق")
    type_text(entry.w["indicator_unit_edit"], "بنگاه")
    ok(entry)
    rows = len(phase3.monitoring_model.rows)
    qtbot.mouseClick(phase3.buttons["set_value_button"], Qt.MouseButton.LeftButton)
    entry = phase3.dialog
    entry.w["value_indicator_combo"].setCurrentIndex(entry.w["value_indicator_combo"].count() - 1)
    entry.w["value_period_edit"].setText("۱۴۰۵-Q3")
    entry.w["value_target_edit"].setText("۱۲")
    entry.w["value_actual_edit"].setText("۹")
    ok(entry)
    assert not entry.isVisible()
    row = next(r for r in phase3.monitoring_model.rows if r.title == "بنگاه‌های صادرکننده به عراق")
    assert (row.target, row.actual, row.gap, row.office_id) == (12, 9, -3, "IR-07")
    assert len(phase3.monitoring_model.rows) == rows  # the indicator's row now has its period


def test_a_programme_referred_at_ir07_is_approved_at_the_centre_and_its_actuals_come_back(
    offices, fa_app, qtbot, asked, monkeypatch, tmp_path: Path
) -> None:
    province, centre = offices.province, offices.centre
    monkeypatch.setattr(password_dialog, "ask_password", lambda _p, _m: PASSWORD)
    # GIVEN a programme recorded and referred at IR-07 through its screens
    pid = record_and_refer(qtbot, asked, province)
    # WHEN its bundle goes to the centre through the bundle screens
    send_bundle(qtbot, asked, province, tmp_path / "p1.bundle")
    sview = SyncView(AppContext(centre.ws, centre.actor, "fa"))
    qtbot.addWidget(sview)
    asked.files = [tmp_path / "p1.bundle"]
    qtbot.mouseClick(sview.choose_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sview.operation is None, timeout=30_000)
    contents = [sview.contents_table.item(r, 0).text() for r in range(sview.contents_table.rowCount())]
    assert "طرح توسعه‌ای" in contents and "گام گردش کار" in contents  # listed before it is applied
    qtbot.mouseClick(sview.apply_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: sview.operation is None, timeout=30_000)
    assert sview.import_report is not None and sview.import_report["applied"]
    lines = [sview.dossiers_list.item(i).text() for i in range(sview.dossiers_list.count())]
    assert "«سردخانهٔ مشترک صادراتی استان»: تازه در این دفتر ← ارجاع‌شده به مرکز" in lines, lines
    # THEN the centre lists it as referred, the province's, and its working group approves it
    cview = view_of(qtbot, centre)
    assert cview.select_programme(pid) and state(centre, pid) == "referred_to_center"
    assert "IR-07" in cview.header_label.text()
    click_action(qtbot, cview, "approve_central")
    decide(cview, "با اولویت‌های ملی همخوان است")
    assert state(centre, pid) == "centrally_approved"
    # AND draws up its package, item by item with the responsible agency (F10), approves it (F11)
    for title, agency, amount in (
        ("تسهیلات سرمایه در گردش", "BANKS", "20000000000"),
        ("بیمهٔ صادرات", "EGFI", "5000000000"),
    ):
        qtbot.mouseClick(cview.buttons["add_item_button"], Qt.MouseButton.LeftButton)
        entry = cview.dialog
        type_text(entry.w["item_title_edit"], title)
        entry.w["organization_combo"].setCurrentIndex(entry.w["organization_combo"].findData(agency))
        entry.w["item_amount_edit"].setText(amount)
        ok(entry)
        assert not entry.isVisible()
    click_action(qtbot, cview, "propose_package")
    click_action(qtbot, cview, "approve_package")
    decide(cview, "اقلام با دستگاه‌ها هماهنگ شد")
    assert state(centre, pid) == "package_approved"
    # AND an agency's allocation is recorded (F12)
    qtbot.mouseClick(cview.buttons["add_allocation_button"], Qt.MouseButton.LeftButton)
    entry = cview.dialog
    entry.w["allocation_amount_edit"].setText("12000000000")
    ok(entry)
    click_action(qtbot, cview, "allocate")
    assert state(centre, pid) == "resources_allocated"
    # WHEN the decision bundle goes back to IR-07
    send_bundle(qtbot, asked, centre, tmp_path / "c1.bundle", to="IR-07")
    receive_bundle(qtbot, asked, province, tmp_path / "c1.bundle")
    # THEN the province shows the package with its agencies and the allocation
    pview = view_of(qtbot, province, phase=3)
    assert pview.select_programme(pid) and state(province, pid) == "resources_allocated"
    agencies = {r.organization_code for r in pview.items_model.rows}
    assert agencies == {"BANKS", "EGFI"} and len(pview.allocations_model.rows) == 1
    assert "ابلاغ" in pview.notes["package"].text()
    # AND its secretariat reports: an activity, an indicator with its target and the actual
    qtbot.mouseClick(pview.buttons["add_activity_button"], Qt.MouseButton.LeftButton)
    entry = pview.dialog
    type_text(entry.w["activity_title_edit"], "نصب تجهیزات سردخانه")
    type_text(entry.w["activity_responsible_edit"], "شرکت مدیریت خوشه")
    entry.w["activity_progress_edit"].setText("۲۰")
    ok(entry)
    qtbot.mouseClick(pview.buttons["add_indicator_button"], Qt.MouseButton.LeftButton)
    entry = pview.dialog
    type_text(entry.w["indicator_title_edit"], "صادرات سردخانه")
    type_text(entry.w["indicator_unit_edit"], "تن")
    ok(entry)
    qtbot.mouseClick(pview.buttons["set_value_button"], Qt.MouseButton.LeftButton)
    entry = pview.dialog
    entry.w["value_period_edit"].setText("1405-Q3")
    entry.w["value_target_edit"].setText("100")
    entry.w["value_actual_edit"].setText("60")
    ok(entry)
    assert not entry.isVisible()
    pview.grab().save(str(SCREENS / "province-programmes.png"))
    send_bundle(qtbot, asked, province, tmp_path / "p2.bundle")
    receive_bundle(qtbot, asked, centre, tmp_path / "p2.bundle")
    # THEN the centre's Monitoring shows the province's actual and the gap behind the target
    monitor = view_of(qtbot, centre, phase=3)
    monitor.state_combo.setCurrentIndex(0)
    assert monitor.select_programme(pid)
    monitor.tabs.setCurrentIndex(3)
    [row] = monitor.monitoring_model.rows
    assert (row.target, row.actual, row.gap, row.office_id) == (100, 60, -40, "IR-07")
    gap_column = next(i for i, c in enumerate(monitor.monitoring_model.columns) if c.key == "gap")
    assert monitor.monitoring_model.index(0, gap_column).data() == "−۴۰"
    behind = monitor.notes["monitoring"].text()
    assert "۱" in behind  # one period behind target
    # WHEN the province corrects the actual (double-click opens the period) and sends it again
    pview.refresh()
    assert pview.select_programme(pid)
    table = pview.monitoring_table
    cell = table.visualRect(pview.monitoring_model.index(0, 0)).center()
    qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    entry = pview.dialog
    assert isinstance(entry, EntryDialog) and entry.kind == "value"
    assert entry.w["value_target_edit"].text() == "100"
    entry.w["value_actual_edit"].setText("۱۱۰")
    ok(entry)
    send_bundle(qtbot, asked, province, tmp_path / "p3.bundle")
    receive_bundle(qtbot, asked, centre, tmp_path / "p3.bundle")
    # THEN the gap shown at the centre changes with it
    monitor.refresh()
    assert monitor.select_programme(pid)
    [row] = monitor.monitoring_model.rows
    assert (row.actual, row.gap) == (110, 10)
    assert monitor.monitoring_model.index(0, gap_column).data() == "+۱۰"
    assert monitor.notes["monitoring"].text() != behind and "۱" not in monitor.notes["monitoring"].text()
    monitor.grab().save(str(SCREENS / "centre-monitoring.png"))


@pytest.mark.parametrize("backend", ["sqlite"], indirect=True)
def test_a_province_demo_shows_phase_2_in_its_navigation(offices, fa_app, qtbot) -> None:
    from cluster_desktop.gui.mainwindow import MainWindow

    win = MainWindow(AppContext(offices.province.ws, offices.province.actor, "fa"))
    qtbot.addWidget(win)
    phase2 = next(
        win.nav.topLevelItem(i)
        for i in range(win.nav.topLevelItemCount())
        if "فاز ۲" in win.nav.topLevelItem(i).text(0)
    )
    assert phase2.childCount() >= 5
    win._nav_activated(phase2.child(0))
    view = win.tabs.currentWidget()
    assert isinstance(view, ProgrammesView)
    states = {r.state for r in view.model.rows}
    assert {"submitted", "provincial_review", "provincially_approved", "referred_to_center"} <= states
