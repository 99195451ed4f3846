"""``database status|check|backup``: the office's database for IT staff (SQLite file or server)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

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
