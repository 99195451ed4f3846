"""The sensitivity view (issue 16, part 2), driven like a secretary would: compute off the GUI thread,
read the table, drag a weight and watch the list re-rank, propose the revision, print the annex."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QSlider

from cluster_desktop.domain.numbers import format_int
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.criteria_view import CriteriaRevisionDialog
from cluster_desktop.gui.print_preview import PrintPreviewDialog
from cluster_desktop.gui.sensitivity_view import SensitivityView
from cluster_desktop.gui.views import views_for
from cluster_desktop.services import rankings, sensitivity
from cluster_desktop.services.demo import fill_demo
from tests.conftest import PASSWORD
from tests.printing.pdftext import extract_logical_pages, normalise


def _computed(qtbot, ctx: AppContext, draws: int = 300) -> SensitivityView:  # type: ignore[no-untyped-def]
    view = SensitivityView(ctx)
    qtbot.addWidget(view)
    view.resize(1300, 850)
    view.show()
    view.draws_spin.setValue(draws)
    assert not view.print_button.isEnabled() and not view.what_if.isEnabled()
    with qtbot.waitSignal(view.compute().finished, timeout=60_000):
        pass
    return view


def _column(view: SensitivityView, key: str) -> int:
    return next(i for i, c in enumerate(view.model.columns) if c.key == key)


def test_compute_lists_every_ranked_dossier_with_its_range(central_demo, fa_app, qtbot) -> None:
    ws, secretary = central_demo("secretary")
    ctx = AppContext(ws, secretary, "fa")
    view = _computed(qtbot, ctx)
    with ws.db.session() as s:
        ranked = [r for r in rankings.ranked_rows(s, level="central") if r.rank is not None]
    # THEN the table lists the ranked dossiers in the ranking's order, ranks in Persian digits
    model = view.model
    assert model.rowCount() == len(ranked) >= 10
    assert [model.row_at(i).id for i in range(model.rowCount())] == [r.id for r in ranked]
    first = model.row_at(0)
    assert model.index(0, _column(view, "rank")).data() == "۱"
    shown = model.index(0, _column(view, "range")).data()
    assert shown == (
        format_int(first.min_rank)
        if first.min_rank == first.max_rank
        else f"{format_int(first.min_rank)} تا {format_int(first.max_rank)}"
    )
    assert model.headerData(_column(view, "top"), Qt.Orientation.Horizontal) == "احتمال ۱۰ رتبهٔ نخست"
    # AND the criteria, strongest first, and a summary in Persian
    assert view.influence_model.rowCount() == 9
    assert format_int(len(ranked)) in view.summary.text() and "پروندهٔ رتبه‌دار" in view.summary.text()
    assert view.print_button.isEnabled() and view.what_if.isEnabled()
    assert not view.table.isColumnHidden(_column(view, "province"))


def test_dragging_a_weight_reranks_live_and_proposes_a_revision(central_demo, fa_app, qtbot) -> None:
    ws, secretary = central_demo("secretary")
    view = _computed(qtbot, AppContext(ws, secretary, "fa"), draws=0)
    panel = view.what_if
    view.tabs.setCurrentWidget(panel)
    before = [panel.model.row_at(i).id for i in range(panel.model.rowCount())]
    assert before == [r.id for r in view.report.rows]  # type: ignore[union-attr]
    assert all(r.change == 0 for r in panel.rows)
    propose = panel.findChild(QPushButton, "what_if_propose_button")
    assert propose.isVisible() and not propose.isEnabled()
    # WHEN the secretary drags the most influential criterion's weight to the end
    code = view.report.influence[0].code  # type: ignore[union-attr]
    slider = panel.findChild(QSlider, f"weight_{code}_slider")
    with qtbot.waitSignal(panel.reranked):
        slider.setValue(100)
    # THEN the list re-ranks at once: another order, gains and losses marked
    after = [panel.model.row_at(i).id for i in range(panel.model.rowCount())]
    assert after != before and sorted(after) == sorted(before)
    changes = {panel.model.index(i, 1).data() for i in range(panel.model.rowCount())}
    assert any(c.startswith("▲") for c in changes) and any(c.startswith("▼") for c in changes)
    assert panel.share_labels[code].text().startswith("۱۰۰ (سهم ")
    # AND the revision dialog opens with those weights as whole percents adding up to 100
    assert propose.isEnabled()
    proposal = sensitivity.proposal(view.report, [s.value() for s in panel.sliders.values()])  # type: ignore[arg-type]
    with qtbot.waitSignal(panel.propose().finished):  # type: ignore[union-attr]
        pass
    dialog = panel.dialog
    assert isinstance(dialog, CriteriaRevisionDialog)
    assert {c: e.text() for c, e in dialog.weight_edits.items()} == {
        c: format_int(p) for c, p in proposal.items()
    }
    assert "۱۰۰" in dialog.sum_label.text()
    dialog.reject()
    # AND back to the current weights, the ranking's own order again
    panel.findChild(QPushButton, "what_if_reset_button").click()
    assert [panel.model.row_at(i).id for i in range(panel.model.rowCount())] == before
    assert not propose.isEnabled()


def test_the_annex_prints_as_one_page(central_demo, fa_app, qtbot, tmp_path: Path) -> None:
    ws, secretary = central_demo("secretary")
    view = _computed(qtbot, AppContext(ws, secretary, "fa"))
    with qtbot.waitSignal(view.print_annex().finished, timeout=60_000):  # type: ignore[union-attr]
        pass
    [dialog] = view.findChildren(PrintPreviewDialog)
    assert dialog.document.pageCount() == 1
    out = tmp_path / "annex.pdf"
    out.write_bytes(dialog.pdf)
    text = extract_logical_pages(out)[0]
    assert normalise("حساسیت رتبه‌ها به وزن معیارها") in text
    assert normalise(view.report.rows[0].name) in text  # type: ignore[union-attr]
    dialog.close()


def test_a_province_secretary_sees_its_own_ranking_and_no_revision(
    workspace, province_admin, fa_app, qtbot
) -> None:
    fill_demo(workspace, province_admin, PASSWORD, count=12)
    from cluster_desktop.services import users

    with workspace.db.session() as s:
        secretary = users.authenticate(s, "secretary", PASSWORD)
    view = _computed(qtbot, AppContext(workspace, secretary, "fa"))
    assert not view.province_combo.isVisible()
    assert view.report is not None and view.report.province_code == "IR-07"
    assert view.model.rowCount() == len(view.report.rows) > 0
    assert view.table.isColumnHidden(_column(view, "province"))
    assert not view.what_if.findChild(QPushButton, "what_if_propose_button").isVisible()
    assert "دبیر مرکز" in view.what_if.propose_note.text()


def test_only_the_secretariat_is_offered_the_view(central_demo, fa_app, qtbot) -> None:
    assert "sensitivity" in {s.key for s, _ in views_for("central", "secretary")}
    assert "sensitivity" in {s.key for s, _ in views_for("province", "secretary")}
    assert "sensitivity" not in {s.key for s, _ in views_for("central", "evaluator")}
    # The national list leads there for the secretariat
    from cluster_desktop.gui.national_list import NationalListView

    ws, secretary = central_demo("secretary")
    ctx = AppContext(ws, secretary, "fa")
    national = NationalListView(ctx)
    qtbot.addWidget(national)
    button = national.findChild(QPushButton, "sensitivity_button")
    with qtbot.waitSignal(ctx.navigate) as blocker:
        button.click()
    assert blocker.args == ["sensitivity"]


def test_cancel_stops_the_computation_quietly(central_demo, fa_app, qtbot, asked, monkeypatch) -> None:
    import threading

    from cluster_desktop.gui import sensitivity_view

    ws, secretary = central_demo("secretary")
    view = SensitivityView(AppContext(ws, secretary, "fa"))
    qtbot.addWidget(view)
    go = threading.Event()

    def slow(session, actor, options, report):  # type: ignore[no-untyped-def]
        go.wait(30)  # until the test has pressed Cancel
        report(0, 10, "read")
        raise AssertionError("the analysis went on after Cancel")

    monkeypatch.setattr(sensitivity_view.sensitivity, "analyse", slow)
    op = view.compute()
    assert not view.compute_button.isEnabled()
    assert op.dialog is not None
    op.dialog.canceled.emit()  # the progress dialog's Cancel
    go.set()
    with qtbot.waitSignal(op.finished, timeout=30_000):
        pass
    # THEN nothing is shown as an error, nothing computed, and Compute is offered again
    assert asked.messages == [] and view.report is None and view.compute_button.isEnabled()
