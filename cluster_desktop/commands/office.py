"""``setup`` and ``demo``: create this installation's office (and fill it with sample data); ``office``:
its secretariat's details (F1/F2) and, at the centre, the provinces' TPO liaisons (F2-1)."""

from __future__ import annotations

import argparse
import hashlib
import sys
from dataclasses import replace
from typing import Any

from cluster_desktop.domain.errors import bilingual
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services.first_run import set_up_office
from cluster_desktop.services.office import OfficeSetup, office_fingerprint
from cluster_desktop.services.users import list_users
from cluster_desktop.sync.keys import fingerprint_text

from .context import Cli, print_json, print_table


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
    p.add_argument(
        "--no-programmes",
        action="store_true",
        help="no development programmes (a province's stand on a sample centre's instruction F5-2 and "
        "decisions, which a newly set-up centre does not have)",
    )
    p.set_defaults(handler=run_demo)
    _register_office(sub)


# --- office show | set | liaison ---------------------------------------------------------------

# option → DetailsInput field; an option not given keeps what is recorded
DETAIL_OPTIONS = {
    "head_name": "the head of the secretariat",
    "head_title": "the head's post as signed (default: the office's usual one)",
    "secretary_name": "the working group's secretary",
    "address": "the postal address",
    "postal_code": "ten digits, e.g. 71348-14336",
    "phone": "telephone",
    "email": "e-mail",
    "letterhead_text": "a line printed under the letterhead",
}
LIAISON_OPTIONS = {"name": "full_name", "position": "position", "phone": "phone", "email": "email"}


def _register_office(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("office", help="the secretariat's details (F1/F2) and TPO liaisons (F2-1)")
    osub = p.add_subparsers(dest="office_cmd", required=True)
    show = osub.add_parser("show", help="this office's details (or a peer's, as last received)")
    show.add_argument("--office", help="TPO or IR-NN (default: this office)")
    show.add_argument("--json", action="store_true")
    show.set_defaults(handler=run_office_show)
    st = osub.add_parser("set", help="change this office's details (administrator or secretary)")
    for name, what in DETAIL_OPTIONS.items():
        st.add_argument(f"--{name.replace('_', '-')}", dest=name, help=what)
    image = st.add_mutually_exclusive_group()
    image.add_argument("--letterhead", help="a PNG or JPEG file of at most 1 MB")
    image.add_argument("--clear-letterhead", action="store_true", help="print the organisation's lines")
    st.set_defaults(handler=run_office_set)
    li = osub.add_parser("liaison", help="the TPO liaison of each province (F2-1, the centre)")
    lsub = li.add_subparsers(dest="liaison_cmd", required=True)
    ll = lsub.add_parser("list", help="the 31 provinces, their liaison and secretariat")
    ll.add_argument("--json", action="store_true")
    ll.set_defaults(handler=run_liaison_list)
    ls = lsub.add_parser("set", help="record a province's liaison (sent with its next bundle)")
    ls.add_argument("province", help="IR-NN")
    for name in LIAISON_OPTIONS:
        ls.add_argument(f"--{name}")
    ls.add_argument("--clear", action="store_true", help="no liaison for this province")
    ls.set_defaults(handler=run_liaison_set)


def _details_json(d: Any) -> dict[str, Any]:
    out = {f: getattr(d, f) for f in ("office_id", "office_name", *DETAIL_OPTIONS)}
    out["head_post"] = d.head_post
    out["version"] = d.version
    out["updated_at"] = d.updated_at.isoformat() if d.updated_at else None
    out["letterhead"] = (
        {
            "type": d.letterhead_type,
            "bytes": len(d.letterhead),
            "sha256": hashlib.sha256(d.letterhead).hexdigest(),
        }
        if d.letterhead
        else None
    )
    return out


def run_office_show(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services import office_details as od

    with cli.workspace().db.session() as s:
        d = od.details_of(s, args.office) if args.office else od.local_details(s)
    if args.json:
        print_json(_details_json(d))
        return 0
    lines = od.describe(d)
    if d.letterhead:
        size = len(d.letterhead) // 1024 or 1
        lines.append(
            (
                bilingual("سربرگ", "Letterhead"),
                bilingual(
                    f"{d.letterhead_type}، {to_persian_digits(size)} کیلوبایت",
                    f"{d.letterhead_type}, {size} kB",
                ),
            )
        )
    if d.version == 0:
        lines.append(
            ("", bilingual("هنوز مشخصاتی ثبت یا دریافت نشده است.", "Nothing recorded or received yet."))
        )
    sys.stdout.write("".join(f"{k}: {v}\n" if k else f"{v}\n" for k, v in lines))
    return 0


def run_office_set(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services import office_details as od

    ws = cli.workspace()
    with ws.db.session() as s:
        actor = cli.actor(s)
        current = od.local_details(s).as_input()
        given = {k: getattr(args, k) for k in DETAIL_OPTIONS if getattr(args, k) is not None}
        image = od.load_letterhead(args.letterhead) if args.letterhead else None
        saved = od.update_details(
            s, actor, replace(current, **given), letterhead=image, clear_letterhead=args.clear_letterhead
        )
    sys.stdout.write(
        bilingual(
            f"مشخصات دبیرخانه ذخیره شد (نسخهٔ {to_persian_digits(saved.version)}).\n",
            f"Secretariat details saved (version {saved.version}).\n",
        )
    )
    return 0


def run_liaison_list(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services import liaisons

    with cli.workspace().db.session() as s:
        rows = liaisons.register(s)
    data = [
        {
            "province": r.province_code,
            "province_fa": r.province_fa,
            "liaison": {k: getattr(r.liaison, k) for k in LIAISON_OPTIONS.values()},
            "head_name": r.head_name,
            "secretary_name": r.secretary_name,
            "secretariat_phone": r.secretariat_phone,
            "details_received": r.details_received.isoformat() if r.details_received else None,
        }
        for r in rows
    ]
    if args.json:
        print_json(data)
    else:
        print_table(
            [
                [r.province_code, r.province_fa, r.liaison.full_name, r.liaison.phone, r.head_name]
                for r in rows
            ],
            ["province", "name", "liaison", "phone", "secretariat head"],
        )
    return 0


def run_liaison_set(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services import liaisons

    with cli.workspace().db.session() as s:
        actor = cli.actor(s)
        code = args.province.strip().upper()
        current = liaisons.liaison_of(s, code)
        values = {f: getattr(current, f) for f in LIAISON_OPTIONS.values()}
        if args.clear:
            values = dict.fromkeys(values, "")
        values.update(
            {f: getattr(args, o) for o, f in LIAISON_OPTIONS.items() if getattr(args, o) is not None}
        )
        saved = liaisons.set_liaison(s, actor, code, liaisons.LiaisonInput(**values))
    sys.stdout.write(
        bilingual(
            f"نمایندهٔ ارتباطی {code}: {saved.full_name or '—'}\n",
            f"Liaison of {code}: {saved.full_name or '-'}\n",
        )
    )
    return 0


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
    n = fill_demo(
        ws, actor, cli.password(), count=args.clusters, seed=args.seed, programmes=not args.no_programmes
    )
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
