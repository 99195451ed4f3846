"""``setup`` and ``demo``: create this installation's office (and fill it with sample data)."""

from __future__ import annotations

import argparse
import sys

from cluster_desktop.domain.errors import bilingual
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services.first_run import set_up_office
from cluster_desktop.services.office import OfficeSetup, office_fingerprint
from cluster_desktop.services.users import list_users
from cluster_desktop.sync.keys import fingerprint_text

from .context import Cli


def _setup_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--office", choices=["central", "province"], required=True, help="office kind")
    p.add_argument("--province", help="ISO 3166-2:IR code of a provincial office, e.g. IR-07")
    p.add_argument("--admin", required=True, help="username of the first administrator")
    p.add_argument("--admin-name", default="مدیر سامانه", help="full name of the administrator")
    p.add_argument("--name", default="", help="office name (defaults from the province)")
    p.add_argument(
        "--password-stdin",
        dest="cmd_password_stdin",
        action="store_true",
        help="read the administrator's password from standard input",
    )


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("setup", help="set up this installation's office")
    _setup_options(p)
    p.set_defaults(handler=run_setup)
    p = sub.add_parser("demo", help="a new office (as setup) filled with realistic sample data")
    _setup_options(p)
    p.add_argument("--clusters", type=int, default=None, help="how many sample dossiers")
    p.add_argument("--seed", type=int, default=1405, help="random seed")
    p.set_defaults(handler=run_demo)


def _setup(cli: Cli, args: argparse.Namespace):  # type: ignore[no-untyped-def]
    ws = cli.workspace()
    spec = OfficeSetup(
        kind=OfficeKind(args.office),
        province_code=args.province,
        admin_username=args.admin,
        admin_password=cli.password(),
        admin_full_name=args.admin_name,
        office_name=args.name,
    )
    # Also enrolls TPO's certificate when a provincial installer shipped it.
    actor, centre_fp = set_up_office(ws, spec)
    with ws.db.session() as s:
        fp = office_fingerprint(s)
    sys.stdout.write(
        bilingual(
            f"دفتر راه‌اندازی شد: {actor.office_id}\nاثر انگشت کلید: {fingerprint_text(fp)}\n",
            f"Office set up: {actor.office_id}\nKey fingerprint: {fingerprint_text(fp)}\n",
        )
    )
    if centre_fp:
        sys.stdout.write(
            bilingual(
                f"گواهی سازمان توسعه تجارت همراه برنامه ثبت شد: {fingerprint_text(centre_fp)}\n",
                f"TPO's certificate shipped with the program was enrolled: {fingerprint_text(centre_fp)}\n",
            )
        )
    return ws, actor


def run_setup(args: argparse.Namespace, cli: Cli) -> int:
    _setup(cli, args)
    return 0


def run_demo(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.demo import fill_demo

    if args.clusters is not None and args.clusters < 1:
        raise SystemExit(2)
    ws, actor = _setup(cli, args)
    n = fill_demo(ws, actor, cli.password(), count=args.clusters, seed=args.seed)
    sys.stdout.write(
        bilingual(f"{to_persian_digits(n)} پروندهٔ نمونه ساخته شد.\n", f"{n} sample dossiers made.\n")
    )
    with ws.db.session() as s:
        logins = "، ".join(u.username for u in list_users(s) if u.member_id)
    sys.stdout.write(
        bilingual(
            f"اعضای کارگروه با گذرواژهٔ مدیر وارد می‌شوند: {logins}\n",
            f"Working-group members log in with the administrator's password: {logins.replace('، ', ', ')}\n",
        )
    )
    return 0
