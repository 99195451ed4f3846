"""What Windows users expect of an installed program (issue 13): a crash dialog that says where the log
is, Help › About with versions, the usual shortcuts shown in the menus, remembered window layout and
folders, and ``cluster-desktop FILE.bundle``."""

from __future__ import annotations

import logging
import os
from pathlib import Path

import pytest
from PySide6.QtGui import QAction, QGuiApplication, QKeySequence
from PySide6.QtWidgets import QApplication, QFileDialog, QLabel, QTableView

from cluster_desktop.gui import crash, prompts
from cluster_desktop.gui.mainwindow import MainWindow
from cluster_desktop.logs import close_logging, setup_logging


@pytest.fixture
def logged(workspace):  # type: ignore[no-untyped-def]
    path = setup_logging(workspace.data_dir)
    yield path
    close_logging()


def unmarked(text: str) -> str:
    """A label's text without the direction marks that keep a path in order on screen."""
    return "".join(ch for ch in text if ch not in "\u200e\u2066\u2068\u2069")


def action(win: MainWindow, name: str) -> QAction:
    found = win.findChild(QAction, name)
    assert found is not None, name
    return found


@pytest.mark.qt_no_exception_capture
def test_a_forced_exception_in_a_view_shows_the_crash_dialog_and_lands_in_the_log(
    ctx, qtbot, logged, monkeypatch
) -> None:
    from cluster_desktop.gui.dashboard import DashboardView

    crash.install()
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()

    def broken(self) -> None:  # type: ignore[no-untyped-def]
        raise RuntimeError("forced <b>failure</b> in خوشهٔ «زعفران»")

    monkeypatch.setattr(DashboardView, "refresh", broken)
    # WHEN the user presses F5 on the dashboard and its refresh fails unexpectedly
    win.findChildren(QAction)[0]  # the window is built
    refresh = next(a for a in win.findChildren(QAction) if a.shortcut() == QKeySequence("F5"))
    refresh.trigger()
    # THEN one Persian dialog says what happened and where the log is
    qtbot.waitUntil(lambda: len(crash.open_dialogs()) == 1)
    dialog = crash.open_dialogs()[0]
    assert dialog.windowTitle() == "خطای پیش‌بینی‌نشده"
    summary = dialog.findChild(QLabel, "crash_summary")
    assert "forced <b>failure</b>" in unmarked(summary.text())  # shown as typed, never as markup
    assert str(logged) in unmarked(dialog.log_label.text())
    # AND the log holds the traceback, naming the function that failed
    for h in logging.getLogger("cluster_desktop").handlers:
        h.flush()
    text = logged.read_text(encoding="utf-8")
    assert "unexpected error in the GUI" in text and "Traceback" in text and "in broken" in text
    assert "خوشهٔ «زعفران»" in text
    # AND the details can be copied for IT
    qtbot.mouseClick(dialog.copy_button, qtbot_left())
    copied = QGuiApplication.clipboard().text()
    assert (
        copied.startswith("Cluster Desktop ") and "RuntimeError: forced" in copied and str(logged) in copied
    )
    dialog.accept()
    qtbot.waitUntil(lambda: not crash.open_dialogs())


def qtbot_left():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton


def test_about_shows_versions_and_places_and_copies_them(ctx, qtbot, logged) -> None:
    from PySide6.QtCore import qVersion

    from cluster_desktop.store.migrate import head_revision

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    action(win, "about_action").trigger()
    qtbot.waitUntil(lambda: getattr(win, "about_dialog", None) is not None and win.about_dialog.isVisible())
    dialog = win.about_dialog
    head = head_revision(ctx.ws.db.engine)
    assert dialog.values["schema"].text() == f"{head} (program: {head})"
    assert dialog.values["qt"].text().startswith(qVersion())
    assert unmarked(dialog.values["data_dir"].text()) == str(ctx.ws.data_dir)
    assert unmarked(dialog.values["log"].text()) == str(logged)
    assert "Cluster Desktop 0." in dialog.values["program"].text()
    qtbot.mouseClick(dialog.copy_button, qtbot_left())
    copied = QGuiApplication.clipboard().text()
    assert f"Data directory: {ctx.ws.data_dir}" in copied and f"Database schema: {head}" in copied
    assert dialog.copy_button.text() == "رونوشت برداشته شد"
    dialog.grab().save(str(ctx.ws.data_dir / "about.png"))
    dialog.close()


def test_office_shortcuts_are_in_the_menus_and_act_on_the_page_in_front(ctx, qtbot) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    expected = {
        "save_action": "Ctrl+S",
        "print_action": "Ctrl+P",
        "close_tab_action": "Ctrl+W",
        "find_action": "Ctrl+F",
        "help_action": "F1",
        "quit_action": "Ctrl+Q",
    }
    menu_actions = {a.objectName() for m in win.menuBar().actions() for a in m.menu().actions()}
    for name, keys in expected.items():
        assert action(win, name).shortcut() == QKeySequence(keys), name
        assert name in menu_actions, f"{name} is not in a menu"
    # Ctrl+F on the clusters list puts the cursor in its search field
    view = win.show_view("clusters")
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    action(win, "find_action").trigger()
    assert QApplication.focusWidget() is view.search_edit
    # Ctrl+S where nothing can be saved says so in the status bar
    win.show_view("dashboard")
    assert (
        win.save_current() is False
        and win.statusBar().currentMessage() == "در این صفحه چیزی برای ذخیره نیست."
    )
    # Ctrl+W closes the page in front
    tabs = win.tabs.count()
    action(win, "close_tab_action").trigger()
    assert win.tabs.count() == tabs - 1
    # F1 explains the page in front with the programme's own steps
    win.show_view("clusters")
    action(win, "help_action").trigger()
    qtbot.waitUntil(lambda: getattr(win, "help_dialog", None) is not None and win.help_dialog.isVisible())
    texts = [w.text() for w in win.help_dialog.findChildren(QLabel)]
    assert any(t.startswith("F3") for t in texts), texts
    assert win.help_dialog.findChild(QTableView, "shortcuts_table").model().rowCount() == 7
    win.help_dialog.grab().save(str(ctx.ws.data_dir / "help.png"))
    win.help_dialog.close()


def test_window_geometry_and_column_widths_are_remembered(ctx, qtbot) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    win.resize(701, 503)
    view = win.show_view("clusters")
    table = next(t for t in view.findChildren(QTableView) if t.objectName())
    header = table.horizontalHeader()
    column = next(
        i for i in range(header.count()) if header.sectionResizeMode(i) == header.ResizeMode.Interactive
    )
    header.resizeSection(column, 217)
    win.close()
    # WHEN the program starts again
    again = MainWindow(ctx)
    qtbot.addWidget(again)
    again.show()
    assert (again.width(), again.height()) == (701, 503)
    view2 = again.show_view("clusters")
    table2 = view2.findChild(QTableView, table.objectName())
    assert table2.horizontalHeader().sectionSize(column) == 217


def test_file_dialogs_start_in_the_folder_last_used_for_that_kind(qapp, tmp_path: Path, monkeypatch) -> None:
    bundles = tmp_path / "بسته‌ها ۱۰۰%"
    bundles.mkdir()
    seen: list[str] = []

    def fake_open(_parent, _title, folder, _filters):  # type: ignore[no-untyped-def]
        seen.append(folder)
        return str(bundles / "a.bundle"), ""

    def fake_save(_parent, _title, suggested, _filters):  # type: ignore[no-untyped-def]
        seen.append(suggested)
        return suggested, ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", staticmethod(fake_open))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", staticmethod(fake_save))
    assert prompts.open_file(None, "t", kind="bundles-test") == bundles / "a.bundle"
    prompts.open_file(None, "t", kind="bundles-test")
    assert seen[1] == str(bundles)
    # a save of the same kind proposes its name in that folder
    assert (
        prompts.save_file(None, "t", "IR-07-to-TPO.bundle", kind="bundles-test")
        == bundles / "IR-07-to-TPO.bundle"
    )
    assert prompts.open_file(None, "t", kind="never-used-kind") is not None and seen[3] == ""


def test_a_bundle_file_argument_means_the_gui_with_that_file() -> None:
    from cluster_desktop.cli import build_parser, split_bundle_argument

    p = build_parser()
    assert split_bundle_argument(p, ["C:\\Users\\کاربر\\IR-07.bundle"]) == (
        [],
        "C:\\Users\\کاربر\\IR-07.bundle",
    )
    assert split_bundle_argument(p, ["--data-dir", "D", "x.BUNDLE"]) == (["--data-dir", "D"], "x.BUNDLE")
    # a command that takes a bundle keeps it
    assert split_bundle_argument(p, ["bundle", "import", "x.bundle"]) == (
        ["bundle", "import", "x.bundle"],
        None,
    )
    assert split_bundle_argument(p, ["--lang", "en"]) == (["--lang", "en"], None)


def test_ctrl_s_on_a_dossier_page_saves_the_section_in_front(ctx, qtbot, asked) -> None:
    from cluster_desktop.services import clusters
    from tests.gui.conftest import type_text

    with ctx.session() as s:
        dossier_id = clusters.create_cluster(s, ctx.actor, clusters.ClusterInput("خوشهٔ گلاب", "کاشان")).id
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    page = win.open_dossier(dossier_id)
    form = page.show_section("profile")
    form.edits["city"].clear()
    type_text(form.edits["city"], "قمصر")
    assert win.save_current() is True
    with ctx.session() as s:
        assert clusters.get_dossier(s, dossier_id).cluster.city == "قمصر"


def test_the_administrator_unlocks_a_locked_account_in_the_users_dialog(ctx, qtbot, asked) -> None:
    from cluster_desktop.domain.errors import DomainError
    from cluster_desktop.gui.users_dialog import UsersDialog
    from cluster_desktop.services import users
    from tests.conftest import PASSWORD

    for i in range(users.LOCK_AFTER):
        with ctx.session() as s, pytest.raises(DomainError):
            users.authenticate(s, "admin", f"wrong-{i}")
    dialog = UsersDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=20_000)  # the list is read off the GUI thread
    row = next(i for i, r in enumerate(dialog.rows) if r.username == "admin")
    assert dialog.table.item(row, 6).text()  # "locked until", a Jalali time
    assert not dialog.unlock_button.isEnabled()
    cell = dialog.table.visualItemRect(dialog.table.item(row, 0)).center()
    qtbot.mouseClick(dialog.table.viewport(), qtbot_left(), pos=cell)
    assert dialog.unlock_button.isEnabled()
    dialog.grab().save(str(ctx.ws.data_dir / "users.png"))
    if os.environ.get("CLUSTER_DESKTOP_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["CLUSTER_DESKTOP_SHOTS"], "users-locked.png"))
    qtbot.mouseClick(dialog.unlock_button, qtbot_left())
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=20_000)
    assert dialog.table.item(row, 6).text() == "" and not dialog.unlock_button.isEnabled()
    with ctx.session() as s:
        assert users.authenticate(s, "admin", PASSWORD).username == "admin"


def test_changing_my_password_keeps_the_office_keys_usable(ctx, qtbot, asked) -> None:
    from cluster_desktop.services import sync, users
    from tests.conftest import PASSWORD

    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    action(win, "change_password_action").trigger()
    dialog = win.password_dialog

    def attempt(old: str, new: str, again: str) -> dict[str, str]:
        for key, text in (("old_password", old), ("password", new), ("password_again", again)):
            dialog.edits[key].setText(text)
        dialog.save()
        qtbot.waitUntil(lambda: dialog.operation is None, timeout=20_000)
        return dialog.errors.messages()

    shown = attempt("", "short", "other")
    assert {"old_password_error", "password_error", "password_again_error"} <= set(shown)
    assert (
        "گذرواژهٔ فعلی نادرست" in attempt("not-mine-1", "new-pass-123", "new-pass-123")["old_password_error"]
    )
    dialog.grab().save(str(ctx.ws.data_dir / "password.png"))
    if os.environ.get("CLUSTER_DESKTOP_SHOTS"):
        dialog.grab().save(os.path.join(os.environ["CLUSTER_DESKTOP_SHOTS"], "password-change.png"))
    for key in ("old_password", "password", "password_again"):
        dialog.edits[key].setText(PASSWORD if key == "old_password" else "new-pass-123")
    dialog.save()
    qtbot.waitUntil(lambda: bool(asked.said("info")), timeout=20_000)  # then the dialog closes itself
    assert asked.said("info") == ["گذرواژهٔ شما تغییر کرد."]
    with ctx.session() as s:
        users.authenticate(s, "admin", "new-pass-123")
        assert sync.unlock(s, ctx.actor, "new-pass-123") is not None  # the data key was re-wrapped
