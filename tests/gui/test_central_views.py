"""The centre's views driven through their widgets on central demo data: dashboard, national list,
review queue, databank (register, export) and licenses (issue, suspend, revoke, refusals)."""

from __future__ import annotations

from pathlib import Path

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton
from sqlalchemy import select

from cluster_desktop.domain.numbers import to_latin_digits
from cluster_desktop.gui import licenses_view, password_dialog
from cluster_desktop.gui.central_dashboard import CentralDashboardView
from cluster_desktop.gui.central_tables import select_row
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.databank import DatabankView
from cluster_desktop.gui.licenses_view import LicenseIssueDialog, LicensesView
from cluster_desktop.gui.national_list import InitialListDialog, NationalListView
from cluster_desktop.gui.review import ReviewView
from cluster_desktop.store.models import DatabankEntry, Dossier, License
from tests.conftest import BACKENDS, PASSWORD
from tests.gui.conftest import type_text


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    """The centre's screens on SQLite and on a PostgreSQL server."""
    return str(request.param)


@pytest.fixture
def cctx(fa_app, central_demo):  # type: ignore[no-untyped-def]
    ws, actor = central_demo("secretary")  # the central group's secretary
    return AppContext(ws, actor, "fa")


def click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def test_dashboard_shows_persian_counts_per_province(cctx, qtbot) -> None:
    view = CentralDashboardView(cctx)
    qtbot.addWidget(view)
    assert view.findChild(QLabel, "total_value").text() == "۴۵"
    assert view.model.rowCount() > 5
    first = view.model.index(0, 0).data()
    assert first and not first.isascii()
    assert "۱۴" in view.findChild(QLabel, "members_value").text()  # every F1-1 agency seated
    ids = [
        str(view.waiting_list.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(view.waiting_list.count())
    ]
    programmes = [i for i in ids if i.startswith("programme:")]
    assert len(ids) - len(programmes) == view.data.waiting_review  # the dossiers, then the programmes
    assert len(programmes) == int(to_latin_digits(view.findChild(QLabel, "programmes_value").text()))
    assert "صورتجلسه" in view.meetings_list.item(0).text()


def test_national_list_filters_and_resorts_in_sql(cctx, qtbot) -> None:
    view = NationalListView(cctx)
    qtbot.addWidget(view)
    assert view.model.index(0, 0).data() == "۱"
    assert view.count_label.text() == "۴۵ پرونده"
    # WHEN the state filter is set to licensed
    view.state_combo.setCurrentIndex(view.state_combo.findData("licensed"))
    assert view.model.rowCount() == view.model.count > 0
    assert all(view.model.index(i, 9).data().startswith("TPO-CL-") for i in range(view.model.rowCount()))
    # WHEN the province filter is chosen and the name column is clicked
    view.state_combo.setCurrentIndex(0)
    code = view.model.row_at(0).province_code
    view.province_combo.setCurrentIndex(view.province_combo.findData(code))
    assert {r.province_code for r in view.model.rows} == {code}
    view.show()
    header = view.table.horizontalHeader()
    x = header.sectionViewportPosition(1) + header.sectionSize(1) // 2
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, header.height() // 2))
    assert view.model.order_by == "name"
    names = [r.name for r in view.model.rows]
    assert len(names) == view.model.count


def test_the_initial_list_dialog_validates_then_asks_the_province(cctx, qtbot, asked) -> None:
    dialog = InitialListDialog(cctx)
    qtbot.addWidget(dialog)
    # WHEN saved empty THEN the reasons stand beside the fields
    click(qtbot, dialog.findChild(QPushButton, "save_button"))
    assert "نام خوشه" in dialog.findChild(QLabel, "name_error").text()
    assert "استان" in dialog.findChild(QLabel, "province_error").text()
    dialog.choose_province("IR-07")
    type_text(dialog.name_edit, "گلاب میمند")
    type_text(dialog.county_edit, "فیروزآباد")
    type_text(dialog.hs_edit, "۳۳۰۱.۲۹")
    type_text(dialog.product_edit, "اسانس گل محمدی")
    click(qtbot, dialog.findChild(QPushButton, "save_button"))
    assert dialog.result() == QDialog.DialogCode.Accepted
    with cctx.session() as s:
        d = s.get(Dossier, dialog.dossier_id)
        assert (d.origin, d.state, d.province_code) == ("central", "plan_in_progress", "IR-07")
        assert d.cluster.products[0].hs_code == "3301.29"


def test_review_queue_opens_the_secondary_review(cctx, qtbot, asked) -> None:
    view = ReviewView(cctx)
    qtbot.addWidget(view)
    received = next(i for i, r in enumerate(view.model.rows) if r.state == "received")
    dossier_id = view.model.rows[received].id
    select_row(view.table, received)
    assert view.start_button.isEnabled()
    click(qtbot, view.start_button)
    with cctx.session() as s:
        assert s.get(Dossier, dossier_id).state == "central_review"
    assert view.model.index(0, 3).data()  # provincial score shown beside the central one


def test_databank_registers_and_exports(cctx, qtbot, asked, tmp_path: Path) -> None:
    view = DatabankView(cctx)
    qtbot.addWidget(view)
    before = view.model.rowCount()
    dossier_id = view.waiting_list.item(0).data(Qt.ItemDataRole.UserRole)
    click(qtbot, view.findChild(QPushButton, "register_button"))
    with cctx.session() as s:
        entry = s.scalar(select(DatabankEntry).where(DatabankEntry.dossier_id == dossier_id))
        assert entry is not None and s.get(Dossier, dossier_id).state == "registered"
    assert view.model.rowCount() == before + 1 and "ثبت" in asked.said("info")[0]
    asked.files = [tmp_path / "out.xlsx"]
    click(qtbot, view.findChild(QPushButton, "export_xlsx_button"))
    qtbot.waitUntil(lambda: len(asked.said("info")) == 2, timeout=20_000)  # written off the GUI thread
    assert "out.xlsx" in asked.said("info")[1]
    wb = load_workbook(tmp_path / "out.xlsx")
    assert wb["خوشه‌ها"].max_row == before + 2


def _issue_via_dialog(monkeypatch, qtbot, password: str, valid_until: str = ""):  # type: ignore[no-untyped-def]
    """Patch the dialog's exec to fill it as a person would and press «Issue and sign»."""
    monkeypatch.setattr(password_dialog, "ask_password", lambda _p, _m: password)
    seen: dict[str, LicenseIssueDialog] = {}

    def run(dialog: LicenseIssueDialog) -> int:
        seen["dialog"] = dialog
        if valid_until:
            dialog.valid_until_edit.setText(valid_until)
        type_text(dialog.conditions_edit, "ارائهٔ گزارش سالانهٔ صادرات")
        dialog.findChild(QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: not dialog.working, timeout=20_000)  # checked and signed off the GUI thread
        return dialog.result()

    monkeypatch.setattr(LicenseIssueDialog, "exec", run)
    return seen


def test_licenses_issue_suspend_and_revoke(cctx, qtbot, asked, monkeypatch) -> None:
    view = LicensesView(cctx)
    qtbot.addWidget(view)
    dossier_id = view.waiting_list.item(0).data(Qt.ItemDataRole.UserRole)
    # a validity before the issue date is refused beside the field, nothing issued
    seen = _issue_via_dialog(monkeypatch, qtbot, PASSWORD, valid_until="1390/01/01")
    assert view.issue_selected() is None
    assert "اعتبار" in seen["dialog"].findChild(QLabel, "valid_until_error").text()
    # a wrong password leaves the key locked
    seen = _issue_via_dialog(monkeypatch, qtbot, "not-my-password")
    assert view.issue_selected() is None
    assert seen["dialog"].findChild(QLabel, "form_error").text()
    with cctx.session() as s:
        assert s.scalar(select(License).where(License.dossier_id == dossier_id)) is None
    # THEN the right password issues and signs it
    _issue_via_dialog(monkeypatch, qtbot, PASSWORD)
    number = view.issue_selected()
    assert number and number.startswith("TPO-CL-")
    with cctx.session() as s:
        lic = s.scalar(select(License).where(License.number == number))
        assert lic.conditions == "ارائهٔ گزارش سالانهٔ صادرات" and lic.signature
        assert s.get(Dossier, dossier_id).state == "licensed"
    assert view.selected().number == number and view.suspend_button.isEnabled()
    # suspend, then revoke (confirmed); a revoked license offers nothing more
    asked.text_answer = "گزارش تخلف از بازرسی"
    click(qtbot, view.suspend_button)
    assert view.selected().status == "suspended" and view.reinstate_button.isEnabled()
    asked.text_answer = "انحلال شرکت مدیریت خوشه"
    click(qtbot, view.revoke_button)
    row = view.selected()
    assert row.status == "revoked" and row.status_reason == "انحلال شرکت مدیریت خوشه"
    assert not any(b.isEnabled() for b in (view.suspend_button, view.reinstate_button, view.revoke_button))
    assert view.change("reinstate") is False
    assert "ابطال" in asked.said("error")[-1]
    # a licensed cluster does not get a second license: it is no longer offered, and refused if forced
    with cctx.session() as s:
        assert dossier_id not in {r.dossier_id for r in licenses_view.registers.licensable(s)}
