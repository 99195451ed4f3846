"""Start-up: Qt application, right-to-left Persian locale, Vazirmatn, translations, then the office.

Order matters: the database is checked, backed up and migrated before any window opens.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog

from cluster_desktop.domain.errors import DomainError, set_language
from cluster_desktop.paths import resource

from . import prompts

if TYPE_CHECKING:
    from cluster_desktop.services.actor import Actor
    from cluster_desktop.services.workspace import Workspace

_translators: list[QTranslator] = []
log = logging.getLogger(__name__)


def load_fonts() -> str:
    family = "Vazirmatn"
    for name in ("Vazirmatn-Regular.ttf", "Vazirmatn-Medium.ttf", "Vazirmatn-Bold.ttf"):
        font_id = QFontDatabase.addApplicationFont(str(resource("fonts", name)))
        if font_id >= 0:
            family = QFontDatabase.applicationFontFamilies(font_id)[0]
    return family


def install_translations(app: QApplication, lang: str) -> int:
    """Our per-source .qm files and Qt's own Persian strings (buttons of standard dialogs)."""
    for t in _translators:
        app.removeTranslator(t)
    _translators.clear()
    if lang != "fa":
        return 0
    files = sorted(resource("translations", "fa").glob("*.qm"))
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for base in ("qtbase_fa", "qt_fa"):
        t = QTranslator()
        if t.load(base, qt_dir):
            app.installTranslator(t)
            _translators.append(t)
            break
    for qm in files:
        t = QTranslator()
        if t.load(str(qm)):
            app.installTranslator(t)
            _translators.append(t)
    return len(files)


def setup_application(lang: str = "fa", app: QApplication | None = None) -> QApplication:
    """Create (or configure the existing) QApplication for ``lang``; right to left for Persian."""
    set_language(lang)
    app = app or QApplication.instance() or QApplication(sys.argv[:1])  # type: ignore[assignment]
    assert isinstance(app, QApplication)
    app.setApplicationName("Cluster Desktop")
    app.setOrganizationName("TPO")
    family = load_fonts()
    font = QFont(family, 10)
    # With kerning on, QLabel's word wrap measures Persian lines narrower than it draws them and the
    # last word of a wrapped line is clipped at the left edge; Arabic-script shaping is unaffected.
    font.setKerning(False)
    app.setFont(font)
    icon = resource("icons", "cluster-desktop.png")
    if icon.exists():
        app.setWindowIcon(QIcon(str(icon)))
    if lang == "fa":
        QLocale.setDefault(QLocale(QLocale.Language.Persian, QLocale.Country.Iran))
        app.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
        app.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
    install_translations(app, lang)
    return app


def run(data_dir: Path, lang: str, *, db_url: str | None = None, open_bundle: Path | None = None) -> int:
    """Open the office in ``data_dir``: first-run wizard or login, then the main window (and, when the
    program was started with a bundle file, the Bundles view checking it). After a restore from a backup
    the office is opened afresh, at the login; when the window closes for good, the daily backup."""
    from cluster_desktop.services.workspace import Workspace

    from . import crash
    from .backup_actions import exit_backup

    app = setup_application(lang)
    crash.install()
    while True:
        try:
            ws = Workspace.open(data_dir, db_url)
        except DomainError as e:
            log.warning("the office in %s could not be opened: %s", data_dir, e.en)
            prompts.error(None, e)
            return 1
        except Exception as e:  # a broken disk or database: say so and where the log is, then stop
            crash.report(e, wait=True)
            return 1
        actor = _sign_in(ws)
        if actor == REOPEN:  # restored from a backup in the setup wizard: open that office afresh
            ws.close()
            continue
        if actor is None:
            ws.close()
            return 0
        assert not isinstance(actor, str)
        code, restart = _windows(app, ws, actor, lang, open_bundle)
        open_bundle = None
        if not restart:
            break
        log.info("reopening the office after a restore")
        ws.close()
    try:
        exit_backup(ws)
    finally:
        ws.close()
    log.info("window closed (exit code %d)", code)
    return code


REOPEN = "reopen"


def _windows(
    app: QApplication, ws: Workspace, actor: Actor, lang: str, open_bundle: Path | None
) -> tuple[int, bool]:
    """The main window for ``actor``, again for whoever signs in after "Log out / switch user"; returns
    the exit code and whether a restore asks to open the office afresh."""
    from .context import AppContext
    from .login import LoginDialog
    from .mainwindow import MainWindow

    while True:
        win = MainWindow(AppContext(ws, actor, lang))
        win.show()
        log.info("signed in as %s (%s)", actor.username, actor.role.value)
        if open_bundle is not None:
            win.open_bundle(open_bundle)
            open_bundle = None
        code = app.exec()
        win.deleteLater()
        if win.restart_requested:
            return code, True
        if not win.logging_out:
            return code, False
        log.info("%s logged out", actor.username)
        login = LoginDialog(ws)
        if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
            return 0, False
        actor = login.actor


def _sign_in(ws: Workspace) -> Actor | str | None:
    """The setup wizard for a new office, else the login; the actor, None when the user gave up, or
    ``REOPEN`` when the wizard restored the office from a backup instead."""
    if ws.local_office() is None:
        from .setup_wizard import SetupWizard

        wizard = SetupWizard(ws)
        if wizard.exec() != QDialog.DialogCode.Accepted:
            return None
        return REOPEN if wizard.restored else wizard.actor
    from .login import LoginDialog

    login = LoginDialog(ws)
    if login.exec() != QDialog.DialogCode.Accepted:
        return None
    return login.actor
