"""The audit log as people read it (issue 17): filtered and paged in SQL, each entry in words, only for
the administrator and the secretary; the chain's state for everyone; the filtered log in Excel."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import select, text

from cluster_desktop.domain.errors import PermissionDenied
from cluster_desktop.domain.roles import Role
from cluster_desktop.services import audit, audit_views, clusters, workflow
from cluster_desktop.services.audit_export import export_xlsx
from cluster_desktop.services.audit_views import AuditQuery
from cluster_desktop.store.models import AuditEntry
from tests.conftest import PASSWORD

ROOT = Path(__file__).resolve().parents[2]


def _history(ws, actor) -> dict[str, str]:  # type: ignore[no-untyped-def]
    """Three clusters (one of them nominated), and entries on chosen Tehran days by two users."""
    ids = {}
    for name in ("زعفران قائنات", "پستهٔ رفسنجان", '=HYPERLINK("http://x","گلاب")'):
        with ws.db.session() as s:
            ids[name] = clusters.create_cluster(s, actor, clusters.ClusterInput(name, "قائنات")).id
    with ws.db.session() as s:
        workflow.transition(s, actor, ids["زعفران قائنات"], "nominate")
    with ws.db.session() as s:
        for at, who in (
            (datetime(2025, 3, 20, 19, 0, tzinfo=UTC), "m.ahmadi"),  # 1403/12/30 22:30 in Tehran
            (datetime(2025, 3, 20, 21, 0, tzinfo=UTC), "m.ahmadi"),  # 1404/01/01 00:30 in Tehran
            (datetime(2025, 4, 2, 9, 0, tzinfo=UTC), "r.karimi"),  # 1404/01/13
        ):
            s.add(
                AuditEntry(
                    at=at,
                    username=who,
                    action="member.add",
                    entity="member",
                    entity_id="m1",
                    details={"name": who},
                )
            )
    return ids


def _ids(rows) -> list[int]:  # type: ignore[no-untyped-def]
    return [r.id for r in rows]


def test_filters_narrow_in_sql_and_rows_read_as_words(workspace, province_admin) -> None:
    ids = _history(workspace, province_admin)
    a = province_admin
    with workspace.db.session() as s:
        everything = audit_views.list_entries(s, a, AuditQuery())
        assert audit_views.count_entries(s, a, AuditQuery()) == len(everything) >= 8
        assert _ids(everything) == sorted(_ids(everything), reverse=True)  # newest first
        # by user
        mine = audit_views.list_entries(s, a, AuditQuery(username="m.ahmadi"))
        assert [r.username for r in mine] == ["m.ahmadi", "m.ahmadi"]
        assert mine[0].title_fa == "افزودن عضو کارگروه" and mine[0].subject_fa == "عضو کارگروه: m.ahmadi"
        # by action, named by its Persian title (as the CLI and the view's list do)
        created = audit_views.actions_named(s, a, "ثبت خوشه")
        assert created == ("cluster.create",)
        assert audit_views.count_entries(s, a, AuditQuery(actions=created)) == 3
        # by dossier: the cluster's name, through its cluster, its dossier and the details naming it
        saffron = audit_views.list_entries(s, a, AuditQuery(dossier="زعفران"))
        assert {r.action for r in saffron} == {"cluster.create", "dossier.nominate"}
        assert {r.dossier_id for r in saffron} == {ids["زعفران قائنات"]}
        assert all(r.dossier_name == "زعفران قائنات" for r in saffron)
        # Arabic letters typed for Persian ones find the same
        assert len(audit_views.list_entries(s, a, AuditQuery(dossier="زعفران قائنات".replace("ی", "ي")))) == 2
        # by Tehran day: 1404/01/01 begins at 20:30 UTC on 20 March 2025
        nowruz = AuditQuery(since=date(2025, 3, 21), until=date(2025, 3, 21))
        assert [r.at.hour for r in audit_views.list_entries(s, a, nowruz)] == [21]
        spring = AuditQuery(username="m.ahmadi", since=date(2025, 3, 20), until=date(2025, 4, 30))
        assert len(audit_views.list_entries(s, a, spring)) == 2
        # details in words, never JSON
        nominated = next(r for r in saffron if r.action == "dossier.nominate")
        assert nominated.title_fa == "معرفی خوشه" and "وضعیت جدید: معرفی‌شده" in nominated.details_fa
        assert "F3-2" in nominated.details_fa
        for r in everything:
            assert "{" not in r.details_fa and '"to"' not in r.details_fa, r
            assert any("\u0600" <= ch <= "\u06ff" for ch in r.title_fa), r.action


def test_keyset_pages_cover_every_entry_once(workspace, province_admin) -> None:
    with workspace.db.session() as s:
        for i in range(450):
            audit.record(s, province_admin, "member.update", "member", f"m{i}", name=f"عضو {i}")
    seen: list[int] = []
    before = None
    with workspace.db.session() as s:
        while page := audit_views.list_entries(s, province_admin, AuditQuery(), before_id=before, limit=200):
            seen += _ids(page)
            before = page[-1].id
        all_ids = sorted(s.scalars(select(AuditEntry.id)), reverse=True)
    assert seen == all_ids and len(seen) >= 451


@pytest.mark.parametrize("role", [Role.CLERK, Role.EVALUATOR, Role.VIEWER])
def test_only_the_administrator_and_the_secretary_read_the_log(
    workspace, province_admin, role, tmp_path
) -> None:
    other = replace(province_admin, role=role)
    with workspace.db.session() as s:
        for call in (
            lambda: audit_views.list_entries(s, other, AuditQuery()),
            lambda: audit_views.count_entries(s, other, AuditQuery()),
            lambda: audit_views.action_choices(s, other),
            lambda: audit_views.peer_chains(s, other),
        ):
            with pytest.raises(PermissionDenied):
                call()
        assert audit_views.count_entries(s, replace(province_admin, role=Role.SECRETARY), AuditQuery()) >= 1
    with pytest.raises(PermissionDenied):
        export_xlsx(workspace, other, AuditQuery(), tmp_path / "x.xlsx")
    assert not (tmp_path / "x.xlsx").exists()


def test_the_chain_status_names_the_broken_entry_for_everyone(workspace, province_admin) -> None:
    _history(workspace, province_admin)
    with workspace.db.session() as s:
        assert audit_views.chain_status(s).intact
        victim = s.scalars(select(AuditEntry.id).order_by(AuditEntry.id)).all()[2]
    with workspace.db.engine.begin() as c:
        c.execute(text("UPDATE audit_log SET entity_id = 'x' WHERE id = :i"), {"i": victim})
    with workspace.db.session() as s:
        status = audit_views.chain_status(s)
    from cluster_desktop.domain.numbers import to_persian_digits

    assert status.broken_id == victim and not status.intact
    assert (
        f"ردیف شمارهٔ {to_persian_digits(victim)}" in status.warning_fa
        and "فناوری اطلاعات" in status.warning_fa
    )


def test_the_filtered_log_in_excel(workspace, province_admin, tmp_path) -> None:
    _history(workspace, province_admin)
    out = tmp_path / "گزارش ممیزی.xlsx"
    query = AuditQuery(actions=("cluster.create",))
    result = export_xlsx(workspace, province_admin, query, out)
    assert result.rows == 3 and out.exists() and not list(tmp_path.glob(".*part"))
    sheet = load_workbook(out).active
    assert sheet.sheet_view.rightToLeft
    header, *rows = list(sheet.iter_rows(values_only=True))
    assert header[:3] == ("شماره", "تاریخ و ساعت (شمسی، تهران)", "زمان (ISO، UTC)")
    assert (
        len(rows) == 3 and {r[6] for r in rows} == {"cluster.create"} and {r[5] for r in rows} == {"ثبت خوشه"}
    )
    assert all(len(r[1]) == 19 and r[1][:2] in ("14", "13") for r in rows)  # 1405/09/07 14:05:12
    assert all(r[2].endswith("Z") and "T" in r[2] for r in rows)
    # a name typed as a formula is text, shown as typed
    cells = [
        c
        for row in sheet.iter_rows(min_row=2)
        for c in row
        if isinstance(c.value, str) and c.value.startswith("=")
    ]
    assert cells and all(c.data_type == "s" and c.quotePrefix for c in cells)
    # the export is itself in the log
    with workspace.db.session() as s:
        last = s.scalar(select(AuditEntry).order_by(AuditEntry.id.desc()).limit(1))
        assert last is not None and last.action == "audit.export" and last.details["rows"] == 3
    with pytest.raises(Exception, match="xlsx"):
        export_xlsx(workspace, province_admin, query, tmp_path / "x.csv")


def _cli(ws, *args: str):  # type: ignore[no-untyped-def]
    url = [] if ws.backend == "sqlite" else ["--db-url", ws.db.url]
    return subprocess.run(
        [
            sys.executable,
            "-m",
            "cluster_desktop",
            "--data-dir",
            str(ws.data_dir),
            *url,
            "--user",
            "admin",
            "--password-stdin",
            *args,
        ],
        input=PASSWORD + "\n",
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=120,
    )


def test_audit_list_and_peers_on_the_command_line(workspace, province_admin) -> None:
    _history(workspace, province_admin)
    r = _cli(workspace, "audit", "list", "--json")  # no filter: the acting user stays the global --user
    assert r.returncode == 0, r.stderr
    assert len(json.loads(r.stdout)) >= 8
    r = _cli(
        workspace,
        "audit",
        "list",
        "--user",
        "m.ahmadi",
        "--since",
        "1404/01/01",
        "--until",
        "2025-04-30",
        "--json",
    )
    assert r.returncode == 0, r.stderr
    rows = json.loads(r.stdout)
    assert [x["user"] for x in rows] == ["m.ahmadi"] and rows[0]["title"] == "افزودن عضو کارگروه"
    r = _cli(workspace, "audit", "list", "--action", "ثبت خوشه", "--dossier", "پسته", "--json")
    rows = json.loads(r.stdout)
    assert [x["action"] for x in rows] == ["cluster.create"] and rows[0]["dossier"] == "پستهٔ رفسنجان"
    r = _cli(workspace, "audit", "list", "--since", "1404/13/01")
    assert r.returncode == 1 and "--since" in r.stderr and "Traceback" not in r.stderr
    r = _cli(workspace, "audit", "peers", "--json")
    assert r.returncode == 0 and json.loads(r.stdout) == []
