"""``audit verify | audit list | audit peers``: the office's audit log, proof that nobody rewrote it,
and the chain heads peer offices reported in their bundles."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from cluster_desktop.domain.errors import DomainError, bilingual, language
from cluster_desktop.domain.jalali import format_jalali_datetime, parse_day
from cluster_desktop.services import audit_views as av
from cluster_desktop.services.actor import Actor
from cluster_desktop.store.audit_chain import verify_chain

from .context import Cli, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="the audit log (administrator, secretary)")
    asub = p.add_subparsers(dest="audit_cmd", required=True)
    vp = asub.add_parser("verify", help="check the hash chain; exit 1 naming the first broken entry")
    vp.set_defaults(handler=run_verify)
    lp = asub.add_parser("list", help="entries, newest first, filtered as in the audit view")
    # Not dest="user": that is the global --user, the acting user.
    lp.add_argument("--user", dest="filter_user", metavar="USERNAME", help="only this user's entries")
    lp.add_argument("--action", help="an action code or its title (Persian or English)")
    lp.add_argument("--dossier", help="words of a cluster's name, or a nomination letter or license number")
    lp.add_argument("--since", help="from this day on (Jalali 1405/09/07 or ISO 2026-11-28)")
    lp.add_argument("--until", help="up to and including this day (Jalali or ISO)")
    lp.add_argument("--limit", type=int, default=100)
    lp.add_argument("--json", action="store_true")
    lp.set_defaults(handler=run_list)
    pp = asub.add_parser("peers", help="the audit chain heads each peer office's bundles stated")
    pp.add_argument("--json", action="store_true")
    pp.set_defaults(handler=run_peers)


def run_verify(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        check = verify_chain(s)
    if not check.intact:
        when = format_jalali_datetime(check.broken_at)
        raise DomainError(
            f"زنجیرهٔ گزارش ممیزی از ردیف {check.broken_id} ({when}، {check.broken_action}) گسسته است: "
            "این ردیف یا ردیف پیش از آن پس از نوشته شدن تغییر کرده، حذف شده یا افزوده شده است.",
            f"The audit chain breaks at entry {check.broken_id} ({check.broken_at:%Y-%m-%d %H:%M} UTC, "
            f"{check.broken_action}): it or the entry before it was changed, deleted or inserted afterwards.",
        )
    sys.stdout.write(
        bilingual(
            f"زنجیرهٔ گزارش ممیزی سالم است ({check.entries} ردیف).\n",
            f"The audit chain is intact ({check.entries} entries).\n",
        )
    )
    return 0


def _query(args: argparse.Namespace, s: Any, actor: Actor) -> av.AuditQuery:
    return av.AuditQuery(
        username=args.filter_user or None,
        actions=av.actions_named(s, actor, args.action) if args.action else (),
        dossier=args.dossier or "",
        since=parse_day(args.since, label="--since") if args.since else None,
        until=parse_day(args.until, label="--until") if args.until else None,
    )


def run_list(args: argparse.Namespace, cli: Cli) -> int:
    fa = language() == "fa"
    with cli.workspace().db.session() as s:
        actor = cli.actor(s)
        query = _query(args, s, actor)
        rows = av.list_entries(s, actor, query, limit=max(1, min(args.limit, 5000)))
    if args.json:
        print_json(
            [
                {
                    "id": r.id,
                    "at": r.at.isoformat(),
                    "at_jalali": r.when_fa,
                    "user": r.username,
                    "user_label": r.user_label,
                    "action": r.action,
                    "title": r.title_fa if fa else r.title_en,
                    "subject": r.subject_fa if fa else r.subject_en,
                    "dossier_id": r.dossier_id,
                    "dossier": r.dossier_name,
                    "details": r.details,
                    "details_text": r.details_fa if fa else r.details_en,
                }
                for r in rows
            ]
        )
    else:
        print_table(
            [
                [
                    r.id,
                    r.when_fa if fa else f"{r.at:%Y-%m-%d %H:%M}",
                    r.username,
                    r.title_fa if fa else r.title_en,
                    r.subject_fa if fa else r.subject_en,
                    r.dossier_name,
                    r.details_fa if fa else r.details_en,
                ]
                for r in rows
            ],
            ["#", "at", "user", "action", "on", "dossier", "details"],
        )
    return 0


def run_peers(args: argparse.Namespace, cli: Cli) -> int:
    fa = language() == "fa"
    with cli.workspace().db.session() as s:
        chains = av.peer_chains(s, cli.actor(s))
    if args.json:
        print_json(
            [
                {
                    "office_id": c.office_id,
                    "name": c.name_fa,
                    "heads": [
                        {
                            "sequence": h.sequence,
                            "received_at": h.received_at.isoformat(),
                            "length": h.length,
                            "hash": h.hash,
                            "anchor_length": h.anchor_length,
                            "rewritten": h.rewritten or None,
                            "warning": (h.warning_fa if fa else h.warning_en) or None,
                        }
                        for h in c.heads
                    ],
                }
                for c in chains
            ]
        )
        return 0
    if not chains:
        sys.stdout.write(
            bilingual(
                "هنوز هیچ بسته‌ای سرِ زنجیرهٔ ممیزی نیاورده است.\n",
                "No bundle has stated an audit chain head yet.\n",
            )
        )
        return 0
    rows = [
        [
            c.office_id,
            h.sequence,
            format_jalali_datetime(h.received_at),
            h.length,
            h.hash[:16],
            h.rewritten or "-",
        ]
        for c in chains
        for h in c.heads
    ]
    print_table(rows, ["office", "bundle", "received", "entries", "hash", "rewritten"])
    for c in chains:
        for h in c.warnings:
            sys.stdout.write((h.warning_fa if fa else h.warning_en) + "\n")
    return 0
