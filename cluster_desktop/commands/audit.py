"""``audit verify | audit list``: the office's audit log, and proof that nobody rewrote it."""

from __future__ import annotations

import argparse
import sys

from sqlalchemy import select

from cluster_desktop.domain.errors import DomainError, bilingual
from cluster_desktop.domain.jalali import format_jalali_datetime
from cluster_desktop.store.audit_chain import verify_chain
from cluster_desktop.store.models import AuditEntry

from .context import Cli, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("audit", help="the audit log (administrator, secretary)")
    asub = p.add_subparsers(dest="audit_cmd", required=True)
    vp = asub.add_parser("verify", help="check the hash chain; exit 1 naming the first broken entry")
    vp.set_defaults(handler=run_verify)
    lp = asub.add_parser("list", help="entries, newest first")
    lp.add_argument("--user")
    lp.add_argument("--action")
    lp.add_argument("--limit", type=int, default=100)
    lp.add_argument("--json", action="store_true")
    lp.set_defaults(handler=run_list)


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


def run_list(args: argparse.Namespace, cli: Cli) -> int:
    from cluster_desktop.domain.roles import Role
    from cluster_desktop.services.actor import require

    with cli.workspace().db.session() as s:
        require(cli.actor(s), {Role.SECRETARY}, what_fa="دیدن گزارش ممیزی", what_en="read the audit log")
        q = select(AuditEntry).order_by(AuditEntry.id.desc()).limit(max(1, args.limit))
        if args.user:
            q = q.where(AuditEntry.username == args.user)
        if args.action:
            q = q.where(AuditEntry.action == args.action)
        rows = [
            {
                "id": e.id,
                "at": e.at.isoformat(),
                "user": e.username,
                "action": e.action,
                "entity": e.entity,
                "entity_id": e.entity_id,
                "details": e.details,
            }
            for e in s.scalars(q)
        ]
    if args.json:
        print_json(rows)
    else:
        print_table(
            [[r["id"], r["at"][:19], r["user"], r["action"], r["entity_id"] or ""] for r in rows],
            ["id", "at (UTC)", "user", "action", "on"],
        )
    return 0
