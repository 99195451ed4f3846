"""The feasibility plan editor: sections and targets saved, attachments, drafts, completeness, unsaved edits."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton
from sqlalchemy import func, select

from cluster_desktop.gui import plan_editor
from cluster_desktop.gui.plan_editor import PlanEditor
from cluster_desktop.services import plans, workflow
from cluster_desktop.services.clusters import ClusterInput, create_cluster
from cluster_desktop.store.models import Attachment, Dossier, PlanDraft

from .conftest import type_text
from .test_cluster_form import type_cell

PDF = b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n"


@pytest.fixture
def dossier_id(ctx) -> str:
    """A nominated dossier whose plan the province is writing."""
    with ctx.session() as s:
        d = create_cluster(s, ctx.actor, ClusterInput("خوشه گلاب مرودشت", "مرودشت"))
        workflow.transition(s, ctx.actor, d.id, "nominate")
        workflow.transition(s, ctx.actor, d.id, "issue_plan")
        return d.id


def editor_for(ctx, qtbot, dossier_id: str) -> PlanEditor:
    ed = PlanEditor(ctx, dossier_id)
    qtbot.addWidget(ed)
    ed.resize(1200, 800)
    ed.show()
    ed.activateWindow()  # focus moves only inside the active window
    qtbot.waitUntil(ed.isActiveWindow)
    return ed


def button(ed: PlanEditor, name: str) -> QPushButton:
    return ed.ui.findChild(QPushButton, name)


def click(qtbot, b: QPushButton) -> None:
    qtbot.mouseClick(b, Qt.MouseButton.LeftButton)


def fill_sections(ed: PlanEditor) -> None:
    for key in plan_editor.TEXT_SECTIONS:
        type_text(ed.texts[key], f"متن بخش {key}")


def test_sections_and_targets_are_saved_and_the_plan_becomes_ready(ctx, qtbot, asked, dossier_id) -> None:
    ed = editor_for(ctx, qtbot, dossier_id)
    assert not ed.ready and "آمادهٔ ارائه نیست" in ed.ready_label.text()
    fill_sections(ed)
    type_text(ed.investment_edit, "۱۲٬۵۰۰٬۰۰۰٬۰۰۰")
    click(qtbot, button(ed, "add_target_button"))
    type_cell(qtbot, ed.targets_table, 0, 0, "۱۴۰۵")
    type_cell(qtbot, ed.targets_table, 0, 1, "۲۰۰٬۰۰۰")
    type_cell(qtbot, ed.targets_table, 0, 2, "۴۵")
    click(qtbot, ed.save_button)
    assert ed.errors.messages() == {}
    with ctx.session() as s:
        plan = plans.plan_of(s, dossier_id)
        assert plan.overview == "متن بخش overview" and plan.threats == "متن بخش threats"
        assert plan.investment_rial == 12_500_000_000
        assert [(t.year, t.export_usd, t.employment) for t in plan.targets] == [(1405, 200_000, 45)]
        assert plans.missing_sections(s, dossier_id) == []
    assert ed.ready and "آمادهٔ ارائه به کارگروه" in ed.ready_label.text()
    assert all(ed.checklist.item(i).data(Qt.ItemDataRole.UserRole + 1) for i in range(ed.checklist.count()))


def test_bad_target_year_is_shown_beside_the_table(ctx, qtbot, asked, dossier_id) -> None:
    ed = editor_for(ctx, qtbot, dossier_id)
    type_text(ed.texts["overview"], "معرفی")
    click(qtbot, button(ed, "add_target_button"))
    type_cell(qtbot, ed.targets_table, 0, 0, "سال")
    type_text(ed.investment_edit, "زیاد")
    click(qtbot, ed.save_button)
    shown = ed.errors.messages()
    assert "فقط عدد" in shown["targets_error"] and "فقط عدد" in shown["investment_rial_error"]
    assert ed.tabs.currentWidget().objectName() == "targets_tab"
    with ctx.session() as s:
        assert plans.plan_of(s, dossier_id) is None


def settle(qtbot, ed) -> None:  # type: ignore[no-untyped-def]
    """Attachments are stored and fetched off the GUI thread: wait for that work to come back."""
    qtbot.waitUntil(lambda: ed.attachment_operation is None, timeout=20_000)


def test_attachment_added_opened_and_removed(ctx, qtbot, asked, dossier_id, tmp_path, monkeypatch) -> None:
    scan = tmp_path / "نامه معرفی.pdf"
    scan.write_bytes(PDF)
    ed = editor_for(ctx, qtbot, dossier_id)
    asked.files = [scan]
    click(qtbot, ed.add_attachment_button)
    settle(qtbot, ed)
    assert ed.attachments_table.rowCount() == 1
    assert ed.attachments_table.item(0, 1).text() == "نامه معرفی.pdf"
    assert ed.attachments_table.item(0, 2).text() == "۱ کیلوبایت"
    with ctx.session() as s:
        att = s.scalar(select(Attachment))
        assert att.filename == "نامه معرفی.pdf" and att.size == len(PDF)
        assert plans.blob_path(ctx.ws.attachments_dir, att.sha256).read_bytes() == PDF
    # open: a copy with its own name goes to the system viewer
    opened: list[Path] = []
    monkeypatch.setattr(
        plan_editor.QDesktopServices, "openUrl", lambda url: opened.append(Path(url.toLocalFile())) or True
    )
    cell = ed.attachments_table.visualItemRect(ed.attachments_table.item(0, 0)).center()
    qtbot.mouseClick(ed.attachments_table.viewport(), Qt.MouseButton.LeftButton, pos=cell)
    click(qtbot, ed.open_attachment_button)
    settle(qtbot, ed)
    assert [p.name for p in opened] == ["نامه معرفی.pdf"] and opened[0].read_bytes() == PDF
    # remove, after confirming
    click(qtbot, ed.remove_attachment_button)
    assert "نامه معرفی.pdf" in asked.said("confirm")[0]
    assert ed.attachments_table.rowCount() == 0
    with ctx.session() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0


def test_oversize_or_unreadable_attachment_is_refused_beside_the_list(
    ctx, qtbot, asked, dossier_id, tmp_path, monkeypatch
) -> None:
    monkeypatch.setattr(plans, "MAX_ATTACHMENT_BYTES", 10)
    big = tmp_path / "big.pdf"
    big.write_bytes(PDF)
    ed = editor_for(ctx, qtbot, dossier_id)
    asked.files = [big, tmp_path / "missing.pdf"]
    click(qtbot, ed.add_attachment_button)
    settle(qtbot, ed)
    assert "بزرگ‌تر" in ed.errors.messages()["attachment_error"]
    click(qtbot, ed.add_attachment_button)
    settle(qtbot, ed)
    assert "خوانده نشد" in ed.errors.messages()["attachment_error"]
    assert ed.attachments_table.rowCount() == 0
    with ctx.session() as s:
        assert s.scalar(select(func.count()).select_from(Attachment)) == 0
    assert not any(p.is_file() for p in ctx.ws.attachments_dir.rglob("*"))


def test_autosave_keeps_a_draft_that_is_offered_on_reopening(
    ctx, qtbot, asked, dossier_id, monkeypatch
) -> None:
    monkeypatch.setattr(plan_editor, "AUTOSAVE_MS", 50)
    ed = editor_for(ctx, qtbot, dossier_id)
    type_text(ed.texts["market"], "بازار امارات")

    def drafted() -> bool:
        with ctx.session() as s:
            return s.get(PlanDraft, (dossier_id, ctx.actor.username)) is not None

    qtbot.waitUntil(drafted, timeout=2000)  # the timer kept it
    assert "پیش‌نویس" in ed.draft_label.text()
    ed.close()
    # reopening offers the draft; accepting it fills the form with the unsaved text
    again = editor_for(ctx, qtbot, dossier_id)
    qtbot.waitUntil(lambda: bool(asked.said("confirm")), timeout=2000)
    assert "تازه‌تر" in asked.said("confirm")[0]
    assert again.texts["market"].toPlainText() == "بازار امارات" and again.is_dirty()


def test_focus_out_keeps_a_draft(ctx, qtbot, asked, dossier_id) -> None:
    ed = editor_for(ctx, qtbot, dossier_id)
    type_text(ed.texts["overview"], "معرفی خوشه")
    ed.investment_edit.setFocus()  # leaving the field keeps what was typed
    with ctx.session() as s:
        draft = plans.load_draft(s, ctx.actor, dossier_id)
    assert draft is not None and draft.overview == "معرفی خوشه"


def test_closing_with_unsaved_edits_asks(ctx, qtbot, asked, dossier_id) -> None:
    ed = editor_for(ctx, qtbot, dossier_id)
    type_text(ed.texts["actions"], "برگزاری نمایشگاه")
    asked.save_answer = "cancel"
    assert ed.may_close() is False and asked.said("unsaved") == ["طرح توجیهی"]
    asked.save_answer = "save"
    assert ed.may_close() is True
    with ctx.session() as s:
        assert plans.plan_of(s, dossier_id).actions == "برگزاری نمایشگاه"


def test_discarding_drops_the_draft(ctx, qtbot, asked, dossier_id) -> None:
    ed = editor_for(ctx, qtbot, dossier_id)
    type_text(ed.texts["actions"], "برگزاری نمایشگاه")
    ed.autosave()
    asked.save_answer = "discard"
    assert ed.may_close() is True
    with ctx.session() as s:
        assert s.get(PlanDraft, (dossier_id, ctx.actor.username)) is None
        assert plans.plan_of(s, dossier_id) is None


def test_read_only_once_submitted(ctx, qtbot, asked, dossier_id) -> None:
    with ctx.session() as s:
        s.get(Dossier, dossier_id).state = "plan_submitted"
    ed = editor_for(ctx, qtbot, dossier_id)
    assert ed.read_only and ed.texts["overview"].isReadOnly()
    assert not ed.save_button.isVisible() and not ed.add_attachment_button.isVisible()
    assert "ارائه" in ed.status_label.text()
    assert ed.autosave() is False
