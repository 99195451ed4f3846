"""File › Backup… and File › Restore… driven through the main window, and the daily backup at exit."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QLabel
from sqlalchemy import select

from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.gui.backup_actions import exit_backup
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.mainwindow import MainWindow
from cluster_desktop.gui.restore_dialog import RestoreConfirmDialog
from cluster_desktop.services import backup, users
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.backup_verify import verify_archive
from cluster_desktop.store.models import User
from tests.conftest import PASSWORD


def _action(win: MainWindow, name: str):  # type: ignore[no-untyped-def]
    return next(a for a in win.file_menu.actions() if a.objectName() == name)


def test_backup_from_the_file_menu(ctx: AppContext, qtbot, asked, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    usb = tmp_path / "فلش"
    usb.mkdir()
    asked.files = [usb]
    _action(win, "backup_action").trigger()
    qtbot.waitUntil(lambda: win.backups.last_backup is not None, timeout=30_000)
    archive = win.backups.last_backup
    assert archive is not None and archive.parent == usb and verify_archive(archive).ok
    assert str(archive) in asked.said("info")[0]


def test_restore_from_the_file_menu_shows_what_it_holds_then_replaces_and_restarts(  # type: ignore[no-untyped-def]
    ctx: AppContext, qtbot, asked, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    # GIVEN a backup, then a user added after it
    archive = backup.create_backup(ctx.ws, ctx.actor, tmp_path)
    with ctx.session() as s:
        users.create_user(
            s, ctx.actor, username="late.user", full_name="Late User", role=Role.CLERK, password=PASSWORD
        )
    shown: list[RestoreConfirmDialog] = []

    def accept(dialog: RestoreConfirmDialog) -> int:
        shown.append(dialog)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(RestoreConfirmDialog, "exec", accept)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    # WHEN the administrator restores it from the File menu
    asked.files = [archive]
    _action(win, "restore_action").trigger()
    qtbot.waitUntil(lambda: win.backups.last_report is not None or bool(asked.said("error")), timeout=60_000)
    assert asked.said("error") == []
    # THEN the confirmation showed the office, its Jalali date and the counts, and warned where the copy goes
    dialog = shown[0]
    office = dialog.plan.info.office_name
    labels = {w.objectName(): w.text() for w in dialog.findChildren(QLabel)}
    assert office in labels["restore_office"] and "IR-07" in labels["restore_office"]
    assert "۱۴۰" in labels["restore_date"]  # a Jalali year, in Persian digits
    assert "کاربر" in labels["restore_counts"]
    assert str(ctx.ws.data_dir / "backups") in labels["restore_warning_text"]
    # the data is the backup's, a copy of the former state was kept, and the window closes to reopen
    with ctx.session() as s:
        assert s.scalar(select(User).where(User.username == "late.user")) is None
    report = win.backups.last_report
    assert report is not None and report.before_copy is not None and verify_archive(report.before_copy).ok
    assert win.restart_requested and "ورود" in asked.said("info")[-1]


def test_another_offices_backup_is_refused_before_any_question(  # type: ignore[no-untyped-def]
    ctx: AppContext, qtbot, asked, tmp_path: Path
) -> None:
    other = Workspace.open(tmp_path / "other")
    try:
        admin = setup_office(other, OfficeSetup(OfficeKind.PROVINCE, "IR-05", "admin", PASSWORD))
        archive = backup.create_backup(other, admin, tmp_path)
    finally:
        other.close()
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    asked.files = [archive]
    _action(win, "restore_action").trigger()
    qtbot.waitUntil(lambda: bool(asked.said("error")), timeout=30_000)
    assert "IR-05" in asked.said("error")[0] and not win.restart_requested


def test_only_the_administrator_has_the_actions(fa_app, workspace, province_admin, qtbot) -> None:  # type: ignore[no-untyped-def]
    clerk = AppContext(workspace, replace(province_admin, role=Role.CLERK), "fa")
    win = MainWindow(clerk)
    qtbot.addWidget(win)
    assert not _action(win, "backup_action").isEnabled() and not _action(win, "restore_action").isEnabled()
    admin = MainWindow(AppContext(workspace, province_admin, "fa"))
    qtbot.addWidget(admin)
    assert _action(admin, "backup_action").isEnabled() and _action(admin, "restore_action").isEnabled()


def test_the_daily_backup_at_exit_runs_once_a_day(ctx: AppContext, qtbot) -> None:  # type: ignore[no-untyped-def]
    first = exit_backup(ctx.ws)
    assert first is not None and first.parent == ctx.ws.data_dir / "backups" and verify_archive(first).ok
    assert exit_backup(ctx.ws) is None


def test_after_a_restore_the_office_reopens_at_the_login_and_the_exit_makes_the_daily_backup(  # type: ignore[no-untyped-def]
    fa_app, workspace, province_admin, monkeypatch: pytest.MonkeyPatch
) -> None:
    from PySide6.QtWidgets import QApplication

    from cluster_desktop.gui import application, crash

    signed_in: list[Workspace] = []
    monkeypatch.setattr(crash, "install", lambda: None)
    monkeypatch.setattr(application, "_sign_in", lambda ws: signed_in.append(ws) or province_admin)
    windows: list[MainWindow] = []

    def run_until_closed() -> int:  # the event loop, as the user ends it: restored once, then closed
        win = next(
            w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w not in windows
        )
        windows.append(win)
        win.restart() if len(windows) == 1 else win.close()
        return 0

    monkeypatch.setattr(QApplication, "exec", staticmethod(run_until_closed))
    assert application.run(workspace.data_dir, "fa") == 0
    # a fresh workspace and login after the restore, and one daily backup when the program closed
    assert len(signed_in) == 2 and signed_in[0] is not signed_in[1]
    assert windows[0].restart_requested and not windows[1].restart_requested
    assert len(list((workspace.data_dir / "backups").glob("*-scheduled.cdbackup"))) == 1


def test_a_new_pc_restores_the_office_from_the_setup_wizard(  # type: ignore[no-untyped-def]
    fa_app, qtbot, asked, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from cluster_desktop.gui.setup_wizard import SetupWizard

    # GIVEN a backup of an office whose PC was lost, and a new empty data folder
    old = Workspace.open(tmp_path / "lost")
    try:
        admin = setup_office(old, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PASSWORD))
        archive = backup.create_backup(old, admin, tmp_path)
    finally:
        old.close()
    monkeypatch.setattr(RestoreConfirmDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    ws = Workspace.open(tmp_path / "new")
    try:
        wizard = SetupWizard(ws)
        qtbot.addWidget(wizard)
        wizard.show()
        assert wizard.restore_button.isVisible()
        # WHEN the restore button of the first page is used, nobody signed in
        asked.files = [archive]
        wizard.restore_button.click()
        qtbot.waitUntil(lambda: wizard.restored or bool(asked.said("error")), timeout=60_000)
        # THEN the wizard ends and the office is there, its administrator's password as before
        assert asked.said("error") == [] and wizard.result() == QDialog.DialogCode.Accepted
    finally:
        ws.close()
    reopened = Workspace.open(tmp_path / "new")
    try:
        with reopened.db.session() as s:
            assert users.authenticate(s, "admin", PASSWORD).office_id == "IR-07"
    finally:
        reopened.close()
