"""First run: the office's kind and province, its secretariat, the first administrator, keys and sample data.

Each page checks its own input with the services' rules (messages beside the fields) and will not let
the wizard advance past bad input. The office, its keys and the administrator are created in one step
off the GUI thread; the key fingerprint is then shown large, for reading out by telephone.
"""

from __future__ import annotations

from PySide6.QtGui import QCloseEvent, QFont, QFontDatabase
from PySide6.QtWidgets import (
    QAbstractButton,
    QCheckBox,
    QComboBox,
    QDialog,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QWidget,
    QWizard,
    QWizardPage,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services import first_run
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.office import OfficeSetup
from cluster_desktop.services.reference import provinces
from cluster_desktop.services.users import password_policy_text
from cluster_desktop.services.workspace import Workspace

from . import prompts
from .operation import Operation
from .uiloader import find, load_ui
from .widgets import FieldErrors, fa_int, set_wrapped_text


class _Page(QWizardPage):
    """A wizard page whose body is a .ui form; bad input is shown beside its fields."""

    def __init__(self, wizard: SetupWizard, ui_name: str) -> None:
        super().__init__(wizard)
        self.setup = wizard
        self.ui = load_ui(ui_name, self)
        self.ui.layout().setContentsMargins(12, 8, 12, 8)
        self.errors = FieldErrors(self.ui)

    def check(self, fn, *args) -> bool:  # type: ignore[no-untyped-def]
        """Run a service check; show its refusal beside the fields and say whether the page is good."""
        try:
            fn(*args)
        except DomainError as e:
            self.errors.show(e)
            return False
        self.errors.clear()
        return True


class OfficePage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, "setup_wizard_office.ui")
        self.setTitle(self.tr("Which office is this?"))
        self.province_radio = find(self.ui, QRadioButton, "kind_province_radio")
        self.central_radio = find(self.ui, QRadioButton, "kind_central_radio")
        self.province_combo = find(self.ui, QComboBox, "province_combo")
        self.province_combo.addItem(self.tr("— choose the province —"), None)
        with wizard.ws.db.session() as s:
            for p in provinces(s):
                self.province_combo.addItem(p.name_fa if wizard.lang == "fa" else p.name_en, p.code)
        self.central_radio.toggled.connect(self._kind_changed)

    def _kind_changed(self) -> None:
        self.province_combo.setEnabled(not self.central_radio.isChecked())
        self.errors.clear()

    def kind(self) -> OfficeKind:
        return OfficeKind.CENTRAL if self.central_radio.isChecked() else OfficeKind.PROVINCE

    def province_code(self) -> str | None:
        return None if self.kind() is OfficeKind.CENTRAL else self.province_combo.currentData()

    def select_province(self, code: str) -> None:
        self.province_combo.setCurrentIndex(max(self.province_combo.findData(code), 0))

    def validatePage(self) -> bool:
        with self.setup.ws.db.session() as s:
            return self.check(first_run.check_office, s, self.kind(), self.province_code())


class SecretariatPage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, "setup_wizard_secretariat.ui")
        self.setTitle(self.tr("The secretariat"))
        self.name_edit = find(self.ui, QLineEdit, "office_name_edit")
        self.address_edit = find(self.ui, QPlainTextEdit, "address_edit")
        self.phone_edit = find(self.ui, QLineEdit, "phone_edit")
        self.email_edit = find(self.ui, QLineEdit, "email_edit")
        self.head_edit = find(self.ui, QLineEdit, "head_name_edit")
        self.secretary_edit = find(self.ui, QLineEdit, "secretary_name_edit")
        self._default_name = ""

    def initializePage(self) -> None:
        """Offer the office's reference name for the chosen province, unless the user typed one."""
        page = self.setup.office_page
        with self.setup.ws.db.session() as s:
            name = first_run.default_office_name(s, page.kind(), page.province_code())
        if not self.name_edit.text().strip() or self.name_edit.text() == self._default_name:
            self.name_edit.setText(name)
        self._default_name = name

    def data(self) -> first_run.Secretariat:
        return first_run.Secretariat(
            office_name=self.name_edit.text(),
            address=self.address_edit.toPlainText(),
            phone=self.phone_edit.text(),
            email=self.email_edit.text(),
            head_name=self.head_edit.text(),
            secretary_name=self.secretary_edit.text(),
        )

    def validatePage(self) -> bool:
        return self.check(first_run.check_secretariat, self.data())


class AdminPage(_Page):
    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, "setup_wizard_admin.ui")
        self.setTitle(self.tr("The first administrator"))
        self.username_edit = find(self.ui, QLineEdit, "username_edit")
        self.full_name_edit = find(self.ui, QLineEdit, "full_name_edit")
        self.password_edit = find(self.ui, QLineEdit, "password_edit")
        self.again_edit = find(self.ui, QLineEdit, "password_again_edit")
        set_wrapped_text(
            find(self.ui, QLabel, "hint_label"),
            self.tr("The username uses Latin letters (e.g. admin).")
            + "\n"
            + password_policy_text()[0 if wizard.lang == "fa" else 1],
        )

    def validatePage(self) -> bool:
        return self.check(
            first_run.check_admin,
            self.username_edit.text(),
            self.full_name_edit.text(),
            self.password_edit.text(),
            self.again_edit.text(),
        )


class KeysPage(_Page):
    """Creates the office (keys, admin, working group, sample data) and shows the fingerprint."""

    def __init__(self, wizard: SetupWizard) -> None:
        super().__init__(wizard, "setup_wizard_keys.ui")
        self.setTitle(self.tr("Keys and fingerprint"))
        self.setFinalPage(True)
        self.summary = find(self.ui, QLabel, "summary_label")
        self.demo_check = find(self.ui, QCheckBox, "demo_check")
        self.create_button = find(self.ui, QPushButton, "create_button")
        self.status = find(self.ui, QLabel, "status_label")
        self.fingerprint = find(self.ui, QLabel, "fingerprint_label")
        self.fingerprint.setFont(_fingerprint_font())
        for name in ("fingerprint_title_label", "fingerprint_hint_label"):
            find(self.ui, QLabel, name).hide()
        self.fingerprint.hide()
        self.create_button.clicked.connect(self.create)
        self.operation: Operation | None = None

    def initializePage(self) -> None:
        w = self.setup
        self.summary.setText(
            self.tr(
                "Ready to create the office «%1» with the administrator «%2». Signing and encryption keys "
                "are made now and kept encrypted under the administrator's password."
            )
            .replace("%1", w.secretariat_page.name_edit.text().strip())
            .replace("%2", w.admin_page.username_edit.text().strip())
        )

    def isComplete(self) -> bool:
        return self.setup.outcome is not None

    def create(self) -> None:
        """Set the office up off the GUI thread; the page completes when the fingerprint is shown."""
        if self.setup.outcome is not None or self.operation is not None:
            return
        spec = self.setup.spec()
        demo = self.demo_check.isChecked()
        labels = [self.tr("Making the office keys…"), self.tr("Filling in sample data…"), ""]
        self.errors.clear()
        self.create_button.setEnabled(False)
        self.demo_check.setEnabled(False)
        self.status.setText(labels[0])
        ws = self.setup.ws

        def work(progress):  # type: ignore[no-untyped-def]
            return first_run.create_office(
                ws, spec, demo=demo, progress=lambda d, t, _x="": progress(d, t, labels[min(d, 2)])
            )

        self.operation = (
            Operation(self, labels[0], work).on_success(self.created).on_failure(self.failed).start()
        )

    def created(self, result: first_run.SetupResult) -> None:
        self.operation = None
        self.show_result(result)

    def show_result(self, result: first_run.SetupResult) -> None:
        self.setup.outcome = result
        self.setup.actor = result.actor
        self.fingerprint.setText(result.fingerprint)
        for name in ("fingerprint_title_label", "fingerprint_hint_label"):
            find(self.ui, QLabel, name).show()
        self.fingerprint.show()
        done = self.tr("The office is ready.")
        if result.demo_dossiers:
            n = fa_int(result.demo_dossiers) if self.setup.lang == "fa" else str(result.demo_dossiers)
            done += " " + self.tr("%1 sample dossiers were made.").replace("%1", n)
        self.status.setText(done)
        self.create_button.hide()
        self.demo_check.setEnabled(False)
        self.setup.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setup.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.completeChanged.emit()

    def failed(self, exc: BaseException) -> None:
        self.operation = None
        self.create_button.setEnabled(True)
        self.demo_check.setEnabled(True)
        self.status.clear()
        if isinstance(exc, DomainError):
            self.errors.show(exc)
        else:
            prompts.error(self, exc)


def _fingerprint_font() -> QFont:
    font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
    font.setStyleHint(QFont.StyleHint.Monospace)
    font.setPointSize(20)
    font.setBold(True)
    return font


class SetupWizard(QWizard):
    """The first-run wizard; after it is accepted, ``actor`` is the new administrator (logged in)."""

    def __init__(self, ws: Workspace, parent: QWidget | None = None, lang: str = "fa") -> None:
        super().__init__(parent)
        self.ws = ws
        self.lang = lang
        self.actor: Actor | None = None
        self.outcome: first_run.SetupResult | None = None
        self.setObjectName("setup_wizard")
        self.setWindowTitle(self.tr("Setting up Cluster Desktop"))
        self.setWizardStyle(QWizard.WizardStyle.ModernStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage, True)
        self.setMinimumSize(760, 560)
        self.office_page = OfficePage(self)
        self.secretariat_page = SecretariatPage(self)
        self.admin_page = AdminPage(self)
        self.keys_page = KeysPage(self)
        for page in (self.office_page, self.secretariat_page, self.admin_page, self.keys_page):
            self.addPage(page)
        # A new PC after a disk failure: the office comes back from its backup instead of being set up.
        self.restored = False
        self.restore_button = self._restore_button()

    def _restore_button(self) -> QAbstractButton:
        from .backup_actions import BackupActions

        self.backups = BackupActions(self, self.ws, None, self.lang, on_restored=lambda _r: self._restored())
        self.setOption(QWizard.WizardOption.HaveCustomButton1, True)
        self.setButtonText(QWizard.WizardButton.CustomButton1, self.tr("Restore from a backup…"))
        b = QWizard.WizardButton
        self.setButtonLayout(  # apart from Next and Cancel, at the reading side's start
            [
                b.CustomButton1,
                b.Stretch,
                b.BackButton,
                b.NextButton,
                b.CommitButton,
                b.FinishButton,
                b.CancelButton,
            ]
        )
        button = self.button(QWizard.WizardButton.CustomButton1)
        button.setObjectName("restore_backup_button")
        button.setToolTip(
            self.tr("This office was backed up before: bring it back here from its backup file.")
        )
        self.customButtonClicked.connect(lambda _which: self.backups.restore())
        self.currentIdChanged.connect(lambda _id: button.setVisible(self.currentPage() is self.office_page))
        return button

    def _restored(self) -> None:
        self.restored = True
        QDialog.done(
            self, QDialog.DialogCode.Accepted
        )  # not accept(): no page of the wizard is to be checked

    def spec(self) -> OfficeSetup:
        s = first_run.check_secretariat(self.secretariat_page.data())  # cleaned: Latin digits stored
        a = self.admin_page
        return OfficeSetup(
            kind=self.office_page.kind(),
            province_code=self.office_page.province_code(),
            admin_username=a.username_edit.text().strip(),
            admin_password=a.password_edit.text(),
            admin_full_name=a.full_name_edit.text(),
            office_name=s.office_name,
            address=s.address,
            phone=s.phone,
            email=s.email,
            head_name=s.head_name,
            secretary_name=s.secretary_name,
        )

    def _typed_anything(self) -> bool:
        edits = [w for p in (self.secretariat_page, self.admin_page) for w in p.findChildren(QLineEdit)]
        return any(e.text().strip() for e in edits if e is not self.secretariat_page.name_edit)

    def reject(self) -> None:
        if self.outcome is not None:  # the office exists: closing means going on, logged in
            self.accept()
            return
        if self.keys_page.operation is not None:
            return  # setting up: wait for it to finish
        if self._typed_anything() and not prompts.confirm(
            self, self.tr("Cancel setup"), self.tr("Stop setting up the office? What you typed is lost.")
        ):
            return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        event.ignore()
        self.reject()
        if not self.isVisible():
            event.accept()


def screenshot(ctx):  # type: ignore[no-untyped-def]
    """The wizard's last page, showing this office's real fingerprint."""
    from cluster_desktop.services.office import office_fingerprint
    from cluster_desktop.store.models import Office
    from cluster_desktop.sync.keys import fingerprint_text

    w = SetupWizard(ctx.ws, lang=ctx.lang)
    w.restart()
    with ctx.session() as s:
        office = s.get(Office, ctx.actor.office_id)
        fp = fingerprint_text(office_fingerprint(s))
        name = office.name_fa if office else ""
    if ctx.actor.province_code:
        w.office_page.select_province(ctx.actor.province_code)
    else:
        w.office_page.central_radio.setChecked(True)
    w.next()
    w.secretariat_page.name_edit.setText(name)
    w.next()
    w.admin_page.username_edit.setText(ctx.actor.username)
    w.admin_page.full_name_edit.setText(ctx.actor.full_name)
    w.admin_page.password_edit.setText("sample-pass-1")
    w.admin_page.again_edit.setText("sample-pass-1")
    w.next()
    w.keys_page.show_result(first_run.SetupResult(ctx.actor, fp))
    w.setFixedSize(820, 620)  # a dialog's size, whatever the screenshot asks
    return w
