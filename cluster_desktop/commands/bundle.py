"""``bundle export|verify|import|history``: signed, encrypted bundles between a province and TPO."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from cluster_desktop.domain.errors import bilingual, language
from cluster_desktop.domain.numbers import to_persian_digits
from cluster_desktop.services import sync
from cluster_desktop.sync.limits import BundleError

from .context import Cli, print_json, print_table


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("bundle", help="export, verify and import bundles")
    bsub = p.add_subparsers(dest="bundle_cmd", required=True)
    ep = bsub.add_parser("export", help="write a bundle for the peer office")
    ep.add_argument("out", type=Path)
    ep.add_argument("--to", dest="to", help="recipient office id (the centre names the province)")
    ep.add_argument("--full", action="store_true", help="send everything, not only what changed")
    ep.add_argument("--json", action="store_true")
    ep.set_defaults(handler=run_export)
    for name, handler, text in (
        ("verify", run_verify, "check a bundle and show what it holds; changes nothing"),
        ("import", run_import, "verify and apply a bundle"),
    ):
        sp = bsub.add_parser(name, help=text)
        sp.add_argument("file", type=Path)
        sp.add_argument("--json", action="store_true")
        sp.set_defaults(handler=handler)
    hp = bsub.add_parser("history", help="bundles sent and imported")
    hp.add_argument("--json", action="store_true")
    hp.set_defaults(handler=run_history)


def _keys(cli: Cli):  # type: ignore[no-untyped-def]
    ws = cli.workspace()
    with ws.db.session() as s:
        actor = cli.actor(s)
        return ws, actor, sync.unlock(s, actor, cli.password())


def run_export(args: argparse.Namespace, cli: Cli) -> int:
    ws, actor, keys = _keys(cli)
    result = sync.export_bundle(ws, actor, keys, args.out, to=args.to, full=args.full)
    if args.json:
        print_json(result.to_dict())
        return 0
    for f, seq in zip(result.files, result.sequences, strict=True):
        sys.stdout.write(
            bilingual(
                f"بستهٔ شمارهٔ {to_persian_digits(seq)} برای {result.recipient}: {f}\n",
                f"Bundle {seq} for {result.recipient}: {f}\n",
            )
        )
    sys.stdout.write(
        bilingual(
            f"{to_persian_digits(result.dossiers)} پرونده؛ {to_persian_digits(len(result.moved_to_sent))} پرونده به «ارسال‌شده به مرکز» رفت.\n",
            f"{result.dossiers} dossiers; {len(result.moved_to_sent)} moved to sent_to_center.\n",
        )
    )
    return 0


def _print_report(report: dict[str, Any], as_json: bool) -> None:
    if as_json:
        print_json(report)
    else:
        lines = report["summary_fa"] if language() == "fa" else report["summary_en"]
        sys.stdout.write("\n".join(lines) + "\n")


def _run(args: argparse.Namespace, cli: Cli, *, apply: bool) -> int:
    ws, actor, keys = _keys(cli)
    run = sync.import_bundle if apply else sync.verify_bundle
    try:
        report = run(ws, actor, keys, args.file)
    except BundleError as e:
        if args.json:
            print_json({"refused": True, "reason": e.reason, "message_fa": e.fa, "message_en": e.en})
        raise
    _print_report(report, args.json)
    return 0


def run_verify(args: argparse.Namespace, cli: Cli) -> int:
    return _run(args, cli, apply=False)


def run_import(args: argparse.Namespace, cli: Cli) -> int:
    return _run(args, cli, apply=True)


def run_history(args: argparse.Namespace, cli: Cli) -> int:
    with cli.workspace().db.session() as s:
        rows = sync.history(s)
    if args.json:
        print_json(rows)
    else:
        print_table(
            [
                [r["direction"], r["peer"], r["sequence"], r["kind"], f"{r['at']:%Y-%m-%d %H:%M}"]
                for r in rows
            ],
            ["direction", "peer", "seq", "kind", "at (UTC)"],
        )
    return 0
