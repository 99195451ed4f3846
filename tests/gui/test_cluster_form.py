"""The cluster profile form: recording a cluster by typing, refusals beside fields, duplicates, unsaved edits."""

from __future__ import annotations

import os
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidget
from sqlalchemy import func, select

from cluster_desktop.domain.roles import Role
from cluster_desktop.gui.cluster_form import ClusterForm
from cluster_desktop.gui.context import AppContext
from cluster_desktop.services.clusters import ClusterInput, ProductInput, create_cluster
from cluster_desktop.store.models import Cluster, Dossier

from .conftest import type_text


def type_cell(qtbot, table: QTableWidget, row: int, col: int, text: str) -> None:
    """Edit a table cell as a person does: open its editor, type, press Enter."""
    index = table.model().index(row, col)
    if table.indexWidget(index) is None:
        table.setCurrentCell(row, col)
        table.editItem(table.item(row, col))
    editor = table.indexWidget(index)
    assert editor is not None
    type_text(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: table.indexWidget(index) is None)  # the delegate commits on the next turn


def new_form(ctx, qtbot) -> ClusterForm:
    form = ClusterForm.for_new(ctx)
    qtbot.addWidget(form)
    form.resize(1200, 800)
    form.show()
    return form


def click(qtbot, button) -> None:
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def cluster_count(ctx) -> int:
    with ctx.session() as s:
        return s.scalar(select(func.count()).select_from(Cluster))


def test_record_a_cluster_by_typing(ctx, qtbot, asked) -> None:
    # GIVEN an empty profile form
    form = new_form(ctx, qtbot)
    # WHEN a clerk types a name with Arabic ي/ك, Persian digits, and a product with its HS code
    type_text(form.edits["name"], "خوشه كيف و كفش مرودشت")
    type_text(form.edits["county"], "مرودشت")
    type_text(form.edits["employees"], "۱۲۰")
    type_text(form.edits["annual_exports_usd"], "۲۵۰٬۰۰۰")
    type_text(form.edits["contact_email"], "info@kafsh.ir")
    type_text(form.edits["contact_phone"], "۰۷۱۴۳۳۳۰۰۰۰")
    click(qtbot, form.ui.findChild(type(form.save_button), "add_products_button"))
    type_cell(qtbot, form.tables["products"], 0, 0, "۶۴۰۳")
    type_cell(qtbot, form.tables["products"], 0, 1, "كفش چرمي")
    click(qtbot, form.ui.findChild(type(form.save_button), "add_firms_button"))
    type_cell(qtbot, form.tables["firms"], 0, 0, "شرکت چرم پارس")
    type_cell(qtbot, form.tables["firms"], 0, 2, "۳۵")
    form.tables["firms"].item(0, 3).setCheckState(Qt.CheckState.Checked)
    click(qtbot, form.save_button)
    # THEN the database holds the cluster, cleaned to Persian letters and Latin digits, as a draft dossier
    assert form.errors.messages() == {}
    with ctx.session() as s:
        cluster = s.scalar(select(Cluster))
        assert cluster.name == "خوشه کیف و کفش مرودشت"
        assert (cluster.employees, cluster.annual_exports_usd) == (120, 250_000)
        assert cluster.contact_phone == "07143330000"
        assert [(p.hs_code, p.name_fa) for p in cluster.products] == [("6403", "کفش چرمی")]
        assert [(f.name, f.employees, f.exporter) for f in cluster.firms] == [("شرکت چرم پارس", 35, True)]
        dossier = s.scalar(select(Dossier))
        assert dossier.state == "draft" and dossier.cluster_id == cluster.id
    assert form.dossier_id == dossier.id and not form.is_dirty()
    # and the form shows the stored values in Persian digits
    assert form.edits["annual_exports_usd"].text() == "۲۵۰٬۰۰۰"
    assert form.tables["products"].item(0, 0).text() == "۶۴۰۳"


def test_bad_input_is_shown_beside_each_field_and_nothing_is_saved(ctx, qtbot, asked) -> None:
    form = new_form(ctx, qtbot)
    type_text(form.edits["county"], "شیراز")
    type_text(form.edits["employees"], "۱۲ نفر")
    type_text(form.edits["contact_email"], "not-an-email")
    click(qtbot, form.ui.findChild(type(form.save_button), "add_products_button"))
    type_cell(qtbot, form.tables["products"], 0, 0, "08x6")
    type_cell(qtbot, form.tables["products"], 0, 1, "انگور")
    click(qtbot, form.save_button)
    shown = form.errors.messages()
    assert "نام خوشه" in shown["name_error"]
    assert "فقط عدد" in shown["employees_error"]
    assert "کد تعرفه" in shown["products_error"]
    assert "رایانامه" in shown["contact_email_error"]
    assert form.findChild(type(form.status_label), "name_error").isVisible()
    assert form.tables["products"].currentRow() == 0
    assert cluster_count(ctx) == 0 and form.dossier_id is None


def test_same_name_in_the_same_county_is_refused_beside_the_name(ctx, qtbot, asked) -> None:
    with ctx.session() as s:
        create_cluster(s, ctx.actor, ClusterInput("خوشه عسل جهرم", "جهرم"))
    form = new_form(ctx, qtbot)
    type_text(form.edits["name"], "خوشه عسل جهرم")
    type_text(form.edits["county"], "جهرم")
    click(qtbot, form.save_button)
    assert "قبلاً ثبت شده" in form.errors.messages()["name_error"]
    assert asked.said("confirm") == []  # not asked: it cannot be saved anyway
    assert cluster_count(ctx) == 1


@pytest.mark.parametrize("answer", [False, True])
def test_a_similar_name_asks_before_saving(ctx, qtbot, asked, answer: bool) -> None:
    with ctx.session() as s:
        create_cluster(s, ctx.actor, ClusterInput("خوشه فرش دستباف شیراز", "شیراز"))
    asked.confirm_answer = answer
    form = new_form(ctx, qtbot)
    type_text(form.edits["name"], "خوشه فرش دستبافت شیراز")
    type_text(form.edits["county"], "مرودشت")
    click(qtbot, form.save_button)
    [question] = asked.said("confirm")
    assert "خوشه فرش دستباف شیراز — شیراز" in question
    assert cluster_count(ctx) == (2 if answer else 1)


@pytest.fixture
def dossier_id(ctx) -> str:
    with ctx.session() as s:
        d = create_cluster(
            s,
            ctx.actor,
            ClusterInput(
                "خوشه زعفران استهبان", "استهبان", employees=300, products=[ProductInput("0910.20", "زعفران")]
            ),
        )
        return d.id


def test_editing_saves_and_closing_with_unsaved_edits_asks(ctx, qtbot, asked, dossier_id) -> None:
    form = ClusterForm(ctx, dossier_id)
    qtbot.addWidget(form)
    form.show()
    assert form.edits["employees"].text() == "۳۰۰"
    assert form.tables["products"].item(0, 0).text() == "۰۹۱۰.۲۰"
    type_text(form.edits["sector"], "کشاورزی")
    asked.save_answer = "cancel"
    assert form.may_close() is False
    assert asked.said("unsaved") == ["مشخصات خوشه"]
    asked.save_answer = "save"
    with qtbot.waitSignal(ctx.changed) as changed:
        assert form.may_close() is True
    assert changed.args == [f"dossier:{dossier_id}"]
    with ctx.session() as s:
        assert s.get(Dossier, dossier_id).cluster.sector == "کشاورزی"


def test_discarding_keeps_the_stored_profile(ctx, qtbot, asked, dossier_id) -> None:
    form = ClusterForm(ctx, dossier_id)
    qtbot.addWidget(form)
    form.show()
    click(qtbot, form.ui.findChild(type(form.save_button), "remove_products_button"))
    asked.save_answer = "discard"
    assert form.may_close() is True
    with ctx.session() as s:
        assert len(s.get(Dossier, dossier_id).cluster.products) == 1


def test_read_only_for_a_role_that_may_not_edit(ctx, qtbot, asked, dossier_id) -> None:
    viewer = AppContext(ctx.ws, replace(ctx.actor, role=Role.VIEWER), "fa")
    form = ClusterForm(viewer, dossier_id)
    qtbot.addWidget(form)
    form.show()
    assert form.read_only
    assert form.edits["name"].isReadOnly() and not form.save_button.isVisible()
    assert "ناظر" in form.status_label.text()
    assert form.may_close() is True


@pytest.mark.parametrize("backend", ["sqlite", "postgresql"], indirect=False)
def test_a_40_character_national_id_is_refused_beside_the_firms_table(ctx, qtbot, asked, backend) -> None:
    """The database (PostgreSQL enforces it) and the bundles take 32 characters: so does the form."""
    form = new_form(ctx, qtbot)
    type_text(form.edits["name"], "خوشهٔ فرش دستباف")
    type_text(form.edits["county"], "کاشان")
    click(qtbot, form.ui.findChild(type(form.save_button), "add_firms_button"))
    type_cell(qtbot, form.tables["firms"], 0, 0, "شرکت فرش کاشان")
    type_cell(qtbot, form.tables["firms"], 0, 1, "۱" * 40)
    click(qtbot, form.save_button)
    shown = form.errors.messages()
    assert "شناسه ملی" in shown["firms_error"] and "۳۲" in shown["firms_error"]
    assert form.findChild(type(form.status_label), "firms_error").isVisible()
    assert cluster_count(ctx) == 0 and form.dossier_id is None
    form.grab().save(str(ctx.ws.data_dir / "national-id.png"))
    if os.environ.get("CLUSTER_DESKTOP_SHOTS"):
        form.grab().save(os.path.join(os.environ["CLUSTER_DESKTOP_SHOTS"], f"national-id-{backend}.png"))
