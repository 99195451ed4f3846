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
    dump_postgres(engine, target)
    return target


def _run(
    args: list[str], *, env: dict[str, str] | None = None, timeout: int
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, capture_output=True, text=True, errors="replace", env=env, timeout=timeout)


def dump_tables(dump: Path) -> set[str] | None:
    """The tables whose data a custom-format dump holds (``pg_restore --list`` reads its whole table of
    contents), or None when the file is not a readable dump."""
    listing = _run([find_tool("pg_restore"), "--list", str(dump)], timeout=600)
    if listing.returncode != 0:
        return None
    return {line.split()[-2] for line in listing.stdout.splitlines() if " TABLE DATA " in line}


def dump_postgres(engine: Engine, target: Path, *, snapshot: str | None = None) -> None:
    """``pg_dump --format=custom`` into ``target``, proved restorable with ``pg_restore --list``.
    ``snapshot`` (from ``pg_export_snapshot()``) dumps exactly what that transaction sees."""
    conn_args, env = _connection_args(engine)
    extra = [f"--snapshot={snapshot}"] if snapshot else []
    try:
        dump = _run(
            [
                find_tool("pg_dump"),
                "--format=custom",
                "--no-password",
                *extra,
                "--file",
                str(target),
                *conn_args,
            ],
            env=env,
            timeout=3600,
        )
        listed = dump_tables(target) if dump.returncode == 0 else None
    except (OSError, subprocess.TimeoutExpired) as exc:
        target.unlink(missing_ok=True)
        raise DomainError(
            f"پشتیبان‌گیری از پایگاه دادهٔ PostgreSQL انجام نشد؛ هیچ تغییری داده نشد: {exc}",
            f"The PostgreSQL backup could not run; nothing was changed: {exc}",
        ) from exc
    with engine.connect() as conn:
        tables = set(inspect(conn).get_table_names())
    if dump.returncode != 0 or listed is None or not tables <= listed:
        target.unlink(missing_ok=True)
        why = (
            dump.stderr
            or (
                "pg_restore --list cannot read the dump"
                if listed is None
                else f"missing: {sorted(tables - listed)}"
            )
        ).strip()
        raise DomainError(
            "پشتیبان‌گیری از پایگاه دادهٔ PostgreSQL ناموفق بود؛ هیچ تغییری داده نشد: " + why[:300],
            "The PostgreSQL backup failed; nothing was changed: " + why[:300],
        )


def other_sessions(engine: Engine) -> list[str]:
    """Who else is connected to this database (client address and program), so a restore can refuse to
    pull the tables from under another PC's feet."""
    with engine.connect() as conn:
        rows = conn.exec_driver_sql(
            "SELECT coalesce(host(client_addr), 'local'), coalesce(application_name, '') FROM pg_stat_activity"
            " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'"
        ).fetchall()
    return [f"{addr} {app}".strip() for addr, app in rows]


def restore_postgres(engine: Engine, dump: Path) -> None:
    """Replace what the database holds with the dump, in one transaction (``--single-transaction
    --exit-on-error``: a failure leaves the tables of the dump as they were). Objects are owned by the
    connecting role and no grants are replayed, so a dump from another server restores too. Tables the
    dump does not hold (an older archive: added by a later migration) are dropped first, in a transaction
    of their own, so migrating the restored data up creates them anew."""
    listed = dump_tables(dump)
    if listed is None:
        raise DomainError(
            "پروندهٔ پشتیبان PostgreSQL خوانا نیست؛ هیچ تغییری داده نشد.",
            "The PostgreSQL dump cannot be read; nothing was changed.",
        )
    with engine.begin() as conn:
        for table in sorted(set(inspect(conn).get_table_names()) - listed):
            conn.exec_driver_sql(f'DROP TABLE IF EXISTS "{table}" CASCADE')
    conn_args, env = _connection_args(engine)
    args = [
        find_tool("pg_restore"),
        "--clean",
        "--if-exists",
        "--single-transaction",
        "--exit-on-error",
        "--no-owner",
        "--no-privileges",
        "--no-password",
        *conn_args,
        str(dump),
    ]
    try:
        done = _run(args, env=env, timeout=3600)
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise DomainError(
            f"بازگردانی پایگاه دادهٔ PostgreSQL انجام نشد: {exc}",
            f"The PostgreSQL restore could not run: {exc}",
        ) from exc
    if done.returncode != 0:
        why = done.stderr.strip()[:300]
        raise DomainError(
            "بازگردانی پایگاه دادهٔ PostgreSQL ناموفق بود و پایگاه داده دست نخورد: " + why,
            "The PostgreSQL restore failed and the database was left as it was: " + why,
        )
