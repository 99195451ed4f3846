"""The centre's commands: ``national-list``, ``national-status``, ``initial-list add``, ``databank``
(list, register, export CSV/XLSX) and ``license-admin`` (list, issue, suspend, revoke, reinstate).

``license verify`` belongs to the printing commands (commands/licenses.py); these names do not clash.
"""

from __future__ import annotations

import argparse

from cluster_desktop.domain.jalali import format_jalali
from cluster_desktop.domain.numbers import round_score
from cluster_desktop.domain.workflow import DossierState

from .context import Cli, print_json, print_table

SORTS = ("rank", "name", "province", "state", "provincial", "central", "exports", "employees", "updated")


def register(sub: argparse._SubParsersAction) -> None:
    nl = sub.add_parser("national-list", help="the national list and ranking (centre)")
    nl.add_argument("--province", help="IR-NN")
    nl.add_argument("--hs", default="", help="HS code prefix, e.g. 5701")
    nl.add_argument("--min-score", type=float)
    nl.add_argument("--max-score", type=float)
    nl.add_argument("--state", action="append", choices=[s.value for s in DossierState], default=[])
    nl.add_argument("--initial", action="store_true", help="only the centre's own initial list (F3)")
    nl.add_argument("--search", default="")
    nl.add_argument("--sort", choices=SORTS, default="rank")
    nl.add_argument("--desc", action="store_true")
    nl.add_argument("--limit", type=int, default=10**9)
    nl.add_argument("--json", action="store_true")
    nl.set_defaults(handler=run_national_list)

    ns = sub.add_parser("national-status", help="dossiers and bundles per province (centre)")
    ns.add_argument("--json", action="store_true")
    ns.set_defaults(handler=run_national_status)

    il = sub.add_parser("initial-list", help="the centre's initial list of national-priority clusters (F3)")
    isub = il.add_subparsers(dest="initial_cmd", required=True)
    add = isub.add_parser("add", help="open a dossier at the centre and ask the province for its plan")
    add.add_argument("--province", required=True, help="IR-NN")
    add.add_argument("--name", required=True)
    add.add_argument("--county", required=True)
    add.add_argument("--sector", default="")
    add.add_argument("--hs", action="append", default=[], help="HS code=product name (repeatable)")
    add.add_argument("--note", default="", help="why (national priority, ISIPO's cluster map)")
    add.add_argument("--no-request", action="store_true", help="record only; do not ask for the plan yet")
    add.add_argument("--json", action="store_true")
    add.set_defaults(handler=run_initial_add)
    req = isub.add_parser(
        "request", help="ask the province for the plan of an entry recorded with --no-request"
    )
    req.add_argument("dossier")
    req.add_argument("--comment", default="")
    req.add_argument("--json", action="store_true")
    req.set_defaults(handler=run_initial_request)

    db = sub.add_parser("databank", help="the export-cluster databank (F7)")
    dsub = db.add_subparsers(dest="databank_cmd", required=True)
    dl = dsub.add_parser("list", help="registered clusters")
    dl.add_argument("--province")
    dl.add_argument("--hs", default="")
    dl.add_argument("--search", default="")
    dl.add_argument("--json", action="store_true")
    dl.set_defaults(handler=run_databank_list)
    dr = dsub.add_parser("register", help="register a finally approved dossier")
    dr.add_argument("dossier")
    dr.add_argument("--note", default="")
    dr.set_defaults(handler=run_databank_register)
    de = dsub.add_parser("export", help="write OUT.csv or OUT.xlsx for other agencies")
    de.add_argument("out")
    de.add_argument("--province")
    de.add_argument("--hs", default="")
    de.set_defaults(handler=run_databank_export)

    la = sub.add_parser("license-admin", help="cluster approval licenses (F8)")
    lsub = la.add_subparsers(dest="license_cmd", required=True)
    ll = lsub.add_parser("list", help="issued licenses")
    ll.add_argument("--status", choices=["valid", "suspended", "revoked"])
    ll.add_argument("--json", action="store_true")
    ll.set_defaults(handler=run_license_list)
    li = lsub.add_parser("issue", help="issue the license of a registered dossier (needs the centre's key)")
    li.add_argument("dossier")
    li.add_argument("--issued-on", default="", help="Jalali, e.g. 1405/09/07 (default today)")
    li.add_argument("--valid-until", default="", help="Jalali (default three years)")
    li.add_argument("--conditions", default="")
    li.add_argument("--json", action="store_true")
    li.set_defaults(handler=run_license_issue)
    for action in ("suspend", "revoke", "reinstate"):
        lp = lsub.add_parser(action, help=f"{action} a license, with the reason")
        lp.add_argument("number", help="e.g. TPO-CL-1405-00012")
        lp.add_argument("--reason", required=True)
        lp.set_defaults(handler=run_license_status, license_action=action)


def _score(x: float | None) -> float | None:
    return round_score(x)  # as shown, ranked and printed: one decimal


def run_national_list(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.central import NationalQuery, national_rows

    q = NationalQuery(
        search=args.search,
        province_code=args.province,
        hs_prefix=args.hs,
        min_score=args.min_score,
        max_score=args.max_score,
        states=tuple(args.state),
        origin="central" if args.initial else None,
        order_by=args.sort,
        descending=args.desc,
    )
    with cli.workspace().db.session() as s:
        rows = national_rows(s, q, limit=args.limit)
    out = [
        {
            "id": r.id,
            "rank": r.rank,
            "province_rank": r.province_rank,
            "name": r.name,
            "province": r.province_code,
            "county": r.county,
            "status": r.state,
            "origin": r.origin,
            "provincial_score": _score(r.provincial_score),
            "central_score": _score(r.central_score),
            "hs_codes": [hs for hs, _ in r.products],
            "exports_usd": r.exports_usd,
            "license": r.license_no or None,
        }
        for r in rows
    ]
    if args.json:
        print_json(out)
    else:
        print_table(
            [
                [
                    o["rank"] or "-",
                    o["id"][:8],
                    o["name"],
                    o["province"],
                    o["status"],
                    o["provincial_score"] if o["provincial_score"] is not None else "-",
                    o["central_score"] if o["central_score"] is not None else "-",
                ]
                for o in out
            ],
            ["rank", "id", "name", "province", "status", "provincial", "central"],
        )
    return 0


def run_national_status(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.central import dashboard

    with cli.workspace().db.session() as s:
        from cluster_desktop.services.users import local_office

        office = local_office(s)
        actor = cli.actor(s) if cli.user else _reader(office)
        d = dashboard(s, actor)
    out = [
        {
            "province": p.code,
            "name": p.name_fa,
            "dossiers": p.dossiers,
            "by_state": p.by_state,
            "bundles_imported": p.bundles_imported,
            "last_sequence": p.last_sequence,
            "last_imported_at": p.last_imported_at,
            "sent_sequence": p.sent_sequence,
            "acked_sequence": p.acked_sequence,
            "last_received_at": p.last_received_at,
        }
        for p in d.provinces
    ]
    if args.json:
        print_json(
            {
                "total": d.total,
                "by_state": d.by_state,
                "waiting_review": d.waiting_review,
                "waiting_registration": d.waiting_registration,
                "waiting_license": d.waiting_license,
                "licenses": d.licenses,
                "provinces": out,
            }
        )
    else:
        print_table(
            [
                [o["province"], o["dossiers"], o["bundles_imported"], o["last_sequence"], o["acked_sequence"]]
                for o in out
            ],
            ["province", "dossiers", "bundles", "last_seq", "acked"],
        )
    return 0


def _reader(office):  # type: ignore[no-untyped-def]
    """A read-only stand-in when no user is given (the dashboard only reads)."""
    from cluster_desktop.domain.roles import OfficeKind, Role
    from cluster_desktop.services.actor import Actor

    return Actor(0, "cli", "cli", Role.VIEWER, office.id, OfficeKind(office.kind), office.province_code)


def run_initial_add(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.central import add_to_initial_list
    from cluster_desktop.services.clusters import ClusterInput, ProductInput

    products = [ProductInput(*[*x.split("=", 1), ""][:2]) for x in args.hs]
    data = ClusterInput(
        name=args.name, county=args.county, province_code=args.province, sector=args.sector, products=products
    )
    with cli.workspace().db.session() as s:
        d = add_to_initial_list(s, cli.actor(s), data, note=args.note, request=not args.no_request)
        out = {"id": d.id, "cluster_id": d.cluster_id, "status": d.state, "origin": d.origin}
    print_json(out) if args.json else print(out["id"])
    return 0


def run_initial_request(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.central import plan_request_of, request_plan

    with cli.workspace().db.session() as s:
        t = request_plan(s, cli.actor(s), args.dossier, comment=args.comment)
        req = plan_request_of(s, args.dossier)
        out = {"id": args.dossier, "status": t.to_state, "request": req.id if req else None}
    print_json(out) if args.json else print(f"{t.from_state} -> {t.to_state} ({t.f_code})")
    return 0


def run_databank_list(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.central_registers import DatabankQuery, databank_rows

    q = DatabankQuery(search=args.search, province_code=args.province, hs_prefix=args.hs)
    with cli.workspace().db.session() as s:
        rows = databank_rows(s, q)
    out = [
        {
            "registry_no": r.registry_no,
            "registered_on": format_jalali(r.registered_on, persian=False),
            "dossier_id": r.dossier_id,
            "name": r.name,
            "province": r.province_code,
            "products": [{"hs": hs, "name": n} for hs, n in r.products],
            "exports_usd": r.exports_usd,
            "license": r.license_no or None,
            "license_status": r.license_status or None,
        }
        for r in rows
    ]
    if args.json:
        print_json(out)
    else:
        print_table(
            [[o["registry_no"], o["name"], o["province"], o["license"] or "-"] for o in out],
            ["registry_no", "name", "province", "license"],
        )
    return 0


def run_databank_register(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.central_registers import register as register_dossier

    with cli.workspace().db.session() as s:
        entry = register_dossier(s, cli.actor(s), args.dossier, note=args.note)
        print(entry.registry_no)
    return 0


def run_databank_export(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.central_registers import DatabankQuery, export_databank

    with cli.workspace().db.session() as s:
        res = export_databank(
            s, cli.actor(s), args.out, DatabankQuery(province_code=args.province, hs_prefix=args.hs)
        )
    print(f"{res.path} ({res.clusters} clusters)")
    return 0


def run_license_list(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.central_registers import license_rows

    with cli.workspace().db.session() as s:
        rows = license_rows(s, status=args.status)
    out = [
        {
            "number": r.number,
            "dossier_id": r.dossier_id,
            "cluster": r.cluster_name,
            "province": r.province_fa,
            "issued_on": format_jalali(r.issued_on, persian=False),
            "valid_until": format_jalali(r.valid_until, persian=False),
            "status": r.status,
            "reason": r.status_reason,
        }
        for r in rows
    ]
    if args.json:
        print_json(out)
    else:
        print_table(
            [[o["number"], o["cluster"], o["issued_on"], o["valid_until"], o["status"]] for o in out],
            ["number", "cluster", "issued", "valid_until", "status"],
        )
    return 0


def run_license_issue(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.central_registers import issue
    from cluster_desktop.services.licenses import LicenseInput

    with cli.workspace().db.session() as s:
        actor = cli.actor(s)
        lic = issue(
            s,
            actor,
            cli.password(),
            args.dossier,
            LicenseInput(args.issued_on or None, args.valid_until or None, args.conditions),
        )
        out = {
            "number": lic.number,
            "id": lic.id,
            "issued_on": format_jalali(lic.issued_on, persian=False),
            "valid_until": format_jalali(lic.valid_until, persian=False),
        }
    print_json(out) if args.json else print(out["number"])
    return 0


def run_license_status(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.services.central_registers import change_license

    with cli.workspace().db.session() as s:
        lic = change_license(s, cli.actor(s), args.number, args.license_action, args.reason)
        print(f"{lic.number}: {lic.status}")
    return 0
