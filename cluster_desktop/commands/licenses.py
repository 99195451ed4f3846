"""``license verify (QR_TEXT | --pdf FILE)``: is a printed license genuine, and is it still valid?

Offline: the QR text is checked against the centre's public key (at the centre its own key; in a
province the enrolled TPO certificate). A license PDF printed by this application carries the same
text in its document information (Keywords), so ``--pdf`` needs no QR decoder.
Exit 0 when genuine (whatever its status), 1 when not genuine or not checkable here.
"""

from __future__ import annotations

import argparse
import sys

from cluster_desktop.domain.errors import bilingual
from cluster_desktop.services import printing

from .context import Cli, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("license", help="cluster approval licenses")
    lsub = p.add_subparsers(dest="license_cmd", required=True)
    vp = lsub.add_parser("verify", help="check a license offline (QR text or printed PDF)")
    src = vp.add_mutually_exclusive_group(required=True)
    src.add_argument("qr_text", nargs="?", metavar="QR_TEXT", help="the text of the license's QR code")
    src.add_argument("--pdf", metavar="FILE", help="a license PDF printed by this application")
    vp.add_argument("--json", action="store_true")
    vp.set_defaults(handler=run_verify)


def run_verify(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        if args.pdf:
            verdict = printing.verify_license_pdf(s, args.pdf)
        else:
            verdict = printing.verify_license(s, args.qr_text)
        s.rollback()
    p = verdict.payload or {}
    if args.json:
        print_json(
            {
                "genuine": verdict.genuine,
                "status": verdict.status,
                "message": verdict.message,
                "license": p.get("license"),
                "cluster": p.get("cluster"),
                "province": p.get("province"),
                "issued": p.get("issued"),
                "valid_until": p.get("valid_until"),
                "status_reason": verdict.status_reason or None,
            }
        )
    else:
        lines = [verdict.message]
        if p:
            lines.append(
                bilingual(
                    f"استان: {p.get('province')} — صدور: {p.get('issued')} — اعتبار تا: {p.get('valid_until')}",
                    f"Province: {p.get('province')} — issued: {p.get('issued')} — valid until: {p.get('valid_until')}",
                )
            )
        if verdict.status_reason:
            lines.append(bilingual(f"دلیل: {verdict.status_reason}", f"Reason: {verdict.status_reason}"))
        out = sys.stdout if verdict.genuine else sys.stderr
        out.write("\n".join(lines) + "\n")
    return 0 if verdict.genuine else 1
