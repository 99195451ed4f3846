"""``clusters list``: dossiers with their state and score."""

from __future__ import annotations

import argparse

from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.domain.workflow import DossierState
from cluster_desktop.services.clusters import DossierQuery, list_dossiers
from cluster_desktop.services.users import local_office

from .context import Cli, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("clusters", help="clusters and their dossiers")
    csub = p.add_subparsers(dest="clusters_cmd", required=True)
    lp = csub.add_parser("list", help="list dossiers")
    lp.add_argument("--status", choices=[s.value for s in DossierState])
    lp.add_argument("--province")
    lp.add_argument("--search", default="")
    lp.add_argument("--json", action="store_true")
    lp.set_defaults(handler=run_list)
    register_changes(csub)


def run_list(args: argparse.Namespace, cli: Cli) -> int:
    ws = cli.workspace()
    with ws.db.session() as s:
        kind = OfficeKind(local_office(s).kind)
        q = DossierQuery(
            search=args.search,
            states=(args.status,) if args.status else (),
            province_code=args.province,
            order_by="name",
            descending=False,
        )
        rows = list_dossiers(s, q, limit=10**9, kind=kind)
    out = [
        {
            "id": r.id,
            "cluster_id": r.cluster_id,
            "name": r.name,
            "province": r.province_code,
            "county": r.county,
            "status": r.state,
            "score": None if r.score is None else round(r.score, 2),
            "employees": r.employees,
            "exports_usd": r.exports_usd,
        }
        for r in rows
    ]
    if args.json:
        print_json(out)
    else:
        print_table(
            [
                [
                    o["id"][:8],
                    o["name"],
                    o["province"],
                    o["status"],
                    o["score"] if o["score"] is not None else "-",
                ]
                for o in out
            ],
            ["id", "name", "province", "status", "score"],
        )
    return 0


def register_changes(csub: argparse._SubParsersAction) -> None:
    ap = csub.add_parser("add", help="record a cluster (opens its dossier as draft)")
    ap.add_argument("--name", required=True)
    ap.add_argument("--county", required=True)
    ap.add_argument("--province")
    ap.add_argument("--hs", action="append", default=[], help="HS code=product name (repeatable)")
    ap.add_argument("--json", action="store_true")
    ap.set_defaults(handler=run_add)
    tp = csub.add_parser(
        "transition",
        help="take a workflow action on a dossier (register, license and request_plan come with a record "
        "of their own: use databank register, license-admin issue and initial-list request)",
    )
    tp.add_argument("dossier")
    tp.add_argument("action")
    tp.add_argument("--comment", default="")
    tp.add_argument("--meeting", help="meeting id (decisions need minutes)")
    tp.set_defaults(handler=run_transition)


def run_add(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.clusters import ClusterInput, ProductInput, create_cluster

    products = [ProductInput(*[*x.split("=", 1), ""][:2]) for x in args.hs]
    ws = cli.workspace()
    with ws.db.session() as s:
        d = create_cluster(
            s,
            cli.actor(s),
            ClusterInput(name=args.name, county=args.county, province_code=args.province, products=products),
        )
        out = {"id": d.id, "cluster_id": d.cluster_id, "status": d.state}
    print_json(out) if args.json else print(out["id"])
    return 0


def run_transition(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.workflow import transition

    ws = cli.workspace()
    with ws.db.session() as s:
        t = transition(
            s, cli.actor(s), args.dossier, args.action, comment=args.comment, meeting_id=args.meeting
        )
        print(f"{t.from_state} -> {t.to_state} ({t.f_code})")
    return 0
