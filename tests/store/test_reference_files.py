"""Validates the programme reference data in resources/reference/ (extracted from the seed text)."""

from __future__ import annotations

import csv
import json
import math
import re
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parents[2]
REF = ROOT / "resources" / "reference"
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seed" / "000_42c720327568aae0.txt"

F_CODES = [
    "F1", "F1-1", "F1-2", "F1-3", "F1-5", "F2", "F2-1", "F2-2",
    "F3", "F3-1", "F3-2", "F3-3", "F3-4", "F4", "F5", "F5-1", "F5-2", "F5-3", "F5-4",
    "F6", "F6-1", "F7", "F8", "F9", "F9-1", "F9-2", "F9-3",
    "F10", "F11", "F12", "F13", "F14", "F15",
]  # fmt: skip


def load(name: str) -> Any:
    return json.loads((REF / name).read_text(encoding="utf-8"))


def ws(text: str) -> str:
    return " ".join(text.split())


_LETTER = "\u0621-\u064a\u0671-\u06d3\u06fa-\u06ff"
_PLURAL = re.compile(rf"(?<=[{_LETTER}\u064b-\u065f]) (ها|های|هایی|هائی)(?![{_LETTER}])")


def spelled(text: str) -> str:
    """The spelling the reference values use (issue 18): plurals and «تصویب‌نامه» with ZWNJ, no
    spaces inside brackets and «» quotes, the decree number one way. Applied to the seed, so the
    values can still be found in it word for word."""
    text = _PLURAL.sub("\u200c\\1", text).replace("تصویب نامه", "تصویب‌نامه")
    text = text.replace("۲۰۷۹۴/ت/۳۵۰۱۴ ک", "۲۰۷۹۴/ت۳۵۰۱۴ک").replace("۲۰۷۹۴/ت/۱۴۳۵", "۲۰۷۹۴/ت۳۵۰۱۴ک")
    return re.sub(r" +([)»])", r"\1", re.sub(r"([(«]) +", r"\1", text))


@pytest.fixture(scope="module")
def seed() -> str:
    if not SEED.is_file():
        pytest.skip("seed text not present next to the repository")
    return spelled(ws(SEED.read_text(encoding="utf-8")))


def _persian_values(value: Any, key: str = "") -> list[str]:
    if key == "notes":  # English notes quote the seed as it is
        return []
    if isinstance(value, dict):
        return [s for k, v in value.items() for s in _persian_values(v, k)]
    if isinstance(value, list):
        return [s for v in value for s in _persian_values(v, key)]
    return [value] if isinstance(value, str) and re.search(f"[{_LETTER}]", value) else []


@pytest.mark.parametrize(
    "name", ["organizations.json", "processes.json", "matrix.json", "phases.json", "criteria.json"]
)
def test_persian_values_are_spelled_one_way(name: str) -> None:
    # GIVEN every Persian value of a reference file THEN it already has the one spelling
    for value in _persian_values(load(name)):
        assert spelled(value) == value, value


@pytest.fixture(scope="module")
def orgs() -> dict[str, dict[str, Any]]:
    return {o["code"]: o for o in load("organizations.json")["organizations"]}


@pytest.fixture(scope="module")
def procs() -> dict[str, dict[str, Any]]:
    return {p["code"]: p for p in load("processes.json")["processes"]}


# ---------------------------------------------------------------- provinces


def test_provinces_csv_has_31_current_iso_codes() -> None:
    # GIVEN the provinces file WHEN read THEN it holds IR-00..IR-30 once each, with Persian names
    with (REF / "provinces.csv").open(encoding="utf-8", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert [r["iso_code"] for r in rows] == [f"IR-{i:02d}" for i in range(31)]
    assert all(r["name_fa"] and r["name_en"] and r["capital_fa"] for r in rows)
    assert next(r for r in rows if r["iso_code"] == "IR-30")["name_en"] == "Alborz"


def test_extended_csv_and_geojson_cover_the_same_31_provinces() -> None:
    with (REF / "provinces_extended.csv").open(encoding="utf-8", newline="") as fh:
        ext = {r["iso_code"] for r in csv.DictReader(fh)}
    geo = json.loads((REF / "iran_provinces.geojson").read_text(encoding="utf-8"))
    codes = {f["properties"]["iso_code"] for f in geo["features"]}
    assert len(geo["features"]) == 31
    assert ext == codes == {f"IR-{i:02d}" for i in range(31)}


def test_province_files_are_unchanged_copies_of_shared_data() -> None:
    if not (SHARED / "data").is_dir():
        pytest.skip("shared data not present")
    for name in ("provinces.csv", "provinces_extended.csv", "iran_provinces.geojson"):
        assert (REF / name).read_bytes() == (SHARED / "data" / name).read_bytes(), name


def test_sources_keep_the_odbl_attribution() -> None:
    text = (REF / "SOURCES.md").read_text(encoding="utf-8")
    assert "© OpenStreetMap contributors, ODbL" in text
    assert "000_42c720327568aae0.txt" in text


# ---------------------------------------------------------------- organizations and matrix


def test_organization_codes_are_unique_ascii_and_cover_the_seed_agencies(orgs) -> None:
    data = load("organizations.json")
    codes = [o["code"] for o in data["organizations"]]
    assert len(codes) == len(set(codes))
    assert all(c.isascii() and c.replace("_", "").isalnum() and c.isupper() for c in codes)
    for code in ("TPO", "MOC", "MIM", "ISIPO", "PROV_COMMERCE", "BANKS", "PROV_UNITS", "GOVERNORATE",
                 "BDS", "WORKING_GROUPS", "VP_STRATEGIC", "NDA_CDA", "PBO", "IRIB_PRESS",
                 "CHAMBER_COMMERCE", "CHAMBER_COOP", "CHAMBER_INDUSTRY", "EGFI", "MOL", "MOCOOP",
                 "UNIVERSITY", "PRIVATE_SECTOR"):  # fmt: skip
        assert code in orgs, code
    assert data["notes"]
    assert all(o["name_fa"] and o["name_en"] and o["kind"] for o in orgs.values())


def test_every_agency_of_the_seed_list_is_represented(orgs, seed) -> None:
    # GIVEN the 19 entries of the seed's agency list WHEN mapped THEN each is some organization's listed_as_fa
    listed = [name for o in orgs.values() for name in o["listed_as_fa"]]
    assert len(listed) == len(set(listed)) == 19
    for name in listed:
        assert f"- {name} " in seed + " ", name


def test_matrix_columns_are_the_organizations_with_a_matrix_column(orgs) -> None:
    matrix = load("matrix.json")
    cols = matrix["columns"]
    assert cols[0] == "TPO" and cols[-1] == "PROV_COMMERCE"
    assert [orgs[c]["matrix_column"] for c in cols] == list(range(1, len(cols) + 1))
    assert {c for c, o in orgs.items() if o["matrix_column"] is not None} == set(cols)
    assert [c for c in reversed(matrix["ocr_cells"]) if c] == cols


def test_matrix_rows_reference_known_processes_and_organizations(orgs, procs) -> None:
    matrix = load("matrix.json")
    rows = matrix["rows"]
    assert len({r["process"] for r in rows}) == len(rows)
    for row in rows:
        assert row["process"] in procs
        assert row["organizations"], row["process"]
        assert all(o in orgs for o in row["organizations"])
        # organizations follow matrix order
        assert row["organizations"] == [c for c in matrix["columns"] if c in row["organizations"]]


def test_matrix_rows_follow_the_seed_and_the_documented_column_reading() -> None:
    matrix = load("matrix.json")
    cells = matrix["ocr_cells"]
    by = {r["process"]: r for r in matrix["rows"]}
    # the rows the brief names: only TPO, or TPO with the provincial commerce organizations
    for code in ("F1-2", "F1-5", "F5-1", "F8"):
        assert by[code]["organizations"] == ["TPO"], code
    assert by["F2-1"]["organizations"] == ["TPO", "PROV_COMMERCE"]
    assert set(by["F9-3"]["organizations"]) == {"TPO", "WORKING_GROUPS"}
    # a full 19-cell row reads straight through ocr_cells
    for row in matrix["rows"]:
        marks = row["ocr_marks"]
        if marks is not None and len(marks) == len(cells):
            ticked = {cells[i] for i, m in enumerate(marks) if m == "✓" and cells[i]}
            assert set(row["organizations"]) == ticked, row["process"]
    # F14 has no ticks in the seed: inferred and flagged; every other row is not
    assert by["F14"] == {"process": "F14", "organizations": ["TPO"], "inferred": True, "ocr_marks": None}
    assert [r["process"] for r in matrix["rows"] if r["inferred"]] == ["F14"]
    assert set(by["F5-4"]["organizations"]) == set(by["F12"]["organizations"])


def test_matrix_ocr_marks_appear_in_the_seed(seed) -> None:
    raw = SEED.read_text(encoding="utf-8").split("\n")
    seed_rows = ["".join(c for c in line.split("\t") if c in ("✓", "-")) for line in raw]
    for row in load("matrix.json")["rows"]:
        if row["ocr_marks"] is None:
            continue
        title = row["process"] if row["process"] != "F5-4" else "دستورالعمل بسته های تخصصی حمایتی"
        hits = [i for i, line in enumerate(raw) if title in line and seed_rows[i] == row["ocr_marks"]]
        assert hits, row["process"]


# ---------------------------------------------------------------- processes


def test_every_f_code_is_present_once_in_order(procs) -> None:
    data = load("processes.json")["processes"]
    assert [p["code"] for p in data] == F_CODES
    assert [p["order"] for p in data] == sorted({p["order"] for p in data})
    assert "F1-4" not in procs


def test_process_fields_and_parents(procs) -> None:
    for code, p in procs.items():
        assert p["title_fa"], code
        assert isinstance(p["inputs_fa"], list) and isinstance(p["outputs_fa"], list)
        assert p["phase"] in (1, 2, 3, None)
        if "-" in code:
            parent = procs[p["parent"]]
            assert parent["parent"] is None and code.startswith(parent["code"] + "-")
            assert p["phase"] == parent["phase"]
        else:
            assert p["parent"] is None
    assert [c for c, p in procs.items() if p["phase"] is None] == ["F4", "F5", "F5-1", "F5-2", "F5-3", "F5-4"]
    assert procs["F9"]["phase"] == 2 and procs["F15"]["phase"] == 3 and procs["F8"]["phase"] == 1


def test_process_titles_match_the_seed(procs, seed) -> None:
    # GIVEN the seed text WHEN each table title is looked up THEN it is there verbatim (whitespace-normalised)
    assert procs["F3-1"]["title_fa"] == "ارزیابی اولیه خوشه‌ها (معیارهای ماده ۷)"
    assert procs["F3-3"]["title_fa"] == "تکمیل طرح توجیهی توسعه خوشه"
    assert procs["F5-4"]["title_fa"] == "دستورالعمل بسته‌های تخصصی حمایتی خوشه‌ها"
    for code, p in procs.items():
        assert p["title_fa"] in seed, code
        if p["summary_fa"]:
            assert p["summary_fa"] in seed, code
        for item in p["inputs_fa"] + p["outputs_fa"]:
            assert item in seed, (code, item)


def test_matrix_notes_are_seed_paragraphs(procs, seed) -> None:
    notes = {c: p["matrix_note_fa"] for c, p in procs.items() if p["matrix_note_fa"]}
    assert set(notes) == {f"F{i}" for i in range(1, 15) if i != 7}
    assert notes["F14"].startswith("سازمان توسعه تجارت به عنوان واحد کنترل و ارزیابی")
    untouched = [c for c in notes if c not in ("F1", "F2", "F3", "F12")]  # listed OCR fixes
    for code in untouched:
        assert notes[code] in seed, code


# ---------------------------------------------------------------- criteria


def test_criteria_set_version_1(seed) -> None:
    data = load("criteria.json")
    crit = data["criteria"]
    assert data["version"] == 1 and data["threshold"] == 60
    assert data["title_fa"] == "معیارهای ماده ۷ تصویب‌نامه ۲۰۷۹۴/ت۳۵۰۱۴ک"
    assert [c["code"] for c in crit] == [f"C{i}" for i in range(1, 10)]
    assert [c["order"] for c in crit] == list(range(1, 10))
    assert math.isclose(sum(c["weight"] for c in crit), 1.0, abs_tol=1e-9)
    assert all(0 < c["weight"] < 1 for c in crit)
    assert data["weights_note"]
    for c in crit:
        assert [lvl["score"] for lvl in c["rubric"]] == [0, 1, 2, 3, 4, 5], c["code"]
        assert all(lvl["fa"] and lvl["en"] for lvl in c["rubric"])
        assert len({lvl["fa"] for lvl in c["rubric"]}) == 6
        assert c["title_en"]


def test_criterion_titles_are_verbatim_from_the_seed(seed) -> None:
    raw = spelled(SEED.read_text(encoding="utf-8"))
    digits = "۱۲۳۴۵۶۷۸۹"
    for i, c in enumerate(load("criteria.json")["criteria"]):
        assert f"{digits[i]}. {c['title_fa']}\n" in raw, c["code"]
    assert (
        load("criteria.json")["criteria"][0]["title_fa"] == "تمرکز جغرافیایی مجموعه ای از بنگاه‌های کسب و کار"
    )


def test_export_criteria_weigh_most() -> None:
    w = {c["code"]: c["weight"] for c in load("criteria.json")["criteria"]}
    assert max(w, key=w.get) == "C4"
    assert w["C4"] > w["C5"] > w["C7"] > max(w[k] for k in ("C1", "C2", "C3", "C6", "C8", "C9"))


# ---------------------------------------------------------------- phases


def test_three_phases_with_9_5_4_steps(procs, seed) -> None:
    phases = load("phases.json")["phases"]
    assert [p["code"] for p in phases] == ["P1", "P2", "P3"]
    assert [len(p["steps"]) for p in phases] == [9, 5, 4]
    assert [p["order"] for p in phases] == [1, 2, 3]
    for p in phases:
        assert p["title_fa"] in seed and p["title_en"]
        assert [s["code"] for s in p["steps"]] == [f"{p['code']}-{k}" for k in range(1, len(p["steps"]) + 1)]
        for s in p["steps"]:
            assert s["title_fa"] in seed, s["code"]
            for code in s["processes"]:
                assert procs[code]["phase"] == p["order"], (s["code"], code)


def test_phase_step_links_named_in_the_brief() -> None:
    steps = {s["code"]: s["processes"] for p in load("phases.json")["phases"] for s in p["steps"]}
    assert steps["P1-3"] == ["F3-2"]
    assert steps["P1-4"] == ["F3-3"]
    assert steps["P1-6"] == ["F3-4"]
    assert {"F6", "F6-1"} <= set(steps["P1-8"])
    assert steps["P1-9"] == ["F8"]
    assert steps["P3-3"] == ["F14"] and steps["P3-4"] == ["F15"]
