"""Start the GUI (kept tiny so the CLI imports no Qt unless the GUI is wanted)."""

from __future__ import annotations

from pathlib import Path


def run_gui(data_dir: Path, lang: str, *, db_url: str | None = None, open_bundle: str | None = None) -> int:
    from cluster_desktop.gui.application import run

    return run(data_dir, lang, db_url=db_url, open_bundle=Path(open_bundle) if open_bundle else None)
