"""Accounts on screen (issue 17): the Users dialog's edit area, deactivation, password reset with the office
key, the idle-lock setting; the idle lock of the main window; the password policy beside password fields."""

from __future__ import annotations

import os

import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QDialog, QLabel, QMenuBar

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.roles import Role
from cluster_desktop.gui.mainwindow import MainWindow
from cluster_desktop.gui.users_dialog import UsersDialog
from cluster_desktop.services import accounts, groups, session_lock, sync, users
from cluster_desktop.store.models import User
from tests.conftest import PASSWORD

NEW = "fresh-pass-42"


def _shot(widget, name: str) -> None:  # type: ignore[no-untyped-def]
    if os.environ.get("CLUSTER_DESKTOP_SHOTS"):
        widget.grab().save(os.path.join(os.environ["CLUSTER_DESKTOP_SHOTS"], name))


@pytest.fixture
def office(ctx):  # type: ignore[no-untyped-def]
    """An evaluator linked to a member, a secretary, a clerk; one more member free to link."""
    with ctx.session() as s:
        elham = groups.add_member(s, ctx.actor, groups.MemberInput("الهام رحیمی", "CHAMBER_COMMERCE")).id
        reza = groups.add_member(s, ctx.actor, groups.MemberInput("رضا کریمی", "CHAMBER_COMMERCE")).id
        for name, full, role, member in (
            ("elham", "الهام رحیمی", Role.EVALUATOR, elham),
            ("secretary", "مهدی جعفری", Role.SECRETARY, None),
            ("m.ahmadi", "مریم احمدی", Role.CLERK, None),
        ):
            accounts.add_user(
                s,
                ctx.actor,
                accounts.NewUser(name, full, role, PASSWORD, PASSWORD, member, admin_password=PASSWORD),
            )
    return {"elham": elham, "reza": reza}


def open_dialog(ctx, qtbot) -> UsersDialog:  # type: ignore[no-untyped-def]
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    settle(qtbot, dialog)
    return dialog


def settle(qtbot, dialog) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=20_000)


def choose(qtbot, dialog: UsersDialog, username: str) -> int:  # type: ignore[no-untyped-def]
    row = next(i for i, r in enumerate(dialog.rows) if r.username == username)
    cell = dialog.table.visualItemRect(dialog.table.item(row, 0)).center()
    qtbot.mouseClick(dialog.table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    assert dialog._selected() is not None and dialog._selected().username == username  # type: ignore[union-attr]
    return row


def shown_error(dialog: UsersDialog, name: str) -> str:
    label = dialog.ui.findChild(QLabel, name)
    return label.text() if label.isVisibleTo(dialog) else ""


def test_the_edit_area_changes_name_role_and_member_with_errors_beside_them(
    ctx, office, qtbot, asked
) -> None:
    dialog = open_dialog(ctx, qtbot)
    assert dialog.table.columnCount() == 7 and dialog.table.horizontalHeaderItem(4).text() == "وضعیت"
    assert not dialog.save_button.isEnabled()  # nothing chosen yet
    choose(qtbot, dialog, "elham")
    assert (
        dialog.edit_full_name.text() == "الهام رحیمی" and dialog.edit_member.currentData() == office["elham"]
    )
    # the other member is offered, the one linked to elham too; nobody else's
    offered = {dialog.edit_member.itemData(i) for i in range(dialog.edit_member.count())}
    assert offered == {None, office["elham"], office["reza"]}
    # an evaluator without a member: the reason beside the member field, nothing saved
    dialog.edit_member.setCurrentIndex(0)
    dialog.edit_full_name.clear()
    assert dialog.save_user()
    settle(qtbot, dialog)
    assert "اعضای کارگروه" in shown_error(dialog, "edit_member_error")
    assert shown_error(dialog, "edit_full_name_error")
    # a clerk linked to the other member, under a new name
    dialog.edit_full_name.setText("الهام رحیمی‌نژاد")
    dialog.edit_role.setCurrentIndex(dialog.edit_role.findData("clerk"))
    dialog.edit_member.setCurrentIndex(dialog.edit_member.findData(office["reza"]))
    dialog.save_user()
    settle(qtbot, dialog)
    assert not shown_error(dialog, "edit_member_error")
    row = next(i for i, r in enumerate(dialog.rows) if r.username == "elham")
    assert [dialog.table.item(row, c).text() for c in range(4)] == [
        "elham",
        "الهام رحیمی‌نژاد",
        "کارشناس",
        "رضا کریمی",
    ]
    assert dialog._selected().username == "elham"  # type: ignore[union-attr]  # still chosen after the refresh


def test_deactivate_reactivate_and_the_last_administrator(ctx, office, qtbot, asked) -> None:
    dialog = open_dialog(ctx, qtbot)
    row = choose(qtbot, dialog, "m.ahmadi")
    assert dialog.deactivate_button.isVisibleTo(dialog) and not dialog.reactivate_button.isVisibleTo(dialog)
    assert dialog.deactivate()
    assert "غیرفعال شود" in asked.said("confirm")[-1]
    settle(qtbot, dialog)
    assert dialog.table.item(row, 4).text() == "غیرفعال"
    assert "غیرفعال" in dialog.selected_label.text()
    assert dialog.reactivate_button.isVisibleTo(dialog) and not dialog.deactivate_button.isVisibleTo(dialog)
    with ctx.session() as s, pytest.raises(DomainError):
        users.authenticate(s, "m.ahmadi", PASSWORD)
    choose(qtbot, dialog, "secretary")
    _shot(dialog, "users-edit.png")
    choose(qtbot, dialog, "m.ahmadi")
    _shot(dialog, "users-inactive.png")
    dialog.reactivate()
    settle(qtbot, dialog)
    assert dialog.table.item(row, 4).text() == "فعال"
    with ctx.session() as s:
        users.authenticate(s, "m.ahmadi", PASSWORD)
    # the only administrator cannot deactivate themselves: the reason in the edit area
    choose(qtbot, dialog, "admin")
    dialog.deactivate()
    settle(qtbot, dialog)
    assert "دست‌کم یک مدیر سامانهٔ فعال" in shown_error(dialog, "edit_form_error")
    assert not dialog.reset_button.isEnabled()  # one's own password: File › Change my password


def test_a_password_reset_asks_the_admin_password_only_for_a_key_holder(ctx, office, qtbot, asked) -> None:
    dialog = open_dialog(ctx, qtbot)
    admin_field = dialog.edit_admin_password
    choose(qtbot, dialog, "m.ahmadi")
    assert not admin_field.isVisibleTo(dialog) and not dialog.keys_hint.isVisibleTo(dialog)
    # a clerk promoted to secretary: new password and the admin's own are asked for
    dialog.edit_role.setCurrentIndex(dialog.edit_role.findData("secretary"))
    assert admin_field.isVisibleTo(dialog) and "کلیدهای دفتر" in dialog.keys_hint.text()
    dialog.edit_role.setCurrentIndex(dialog.edit_role.findData("clerk"))
    dialog.edit_password.setText(NEW)
    dialog.edit_again.setText(NEW)
    dialog.reset_password()
    settle(qtbot, dialog)
    assert "m.ahmadi" in asked.said("info")[-1]
    with ctx.session() as s:
        users.authenticate(s, "m.ahmadi", NEW)
    # the secretary holds the office keys: the admin's password, wrong then right
    choose(qtbot, dialog, "secretary")
    assert admin_field.isVisibleTo(dialog)
    for edit, text in ((dialog.edit_password, NEW), (dialog.edit_again, NEW), (admin_field, "not-mine-123")):
        edit.setText(text)
    dialog.reset_password()
    settle(qtbot, dialog)
    assert shown_error(dialog, "edit_admin_password_error") == "گذرواژه نادرست است."
    dialog.edit_password.setText("12345678")
    dialog.edit_again.setText("12345678")
    admin_field.setText(PASSWORD)
    dialog.reset_password()
    settle(qtbot, dialog)
    assert "رقم" in shown_error(dialog, "edit_password_error")
    dialog.edit_password.setText(NEW)
    dialog.edit_again.setText(NEW)
    admin_field.setText(PASSWORD)
    dialog.reset_password()
    settle(qtbot, dialog)
    assert not shown_error(dialog, "edit_admin_password_error") and admin_field.text() == ""
    with ctx.session() as s:
        secretary = users.authenticate(s, "secretary", NEW)
        assert sync.unlock(s, secretary, NEW) is not None  # the office key follows the new password
    assert "رقم" in dialog.ui.findChild(QLabel, "edit_policy_label").text()


def test_the_idle_lock_minutes_are_saved_for_the_office(ctx, office, qtbot, asked) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert win.session_lock.watcher.interval_ms == 10 * 60_000
    dialog = open_dialog(ctx, qtbot)
    assert dialog.idle_minutes.value() == 10
    dialog.idle_minutes.setValue(3)
    dialog.save_idle_lock()
    settle(qtbot, dialog)
    with ctx.session() as s:
        assert session_lock.idle_lock_minutes(s) == 3
    assert win.session_lock.watcher.interval_ms == 3 * 60_000  # the open window follows at once


def test_idle_input_resets_the_timer(ctx, qtbot) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    watcher = win.session_lock.watcher
    starts: list[int] = []
    original = watcher.timer.start
    watcher.timer.start = lambda ms: (starts.append(ms), original(ms))  # type: ignore[method-assign]
    QApplication.sendEvent(
        win.tabs, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A, Qt.KeyboardModifier.NoModifier, "a")
    )
    assert starts and set(starts) == {10 * 60_000}  # once per widget the key press travels through


def test_the_window_locks_when_idle_and_asks_for_the_password_again(ctx, office, qtbot, asked) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    sync_view = win.show_view("sync")
    sync_view._keys = object()  # keys unlocked earlier in this session
    users_dialog = UsersDialog(ctx, win)
    users_dialog.show()
    settle(qtbot, users_dialog)
    users_dialog.admin_password.setText(PASSWORD)
    win.session_lock.watcher.set_interval(30)  # instead of minutes
    qtbot.waitUntil(lambda: win.session_lock.locked, timeout=10_000)
    screen = win.session_lock.screen
    assert screen is not None and win.stack.currentWidget() is screen and not win.tabs.isVisible()
    assert "admin" in screen.who.text() and "مدیر سامانه" in screen.who.text()
    assert not users_dialog.isVisible() and users_dialog.admin_password.text() == ""
    assert sync_view._keys is None  # dropped
    assert not win.findChild(QMenuBar).isVisible()
    assert not win.findChild(type(win.save_action), "save_action").isEnabled()
    _shot(win, "lock-screen.png")
    # a wrong password: said beside the field, counted toward the lockout
    screen.password.setText("wrong-pass-1")
    screen.unlock()
    qtbot.waitUntil(lambda: screen.operation is None, timeout=20_000)
    assert screen.findChild(QLabel, "password_error").text() == "نام کاربری یا گذرواژه نادرست است."
    assert win.session_lock.locked
    with ctx.session() as s:
        assert s.query(User).filter_by(username="admin").one().failed_logins == 1
    # the right one: the content, the dialog and the actions come back
    screen.password.setText(PASSWORD)
    win.session_lock.watcher.set_interval(0)  # else it locks again 30 ms after the unlock
    screen.unlock()
    qtbot.waitUntil(lambda: not win.session_lock.locked, timeout=20_000)
    assert win.tabs.isVisible() and users_dialog.isVisible() and win.save_action.isEnabled()
    with ctx.session() as s:
        assert s.query(User).filter_by(username="admin").one().failed_logins == 0


def test_log_out_from_the_lock_screen_goes_back_to_the_login(ctx, qtbot, asked) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.session_lock.lock()
    asked.confirm_answer = False
    win.session_lock.screen.log_out_button.click()  # type: ignore[union-attr]
    assert win.isVisible() and not win.logging_out
    asked.confirm_answer = True
    win.session_lock.screen.log_out_button.click()  # type: ignore[union-attr]
    assert "ذخیره نمی‌شوند" in asked.said("confirm")[-1]
    assert not win.isVisible() and win.logging_out


def test_the_password_policy_stands_beside_the_password_fields(ctx, qtbot, asked, workspace) -> None:
    from cluster_desktop.gui.password_change import ChangePasswordDialog
    from cluster_desktop.gui.setup_wizard import SetupWizard

    policy = users.password_policy_text()[0]
    dialog = ChangePasswordDialog(ctx)
    qtbot.addWidget(dialog)
    label = dialog.findChild(QLabel, "policy_label")
    assert policy.split("،")[0] in label.text() and "کلیدهای دفتر" in label.text()
    dialog.edits["password"].setText("admin")
    _shot(dialog, "password-policy.png")
    wizard = SetupWizard(workspace)
    qtbot.addWidget(wizard)
    assert policy.split("،")[0] in wizard.admin_page.ui.findChild(QLabel, "hint_label").text()


def test_the_program_logs_in_again_after_log_out(ctx, office, qtbot, asked, monkeypatch) -> None:
    """gui/application.run: a window closed by 'Log out / switch user' is followed by the login, and the
    next user gets a window of their own; a window closed otherwise ends the program."""
    from cluster_desktop.gui import application, crash
    from cluster_desktop.gui.login import LoginDialog

    ws = ctx.ws
    logins = iter(["admin", "secretary"])
    windows: list[MainWindow] = []

    def fake_login(self: LoginDialog) -> int:
        with ws.db.session() as s:
            self.actor = users.authenticate(s, next(logins), PASSWORD)
        return QDialog.DialogCode.Accepted.value

    def fake_exec(_app: object) -> int:  # the event loop: the user logs out once, then quits
        win = next(w for w in QApplication.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible())
        windows.append(win)
        if len(windows) == 1:
            assert win.log_out(False)
        else:
            win.close()
        return 0

    monkeypatch.setattr(crash, "install", lambda: None)
    monkeypatch.setattr(LoginDialog, "exec", fake_login)
    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert application.run(ws.data_dir, "fa") == 0
    assert [w.ctx.actor.username for w in windows] == ["admin", "secretary"]
    assert windows[0].logging_out and not windows[1].logging_out
