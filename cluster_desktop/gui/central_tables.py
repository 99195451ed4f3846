"""Table models the centre's views share: rows of service dataclasses shown through column specs,
and a paged variant whose sorting and paging happen in SQL (the national list, 31,000 rows)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.domain.numbers import format_int, format_score, to_persian_digits
from cluster_desktop.domain.workflow import DOSSIER_STATE_TITLES

Index = QModelIndex | QPersistentModelIndex
ID_ROLE = Qt.ItemDataRole.UserRole


@dataclass(frozen=True)
class Column:
    key: str  # the service's sort key for paged models
    title: str  # already translated
    text: Callable[[Any], str]
    numeric: bool = False
    color: Callable[[Any], str | None] | None = None


def fa_date(d: Any) -> str:
    return format_jalali(d) if d else ""


def fa_num(n: int | None) -> str:
    return "" if n is None else format_int(n)


def fa_score(x: float | None) -> str:
    return "—" if x is None else format_score(x)


def fa_code(s: str) -> str:
    return to_persian_digits(s) if s else ""


def state_title(state: str, lang: str = "fa") -> str:
    fa, en = DOSSIER_STATE_TITLES.get(state, (state, state))
    return fa if lang == "fa" else en


class RowsModel(QAbstractTableModel):
    """A read-only table of ``rows`` (any objects) shown through ``columns``."""

    def __init__(self, columns: list[Column], parent: Any = None, id_of: Callable[[Any], str] | None = None):
        super().__init__(parent)
        self.columns = columns
        self.rows: list[Any] = []
        self.id_of = id_of or (lambda r: getattr(r, "id", ""))

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def row_at(self, row: int) -> Any:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.columns)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        row, col = self.rows[index.row()], self.columns[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return col.text(row)
        if role == ID_ROLE:
            return self.id_of(row)
        if role == Qt.ItemDataRole.TextAlignmentRole and col.numeric:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ForegroundRole and col.color is not None:
            c = col.color(row)
            return QColor(c) if c else None
        return None

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return self.columns[section].title
        return to_persian_digits(section + 1)


class PagedModel(RowsModel):
    """Rows fetched a page at a time from ``fetch(order_by, descending, offset, limit)``; ``total()``
    counts them. Sorting re-queries in SQL; scrolling fetches the next page."""

    PAGE = 200

    def __init__(
        self,
        columns: list[Column],
        fetch: Callable[[str, bool, int, int], list[Any]],
        total: Callable[[], int],
        parent: Any = None,
    ) -> None:
        super().__init__(columns, parent)
        self.fetch = fetch
        self.total = total
        self.count = 0
        self.order_by = "rank"
        self.descending = False

    def reload(self, *, recount: bool = True) -> None:
        self.beginResetModel()
        if recount:
            self.count = self.total()
        self.rows = self.fetch(self.order_by, self.descending, 0, self.PAGE)
        self.endResetModel()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self.rows) < self.count

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        more = self.fetch(self.order_by, self.descending, len(self.rows), self.PAGE)
        if not more:
            self.count = len(self.rows)
            return
        self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(more) - 1)
        self.rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not self.columns[column].key:
            return  # a column the service cannot sort by (e.g. a page's products)
        self.order_by = self.columns[column].key
        self.descending = order == Qt.SortOrder.DescendingOrder
        self.reload(recount=False)  # the same rows in another order


def select_row(table, row: int) -> None:  # type: ignore[no-untyped-def]
    """Select ``row`` of a QTableView whole, also right after a model reset (``selectRow`` may not)."""
    from PySide6.QtCore import QItemSelectionModel

    index = table.model().index(row, 0)
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    table.selectionModel().setCurrentIndex(index, flags)
