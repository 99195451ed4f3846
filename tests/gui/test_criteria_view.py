"""F15 in the GUI: the centre's secretary revises weights and threshold; bad input is named beside its
field and saves nothing; a province sees the versions but cannot revise."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QLabel
from sqlalchemy import func, select

from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.criteria_view import CriteriaRevisionDialog, CriteriaView
from cluster_desktop.store.models import CriteriaSet
from tests.gui.conftest import type_text


@pytest.fixture
def cctx(fa_app, central_demo):  # type: ignore[no-untyped-def]
    ws, actor = central_demo("secretary")
    return AppContext(ws, actor, "fa")


def sets(ctx: AppContext) -> int:
    with ctx.session() as s:
        return int(s.scalar(select(func.count()).select_from(CriteriaSet)) or 0)


def test_the_centre_revises_the_weights_through_the_dialog(cctx, qtbot, asked) -> None:
    view = CriteriaView(cctx)
    qtbot.addWidget(view)
    view.show()
    assert view.sets_model.rowCount() == 1 and view.criteria_model.rowCount() == 9
    assert view.revise_button.isVisible()
    qtbot.mouseClick(view.revise_button, Qt.MouseButton.LeftButton)
    dialog = view.dialog
    assert isinstance(dialog, CriteriaRevisionDialog) and dialog.isVisible()
    assert dialog.sum_label.text() == "جمع: ۱۰۰ از ۱۰۰"
    ok = dialog.findChild(QDialogButtonBox, "buttons").button(QDialogButtonBox.StandardButton.Ok)
    # WHEN C1 becomes 11 (total 101) and C2 holds a letter, without a reason
    dialog.weight_edits["C1"].setText("۱۱")
    assert dialog.sum_label.text() == "جمع: ۱۰۱ از ۱۰۰"
    dialog.weight_edits["C2"].setText("هشت")
    ok.click()
    # THEN the letter is named beside C2, the reason beside its field, and nothing is saved
    assert dialog.findChild(QLabel, "weight_C2_error").text()
    assert dialog.findChild(QLabel, "note_error").text() and dialog.isVisible() and sets(cctx) == 1
    dialog.weight_edits["C2"].setText("8")
    type_text(dialog.note_edit, "نتایج پایش سال ۱۴۰۵")
    ok.click()
    assert "۱۰۰" in dialog.findChild(QLabel, "weights_error").text() and sets(cctx) == 1
    # WHEN the total is 100 again (C4 18 -> 17) and the threshold 65
    dialog.weight_edits["C4"].setText("17")
    dialog.threshold_edit.setText("۶۵")
    ok.click()
    # THEN version 2 is current and shown first, with its weights and the reason
    assert not dialog.isVisible() and sets(cctx) == 2 and asked.said("info")
    assert view.sets_model.rows[0].number == 2 and view.sets_model.rows[0].is_current
    weights = {r.code: r.weight_percent for r in view.criteria_model.rows}
    assert weights["C1"] == 11 and weights["C4"] == 17
    assert "نتایج پایش سال ۱۴۰۵" in view.set_label.text()


def test_a_province_sees_the_versions_but_does_not_revise(ctx, qtbot) -> None:
    view = CriteriaView(ctx)
    qtbot.addWidget(view)
    view.show()
    assert not view.revise_button.isVisible() and view.criteria_model.rowCount() == 9
    assert "دبیر کارگروه مرکز" in view.findChild(QLabel, "revise_note").text()
