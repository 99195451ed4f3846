"""A throw-away PostgreSQL server for the tests: ``initdb`` + ``pg_ctl`` in a temporary folder, on a free
loopback port, stopped and removed at the end of the run.

The server refuses to run as root; under root (CI, this machine) it runs as the ``postgres`` system
user that Debian's package creates, through ``runuser``. Each test gets its own database (``fresh``),
and prepared data is copied in a moment with ``CREATE DATABASE … TEMPLATE …``.
"""

from __future__ import annotations

import glob
import os
import shutil
import socket
import subprocess
import tempfile
import time
import uuid
from pathlib import Path

import sqlalchemy as sa

SUPERUSER = "cluster_test"


def _bin_dir() -> Path:
    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"))
    if found:
        return Path(found[-1]).parent
    initdb = shutil.which("initdb")
    if initdb is None:
        raise RuntimeError("PostgreSQL server binaries (initdb, pg_ctl) are not installed")
    return Path(initdb).parent


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    def __init__(self) -> None:
        self.bin = _bin_dir()
        self.root = Path(tempfile.mkdtemp(prefix="cluster-desktop-pg-"))
        self.data = self.root / "data"
        self.port = _free_port()
        self.as_root = os.geteuid() == 0
        self._engine: sa.Engine | None = None

    def _run(self, *cmd: str) -> None:
        full = ["runuser", "-u", "postgres", "--", *cmd] if self.as_root else list(cmd)
        subprocess.run(full, check=True, capture_output=True, timeout=120)

    def start(self) -> PgServer:
        if self.as_root:
            shutil.chown(self.root, "postgres", "postgres")
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            SUPERUSER,
            "--auth=trust",
            "--encoding=UTF8",
            "--locale=C.UTF-8",
            "--no-sync",
        )
        opts = (
            f"-p {self.port} -k {self.root} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=200"
        )
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            opts,
            "-w",
            "-l",
            str(self.root / "log"),
            "start",
        )
        return self

    def url(self, database: str = "postgres") -> str:
        return f"postgresql+psycopg://{SUPERUSER}@127.0.0.1:{self.port}/{database}"

    @property
    def admin(self) -> sa.Engine:
        if self._engine is None:
            self._engine = sa.create_engine(
                self.url(), isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool
            )
        return self._engine

    def create(self, name: str | None = None, template: str | None = None) -> str:
        name = name or f"t_{uuid.uuid4().hex[:16]}"
        with self.admin.connect() as c:
            c.exec_driver_sql(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        return name

    def drop(self, name: str) -> None:
        with self.admin.connect() as c:
            c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def stop(self) -> None:
        if self._engine is not None:
            self._engine.dispose()
        try:
            self._run(str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "stop")
        finally:
            shutil.rmtree(self.root, ignore_errors=True)


def wait_ready(server: PgServer, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while True:
        try:
            with server.admin.connect() as c:
                c.exec_driver_sql("SELECT 1")
            return
        except sa.exc.OperationalError:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.2)


def _admin_for(url: str) -> tuple[sa.Engine, str]:
    u = sa.make_url(url)
    admin = sa.create_engine(
        u.set(database="postgres"), isolation_level="AUTOCOMMIT", poolclass=sa.pool.NullPool
    )
    return admin, str(u.database)


def clone_database(url: str) -> str:
    """A copy of the database at ``url`` (no one may be connected to it); returns the copy's URL."""
    admin, name = _admin_for(url)
    copy = f"{name[:40]}_{uuid.uuid4().hex[:8]}"
    with admin.connect() as c:
        c.exec_driver_sql(f'CREATE DATABASE "{copy}" TEMPLATE "{name}"')
    admin.dispose()
    return sa.make_url(url).set(database=copy).render_as_string(hide_password=False)


def restore_database(url: str, source_url: str) -> None:
    """Put the database at ``url`` back to a copy of ``source_url``'s (both without connections)."""
    admin, name = _admin_for(url)
    source = str(sa.make_url(source_url).database)
    with admin.connect() as c:
        c.exec_driver_sql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        c.exec_driver_sql(f'CREATE DATABASE "{name}" TEMPLATE "{source}"')
    admin.dispose()
