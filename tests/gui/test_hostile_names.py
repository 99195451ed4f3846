"""Issue 18's GUI walk: names that look like markup, Latin names and very long names, in every view.

Every label that shows user data is plain text (a cluster named ``<img src="/etc/passwd"/>`` is shown,
not loaded); every label is plain unless it says it is rich and escapes what it quotes; a Latin name in
a table reads left to right inside the right-to-left window; a 200-character name does not widen the
dossier page.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QHeaderView,
    QLabel,
    QStyleOptionViewItem,
    QWidget,
)
from sqlalchemy import select, update

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.screenshots import TARGETS, pick_actor
from cluster_desktop.services.demo import fill_demo
from cluster_desktop.store.models import Cluster, Dossier, Meeting, Member, Programme
from tests.conftest import PASSWORD

HOSTILE = '<b>x</b> <img src="/etc/passwd"/> <font color=red>z</font>'
LATIN = "Saffron & Spice Export Cluster Ltd."
LONG = "خوشهٔ " + "صادراتی بسیار بلند " * 11  # about 200 characters


def _poison(ws) -> str:  # type: ignore[no-untyped-def]
    """Rename what people type: every cluster (one Latin, one very long), members, meetings,
    programmes. Returns the Latin cluster's dossier id."""
    with ws.db.session() as s:
        ids = list(s.scalars(select(Cluster.id).order_by(Cluster.id)))
        for i, cid in enumerate(ids):
            name = LATIN if i == 0 else LONG + str(i) if i == 1 else f"{HOSTILE} {i}"
            s.execute(update(Cluster).where(Cluster.id == cid).values(name=name))
        s.execute(update(Member).values(full_name=HOSTILE, position=HOSTILE))
        s.execute(update(Meeting).values(location=HOSTILE, agenda=HOSTILE))
        s.execute(update(Programme).values(title=HOSTILE, proposer_name=HOSTILE))
        latin = s.scalar(select(Dossier.id).where(Dossier.cluster_id == ids[0]))
        assert latin is not None
        return latin


def _views(kind: str) -> Iterator[str]:
    from cluster_desktop.gui.views import VIEWS

    offered = {v.key for v in VIEWS if kind in v.offices}
    for key in TARGETS:
        if key in ("wizard", "login") or (key in {v.key for v in VIEWS} and key not in offered):
            continue
        yield key


def _build(ctx: AppContext, key: str) -> QWidget | None:
    """The view's screenshot widget, or None for a screen this kind of office does not have."""
    module, _, fn = TARGETS[key].partition(":")
    try:
        widget: QWidget = getattr(importlib.import_module(f"cluster_desktop.gui.{module}"), fn)(ctx)
    except DomainError:  # a screen of the other kind of office, refused here as in the CLI
        return None
    widget.resize(1280, 800)
    widget.show()
    for _ in range(5):
        QApplication.processEvents()
    return widget


def _check_labels(widget: QWidget, where: str, wrong: list[str]) -> int:
    """Counts the labels showing a hostile name; names every label that guesses or renders markup."""
    hostile = 0
    for label in widget.findChildren(QLabel):
        if label.textFormat() == Qt.TextFormat.AutoText:
            wrong.append(f"{where}: {label.objectName() or label.text()[:30]} guesses markup")
        if "<img" in label.text():
            hostile += 1
            if label.textFormat() != Qt.TextFormat.PlainText:
                wrong.append(f"{where}: {label.objectName()} renders a name as markup")
    return hostile


def _columns(model) -> int:  # type: ignore[no-untyped-def]
    try:
        return int(model.columnCount(QModelIndex()))
    except TypeError:  # a list model keeps columnCount private
        return 1


def _cell_directions(widget: QWidget) -> dict[str, Qt.LayoutDirection]:
    """The reading direction each item view's delegate gives the cells showing the Latin name."""
    found: dict[str, Qt.LayoutDirection] = {}
    for view in widget.findChildren(QAbstractItemView):
        model = view.model()
        if model is None or isinstance(view, QHeaderView):
            continue
        for row in range(min(model.rowCount(QModelIndex()), 60)):
            for col in range(_columns(model)):
                index = model.index(row, col, QModelIndex())
                if model.data(index) == LATIN:
                    option = QStyleOptionViewItem()
                    option.initFrom(view)
                    view.itemDelegate().initStyleOption(option, index)  # type: ignore[attr-defined]
                    found[view.objectName() or type(view).__name__] = option.direction  # type: ignore[attr-defined]
    return found


@pytest.mark.parametrize("office", ["province", "central"])
def test_every_view_shows_hostile_names_as_typed(office, fa_app, qtbot, request) -> None:
    if office == "central":
        ws, _actor = request.getfixturevalue("central_demo")("admin")
    else:
        ws = request.getfixturevalue("workspace")
        fill_demo(ws, request.getfixturevalue("province_admin"), PASSWORD, count=14)
    latin_dossier = _poison(ws)
    ctx = AppContext(ws, pick_actor(ws), "fa")
    shown_hostile = 0
    wrong: list[str] = []
    directions: dict[str, Qt.LayoutDirection] = {}
    for key in _views(office):
        widget = _build(ctx, key)
        if widget is None:
            continue
        shown_hostile += _check_labels(widget, key, wrong)
        directions.update({f"{key}/{k}": v for k, v in _cell_directions(widget).items()})
        widget.close()
        widget.deleteLater()
    # The dossier page of the Latin cluster, and of the very long one
    from cluster_desktop.gui.dossier_page import DossierPage

    page = DossierPage(ctx, latin_dossier)
    qtbot.addWidget(page)
    page.show()
    _check_labels(page, "dossier", wrong)
    with ws.db.session() as s:
        long_dossier = s.scalar(select(Dossier.id).join(Cluster).where(Cluster.name.startswith(LONG)))
    long_page = DossierPage(ctx, long_dossier)
    qtbot.addWidget(long_page)
    long_page.resize(1000, 700)
    long_page.show()
    QApplication.processEvents()
    # THEN a 200-character name elides instead of widening the page, and its tooltip holds it whole
    assert long_page.minimumSizeHint().width() < 1000
    title = long_page.findChild(QLabel, "title_label")
    assert LONG.strip() in title.full_text() and title.width() <= 1000  # type: ignore[attr-defined]
    # THEN markup-looking names were shown somewhere, always as plain text
    assert not wrong, wrong
    assert shown_hostile > 0
    # AND each table cell with the Latin name reads left to right in the right-to-left window
    assert directions, "the Latin cluster was listed nowhere"
    assert set(directions.values()) == {Qt.LayoutDirection.LeftToRight}, directions
