"""The issuing office's letterhead on paper: its image instead of the organisation lines, the line
under it, and its address and telephone above the footer rule, in reading order."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from pypdf import PdfReader

from cluster_desktop.printing.documents import build_license, build_ranking
from cluster_desktop.printing.documents import common as doc
from cluster_desktop.printing.documents import license as lic_doc
from cluster_desktop.printing.documents import ranking as rk
from tests.images import jpeg, png
from tests.printing.pdftext import extract_logical, normalise

FARS = doc.Letterhead.for_office(
    "سازمان بازرگانی استان فارس",
    central=False,
    text_line="دبیرخانهٔ کارگروه توسعهٔ صادرات استان (خوشه‌ها)",
    address="شیراز، بلوار زند، ساختمان ۱۲",
    postal_code="71348-14336",
    phone="071-32345678",
    email="clusters@fars.gov.ir",
)


def licence(letterhead: doc.Letterhead, out: Path) -> str:
    build_license(
        lic_doc.LicenseData(
            letterhead=letterhead,
            number="TPO-CL-1405-00012",
            cluster_name="فرش دستباف کاشان",
            province="اصفهان",
            county="کاشان",
            issued_on=date(2026, 5, 1),
            valid_until=date(2029, 5, 1),
            qr_text="CDL1.test",
            signatories=[doc.Signatory("رئیس کل سازمان توسعه تجارت ایران", "کاوه هاشمی")],
        ),
        out,
    )
    return extract_logical(out)


def images(path: Path) -> list[tuple[int, int]]:
    """The size of every image drawn, page by page (the QR code is vector, not an image)."""
    out = []
    for page in PdfReader(path).pages:
        xobjects = page["/Resources"].get("/XObject", {})
        for ref in xobjects.values():
            obj = ref.get_object()
            if obj["/Subtype"] == "/Image":
                out.append((int(obj["/Width"]), int(obj["/Height"])))
    return out


def test_an_office_without_an_image_prints_its_lines_and_its_contact(tmp_path: Path) -> None:
    text = licence(FARS, tmp_path / "lines.pdf")
    assert images(tmp_path / "lines.pdf") == []
    for expected in (
        "وزارت صنعت، معدن و تجارت",
        "سازمان بازرگانی استان فارس",
        "دبیرخانهٔ کارگروه توسعهٔ صادرات استان (خوشه‌ها)",
        "نشانی: شیراز، بلوار زند، ساختمان ۱۲",
        # telephone and postal code read left to right, as dialled and written
        "کد پستی: ۷۱۳۴۸-۱۴۳۳۶ — تلفن: ۰۷۱-۳۲۳۴۵۶۷۸",
        "clusters@fars.gov.ir",
    ):
        assert normalise(expected) in text, expected


def test_the_image_replaces_the_organisation_lines(tmp_path: Path) -> None:
    text = licence(doc.Letterhead(**{**vars(FARS), "image": png(900, 200)}), tmp_path / "image.pdf")
    assert images(tmp_path / "image.pdf") == [(900, 200)]
    assert normalise("وزارت صنعت، معدن و تجارت") not in text
    assert normalise("دبیرخانهٔ کارگروه توسعهٔ صادرات استان (خوشه‌ها)") in text
    assert normalise("کاوه هاشمی") in text
    # a JPEG too
    licence(doc.Letterhead(image=jpeg(400, 400)), tmp_path / "jpeg.pdf")
    assert images(tmp_path / "jpeg.pdf") == [(400, 400)]


def test_every_page_carries_the_image_stored_once(tmp_path: Path) -> None:
    rows = [rk.RankRow(i, f"خوشهٔ {i}", "فارس", "شیراز", "تأیید استان", 70.0) for i in range(1, 120)]
    out = tmp_path / "ranking.pdf"
    build_ranking(rk.RankingData(doc.Letterhead(image=png()), "فارس", "امتیاز", rows, 60.0), out)
    pages = len(PdfReader(out).pages)
    assert pages > 2 and len(images(out)) == pages
    drawn = {ref.idnum for page in PdfReader(out).pages for ref in page["/Resources"]["/XObject"].values()}
    assert len(drawn) == 1  # one image object (with its transparency mask), drawn on every page


def test_a_long_address_is_cut_to_two_lines_above_the_rule(tmp_path: Path) -> None:
    long = doc.Letterhead(address="خیابان بسیار طولانی " * 80, phone="071-1")
    text = licence(long, tmp_path / "long.pdf")
    contact = [line for line in text.splitlines() if "خیابان بسیار" in line]
    assert len(contact) == 2 and contact[-1].rstrip().endswith(normalise("…"))
    assert normalise("شرایط پروانه") in text  # the body still fits on its page
    assert len(PdfReader(tmp_path / "long.pdf").pages) == 1


def test_a_letterhead_never_moves_the_body(tmp_path: Path) -> None:
    # a one-page document stays one page whatever the office recorded: the image and the line under
    # it fit the depth of the organisation's three lines, one contact line fits above the rule
    from io import BytesIO

    from cluster_desktop.printing.document import OfficialDocument

    def frame(**kw: object) -> tuple[float, float]:
        d = OfficialDocument(BytesIO(), title="برگهٔ ارزیابی", **kw)  # type: ignore[arg-type]
        return d._frame_top, d._frame_bottom

    plain = frame()
    for kw in (
        {"letterhead_text": "دبیرخانهٔ کارگروه"},
        {"letterhead_image": png(1200, 320)},
        {"letterhead_image": png(400, 400), "letterhead_text": "دبیرخانهٔ کارگروه"},
        {"contact_line": "نشانی: شیراز — تلفن: ۰۷۱-۳۲۳۴۵۶۷۸"},
    ):
        assert frame(**kw) == plain, kw
