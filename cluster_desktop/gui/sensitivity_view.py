"""How robust the ranking is to the criteria weights (issue 16, part 2): for each ranked dossier its rank,
the ranks it takes when every weight moves by ±N points, its chances of the top K and of the threshold;
the criteria that move the order most; a "what if" panel (gui/what_if.py). The centre's secretariat
analyses the national ranking or a province's, a province's secretary its own. Computed off the GUI
thread (services.sensitivity); printable as the one-page annex of the ranking report."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain import sensitivity as domain
from cluster_desktop.domain.numbers import format_int, format_score, to_latin_digits
from cluster_desktop.services import sensitivity
from cluster_desktop.services.reference import provinces
from cluster_desktop.services.sensitivity import InfluenceLine, SensitivityReport

from . import prompts
from .central_tables import Column, RowsModel, select_row
from .content_text import use_content_direction
from .context import AppContext
from .operation import Operation, Progress
from .print_preview import preview_document
from .what_if import WhatIfPanel


def _column_of(model: RowsModel, key: str) -> int:
    return next(i for i, c in enumerate(model.columns) if c.key == key)


class Cancelled(Exception):
    """The secretary pressed Cancel in the progress dialog."""


class SensitivityView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.report: SensitivityReport | None = None
        self.operation: Operation | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "How much the ranking depends on the criteria weights: every weight is moved by up to N "
                "percentage points (then all are rescaled to 100), at every corner of that range and in "
                "random draws with a fixed seed. The current weights give the ranking's own ranks."
            ),
            self,
        )
        intro.setWordWrap(True)
        intro.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(intro)
        layout.addLayout(self._inputs())
        self.summary = QLabel(self.tr("Choose N and K, then Compute."), self)
        self.summary.setObjectName("summary_label")
        self.summary.setTextFormat(Qt.TextFormat.PlainText)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("sensitivity_tabs")
        layout.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Vertical, self.tabs)
        self.table = QTableView(splitter)
        self.table.setObjectName("ranges_table")
        self.model = RowsModel(self._columns(), self)
        self.table.setModel(self.model)
        self.influence_table = QTableView(splitter)
        self.influence_table.setObjectName("influence_table")
        self.influence_model = RowsModel(self._influence_columns(), self, id_of=lambda f: f.code)
        self.influence_table.setModel(self.influence_model)
        for table, stretch in ((self.table, 1), (self.influence_table, 0)):
            table.verticalHeader().setVisible(False)
            table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
            header = table.horizontalHeader()
            header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
            header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        self.tabs.addTab(splitter, self.tr("Ranks and ranges"))
        self.what_if = WhatIfPanel(ctx, self.tabs)
        self.tabs.addTab(self.what_if, self.tr("What if"))
        self.note = QLabel(self)
        self.note.setObjectName("note_label")
        self.note.setWordWrap(True)
        self.note.setTextFormat(Qt.TextFormat.PlainText)
        layout.addWidget(self.note)
        use_content_direction(self)  # a Latin cluster name reads left to right in its cell
        ctx.changed.connect(self._data_changed)

    # ------------------------------------------------------------ building
    def _inputs(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.province_combo = QComboBox(self)
        self.province_combo.setObjectName("province_combo")
        if self.ctx.is_central:
            self.province_combo.addItem(self.tr("National ranking"), None)
            with self.ctx.session() as s:
                for p in provinces(s):
                    self.province_combo.addItem(p.name_fa, p.code)
            row.addWidget(self.province_combo)
        else:
            self.province_combo.setVisible(False)
        self.spread_spin = self._spin(
            row, "spread_spin", self.tr("Weights ± points"), 0, int(domain.MAX_SPREAD), domain.DEFAULT_SPREAD
        )
        self.top_spin = self._spin(row, "top_spin", self.tr("Top K"), 1, 500, domain.DEFAULT_TOP)
        self.draws_spin = self._spin(
            row, "draws_spin", self.tr("Random draws"), 0, domain.MAX_DRAWS, domain.DEFAULT_DRAWS
        )
        self.draws_spin.setSingleStep(500)
        self.seed_spin = self._spin(row, "seed_spin", self.tr("Seed"), 0, 2**31 - 1, domain.DEFAULT_SEED)
        row.addStretch(1)
        self.compute_button = QPushButton(self.tr("Compute"), self)
        self.compute_button.setObjectName("compute_button")
        self.compute_button.clicked.connect(self.compute)
        row.addWidget(self.compute_button)
        self.print_button = QPushButton(self.tr("Print annex…"), self)
        self.print_button.setObjectName("print_annex_button")
        self.print_button.setToolTip(self.tr("The one-page annex of the ranking report, with these numbers."))
        self.print_button.setEnabled(False)
        self.print_button.clicked.connect(self.print_annex)
        row.addWidget(self.print_button)
        return row

    def _spin(self, row: QHBoxLayout, name: str, label: str, low: int, high: int, value: float) -> QSpinBox:
        text = QLabel(label, self)
        text.setTextFormat(Qt.TextFormat.PlainText)
        spin = QSpinBox(self)
        spin.setObjectName(name)
        spin.setRange(low, high)
        spin.setValue(int(value))
        spin.setGroupSeparatorShown(name != "seed_spin")
        text.setBuddy(spin)
        row.addWidget(text)
        row.addWidget(spin)
        return spin

    def _n(self, n: int) -> str:
        return format_int(n) if self.fa else str(n)

    def _range(self, low: int, high: int) -> str:
        if low == high:
            return self._n(low)
        return self.tr("%1 to %2").replace("%1", self._n(low)).replace("%2", self._n(high))

    def _percent(self, p: float) -> str:
        text = format_score(p * 100)
        return text + "٪" if self.fa else to_latin_digits(text).replace("٫", ".") + "%"

    def _score(self, x: float) -> str:
        text = format_score(x)
        return text if self.fa else to_latin_digits(text).replace("٫", ".")

    def _columns(self) -> list[Column]:
        k = self.top_spin.value() if self.report is None else self.report.options.top
        return [
            Column("rank", self.tr("Rank"), lambda r: self._n(r.rank), True),
            Column("name", self.tr("Cluster"), lambda r: r.name + ("" if r.basis == "criteria" else " *")),
            Column("province", self.tr("Province"), lambda r: r.province_fa),
            Column("score", self.tr("Score"), lambda r: self._score(r.score), True),
            Column("range", self.tr("Rank range"), lambda r: self._range(r.min_rank, r.max_rank), True),
            Column(
                "bound", self.tr("Guaranteed range"), lambda r: self._range(r.best_bound, r.worst_bound), True
            ),
            Column(
                "top",
                self.tr("P(top %1)").replace("%1", self._n(k)),
                lambda r: self._percent(r.top_probability),
                True,
            ),
            Column("pass", self.tr("P(≥ threshold)"), lambda r: self._percent(r.pass_probability), True),
        ]

    def _influence_columns(self) -> list[Column]:
        n = self.spread_spin.value() if self.report is None else self.report.options.spread
        shift = self._n(int(n)) if float(n).is_integer() else str(n)
        weights = {c.code: c for c in self.report.criteria} if self.report else {}

        def weight(f: InfluenceLine) -> str:
            c = weights.get(f.code)
            return "" if c is None else self._score(c.share) + ("٪" if self.fa else "%")

        return [
            Column(
                "criterion",
                self.tr("Criterion (most influential first)"),
                lambda f: f.title_fa if self.fa else f.title_en,
            ),
            Column("weight", self.tr("Weight"), weight, True),
            Column(
                "raised",
                self.tr("Mean rank change, +%1").replace("%1", shift),
                lambda f: self._score(f.raised),
                True,
            ),
            Column(
                "lowered",
                self.tr("Mean rank change, −%1").replace("%1", shift),
                lambda f: self._score(f.lowered),
                True,
            ),
            Column("moved", self.tr("Dossiers that move"), lambda f: self._n(f.moved), True),
        ]

    # ------------------------------------------------------------ computing
    def options(self) -> sensitivity.Options:
        return sensitivity.Options(
            province_code=self.province_combo.currentData() if self.ctx.is_central else None,
            spread=float(self.spread_spin.value()),
            top=self.top_spin.value(),
            draws=self.draws_spin.value(),
            seed=self.seed_spin.value(),
        )

    def compute(self) -> Operation:
        """Analyse off the GUI thread, with progress; Cancel stops it between steps."""
        options = self.options()
        reading = self.tr("Reading the criterion scores…")
        computing = self.tr("Ranking under the weights around the current ones…")

        def work(progress: Progress) -> SensitivityReport:
            def report(done: int, total: int, stage: str) -> None:
                if progress.cancelled:
                    raise Cancelled
                progress(done, total, reading if stage == "read" else computing)

            with self.ctx.session() as s:
                result = sensitivity.analyse(s, self.ctx.actor, options, report)
                s.rollback()
            return result

        def failed(exc: BaseException) -> None:
            if not isinstance(exc, Cancelled):
                prompts.error(self, exc)

        self.compute_button.setEnabled(False)
        self.operation = (
            Operation(self, self.tr("Computing the sensitivity…"), work)
            .on_success(self.show_report)
            .on_failure(failed)
        )
        self.operation.finished.connect(lambda: self.compute_button.setEnabled(True))
        return self.operation.start()

    def show_report(self, report: SensitivityReport) -> None:
        self.report = report
        self.model.columns = self._columns()
        self.model.set_rows(report.rows)
        self.influence_model.columns = self._influence_columns()
        self.influence_model.set_rows(report.influence)
        self.what_if.set_report(report)
        # One province's ranking: its name on every row says nothing.
        self.table.setColumnHidden(_column_of(self.model, "province"), report.province_code is not None)
        self.what_if.table.setColumnHidden(
            _column_of(self.what_if.model, "province"), report.province_code is not None
        )
        # Every criterion's line in view (nine at most), the ranges table taking the rest.
        rows = max(1, min(len(report.influence), 9))
        self.influence_table.setMinimumHeight(
            rows * self.influence_table.verticalHeader().defaultSectionSize()
            + self.influence_table.horizontalHeader().sizeHint().height()
            + 2 * self.influence_table.frameWidth()
        )
        self.print_button.setEnabled(True)
        exact = sum(1 for r in report.rows if r.exact)
        self.summary.setText(
            self.tr(
                "%1 ranked dossiers (%2), criteria set version %3, threshold %4; %5 corners and %6 random "
                "draws; the range seen equals the guaranteed range for %7 of them."
            )
            .replace("%1", self._n(len(report.rows)))
            .replace("%2", report.scope_fa if report.province_code else self.tr("national"))
            .replace("%3", self._n(report.criteria_set_number))
            .replace("%4", self._score(report.threshold))
            .replace("%5", self._n(report.vertices))
            .replace("%6", self._n(report.options.draws))
            .replace("%7", self._n(exact))
        )
        notes = [
            self.tr(
                "Rank range: the best and worst rank seen (ranks that really occur). Guaranteed range: no "
                "weight within ±N points ranks the dossier outside it (exact pairwise test)."
            )
        ]
        if not report.pairwise:
            notes.append(
                self.tr("Too many dossiers for the pairwise test: the guaranteed range is 1 to the last.")
            )
        if report.count("earlier_set"):
            notes.append(
                self.tr(
                    "* scored against an earlier criteria set; re-weighted here with the current weights."
                )
            )
        if report.count("held"):
            notes.append(
                self.tr(
                    "* its criterion scores are not in this office; its recorded score is held under every weight."
                )
            )
        self.note.setText("\n".join(notes))
        if report.rows:
            select_row(self.table, 0)

    def print_annex(self) -> Operation | None:
        """Preview the one-page annex of these numbers (made off the GUI thread)."""
        if self.report is None:
            return None
        self.operation = preview_document(self, self.ctx, "sensitivity", report=self.report)
        return self.operation

    def _data_changed(self, what: str) -> None:
        # Scores or weights changed: the numbers shown are no longer current; say so until recomputed.
        if self.report is not None and (what in ("criteria", "bundle") or what.startswith("dossier:")):
            self.summary.setText(self.tr("The data changed since this was computed: press Compute again."))


def screenshot(ctx: AppContext) -> SensitivityView:
    """The national (or the province's) sensitivity, computed in place."""
    view = SensitivityView(ctx)
    with ctx.session() as s:
        view.show_report(sensitivity.analyse(s, ctx.actor, view.options()))
    return view


def screenshot_what_if(ctx: AppContext) -> QWidget:
    """The what-if tab with the most influential criterion's weight doubled."""
    view = screenshot(ctx)
    view.tabs.setCurrentWidget(view.what_if)
    if view.report is not None and view.report.influence:
        slider = view.what_if.sliders[view.report.influence[0].code]
        slider.setValue(slider.value() * 2)
    return view
