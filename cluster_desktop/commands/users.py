"""``users list | add | edit | deactivate | reactivate | reset-password | unlock | idle-lock``: the office's
accounts for its administrator.

Standard input (``--user ADMIN --password-stdin``): line 1 is the acting administrator's password (it also
unlocks the office key when a key holder gets a new password); line 2, where a command sets a password,
is that new password (``add``, ``reset-password``, and ``edit`` when the new role holds the office keys).
"""

from __future__ import annotations

import argparse
import sys

from cluster_desktop.domain.errors import bilingual
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import Role
from cluster_desktop.services import accounts, session_lock

from .context import Cli, print_json, print_table

STDIN = (
    "standard input: line 1 your (the administrator's) password, line 2 the user's new password "
    "(--user ADMIN --password-stdin before the command)"
)
ROLES = [r.value for r in Role]


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "users",
        help="the office's user accounts (administrator)",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    usub = p.add_subparsers(dest="users_cmd", required=True)
    lp = usub.add_parser("list", help="accounts, roles, and whether they are active or locked")
    lp.add_argument("--json", action="store_true")
    lp.set_defaults(handler=run_list)

    ap = usub.add_parser("add", help="a new user; " + STDIN, description=STDIN)
    ap.add_argument("username")
    ap.add_argument("--full-name", required=True)
    ap.add_argument("--role", choices=ROLES, required=True)
    ap.add_argument("--member", help="working-group member (id or full name); an evaluator needs one")
    ap.set_defaults(handler=run_add)

    ep = usub.add_parser(
        "edit",
        help="change full name, role or member; a role that holds the office keys needs a new password: "
        + STDIN,
        description="Unnamed options keep their value. " + STDIN + " (line 2 only when the new role "
        "holds the office keys and the old one did not).",
    )
    ep.add_argument("username")
    ep.add_argument("--full-name")
    ep.add_argument("--role", choices=ROLES)
    member = ep.add_mutually_exclusive_group()
    member.add_argument("--member", help="working-group member (id or full name)")
    member.add_argument("--no-member", action="store_true", help="unlink the member")
    ep.set_defaults(handler=run_edit)

    for name, text, handler in (
        ("deactivate", "the account can no longer log in (history kept)", run_deactivate),
        ("reactivate", "the account logs in again with its own password", run_reactivate),
        ("unlock", "lift a lockout after too many wrong passwords", run_unlock),
    ):
        xp = usub.add_parser(name, help=text)
        xp.add_argument("username")
        xp.set_defaults(handler=handler)

    rp = usub.add_parser(
        "reset-password", help="give another user a new password; " + STDIN, description=STDIN
    )
    rp.add_argument("username")
    rp.set_defaults(handler=run_reset)

    ip = usub.add_parser("idle-lock", help="minutes without input before the program locks (0 = never)")
    ip.add_argument("minutes", nargs="?", help="the new value; without it, show the current one")
    ip.set_defaults(handler=run_idle_lock)


def _new_password(cli: Cli) -> str:
    return cli.next_line(
        "گذرواژهٔ تازهٔ کاربر را در سطر دوم ورودی استاندارد بدهید.",
        "Give the user's new password on the second line of standard input.",
    )


def _say(fa: str, en: str) -> int:
    sys.stdout.write(bilingual(fa, en) + "\n")
    return 0


def run_list(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        accounts.acting_admin(s, cli.actor(s), "دیدن فهرست کاربران", "list users")
        rows = accounts.user_rows(s)
    data = [
        {
            "username": r.username,
            "full_name": r.full_name,
            "role": r.role.value,
            "member": r.member_name or None,
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
            [
                [
                    d["username"],
                    d["full_name"],
                    d["role"],
                    "yes" if d["active"] else "no",
                    d["locked_until"] or "",
                ]
                for d in data
            ],
            ["username", "full name", "role", "active", "locked until"],
        )
    return 0


def run_add(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        actor = cli.actor(s)
        password = _new_password(cli)
        user = accounts.add_user(
            s,
            actor,
            accounts.NewUser(
                username=args.username,
                full_name=args.full_name,
                role=Role(args.role),
                password=password,
                password_again=password,
                member_id=accounts.find_member(s, args.member) if args.member else None,
                admin_password=cli.password(),
            ),
        )
        name = user.username
    return _say(f"کاربر {name} تعریف شد.", f"User {name} created.")


def run_edit(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        actor = cli.actor(s)
        current = accounts.user_row(s, args.username)
        role = Role(args.role) if args.role else current.role
        member_id = (
            None
            if args.no_member
            else accounts.find_member(s, args.member)
            if args.member
            else current.member_id
        )
        password = _new_password(cli) if accounts.becomes_key_holder(current.role, role) else ""
        accounts.edit_user(
            s,
            actor,
            accounts.UserEdit(
                current.username,
                args.full_name if args.full_name is not None else current.full_name,
                role,
                member_id,
                password=password,
                password_again=password,
                admin_password=cli.password() if password else "",
            ),
        )
        name = current.username
    return _say(f"مشخصات کاربر {name} ذخیره شد.", f"User {name} saved.")


def run_deactivate(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        name = accounts.deactivate_user(s, cli.actor(s), args.username).username
    return _say(f"حساب {name} غیرفعال شد.", f"Account {name} deactivated.")


def run_reactivate(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        name = accounts.reactivate_user(s, cli.actor(s), args.username).username
    return _say(f"حساب {name} دوباره فعال شد.", f"Account {name} reactivated.")


def run_reset(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        actor = cli.actor(s)
        password = _new_password(cli)
        name = accounts.reset_password(
            s, actor, accounts.PasswordReset(args.username, password, password, cli.password())
        ).username
    return _say(f"گذرواژهٔ تازهٔ {name} ثبت شد.", f"New password for {name} set.")


def run_unlock(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        name = accounts.unlock_user(s, cli.actor(s), args.username).username
    return _say(f"قفل حساب {name} باز شد.", f"Account {name} unlocked.")


def run_idle_lock(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        actor = cli.actor(s)
        if args.minutes is None:
            accounts.acting_admin(s, actor, "دیدن تنظیم قفل خودکار", "see the idle lock")
            minutes = session_lock.idle_lock_minutes(s)
        else:
            minutes = session_lock.set_idle_lock_minutes(s, actor, args.minutes)
    if minutes == 0:
        return _say("قفل خودکار خاموش است.", "The idle lock is off.")
    return _say(
        f"برنامه پس از {to_persian_digits(minutes)} دقیقه بی‌کاری قفل می‌شود.",
        f"The program locks after {minutes} idle minutes.",
    )
