"""``cluster-desktop``: the GUI by default; commands for administrators, scripts and tests.

Exit codes: 0 success, 1 refused (one clear line on stderr), 2 bad usage.
"""

from __future__ import annotations

import argparse
import importlib
import logging
import sys
from collections.abc import Sequence

from cluster_desktop import __version__
from cluster_desktop.console import use_utf8_streams
from cluster_desktop.domain.errors import DomainError, set_language
from cluster_desktop.logs import log_start, setup_logging

from .commands.context import Cli

# Each module registers its own sub-commands; a module that is not there yet is skipped.
COMMAND_MODULES = (
    "office",
    "reference",
    "clusters",
    "keys",
    "trust",
    "bundle",
    "printing",
    "licenses",
    "central",
    "ranking",
    "screenshot",
    "users",
    "database",
    "backup",
    "audit",
)


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="cluster-desktop", description="Cluster Desktop (TPO export clusters)")
    p.add_argument("--version", action="version", version=f"cluster-desktop {__version__}")
    p.add_argument("--data-dir", help="data directory (default: the user's data directory)")
    p.add_argument("--db-url", help="database URL instead of the SQLite file (e.g. postgresql+psycopg://…)")
    p.add_argument("--user", help="act as this user")
    p.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    p.add_argument("--lang", choices=["fa", "en"], default="fa")
    p.add_argument("--self-check", action="store_true", help="smoke test of a packaged build")
    sub = p.add_subparsers(dest="command")
    for name in COMMAND_MODULES:
        try:
            module = importlib.import_module(f"cluster_desktop.commands.{name}")
        except ModuleNotFoundError as exc:
            if exc.name != f"cluster_desktop.commands.{name}":
                raise
            continue
        module.register(sub)
    return p


log = logging.getLogger(__name__)


BUNDLE_SUFFIXES = (".bundle", ".cdb")


def split_bundle_argument(parser: argparse.ArgumentParser, argv: list[str]) -> tuple[list[str], str | None]:
    """``cluster-desktop FILE.bundle`` (what a double-click runs): the GUI, with that bundle ready to
    verify. Only when no command is named, so ``bundle import FILE.bundle`` stays a command."""
    sub = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    if any(arg in sub.choices for arg in argv):
        return argv, None
    for i, arg in enumerate(argv):
        if not arg.startswith("-") and arg.lower().endswith(BUNDLE_SUFFIXES):
            return argv[:i] + argv[i + 1 :], arg
    return argv, None


def main(argv: Sequence[str] | None = None) -> int:
    use_utf8_streams()
    parser = build_parser()
    rest, bundle = split_bundle_argument(parser, list(sys.argv[1:] if argv is None else argv))
    args = parser.parse_args(rest)
    set_language(args.lang)
    if args.self_check:
        from .selfcheck import run_self_check

        return run_self_check()
    cli = Cli.from_args(args)
    setup_logging(cli.data_dir)
    what = "gui" if args.command is None else " ".join(_command_path(args))
    log_start(what, cli.data_dir)
    if args.command is None:
        from .app import run_gui

        return run_gui(cli.data_dir, args.lang, db_url=cli.db_url, open_bundle=bundle)
    try:
        code = int(args.handler(args, cli) or 0)
        log.info("%s finished with exit code %d", what, code)
        return code
    except DomainError as e:
        log.warning("%s refused: %s", what, e.en)
        sys.stderr.write(str(e).replace("\n", " ") + "\n")
        return 1
    except BaseException:
        log.exception("%s failed", what)
        raise
    finally:
        cli.close()


def _command_path(args: argparse.Namespace) -> list[str]:
    """The sub-command words (``bundle export``), never argument values: those may be names people typed."""
    words = [str(args.command)]
    for key, value in sorted(vars(args).items()):
        if key.endswith("_cmd") and isinstance(value, str):
            words.append(value)
    return words


if __name__ == "__main__":
    sys.exit(main())
