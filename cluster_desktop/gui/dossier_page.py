"""A dossier's page: its header (cluster, place, state, score) and one tab per section.

Sections live in their own modules and are left out until they exist: profile, plan, evaluation,
scores, decisions, history. Each takes ``(ctx, dossier_id, parent)`` and may define ``refresh()``,
``may_close()`` and ``section_title()``.
"""

from __future__ import annotations

import importlib
from typing import Any

from PySide6.QtCore import QT_TRANSLATE_NOOP, QCoreApplication
from PySide6.QtWidgets import QLabel, QTabWidget, QWidget

from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.domain.numbers import format_score
from cluster_desktop.domain.workflow import DOSSIER_STATE_TITLES
from cluster_desktop.services.clusters import get_dossier
from cluster_desktop.store.models import Province

from .context import AppContext
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
        find(self.ui, QLabel, "title_label").setText(name)
        find(self.ui, QLabel, "state_label").setText(state_title)
        place = f"{province.name_fa if province else ''} — {county}"
        if nominated:
            place += "   " + self.tr("nominated %1").replace("%1", format_jalali(nominated, persian=fa))
        find(self.ui, QLabel, "place_label").setText(place)
        find(self.ui, QLabel, "score_label").setText(
            self.tr("score: %1").replace(
                "%1", format_score(score) if fa else f"{score:.1f}" if score else "—"
            )
        )
        self.setWindowTitle(name)
        for w in self.sections.values():
            if hasattr(w, "refresh"):
                w.refresh()

    def may_close(self) -> bool:
        return all(w.may_close() for w in self.sections.values() if hasattr(w, "may_close"))
