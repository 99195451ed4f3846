"""The dossier lists' sort orders are served by indexes (migration 0003), not by sorting every row."""

from __future__ import annotations

from typing import Any

import pytest
from sqlalchemy import event, inspect

from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services import central, clusters
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.workspace import Workspace


@pytest.fixture
def backend() -> str:
    """SQLite's query plans (EXPLAIN QUERY PLAN) and page cache; PostgreSQL plans by table statistics,
    and its indexes come from the same migrations (tests/store/test_migrations.py checks them there)."""
    return "sqlite"


def _plan(workspace: Workspace, run: Any) -> str:
    """SQLite's query plan of the last SELECT ``run`` issues."""
    seen: list[tuple[str, Any]] = []

    def capture(_conn: Any, _cur: Any, statement: str, params: Any, _ctx: Any, _many: bool) -> None:
        if statement.lstrip().upper().startswith("SELECT"):
            seen.append((statement, params))

    engine = workspace.db.engine
    event.listen(engine, "before_cursor_execute", capture)
    try:
        with workspace.db.session() as s:
            run(s)
    finally:
        event.remove(engine, "before_cursor_execute", capture)
    statement, params = seen[-1]
    with engine.connect() as conn:
        rows = conn.exec_driver_sql("EXPLAIN QUERY PLAN " + statement, params).fetchall()
    return " | ".join(str(r[-1]) for r in rows)


def test_migration_creates_the_list_indexes(workspace: Workspace) -> None:
    names = {ix["name"]: ix["column_names"] for ix in inspect(workspace.db.engine).get_indexes("dossiers")}
    assert names["ix_dossiers_provincial_score_id"] == ["provincial_score", "id"]
    assert names["ix_dossiers_central_score_id"] == ["central_score", "id"]
    assert names["ix_dossiers_updated_at_id"] == ["updated_at", "id"]
    assert names["ix_dossiers_nominated_on_id"] == ["nominated_on", "id"]
    assert names["ix_dossiers_origin"] == ["origin"]


@pytest.mark.parametrize(
    ("order_by", "index"),
    [
        ("score", "ix_dossiers_provincial_score_id"),
        ("updated", "ix_dossiers_updated_at_id"),
        ("nominated", "ix_dossiers_nominated_on_id"),
    ],
)
def test_a_list_page_walks_the_sort_index(
    workspace: Workspace, province_admin: Actor, order_by: str, index: str
) -> None:
    query = clusters.DossierQuery(order_by=order_by)
    plan = _plan(workspace, lambda s: clusters.list_dossiers(s, query, kind=OfficeKind.PROVINCE))
    assert index in plan, plan


def test_the_national_list_by_central_score_and_the_initial_list_use_indexes(
    workspace: Workspace, central_admin: Actor
) -> None:
    by_central = central.NationalQuery(order_by="central")
    plan = _plan(workspace, lambda s: central.national_rows(s, by_central))
    assert "ix_dossiers_central_score_id" in plan, plan
    initial = central.NationalQuery(origin="central")
    plan = _plan(workspace, lambda s: central.count_national(s, initial))
    assert "ix_dossiers_origin" in plan, plan


def test_the_page_cache_is_larger_than_sqlites_default(workspace: Workspace) -> None:
    with workspace.db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA cache_size").scalar() == -32768
