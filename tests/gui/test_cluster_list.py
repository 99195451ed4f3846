"""The cluster list: search folded for Persian letters and digits, SQL sorting and paging, filters, opening."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication

from cluster_desktop.gui.cluster_list import ClusterListView
from cluster_desktop.gui.dossier_table_model import COLUMNS, ID_ROLE, DossierTableModel
from cluster_desktop.services import workflow
from cluster_desktop.services.clusters import ClusterInput, ProductInput, create_cluster
from cluster_desktop.store.models import Dossier

from .conftest import type_text

# (name, county, hs code, score)
CLUSTERS = [
    ("فرش دستباف كاشان", "شیراز", "5701", 71.5),  # typed with Arabic ك
    ("کارگاه‌های 123 مبل", "مرودشت", "9403", 88.25),  # Latin digits in the name
    ("خرمای جهرم", "جهرم", "0804.10", 64.0),
    ("گلاب مرودشت", "مرودشت", "3301", None),
    ("انگور شیراز", "شیراز", "0806", 79.9),
]


@pytest.fixture
def dossiers(ctx) -> dict[str, str]:
    """Five dossiers with scores; the grapes one nominated."""
    ids = {}
    with ctx.session() as s:
        for name, county, hs, score in CLUSTERS:
            d = create_cluster(
                s, ctx.actor, ClusterInput(name, county, products=[ProductInput(hs, "محصول")], employees=100)
            )
            d.provincial_score = score
            ids[name] = d.id
        workflow.transition(s, ctx.actor, ids["انگور شیراز"], "nominate")
    return ids


def _names(view: ClusterListView) -> list[str]:
    m = view.model
    return [m.index(r, 0).data() for r in range(m.rowCount())]


def _view(ctx, qtbot) -> ClusterListView:
    view = ClusterListView(ctx)
    qtbot.addWidget(view)
    view.resize(1200, 600)
    view.show()
    return view


def test_count_label_in_persian_digits(ctx, qtbot, dossiers) -> None:
    view = _view(ctx, qtbot)
    assert view.count_label.text() == "۵ پرونده"
    row = _names(view).index("کارگاه‌های 123 مبل")
    cells = [view.model.index(row, c).data() for c in range(len(COLUMNS))]
    assert cells[4] == "۸۸٫۳" and cells[5] == "۱۰۰"
    assert cells[3] == "پیش‌نویس"


@pytest.mark.parametrize(
    ("typed", "found"),
    [
        ("کاشان", "فرش دستباف کاشان"),  # Persian ک finds what was typed with Arabic ك
        ("كاشان", "فرش دستباف کاشان"),  # and Arabic ك finds it too
        ("۱۲۳", "کارگاه‌های 123 مبل"),  # Persian digits find Latin ones
        ("١٢٣", "کارگاه‌های 123 مبل"),  # Arabic-Indic digits too
        ("۰۸۰۶", "انگور شیراز"),  # an HS code in Persian digits
    ],
)
def test_search_folds_letters_and_digits(ctx, qtbot, dossiers, typed: str, found: str) -> None:
    view = _view(ctx, qtbot)
    type_text(view.search_edit, typed)
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert _names(view) == [found]
    assert view.count_label.text() == "۱ پرونده"


def test_latin_digits_find_persian_digits(ctx, qtbot) -> None:
    with ctx.session() as s:
        create_cluster(s, ctx.actor, ClusterInput("مجتمع ۱۲۳ صنایع", "شیراز"))
        create_cluster(s, ctx.actor, ClusterInput("مجتمع صنایع دیگر", "شیراز"))
    view = _view(ctx, qtbot)
    type_text(view.search_edit, "123")
    qtbot.waitUntil(lambda: view.model.rowCount() == 1, timeout=2000)
    assert _names(view) == ["مجتمع ۱۲۳ صنایع"]


def test_clicking_the_score_header_sorts_in_sql_page_by_page(ctx, qtbot, dossiers, monkeypatch) -> None:
    monkeypatch.setattr(DossierTableModel, "PAGE_SIZE", 2)  # five rows on three pages
    view = _view(ctx, qtbot)
    header = view.table.horizontalHeader()
    col = next(i for i, c in enumerate(COLUMNS) if c.key == "score")
    at = QPoint(header.sectionViewportPosition(col) + header.sectionSize(col) // 2, header.height() // 2)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    first = view.model.query()
    assert first.order_by == "score"
    if not first.descending:  # the first click may sort either way; the second reverses it
        qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at)
    assert view.model.query().descending
    # Only the pages asked for are fetched, and the order holds across them (sorted by the database).
    view.model.queries = 0
    assert view.model.index(0, 0).data() == "کارگاه‌های 123 مبل"
    assert view.model.queries == 1
    assert _names(view) == [
        "کارگاه‌های 123 مبل",
        "انگور شیراز",
        "فرش دستباف کاشان",
        "خرمای جهرم",
        "گلاب مرودشت",  # no score yet: last
    ]
    assert view.model.queries == 3


def test_state_filter_and_dashboard_entry(ctx, qtbot, dossiers) -> None:
    view = _view(ctx, qtbot)
    view.state_combo.setCurrentIndex(view.state_combo.findText("معرفی‌شده"))
    assert _names(view) == ["انگور شیراز"]
    view.set_state_filter("draft")
    assert view.state_combo.currentText() == "پیش‌نویس"
    assert len(_names(view)) == 4
    view.set_state_filter(None)
    assert view.count_label.text() == "۵ پرونده"


def test_hs_prefix_filter(ctx, qtbot, dossiers) -> None:
    view = _view(ctx, qtbot)
    type_text(view.hs_edit, "۰۸")
    qtbot.waitUntil(lambda: view.model.rowCount() == 2, timeout=2000)
    assert sorted(_names(view)) == ["انگور شیراز", "خرمای جهرم"]


def test_enter_and_double_click_open_the_dossier(ctx, qtbot, dossiers) -> None:
    view = _view(ctx, qtbot)
    row = _names(view).index("خرمای جهرم")
    view.table.setFocus()
    view.table.setCurrentIndex(view.model.index(row, 0))
    with qtbot.waitSignal(ctx.open_dossier) as opened:
        qtbot.keyClick(view.table, Qt.Key.Key_Return)
    assert opened.args == [dossiers["خرمای جهرم"]]
    rect = view.table.visualRect(view.model.index(row, 1))
    with qtbot.waitSignal(ctx.open_dossier) as opened:  # a real double click: click, then double click
        qtbot.mouseClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        qtbot.mouseDClick(view.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened.args == [dossiers["خرمای جهرم"]]


def test_new_cluster_button_records_and_opens(ctx, qtbot, asked) -> None:
    view = _view(ctx, qtbot)
    assert view.new_button.isVisible()
    qtbot.mouseClick(view.new_button, Qt.MouseButton.LeftButton)
    dialog = view.new_dialog
    assert dialog is not None and dialog.isVisible()
    type_text(dialog.form.edits["name"], "زعفران استهبان")
    type_text(dialog.form.edits["county"], "استهبان")
    with qtbot.waitSignal(ctx.open_dossier) as opened:
        qtbot.mouseClick(dialog.form.save_button, Qt.MouseButton.LeftButton)
    with ctx.session() as s:
        d = s.get(Dossier, opened.args[0])
        assert d.cluster.name == "زعفران استهبان" and d.state == "draft"
    assert not dialog.isVisible()
    assert view.count_label.text() == "۱ پرونده"


def test_viewer_has_no_new_button(ctx, qtbot) -> None:
    from dataclasses import replace

    from cluster_desktop.domain.roles import Role
    from cluster_desktop.gui.context import AppContext

    viewer = AppContext(ctx.ws, replace(ctx.actor, role=Role.VIEWER), "fa")
    view = _view(viewer, qtbot)
    assert not view.new_button.isVisible()


def test_model_ids_match_rows(ctx, qtbot, dossiers) -> None:
    view = _view(ctx, qtbot)
    ids = {view.model.index(r, 0).data(ID_ROLE) for r in range(view.model.rowCount())}
    assert ids == set(dossiers.values())
    assert QApplication.layoutDirection() == Qt.LayoutDirection.RightToLeft
