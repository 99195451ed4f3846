"""A dossier's history: every transition with its Jalali date and time, states, F-code, who took it,
the minutes number of the meeting that decided it, and the comment."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableWidget, QTableWidgetItem, QWidget

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali_datetime
from cluster_desktop.domain.workflow import DOSSIER_WORKFLOW, state_title
from cluster_desktop.services import workflow
from cluster_desktop.services.clusters import DossierQuery, list_dossiers

from .context import AppContext
from .evaluation_sheet import digits
from .uiloader import find, load_ui

COLUMNS = 7


def step_title(from_state: str, action: str) -> str:
    """The step's title in the current language (the raw action if the workflow no longer knows it)."""
    try:
        return DOSSIER_WORKFLOW.find(from_state, action).title
    except DomainError:
        return action


class HistoryView(QWidget):
    def __init__(self, ctx: AppContext, dossier_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier_id = dossier_id
        self.ui = load_ui("history_view.ui", self)
        self.summary = find(self.ui, QLabel, "summary_label")
        self.table = find(self.ui, QTableWidget, "history_table")
        self.table.verticalHeader().setVisible(False)
        self.table.setStyleSheet("QTableWidget::item { padding: 0 6px; }")
        header = self.table.horizontalHeader()
        for c in range(COLUMNS - 1):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COLUMNS - 1, QHeaderView.ResizeMode.Stretch)
        self.refresh()

    def refresh(self) -> None:
        lang = self.ctx.lang
        with self.ctx.session() as s:
            rows = [
                (
                    digits(format_jalali_datetime(t.at), lang),
                    step_title(t.from_state, t.action),
                    f"{state_title(t.from_state)} ← {state_title(t.to_state)}"
                    if lang == "fa"
                    else f"{state_title(t.from_state)} → {state_title(t.to_state)}",
                    t.f_code,
                    t.actor,
                    digits(t.minutes_number, lang) if t.minutes_number else "",
                    t.comment,
                )
                for t in workflow.history(s, self.dossier_id)
            ]
        self.table.setRowCount(len(rows))
        for r, cells in enumerate(rows):
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c in (0, 3, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                if c == COLUMNS - 1 and text:
                    item.setToolTip(text)
                self.table.setItem(r, c, item)
        self.table.setCurrentItem(None)
        if rows:
            self.summary.setText(self.tr("%1 steps recorded").replace("%1", digits(len(rows), lang)))
        else:
            self.summary.setText(self.tr("No step has been recorded for this dossier yet."))

    def rows(self) -> list[list[str]]:
        """The table as text (for tests)."""
        return [[self.table.item(r, c).text() for c in range(COLUMNS)] for r in range(self.table.rowCount())]


def screenshot(ctx: AppContext) -> QWidget:
    """The dossier with the longest history, preferring one decided in a meeting."""
    best: tuple[tuple[bool, int], str] | None = None
    with ctx.session() as s:
        for row in list_dossiers(s, DossierQuery(), limit=300):
            steps = workflow.history(s, row.id)
            key = (any(t.minutes_number for t in steps), len(steps))
            if best is None or key > best[0]:
                best = (key, row.id)
    if best is None:
        raise DomainError("پرونده‌ای در این دفتر نیست.", "There is no dossier in this office.")
    from .dossier_page import page_at

    return page_at(ctx, best[1], "history")
