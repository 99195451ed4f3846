"""``trust add|list|revoke``: the peer offices whose bundles this office accepts."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cluster_desktop.domain.errors import ValidationError, bilingual
from cluster_desktop.services import sync
from cluster_desktop.sync.trust import TrustEntry

from .context import Cli, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("trust", help="enrolled peer offices")
    tsub = p.add_subparsers(dest="trust_cmd", required=True)
    ap = tsub.add_parser("add", help="enroll a peer office's certificate")
    ap.add_argument("cert", type=Path)
    ap.add_argument("--fingerprint", help="the fingerprint read out by phone; enrolment fails if it differs")
    ap.set_defaults(handler=run_add)
    lp = tsub.add_parser("list", help="enrolled keys")
    lp.add_argument("--json", action="store_true")
    lp.set_defaults(handler=run_list)
    rp = tsub.add_parser("revoke", help="revoke an office's key: its bundles are refused from now on")
    rp.add_argument("office_id")
    rp.add_argument("--reason", default="")
    rp.set_defaults(handler=run_revoke)


def _as_dict(e: TrustEntry) -> dict:
    return {
        "office_id": e.office_id,
        "name": e.office_name,
        "kind": e.kind,
        "fingerprint": e.fingerprint,
        "fingerprint_text": e.fingerprint_text,
        "enrolled_at": e.enrolled_at.isoformat(),
        "enrolled_by": e.enrolled_by,
        "revoked_at": e.revoked_at.isoformat() if e.revoked_at else None,
        "revoke_reason": e.revoke_reason,
        "active": e.active,
    }


def run_add(args: argparse.Namespace, cli: Cli) -> int:
    try:
        data = args.cert.read_bytes()
    except OSError:
        raise ValidationError(
            f"فایل گواهی «{args.cert}» خوانده نشد.", f"The certificate file '{args.cert}' cannot be read."
        ) from None
    cert = sync.read_certificate(data)
    sys.stdout.write(
        bilingual(
            f"گواهی {cert.office_id} ({cert.name_fa})\nاثر انگشت: {cert.fingerprint_text}\n",
            f"Certificate of {cert.office_id}\nFingerprint: {cert.fingerprint_text}\n",
        )
    )
    with cli.workspace().db.session() as s:
        actor = cli.actor(s)
        entry = sync.enroll(s, actor, data, expected_fingerprint=args.fingerprint)
    sys.stdout.write(bilingual(f"ثبت شد: {entry.office_id}\n", f"Enrolled: {entry.office_id}\n"))
    return 0


def run_list(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        entries = sync.trust_list(s)
    if args.json:
        print_json([_as_dict(e) for e in entries])
    else:
        print_table(
            [
                [
                    e.office_id,
                    e.fingerprint_text,
                    "active" if e.active else f"revoked {e.revoked_at:%Y-%m-%d}",
                ]
                for e in entries
            ],
            ["office", "fingerprint", "status"],
        )
    return 0


def run_revoke(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        actor = cli.actor(s)
        revoked = sync.revoke(s, actor, args.office_id, args.reason)
    for e in revoked:
        sys.stdout.write(
            bilingual(
                f"کلید {e.office_id} باطل شد: {e.fingerprint_text}\n",
                f"Revoked {e.office_id}: {e.fingerprint_text}\n",
            )
        )
    return 0
