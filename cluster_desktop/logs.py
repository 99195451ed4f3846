"""The program's log: a rotating UTF-8 file in ``<data dir>/logs/`` that IT staff can read and send.

What is logged: start-up (version, platform, data directory, the database without its password),
schema migrations and backups, bundles exported, imported and refused, licences issued, and every
failure with its traceback. A refusal is logged with its English message, which may name a record
(a cluster's name, a username). Never logged: passwords, keys, bundle contents, form contents. Modules log through
``logging.getLogger(__name__)`` under the ``cluster_desktop`` logger, configured here once per process.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import platform
import sys
import time
from pathlib import Path

LOG_DIR = "logs"
LOG_FILE = "cluster-desktop.log"
MAX_BYTES = 1_000_000
BACKUPS = 5
FORMAT = "%(asctime)s pid=%(process)d %(levelname)s %(name)s: %(message)s"

_ROOT = "cluster_desktop"


class _Handler(logging.handlers.RotatingFileHandler):
    """Rotation that never breaks the program nor loses old logs: on Windows another process of ours (a
    second window, a CLI command) may hold the file open, and renaming it fails. The live file is moved
    aside *first*; only when that worked are the older files shifted. When it fails, this process stops
    trying and keeps appending; the next process to start alone rotates."""

    _blocked = False

    def shouldRollover(self, record: logging.LogRecord) -> bool:
        return not self._blocked and bool(super().shouldRollover(record))

    def doRollover(self) -> None:
        if self.stream:
            self.stream.close()
            self.stream = None  # type: ignore[assignment]
        aside = self.baseFilename + ".rotating"
        try:
            os.replace(self.baseFilename, aside)
        except OSError:
            self._blocked = True
        else:
            for i in range(self.backupCount - 1, 0, -1):
                src, dst = f"{self.baseFilename}.{i}", f"{self.baseFilename}.{i + 1}"
                if os.path.exists(src):
                    os.replace(src, dst)
            os.replace(aside, self.baseFilename + ".1")
        self.stream = self._open()


class _UtcFormatter(logging.Formatter):
    """UTC with milliseconds: one clock for logs from offices in any zone and from both sides of a bundle."""

    def formatTime(self, record: logging.LogRecord, datefmt: str | None = None) -> str:
        t = time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(record.created))
        return f"{t}.{int(record.msecs):03d}Z"


def log_path(data_dir: Path) -> Path:
    return Path(data_dir) / LOG_DIR / LOG_FILE


def current_log_file() -> Path | None:
    """The file this process logs to, if logging is set up."""
    for h in logging.getLogger(_ROOT).handlers:
        if isinstance(h, _Handler):
            return Path(h.baseFilename)
    return None


def setup_logging(data_dir: Path, level: int = logging.INFO) -> Path | None:
    """Log to ``data_dir/logs/cluster-desktop.log`` (replacing an earlier set-up of this process).

    Returns the log file, or ``None`` when the folder cannot be written (a read-only share): the
    program then runs without a log rather than not at all.
    """
    logger = logging.getLogger(_ROOT)
    for h in list(logger.handlers):
        if isinstance(h, _Handler):
            logger.removeHandler(h)
            h.close()
    path = log_path(data_dir)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        handler = _Handler(path, maxBytes=MAX_BYTES, backupCount=BACKUPS, encoding="utf-8")
    except OSError:
        return None
    handler.setFormatter(_UtcFormatter(FORMAT))
    logger.addHandler(handler)
    logger.setLevel(level)
    logger.propagate = False
    return path


def close_logging() -> None:
    logger = logging.getLogger(_ROOT)
    for h in list(logger.handlers):
        if isinstance(h, _Handler):
            logger.removeHandler(h)
            h.close()


def log_start(what: str, data_dir: Path) -> None:
    """One line that says which program started where: the first thing to read in a report."""
    from cluster_desktop import __version__

    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    from cluster_desktop.domain.jalali import TEHRAN

    if type(TEHRAN).__name__ != "ZoneInfo":  # decided at import, before the log existed: say it now
        logging.getLogger(_ROOT).warning(
            "no time-zone database with Asia/Tehran (install tzdata): times before 1402 show an hour off"
        )
    logging.getLogger(_ROOT).info(
        "start %s: cluster-desktop %s (%s), Python %s, %s %s, data dir %s, pid %d",
        what,
        __version__,
        frozen,
        platform.python_version(),
        platform.system(),
        platform.release(),
        data_dir,
        os.getpid(),
    )
