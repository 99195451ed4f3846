"""``database status|check|backup``: the office's database for IT staff (SQLite file or server)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from sqlalchemy.engine import make_url

from cluster_desktop.domain.errors import DomainError, bilingual
from cluster_desktop.services.maintenance import backup_now, database_status

from .context import Cli, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("database", help="where the database is, its integrity, a verified backup")
    dsub = p.add_subparsers(dest="database_cmd", required=True)
    sp = dsub.add_parser("status", help="backend, location (no password), schema revision, integrity")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=run_status)
    cp = dsub.add_parser("check", help="integrity check; exit 1 when something is wrong")
    cp.set_defaults(handler=run_check)
    bp = dsub.add_parser("backup", help="a verified backup now (SQLite backup API, or pg_dump)")
    bp.add_argument("--out", type=Path, help="folder (default: backups/ in the data directory)")
    bp.set_defaults(handler=run_backup)
    fp = dsub.add_parser("configure", help="keep a server URL (no password) for this folder or this PC")
    fp.add_argument("url", help="postgresql+psycopg://USER@HOST:PORT/DATABASE")
    fp.add_argument(
        "--machine",
        action="store_true",
        help="for every user of this PC (%%ProgramData%%; needs admin rights)",
    )
    fp.set_defaults(handler=run_configure)


def run_status(args: argparse.Namespace, cli: Cli) -> int:
    st = database_status(cli.workspace())
    if args.json:
        print_json(st.to_dict())
        return 0
    for key, value in st.to_dict().items():
        sys.stdout.write(f"{key}: {value}\n")
    return 0


def run_check(args: argparse.Namespace, cli: Cli) -> int:
    st = database_status(cli.workspace())
    if st.integrity != "ok":
        raise DomainError(
            "پایگاه داده آسیب دیده است: " + st.integrity[:300],
            "The database is damaged: " + st.integrity[:300],
        )
    sys.stdout.write(bilingual("پایگاه داده سالم است.\n", "The database is intact.\n"))
    return 0


def run_backup(args: argparse.Namespace, cli: Cli) -> int:
    ws = cli.workspace()
    with ws.db.session() as s:
        actor = cli.actor(s)
    path = backup_now(ws, actor, args.out)
    sys.stdout.write(f"{path}\n")
    return 0


def run_configure(args: argparse.Namespace, cli: Cli) -> int:
    from sqlalchemy.exc import ArgumentError

    from cluster_desktop.store.dbconfig import display_url, machine_config, remember

    try:
        backend = make_url(args.url).get_backend_name()
    except ArgumentError as exc:
        raise DomainError("نشانی پایگاه داده درست نیست.", f"Not a database URL: {exc}") from exc
    if backend != "postgresql":
        raise DomainError(
            "فقط نشانی یک سرور PostgreSQL نگه داشته می‌شود.", "Only a PostgreSQL server's URL is kept."
        )
    try:
        path = remember(cli.data_dir, args.url, path=machine_config() if args.machine else None)
    except OSError as exc:
        raise DomainError(
            f"پروندهٔ تنظیم نوشته نشد: {exc.strerror or exc}", f"The configuration file was not written: {exc}"
        ) from exc
    sys.stdout.write(f"{path}: {display_url(args.url)}\n")
    return 0
