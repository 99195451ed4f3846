"""One cleaning step for every typed or pasted value: marks gone before validation and storage."""

from __future__ import annotations

import pytest

from cluster_desktop.domain.errors import FieldCollector
from cluster_desktop.services import forms


def _read(fn, value):  # type: ignore[no-untyped-def]
    c = FieldCollector()
    got = fn(c, value, "f")
    return got, [e.field for e in c.errors]


def test_an_email_pasted_with_an_override_is_stored_as_typed():
    # GIVEN «info@tpo.ir» pasted with a right-to-left override and marks (it would show «ri.opt@ofni»)
    got, errors = _read(forms.email, "\u202einfo@tpo.ir\u200f")
    assert (got, errors) == ("info@tpo.ir", [])


@pytest.mark.parametrize("typed", ["۰۸۰۶٫۲۰", "0806.20", "\u200e0806.20", "٠٨٠٦٫٢٠"])
def test_hs_codes_accept_the_persian_decimal_separator_and_pasted_marks(typed):
    assert _read(forms.hs_code, typed) == ("0806.20", [])


def test_a_phone_with_pasted_marks_is_read():
    assert _read(forms.phone_number, "\u200f+98 (31) 5544-1234\u200e") == ("+98 (31) 5544-1234", [])


def test_a_number_with_pasted_marks_is_read():
    c = FieldCollector()
    assert forms.number(c, "\u200f۱٬۲۵۰\u200e", "n", "کارکنان", "Employees") == 1250
    assert not c.errors


def test_the_dossier_list_finds_a_name_typed_without_its_zwnj(workspace, province_admin):
    from cluster_desktop.services import clusters

    # GIVEN a cluster whose name is spelt with ZWNJ and a percentage
    with workspace.db.session() as s:
        clusters.create_cluster(
            s, province_admin, clusters.ClusterInput(name="خوشه‌های زعفران ۲۵٪ قائنات", county="قائن")
        )
    # THEN a search typed with the halves joined, with a space, with the ZWNJ, or with «%» finds it
    with workspace.db.session() as s:
        for typed in ("خوشههای", "خوشه های", "خوشه‌های زعفران", "25%", "\u200fقائنات"):
            found = clusters.list_dossiers(s, clusters.DossierQuery(search=typed))
            assert [r.name for r in found] == ["خوشه‌های زعفران ۲۵٪ قائنات"], typed
