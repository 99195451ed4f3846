"""A nomination's signatures never stand alone on its last page (issue 18, layout)."""

from __future__ import annotations

from pathlib import Path

import pytest

from cluster_desktop.printing.documents import common as doc
from cluster_desktop.printing.documents.nomination import NominationData, build_nomination
from tests.printing.pdftext import extract_logical_pages

SIGNERS = (doc.Signatory("دبیر کارگروه", "مریم احمدی"), doc.Signatory("رئیس سازمان", "علی رضایی"))


def nomination(tmp_path: Path, note_words: int, firms: int = 0) -> list[str]:
    profile = doc.ClusterProfile(
        name="خوشهٔ فرش دستباف کاشان",
        province="اصفهان",
        county="کاشان",
        description="توضیح " * 40,
        firms=tuple(doc.FirmLine(f"شرکت {i}", "تولیدکننده") for i in range(firms)),
    )
    note = " ".join(f"واژه{i}" for i in range(note_words))
    data = NominationData(doc.Letterhead(), profile, letter_no="۱۲/ص", note=note, signatories=SIGNERS)
    path = tmp_path / f"n{note_words}-{firms}.pdf"
    build_nomination(data, path)
    return extract_logical_pages(path)


@pytest.mark.parametrize("firms", [0, 9])
def test_signatures_keep_the_last_lines_before_them(tmp_path: Path, firms: int) -> None:
    # GIVEN notes of every length from a few words to over a page WHEN printed
    seen_pages = set()
    for words in range(0, 900, 25):
        pages = nomination(tmp_path, words, firms)
        seen_pages.add(len(pages))
        last = pages[-1]
        assert "مریم احمدی" in last
        # THEN the last page holds some of the text before the signatures too
        body = [line for line in last.splitlines() if "واژه" in line or "مرجع معرفی" in line]
        assert body, (words, firms)
    assert len(seen_pages) >= 2  # the notes did push the signatures over page breaks
