"""The main window: navigation by the seed's phases and steps, views in tabs, menu, toolbar, status bar."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDockWidget,
    QLabel,
    QLineEdit,
    QMainWindow,
    QStackedWidget,
    QTabWidget,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.jalali import format_jalali_weekday, today
from cluster_desktop.domain.roles import ROLE_TITLES
from cluster_desktop.services import reference, session_lock
from cluster_desktop.store.models import Office

from . import prompts, settings
from .audit_banner import AuditBanner
from .context import AppContext
from .license_verify import LicenseVerifyDialog
from .session_lock import SessionLock
from .views import GROUPS, ViewSpec, views_for

KEY_ROLE = Qt.ItemDataRole.UserRole
STEP_ROLE = Qt.ItemDataRole.UserRole + 1


# Forms are loaded without margins; in a tab their titles and tables would touch the window's edge.
VIEW_MARGINS = (8, 8, 8, 4)

# What Ctrl+P prints on a page, by the name its view gives the action (first one the page has).
PRINT_METHODS = (
    "print_current",
    "print_ranking",
    "print_selected",
    "print_revision",
    "print_matrix",
    "print_sheet",
)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Cluster Desktop"))
        self.resize(1280, 800)
        self.available = views_for(ctx.actor.office_kind.value, ctx.actor.role.value)
        self.view_classes: dict[str, type[Any]] = {s.key: cls for s, cls in self.available}
        self.specs: dict[str, ViewSpec] = {s.key: s for s, _ in self.available}
        self.views: dict[str, QWidget] = {}

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        # Page 0 the content, page 1 the lock screen while the idle lock is on (gui/session_lock.py).
        self.stack = QStackedWidget(self)
        self.stack.addWidget(self.tabs)
        # Above the pages: the red warning, shown when the audit chain checked at start does not hold.
        self.audit_banner = AuditBanner(ctx, self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.audit_banner)
        column.addWidget(self.stack, 1)
        self.setCentralWidget(central)
        self.logging_out = False  # closed to log in as someone else (gui/application.run)
        self._discard_on_close = False

        self.nav = QTreeWidget(self)
        self.nav.setObjectName("navigation")
        self.nav.setHeaderHidden(True)
        self.nav.itemActivated.connect(self._nav_activated)
        self.nav.itemClicked.connect(self._nav_activated)
        dock = QDockWidget(self.tr("Programme"), self)
        dock.setObjectName("navigation_dock")
        dock.setFeatures(QDockWidget.DockWidgetFeature.NoDockWidgetFeatures)
        dock.setWidget(self.nav)
        self.nav.setMinimumWidth(280)  # long step titles are elided; each has its full title as tooltip
        # Dock areas are not mirrored: the reading side is asked for by name.
        rtl = QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
        area = Qt.DockWidgetArea.RightDockWidgetArea if rtl else Qt.DockWidgetArea.LeftDockWidgetArea
        self.addDockWidget(area, dock)
        self._build_navigation()
        self._build_actions()
        self._build_status()
        settings.restore_window(self)
        with ctx.session() as s:
            idle_minutes = session_lock.idle_lock_minutes(s)
        self.session_lock = SessionLock(self, self.stack, ctx, idle_minutes)
        self.session_lock.log_out.connect(self.log_out)

        ctx.open_dossier.connect(self.open_dossier)
        ctx.navigate.connect(self.show_view)
        ctx.changed.connect(self._data_changed)
        first = "central-dashboard" if ctx.is_central else "dashboard"
        self.show_view(first if first in self.view_classes else next(iter(self.view_classes), ""))
        self.audit_banner.check()  # off the GUI thread: a long chain takes a second or two

    # ----------------------------------------------------------------- navigation
    def _build_navigation(self) -> None:
        groups: dict[str, QTreeWidgetItem] = {}
        for key, title in GROUPS:
            item = QTreeWidgetItem([self.tr_views(title)])
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsSelectable)
            groups[key] = item
        for spec, _cls in self.available:
            if spec.group in ("home", "registries"):
                child = QTreeWidgetItem([spec.tr_title()])
                child.setData(0, KEY_ROLE, spec.key)
                child.setToolTip(0, "، ".join(spec.processes))
                groups[spec.group].addChild(child)
        with self.ctx.session() as s:
            phases = reference.phases_with_steps(s)
        for (_phase, steps), group_key in zip(phases, ("phase1", "phase2", "phase3"), strict=False):
            group = groups[group_key]
            for step in steps:
                title = (
                    f"{QLocale().toString(step.order)}. {step.title_fa}"
                    if self.ctx.lang == "fa"
                    else f"{step.order}. {step.title_fa}"
                )
                child = QTreeWidgetItem([title])
                child.setToolTip(
                    0, step.title_fa + ("\n" + "، ".join(step.processes) if step.processes else "")
                )
                child.setData(0, KEY_ROLE, self._view_for_processes(step.processes))
                child.setData(0, STEP_ROLE, step.code)
                group.addChild(child)
        for key, _title in GROUPS:
            if groups[key].childCount():
                self.nav.addTopLevelItem(groups[key])
                groups[key].setExpanded(key in ("home", "phase1", "registries"))

    def tr_views(self, text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("views", text)

    def _view_for_processes(self, processes: list[str]) -> str:
        """The working view that serves these F-codes here, else the step's reference page."""
        for spec, _cls in self.available:
            if spec.group == "phase1" and set(spec.processes) & set(processes):
                return spec.key
        for spec, _cls in self.available:
            if set(spec.processes) & set(processes):
                return spec.key
        return "process-steps"

    def _nav_activated(self, item: QTreeWidgetItem, _col: int = 0) -> None:
        key = item.data(0, KEY_ROLE)
        if key:
            self.show_view(key, step=item.data(0, STEP_ROLE))

    def show_view(self, key: str, step: str | None = None) -> QWidget | None:
        cls = self.view_classes.get(key)
        if cls is None:
            return None
        view = self.views.get(key)
        if view is None:
            view = cls(self.ctx, self)
            view.setObjectName(f"view_{key.replace('-', '_')}")
            self.views[key] = view
            settings.restore_layout(view, key)
        title = self.specs[key].tr_title()
        index = self.tabs.indexOf(view)
        if index < 0:
            view.setContentsMargins(*VIEW_MARGINS)
            index = self.tabs.addTab(view, title)
        self.tabs.setCurrentIndex(index)
        if step and hasattr(view, "focus_step"):
            view.focus_step(step)
        elif hasattr(view, "refresh"):
            view.refresh()
        return view

    def open_dossier(self, dossier_id: str) -> QWidget | None:
        """Open (or bring forward) a dossier's page in its own tab."""
        for i in range(self.tabs.count()):
            w = self.tabs.widget(i)
            if getattr(w, "dossier_id", None) == dossier_id:
                self.tabs.setCurrentIndex(i)
                return w
        try:
            from .dossier_page import DossierPage
        except ModuleNotFoundError:
            return None
        page = DossierPage(self.ctx, dossier_id, self)
        page.setContentsMargins(*VIEW_MARGINS)
        self.tabs.setCurrentIndex(self.tabs.addTab(page, page.windowTitle()))
        page.windowTitleChanged.connect(lambda t, p=page: self.tabs.setTabText(self.tabs.indexOf(p), t))
        return page

    def close_tab(self, index: int) -> bool:
        w = self.tabs.widget(index)
        if hasattr(w, "may_close") and not w.may_close():
            return False
        self.tabs.removeTab(index)
        for key, view in list(self.views.items()):
            if view is w:
                settings.save_layout(view, key)
                del self.views[key]
        w.deleteLater()
        return True

    def _data_changed(self, what: str) -> None:
        current = self.tabs.currentWidget()
        if hasattr(current, "refresh") and getattr(current, "dossier_id", None) is None:
            current.refresh()

    # ----------------------------------------------------------------- menus and status bar
    def _build_actions(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
        self.view_menu = bar.addMenu(self.tr("&View"))
        help_menu = bar.addMenu(self.tr("&Help"))
        toolbar = QToolBar(self.tr("Main toolbar"), self)
        toolbar.setObjectName("main_toolbar")
        toolbar.setMovable(False)
        self.addToolBar(toolbar)

        for spec, _cls in self.available:
            act = QAction(spec.tr_title(), self)
            act.triggered.connect(lambda _c=False, k=spec.key: self.show_view(k))
            self.view_menu.addAction(act)
            if spec.key in ("dashboard", "central-dashboard", "clusters", "national-list", "sync"):
                toolbar.addAction(act)
        refresh = QAction(self.tr("Refresh"), self)
        refresh.setShortcut(QKeySequence.StandardKey.Refresh)
        refresh.triggered.connect(lambda: self._data_changed("refresh"))
        self.view_menu.addSeparator()
        self.view_menu.addAction(refresh)
        toolbar.addAction(refresh)

        # --- Users (issue 3, users management): the administrator's dialog, in the File menu.
        if self.ctx.actor.role.value == "admin":
            users_action = QAction(self.tr("&Users…"), self)
            users_action.setObjectName("users_action")
            users_action.triggered.connect(self._open_users)
            file_menu.addAction(users_action)
            file_menu.addSeparator()
        # --- end of Users

        # --- The secretariat (F1/F2) and, at the centre, the provinces' TPO liaisons (F2-1).
        details_action = QAction(self.tr("Secretariat &details…"), self)
        details_action.setObjectName("office_details_action")
        details_action.triggered.connect(self.office_details)
        file_menu.addAction(details_action)
        if self.ctx.is_central:
            liaisons_action = QAction(self.tr("TPO &liaisons of the provinces…"), self)
            liaisons_action.setObjectName("liaisons_action")
            liaisons_action.triggered.connect(self.liaisons)
            file_menu.addAction(liaisons_action)
        file_menu.addSeparator()
        # Backup and restore of the whole office (issue 17): the administrator's; the services check too.
        from .backup_actions import BackupActions

        ctx = self.ctx
        self.backups = BackupActions(self, ctx.ws, ctx.actor, ctx.lang, on_restored=lambda _r: self.restart())
        is_admin = self.ctx.actor.role.value == "admin"
        for text, slot, name in (
            (self.tr("&Backup…"), self.backups.backup, "backup_action"),
            (self.tr("&Restore from a backup…"), self.backups.restore, "restore_action"),
        ):
            act = QAction(text, self)
            act.setObjectName(name)
            act.setEnabled(is_admin)
            if not is_admin:
                act.setToolTip(self.tr("Only the administrator backs the office up and restores it."))
            act.triggered.connect(slot)
            file_menu.addAction(act)
        file_menu.addSeparator()
        self.restart_requested = False

        password_action = QAction(self.tr("Change my &password…"), self)
        password_action.setObjectName("change_password_action")
        password_action.triggered.connect(self.change_password)
        file_menu.addAction(password_action)
        lock = self._action(
            self.tr("&Lock the screen"), "Ctrl+L", lambda: self.session_lock.lock(), "lock_action"
        )
        file_menu.addAction(lock)
        switch = QAction(self.tr("Log &out / switch user…"), self)
        switch.setObjectName("log_out_action")
        switch.triggered.connect(lambda: self.log_out(False))
        file_menu.addAction(switch)

        verify_action = QAction(self.tr("&Verify a license…"), self)
        verify_action.setObjectName("verify_license_action")
        verify_action.setToolTip(
            self.tr("Check a printed license offline: paste its QR code text or open its PDF.")
        )
        verify_action.triggered.connect(self.verify_license)
        file_menu.addAction(verify_action)
        file_menu.addSeparator()
        self.verify_dialog: LicenseVerifyDialog | None = None

        # Shortcuts offices expect, shown in the menus; each acts on the page in front.
        self.save_action = self._action(self.tr("&Save"), "Ctrl+S", self.save_current, "save_action")
        self.print_action = self._action(self.tr("&Print…"), "Ctrl+P", self.print_current, "print_action")
        self.close_tab_action = self._action(
            self.tr("&Close page"), "Ctrl+W", self.close_current_tab, "close_tab_action"
        )
        for act in (self.save_action, self.print_action, self.close_tab_action):
            file_menu.addAction(act)
        file_menu.addSeparator()
        quit_action = self._action(self.tr("E&xit"), "Ctrl+Q", self.close, "quit_action")
        file_menu.addAction(quit_action)
        self.file_menu = file_menu

        edit_menu = bar.addMenu(self.tr("&Edit"))
        bar.insertMenu(self.view_menu.menuAction(), edit_menu)
        self.find_action = self._action(self.tr("&Find"), "Ctrl+F", self.focus_search, "find_action")
        edit_menu.addAction(self.find_action)

        self.help_action = self._action(self.tr("&Help for this page"), "F1", self.show_help, "help_action")
        help_menu.addAction(self.help_action)
        help_menu.addSeparator()
        about = QAction(self.tr("About Cluster Desktop"), self)
        about.setObjectName("about_action")
        about.triggered.connect(self._about)
        help_menu.addAction(about)
        self.shortcut_actions = [
            self.save_action,
            self.print_action,
            self.close_tab_action,
            self.find_action,
            refresh,
            self.help_action,
            quit_action,
        ]

    def _action(self, text: str, keys: str, slot: Any, name: str) -> QAction:
        act = QAction(text, self)
        act.setObjectName(name)
        act.setShortcut(QKeySequence(keys))
        # Also while a dialog-less page has focus in a table or editor of a tab.
        act.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        act.triggered.connect(slot)
        self.addAction(act)
        return act

    def _say(self, text: str) -> None:
        self.statusBar().showMessage(text, 4000)

    def current_page(self) -> QWidget | None:
        return self.tabs.currentWidget()

    def _acting_on(self, method: str) -> QWidget | None:
        """The page in front, or the sub-page in front of it (a dossier's profile or plan tab) when
        only that one has ``method``."""
        page = self.current_page()
        if page is not None and callable(getattr(page, method, None)):
            return page
        inner = getattr(page, "tabs", None)
        if isinstance(inner, QTabWidget) and callable(getattr(inner.currentWidget(), method, None)):
            return inner.currentWidget()
        return page

    def save_current(self) -> bool:
        page = self._acting_on("save")
        save = getattr(page, "save", None)
        if not callable(save):
            self._say(self.tr("Nothing to save on this page."))
            return False
        result = save()
        return bool(result) if result is not None else True

    def print_current(self) -> bool:
        page = self.current_page()
        for name in PRINT_METHODS:
            fn = getattr(self._acting_on(name), name, None)
            if callable(fn):
                fn()
                return True
        # A page with a print button of its own (a dossier's documents) prints through it.
        for button in page.findChildren(QAbstractButton) if page is not None else []:
            if "print" in button.objectName() and button.isVisible() and button.isEnabled():
                button.click()
                return True
        self._say(self.tr("Nothing to print on this page."))
        return False

    def close_current_tab(self) -> bool:
        index = self.tabs.currentIndex()
        return index >= 0 and self.close_tab(index)

    def focus_search(self) -> bool:
        page = self.current_page()
        edits = [e for e in (page.findChildren(QLineEdit) if page else []) if "search" in e.objectName()]
        visible = [e for e in edits if e.isVisible()] or edits
        if not visible:
            self._say(self.tr("This page has no search field."))
            return False
        visible[0].setFocus(Qt.FocusReason.ShortcutFocusReason)
        visible[0].selectAll()
        return True

    def show_help(self) -> None:
        from .help_dialog import show_help

        page = self.current_page()
        key = next((k for k, v in self.views.items() if v is page), None)
        spec = self.specs.get(key) if key else None
        title = self.tabs.tabText(self.tabs.currentIndex()) if page is not None else self.windowTitle()
        processes = spec.processes if spec else ()
        shortcuts = [(a.text(), a.shortcut()) for a in self.shortcut_actions]
        show_help(self.ctx, self, title, processes, shortcuts)

    def open_bundle(self, path: Any) -> QWidget | None:
        """A bundle handed to the program (double-click, ``cluster-desktop FILE.bundle``): the Bundles
        view checks it at once, changing nothing until the user applies it."""
        view = self.show_view("sync")
        if view is None:
            self._say(self.tr("This user cannot receive bundles."))
            return None
        if hasattr(view, "offer"):
            view.offer(path)
        return view

    def verify_license(self) -> LicenseVerifyDialog:
        """The offline license check (not modal: the clerk may compare it with the open dossier)."""
        if self.verify_dialog is None:
            self.verify_dialog = LicenseVerifyDialog(self.ctx, self)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        return self.verify_dialog

    def change_password(self) -> QWidget:
        from .password_change import ChangePasswordDialog

        dialog = ChangePasswordDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.password_dialog = dialog
        dialog.open()
        return dialog

    def office_details(self) -> QWidget:
        from .office_details_dialog import OfficeDetailsDialog

        dialog = OfficeDetailsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.details_dialog = dialog
        dialog.open()
        return dialog

    def liaisons(self) -> QWidget:
        from .liaisons_dialog import LiaisonsDialog

        dialog = LiaisonsDialog(self.ctx, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.liaisons_dialog = dialog
        dialog.open()
        return dialog

    def _open_users(self) -> None:  # Users (issue 3): see the File menu above
        from .users_dialog import open_users

        open_users(self.ctx, self)

    def _about(self) -> None:
        from .about_dialog import show_about

        show_about(self.ctx, self)

    def _build_status(self) -> None:
        a = self.ctx.actor
        role = ROLE_TITLES[a.role][0 if self.ctx.lang == "fa" else 1]
        with self.ctx.session() as s:
            office = s.get(Office, a.office_id)
            office_name = office.name_fa if office else a.office_id
        self.user_label = QLabel(f"{a.full_name} — {role}")
        self.user_label.setObjectName("status_user")
        self.office_label = QLabel(office_name)
        self.office_label.setObjectName("status_office")
        self.date_label = QLabel()
        self.date_label.setObjectName("status_date")
        ws = self.ctx.ws
        url = ws.db.engine.url
        where = "SQLite" if ws.backend == "sqlite" else f"PostgreSQL {url.host or ''}/{url.database or ''}"
        self.database_label = QLabel("\u2066" + where + "\u2069")
        self.database_label.setObjectName("status_database")
        self.database_label.setToolTip(self.tr("Database: %1").replace("%1", ws.database_label()))
        for w in (self.user_label, self.office_label, self.database_label, self.date_label):
            w.setTextFormat(Qt.TextFormat.PlainText)  # names as typed, never markup
            # A thin rule between the three facts; the status bar draws none of its own here.
            w.setStyleSheet("padding: 0 8px; border-left: 1px solid #c8c8c8;")
            self.statusBar().addPermanentWidget(w)
        self._tick()
        timer = QTimer(self)
        timer.timeout.connect(self._tick)
        timer.start(60_000)

    def _tick(self) -> None:
        # Persian: the program's one Jalali calendar (domain/jalali), the same day paper names.
        if self.ctx.lang == "fa":
            self.date_label.setText(format_jalali_weekday(today()))
        else:
            self.date_label.setText(QLocale().toString(_qdate(today()), QLocale.FormatType.LongFormat))

    def restart(self) -> None:
        """After a restore: close on the spot (what was open is of the replaced data) so the program opens
        the restored office afresh at the login screen."""
        self.restart_requested = True
        self.close()

    def log_out(self, from_lock_screen: bool = False) -> bool:
        """Close this window and go back to the login. From the lock screen (someone else may be at the
        keyboard) unsaved edits are not offered for saving, after a confirmation."""
        if (
            self.session_lock.locked
            and from_lock_screen
            and not prompts.confirm(
                self,
                self.tr("Log out"),
                self.tr("Log out? Unsaved changes on the open pages will not be saved."),
            )
        ):
            return False
        self._discard_on_close = self.session_lock.locked
        self.logging_out = True
        if not self.close():
            self.logging_out = self._discard_on_close = False
            return False
        return True

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.session_lock.locked and not self._discard_on_close:
            # Closed from outside while locked: the pages behind the lock are not shown for saving.
            if not prompts.confirm(
                self, self.tr("Exit"), self.tr("Exit? Unsaved changes on the open pages will not be saved.")
            ):
                event.ignore()
                return
            self._discard_on_close = True
        for i in reversed(range(self.tabs.count()) if not self.restart_requested else []):
            w = self.tabs.widget(i)
            if not self._discard_on_close and hasattr(w, "may_close") and not w.may_close():
                self.tabs.setCurrentIndex(i)
                event.ignore()
                return
        self.session_lock.stop()
        settings.save_window(self)
        for key, view in self.views.items():
            settings.save_layout(view, key)
        event.accept()


def _qdate(d: dt.date) -> QDate:
    # Tehran's day, not the PC clock's zone: the status bar must name the same day as printed pages.
    return QDate(d.year, d.month, d.day)
