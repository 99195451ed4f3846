"""File › Secretariat details… and, at the centre, File › TPO liaisons of the provinces…, driven as a
secretary would: typed Persian, a chosen image, errors beside the fields, saved off the GUI thread."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QPlainTextEdit

from cluster_desktop.domain.roles import Role
from cluster_desktop.gui.context import AppContext
from cluster_desktop.gui.liaisons_dialog import LiaisonsDialog
from cluster_desktop.gui.mainwindow import MainWindow
from cluster_desktop.gui.office_details_dialog import OfficeDetailsDialog
from cluster_desktop.services import liaisons
from cluster_desktop.services import office_details as od
from cluster_desktop.store.models import ProvinceLiaison
from tests.gui.conftest import type_text
from tests.images import png


def _action(win: MainWindow, name: str) -> QAction:
    found = win.findChild(QAction, name)
    assert found is not None, name
    return found


def _set(dialog: OfficeDetailsDialog, key: str, text: str) -> None:
    edit = dialog.edits[key]
    if isinstance(edit, QPlainTextEdit):
        edit.setPlainText(text)
    else:
        edit.clear()
        type_text(edit, text)


def test_edit_save_and_reopen_shows_the_new_details(ctx, qtbot, asked, tmp_path: Path) -> None:
    # GIVEN the main window of a provincial office WHEN File › Secretariat details… is chosen
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    _action(win, "office_details_action").trigger()
    dialog = win.details_dialog
    assert isinstance(dialog, OfficeDetailsDialog)
    # WHEN the secretary types the details (Persian with ZWNJ, brackets, Latin and digits)
    _set(dialog, "head_name", "علی رضایی")
    _set(dialog, "secretary_name", "مهدی جعفری (سرپرست)‌ها - Dr. M. Jafari ۲")
    _set(dialog, "address", "شیراز، بلوار زند\nساختمان ۱۲")
    _set(dialog, "postal_code", "۷۱۳۴۸-۱۴۳۳۶")
    _set(dialog, "phone", "۰۷۱-۳۲۳۴۵۶۷۸")
    _set(dialog, "email", "clusters@fars.gov.ir")
    # AND chooses a letterhead image (read and checked off the GUI thread)
    image = tmp_path / "letterhead.png"
    image.write_bytes(png())
    asked.files.append(image)
    dialog.choose_button.click()
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=20_000)
    assert not dialog.preview.pixmap().isNull()
    # AND saves: the dialog closes once the details are stored
    with qtbot.waitSignal(dialog.accepted, timeout=20_000):
        dialog.save()
    with ctx.session() as s:
        saved = od.local_details(s)
    assert saved.head_name == "علی رضایی" and saved.phone == "071-32345678"
    assert saved.secretary_name == "مهدی جعفری (سرپرست)‌ها - Dr. M. Jafari ۲"
    assert saved.letterhead == png() and saved.postal_code == "71348-14336"
    # THEN reopening shows them (Persian digits on screen), with the image
    again = OfficeDetailsDialog(ctx)
    qtbot.addWidget(again)
    assert again.edits["head_name"].text() == "علی رضایی"
    assert again.edits["phone"].text() == "۰۷۱-۳۲۳۴۵۶۷۸"
    assert again.edits["address"].toPlainText() == "شیراز، بلوار زند\nساختمان ۱۲"
    assert not again.preview.pixmap().isNull() and again.clear_button.isEnabled()
    # WHEN the image is removed and saved THEN the organisation's lines print again
    again.clear_button.click()
    with qtbot.waitSignal(again.accepted, timeout=20_000):
        again.save()
    with ctx.session() as s:
        assert od.local_details(s).letterhead is None


def test_a_bad_email_is_named_beside_its_field_and_nothing_is_saved(ctx, qtbot, asked) -> None:
    dialog = OfficeDetailsDialog(ctx)
    qtbot.addWidget(dialog)
    with ctx.session() as s:
        before = od.local_details(s)
    _set(dialog, "head_name", "علی رضایی")
    _set(dialog, "email", "clusters@")
    _set(dialog, "postal_code", "۱۲۳")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=20_000)
    shown = dialog.errors.messages()
    assert shown["email_error"] == "نشانی رایانامه درست نیست."
    assert "ده رقم" in shown["postal_code_error"]
    assert dialog.result() != QDialog.DialogCode.Accepted
    with ctx.session() as s:
        assert od.local_details(s) == before


def test_an_image_that_is_not_a_letterhead_is_refused_beside_it(ctx, qtbot, asked, tmp_path: Path) -> None:
    dialog = OfficeDetailsDialog(ctx)
    qtbot.addWidget(dialog)
    bad = tmp_path / "scan.png"
    bad.write_bytes(b"%PDF-1.7 not an image")
    asked.files.append(bad)
    dialog.choose_button.click()
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=20_000)
    assert dialog.errors.messages()["letterhead_error"] == "این پرونده تصویر PNG یا JPEG سالم نیست."
    assert dialog.image is None and not dialog.image_changed


def test_closing_with_unsaved_edits_asks_first(ctx, qtbot, asked) -> None:
    dialog = OfficeDetailsDialog(ctx)
    qtbot.addWidget(dialog)
    dialog.show()
    _set(dialog, "head_name", "علی")
    asked.save_answer = "cancel"
    dialog.reject()
    assert dialog.isVisible() and asked.said("unsaved")
    asked.save_answer = "discard"
    dialog.reject()
    assert not dialog.isVisible()


def test_others_see_the_details_read_only_with_the_province_s_liaison(
    fa_app, workspace, province_admin, qtbot
) -> None:
    with workspace.db.session() as s:
        od.update_details(s, province_admin, od.DetailsInput(head_name="علی رضایی"))
        s.add(
            ProvinceLiaison(
                owner_office_id="TPO",
                province_code="IR-07",
                version=1,
                full_name="<b>پروین</b> نوری",
                position="کارشناس مسئول",
                phone="021-22662011",
                email="p.nouri@tpo.ir",
            )
        )
    clerk = AppContext(workspace, replace(province_admin, role=Role.CLERK), "fa")
    dialog = OfficeDetailsDialog(clerk)
    qtbot.addWidget(dialog)
    assert all(e.isReadOnly() for e in dialog.edits.values())
    assert not dialog.choose_button.isVisibleTo(dialog) and dialog.edits["head_name"].text() == "علی رضایی"
    from PySide6.QtWidgets import QLabel

    name = dialog.findChild(QLabel, "liaison_name_label")
    assert name is not None and name.text() == "<b>پروین</b> نوری"  # shown as typed, never as markup
    assert dialog.findChild(QLabel, "liaison_phone_label").text() == "۰۲۱-۲۲۶۶۲۰۱۱"


def test_the_centre_s_register_of_liaisons(central_ctx, qtbot, asked) -> None:
    win = MainWindow(central_ctx)
    qtbot.addWidget(win)
    _action(win, "liaisons_action").trigger()
    dialog = win.liaisons_dialog
    assert isinstance(dialog, LiaisonsDialog) and dialog.table.rowCount() == 31
    fars = next(i for i, r in enumerate(dialog.rows) if r.province_code == "IR-07")
    dialog.choose(fars)
    assert dialog.province_label.text() == "فارس"
    # a bad e-mail is named beside its field and nothing is recorded
    type_text(dialog.edits["full_name"], "پروین نوری")
    type_text(dialog.edits["email"], "p.nouri@")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=20_000)
    assert dialog.errors.messages()["email_error"] == "نشانی رایانامه درست نیست."
    with central_ctx.session() as s:
        assert not liaisons.liaison_of(s, "IR-07").is_set
    # corrected, it is saved and shown in the table
    dialog.edits["email"].clear()
    type_text(dialog.edits["email"], "p.nouri@tpo.ir")
    type_text(dialog.edits["phone"], "۰۲۱-۲۲۶۶۲۰۱۱")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.operation is None, timeout=20_000)
    assert not dialog.errors.messages()
    with central_ctx.session() as s:
        got = liaisons.liaison_of(s, "IR-07")
    assert (got.full_name, got.phone, got.email) == ("پروین نوری", "021-22662011", "p.nouri@tpo.ir")
    assert dialog.table.item(fars, 1).text() == "پروین نوری"
    assert dialog.table.item(fars, 3).text() == "۰۲۱-۲۲۶۶۲۰۱۱"
    assert dialog.current() is not None and dialog.current().province_code == "IR-07"
    # typed and not saved: moving to another province asks first, and staying keeps the text
    type_text(dialog.edits["position"], "کارشناس")
    asked.confirm_answer = False
    dialog.choose(0)
    assert asked.said("confirm") and dialog.shown.province_code == "IR-07"
    assert dialog.edits["position"].text() == "کارشناس" and dialog.current().province_code == "IR-07"
    asked.confirm_answer = True
    dialog.choose(0)
    assert (
        dialog.shown.province_code == dialog.rows[0].province_code and dialog.edits["position"].text() == ""
    )


def test_a_province_has_no_register_of_liaisons(ctx, qtbot) -> None:
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    assert win.findChild(QAction, "liaisons_action") is None
    assert win.findChild(QAction, "office_details_action") is not None


def test_screenshot_of_the_details_at_a_province(ctx, tmp_path: Path) -> None:
    import pytest

    from cluster_desktop.domain.errors import DomainError
    from cluster_desktop.gui.screenshots import render

    assert render(ctx.ws, "office-details", tmp_path / "details.png").stat().st_size > 10_000
    with pytest.raises(DomainError):
        render(ctx.ws, "liaisons", tmp_path / "liaisons.png")  # the register is the centre's


def test_screenshot_of_the_register_at_the_centre(central_ctx, tmp_path: Path) -> None:
    from cluster_desktop.gui.screenshots import render

    assert render(central_ctx.ws, "liaisons", tmp_path / "liaisons.png").stat().st_size > 10_000
