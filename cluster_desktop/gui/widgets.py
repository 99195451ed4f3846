"""Small widgets every form uses: a Jalali date field, error labels beside fields, Persian numbers."""

from __future__ import annotations

import html
from datetime import date

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from cluster_desktop.domain.errors import DomainError, FormError
from cluster_desktop.domain.jalali import format_jalali, parse_jalali
from cluster_desktop.domain.numbers import format_int, format_score

from .jalali_calendar import JalaliCalendar
from .uiloader import register_custom_widget


@register_custom_widget
class JalaliDateEdit(QWidget):
    """A date typed as ۱۴۰۵/۰۹/۰۷ (any digits) or picked from a Jalali calendar.

    A line edit rather than QDateEdit: a clerk may type a date that does not exist (1404/12/30), and
    then must see why it is refused beside the field, instead of the widget silently changing it.
    """

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        self.line = QLineEdit(self)
        self.line.setObjectName("date_text")
        self.line.setLayoutDirection(Qt.LayoutDirection.LeftToRight)  # year/month/day reads left to right
        self.line.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.line.setPlaceholderText("۱۴۰۵/۰۹/۰۷")
        self.line.setMaxLength(40)  # a pasted date may bring marks and spaces (parse_jalali drops them)
        self.line.textEdited.connect(lambda _t: self.edited.emit())
        self.button = QToolButton(self)
        self.button.setObjectName("date_pick")
        self.button.setText("▾")
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.calendar = JalaliCalendar()
        self.calendar.picked.connect(self._picked)
        menu = QMenu(self.button)
        action = QWidgetAction(menu)
        action.setDefaultWidget(self.calendar)
        menu.addAction(action)
        self.button.setMenu(menu)
        layout.addWidget(self.line, 1)
        layout.addWidget(self.button)
        self.setFocusProxy(self.line)

    def _picked(self, d: date) -> None:
        self.set_date(d)
        self.button.menu().hide()
        self.edited.emit()

    def text(self) -> str:
        return self.line.text()

    def setText(self, text: str) -> None:
        self.line.setText(text)

    def set_date(self, d: date | None) -> None:
        self.line.setText(format_jalali(d) if d else "")
        self.calendar.set_selected(d)

    def date(self) -> date | None:
        """The date typed, or None if empty; raises ValidationError (Persian) if it does not exist."""
        text = self.line.text().strip()
        return parse_jalali(text) if text else None


class FieldErrors:
    """Shows a FormError's messages in the QLabel named ``<field>_error`` beside each field.

    Keys like ``products.2.hs_code`` fall back to ``products_error``; anything without a label goes to
    the general label (``form_error``). With a ``prefix`` the labels are ``<prefix><field>_error`` (two
    forms in one window that report the same fields).
    """

    STYLE = "color: #b00020;"

    def __init__(self, root: QWidget, general: QLabel | None = None, *, prefix: str = "") -> None:
        self.root = root
        self.prefix = prefix
        self.general = general or root.findChild(QLabel, prefix + "form_error")
        for label in self._labels():
            label.setStyleSheet(self.STYLE)
            label.setWordWrap(True)
            label.hide()

    def _labels(self) -> list[QLabel]:
        return [w for w in self.root.findChildren(QLabel) if w.objectName().endswith("_error")]

    def label_for(self, key: str) -> QLabel | None:
        for name in (
            self.prefix + key.replace(".", "_") + "_error",
            self.prefix + key.split(".")[0] + "_error",
        ):
            label = self.root.findChild(QLabel, name)
            if label is not None:
                return label
        return self.general

    def clear(self) -> None:
        for label in self._labels():
            label.clear()
            label.hide()

    def show(self, err: DomainError) -> None:
        self.clear()
        items = err.by_field().items() if isinstance(err, FormError) else [(err.field or "", str(err))]
        shown: dict[QLabel, list[str]] = {}
        for key, message in items:
            label = self.label_for(key) if key else self.general
            if label is None:
                continue
            shown.setdefault(label, []).append(message)
        for label, messages in shown.items():
            label.setText("\n".join(messages))
            label.show()

    def messages(self) -> dict[str, str]:
        """Visible messages by label name (for tests)."""
        return {lbl.objectName(): lbl.text() for lbl in self._labels() if lbl.isVisible() or lbl.text()}


def set_wrapped_text(label: QLabel, text: str) -> None:
    """Our own word-wrapped text (never user input's markup: it is escaped), laid out as rich text: Qt's
    plain-text wrapping measures some right-to-left lines narrower than it draws them, which clips the
    last word of a line at the left edge or shifts the line."""
    label.setTextFormat(Qt.TextFormat.RichText)
    label.setWordWrap(True)
    # A window sized by hints may give the label more height than its lines take: keep them on top.
    label.setAlignment(Qt.AlignmentFlag.AlignLeading | Qt.AlignmentFlag.AlignTop)
    label.setText(html.escape(text).replace("\n", "<br>"))


def fa_int(n: int | None) -> str:
    return "" if n is None else format_int(n)


def fa_score(x: float | None) -> str:
    return format_score(x)


def persian_locale() -> QLocale:
    return QLocale(QLocale.Language.Persian, QLocale.Country.Iran)
