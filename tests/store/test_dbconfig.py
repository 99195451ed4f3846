"""Where an office's database is configured, and what never reaches that file or the log."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest

from cluster_desktop.store import dbconfig

SERVER = "postgresql+psycopg://cluster@db.tpo.local:5432/cluster_desktop"


def test_the_machine_file_never_diverts_a_sqlite_office(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    machine = tmp_path / "machine" / "database.ini"
    machine.parent.mkdir()
    machine.write_text(f"[database]\nurl = {SERVER}\n", encoding="utf-8")
    monkeypatch.setattr(dbconfig, "machine_config", lambda: machine)
    new, local = tmp_path / "new", tmp_path / "local"
    new.mkdir()
    local.mkdir()
    (local / "cluster-desktop.sqlite3").write_bytes(b"")
    assert dbconfig.configured_url(new) == SERVER  # a new PC of the centre finds the server
    assert dbconfig.configured_url(local) is None  # an office on its own file stays there
    monkeypatch.setenv(dbconfig.ENV_URL, SERVER + "_other")
    assert dbconfig.configured_url(local) is None and dbconfig.configured_url(new) == SERVER + "_other"


def test_a_file_saved_with_a_byte_order_mark_is_read(tmp_path: Path) -> None:
    (tmp_path / "database.ini").write_bytes(b"\xef\xbb\xbf[database]\r\nurl = " + SERVER.encode() + b"\r\n")
    assert dbconfig.configured_url(tmp_path) == SERVER


@pytest.mark.parametrize(
    "given",
    [
        "postgresql+psycopg://cluster:s3cret@db/cd",
        "postgresql+psycopg://cluster@db/cd?password=s3cret&sslmode=require",
    ],
)
def test_no_password_is_stored_or_shown(tmp_path: Path, given: str) -> None:
    path = dbconfig.remember(tmp_path, given)
    assert path is not None
    text = path.read_text(encoding="utf-8")
    assert "s3cret" not in text and "cluster@db/cd" in text
    assert "s3cret" not in dbconfig.display_url(given)
    if "sslmode" in given:
        assert "sslmode=require" in text  # other options are kept


def test_log_rotation_blocked_by_another_process_keeps_every_old_log(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import os

    from cluster_desktop import logs

    monkeypatch.setattr(logs, "MAX_BYTES", 200)
    path = logs.setup_logging(tmp_path)
    assert path is not None
    log = logging.getLogger("cluster_desktop.test")
    for i in range(12):
        log.info("line %d %s", i, "x" * 60)
    olds = sorted(p.name for p in path.parent.iterdir())
    assert "cluster-desktop.log.1" in olds
    real = os.replace

    def busy(src, dst):  # type: ignore[no-untyped-def]
        if str(src) == str(path):
            raise PermissionError("in use by another process")  # what Windows says
        return real(src, dst)

    monkeypatch.setattr(os, "replace", busy)
    before = {p.name: p.read_bytes() for p in path.parent.iterdir() if p.name != path.name}
    for i in range(20):
        log.info("more %d %s", i, "y" * 60)
    after = {p.name: p.read_bytes() for p in path.parent.iterdir() if p.name != path.name}
    assert after == before  # nothing shifted, nothing deleted
    assert "more 19" in path.read_text(encoding="utf-8")  # and logging went on
    logs.close_logging()


def test_a_long_lock_wait_does_not_stay_on_pooled_connections(tmp_path: Path) -> None:
    from cluster_desktop.store.db import Database, sqlite_url

    db = Database(sqlite_url(tmp_path))
    with db.session(immediate=True) as s:
        assert s.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() == 60000
    for _ in range(3):
        with db.session() as s:
            assert s.connection().exec_driver_sql("PRAGMA busy_timeout").scalar() == 5000
    db.dispose()
