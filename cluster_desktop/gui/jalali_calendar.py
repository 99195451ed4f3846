"""The Jalali month page of the date picker, drawn from the program's one calendar (domain/jalali).

Qt's QCalendarWidget with QCalendar's Jalali system computes its own leap years, which differ from
jdatetime's (the parser's and print's) for every day of 1437 and 1470: picking «۱۰ مرداد ۱۴۳۷» there
wrote ۱۴۳۷/۰۵/۰۹. This page asks domain/jalali for each month's days, so the picker, the text field,
the status bar and paper always name the same day.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from cluster_desktop.domain.jalali import (
    JALALI_MONTHS_FA,
    MAX_YEAR,
    MIN_YEAR,
    WEEKDAYS_FA,
    format_jalali_weekday,
    jalali_parts,
    month_dates,
    today,
    weekday_index,
)
from cluster_desktop.domain.numbers import to_persian_digits

_WEEKEND = 6  # Friday's column
_CELLS = 6 * 7


class JalaliCalendar(QWidget):
    """A month page: previous/next month, month and year choosers, and the days Saturday first."""

    picked = Signal(object)  # datetime.date

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("jalali_calendar")
        self.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
        self._selected: date | None = None
        outer = QVBoxLayout(self)
        outer.setContentsMargins(6, 6, 6, 6)
        head = QHBoxLayout()
        self.prev_button = self._nav("prev_month", "›", -1)  # right-to-left: the earlier month is right
        self.next_button = self._nav("next_month", "‹", +1)
        self.month_combo = QComboBox(self)
        self.month_combo.setObjectName("month_combo")
        self.month_combo.addItems(JALALI_MONTHS_FA)
        self.year_spin = QSpinBox(self)
        self.year_spin.setObjectName("year_spin")
        self.year_spin.setRange(MIN_YEAR, MAX_YEAR)
        self.year_spin.setGroupSeparatorShown(False)
        head.addWidget(self.prev_button)
        head.addWidget(self.month_combo, 1)
        head.addWidget(self.year_spin)
        head.addWidget(self.next_button)
        outer.addLayout(head)
        grid = QGridLayout()
        grid.setSpacing(2)
        for col, name in enumerate(WEEKDAYS_FA):
            label = QLabel(name[0] if col != 3 else "س", self)  # «سه‌شنبه» → «س»
            label.setToolTip(name)
            label.setTextFormat(Qt.TextFormat.PlainText)
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            if col == _WEEKEND:
                label.setStyleSheet("color: #b00020;")
            grid.addWidget(label, 0, col)
        self.day_buttons: list[QToolButton] = []
        for i in range(_CELLS):
            button = QToolButton(self)
            button.setObjectName(f"day_{i}")
            button.setAutoRaise(True)
            button.setMinimumSize(30, 26)
            button.clicked.connect(lambda _checked=False, b=button: self._clicked(b))
            grid.addWidget(button, 1 + i // 7, i % 7)
            self.day_buttons.append(button)
        outer.addLayout(grid)
        self.today_button = QToolButton(self)
        self.today_button.setObjectName("today_button")
        self.today_button.setText(self.tr("Today: %1").replace("%1", format_jalali_weekday(today())))
        self.today_button.setAutoRaise(True)
        self.today_button.clicked.connect(lambda: self._pick(today()))
        outer.addWidget(self.today_button, 0, Qt.AlignmentFlag.AlignHCenter)
        self.month_combo.currentIndexChanged.connect(lambda _i: self._fill())
        self.year_spin.valueChanged.connect(lambda _v: self._fill())
        self.show_month(*jalali_parts(today())[:2])

    def _nav(self, name: str, text: str, step: int) -> QToolButton:
        button = QToolButton(self)
        button.setObjectName(name)
        button.setText(text)
        button.setAutoRaise(True)
        button.clicked.connect(lambda: self.step_month(step))
        return button

    # -- what is shown ---------------------------------------------------------------------------

    def month(self) -> tuple[int, int]:
        return self.year_spin.value(), self.month_combo.currentIndex() + 1

    def show_month(self, year: int, month: int) -> None:
        year = max(MIN_YEAR, min(MAX_YEAR, year))
        for w in (self.year_spin, self.month_combo):
            w.blockSignals(True)
        self.year_spin.setValue(year)
        self.month_combo.setCurrentIndex(month - 1)
        for w in (self.year_spin, self.month_combo):
            w.blockSignals(False)
        self._fill()

    def step_month(self, step: int) -> None:
        year, month = self.month()
        index = year * 12 + (month - 1) + step
        if MIN_YEAR * 12 <= index < (MAX_YEAR + 1) * 12:
            self.show_month(index // 12, index % 12 + 1)

    def set_selected(self, d: date | None) -> None:
        self._selected = d
        if d is not None:
            self.show_month(*jalali_parts(d)[:2])
        else:
            self._fill()

    def shown_dates(self) -> list[date | None]:
        """The date under each of the 42 cells (None for an empty cell): what a test compares."""
        return [b.property("day") for b in self.day_buttons]

    def _fill(self) -> None:
        days = month_dates(*self.month())
        lead = weekday_index(days[0])
        now = today()
        for i, button in enumerate(self.day_buttons):
            k = i - lead
            d = days[k] if 0 <= k < len(days) else None
            button.setProperty("day", d)
            button.setVisible(d is not None)
            if d is None:
                continue
            button.setText(to_persian_digits(k + 1))
            button.setToolTip(format_jalali_weekday(d))
            style = []
            if i % 7 == _WEEKEND:
                style.append("color: #b00020;")
            if d == now:
                style.append("font-weight: bold; border: 1px solid #1a6fb5; border-radius: 3px;")
            if d == self._selected:
                style.append("background: #1a6fb5; color: white; border-radius: 3px;")
            button.setStyleSheet(" ".join(style))

    # -- picking ---------------------------------------------------------------------------------

    def _clicked(self, button: QToolButton) -> None:
        d = button.property("day")
        if isinstance(d, date):
            self._pick(d)

    def _pick(self, d: date) -> None:
        self.set_selected(d)
        self.picked.emit(d)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_PageUp:
            self.step_month(-1)
        elif event.key() == Qt.Key.Key_PageDown:
            self.step_month(+1)
        else:
            super().keyPressEvent(event)
