"""The audit log as a table model that loads itself in pages, off the GUI thread.

A new query counts its entries and reads the first page in the background; scrolling near the end asks
for the next page (``canFetchMore``/``fetchMore``), read by key after the last id shown, so page 500 of
100,000 entries costs what the first does. A page that arrives for an older query is dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QWidget

from cluster_desktop.domain.jalali import to_tehran
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.services import audit_views
from cluster_desktop.services.audit_views import AuditQuery, AuditRow

from .context import AppContext
from .operation import Operation

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole
DOSSIER_ROLE = Qt.ItemDataRole.UserRole + 1
BROKEN_BACKGROUND = QColor("#f9c9cf")
BROKEN_TEXT = QColor("#8a0015")


class AuditTableModel(QAbstractTableModel):
    PAGE = 200

    loaded = Signal()  # a count or a page arrived (tests and the count label wait for it)
    count_changed = Signal(int)

    def __init__(self, ctx: AppContext, host: QWidget) -> None:
        super().__init__(host)
        self.ctx = ctx
        self.host = host  # parent of the background operations
        self.fa = ctx.lang == "fa"
        self.query = AuditQuery()
        self.rows: list[AuditRow] = []
        self.count = 0
        self.broken_id: int | None = None  # the first entry the chain check found broken
        self._generation = 0
        self.operation: Operation | None = None  # the read in flight, if any
        self.headers = [
            self.tr("No."),
            self.tr("When"),
            self.tr("User"),
            self.tr("Action"),
            self.tr("Concerning"),
            self.tr("Dossier"),
            self.tr("Details"),
        ]

    # ------------------------------------------------------------------ loading
    def busy(self) -> bool:
        return self.operation is not None

    def set_query(self, query: AuditQuery) -> Operation:
        """Show the entries ``query`` selects (counted and first page read in the background)."""
        self.query = query
        self._generation += 1
        self.beginResetModel()
        self.rows, self.count = [], 0
        self.endResetModel()
        ws, actor, generation = self.ctx.ws, self.ctx.actor, self._generation

        def work(_progress: object) -> tuple[int, list[AuditRow]]:
            with ws.db.session() as s:
                n = audit_views.count_entries(s, actor, query)
                return n, audit_views.list_entries(s, actor, query, limit=self.PAGE)

        return self._start(work, lambda result: self._first(generation, result))

    def reload(self) -> Operation:
        return self.set_query(self.query)

    def _start(self, work: Any, done: Any) -> Operation:
        op = Operation(self.host, "", work, quiet=True).on_success(done).on_failure(self._failed)
        self.operation = op
        return op.start()

    def _failed(self, exc: BaseException) -> None:
        self.operation = None
        from . import prompts

        prompts.error(self.host, exc)
        self.loaded.emit()

    def _first(self, generation: int, result: tuple[int, list[AuditRow]]) -> None:
        if generation != self._generation:
            return  # an older query's answer; the newer one is on its way
        self.operation = None
        count, rows = result
        self.beginResetModel()
        self.count, self.rows = max(count, len(rows)), rows
        self.endResetModel()
        self.count_changed.emit(self.count)
        self.loaded.emit()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and self.operation is None and len(self.rows) < self.count

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if not self.canFetchMore(parent) or not self.rows:
            return
        ws, actor, query, generation = self.ctx.ws, self.ctx.actor, self.query, self._generation
        before = self.rows[-1].id

        def work(_progress: object) -> list[AuditRow]:
            with ws.db.session() as s:
                return audit_views.list_entries(s, actor, query, before_id=before, limit=self.PAGE)

        self._start(work, lambda rows: self._more(generation, rows))

    def _more(self, generation: int, rows: list[AuditRow]) -> None:
        if generation != self._generation:
            return
        self.operation = None
        if not rows:
            self.count = len(self.rows)  # entries gone meanwhile: stop asking
        else:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(rows) - 1)
            self.rows.extend(rows)
            self.endInsertRows()
        self.loaded.emit()

    def set_broken(self, entry_id: int | None) -> None:
        self.broken_id = entry_id
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, len(self.headers) - 1))

    def row_of(self, entry_id: int) -> int:
        return next((i for i, r in enumerate(self.rows) if r.id == entry_id), -1)

    # ------------------------------------------------------------------ QAbstractTableModel
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.headers)

    def _texts(self, r: AuditRow) -> list[str]:
        fa = self.fa
        when = r.when_fa if fa else to_tehran(r.at).strftime("%Y-%m-%d %H:%M")
        return [
            to_persian_digits(r.id) if fa else str(r.id),
            when,
            r.user_label,
            r.title_fa if fa else r.title_en,
            r.subject_fa if fa else r.subject_en,
            r.dossier_name,
            r.details_fa if fa else r.details_en,
        ]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        r = self.rows[index.row()]
        broken = r.id == self.broken_id
        if role == Qt.ItemDataRole.DisplayRole:
            return self._texts(r)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole:
            text = self._texts(r)[index.column()]
            if broken:
                text = self.tr("The audit chain breaks at this entry.") + "\n" + text
            return text  # escaped by the view's delegate (gui/content_text)
        if role == ID_ROLE:
            return r.id
        if role == DOSSIER_ROLE:
            return r.dossier_id
        if role == Qt.ItemDataRole.BackgroundRole and broken:
            return BROKEN_BACKGROUND
        if role == Qt.ItemDataRole.ForegroundRole and broken:
            return BROKEN_TEXT
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in (0, 1):
            return int(Qt.AlignmentFlag.AlignCenter)
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal:
            return self.headers[section]
        return None
