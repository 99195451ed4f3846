"""Every document rendered from demo data: content in logical order, embedded Vazirmatn only,
hostile text printed literally without I/O, and the CLI print commands."""

from __future__ import annotations

import builtins
import io
import re
import socket
import subprocess
import sys
import urllib.request
from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics
from sqlalchemy import select

from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.domain.numbers import format_int, format_score, to_persian_digits
from cluster_desktop.domain.roles import OfficeKind, Role
from cluster_desktop.printing.documents import build_minutes, build_plan, build_ranking
from cluster_desktop.printing.documents import common as doc
from cluster_desktop.printing.documents import minutes as mn
from cluster_desktop.printing.documents import plan as pl
from cluster_desktop.printing.documents import ranking as rk
from cluster_desktop.printing.fonts import FONT_BOLD, FONT_REGULAR, register_fonts
from cluster_desktop.services import evaluations, plans, printing
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.demo import fill_demo
from cluster_desktop.services.licenses import qr_text
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.workspace import Workspace
from cluster_desktop.store.models import Dossier, Evaluation, License, Meeting, Programme, Transition, User
from tests.conftest import PASSWORD
from tests.printing.pdftext import extract_logical, normalise

# ----------------------------------------------------------------------------- demo offices


class Office:
    def __init__(self, ws: Workspace, admin: Actor) -> None:
        self.ws = ws
        self.admin = admin

    def session(self):  # type: ignore[no-untyped-def]
        return self.ws.db.session()

    def viewer(self) -> Actor:
        return replace(self.admin, user_id=0, username="viewer", role=Role.VIEWER)


def _demo(tmp: Path, kind: OfficeKind, province: str | None, count: int) -> Office:
    ws = Workspace.open(tmp)
    admin = setup_office(ws, OfficeSetup(kind, province, "admin", PASSWORD))
    fill_demo(ws, admin, PASSWORD, count=count)
    return Office(ws, admin)


@pytest.fixture(scope="module")
def centre(tmp_path_factory) -> Iterator[Office]:
    office = _demo(tmp_path_factory.mktemp("centre"), OfficeKind.CENTRAL, None, 40)
    yield office
    office.ws.close()


@pytest.fixture(scope="module")
def province(tmp_path_factory) -> Iterator[Office]:
    office = _demo(tmp_path_factory.mktemp("province"), OfficeKind.PROVINCE, "IR-07", 27)
    # A plan being written gets two attachments, so the plan lists real files.
    src = tmp_path_factory.mktemp("files")
    (src / "نقشه-خوشه.pdf").write_bytes(b"%PDF-1.4 demo" * 100)
    (src / "survey-1403.xlsx").write_bytes(b"x" * 5000)
    with office.session() as s:
        d = s.scalar(select(Dossier).where(Dossier.state == "plan_in_progress"))
        for f in src.iterdir():
            plans.add_attachment(s, office.admin, office.ws.attachments_dir, d.id, f, title="پیوست " + f.stem)
    yield office
    office.ws.close()


def dossier(office: Office, state: str) -> str:
    with office.session() as s:
        return s.scalar(select(Dossier.id).where(Dossier.state == state).order_by(Dossier.created_at))


# ----------------------------------------------------------------------------- PDF checks


def _cmap() -> set[int]:
    register_fonts()
    return set(pdfmetrics.getFont(FONT_REGULAR).face.charToGlyph) & set(
        pdfmetrics.getFont(FONT_BOLD).face.charToGlyph
    )


CMAP = _cmap()


def assert_clean_pdf(path: Path) -> str:
    """Only embedded Vazirmatn subsets on every page, every character in the font; return the text."""
    reader = PdfReader(path)
    for page in reader.pages:
        for ref in page["/Resources"]["/Font"].values():
            font = ref.get_object()
            assert re.fullmatch(r"/[A-Z]{6}\+Vazirmatn-(Regular|Bold)", font["/BaseFont"]), font["/BaseFont"]
            assert "/FontFile2" in font["/FontDescriptor"].get_object()
        raw = page.extract_text(extraction_mode="layout")
        assert "\u25a1" not in raw and "\ufffd" not in raw
        missing = {ch for ch in raw if not ch.isspace() and ord(ch) not in CMAP}
        assert not missing, f"characters without a glyph: {missing}"
    assert b"Helvetica" not in path.read_bytes()
    return extract_logical(path)


def has(text: str, *expected: str) -> None:
    for e in expected:
        assert normalise(e) in text, e


# ----------------------------------------------------------------------------- each document


def test_nomination_form(province: Office, tmp_path: Path) -> None:
    # GIVEN an approved provincial dossier WHEN its nomination form is printed
    did = dossier(province, "provincially_approved")
    out = tmp_path / "nomination.pdf"
    with province.session() as s:
        printing.print_nomination(s, province.viewer(), did, out)
        c = s.get(Dossier, did).cluster
        product, firm, year = c.products[0], c.firms[0], c.yearly[-1]
        expected = [
            "فرم معرفی خوشهٔ صادرات‌گرا",
            f"نام خوشه {c.name}",
            "استان فارس",
            f"شهرستان {c.county}",
            f"تعداد شاغلان {format_int(c.employees)}",
            f"صادرات سالانه {format_int(c.annual_exports_usd)} دلار",
            f"{to_persian_digits(product.hs_code)} {product.name_fa}",
            firm.name,
            f"{to_persian_digits(year.year)} {format_int(year.production_rial)}",
            f"رایانامه {c.contact_email}",
            f"تاریخ معرفی {format_jalali(s.get(Dossier, did).nominated_on)}",
            "سازمان بازرگانی استان فارس",
        ]
    # THEN the profile reads back in logical order, in Vazirmatn only
    has(assert_clean_pdf(out), *expected, "صفحه ۱ از")


def test_feasibility_plan_with_targets_and_attachments(province: Office, tmp_path: Path) -> None:
    did = dossier(province, "plan_in_progress")
    out = tmp_path / "plan.pdf"
    with province.session() as s:
        printing.print_plan(s, province.viewer(), did, out)
        plan = plans.plan_of(s, did)
        expected = [plan.overview, "۱. معرفی و وضعیت کنونی خوشه", "۹. نتایج مورد انتظار"]
        expected += [f"{to_persian_digits(t.year)} {format_int(t.export_usd)}" for t in plan.targets]
    text = assert_clean_pdf(out)
    has(text, *expected, "پیوست: ۲ فقره", "survey-1403.xlsx", "نقشه-خوشه.pdf", "۴٫۹ کیلوبایت", "کمبودها")
    has(text, "نمایندهٔ", "دبیر")  # who hands the plan in and who receives it sign it


def test_member_sheet_and_consolidated_sheet(province: Office, tmp_path: Path) -> None:
    did = dossier(province, "provincially_approved")
    with province.session() as s:
        sheets = evaluations.submitted_sheets(s, did, "province")
        view = evaluations.consolidated(s, province.admin, did, "province")
        first = sheets[0]
        crit = view.criteria[0]
        score = next(x.score for x in first.scores if x.criterion_code == crit.code)
        meaning = next(r["fa"] for r in crit.rubric if r["score"] == score)
        names = [view.member_names[m] for m in view.consolidation.member_scores]
        total = format_score(view.consolidation.score)
        one = tmp_path / "sheet.pdf"
        printing.print_evaluation(s, province.viewer(), did, one, member_id=first.member_id)
        every = tmp_path / "sheets.pdf"
        n = printing.print_evaluation(s, province.viewer(), did, every)
        summary = tmp_path / "summary.pdf"
        printing.print_evaluation_summary(s, province.viewer(), did, summary)
    # Table cells wrap: their first words stand on one line
    start = lambda t: " ".join(t.split()[:3])  # noqa: E731
    has(assert_clean_pdf(one), "برگهٔ ارزیابی", start(crit.title_fa), start(meaning), "امضای ارزیاب")
    assert n == len(sheets) and len(PdfReader(every).pages) >= n
    text = assert_clean_pdf(summary)
    has(text, *names, f"امتیاز کل (از ۱۰۰) {total}", "حد نصاب ۶۰", "دارای پتانسیل صادراتی", "صورتجلسهٔ شمارهٔ")
    assert PdfReader(summary).pages[0].mediabox.width > PdfReader(summary).pages[0].mediabox.height


def test_evaluator_prints_only_own_sheet_before_submitting(province: Office, tmp_path: Path) -> None:
    # GIVEN a dossier in evaluation where member 3 has not submitted
    did = dossier(province, "provincial_evaluation")
    with province.session() as s:
        drafts = s.scalars(
            select(Evaluation).where(Evaluation.dossier_id == did, Evaluation.submitted_at.is_(None))
        )
        draft = next(iter(drafts))
        user = s.scalar(select(User).where(User.member_id == draft.member_id))
        me = replace(
            province.admin,
            user_id=user.id,
            username=user.username,
            role=Role.EVALUATOR,
            member_id=user.member_id,
        )
        other = s.scalar(
            select(Evaluation).where(Evaluation.dossier_id == did, Evaluation.submitted_at.is_not(None))
        )
        # WHEN they print their own draft THEN it prints, marked as a draft
        printing.print_evaluation(s, me, did, tmp_path / "mine.pdf", member_id=me.member_id)
        # …but not another member's sheet, nor all sheets, nor the consolidated sheet
        from cluster_desktop.domain.errors import PermissionDenied

        for call in (
            lambda: printing.print_evaluation(s, me, did, io.BytesIO(), member_id=other.member_id),
            lambda: printing.print_evaluation(s, me, did, io.BytesIO()),
            lambda: printing.print_evaluation_summary(s, me, did, io.BytesIO()),
        ):
            with pytest.raises(PermissionDenied):
                call()
    has(extract_logical(tmp_path / "mine.pdf"), "پیش‌نویس (هنوز ارسال نشده است)")


def test_minutes_with_attendees_and_decisions(centre: Office, tmp_path: Path) -> None:
    with centre.session() as s:
        t = s.scalar(select(Transition).where(Transition.action == "approve_central"))
        m = s.get(Meeting, t.meeting_id)
        decided = s.get(Dossier, t.dossier_id).cluster.name
        out = tmp_path / "minutes.pdf"
        printing.print_minutes(s, centre.viewer(), m.id, out)
        number = to_persian_digits(m.number)
    text = assert_clean_pdf(out)
    has(text, f"شماره: {number}", f"شمارهٔ صورتجلسه {number}", "حاضران", "مصوبات", decided, "تأیید نهایی")
    has(text, "مقرر شد دبیرخانه نتایج را به خوشه‌ها اعلام کند.", "امضای حاضران", "سازمان توسعه تجارت ایران")


def test_programme_monitoring_report(centre: Office, tmp_path: Path, no_io: list[str]) -> None:
    from cluster_desktop.services import programmes as prog

    with centre.session() as s:
        p = s.scalar(select(Programme).where(Programme.state == "in_execution"))
        assert p is not None
        rows = prog.monitoring(s, p.id)
        behind = next(r for r in rows if r.gap is not None and r.gap < 0)
        items = prog.item_rows(s, p.id)
        # a hostile indicator and feedback print literally
        ind = prog.add_indicator(s, centre.admin, p.id, prog.IndicatorInput("<img src=a.png>", "AT&T"))
        prog.set_value(
            s, centre.admin, prog.ValueInput(ind.id, "1405-Q2", "10", "7", "<font size=40>VOID</font>")
        )
        out = tmp_path / "programme.pdf"
        printing.print_programme(s, centre.viewer(), p.id[:8], out)
        title, cluster = p.title, prog.header(s, p.id).cluster_name
        s.rollback()
    assert no_io == []
    text = assert_clean_pdf(out)
    has(text, f"گزارش پایش طرح توسعه‌ای «{title}»", cluster, "در حال اجرا", "بستهٔ حمایتی تخصصی (F10، F11)")
    has(text, items[0].title, items[0].organization_fa, "تخصیص منابع (F12)", "اجرا (F13)")
    has(text, behind.title, doc.fa_int(behind.target), "−" + doc.fa_int(-behind.gap), "عقب‌تر از هدف")
    has(text, "<img src=a.png>", "<font size=40>VOID</font>", "AT&T", "۱۴۰۵، فصل ۲", "−۳")
    has(text, "تأیید و ابلاغ بسته حمایتی", "F11", "صفحه ۱ از")


def test_license_certificate_carries_its_qr_text(centre: Office, tmp_path: Path) -> None:
    did = dossier(centre, "licensed")
    out = tmp_path / "license.pdf"
    with centre.session() as s:
        printing.print_license(s, centre.viewer(), did, out)
        lic = s.scalar(select(License).where(License.dossier_id == did))
        expected = [
            lic.number,
            s.get(Dossier, did).cluster.name,
            "پروانهٔ تأیید خوشهٔ صادرات‌گرا",
            "شرایط پروانه",
        ]
        qr = qr_text(lic)
    text = assert_clean_pdf(out)
    has(text, *expected, f"شماره: {lic.number}")
    assert len(PdfReader(out).pages) == 1
    assert qr in PdfReader(out).metadata["/Keywords"]


def test_ranking_national_and_provincial(centre: Office, tmp_path: Path) -> None:
    with centre.session() as s:
        national = tmp_path / "national.pdf"
        rows = printing.print_ranking(s, centre.viewer(), national)
        data = printing.ranking_data(s, centre.viewer(), province_code="IR-10")
        printing.print_ranking(s, centre.viewer(), tmp_path / "isfahan.pdf", province_code="IR-10")
    assert rows == 40
    has(assert_clean_pdf(national), "گزارش رتبه‌بندی کشوری خوشه‌ها", "رتبه خوشه استان شهرستان وضعیت امتیاز")
    text = assert_clean_pdf(tmp_path / "isfahan.pdf")
    has(text, "گزارش رتبه‌بندی خوشه‌های استان اصفهان")
    for r in data.rows:  # rank, cluster, province, county on one line (the state may wrap)
        rank = to_persian_digits(r.rank) if r.rank else "—"
        has(text, f"{rank} {r.cluster} اصفهان {r.county}", format_score(r.score))


def test_thousand_row_ranking_keeps_every_row_in_order(tmp_path: Path) -> None:
    rows = [
        rk.RankRow(i + 1, f"خوشهٔ شمارهٔ {i + 1}", "اصفهان", "کاشان", "تأیید نهایی", 100 - i / 20)
        for i in range(1000)
    ]
    out = tmp_path / "big.pdf"
    build_ranking(rk.RankingData(doc.Letterhead(), "کشوری", "امتیاز", rows, 60.0, date(2026, 1, 1)), out)
    text = extract_logical(out)
    pattern = re.escape(normalise("خوشهٔ شمارهٔ")) + " ([۰-۹]+)"
    found = [int(n.translate(str.maketrans("۰۱۲۳۴۵۶۷۸۹", "0123456789"))) for n in re.findall(pattern, text)]
    assert found == list(range(1, 1001))
    assert len(PdfReader(out).pages) > 20


def test_responsibility_matrix(centre: Office, tmp_path: Path) -> None:
    out = tmp_path / "matrix.pdf"
    with centre.session() as s:
        data = printing.matrix_data(s, centre.viewer())
        printing.print_matrix(s, centre.viewer(), out)
    assert len(data.columns) == 17 and ("F8", "TPO") in data.ticks
    text = assert_clean_pdf(out)
    has(text, "ماتریس وظایف", "F1-1", "F8", "F14", "صدور پروانه تایید خوشه توسط TPO")
    page = PdfReader(out).pages[0]
    assert page.mediabox.width > page.mediabox.height


# ----------------------------------------------------------------------------- hostile text

HOSTILE = [
    "<",
    "&",
    "AT&T",
    "<i>unclosed",
    "<font size=40 color=red>VOID</font>",
    '<img src="/etc/passwd"/>',
    '<img src="http://example.com/x.png"/>',
    '<font color="[[[%s]]]">' % ("[" * 20),
    "]]>",
    "کد HS 0806.20 برای انگور (تازه) info@tpo.ir",
]


@pytest.fixture
def no_io(monkeypatch) -> list[str]:
    """Record and refuse any network use and any attempt to open /etc/passwd."""
    attempts: list[str] = []

    def refuse(what: str):  # type: ignore[no-untyped-def]
        attempts.append(what)
        raise AssertionError(what)

    real_open = builtins.open

    def guarded(file, *a, **k):  # type: ignore[no-untyped-def]
        if "passwd" in str(file):
            refuse(f"open {file}")
        return real_open(file, *a, **k)

    monkeypatch.setattr(builtins, "open", guarded)
    monkeypatch.setattr(io, "open", guarded)
    monkeypatch.setattr(socket.socket, "connect", lambda *a, **k: refuse("connect"))
    monkeypatch.setattr(socket, "create_connection", lambda *a, **k: refuse("create_connection"))
    monkeypatch.setattr(socket, "getaddrinfo", lambda *a, **k: refuse("getaddrinfo"))
    monkeypatch.setattr(urllib.request, "urlopen", lambda *a, **k: refuse("urlopen"))
    return attempts


def test_hostile_text_prints_literally_without_io(no_io: list[str], tmp_path: Path) -> None:
    long_word = "x" * 150 + "ب" * 150
    big = " ".join(f"واژه{to_persian_digits(i)}" for i in range(800))  # > 5,000 characters
    sections = [pl.PlanSection(f"بخش {h}", h) for h in HOSTILE]
    sections += [
        pl.PlanSection("بلند", long_word),
        pl.PlanSection("پنج هزار", big),
        pl.PlanSection("خالی", ""),
    ]
    sections.append(pl.PlanSection("وارونه", "\u202eسلام abc"))
    plan = pl.PlanData(
        doc.Letterhead(),
        cluster_name="<b>AT&T</b> خوشه",
        province="<",
        county="&",
        sections=sections,
        attachments=[pl.AttachmentLine('<img src="/etc/passwd"/>', "a&b<c>.pdf", 10)],
    )
    build_plan(plan, tmp_path / "plan.pdf")
    minutes = mn.MinutesData(
        doc.Letterhead(),
        group_name="کارگروه <i>",
        number="1405/001",
        held_on=date(2026, 1, 1),
        location='<img src="http://example.com/x.png"/>',
        agenda="\n".join(HOSTILE),
        minutes_text=big,
        attendees=[mn.AttendeeLine(h or "-", "AT&T", "عضو") for h in HOSTILE[:4]],
        resolutions=HOSTILE,
    )
    build_minutes(minutes, tmp_path / "minutes.pdf")
    assert no_io == []
    text = assert_clean_pdf(tmp_path / "plan.pdf")
    for h in HOSTILE:
        assert text.count(normalise(doc.numerals(h))) >= 2, h  # section title and body
    assert "<b>AT&T</b> خوشه" in text and "a&b<c>.pdf" in text
    assert long_word in re.sub(r"\s", "", text) and "سلام abc" in text and "\u202e" not in text
    words = re.findall(r"واژه[۰-۹]+", text)
    assert words == big.split(" ")
    mtext = assert_clean_pdf(tmp_path / "minutes.pdf")
    for h in HOSTILE:
        assert normalise(doc.numerals(h)) in mtext, h


def test_hostile_cluster_name_through_the_services(
    province: Office, tmp_path: Path, no_io: list[str]
) -> None:
    from cluster_desktop.services.clusters import ClusterInput, ProductInput, create_cluster

    name = '<font size=40 color=red>VOID</font> <img src="/etc/passwd"/> AT&T'
    with province.session() as s:
        d = create_cluster(
            s,
            province.admin,
            ClusterInput(
                name=name, county="<i>", products=[ProductInput("0806.20", "]]> & <")], address="]]>"
            ),
        )
        printing.print_nomination(s, province.viewer(), d.id, tmp_path / "n.pdf")
        s.rollback()
    assert no_io == []
    has(assert_clean_pdf(tmp_path / "n.pdf"), f"نام خوشه {name}", "۰۸۰۶.۲۰ ]]> & <", "شهرستان <i>")


# ----------------------------------------------------------------------------- the CLI


def cli(data: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cluster_desktop", "--data-dir", str(data), *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_cli_print_commands_write_pdfs(centre: Office, tmp_path: Path) -> None:
    data = centre.ws.data_dir
    licensed = dossier(centre, "licensed")
    approved = dossier(centre, "approved")
    with centre.session() as s:
        meeting = s.scalar(select(Transition.meeting_id).where(Transition.meeting_id.is_not(None)))
        programme = s.scalar(select(Programme.id).order_by(Programme.created_at))
    commands = {
        "nomination": ["nomination", licensed[:8]],
        "plan": ["plan", licensed],
        "evaluation": ["evaluation", approved],
        "summary": ["evaluation-summary", approved, "--level", "province"],
        "license": ["license", licensed],
        "minutes": ["minutes", meeting],
        "ranking": ["ranking", "--province", "IR-10"],
        "matrix": ["matrix"],
        "programme": ["programme", programme[:8]],
    }
    from cluster_desktop.cli import main

    # In process through the same entry point (argparse and handlers); one real subprocess below.
    for name, args in commands.items():
        out = tmp_path / f"{name}.pdf"
        assert main(["--data-dir", str(data), "print", *args, str(out)]) == 0, name
        assert out.read_bytes().startswith(b"%PDF"), name
    r = cli(data, "print", "license", "no-such-dossier", str(tmp_path / "x.pdf"))
    assert r.returncode == 1 and "پیدا نشد" in r.stderr and not (tmp_path / "x.pdf").exists()


def test_cli_prints_an_instruction_in_force_or_by_revision(tmp_path: Path) -> None:
    from cluster_desktop.domain.jalali import today
    from cluster_desktop.domain.roles import OfficeKind
    from cluster_desktop.services import instructions as ins
    from cluster_desktop.services.office import OfficeSetup, setup_office
    from cluster_desktop.services.workspace import Workspace
    from tests.conftest import PASSWORD
    from tests.test_cli import cli

    data = tmp_path / "centre"
    ws = Workspace.open(data)
    try:
        admin = setup_office(ws, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PASSWORD))
        with ws.db.session() as s:
            for body in ("متن نخست", "متن دوم"):
                ins.issue(s, admin, ins.InstructionInput("F5-3", "کنترل و ارزیابی", today(), body))
    finally:
        ws.close()
    out = tmp_path / "ins.pdf"
    r = cli(data, "print", "instruction", "F5-3", str(out))
    assert r.returncode == 0, r.stderr
    has(assert_clean_pdf(out), "کنترل و ارزیابی", "متن دوم", "۲ از ۲ — جاری")
    r = cli(data, "print", "instruction", "F5-3", "--revision", "1", str(out))
    assert r.returncode == 0 and "متن نخست" in assert_clean_pdf(out)
    r = cli(data, "print", "instruction", "F5-4", str(out))
    assert r.returncode == 1 and "ابلاغ نشده" in r.stderr


def test_instruction_f5_2_prints_the_provincial_ceiling(tmp_path: Path) -> None:
    from cluster_desktop.domain.jalali import today
    from cluster_desktop.domain.roles import OfficeKind
    from cluster_desktop.printing.documents.instruction import build_instruction
    from cluster_desktop.services import instructions as ins
    from cluster_desktop.services import printing
    from cluster_desktop.services.office import OfficeSetup, setup_office
    from cluster_desktop.services.workspace import Workspace
    from tests.conftest import PASSWORD

    ws = Workspace.open(tmp_path / "centre")
    try:
        admin = setup_office(ws, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PASSWORD))
        with ws.db.session() as s:
            ins.issue(s, admin, ins.InstructionInput("F5-2", "پذیرش طرح‌ها", today(), "متن", "30000000000"))
            data = printing.instruction_data(s, admin, "F5-2")
    finally:
        ws.close()
    out = tmp_path / "f5-2.pdf"
    build_instruction(data, out)
    has(assert_clean_pdf(out), "سقف اختیارات استان", "۳۰٬۰۰۰٬۰۰۰٬۰۰۰ ریال")
