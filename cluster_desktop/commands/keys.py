"""``keys show`` and ``keys export-certificate``: this office's public identity."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from cluster_desktop.domain.errors import bilingual
from cluster_desktop.services import sync
from cluster_desktop.sync.container import atomic_write

from .context import Cli, print_json


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("keys", help="this office's keys and certificate")
    ksub = p.add_subparsers(dest="keys_cmd", required=True)
    sp = ksub.add_parser("show", help="office id, kind and key fingerprint")
    sp.add_argument("--json", action="store_true")
    sp.set_defaults(handler=run_show)
    ep = ksub.add_parser("export-certificate", help="write the office certificate for the peer office")
    ep.add_argument("out", type=Path)
    ep.set_defaults(handler=run_export_certificate)


def run_show(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        info = sync.key_info(s)
    if args.json:
        print_json(info.to_dict())
    else:
        sys.stdout.write(
            bilingual(
                f"دفتر: {info.office_id} ({info.name_fa})\nنوع: {info.kind}\nاثر انگشت کلید: {info.fingerprint_text}\n",
                f"Office: {info.office_id}\nKind: {info.kind}\nKey fingerprint: {info.fingerprint_text}\n",
            )
        )
    return 0


def run_export_certificate(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        actor = cli.actor(s)
        keys = sync.unlock(s, actor, cli.password())
        cert = sync.certificate(s, keys)
    data = cert.to_json()
    atomic_write(args.out, lambda f: f.write(data))
    sys.stdout.write(
        bilingual(
            f"گواهی دفتر در {args.out} نوشته شد.\nاثر انگشت: {cert.fingerprint_text}\n",
            f"Office certificate written to {args.out}.\nFingerprint: {cert.fingerprint_text}\n",
        )
    )
    return 0
