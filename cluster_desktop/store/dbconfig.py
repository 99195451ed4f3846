"""Which database an office's data directory runs on, so nobody types a server URL twice.

``<data dir>/database.ini`` (written when the office is first opened with ``--db-url``) or, for every
user of a PC, the machine's ``%ProgramData%\\TPO\\ClusterDesktop\\database.ini``
(``/etc/xdg/ClusterDesktop/database.ini`` on Linux), holds the URL without its password:

    [database]
    url = postgresql+psycopg://cluster@db.tpo.local:5432/cluster_desktop

The password comes from ``PGPASSWORD`` or the user's libpq password file (``%APPDATA%\\postgresql\\pgpass.conf``,
``~/.pgpass``), which psycopg reads itself; it is never written here nor logged. No file: the SQLite
database in the data directory.
"""

from __future__ import annotations

import configparser
import os
from pathlib import Path

import platformdirs
from sqlalchemy.engine import make_url

from cluster_desktop.domain.errors import DomainError

FILENAME = "database.ini"
ENV_URL = "CLUSTER_DESKTOP_DB_URL"


def machine_config() -> Path:
    return Path(platformdirs.site_config_dir("ClusterDesktop", "TPO")) / FILENAME


def _read(path: Path) -> str | None:
    if not path.is_file():
        return None
    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read(path, encoding="utf-8-sig")  # Notepad and PowerShell 5 write a BOM
        url = parser.get("database", "url", fallback="").strip()
    except configparser.Error as exc:
        raise DomainError(
            f"پروندهٔ تنظیم پایگاه داده خوانا نیست: {path}",
            f"The database configuration file cannot be read: {path} ({exc})",
        ) from exc
    return url or None


def configured_url(data_dir: Path) -> str | None:
    """The server URL for ``data_dir``: the folder's own file; for a folder that holds no SQLite office,
    also the environment and then the machine's file (so they never divert an existing local office,
    nor the self-check's throw-away ones, to the server)."""
    own = _read(Path(data_dir) / FILENAME)
    if own or (Path(data_dir) / "cluster-desktop.sqlite3").exists():
        return own
    return os.environ.get(ENV_URL) or _read(machine_config())


def without_password(url: str) -> str:
    """The URL with no password, neither in its user part nor as a ``?password=`` option."""
    u = make_url(url)
    u = u._replace(password=None).difference_update_query(["password"])
    return u.render_as_string(hide_password=False)


def display_url(url: str) -> str:
    """For logs and the About box: never the password."""
    return without_password(url)


def remember(data_dir: Path, url: str, *, path: Path | None = None) -> Path | None:
    """Keep ``url`` (without password) in the folder's file (or ``path``, e.g. the machine's), so later
    starts find the same server."""
    if make_url(url).get_backend_name() == "sqlite":
        return None
    path = path or Path(data_dir) / FILENAME
    stored = without_password(url)
    if _read(path) == stored:
        return path
    parser = configparser.ConfigParser(interpolation=None)
    parser["database"] = {"url": stored}
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        f.write("# The office's database (cluster_desktop/store/dbconfig.py). No password here: use\n")
        f.write("# PGPASSWORD or the libpq password file (pgpass).\n")
        parser.write(f)
    os.replace(tmp, path)
    return path
