"""The main window: navigation by the seed's phases and steps, views in tabs, menu, toolbar, status bar."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCalendar, QDate, QLocale, Qt, QTimer
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QTabWidget,
    QToolBar,
    QTreeWidget,
    QTreeWidgetItem,
    QWidget,
)

from cluster_desktop.domain.jalali import today
from cluster_desktop.domain.roles import ROLE_TITLES
from cluster_desktop.services import reference
from cluster_desktop.store.models import Office

from . import prompts
from .context import AppContext
from .license_verify import LicenseVerifyDialog
from .views import GROUPS, ViewSpec, views_for

KEY_ROLE = Qt.ItemDataRole.UserRole
STEP_ROLE = Qt.ItemDataRole.UserRole + 1


# Forms are loaded without margins; in a tab their titles and tables would touch the window's edge.
VIEW_MARGINS = (8, 8, 8, 4)


class MainWindow(QMainWindow):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("main_window")
        self.setWindowTitle(self.tr("Cluster Desktop"))
        self.resize(1280, 800)
        self.available = views_for(ctx.actor.office_kind.value)
        self.view_classes: dict[str, type[Any]] = {s.key: cls for s, cls in self.available}
        self.specs: dict[str, ViewSpec] = {s.key: s for s, _ in self.available}
        self.views: dict[str, QWidget] = {}

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.setDocumentMode(True)
        self.tabs.setTabsClosable(True)
        self.tabs.tabCloseRequested.connect(self.close_tab)
        self.setCentralWidget(self.tabs)

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

        ctx.open_dossier.connect(self.open_dossier)
        ctx.navigate.connect(self.show_view)
        ctx.changed.connect(self._data_changed)
        first = "central-dashboard" if ctx.is_central else "dashboard"
        self.show_view(first if first in self.view_classes else next(iter(self.view_classes), ""))

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

        verify_action = QAction(self.tr("&Verify a license…"), self)
        verify_action.setObjectName("verify_license_action")
        verify_action.setToolTip(
            self.tr("Check a printed license offline: paste its QR code text or open its PDF.")
        )
        verify_action.triggered.connect(self.verify_license)
        file_menu.addAction(verify_action)
        file_menu.addSeparator()
        self.verify_dialog: LicenseVerifyDialog | None = None

        quit_action = QAction(self.tr("E&xit"), self)
        quit_action.setShortcut(QKeySequence.StandardKey.Quit)
        quit_action.triggered.connect(self.close)
        file_menu.addAction(quit_action)
        self.file_menu = file_menu

        about = QAction(self.tr("About Cluster Desktop"), self)
        about.triggered.connect(self._about)
        help_menu.addAction(about)

    def verify_license(self) -> LicenseVerifyDialog:
        """The offline license check (not modal: the clerk may compare it with the open dossier)."""
        if self.verify_dialog is None:
            self.verify_dialog = LicenseVerifyDialog(self.ctx, self)
        self.verify_dialog.show()
        self.verify_dialog.raise_()
        return self.verify_dialog

    def _open_users(self) -> None:  # Users (issue 3): see the File menu above
        from .users_dialog import open_users

        open_users(self.ctx, self)

    def _about(self) -> None:
        from cluster_desktop import __version__

        prompts.info(
            self,
            self.tr("About Cluster Desktop"),
            self.tr(
                "Cluster Desktop %1\nExport-oriented cluster development programme\n"
                "Trade Promotion Organization of Iran"
            ).replace("%1", __version__),
        )

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
        for w in (self.user_label, self.office_label, self.date_label):
            # A thin rule between the three facts; the status bar draws none of its own here.
            w.setStyleSheet("padding: 0 8px; border-left: 1px solid #c8c8c8;")
            self.statusBar().addPermanentWidget(w)
        self._tick()
        timer = QTimer(self)
        timer.timeout.connect(self._tick)
        timer.start(60_000)

    def _tick(self) -> None:
        cal = QCalendar(QCalendar.System.Jalali) if self.ctx.lang == "fa" else QCalendar()
        self.date_label.setText(QLocale().toString(_qdate(today()), QLocale.FormatType.LongFormat, cal))

    def closeEvent(self, event: QCloseEvent) -> None:
        for i in reversed(range(self.tabs.count())):
            w = self.tabs.widget(i)
            if hasattr(w, "may_close") and not w.may_close():
                self.tabs.setCurrentIndex(i)
                event.ignore()
                return
        event.accept()


def _qdate(d: dt.date) -> QDate:
    # Tehran's day, not the PC clock's zone: the status bar must name the same day as printed pages.
    return QDate(d.year, d.month, d.day)
