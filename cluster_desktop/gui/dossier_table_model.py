"""The dossier list as a table model over SQL: filtered, sorted and paged by the database.

When the query changes, one narrow SQL query returns the matching ids in order (their number is the
row count); rows are fetched by id a page at a time when the view first paints them, and a few recent
pages are kept (a windowed cache). Scrolling to row 99,999 is then one primary-key lookup, where an
OFFSET page would make the database sort everything again. A QSortFilterProxyModel would need every
row in Python (STACK-NOTES).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QT_TRANSLATE_NOOP,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtWidgets import QWidget

from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.domain.numbers import format_int, format_score
from cluster_desktop.domain.workflow import DOSSIER_STATE_TITLES
from cluster_desktop.services.clusters import DossierQuery, DossierRow, dossier_rows, list_dossier_ids

from .context import AppContext

ID_ROLE = Qt.ItemDataRole.UserRole
STATE_ROLE = Qt.ItemDataRole.UserRole + 1


@dataclass(frozen=True)
class Column:
    key: str  # DossierQuery.order_by
    title: str  # English source, translated in the "DossierTableModel" context
    numeric: bool = False


COLUMNS: list[Column] = [
    Column("name", QT_TRANSLATE_NOOP("DossierTableModel", "Cluster")),
    Column("county", QT_TRANSLATE_NOOP("DossierTableModel", "County")),
    Column("province", QT_TRANSLATE_NOOP("DossierTableModel", "Province")),
    Column("state", QT_TRANSLATE_NOOP("DossierTableModel", "State")),
    Column("score", QT_TRANSLATE_NOOP("DossierTableModel", "Score"), numeric=True),
    Column("employees", QT_TRANSLATE_NOOP("DossierTableModel", "Employees"), numeric=True),
    Column("exports", QT_TRANSLATE_NOOP("DossierTableModel", "Exports (USD)"), numeric=True),
    Column("nominated", QT_TRANSLATE_NOOP("DossierTableModel", "Nominated on")),
]


@dataclass(frozen=True)
class _Row:
    id: str
    state: str
    texts: tuple[str, ...]


class DossierTableModel(QAbstractTableModel):
    """Dossiers matching a ``DossierQuery``; sorting a column re-queries the database."""

    PAGE_SIZE = 200
    MAX_PAGES = 12  # pages kept in memory; older ones are fetched again if scrolled back to

    count_changed = Signal(int)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.fa = ctx.lang == "fa"
        self._query = DossierQuery()
        self._count = 0
        self._ids: list[str] = []
        self._pages: OrderedDict[int, list[_Row]] = OrderedDict()
        self.queries = 0  # page fetches since the last reset (tests and the benchmark read it)

    # ------------------------------------------------------------------ the query
    def query(self) -> DossierQuery:
        return self._query

    def set_query(self, query: DossierQuery) -> None:
        """Show the dossiers matching ``query`` (keeps nothing of the previous result)."""
        self._query = query
        self.reload()

    def reload(self) -> None:
        self.beginResetModel()
        self._pages.clear()
        self.queries = 0
        with self.ctx.session() as s:
            self._ids = list_dossier_ids(s, self._query, self.ctx.actor.office_kind)
        self._count = len(self._ids)
        self.endResetModel()
        self.count_changed.emit(self._count)

    def total(self) -> int:
        return self._count

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Sort in SQL by the column (``-1``: most recently changed first)."""
        if 0 <= column < len(COLUMNS):
            key, descending = COLUMNS[column].key, order == Qt.SortOrder.DescendingOrder
        else:
            key, descending = "updated", True
        if (key, descending) != (self._query.order_by, self._query.descending):
            self.set_query(replace(self._query, order_by=key, descending=descending))

    # ------------------------------------------------------------------ paging
    def _page(self, number: int) -> list[_Row]:
        rows = self._pages.get(number)
        if rows is not None:
            self._pages.move_to_end(number)
            return rows
        start = number * self.PAGE_SIZE
        ids = self._ids[start : start + self.PAGE_SIZE]
        with self.ctx.session() as s:
            found = {r.id: r for r in dossier_rows(s, ids, self.ctx.actor.office_kind)}
        # A dossier gone since the ids were read shows as an empty row until the next reload.
        rows = [self._format(found[i]) if i in found else _Row(i, "", ("",) * len(COLUMNS)) for i in ids]
        self.queries += 1
        self._pages[number] = rows
        while len(self._pages) > self.MAX_PAGES:
            self._pages.popitem(last=False)
        return rows

    def _row(self, row: int) -> _Row | None:
        if not 0 <= row < self._count:
            return None
        return self._page(row // self.PAGE_SIZE)[row % self.PAGE_SIZE]

    def _format(self, r: DossierRow) -> _Row:
        fa = self.fa
        score = "—" if r.score is None else format_score(r.score) if fa else f"{r.score:.1f}"
        texts = (
            r.name,
            r.county,
            r.province_fa,
            DOSSIER_STATE_TITLES.get(r.state, (r.state, r.state))[0 if fa else 1],
            score,
            format_int(r.employees, persian=fa),
            format_int(r.exports_usd, persian=fa),
            format_jalali(r.nominated_on, persian=fa) if r.nominated_on else "—",
        )
        return _Row(r.id, r.state, texts)

    def dossier_id(self, row: int) -> str | None:
        return self._ids[row] if 0 <= row < self._count else None

    def row_of(self, dossier_id: str) -> int:
        """The row of a dossier in the current result, or -1."""
        try:
            return self._ids.index(dossier_id)
        except ValueError:
            return -1

    # ------------------------------------------------------------------ QAbstractTableModel
    def rowCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def data(
        self, index: QModelIndex | QPersistentModelIndex, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if COLUMNS[index.column()].numeric or COLUMNS[index.column()].key == "nominated":
                return int(Qt.AlignmentFlag.AlignCenter)
            return int(Qt.AlignmentFlag.AlignVCenter | Qt.AlignmentFlag.AlignLeading)
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole, ID_ROLE, STATE_ROLE):
            return None
        r = self._row(index.row())
        if r is None:
            return None
        if role == ID_ROLE:
            return r.id or None
        if role == STATE_ROLE:
            return r.state
        return r.texts[index.column()]

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return QCoreApplication.translate("DossierTableModel", COLUMNS[section].title)
        return None
