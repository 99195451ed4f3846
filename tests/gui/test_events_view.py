"""F4 in the GUI: record an event through the dialog; bad input is shown beside its field."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel, QPushButton

from cluster_desktop.gui.events_view import EventDialog, EventsView
from tests.gui.conftest import type_text


def test_an_event_is_recorded_edited_and_deleted_through_the_screen(ctx, qtbot, asked) -> None:
    view = EventsView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert view.model.rowCount() == 0
    qtbot.mouseClick(view.findChild(QPushButton, "add_button"), Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, EventDialog) and not dialog.province_combo.isVisible()
    ok = dialog.findChild(QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok)
    dialog.participants_edit.setText("سی")
    dialog.held_on_edit.line.setText("1404/12/30")
    ok.click()
    assert (
        dialog.findChild(QLabel, "title_error").text()
        and dialog.findChild(QLabel, "participants_error").text()
    )
    assert dialog.findChild(QLabel, "held_on_error").text() and view.model.rowCount() == 0
    type_text(dialog.title_edit, "کارگاه برندسازی مشترک")
    dialog.participants_edit.setText("۳۲")
    dialog.held_on_edit.line.setText("۱۴۰۵/۰۳/۱۲")
    dialog.organization_combo.setCurrentIndex(dialog.organization_combo.findData("ISIPO"))
    ok.click()
    assert not dialog.isVisible() and view.model.rowCount() == 1
    assert "۳۲ شرکت‌کننده" in view.totals_label.text()
    row = view.model.rows[0]
    assert (row.title, row.participants, row.held_on.isoformat()) == (
        "کارگاه برندسازی مشترک",
        32,
        "2026-06-02",
    )
    qtbot.mouseClick(view.findChild(QPushButton, "delete_button"), Qt.MouseButton.LeftButton)
    assert asked.said("confirm") and view.model.rowCount() == 0


def test_the_event_form_asks_before_losing_typed_text(ctx, qtbot, asked) -> None:
    view = EventsView(ctx)
    qtbot.addWidget(view)
    qtbot.mouseClick(view.findChild(QPushButton, "add_button"), Qt.MouseButton.LeftButton)
    dialog = view.dialog
    type_text(dialog.title_edit, "همایش نیمه‌کاره")
    asked.save_answer = "cancel"
    dialog.reject()
    assert dialog.isVisible() and asked.said("unsaved")
    asked.save_answer = "discard"
    dialog.reject()
    assert not dialog.isVisible() and view.model.rowCount() == 0


def test_the_centre_reads_a_provinces_event_but_cannot_change_it(central_ctx, qtbot) -> None:
    from datetime import date

    from cluster_desktop.gui.central_tables import select_row
    from cluster_desktop.store.models import TrainingEvent

    # GIVEN an event a province's bundle brought (owned by IR-07)
    with central_ctx.session() as s:
        s.add(
            TrainingEvent(
                owner_office_id="IR-07",
                title="کارگاه استانی",
                kind="training",
                held_on=date(2026, 5, 1),
                province_code="IR-07",
                participants=30,
            )
        )
    view = EventsView(central_ctx)
    qtbot.addWidget(view)
    view.show()
    # THEN it is listed, the screen says provinces' events are read-only, and edit/delete are off for it
    assert "فقط خواندنی" in view.findChild(QLabel, "intro_label").text()
    row = next(i for i, r in enumerate(view.model.rows) if r.title == "کارگاه استانی")
    select_row(view.table, row)
    assert not view.findChild(QPushButton, "edit_button").isEnabled()
    assert not view.findChild(QPushButton, "delete_button").isEnabled()
