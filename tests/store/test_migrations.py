"""Models and migrations agree; upgrades keep data and take a verified backup; newer databases are refused."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import select

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.store.db import DB_FILENAME, Database, integrity_check, sqlite_url
from cluster_desktop.store.migrate import current_revision, head_revision, upgrade_database
from cluster_desktop.store.models import Base, Cluster


def test_models_and_migrations_do_not_drift(tmp_path: Path, new_db_url) -> None:
    # GIVEN a database migrated to head (on each backend)
    db = Database(new_db_url() or sqlite_url(tmp_path))
    upgrade_database(db.engine, tmp_path)
    # WHEN alembic compares it with the models
    with db.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata)
    # THEN there is nothing to generate
    assert diff == []


def test_pragmas_are_set(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path))
    with db.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL


def _downgrade(db: Database, revision: str) -> None:
    from cluster_desktop.store.migrate import alembic_config, run_in_transaction

    run_in_transaction(db.engine, alembic_config(db.engine), revision, downgrade=True)


def _counts(where: Path | str) -> dict[str, int]:
    """Rows per table of a SQLite file (a backup) or of the database at a URL."""
    from sqlalchemy import create_engine, inspect

    engine = create_engine(f"sqlite:///{where}" if isinstance(where, Path) else where)
    try:
        with engine.connect() as conn:
            return {
                t: int(conn.exec_driver_sql(f'SELECT count(*) FROM "{t}"').scalar_one())
                for t in inspect(conn).get_table_names()
            }
    finally:
        engine.dispose()


def test_upgrade_from_first_revision_keeps_data_and_backs_up(workspace, province_admin) -> None:
    # GIVEN an office with data, taken back to the first schema revision
    from cluster_desktop.services import clusters

    with workspace.db.session() as s:
        clusters.create_cluster(
            s,
            province_admin,
            clusters.ClusterInput(
                name="پسته رفسنجان",
                county="رفسنجان",
                products=[clusters.ProductInput("0802.51", "پسته با پوست")],
            ),
        )
    workspace.close()
    db = Database(workspace.db.url)
    _downgrade(db, "0001")
    before = _counts(db.url)
    # WHEN the current code opens it
    backup = upgrade_database(db.engine, workspace.data_dir)
    # THEN a verified backup exists, every row is still there, and the new column was filled
    assert backup is not None and backup.exists()
    if db.engine.dialect.name == "sqlite":
        assert _counts(backup) == before
    after = _counts(db.url)
    assert {t: after[t] for t in before} == before
    # tables later revisions add (0004: plan_requests) start empty, but for the local office's
    # secretariat details (0011 moves them off the offices table)
    assert all(after[t] == 0 for t in after.keys() - before.keys() - {"office_details"})
    assert after["office_details"] == 1
    assert current_revision(db.engine) == head_revision(db.engine)
    assert integrity_check(db.engine) == "ok"
    with db.engine.connect() as conn:
        assert "0802.51" in conn.exec_driver_sql("SELECT search_text FROM clusters").scalar_one()
    db.dispose()


def test_backup_is_taken_before_a_real_migration(tmp_path: Path) -> None:
    # GIVEN a database at the first revision holding a row
    db = Database(sqlite_url(tmp_path))
    from alembic import command

    from cluster_desktop.store.migrate import alembic_config

    cfg = alembic_config(db.engine)
    with db.engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, "0001")
    with db.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO provinces VALUES ('IR-07','فارس','Fars','شیراز','IR-14')")
    db.dispose()
    # WHEN upgraded
    backup = upgrade_database(Database(sqlite_url(tmp_path)).engine, tmp_path)
    # THEN the backup holds the row
    assert backup is not None
    con = sqlite3.connect(backup)
    assert con.execute("SELECT name_fa FROM provinces").fetchone()[0] == "فارس"


def test_a_database_from_a_newer_program_is_refused(tmp_path: Path) -> None:
    db = Database(sqlite_url(tmp_path))
    upgrade_database(db.engine, tmp_path)
    with db.engine.begin() as conn:
        conn.exec_driver_sql("UPDATE alembic_version SET version_num='9999_future'")
    size_before = (tmp_path / DB_FILENAME).stat().st_size
    with pytest.raises(DomainError) as err:
        upgrade_database(db.engine, tmp_path)
    assert "جدیدتر" in str(err.value)
    assert (tmp_path / DB_FILENAME).stat().st_size == size_before
    assert current_revision(db.engine) == "9999_future"


def test_reference_data_loads_idempotently(workspace) -> None:
    from cluster_desktop.store.models import (
        CriteriaSet,
        Office,
        Organization,
        ProcessStep,
        Province,
        Responsibility,
    )
    from cluster_desktop.store.reference import load_reference

    with workspace.db.session() as s:
        first = load_reference(s)
    with workspace.db.session() as s:
        second = load_reference(s)
        assert first == second
        assert s.query(Province).count() == 31
        assert s.query(Office).count() == 32
        assert s.query(CriteriaSet).count() == 1
        assert len(s.scalar(select(CriteriaSet)).criteria) == 9
        assert s.query(ProcessStep).count() == first["processes"]
        assert s.query(Organization).count() == first["organizations"]
        assert s.query(Responsibility).count() == first["responsibilities"] > 50
        f31 = s.get(ProcessStep, "F3-1")
        assert f31 is not None and "معیارهای ماده ۷" in f31.title_fa
        assert s.query(Cluster).count() == 0


def test_upgrade_to_0005_clears_running_scores_of_open_rounds(workspace, province_admin) -> None:
    from cluster_desktop.services import clusters

    with workspace.db.session() as s:
        for name, state in (
            ("پسته رفسنجان", "provincial_evaluation"),
            ("زعفران قائنات", "provincially_approved"),
        ):
            d = clusters.create_cluster(s, province_admin, clusters.ClusterInput(name=name, county="رفسنجان"))
            d.state, d.provincial_score = state, 70.0
    workspace.close()
    db = Database(workspace.db.url)
    _downgrade(db, "0004")
    upgrade_database(db.engine, workspace.data_dir)
    with db.engine.connect() as conn:
        scores = dict(conn.exec_driver_sql("SELECT state, provincial_score FROM dossiers").all())  # type: ignore[arg-type]
    db.dispose()
    assert scores == {"provincial_evaluation": None, "provincially_approved": 70.0}


def test_upgrade_to_0011_moves_the_wizard_s_contacts_to_the_secretariat_details(workspace) -> None:
    # GIVEN an office set up before 0011, whose wizard wrote the contacts on the offices table
    from cluster_desktop.domain.roles import OfficeKind
    from cluster_desktop.services.office import OfficeSetup, setup_office
    from cluster_desktop.services.office_details import local_details

    setup_office(workspace, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", "secret-pass-1"))
    workspace.close()
    db = Database(workspace.db.url)
    _downgrade(db, "0008")
    with db.engine.begin() as conn:
        conn.exec_driver_sql(
            "UPDATE offices SET head_name='علی رضایی', secretary_name='مهدی جعفری', phone='071-32345678', "
            "email='fars@example.ir', address='شیراز' WHERE is_local"
        )
    # WHEN it is upgraded
    upgrade_database(db.engine, workspace.data_dir)
    # THEN the local office's details hold them, as a first version that will travel
    from cluster_desktop.services.workspace import Workspace

    ws = Workspace.open(workspace.data_dir, None if db.engine.dialect.name == "sqlite" else str(db.url))
    with ws.db.session() as s:
        d = local_details(s)
    ws.close()
    db.dispose()
    assert (d.head_name, d.secretary_name, d.phone, d.email, d.address) == (
        "علی رضایی",
        "مهدی جعفری",
        "071-32345678",
        "fars@example.ir",
        "شیراز",
    )
    assert d.version == 1 and d.updated_at is not None and d.letterhead is None
