"""Start-up: Qt application, right-to-left Persian locale, Vazirmatn, translations, then the office.

Order matters: the database is checked, backed up and migrated before any window opens.
"""

from __future__ import annotations

import logging
import sys
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QLocale, Qt, QTranslator
from PySide6.QtGui import QFont, QFontDatabase, QIcon
from PySide6.QtWidgets import QApplication, QDialog

from cluster_desktop.domain.errors import DomainError, set_language
from cluster_desktop.paths import resource

from . import prompts

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
    program was started with a bundle file, the Bundles view checking it)."""
    from cluster_desktop.services.workspace import Workspace

    from . import crash
    from .context import AppContext
    from .login import LoginDialog
    from .mainwindow import MainWindow

    app = setup_application(lang)
    crash.install()
    try:
        ws = Workspace.open(data_dir, db_url)
    except DomainError as e:
        log.warning("the office in %s could not be opened: %s", data_dir, e.en)
        prompts.error(None, e)
        return 1
    except Exception as e:  # a broken disk or database: say so and where the log is, then stop
        crash.report(e, wait=True)
        return 1
    actor = None
    if ws.local_office() is None:
        from .setup_wizard import SetupWizard

        wizard = SetupWizard(ws)
        if wizard.exec() != QDialog.DialogCode.Accepted or wizard.actor is None:
            return 0
        actor = wizard.actor
    else:
        login = LoginDialog(ws)
        if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
            return 0
        actor = login.actor
    while True:
        win = MainWindow(AppContext(ws, actor, lang))
        win.show()
        log.info("signed in as %s (%s)", actor.username, actor.role.value)
        if open_bundle is not None:
            win.open_bundle(open_bundle)
            open_bundle = None
        code = app.exec()
        win.deleteLater()
        if not win.logging_out:
            break
        # "Log out / switch user": back to the login, the same office.
        log.info("%s logged out", actor.username)
        login = LoginDialog(ws)
        if login.exec() != QDialog.DialogCode.Accepted or login.actor is None:
            code = 0
            break
        actor = login.actor
    ws.close()
    log.info("window closed (exit code %d)", code)
    return code
