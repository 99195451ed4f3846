"""Names as typed, whatever their script: direction from their first strong letter, never markup.

The window stays right to left (in Persian), but a cell or label takes its reading direction from its
own text: «Saffron & Spice Export Cluster Ltd.» keeps its full stop at the end instead of reading
«.Saffron …», and a Persian name in the English interface is not laid out left to right. Tooltips are
rich text whenever Qt guesses so, so a name quoted in one is escaped first. Long names elide with the
whole name in a tooltip instead of widening the window.
"""

from __future__ import annotations

import html

from PySide6.QtCore import QEvent, QModelIndex, QPersistentModelIndex, QSize, Qt
from PySide6.QtGui import QHelpEvent, QPainter, QPaintEvent, QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QWidget,
)

from cluster_desktop.domain.text import first_strong

from .uiloader import register_custom_widget

_DIRECTION = {"ltr": Qt.LayoutDirection.LeftToRight, "rtl": Qt.LayoutDirection.RightToLeft}


def content_direction(text: str, default: Qt.LayoutDirection) -> Qt.LayoutDirection:
    found = first_strong(text)
    return _DIRECTION[found] if found else default


def plain_tip(text: str) -> str:
    """A tooltip that shows ``text`` exactly (Qt renders a tooltip as HTML when it looks like HTML)."""
    if not text:
        return ""
    direction = "ltr" if first_strong(text) == "ltr" else "rtl"
    body = html.escape(text).replace("\n", "<br>")
    return f'<p dir="{direction}" style="white-space:pre-wrap">{body}</p>'


def directional(text: str) -> str:
    """``text`` isolated in its own direction (FSI … PDI) for a label inside a window of the other one."""
    return f"\u2068{text}\u2069" if text else text


class ContentDirectionDelegate(QStyledItemDelegate):
    """Each cell reads in its text's direction but stays where the window's direction puts it."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        direction = content_direction(option.text, option.direction)  # type: ignore[attr-defined]
        if direction != option.direction:  # type: ignore[attr-defined]
            aligned = QStyle.visualAlignment(option.direction, option.displayAlignment)  # type: ignore[attr-defined]
            option.displayAlignment = aligned | Qt.AlignmentFlag.AlignAbsolute  # type: ignore[attr-defined]
            option.direction = direction  # type: ignore[attr-defined]

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if event.type() == QEvent.Type.ToolTip and index.isValid():
            tip = index.data(Qt.ItemDataRole.ToolTipRole)
            if isinstance(tip, str):
                if tip:
                    QToolTip.showText(event.globalPos(), plain_tip(tip), view)
                else:
                    QToolTip.hideText()
                return True
        return super().helpEvent(event, view, option, index)


def use_content_direction(root: QWidget) -> None:
    """Give every item view under ``root`` (and ``root`` itself) the content-direction delegate."""
    views = root.findChildren(QAbstractItemView)
    if isinstance(root, QAbstractItemView):
        views.append(root)
    for view in views:
        if type(view.itemDelegate()) is QStyledItemDelegate:
            view.setItemDelegate(ContentDirectionDelegate(view))


@register_custom_widget
class ElidedLabel(QLabel):
    """A one-line label for a name of any length: elided to the room it has, whole in its tooltip,
    read in its own direction, and always plain text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self._full = ""

    def setText(self, text: str) -> None:
        self._full = text
        super().setText(text)
        self.setToolTip(plain_tip(text))
        self.updateGeometry()
        self.update()

    def full_text(self) -> str:
        return self._full

    def minimumSizeHint(self) -> QSize:
        hint = super().minimumSizeHint()
        return QSize(min(hint.width(), self.fontMetrics().horizontalAdvance("M") * 6), hint.height())

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        return QSize(min(hint.width(), 640), hint.height())

    def elided(self) -> str:
        return self.fontMetrics().elidedText(self._full, Qt.TextElideMode.ElideRight, max(0, self.width()))

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.update()

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        direction = content_direction(self._full, self.layoutDirection())
        rect = self.contentsRect()
        flags = int(QStyle.visualAlignment(self.layoutDirection(), self.alignment()))
        flags |= int(Qt.AlignmentFlag.AlignAbsolute)
        flags |= int(
            Qt.TextFlag.TextForceLeftToRight
            if direction == Qt.LayoutDirection.LeftToRight
            else Qt.TextFlag.TextForceRightToLeft
        )
        painter.setPen(self.palette().color(self.foregroundRole()))
        painter.drawText(rect, flags, self.elided())
        painter.end()
