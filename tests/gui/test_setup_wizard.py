"""First run and later starts: the setup wizard, driven through its widgets, and the login dialog."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QLabel, QWizard
from sqlalchemy import select

from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.login import LoginDialog
from cluster_desktop.gui.mainwindow import MainWindow
from cluster_desktop.gui.setup_wizard import SetupWizard
from cluster_desktop.services.office import office_fingerprint
from cluster_desktop.services.office_details import details_of
from cluster_desktop.services.users import authenticate
from cluster_desktop.store.models import LocalKeys, Office, User, WorkingGroup
from cluster_desktop.sync.keys import fingerprint_text
from tests.conftest import PASSWORD
from tests.gui.conftest import type_text


def _next(qtbot, wizard: SetupWizard) -> None:
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.NextButton), Qt.MouseButton.LeftButton)


def _error(page, name: str) -> str:
    label = page.ui.findChild(QLabel, name)
    return label.text() if label.isVisible() else ""


def test_wizard_from_empty_data_dir_to_logged_in_main_window(fa_app, workspace, qtbot, asked) -> None:
    # GIVEN an empty data directory
    assert workspace.local_office() is None
    wizard = SetupWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    # WHEN the clerk chooses Fars (IR-07), fills the secretariat and the admin, and creates the keys
    combo = wizard.office_page.province_combo
    combo.setCurrentIndex(combo.findData("IR-07"))
    _next(qtbot, wizard)
    sec = wizard.secretariat_page
    assert sec.name_edit.text() == "سازمان بازرگانی استان فارس"  # defaults from the province
    type_text(sec.phone_edit, "۰۷۱-۳۲۳۴۵۶۷۸")
    type_text(sec.head_edit, "علی رضایی")
    type_text(sec.secretary_edit, "مهدی جعفری")
    _next(qtbot, wizard)
    admin = wizard.admin_page
    qtbot.keyClicks(admin.username_edit, "admin")
    type_text(admin.full_name_edit, "مریم احمدی")
    qtbot.keyClicks(admin.password_edit, PASSWORD)
    qtbot.keyClicks(admin.again_edit, PASSWORD)
    _next(qtbot, wizard)
    keys = wizard.keys_page
    assert wizard.currentPage() is keys and not keys.isComplete()
    qtbot.mouseClick(keys.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.outcome is not None, timeout=20_000)
    # THEN the fingerprint is shown as read out by phone, and Finish logs the admin in
    with workspace.db.session() as s:
        fp = fingerprint_text(office_fingerprint(s))
    assert keys.fingerprint.text() == fp and keys.fingerprint.isVisible()
    assert keys.fingerprint.font().pointSize() >= 18
    qtbot.mouseClick(wizard.button(QWizard.WizardButton.FinishButton), Qt.MouseButton.LeftButton)
    assert wizard.result() == QDialog.DialogCode.Accepted
    actor = wizard.actor
    assert actor is not None and actor.username == "admin" and actor.office_id == "IR-07"
    win = MainWindow(AppContext(workspace, actor, "fa"))
    qtbot.addWidget(win)
    assert win.findChild(QLabel, "status_office").text() == "سازمان بازرگانی استان فارس"
    assert "مریم احمدی" in win.findChild(QLabel, "status_user").text()
    # AND the database holds the office, its admin, its keys and its working group
    with workspace.db.session() as s:
        office = s.scalar(select(Office).where(Office.is_local.is_(True)))
        details = details_of(s, office.id)
        assert office.id == "IR-07" and details.phone == "071-32345678"
        assert details.head_name == "علی رضایی" and details.secretary_name == "مهدی جعفری"
        user = s.scalar(select(User).where(User.username == "admin"))
        assert user.role == "admin" and user.full_name == "مریم احمدی"
        assert s.get(LocalKeys, "IR-07") is not None
        group = s.scalar(select(WorkingGroup).where(WorkingGroup.owner_office_id == "IR-07"))
        assert group is not None and "فارس" in group.name_fa
        assert authenticate(s, "admin", PASSWORD).user_id == user.id


def test_wizard_refuses_empty_province_and_short_password_beside_the_fields(
    fa_app, workspace, qtbot, asked
) -> None:
    wizard = SetupWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    office = wizard.office_page
    # WHEN Next is pressed with no province chosen THEN the wizard stays, with the reason beside the combo
    _next(qtbot, wizard)
    assert wizard.currentPage() is office
    assert "استان" in _error(office, "province_error")
    office.province_combo.setCurrentIndex(office.province_combo.findData("IR-07"))
    _next(qtbot, wizard)
    # WHEN the phone holds letters THEN the secretariat page refuses it
    sec = wizard.secretariat_page
    type_text(sec.phone_edit, "تلفن ندارد")
    _next(qtbot, wizard)
    assert wizard.currentPage() is sec and "رقم" in _error(sec, "phone_error")
    sec.phone_edit.clear()
    _next(qtbot, wizard)
    # WHEN the password is short, or the two differ, THEN the admin page says so and stays
    admin = wizard.admin_page
    qtbot.keyClicks(admin.username_edit, "admin")
    type_text(admin.full_name_edit, "مریم احمدی")
    qtbot.keyClicks(admin.password_edit, "short")
    qtbot.keyClicks(admin.again_edit, "short")
    _next(qtbot, wizard)
    assert wizard.currentPage() is admin
    assert "گذرواژه باید دست‌کم ۸ نویسه باشد" in _error(admin, "password_error")
    admin.password_edit.clear()
    qtbot.keyClicks(admin.password_edit, PASSWORD)
    _next(qtbot, wizard)
    assert wizard.currentPage() is admin and "یکسان نیستند" in _error(admin, "password_again_error")
    assert _error(admin, "password_error") == ""
    # AND nothing was created
    assert workspace.local_office() is None


def test_cancelling_after_typing_asks_first(fa_app, workspace, qtbot, asked) -> None:
    wizard = SetupWizard(workspace)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.office_page.province_combo.setCurrentIndex(1)
    _next(qtbot, wizard)
    type_text(wizard.secretariat_page.head_edit, "علی")
    asked.confirm_answer = False
    wizard.reject()
    assert wizard.isVisible() and asked.said("confirm")


def test_login_with_wrong_password_shows_persian_message(fa_app, workspace, province_admin, qtbot) -> None:
    dialog = LoginDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.keyClicks(dialog.username_edit, "admin")
    qtbot.keyClicks(dialog.password_edit, "wrong-password")
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    # THEN the dialog stays open with the reason in Persian, and nobody is logged in
    message = dialog.ui.findChild(QLabel, "form_error")
    assert dialog.isVisible() and dialog.actor is None
    assert message.isVisible() and message.text() == "نام کاربری یا گذرواژه نادرست است."
    # WHEN the right password is typed THEN the dialog accepts with the admin as actor
    qtbot.keyClicks(dialog.password_edit, PASSWORD)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.actor is not None and dialog.actor.username == "admin"


def test_login_names_empty_fields(fa_app, workspace, province_admin, qtbot) -> None:
    dialog = LoginDialog(workspace)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.ui.findChild(QLabel, "username_error").text() == "نام کاربری را وارد کنید."
    assert dialog.ui.findChild(QLabel, "password_error").text() == "گذرواژه را وارد کنید."


def test_admin_creates_a_secretary_and_an_evaluator_linked_to_a_member(ctx, qtbot, asked) -> None:
    from cluster_desktop.gui.users_dialog import UsersDialog
    from cluster_desktop.services.groups import MemberInput, add_member
    from cluster_desktop.store.models import KeyWrap

    with ctx.session() as s:
        member_id = add_member(s, ctx.actor, MemberInput("الهام رحیمی", "CHAMBER_COMMERCE")).id
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.findChild(type(win.menuBar().actions()[0]), "users_action").trigger()
    dialog = win.findChild(UsersDialog)
    assert dialog is not None

    def settled() -> None:  # each step runs off the GUI thread
        qtbot.waitUntil(lambda: dialog.operation is None, timeout=20_000)

    settled()
    assert dialog.table.rowCount() == 1
    # WHEN an evaluator is created without a member THEN the member field says why
    dialog.role.setCurrentIndex(dialog.role.findData("evaluator"))
    qtbot.keyClicks(dialog.username, "member1")
    type_text(dialog.full_name, "الهام رحیمی")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.again, PASSWORD)
    assert dialog.create()
    settled()
    assert "اعضای کارگروه" in dialog.ui.findChild(QLabel, "member_error").text()
    dialog.member.setCurrentIndex(dialog.member.findData(member_id))
    assert dialog.create()
    settled()
    assert dialog.ui.findChild(QLabel, "member_error").text() == ""
    # WHEN a secretary is created with a wrong admin password THEN it is refused beside that field
    dialog.role.setCurrentIndex(dialog.role.findData("secretary"))
    qtbot.keyClicks(dialog.username, "secretary")
    type_text(dialog.full_name, "مهدی جعفری")
    qtbot.keyClicks(dialog.password, PASSWORD)
    qtbot.keyClicks(dialog.again, PASSWORD)
    qtbot.keyClicks(dialog.admin_password, "wrong-password")
    dialog.create()
    settled()
    assert dialog.ui.findChild(QLabel, "admin_password_error").text() == "گذرواژه نادرست است."
    dialog.admin_password.clear()
    qtbot.keyClicks(dialog.admin_password, PASSWORD)
    dialog.create()
    settled()
    assert asked.said("info")[-1] == "کاربر «secretary» ساخته شد."
    with ctx.session() as s:
        evaluator = s.scalar(select(User).where(User.username == "member1"))
        secretary = s.scalar(select(User).where(User.username == "secretary"))
        assert evaluator.role == "evaluator" and evaluator.member_id == member_id
        assert s.get(KeyWrap, evaluator.id) is None and s.get(KeyWrap, secretary.id) is not None
        assert authenticate(s, "secretary", PASSWORD).role.value == "secretary"
    assert dialog.table.rowCount() == 3
