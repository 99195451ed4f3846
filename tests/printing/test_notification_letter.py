"""The F11 notification letter read back from the PDF: the agency, the programme, its items, the
number/date/attachment block and the signature; hostile item text printed literally; the CLI command."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from sqlalchemy import select

from cluster_desktop.cli import main
from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.domain.numbers import format_int, to_persian_digits
from cluster_desktop.domain.roles import Role
from cluster_desktop.printing.documents import build_notification
from cluster_desktop.printing.documents import common as doc
from cluster_desktop.printing.documents import notification as nt
from cluster_desktop.services import notifications
from cluster_desktop.services import programmes as prog
from cluster_desktop.store.models import Programme
from tests.printing.test_documents import assert_clean_pdf, has, no_io  # noqa: F401  (no_io: a fixture)
from tests.test_cli import cli


def _approved(ws) -> str:  # type: ignore[no-untyped-def]
    with ws.db.session() as s:
        return str(s.scalars(select(Programme.id).where(Programme.state == "package_approved")).first())


def test_a_letter_names_its_agency_programme_items_and_official_block(central_demo, tmp_path: Path) -> None:
    ws, admin = central_demo("admin")
    pid = _approved(ws)
    viewer = replace(admin, user_id=0, username="viewer", role=Role.VIEWER)
    with ws.db.session() as s:
        agencies = notifications.letter_agencies(s, viewer, pid)
        a = agencies[-1]
        data = notifications.notification_data(s, viewer, pid, agency=a.code)
        out = tmp_path / "letter.pdf"
        notifications.print_notification(s, viewer, pid, out, agency=a.code)
        others = [i.title for i in prog.item_rows(s, pid) if i.organization_code != a.code]
    text = assert_clean_pdf(out)
    # THEN the official block: number (after the minutes), Jalali date of notification, attachments
    has(
        text,
        f"شماره: {to_persian_digits(data.number)}",
        f"تاریخ: {format_jalali(data.notified_on)}",
        "پیوست: ندارد",
        "ابلاغ بستهٔ حمایتی تخصصی (F11)",
    )
    # the agency, the programme, the decision and the agency's own items with their amounts
    has(text, f"به: {a.name_fa}", f"«{data.programme}»", data.cluster_name, data.province)
    has(text, f"صورتجلسهٔ شمارهٔ {to_persian_digits(data.minutes_number)}", "F12")
    for item in data.items:
        has(text, item.title, format_int(item.amount_rial))
    has(text, "سهم این دستگاه", f"{format_int(a.amount_rial)} ریال", data.signatory.post)
    for title in others:  # another agency's items are not in this letter
        assert title not in text, title


def test_hostile_item_text_prints_literally(tmp_path: Path, no_io: list[str]) -> None:  # noqa: F811
    data = nt.NotificationData(
        letterhead=doc.Letterhead(),
        number="1405/012/2",
        notified_on=date(2026, 11, 28),
        agency="<b>AT&T</b> بانک",
        programme='<img src="/etc/passwd"/> طرح',
        cluster_name="خوشه & <i>",
        province="یزد",
        proposer="شرکت ]]>",
        group_name="کارگروه کارشناسی توسعهٔ خوشه‌ها",
        minutes_number="1405/012",
        meeting_on=date(2026, 11, 20),
        package_rial=1_500,
        items=[nt.LetterItem("<font size=40>VOID</font>", "a&b<c>", 1_500)],
        signatory=doc.Signatory("رئیس کل سازمان توسعه تجارت ایران", "حمید بهرامی"),
        copies=["سازمان بازرگانی استان یزد"],
    )
    out = tmp_path / "hostile.pdf"
    build_notification(data, out)
    assert no_io == []
    text = assert_clean_pdf(out)
    has(text, "به: <b>AT&T</b> بانک", '<img src="/etc/passwd"/> طرح', "<font size=40>VOID</font>", "a&b<c>")
    has(text, "شماره: ۱۴۰۵/۰۱۲/۲", "تاریخ: ۱۴۰۵/۰۹/۰۷", "رونوشت: سازمان بازرگانی استان یزد", "حمید بهرامی")


def test_cli_prints_a_notification_letter_or_names_the_agencies(central_demo, tmp_path: Path) -> None:
    ws, admin = central_demo("admin")
    pid = _approved(ws)
    with ws.db.session() as s:
        agencies = notifications.letter_agencies(s, admin, pid)
    data = str(ws.data_dir)
    ws.close()
    out = tmp_path / "letter.pdf"
    assert main(["--data-dir", data, "print", "notification", pid[:8], agencies[0].code, str(out)]) == 0
    has(assert_clean_pdf(out), f"به: {agencies[0].name_fa}")
    # an agency the package does not name: exit 1, the agencies it does name, no file
    r = cli(Path(data), "print", "notification", pid, "PBO", str(tmp_path / "x.pdf"))
    assert r.returncode == 1 and agencies[0].code in r.stderr and not (tmp_path / "x.pdf").exists()
    r = cli(Path(data), "print", "notification", pid, str(tmp_path / "y.pdf"))
    assert r.returncode == 2  # AGENCY missing: bad usage
