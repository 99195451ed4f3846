"""Backups of a PostgreSQL office database with the server's own tools.

``pg_dump --format=custom`` writes one compressed file that ``pg_restore`` can restore table by table;
the copy is verified with ``pg_restore --list`` (it must read the whole table of contents and list the
data of every table). The tools come with PostgreSQL (on Windows in ``C:\\Program Files\\PostgreSQL\\<v>\\bin``;
``CLUSTER_DESKTOP_PG_BIN`` names another folder). The password, if the URL carries one, is handed over
in ``PGPASSWORD`` for the child process only, never on its command line.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess
from datetime import UTC, datetime
from pathlib import Path

from sqlalchemy import Engine, inspect

from cluster_desktop.domain.errors import DomainError

ENV_BIN = "CLUSTER_DESKTOP_PG_BIN"


def find_tool(name: str) -> str:
    exe = name + (".exe" if os.name == "nt" else "")
    folders = [os.environ.get(ENV_BIN, "")]
    for pattern in ("/usr/lib/postgresql/*/bin", r"C:\Program Files\PostgreSQL\*\bin"):
        folders += sorted(glob.glob(pattern), key=_version_of, reverse=True)  # newest first: 16 before 9.6
    for folder in folders:
        if folder and (Path(folder) / exe).is_file():
            return str(Path(folder) / exe)
    found = shutil.which(name)
    if found:
        return found
    raise DomainError(
        f"برنامهٔ {name} پیدا نشد؛ ابزارهای PostgreSQL را نصب کنید یا پوشهٔ آن را در {ENV_BIN} بگذارید.",
        f"{name} was not found: install PostgreSQL's client tools or name their folder in {ENV_BIN}.",
    )


def _version_of(folder: str) -> tuple[int, ...]:
    name = Path(folder).parent.name
    return tuple(int(p) for p in name.split(".") if p.isdigit()) or (0,)


def _connection_args(engine: Engine) -> tuple[list[str], dict[str, str]]:
    """A libpq URI with every option the program connects with (host, port, sslmode, …) but without
    the password, which goes in PGPASSWORD for the child process only."""
    url = engine.url
    password = url.password or url.query.get("password")
    plain = url._replace(drivername="postgresql", password=None).difference_update_query(["password"])
    env = dict(os.environ)
    if password:
        env["PGPASSWORD"] = str(password)
    return ["--dbname", plain.render_as_string(hide_password=False)], env


def backup_postgres(engine: Engine, folder: Path, label: str) -> Path:
    """Dump the database into ``folder`` and prove the file restorable; returns the file."""
    folder.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    target = folder / f"cluster-desktop-{stamp}-{label}.pgdump"
    conn_args, env = _connection_args(engine)
    try:
        dump = subprocess.run(
            [find_tool("pg_dump"), "--format=custom", "--no-password", "--file", str(target), *conn_args],
            capture_output=True,
            text=True,
            errors="replace",
            env=env,
            timeout=3600,
        )
        listing = None
        if dump.returncode == 0:
            listing = subprocess.run(
                [find_tool("pg_restore"), "--list", str(target)],
                capture_output=True,
                text=True,
                errors="replace",
                timeout=600,
            )
    except (OSError, subprocess.TimeoutExpired) as exc:
        target.unlink(missing_ok=True)
        raise DomainError(
            f"پشتیبان‌گیری از پایگاه دادهٔ PostgreSQL انجام نشد؛ هیچ تغییری داده نشد: {exc}",
            f"The PostgreSQL backup could not run; nothing was changed: {exc}",
        ) from exc
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    listed = {
        line.split()[-2]
        for line in (listing.stdout.splitlines() if listing and listing.returncode == 0 else [])
        if " TABLE DATA " in line
    }
    if dump.returncode != 0 or listing is None or listing.returncode != 0 or not tables <= listed:
        target.unlink(missing_ok=True)
        why = (
            dump.stderr or (listing.stderr if listing else "") or f"missing: {sorted(tables - listed)}"
        ).strip()
        raise DomainError(
            "پشتیبان‌گیری از پایگاه دادهٔ PostgreSQL ناموفق بود؛ هیچ تغییری داده نشد: " + why[:300],
            "The PostgreSQL backup failed; nothing was changed: " + why[:300],
        )
    return target
