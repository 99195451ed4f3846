"""What Help › About and a support request name: program, schema, platform, where the data and log are."""

from __future__ import annotations

import platform
import sys
from dataclasses import dataclass

from cluster_desktop import __version__
from cluster_desktop.logs import current_log_file
from cluster_desktop.store.migrate import current_revision, head_revision

from .workspace import Workspace


@dataclass(frozen=True)
class Fact:
    key: str  # stable, for tests and the copied text
    title_fa: str
    title_en: str
    value: str


def program_facts(ws: Workspace) -> list[Fact]:
    """Reads the database's schema revision: call it off the GUI thread."""
    engine = ws.db.engine
    current = current_revision(engine) or "—"
    head = head_revision(engine)
    database = ws.database_label()
    log = current_log_file()
    frozen = "frozen" if getattr(sys, "frozen", False) else "source"
    return [
        Fact("program", "برنامه", "Program", f"Cluster Desktop {__version__} ({frozen})"),
        Fact("schema", "نسخهٔ پایگاه داده", "Database schema", f"{current} (program: {head})"),
        Fact("database", "پایگاه داده", "Database", f"{engine.dialect.name}: {database}"),
        Fact("python", "پایتون", "Python", f"{platform.python_version()} ({platform.architecture()[0]})"),
        Fact(
            "os",
            "سیستم‌عامل",
            "Operating system",
            f"{platform.system()} {platform.release()} {platform.version()}",
        ),
        Fact("data_dir", "پوشهٔ داده", "Data directory", str(ws.data_dir)),
        Fact("log", "پروندهٔ گزارش رویدادها", "Log file", str(log) if log else "—"),
    ]


def facts_text(facts: list[Fact]) -> str:
    """The copyable form: English titles, one fact per line (what IT staff paste into a ticket)."""
    return "\n".join(f"{f.title_en}: {f.value}" for f in facts)
