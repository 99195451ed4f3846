"""``screenshot VIEW OUT.png``: render a main view offscreen from the current data directory."""

from __future__ import annotations

import argparse
import os
from pathlib import Path

from .context import Cli


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("screenshot", help="render a main view offscreen to PNG")
    p.add_argument("view")
    p.add_argument("out")
    p.add_argument("--size", default="1280x800", help="WIDTHxHEIGHT")
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, cli: Cli) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from cluster_desktop.gui.screenshots import render

    w, _, h = args.size.partition("x")
    render(cli.workspace(), args.view, Path(args.out), cli.lang, (int(w), int(h)))
    print(args.out)
    return 0
