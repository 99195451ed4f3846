"""A dossier's page: its header (cluster, place, state, score) and one tab per section.

The header's Print menu previews the dossier's documents (nomination form, feasibility plan, the
acting member's sheet, all submitted sheets, the consolidated sheet, the license); an entry the
services cannot produce yet is disabled with their reason as its tooltip.

Sections live in their own modules and are left out until they exist: profile, plan, evaluation,
scores, decisions, history. Each takes ``(ctx, dossier_id, parent)`` and may define ``refresh()``,
``may_close()`` and ``section_title()``.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMenu, QTabWidget, QToolButton, QWidget

from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.domain.numbers import format_score
from cluster_desktop.domain.workflow import DOSSIER_STATE_TITLES
from cluster_desktop.services.clusters import get_dossier
from cluster_desktop.store.models import Province

from .content_text import ElidedLabel
from .context import AppContext
from .operation import Operation
from .print_preview import preview_document, set_printable, unavailable
from .uiloader import find, load_ui

# (key, English title, "module:Class")
SECTIONS: list[tuple[str, str, str]] = [
    ("profile", QT_TRANSLATE_NOOP("DossierPage", "Cluster profile"), "cluster_form:ClusterForm"),
    ("plan", QT_TRANSLATE_NOOP("DossierPage", "Feasibility plan"), "plan_editor:PlanEditor"),
    ("evaluation", QT_TRANSLATE_NOOP("DossierPage", "My evaluation"), "evaluation_sheet:EvaluationSheet"),
    ("scores", QT_TRANSLATE_NOOP("DossierPage", "Consolidated scores"), "scores_view:ScoresView"),
    ("decisions", QT_TRANSLATE_NOOP("DossierPage", "Workflow and decisions"), "decisions:DecisionPanel"),
    ("history", QT_TRANSLATE_NOOP("DossierPage", "History"), "history_view:HistoryView"),
]


# The Print menu: (action key, English title, document kind).
PRINTS: list[tuple[str, str, str]] = [
    ("nomination", QT_TRANSLATE_NOOP("DossierPage", "Nomination form"), "nomination"),
    ("plan", QT_TRANSLATE_NOOP("DossierPage", "Feasibility plan"), "plan"),
    ("my_sheet", QT_TRANSLATE_NOOP("DossierPage", "My evaluation sheet"), "evaluation"),
    ("sheets", QT_TRANSLATE_NOOP("DossierPage", "All submitted evaluation sheets"), "evaluation"),
    ("summary", QT_TRANSLATE_NOOP("DossierPage", "Consolidated evaluation sheet"), "evaluation-summary"),
    ("license", QT_TRANSLATE_NOOP("DossierPage", "Cluster approval license"), "license"),
]


def _load(target: str) -> type[Any] | None:
    module, _, cls = target.partition(":")
    try:
        mod = importlib.import_module(f"cluster_desktop.gui.{module}")
    except ModuleNotFoundError as exc:
        if exc.name == f"cluster_desktop.gui.{module}":
            return None
        raise
    return getattr(mod, cls)


class DossierPage(QWidget):
    def __init__(self, ctx: AppContext, dossier_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier_id = dossier_id
        self.ui = load_ui("dossier_page.ui", self)
        self.tabs = find(self.ui, QTabWidget, "sections")
        self.sections: dict[str, QWidget] = {}
        for key, title, target in SECTIONS:
            cls = _load(target)
            if cls is None:
                continue
            w = cls(ctx, dossier_id, self)
            w.setObjectName(f"section_{key}")
            self.sections[key] = w
            self.tabs.addTab(w, QCoreApplication.translate("DossierPage", title))
        self.print_button = find(self.ui, QToolButton, "print_button")
        self.print_menu = QMenu(self.print_button)
        self.print_menu.setObjectName("print_menu")
        self.print_menu.setToolTipsVisible(True)
        self.print_actions: dict[str, QAction] = {}
        for key, title, _kind in PRINTS:
            act = self.print_menu.addAction(QCoreApplication.translate("DossierPage", title) + "…")
            act.setObjectName(f"print_{key}_action")
            act.triggered.connect(lambda _c=False, k=key: self.print_document(k))
            self.print_actions[key] = act
        self.print_menu.aboutToShow.connect(self.update_print_actions)
        self.print_button.setMenu(self.print_menu)
        self.operation: Operation | None = None
        ctx.changed.connect(self._changed)
        self.refresh()

    def show_section(self, key: str) -> QWidget | None:
        w = self.sections.get(key)
        if w is not None:
            self.tabs.setCurrentWidget(w)
        return w

    def _changed(self, what: str) -> None:
        if what.startswith(f"dossier:{self.dossier_id}") or what in ("bundle", "refresh"):
            self.refresh()

    def refresh(self) -> None:
        with self.ctx.session() as s:
            d = get_dossier(s, self.dossier_id)
            province = s.get(Province, d.province_code)
            name, county, state = d.cluster.name, d.cluster.county, d.state
            score = (
                d.central_score if self.ctx.is_central and d.central_score is not None else d.provincial_score
            )
            nominated = d.nominated_on
        fa = self.ctx.lang == "fa"
        state_title = DOSSIER_STATE_TITLES[state][0 if fa else 1]
        find(self.ui, ElidedLabel, "title_label").setText(name)
        find(self.ui, QLabel, "state_label").setText(state_title)
        place = f"{province.name_fa if province else ''} — {county}"
        if nominated:
            place += "   " + self.tr("nominated %1").replace("%1", format_jalali(nominated, persian=fa))
        find(self.ui, ElidedLabel, "place_label").setText(place)
        find(self.ui, QLabel, "score_label").setText(
            self.tr("score: %1").replace(
                "%1", format_score(score) if fa else f"{score:.1f}" if score else "—"
            )
        )
        self.setWindowTitle(name)
        for w in self.sections.values():
            if hasattr(w, "refresh"):
                w.refresh()

    # ----------------------------------------------------------------- printing
    def _print_options(self, key: str) -> dict[str, str]:
        return {"member_id": self.ctx.actor.member_id or ""} if key == "my_sheet" else {}

    def update_print_actions(self) -> None:
        """Ask the services which documents can be made now (when the menu opens: always current)."""
        for key, _title, kind in PRINTS:
            if key == "my_sheet" and not self.ctx.actor.member_id:
                reason: str | None = self.tr("Only working-group members have their own evaluation sheet.")
            else:
                reason = unavailable(self.ctx, kind, self.dossier_id, **self._print_options(key))
            set_printable(self.print_actions[key], reason)

    def print_document(self, key: str) -> Operation | None:
        """Make the document off the GUI thread and open its preview (a refusal is shown once)."""
        kind = next(k for name, _t, k in PRINTS if name == key)
        if key == "my_sheet" and not self.ctx.actor.member_id:
            return None  # without a member the services would print every sheet instead
        self.operation = preview_document(self, self.ctx, kind, self.dossier_id, **self._print_options(key))
        return self.operation

    def may_close(self) -> bool:
        return all(w.may_close() for w in self.sections.values() if hasattr(w, "may_close"))


def page_at(ctx: AppContext, dossier_id: str, section: str) -> DossierPage:
    """A dossier page open at ``section``: how screenshots show a section, under its dossier's header."""
    page = DossierPage(ctx, dossier_id)
    page.show_section(section)
    return page
