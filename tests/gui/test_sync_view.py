"""The bundle-exchange screen, driven like a clerk would: the province exports, the centre checks the
file (nothing changes), reads who signed it and what it holds, applies it and reads the report; a
tampered file is refused in Persian with the database untouched; certificates are enrolled after the
phone check and revoked with a reason."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import select

from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.gui import password_dialog
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.sync_enroll import SyncEnrollDialog
from cluster_desktop.gui.sync_view import SyncView, ltr
from cluster_desktop.services import sync
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import Cluster, Dossier, TrustedKey
from tests.conftest import PASSWORD
from tests.sync.offices import Office, Pair, build_pair, copy_pair, craft, jsonl, rows, unpack


@pytest.fixture(scope="module")
def offices_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("sync-view-offices")
    build_pair(root)
    return root


@pytest.fixture
def offices(offices_template: Path, tmp_path: Path) -> Iterator[Pair]:
    p = copy_pair(offices_template, tmp_path / "offices")
    yield p
    p.close()


@pytest.fixture
def passwords(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Answers every password question with the right password and records each question."""
    asked: list[str] = []
    monkeypatch.setattr(password_dialog, "ask_password", lambda _p, m: asked.append(m) or PASSWORD)
    return asked


def click(qtbot, button: QPushButton) -> None:  # type: ignore[no-untyped-def]
    assert button.isEnabled(), button.objectName()
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def finish(qtbot, view: SyncView) -> None:  # type: ignore[no-untyped-def]
    """Wait for the background operation the last click started."""
    qtbot.waitUntil(lambda: view.operation is None, timeout=30_000)


def make_view(qtbot, office: Office) -> SyncView:  # type: ignore[no-untyped-def]
    view = SyncView(AppContext(office.ws, office.actor, "fa"))
    qtbot.addWidget(view)
    view.resize(1200, 800)
    view.show()
    return view


def export_through_gui(qtbot, asked, office: Office, out: Path, to: str | None = None) -> SyncView:  # type: ignore[no-untyped-def]
    view = make_view(qtbot, office)
    if to is not None:
        at = view.recipient_combo.findData(to)
        assert at >= 0
        view.recipient_combo.setCurrentIndex(at)
    asked.files = [out]
    click(qtbot, view.export_button)
    finish(qtbot, view)
    assert view.export_result is not None, asked.messages
    return view


def cell_texts(table) -> list[list[str]]:  # type: ignore[no-untyped-def]
    return [
        [table.item(r, c).text() if table.item(r, c) else "" for c in range(table.columnCount())]
        for r in range(table.rowCount())
    ]


def test_province_exports_and_centre_verifies_then_applies_through_the_screen(
    offices, fa_app, qtbot, asked, passwords, tmp_path: Path
) -> None:
    province, centre = offices.province, offices.centre
    approved = [d for d, st in province.states().items() if st == "provincially_approved"]
    assert approved
    # WHEN the province's secretary exports a bundle for the centre through the screen
    out = tmp_path / "to-centre.bundle"
    pview = export_through_gui(qtbot, asked, province, out)
    # THEN the file is written, the result says number ۱ in Persian, and approved dossiers were sent
    assert out.exists() and out.stat().st_size > 0
    result = pview.export_result_label.text()
    assert pview.export_result_label.isVisible()
    assert "شمارهٔ ۱" in result and str(out) in result and "پرونده" in result
    assert pview.export_result.sequences == [1]
    assert all(province.states()[d] == "sent_to_center" for d in approved)
    assert len(passwords) == 1
    # AND its history shows the bundle as sent and kept until acknowledged
    history = cell_texts(pview.history_table)
    assert history[0][1] == "ارسال" and history[0][3] == "۱" and "نگه" in history[0][5]
    assert cell_texts(pview.outbound_table)[0][1:] == ["۱", "هنوز هیچ", "۱"]

    # WHEN the centre chooses the file: it is checked, and nothing changes yet
    cview = make_view(qtbot, centre)
    before = centre.dump()
    asked.files = [out]
    click(qtbot, cview.choose_button)
    finish(qtbot, cview)
    assert cview.verified is not None, cview.verdict_label.text()
    assert centre.dump() == before
    # THEN it shows in plain Persian who signed it, when, the kind, the recipient, the number and contents
    with province.ws.db.session() as s:
        pinfo = sync.key_info(s)
    values = {k: v.text() for k, v in cview.values.items()}
    assert (
        pinfo.name_fa in values["sender"] and "IR-07" in values["sender"]
    )  # codes stay Latin, like license numbers
    assert pinfo.fingerprint_text in values["fingerprint"]
    assert values["kind"] == "بستهٔ ارسالی استان به مرکز"
    assert "سازمان توسعه تجارت" in values["recipient"]
    assert values["sequence"] == "۱"
    assert values["created"].startswith("۱۴")  # a Jalali date in Persian digits
    assert "همهٔ بررسی‌ها" in cview.verdict_label.text()
    contents = {r[0]: r[1:] for r in cell_texts(cview.contents_table)}
    sent_ids = [d for d, st in province.states().items() if st == "sent_to_center"]
    assert contents["پرونده"][0] == contents["پرونده"][1] == to_fa(len(sent_ids))  # all new here
    dossier_lines = [cview.dossiers_list.item(i).text() for i in range(cview.dossiers_list.count())]
    assert dossier_lines[0].startswith(to_fa(len(sent_ids)))
    assert cview.apply_button.isEnabled()

    # WHEN the secretary applies it
    click(qtbot, cview.apply_button)
    finish(qtbot, cview)
    # THEN the report is shown, the DB holds the dossiers as received, and the password was asked once
    report = cview.import_report
    assert report is not None and report["applied"]
    assert "وارد شد" in cview.verdict_label.text()
    assert not cview.apply_button.isEnabled()
    lines = [cview.dossiers_list.item(i).text() for i in range(cview.dossiers_list.count())]
    assert any("دریافت‌شده در مرکز" in line for line in lines[1:])
    with province.ws.db.session() as s:
        sent = {
            d.id: (d.cluster_id, s.get(Cluster, d.cluster_id).name)
            for d in s.scalars(select(Dossier).where(Dossier.id.in_(sent_ids)))
        }
    with centre.ws.db.session() as s:
        for did, (cluster_id, name) in sent.items():
            d = s.get(Dossier, did)
            assert d is not None and d.state == "received" and d.owner_office_id == "IR-07"
            assert d.cluster_id == cluster_id and s.get(Cluster, cluster_id).name == name
    assert len(passwords) == 2  # once per screen: the centre's keys stayed unlocked from check to apply
    history = cell_texts(cview.history_table)
    assert history[0][1] == "دریافت" and "افزوده" in history[0][5]

    # AND the same file again is refused as already imported, changing nothing
    after = centre.dump()
    asked.files = [out]
    click(qtbot, cview.choose_button)
    finish(qtbot, cview)
    assert cview.verified is None and "رد شد" in cview.verdict_label.text()
    assert centre.dump() == after


def to_fa(n: int) -> str:
    from cluster_desktop.domain.numbers import format_int

    return format_int(n)


def test_a_tampered_bundle_is_refused_in_persian_and_the_database_is_unchanged(
    offices, fa_app, qtbot, asked, passwords, tmp_path: Path
) -> None:
    province, centre = offices.province, offices.centre
    out = tmp_path / "to-centre.bundle"
    sync.export_bundle(province.ws, province.actor, province.keys, out)
    view = make_view(qtbot, centre)
    before = centre.dump()
    # GIVEN a copy damaged on the USB stick (a flipped byte in the encrypted payload)
    damaged = tmp_path / "damaged.bundle"
    data = bytearray(out.read_bytes())
    data[len(data) // 2] ^= 0x01
    damaged.write_bytes(bytes(data))
    asked.files = [damaged]
    click(qtbot, view.choose_button)
    finish(qtbot, view)
    # THEN it is refused with a clear Persian reason and nothing can be applied
    verdict = view.verdict_label.text()
    assert view.verified is None and "رد شد" in verdict
    assert "این بسته برای این دفتر رمز نشده یا خراب است" in verdict
    assert not view.apply_button.isEnabled()
    assert centre.dump() == before
    # GIVEN a bundle re-signed with the province's real keys but with a record changed after listing
    manifest, entries = unpack(out, centre)
    clusters = rows(entries, "clusters")
    clusters[0]["name"] = "خوشهٔ دست‌کاری‌شده"
    entries["records/clusters.jsonl"] = jsonl(clusters)
    forged = craft(province.keys, centre, manifest, entries, tmp_path / "forged.bundle", fix=False)
    asked.files = [forged]
    click(qtbot, view.choose_button)
    finish(qtbot, view)
    assert view.verified is None and "رد شد" in view.verdict_label.text()
    assert "هیچ تغییری" in view.verdict_label.text()
    assert centre.dump() == before
    # GIVEN the real file checked, then swapped for the forged one before "Apply"
    swap = tmp_path / "swap.bundle"
    swap.write_bytes(out.read_bytes())
    asked.files = [swap]
    click(qtbot, view.choose_button)
    finish(qtbot, view)
    assert view.verified is not None
    swap.write_bytes(forged.read_bytes())
    click(qtbot, view.apply_button)
    finish(qtbot, view)
    # THEN applying re-checks it, refuses it, and the database is exactly as before
    assert view.import_report is None and "رد شد" in view.verdict_label.text()
    assert centre.dump() == before
    with centre.ws.db.session() as s:
        assert s.scalar(select(Cluster).where(Cluster.name == "خوشهٔ دست‌کاری‌شده")) is None


def test_enrol_after_phone_check_and_revoke_through_the_trust_table(
    offices, fa_app, qtbot, asked, passwords, monkeypatch, tmp_path: Path
) -> None:
    centre = offices.centre
    # GIVEN another province's certificate file (a newly installed office, IR-08)
    ws = Workspace.open(tmp_path / "ir08")
    try:
        admin = setup_office(ws, OfficeSetup(OfficeKind.PROVINCE, "IR-08", "admin", PASSWORD))
        with ws.db.session() as s:
            cert = sync.certificate(s, sync.unlock(s, admin, PASSWORD))
    finally:
        ws.close()
    cert_file = tmp_path / "ir08.json"
    cert_file.write_bytes(cert.to_json())
    view = make_view(qtbot, centre)
    assert view.trust_table.rowCount() == 1 and view.trust_empty_label.isHidden()
    # WHEN a file that is not a certificate is chosen THEN a Persian message says so beside the table
    garbage = tmp_path / "not-a-cert.json"
    garbage.write_text('{"hello": 1}')
    asked.files = [garbage]
    assert view.enroll() is None
    assert "گواهی" in view.trust_errors.messages()["trust_error"]
    # WHEN the clerk opens it but does not confirm the phone check, nothing is enrolled
    seen: list[tuple[str, bool]] = []
    errors: list[dict[str, str]] = []

    def run(dialog: SyncEnrollDialog, tick: bool) -> int:
        seen.append((dialog.fingerprint_label.text(), dialog.ok_button.isEnabled()))
        if tick:
            dialog.compared_check.setChecked(True)
            dialog.ok_button.click()
            errors.append(dialog.errors.messages())
        else:
            dialog.reject()
        return dialog.result()

    monkeypatch.setattr(SyncEnrollDialog, "exec", lambda d: run(d, tick=False))
    asked.files = [cert_file]
    assert view.enroll() is None
    with centre.ws.db.session() as s:
        assert s.get(TrustedKey, cert.fingerprint) is None
    # THEN the dialog showed the fingerprint grouped for reading aloud, OK disabled until ticked
    assert seen == [(cert.fingerprint_text, False)]
    assert len(cert.fingerprint_text.split(" ")) == 8
    # WHEN it is confirmed as compared by phone
    monkeypatch.setattr(SyncEnrollDialog, "exec", lambda d: run(d, tick=True))
    asked.files = [cert_file]
    click(qtbot, view.enroll_button)
    # THEN it is trusted, listed with its grouped fingerprint, and a province the centre may send to
    with centre.ws.db.session() as s:
        key = s.get(TrustedKey, cert.fingerprint)
        assert key is not None and key.office_id == "IR-08" and key.revoked_at is None
    table = {r[1]: r for r in cell_texts(view.trust_table)}
    assert cert.fingerprint_text in table[ltr("IR-08")][2] and table[ltr("IR-08")][3] == "مورد اعتماد"
    assert view.recipient_combo.findData("IR-08") >= 0
    # WHEN the same certificate is offered again, the dialog refuses it beside the form
    asked.files = [cert_file]
    assert view.enroll() is None
    assert "قبلاً ثبت شده" in errors[-1]["form_error"]
    # WHEN its key is revoked with a reason
    assert view.select_entry(cert.fingerprint)
    asked.text_answer = "رایانهٔ دفتر استان دزدیده شد"
    click(qtbot, view.revoke_button)
    # THEN it is revoked in the database with that reason, shown in red words, and no longer a recipient
    with centre.ws.db.session() as s:
        key = s.get(TrustedKey, cert.fingerprint)
        assert key.revoked_at is not None and key.revoke_reason == "رایانهٔ دفتر استان دزدیده شد"
    row = next(r for r in cell_texts(view.trust_table) if r[1] == ltr("IR-08"))
    assert row[3].startswith("باطل") and row[5] == "رایانهٔ دفتر استان دزدیده شد"
    assert view.recipient_combo.findData("IR-08") < 0
    assert view.select_entry(cert.fingerprint) and not view.revoke_button.isEnabled()
    assert any("IR-08" in m or "سازمان بازرگانی" in m for m in asked.said("confirm"))


def test_a_user_without_the_office_keys_may_look_but_not_act(offices, fa_app, qtbot) -> None:
    clerk = replace(offices.centre.actor, role=Role.CLERK)
    view = SyncView(AppContext(offices.centre.ws, clerk, "fa"))
    qtbot.addWidget(view)
    view.show()
    for b in (view.export_button, view.choose_button, view.apply_button, view.enroll_button,
              view.certificate_button):  # fmt: skip
        assert not b.isEnabled() and "کارشناس" in b.toolTip()
    assert view.permission_label.isVisible() and "کارشناس" in view.permission_label.text()
    assert view.trust_table.rowCount() == 1  # the trusted offices are still shown


def test_saving_this_offices_certificate(offices, fa_app, qtbot, asked, passwords, tmp_path: Path) -> None:
    view = make_view(qtbot, offices.province)
    out = tmp_path / "province.json"
    asked.files = [out]
    click(qtbot, view.certificate_button)
    finish(qtbot, view)
    cert = sync.read_certificate(out.read_bytes())
    with offices.province.ws.db.session() as s:
        assert cert.fingerprint == sync.key_info(s).fingerprint
    assert cert.office_id == "IR-07"
    assert any(cert.fingerprint_text in m for m in asked.said("info"))


def test_screenshot_renders_for_both_offices(offices, fa_app, qtbot) -> None:
    from cluster_desktop.gui.sync_view import screenshot

    for office in (offices.province, offices.centre):
        w = screenshot(AppContext(office.ws, office.actor, "fa"))
        qtbot.addWidget(w)
        assert isinstance(w, SyncView) and w.trust_table.rowCount() == 1
        assert not w.grab().isNull()


def test_an_office_that_trusts_no_one_is_told_how_to_enrol(fa_app, qtbot, tmp_path: Path) -> None:
    ws = Workspace.open(tmp_path / "ir08")
    try:
        admin = setup_office(ws, OfficeSetup(OfficeKind.PROVINCE, "IR-08", "admin", PASSWORD))
        view = SyncView(AppContext(ws, admin, "fa"))
        qtbot.addWidget(view)
        view.show()
        assert view.trust_table.rowCount() == 0 and not view.trust_empty_label.isHidden()
        assert "سازمان توسعه تجارت" in view.trust_empty_label.text()
        assert "ثبت گواهی" in view.trust_empty_label.text()
        view.close()
    finally:
        ws.close()


def test_a_bundle_handed_to_the_program_opens_checked_in_the_bundles_view(
    offices, fa_app, qtbot, asked, passwords, tmp_path: Path
) -> None:
    """Double-clicking a .bundle runs ``ClusterDesktop.exe FILE``: after login the Bundles view checks it."""
    from cluster_desktop.gui.mainwindow import MainWindow

    out = tmp_path / "دریافتی ۱۰۰% (IR-07).bundle"
    export_through_gui(qtbot, asked, offices.province, out)
    centre = offices.centre
    before = centre.dump()
    win = MainWindow(AppContext(centre.ws, centre.actor, "fa"))
    qtbot.addWidget(win)
    win.show()
    view = win.open_bundle(out)
    assert isinstance(view, SyncView) and win.tabs.currentWidget() is view
    assert view.tabs.currentWidget().objectName() == "import_tab"
    finish(qtbot, view)
    assert view.verified is not None and view.verified[0] == out, view.verdict_label.text()
    assert "همهٔ بررسی‌ها" in view.verdict_label.text() and str(out) in view.file_label.text()
    assert centre.dump() == before  # checked, not applied
    assert view.apply_button.isEnabled()
