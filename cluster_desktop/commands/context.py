"""What every command shares: the data directory, the acting user, output helpers."""

from __future__ import annotations

import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.paths import default_data_dir
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.workspace import Workspace


@dataclass
class Cli:
    data_dir: Path
    db_url: str | None
    user: str | None
    password_stdin: bool
    lang: str
    _password: str | None = None
    _ws: Workspace | None = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: Any) -> Cli:
        return cls(
            data_dir=Path(args.data_dir) if args.data_dir else default_data_dir(),
            db_url=args.db_url,
            user=args.user,
            password_stdin=bool(args.password_stdin or getattr(args, "cmd_password_stdin", False)),
            lang=args.lang,
        )

    def password(self) -> str:
        """The password given on standard input (first line), read once."""
        if self._password is None:
            if not self.password_stdin:
                raise DomainError(
                    "گذرواژه را با --password-stdin از ورودی استاندارد بدهید.",
                    "Give the password on standard input with --password-stdin.",
                )
            self._password = sys.stdin.readline().rstrip("\r\n")
        return self._password

    def next_line(self, fa: str, en: str) -> str:
        """The next line of standard input after the acting user's password (a new user's password);
        ``fa``/``en`` name what is missing when the input ends."""
        self.password()
        line = sys.stdin.readline()
        if not line.strip("\r\n"):
            raise DomainError(fa, en)
        return line.rstrip("\r\n")

    def workspace(self) -> Workspace:
        if self._ws is None:
            self._ws = Workspace.open(self.data_dir, self.db_url)
        return self._ws

    def actor(self, session: Any) -> Actor:
        """The acting user (``--user NAME --password-stdin``); required by commands that change data."""
        from cluster_desktop.services.users import authenticate

        if not self.user:
            raise DomainError(
                "این فرمان کاربر می‌خواهد: --user NAME --password-stdin",
                "This command acts as a user: --user NAME --password-stdin",
            )
        return authenticate(session, self.user, self.password())

    def close(self) -> None:
        if self._ws is not None:
            self._ws.close()


def print_json(obj: Any) -> None:
    sys.stdout.write(json.dumps(obj, ensure_ascii=False, indent=2, default=str) + "\n")


def print_table(rows: list[list[Any]], headers: list[str]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows, strict=False)]
    for r in [headers, *rows]:
        sys.stdout.write("  ".join(str(x).ljust(w) for x, w in zip(r, widths, strict=False)).rstrip() + "\n")
