"""The "what if" panel of the sensitivity view: one slider per criterion weight, the ranking re-ranked on
every move (``services.sensitivity.what_if``: pure, no database), and at the centre a criteria revision
(F15) proposed with those weights."""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSlider,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.numbers import format_int, format_score, to_latin_digits
from cluster_desktop.domain.roles import Role
from cluster_desktop.services import criteria, sensitivity
from cluster_desktop.services.sensitivity import SensitivityReport, WhatIfRow

from .central_tables import Column, RowsModel
from .content_text import use_content_direction
from .context import AppContext
from .operation import Operation

UP, DOWN = "#1b7a3a", "#b00020"


class WhatIfPanel(QWidget):
    """Sliders in whole weight points (0–100); the shares are the weights rescaled to 100."""

    reranked = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.report: SensitivityReport | None = None
        self.sliders: dict[str, QSlider] = {}
        self.share_labels: dict[str, QLabel] = {}
        self.initial: dict[str, int] = {}
        self.rows: list[WhatIfRow] = []
        self.operation: Operation | None = None
        self.dialog: QWidget | None = None
        layout = QHBoxLayout(self)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        layout.addWidget(splitter)
        left = QWidget(splitter)
        column = QVBoxLayout(left)
        # Only the centre's secretary revises the criteria (criteria.revise checks it again).
        self.may_propose = ctx.is_central and ctx.actor.role in (Role.SECRETARY, Role.ADMIN)
        hint = self.tr("Drag a weight: the list re-ranks at once. Nothing is saved.")
        if self.may_propose:
            hint += " " + self.tr(
                "A revision of the criteria (F15) is proposed from here and made in its own dialog."
            )
        self.hint = QLabel(hint, left)
        self.hint.setWordWrap(True)
        self.hint.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.hint)
        self.grid = QGridLayout()
        column.addLayout(self.grid)
        self.total_label = QLabel(left)
        self.total_label.setObjectName("what_if_total_label")
        self.total_label.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.total_label)
        buttons = QHBoxLayout()
        self.reset_button = QPushButton(self.tr("Back to the current weights"), left)
        self.reset_button.setObjectName("what_if_reset_button")
        self.reset_button.clicked.connect(self.reset)
        buttons.addWidget(self.reset_button)
        self.propose_button = QPushButton(self.tr("Propose a criteria revision…"), left)
        self.propose_button.setObjectName("what_if_propose_button")
        self.propose_button.clicked.connect(self.propose)
        buttons.addWidget(self.propose_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        self.propose_note = QLabel(left)
        self.propose_note.setWordWrap(True)
        self.propose_note.setTextFormat(Qt.TextFormat.PlainText)
        column.addWidget(self.propose_note)
        column.addStretch(1)
        self.propose_button.setVisible(self.may_propose)
        if not self.may_propose:
            self.propose_note.setText(
                self.tr("Criteria revisions (F15) are made by the centre's secretary; this panel only shows.")
            )
        self.table = QTableView(splitter)
        self.table.setObjectName("what_if_table")
        self.model = RowsModel(
            [
                Column("rank", self.tr("Rank"), lambda r: self._n(r.rank), True),
                Column("change", self.tr("Change"), self._change, True, self._change_color),
                Column("name", self.tr("Cluster"), lambda r: r.name),
                Column("province", self.tr("Province"), lambda r: r.province_fa),
                Column("score", self.tr("Score"), lambda r: self._score(r.score), True),
            ],
            self,
        )
        self.table.setModel(self.model)
        self.table.verticalHeader().setVisible(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        splitter.setStretchFactor(0, 2)
        splitter.setStretchFactor(1, 3)
        use_content_direction(self.table)
        self.setEnabled(False)

    # ------------------------------------------------------------ showing
    def _n(self, n: int) -> str:
        return format_int(n) if self.fa else str(n)

    def _score(self, x: float) -> str:
        text = format_score(x)
        return text if self.fa else to_latin_digits(text).replace("٫", ".")

    def _change(self, r: WhatIfRow) -> str:
        if r.change == 0:
            return "—"
        return ("▲ " if r.change > 0 else "▼ ") + self._n(abs(r.change))

    @staticmethod
    def _change_color(r: WhatIfRow) -> str | None:
        return UP if r.change > 0 else DOWN if r.change < 0 else None

    def set_report(self, report: SensitivityReport) -> None:
        """New sliders for the report's criteria, at the current weights."""
        self.report = report
        while self.grid.count():
            item = self.grid.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.sliders.clear()
        self.share_labels.clear()
        self.initial = {c.code: round(c.share) for c in report.criteria}
        for i, c in enumerate(report.criteria):
            title = QLabel(c.title_fa if self.fa else c.title_en, self)
            title.setTextFormat(Qt.TextFormat.PlainText)
            title.setWordWrap(True)
            slider = QSlider(Qt.Orientation.Horizontal, self)
            slider.setObjectName(f"weight_{c.code}_slider")
            slider.setRange(0, 100)
            slider.setValue(self.initial[c.code])
            slider.setMinimumWidth(160)
            slider.valueChanged.connect(lambda _v: self.rerank())
            share = QLabel(self)
            share.setObjectName(f"weight_{c.code}_share")
            share.setTextFormat(Qt.TextFormat.PlainText)
            share.setMinimumWidth(120)
            self.grid.addWidget(title, i, 0)
            self.grid.addWidget(slider, i, 1)
            self.grid.addWidget(share, i, 2)
            self.sliders[c.code] = slider
            self.share_labels[c.code] = share
        self.grid.setColumnStretch(0, 3)
        self.grid.setColumnStretch(1, 2)
        self.setEnabled(True)
        self.rerank()

    def weights(self) -> list[float]:
        """The weights the sliders say; at their starting place, the set's own (its exact arithmetic)."""
        assert self.report is not None
        values = {code: s.value() for code, s in self.sliders.items()}
        if values == self.initial:
            return self.report.weights
        return [values[c.code] / 100 for c in self.report.criteria]

    def rerank(self) -> None:
        if self.report is None:
            return
        values = [s.value() for s in self.sliders.values()]
        total = sum(values)
        for label, value in zip(self.share_labels.values(), values, strict=True):
            share = value / total * 100 if total else 0.0
            label.setText(
                self.tr("%1 (share %2%)").replace("%1", self._n(value)).replace("%2", self._score(share))
            )
        if total == 0:
            self.total_label.setText(self.tr("Every weight is zero: give at least one criterion a weight."))
            self.total_label.setStyleSheet(f"color: {DOWN};")
            self.propose_button.setEnabled(False)
            return
        moved = values != list(self.initial.values())
        self.total_label.setStyleSheet("")
        self.total_label.setText(
            self.tr("Weights add up to %1; the shares are rescaled to 100.").replace("%1", self._n(total))
        )
        self.propose_button.setEnabled(moved)
        self.rows = sensitivity.what_if(self.report, self.weights())
        self.model.set_rows(self.rows)
        self.reranked.emit()

    def reset(self) -> None:
        for code, slider in self.sliders.items():
            slider.blockSignals(True)
            slider.setValue(self.initial[code])
            slider.blockSignals(False)
        self.rerank()

    # ------------------------------------------------------------ proposing a revision (F15)
    def propose(self) -> Operation | None:
        """Open the criteria revision dialog with these weights as whole percents (read off the GUI thread)."""
        if self.report is None or not self.may_propose:
            return None
        proposal = sensitivity.proposal(self.report, [s.value() for s in self.sliders.values()])

        def current_set(_p: object) -> criteria.SetRow | None:
            with self.ctx.session() as s:
                return next((r for r in criteria.criteria_sets(s) if r.is_current), None)

        def open_dialog(current: criteria.SetRow | None) -> None:
            if current is None:
                return
            from .criteria_view import CriteriaRevisionDialog

            proposed = replace(
                current, criteria=[replace(c, weight_percent=proposal[c.code]) for c in current.criteria]
            )
            dialog = CriteriaRevisionDialog(self.ctx, proposed, self)
            dialog.accepted.connect(lambda: self.ctx.changed.emit("criteria"))
            self.dialog = dialog
            dialog.open()

        self.operation = Operation(self, "", current_set, quiet=True).on_success(open_dialog).start()
        return self.operation
