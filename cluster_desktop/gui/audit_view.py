"""The audit log (issue 17), for the administrator and the secretary: every entry with its Jalali time,
who, the action's Persian title, what it concerned and its details in words; filters by user, action,
dossier and Jalali days; the filtered entries to Excel; the red warning and the broken entry marked
when the chain does not hold; and the chain heads other offices stated in their bundles.

Every read runs off the GUI thread; the table loads a page at a time as it is scrolled
(gui/audit_model.py), so 100,000 entries stay responsive.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from PySide6.QtCore import QModelIndex, Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.domain.jalali import format_jalali_datetime, today
from cluster_desktop.domain.numbers import format_int, to_persian_digits
from cluster_desktop.services import audit_views
from cluster_desktop.services.audit_export import AuditExport, export_xlsx
from cluster_desktop.services.audit_views import AuditQuery, ChainStatus, PeerChain

from . import prompts
from .audit_banner import AuditBanner
from .audit_model import DOSSIER_ROLE, AuditTableModel
from .content_text import use_content_direction
from .context import AppContext
from .operation import Operation
from .widgets import JalaliDateEdit

FILTER_DELAY_MS = 300  # wait for a pause in typing before asking the database
WARNING_STYLE = "color: #b00020; font-weight: bold;"
COLUMN_WIDTHS = (55, 115, 150, 175, 0, 150)  # number … dossier
STRETCHED = (4, 6)  # what it concerned and the details share the rest


def _label(text: str, parent: QWidget) -> QLabel:
    label = QLabel(text, parent)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


class AuditView(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self.operation: Operation | None = None  # an export in progress
        self.meta_operation: Operation | None = None
        self.peers: list[PeerChain] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FILTER_DELAY_MS)
        self._timer.timeout.connect(self.apply_filters)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.banner = AuditBanner(ctx, self, compact=True)
        self.banner.checked.connect(self._chain_checked)
        layout.addWidget(self.banner)
        layout.addLayout(self._build_filters())
        self.date_error = QLabel(self)
        self.date_error.setObjectName("dates_error")
        self.date_error.setStyleSheet("color: #b00020;")
        self.date_error.setTextFormat(Qt.TextFormat.PlainText)
        self.date_error.hide()
        layout.addWidget(self.date_error)

        self.model = AuditTableModel(ctx, self)
        self.model.count_changed.connect(self._show_count)
        self.table = QTableView(self)
        self.table.setObjectName("audit_table")
        self.table.setModel(self.model)
        self._setup_table()
        self.table.doubleClicked.connect(self._open_dossier)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        splitter.setObjectName("audit_splitter")
        splitter.addWidget(self.table)
        splitter.addWidget(self._build_peers())
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 0)
        splitter.setSizes([660, 100])  # the peers' section small while it holds nothing
        self.splitter = splitter
        self._peers_opened = False
        layout.addWidget(splitter, 1)
        use_content_direction(self)  # cells read in their own direction; tooltips escaped

        self.refresh()

    # ------------------------------------------------------------------ building
    def _build_filters(self) -> QGridLayout:
        grid = QGridLayout()
        self.user_combo = QComboBox(self)
        self.user_combo.setObjectName("user_combo")
        self.action_combo = QComboBox(self)
        self.action_combo.setObjectName("action_combo")
        self.action_combo.setMinimumWidth(260)
        self.search_edit = QLineEdit(self)
        self.search_edit.setObjectName("search_edit")  # Ctrl+F lands here
        self.search_edit.setPlaceholderText(self.tr("cluster name, letter or license number"))
        self.search_edit.setClearButtonEnabled(True)
        self.since_edit = JalaliDateEdit(self)
        self.since_edit.setObjectName("since_edit")
        self.until_edit = JalaliDateEdit(self)
        self.until_edit.setObjectName("until_edit")
        for edit, hint in ((self.since_edit, self.tr("first day")), (self.until_edit, self.tr("last day"))):
            edit.line.setPlaceholderText(hint)  # not a date: an empty field must not look like a filter
            edit.setMaximumWidth(180)
        self.clear_button = QPushButton(self.tr("Clear filters"), self)
        self.clear_button.setObjectName("clear_button")
        self.count_label = _label("", self)
        self.count_label.setObjectName("count_label")
        self.broken_button = QPushButton(self.tr("Show from the broken entry"), self)
        self.broken_button.setObjectName("broken_button")
        self.broken_button.hide()
        self.export_button = QPushButton(self.tr("Export to Excel…"), self)
        self.export_button.setObjectName("export_button")
        for w in (self.user_combo, self.action_combo):
            w.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        cells: list[tuple[str, QWidget]] = [
            (self.tr("User:"), self.user_combo),
            (self.tr("Action:"), self.action_combo),
            (self.tr("Dossier:"), self.search_edit),
        ]
        for col, (label, widget) in enumerate(cells):
            grid.addWidget(_label(label, self), 0, 2 * col)
            grid.addWidget(widget, 0, 2 * col + 1)
        grid.addWidget(_label(self.tr("From:"), self), 1, 0)
        grid.addWidget(self.since_edit, 1, 1)
        grid.addWidget(_label(self.tr("To:"), self), 1, 2)
        dates = QHBoxLayout()
        dates.addWidget(self.until_edit)
        dates.addWidget(self.clear_button)
        dates.addStretch(1)
        grid.addLayout(dates, 1, 3)
        buttons = QHBoxLayout()
        buttons.addWidget(self.count_label, 1)
        buttons.addWidget(self.broken_button)
        buttons.addWidget(self.export_button)
        grid.addLayout(buttons, 1, 4, 1, 2)
        grid.setColumnStretch(5, 1)
        self.user_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.action_combo.currentIndexChanged.connect(lambda _i: self._changed())
        self.search_edit.textChanged.connect(lambda _t: self._timer.start())
        self.search_edit.returnPressed.connect(self.apply_filters)
        for edit in (self.since_edit, self.until_edit):
            edit.edited.connect(self._timer.start)
            edit.line.returnPressed.connect(self.apply_filters)
        self.clear_button.clicked.connect(self.clear_filters)
        self.broken_button.clicked.connect(self.show_broken)
        self.export_button.clicked.connect(self.export)
        return grid

    def _setup_table(self) -> None:
        t = self.table
        t.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        t.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        t.setWordWrap(False)
        vh = t.verticalHeader()
        vh.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)  # never measures 100,000 rows
        vh.setDefaultSectionSize(t.fontMetrics().height() + 12)
        vh.hide()
        header = t.horizontalHeader()
        for i, width in enumerate(COLUMN_WIDTHS):
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Interactive)
            t.setColumnWidth(i, width)
        for i in STRETCHED:
            header.setSectionResizeMode(i, QHeaderView.ResizeMode.Stretch)

    def _build_peers(self) -> QGroupBox:
        box = QGroupBox(self.tr("Audit chains of the other offices, as their bundles stated them"), self)
        box.setObjectName("peers_box")
        layout = QVBoxLayout(box)
        self.peers_warning = QLabel(box)
        self.peers_warning.setObjectName("peers_warning")
        self.peers_warning.setTextFormat(Qt.TextFormat.PlainText)
        self.peers_warning.setWordWrap(True)
        self.peers_warning.setStyleSheet(WARNING_STYLE)
        self.peers_warning.hide()
        layout.addWidget(self.peers_warning)
        self.peers_table = QTableWidget(0, 6, box)
        self.peers_table.setObjectName("peers_table")
        self.peers_table.setHorizontalHeaderLabels(
            [
                self.tr("Office"),
                self.tr("Bundle"),
                self.tr("Entries"),
                self.tr("Hash of the last entry"),
                self.tr("Received"),
                self.tr("Status"),
            ]
        )
        self.peers_table.verticalHeader().hide()
        self.peers_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.peers_table.horizontalHeader().setStretchLastSection(True)
        self.peers_table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.peers_table.hide()  # until there are heads to list
        layout.addWidget(self.peers_table)
        self.peers_empty = _label(self.tr("No bundle has stated its office's audit chain yet."), box)
        self.peers_empty.setObjectName("peers_empty")
        layout.addWidget(self.peers_empty)
        return box

    # ------------------------------------------------------------------ loading
    def refresh(self) -> None:
        """Read the entries, the filters' choices and the peers' chains again, and verify the chain."""
        self.apply_filters()
        self._load_meta()
        if not self.banner.busy():
            self.banner.check()

    def busy(self) -> bool:
        ops = (self.operation, self.meta_operation)
        return self.model.busy() or self.banner.busy() or any(op is not None for op in ops)

    def _load_meta(self) -> None:
        ws, actor = self.ctx.ws, self.ctx.actor

        def work(_progress: object) -> tuple[Any, Any, list[PeerChain]]:
            with ws.db.session() as s:
                return (
                    audit_views.user_choices(s, actor),
                    audit_views.action_choices(s, actor),
                    audit_views.peer_chains(s, actor),
                )

        op = Operation(self, "", work, quiet=True).on_success(self._meta_loaded)
        self.meta_operation = op.on_failure(self._meta_failed).start()

    def _meta_failed(self, exc: BaseException) -> None:
        self.meta_operation = None
        prompts.error(self, exc)

    def _meta_loaded(self, result: tuple[Any, Any, list[PeerChain]]) -> None:
        self.meta_operation = None
        users, actions, peers = result
        self._refill(self.user_combo, self.tr("All users"), [(u.label, u.username) for u in users])
        titled = [(a.title_fa if self.fa else a.title_en, a.actions) for a in actions]
        self._refill(self.action_combo, self.tr("All actions"), titled)
        self._fill_peers(peers)

    def _refill(self, combo: QComboBox, everything: str, items: list[tuple[str, Any]]) -> None:
        """New choices, keeping the one chosen (the filter does not change under the user's hand)."""
        chosen = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        combo.addItem(everything, None)
        for text, data in items:
            combo.addItem(text, data)
        i = combo.findData(chosen) if chosen is not None else 0
        combo.setCurrentIndex(max(i, 0))
        combo.blockSignals(False)

    # ------------------------------------------------------------------ filters
    def _changed(self) -> None:
        self._timer.stop()
        self.apply_filters()

    def query(self) -> AuditQuery | None:
        """The filters as a query, or None (and the reason beside the dates) if a date does not exist."""
        try:
            since, until = self.since_edit.date(), self.until_edit.date()
        except DomainError as e:
            self.date_error.setText(str(e))
            self.date_error.show()
            return None
        if since and until and since > until:
            self.date_error.setText(self.tr("The first day comes after the last one."))
            self.date_error.show()
            return None
        self.date_error.hide()
        return AuditQuery(
            username=self.user_combo.currentData(),
            actions=tuple(self.action_combo.currentData() or ()),
            dossier=self.search_edit.text(),
            since=since,
            until=until,
            up_to_id=self.model.query.up_to_id,  # kept until the filters are cleared
        )

    def apply_filters(self) -> Operation | None:
        self._timer.stop()
        query = self.query()
        if query is None:
            return None
        return self.model.set_query(query)

    def clear_filters(self) -> None:
        for combo in (self.user_combo, self.action_combo):
            combo.blockSignals(True)
            combo.setCurrentIndex(0)
            combo.blockSignals(False)
        for edit in (self.search_edit, self.since_edit.line, self.until_edit.line):
            edit.blockSignals(True)
            edit.clear()
            edit.blockSignals(False)
        self.date_error.hide()
        self.model.query = AuditQuery()
        self.apply_filters()

    def show_broken(self) -> Operation | None:
        """The entries from the broken one back, with it first and marked."""
        status = self.banner.status
        if status is None or status.broken_id is None:
            return None
        self.clear_filters()
        return self.model.set_query(replace(self.model.query, up_to_id=status.broken_id))

    def _show_count(self, n: int) -> None:
        text = self.tr("%1 entries").replace("%1", format_int(n, persian=self.fa))
        if self.model.query.up_to_id is not None:
            number = (
                to_persian_digits(self.model.query.up_to_id) if self.fa else str(self.model.query.up_to_id)
            )
            text += " " + self.tr("(up to entry %1)").replace("%1", number)
        self.count_label.setText(text)

    def _chain_checked(self, status: ChainStatus) -> None:
        self.model.set_broken(status.broken_id)
        self.broken_button.setVisible(not status.intact)

    # ------------------------------------------------------------------ peers
    def _fill_peers(self, peers: list[PeerChain]) -> None:
        self.peers = peers
        heads = [(c, h) for c in peers for h in reversed(c.heads)]  # newest first per office
        self.peers_table.setRowCount(len(heads))
        n = (lambda x: format_int(x, persian=True, grouping=False)) if self.fa else str
        for row, (chain, h) in enumerate(heads):
            status = (
                self.tr("rewritten history") if h.rewritten else self.tr("continues what it stated before")
            )
            cells = [
                f"{chain.name_fa} ({chain.office_id})",
                n(h.sequence),
                n(h.length),
                "\u2066" + h.hash[:16] + "…\u2069",
                format_jalali_datetime(h.received_at) if self.fa else f"{h.received_at:%Y-%m-%d %H:%M}",
                status,
            ]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                if h.rewritten:
                    item.setForeground(Qt.GlobalColor.darkRed)
                    item.setToolTip(h.warning_fa if self.fa else h.warning_en)  # escaped by the delegate
                self.peers_table.setItem(row, col, item)
        warnings = [h.warning_fa if self.fa else h.warning_en for c in peers for h in c.warnings]
        self.peers_warning.setText("\n".join(warnings))
        self.peers_warning.setVisible(bool(warnings))
        self.peers_table.setVisible(bool(heads))
        self.peers_empty.setVisible(not heads)
        if heads and not self._peers_opened:  # once: room for a few heads (and a warning)
            self._peers_opened = True
            total = sum(self.splitter.sizes())
            if self.splitter.sizes()[1] < 240 and total > 480:
                self.splitter.setSizes([total - 240, 240])

    # ------------------------------------------------------------------ actions
    def _open_dossier(self, index: QModelIndex) -> None:
        dossier_id = index.data(DOSSIER_ROLE)
        if dossier_id:
            self.ctx.open_dossier.emit(dossier_id)

    def export(self) -> Operation | None:
        """Write every entry the filters select (not only those loaded) to an Excel workbook."""
        query = self.query()
        if query is None:
            return None
        suggested = f"audit-log-{today().isoformat()}.xlsx"
        path = prompts.save_file(
            self,
            self.tr("Export the audit log"),
            suggested,
            self.tr("Excel workbooks (*.xlsx)"),
            kind="exports",
        )
        if path is None:
            return None
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        ws, actor = self.ctx.ws, self.ctx.actor
        self.operation = Operation(
            self,
            self.tr("Writing the audit log…"),
            lambda progress: export_xlsx(ws, actor, query, path, progress),
        )
        self.operation.on_success(self._exported).on_failure(self._export_failed).start()
        return self.operation

    def _exported(self, result: AuditExport) -> None:
        self.operation = None
        n = format_int(result.rows, persian=self.fa)
        prompts.info(
            self,
            self.tr("Audit log exported"),
            self.tr("%1 entries written to %2.").replace("%1", n).replace("%2", str(result.path)),
        )
        self.model.reload()  # the export is itself an entry now

    def _export_failed(self, exc: BaseException) -> None:
        self.operation = None
        prompts.error(self, exc)


def wait_until_loaded(view: AuditView) -> None:
    """Block until every background read of ``view`` is done (screenshots only)."""
    from PySide6.QtCore import QThreadPool
    from PySide6.QtWidgets import QApplication

    while view.busy():
        QThreadPool.globalInstance().waitForDone(50)
        QApplication.processEvents()


def screenshot(ctx: AppContext) -> QWidget:
    view = AuditView(ctx)
    wait_until_loaded(view)
    return view
