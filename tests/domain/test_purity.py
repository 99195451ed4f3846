from __future__ import annotations

import subprocess
import sys
from pathlib import Path


def test_domain_imports_neither_qt_nor_sqlalchemy():
    # GIVEN a fresh interpreter WHEN every domain module is imported THEN no Qt or SQLAlchemy is loaded
    code = (
        "import sys, pkgutil, importlib, cluster_desktop.domain as d\n"
        "for m in pkgutil.iter_modules(d.__path__): importlib.import_module('cluster_desktop.domain.' + m.name)\n"
        "print(sorted(k for k in sys.modules if k.split('.')[0] in ('PySide6', 'sqlalchemy')))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        check=True,
        cwd=Path(__file__).parents[2],
    )
    assert out.stdout.strip() == "[]"
