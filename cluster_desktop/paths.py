"""Where the application finds its files, the same in a source checkout, a wheel and a frozen build.

ui/, resources/ and migrations/ sit beside the package in a checkout; PyInstaller puts them under
``sys._MEIPASS``; an installed wheel carries them inside the package as ``cluster_desktop/_data``.
"""

from __future__ import annotations

import sys
from functools import cache
from pathlib import Path

import platformdirs

APP_NAME = "ClusterDesktop"
APP_AUTHOR = "TPO"


@cache
def app_root() -> Path:
    """The folder holding ui/, resources/ and migrations/."""
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    package = Path(__file__).resolve().parent
    bundled = package / "_data"
    if (bundled / "resources").is_dir():
        return bundled
    return package.parent


def resource_dir() -> Path:
    return app_root() / "resources"


def resource(*parts: str) -> Path:
    return resource_dir().joinpath(*parts)


def ui_dir() -> Path:
    return app_root() / "ui"


def migrations_dir() -> Path:
    return app_root() / "migrations"


def default_data_dir() -> Path:
    """Per-user data directory (platformdirs): the database, attachments, backups, bundles."""
    return Path(platformdirs.user_data_dir(APP_NAME, APP_AUTHOR))
