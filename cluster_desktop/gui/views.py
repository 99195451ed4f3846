"""The main window's views and where they sit in the navigation (the seed's phases and steps).

Views are imported lazily by dotted path, so each lives in its own module (``gui/<name>.py`` with
``ui/<name>.ui``). A view class takes ``(ctx: AppContext, parent)``; it may define ``refresh()``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication


@dataclass(frozen=True)
class ViewSpec:
    key: str
    title: str  # English source; shown through tr("views", ...)
    target: str  # "module:Class" under cluster_desktop.gui
    group: str  # navigation group key (see GROUPS)
    processes: tuple[str, ...] = ()  # the F-codes this view serves (shown with the title)
    offices: tuple[str, ...] = ("province", "central")
    # Roles that see it (empty: everyone); the administrator always does. The services still check.
    roles: tuple[str, ...] = ()

    def shown_to(self, role: str | None) -> bool:
        return not self.roles or role is None or role == "admin" or role in self.roles

    def load(self) -> type[Any] | None:
        module, _, cls = self.target.partition(":")
        try:
            mod = importlib.import_module(f"cluster_desktop.gui.{module}")
        except ModuleNotFoundError as exc:
            if exc.name == f"cluster_desktop.gui.{module}":
                return None  # not built yet: the navigation leaves it out rather than show an empty page
            raise
        return getattr(mod, cls)

    def tr_title(self) -> str:
        return QCoreApplication.translate("views", self.title)


# Navigation groups: the seed's three phases, and the registries beside them.
GROUPS: list[tuple[str, str]] = [
    ("home", QT_TRANSLATE_NOOP("views", "Overview")),
    ("phase1", QT_TRANSLATE_NOOP("views", "Phase 1: review and evaluation")),
    ("phase2", QT_TRANSLATE_NOOP("views", "Phase 2: cooperation and support")),
    ("phase3", QT_TRANSLATE_NOOP("views", "Phase 3: execution and monitoring")),
    ("registries", QT_TRANSLATE_NOOP("views", "Registries and exchange")),
]

VIEWS: list[ViewSpec] = [
    ViewSpec(
        "dashboard",
        QT_TRANSLATE_NOOP("views", "Dashboard"),
        "dashboard:DashboardView",
        "home",
        offices=("province",),
    ),
    ViewSpec(
        "central-dashboard",
        QT_TRANSLATE_NOOP("views", "National dashboard"),
        "central_dashboard:CentralDashboardView",
        "home",
        offices=("central",),
    ),
    ViewSpec(
        "national-map",
        QT_TRANSLATE_NOOP("views", "National map"),
        "province_map:NationalMapView",
        "home",
        offices=("central",),
    ),
    ViewSpec(
        "working-group",
        QT_TRANSLATE_NOOP("views", "Secretariat and working group"),
        "working_group:WorkingGroupView",
        "phase1",
        ("F1", "F2"),
    ),
    ViewSpec(
        "clusters",
        QT_TRANSLATE_NOOP("views", "Clusters and nominations"),
        "cluster_list:ClusterListView",
        "phase1",
        ("F3-2", "F3-3", "F3-4"),
    ),
    ViewSpec(
        "national-list",
        QT_TRANSLATE_NOOP("views", "National list and ranking"),
        "national_list:NationalListView",
        "phase1",
        ("F3", "F3-1", "F6"),
        offices=("central",),
    ),
    ViewSpec(
        "sensitivity",
        QT_TRANSLATE_NOOP("views", "Sensitivity of the ranking to the weights"),
        "sensitivity_view:SensitivityView",
        "phase1",
        ("F3-1", "F6", "F15"),
        roles=("secretary",),
    ),
    ViewSpec(
        "review",
        QT_TRANSLATE_NOOP("views", "Secondary review"),
        "review:ReviewView",
        "phase1",
        ("F6-1",),
        offices=("central",),
    ),
    ViewSpec(
        "databank",
        QT_TRANSLATE_NOOP("views", "Export-cluster databank"),
        "databank:DatabankView",
        "phase1",
        ("F7",),
        offices=("central",),
    ),
    ViewSpec(
        "licenses",
        QT_TRANSLATE_NOOP("views", "Cluster approval licenses"),
        "licenses_view:LicensesView",
        "phase1",
        ("F8",),
        offices=("central",),
    ),
    ViewSpec(
        "programmes",
        QT_TRANSLATE_NOOP("views", "Development programmes and support packages"),
        "programmes:ProgrammesView",
        "phase2",
        ("F9", "F9-1", "F9-2", "F9-3", "F10", "F11", "F12"),
    ),
    ViewSpec(
        "monitoring",
        QT_TRANSLATE_NOOP("views", "Execution and monitoring"),
        "programmes:monitoring_view",
        "phase3",
        ("F13", "F14"),
    ),
    ViewSpec(
        "sync", QT_TRANSLATE_NOOP("views", "Bundles and trusted offices"), "sync_view:SyncView", "registries"
    ),
    ViewSpec(
        "events",
        QT_TRANSLATE_NOOP("views", "Training and awareness"),
        "events_view:EventsView",
        "registries",
        ("F4",),
    ),
    ViewSpec(
        "instructions",
        QT_TRANSLATE_NOOP("views", "Instructions and their revisions"),
        "instructions_view:InstructionsView",
        "registries",
        ("F5",),
    ),
    ViewSpec(
        "criteria",
        QT_TRANSLATE_NOOP("views", "Criteria sets and their revisions"),
        "criteria_view:CriteriaView",
        "registries",
        ("F15",),
    ),
    ViewSpec(
        "audit",
        QT_TRANSLATE_NOOP("views", "Audit log"),
        "audit_view:AuditView",
        "registries",
        roles=("secretary",),
    ),
    ViewSpec(
        "process-steps",
        QT_TRANSLATE_NOOP("views", "Programme steps and responsibilities"),
        "process_steps:ProcessStepsView",
        "registries",
        ("F1", "F15"),
    ),
]


def views_for(office_kind: str, role: str | None = None) -> list[tuple[ViewSpec, type[Any]]]:
    out = []
    for spec in VIEWS:
        if office_kind not in spec.offices or not spec.shown_to(role):
            continue
        cls = spec.load()
        if cls is not None:
            out.append((spec, cls))
    return out


def spec(key: str) -> ViewSpec:
    return next(v for v in VIEWS if v.key == key)
