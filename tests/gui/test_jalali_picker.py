"""The date picker shows the program's one Jalali calendar, and a picked day is the day written."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCalendar, QDate

from cluster_desktop.domain.jalali import format_jalali, month_dates, today, weekday_index
from cluster_desktop.gui.widgets import JalaliDateEdit


def test_picking_10_mordad_1437_writes_that_day(fa_app, qtbot) -> None:
    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    cal = edit.calendar
    # GIVEN the month page of Mordad 1437, a year where Qt's own Jalali arithmetic is a day off
    cal.show_month(1437, 5)
    button = next(b for b in cal.day_buttons if b.isVisibleTo(cal) and b.text() == "۱۰")
    # WHEN the clerk clicks «۱۰»
    button.click()
    # THEN the field holds ۱۴۳۷/۰۵/۱۰ and it reads back as that day
    assert edit.text() == "۱۴۳۷/۰۵/۱۰"
    assert edit.date() == date(2058, 8, 1)
    # (Qt's calendar would have named another day for the same date)
    assert QCalendar(QCalendar.System.Jalali).partsFromDate(QDate(2058, 8, 1)).day != 10


def test_every_month_page_puts_each_day_under_its_weekday(fa_app, qtbot) -> None:
    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    cal = edit.calendar
    for year in (1300, 1403, 1404, 1437, 1470, 1500):
        for month in range(1, 13):
            cal.show_month(year, month)
            shown = cal.shown_dates()
            days = month_dates(year, month)
            assert [d for d in shown if d is not None] == days
            for i, d in enumerate(shown):
                if d is not None:
                    assert i % 7 == weekday_index(d)  # column 0 is Saturday, 6 is Friday


def test_the_picker_opens_on_the_typed_date_and_steps_months(fa_app, qtbot) -> None:
    edit = JalaliDateEdit()
    qtbot.addWidget(edit)
    edit.set_date(date(2026, 3, 20))  # 29 Esfand 1404
    assert edit.calendar.month() == (1404, 12)
    edit.calendar.next_button.click()
    assert edit.calendar.month() == (1405, 1)
    edit.calendar.prev_button.click()
    edit.calendar.prev_button.click()
    assert edit.calendar.month() == (1404, 11)
    edit.calendar.today_button.click()
    assert edit.text() == format_jalali(today())  # Tehran's today
