"""``users list | unlock NAME``: the office's accounts for its administrator."""

from __future__ import annotations

import argparse
import sys

from cluster_desktop.domain.errors import bilingual
from cluster_desktop.services import accounts

from .context import Cli, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("users", help="the office's user accounts (administrator)")
    usub = p.add_subparsers(dest="users_cmd", required=True)
    lp = usub.add_parser("list", help="accounts, roles, and whether they are locked")
    lp.add_argument("--json", action="store_true")
    lp.set_defaults(handler=run_list)
    up = usub.add_parser("unlock", help="lift a lockout after too many wrong passwords")
    up.add_argument("username")
    up.set_defaults(handler=run_unlock)


def run_list(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        cli.actor(s)
        rows = accounts.user_rows(s)
    data = [
        {
            "username": r.username,
            "full_name": r.full_name,
            "role": r.role.value,
            "active": r.active,
            "holds_keys": r.holds_keys,
            "locked_until": r.locked_until.isoformat() if r.locked_until else None,
        }
        for r in rows
    ]
    if args.json:
        print_json(data)
    else:
        print_table(
            [[d["username"], d["full_name"], d["role"], d["locked_until"] or ""] for d in data],
            ["username", "full name", "role", "locked until"],
        )
    return 0


def run_unlock(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        user = accounts.unlock_user(s, cli.actor(s), args.username)
        name = user.username
    sys.stdout.write(bilingual(f"قفل حساب {name} باز شد.\n", f"Account {name} unlocked.\n"))
    return 0
