"""Issue 16, part 4 on paper: the national ranking report ends with the provinces' map, coloured and
labelled like the screen's, with its legend and the boundaries' ODbL notice; a province's report has
no map."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from cluster_desktop.services import printing
from cluster_desktop.services import province_map as pm
from tests.printing.pdftext import extract_logical_pages, normalise


def _filled_paths(pdf: Path, page: int) -> int:
    """Paths filled even-odd and stroked (``B*``): the provinces, the legend's box and swatches."""
    data = PdfReader(pdf).pages[page].get_contents().get_data()  # type: ignore[union-attr]
    return data.count(b"B*\n") + data.count(b"B* ")


def test_the_national_report_prints_the_map_page(central_demo, tmp_path: Path) -> None:
    ws, actor = central_demo("secretary")
    out, bare = tmp_path / "national.pdf", tmp_path / "no-map.pdf"
    with ws.db.session() as s:
        printing.print_ranking(s, actor, out)
        printing.print_ranking(s, actor, bare, map_measure=None)
        view = pm.map_view(pm.province_figures(s, actor), "dossiers")
    pages = extract_logical_pages(out)
    # THEN the report gains one page, the map's, after the ranking table
    assert len(pages) == len(extract_logical_pages(bare)) + 1
    last = pages[-1]
    assert normalise("نقشهٔ استان‌ها بر پایهٔ پرونده‌ها") in last
    assert "OpenStreetMap contributors" in last and "ODbL" in last
    for entry in view.legend:  # the screen's legend, class by class
        assert normalise(entry.text_fa) in last
    # AND the 31 provinces are drawn as filled outlines on it (and the legend's box and swatches)
    assert _filled_paths(out, len(pages) - 1) == 31 + 1 + len(view.legend)
    assert _filled_paths(out, 0) == 0


def test_the_map_page_takes_the_measure_asked_for(central_demo, tmp_path: Path) -> None:
    ws, actor = central_demo("secretary")
    out = tmp_path / "scores.pdf"
    with ws.db.session() as s:
        printing.print_ranking(s, actor, out, map_measure="mean_score")
    last = extract_logical_pages(out)[-1]
    assert normalise("نقشهٔ استان‌ها بر پایهٔ میانگین امتیاز") in last
    assert normalise("بدون امتیاز") in last


def test_a_province_report_has_no_map(central_demo, tmp_path: Path) -> None:
    ws, actor = central_demo("secretary")
    out = tmp_path / "one.pdf"
    with ws.db.session() as s:
        printing.print_ranking(s, actor, out, province_code="IR-10")
    assert all("OpenStreetMap" not in page for page in extract_logical_pages(out))
