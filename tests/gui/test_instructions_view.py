"""The instructions registry (F5/F15) driven through its widgets: the centre issues a revision, a
refusal stays beside its field, a province only reads."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.instructions_view import InstructionsView
from tests.gui.conftest import type_text


def _view(qtbot, ctx: AppContext) -> InstructionsView:  # type: ignore[no-untyped-def]
    view = InstructionsView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 700)
    view.show()
    return view


def test_the_centre_issues_a_first_revision_from_the_screen(central_ctx, qtbot, asked) -> None:
    view = _view(qtbot, central_ctx)
    # GIVEN the four instructions of the seed, none issued
    assert view.model.rowCount() == 4 and view.model.row_at(0).code == "F5-1"
    assert "ابلاغ نشده" in view.model.data(view.model.index(0, 2))
    assert "بازنگری تازه" in view.status_label.text() and view.revise_button.isVisible()
    # WHEN the secretary opens a new revision and saves it without its text
    dialog = view.revise()
    assert dialog is not None and "۲۰۷۹۴" in dialog.findChild(QLabel, "code_label").text()
    save = dialog.findChild(QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    # THEN the dialog stays open with the reason beside the text, and nothing was issued
    assert dialog.isVisible() and "متن دستورالعمل" in dialog.findChild(QLabel, "body_error").text()
    assert view.model.row_at(0).revision is None
    # WHEN the text is typed and saved
    type_text(dialog.body_edit, "ماده ۱ — دبیرخانه‌ها فهرست خوشه‌ها را هر سه ماه می‌فرستند.")
    with qtbot.waitSignal(central_ctx.changed):
        qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    # THEN the table shows revision 1 in force and the text is shown beside it
    assert not dialog.isVisible()
    assert view.model.row_at(0).revision == 1 and "نسخهٔ ۱" in view.model.data(view.model.index(0, 2))
    assert view.revision_combo.count() == 1 and "(جاری)" in view.revision_combo.itemText(0)
    assert "هر سه ماه" in view.body_view.toPlainText() and "جاری از" in view.status_label.text()


def test_a_province_reads_but_cannot_issue(ctx, qtbot) -> None:
    view = _view(qtbot, ctx)
    assert not view.revise_button.isVisible()
    assert "بستهٔ مرکز" in view.status_label.text()


def test_a_central_member_reads_but_is_not_offered_to_issue(central_ctx, qtbot) -> None:
    from dataclasses import replace

    from cluster_desktop.domain.roles import Role

    member = AppContext(central_ctx.ws, replace(central_ctx.actor, role=Role.EVALUATOR), "fa")
    view = _view(qtbot, member)
    assert not view.revise_button.isVisible() and view.status_label.text() == "هنوز ابلاغ نشده است."
