"""The consolidated scores of a dossier: weighted score 0–100, each member's scores per criterion with
mean, spread and disagreement flags, the threshold, and the dossier's rank in its province.

Visible to the secretary and viewers, and to a member once their own sheet is submitted (the services
decide; this page shows their message otherwise). The consolidated sheet shown here can be printed.

A dossier returned for revision is scored afresh in a new round when its evaluation reopens: the round
selector shows the current round and each earlier one (who scored what, against which criteria-set
version, and the decision that closed it). Earlier rounds are over, so every reader may see them.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QComboBox,
    QFrame,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali, format_jalali_datetime
from cluster_desktop.domain.numbers import format_score, to_latin_digits
from cluster_desktop.services import evaluation_rounds, evaluations, rankings
from cluster_desktop.services.evaluation_rounds import RoundInfo
from cluster_desktop.services.evaluations import ConsolidatedView

from .context import AppContext
from .evaluation_sheet import digits
from .operation import Operation
from .print_preview import preview_document, set_printable
from .uiloader import find, load_ui

FLAG_BACKGROUND = QColor("#fde4e1")
FLAG_TEXT = QColor("#9b1c1c")


def score_text(x: float | None, lang: str) -> str:
    """One decimal, Persian digits and «٫» in Persian; ``—`` without a score."""
    text = format_score(x)
    return text if lang == "fa" else to_latin_digits(text).replace("٫", ".")


class ScoresView(QWidget):
    """The dossier page's "Consolidated scores" section."""

    def __init__(self, ctx: AppContext, dossier_id: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.dossier_id = dossier_id
        self.ui = load_ui("scores_view.ui", self)
        self.round_label = find(self.ui, QLabel, "round_label")
        self.round_combo = find(self.ui, QComboBox, "round_combo")
        self.round_info = find(self.ui, QLabel, "round_info_label")
        self.round_info.setTextFormat(Qt.TextFormat.PlainText)  # carries a decision's typed reason
        self.note = find(self.ui, QLabel, "note_label")
        self.summary = find(self.ui, QFrame, "summary_frame")
        self.score_label = find(self.ui, QLabel, "score_label")
        self.verdict_label = find(self.ui, QLabel, "verdict_label")
        self.sheets_label = find(self.ui, QLabel, "sheets_label")
        self.rank_label = find(self.ui, QLabel, "rank_label")
        self.table = find(self.ui, QTableWidget, "scores_table")
        self.legend = find(self.ui, QLabel, "legend_label")
        self.table.verticalHeader().setVisible(False)
        self.table.setStyleSheet("QTableWidget::item { padding: 0 6px; }")
        self.table.setWordWrap(False)  # one line per criterion; the full title is its tooltip
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 14)
        self.print_button = find(self.ui, QPushButton, "print_button")
        self.print_button.clicked.connect(self.print_summary)
        self.operation: Operation | None = None
        self.view: ConsolidatedView | None = None
        self.rank: evaluations.Rank | None = None
        self.rounds: list[RoundInfo] = []
        self.chosen_round: int | None = None  # None: the current round, whichever it is
        self.round_combo.activated.connect(self._round_chosen)
        self.refresh()

    def _round_chosen(self, index: int) -> None:
        number = self.round_combo.itemData(index)
        current = self.rounds[-1].number if self.rounds else 1
        self.chosen_round = None if number in (None, current) else int(number)
        self.refresh()

    def refresh(self) -> None:
        level = evaluations.level_of(self.ctx.actor)
        view: ConsolidatedView | None = None
        message = ""
        with self.ctx.session() as s:
            self.rounds = evaluation_rounds.rounds(s, self.dossier_id, level)
            if self.chosen_round is not None and self.chosen_round >= self.rounds[-1].number:
                self.chosen_round = None
            try:
                view = evaluations.consolidated(s, self.ctx.actor, self.dossier_id, level, self.chosen_round)
                rank = evaluations.dossier_rank(s, self.dossier_id, level)
            except DomainError as e:  # PermissionDenied: sheets stay private until the member submits
                message = str(e)
        self._fill_rounds()
        if view is None:
            self._hide(message)
            return
        self.view, self.rank = view, rank
        if not view.sheets:
            self._hide(
                self.tr("No member submitted an evaluation sheet in this round.")
                if view.round_number < view.current_round
                else self.tr("No member has submitted an evaluation sheet for this dossier yet.")
            )
            return
        self.note.hide()
        for w in (self.summary, self.table, self.legend):
            w.show()
        set_printable(
            self.print_button,
            None,
            self.tr("Preview and print the consolidated sheet: every member's scores, mean and spread."),
        )
        self._fill_summary(view, rank)
        self._fill_table(view)

    def shown_round(self) -> RoundInfo | None:
        number = self.chosen_round or (self.rounds[-1].number if self.rounds else 1)
        return next((r for r in self.rounds if r.number == number), None)

    def _round_title(self, info: RoundInfo) -> str:
        lang = self.ctx.lang
        if info.current:
            return self.tr("Round %1 (current)").replace("%1", digits(info.number, lang))
        title = self.tr("Round %1").replace("%1", digits(info.number, lang))
        if info.decision is not None:
            decision = info.decision.title_fa if lang == "fa" else info.decision.title_en
            when = digits(format_jalali(info.decision.at), lang)
            title += f" — {decision}، {when}" if lang == "fa" else f" — {decision}, {when}"
        return title

    def _fill_rounds(self) -> None:
        """The round selector (shown once a dossier has had a second round) and the shown round's facts."""
        several = len(self.rounds) > 1
        for w in (self.round_label, self.round_combo, self.round_info):
            w.setVisible(several)
        self.round_combo.clear()
        for info in reversed(self.rounds):  # the current round first
            self.round_combo.addItem(self._round_title(info), info.number)
        shown = self.shown_round()
        if shown is None:
            return
        self.round_combo.setCurrentIndex(self.round_combo.findData(shown.number))
        lang = self.ctx.lang
        facts = []
        if shown.opened_at is not None:
            facts.append(self.tr("opened on %1").replace("%1", digits(format_jalali(shown.opened_at), lang)))
        if shown.decision is not None:
            decision = shown.decision.title_fa if lang == "fa" else shown.decision.title_en
            facts.append(
                self.tr("decided on %1: %2")
                .replace("%1", digits(format_jalali(shown.decision.at), lang))
                .replace("%2", decision)
            )
            if shown.decision.minutes_number:
                facts.append(self.tr("minutes %1").replace("%1", digits(shown.decision.minutes_number, lang)))
            if shown.decision.comment:
                facts.append(shown.decision.comment)
        self.round_info.setText("؛ ".join(facts) if lang == "fa" else "; ".join(facts))

    def _hide(self, message: str) -> None:
        self.view = None
        self.note.setText(message)
        self.note.show()
        for w in (self.summary, self.table, self.legend):
            w.hide()
        set_printable(self.print_button, message)

    def print_summary(self) -> Operation | None:
        """Preview the consolidated sheet of the level this page shows (made off the GUI thread)."""
        if self.view is None:
            return None
        level = evaluations.level_of(self.ctx.actor)
        self.operation = preview_document(self, self.ctx, "evaluation-summary", self.dossier_id, level=level)
        return self.operation

    def _fill_summary(self, view: ConsolidatedView, rank: evaluations.Rank) -> None:
        lang = self.ctx.lang
        cons = view.consolidation
        self.score_label.setText(self.tr("%1 of 100").replace("%1", score_text(cons.score, lang)))
        threshold = (
            digits(int(view.threshold), lang)
            if float(view.threshold).is_integer()
            else score_text(view.threshold, lang)
        )
        if cons.passes(view.threshold):
            verdict = self.tr("At or above the threshold (%1): has export potential")
            color = "#1b6e2d"
        else:
            verdict = self.tr("Below the threshold (%1)")
            color = "#9b1c1c"
        self.verdict_label.setText(verdict.replace("%1", threshold))
        self.verdict_label.setStyleSheet(f"font-weight: bold; color: {color};")
        self.sheets_label.setText(
            self.tr("Submitted sheets: %1 · criteria set version %2")
            .replace("%1", digits(cons.member_count, lang))
            .replace("%2", digits(view.criteria_set_number, lang))
        )
        self.sheets_label.setToolTip(view.criteria_set_title)
        if view.round_number < view.current_round:
            # an earlier round: its score was that round's; the rank belongs to the current one
            self.rank_label.setText(self.tr("Earlier round (not counted now)"))
        elif rank.rank is None:
            self.rank_label.setText(self.tr("Not ranked yet"))
        else:
            text = (
                self.tr("Provisional rank %1 of %2 in the province (the round is open)")
                if rank.provisional
                else self.tr("Rank %1 of %2 in the province")
            )
            self.rank_label.setText(
                text.replace("%1", digits(rank.rank, lang)).replace("%2", digits(rank.of, lang))
            )

    def _fill_table(self, view: ConsolidatedView) -> None:
        lang = self.ctx.lang
        cons = view.consolidation
        sheets = sorted(view.sheets, key=lambda sh: view.member_names.get(sh.member_id, ""))
        by_member = {sh.member_id: {sc.criterion_code: sc.score for sc in sh.scores} for sh in sheets}
        headers = [self.tr("Criterion"), self.tr("Weight")]
        headers += [view.member_names.get(sh.member_id, "?") for sh in sheets]
        headers += [self.tr("Mean (0–5)"), self.tr("Spread"), self.tr("Disagreement")]
        n_members = len(sheets)
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        for c, sh in enumerate(sheets, 2):  # who sent their sheet when
            when = digits(format_jalali_datetime(sh.submitted_at), lang) if sh.submitted_at else "—"
            self.table.horizontalHeaderItem(c).setToolTip(self.tr("Submitted on %1").replace("%1", when))
        self.table.setRowCount(len(view.criteria) + 1)
        total_weight = sum(c.weight for c in view.criteria) or 1.0
        spread_col, flag_col = 3 + n_members, 4 + n_members
        for r, crit in enumerate(view.criteria):
            title = crit.title_fa if lang == "fa" else crit.title_en
            percent = f"{crit.weight / total_weight * 100:.0f}"
            cells = [
                f"{digits(r + 1, lang)}. {title}",
                f"{digits(percent, lang)}٪" if lang == "fa" else f"{percent}%",
            ]
            for sh in sheets:
                got = by_member[sh.member_id].get(crit.code)
                cells.append("—" if got is None else digits(got, lang))
            mean = cons.per_criterion_mean.get(crit.code)
            spread = cons.spread.get(crit.code)
            flagged = crit.code in cons.flagged
            cells += [
                score_text(mean, lang),
                "—" if spread is None else digits(spread, lang),
                self.tr("⚑ discuss") if flagged else "",
            ]
            for c, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if c:
                    item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
                else:
                    item.setToolTip(text)
                if flagged:
                    item.setBackground(QBrush(FLAG_BACKGROUND))
                    if c in (spread_col, flag_col):
                        item.setForeground(QBrush(FLAG_TEXT))
                self.table.setItem(r, c, item)
        last = len(view.criteria)
        bold = QFont(self.font())
        bold.setBold(True)
        totals = [self.tr("Weighted score (0–100)"), ""]
        totals += [score_text(cons.member_scores.get(sh.member_id), lang) for sh in sheets]
        totals += [score_text(cons.score, lang), "", ""]
        for c, text in enumerate(totals):
            item = QTableWidgetItem(text)
            item.setFont(bold)
            if c:
                item.setTextAlignment(Qt.AlignmentFlag.AlignCenter)
            self.table.setItem(last, c, item)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in range(1, len(headers)):
            header.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        self.table.setCurrentItem(None)
        self.table.clearSelection()

    # for tests: the table as text
    def cell(self, row: int, col: int) -> str:
        item = self.table.item(row, col)
        return item.text() if item else ""


def screenshot(ctx: AppContext) -> QWidget:
    """The dossier with the most submitted sheets, preferring one with a disagreement to discuss."""
    level = evaluations.level_of(ctx.actor)
    best: tuple[tuple[int, int], str] | None = None
    with ctx.session() as s:
        for row in rankings.ranked_rows(s, level=level, province_code=ctx.actor.province_code):
            cons = evaluations.consolidated(s, ctx.actor, row.id, level).consolidation
            key = (bool(cons.flagged), cons.member_count)
            if best is None or key > best[0]:
                best = (key, row.id)
    if best is None:
        raise DomainError("پرونده‌ای با امتیاز ثبت‌شده پیدا نشد.", "No scored dossier here.")
    from .dossier_page import page_at

    return page_at(ctx, best[1], "scores")
