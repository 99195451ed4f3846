#!/usr/bin/env python3
"""Pin the Windows build to exactly what this checkout runs with.

    python packaging/windows/requirements.py > requirements-win.txt

Walks the dependency closure of pyproject.toml's dependencies (plus its ``package`` extra,
PyInstaller) evaluating markers as on 64-bit Windows, and writes ``name==version`` for each: the
version installed in this interpreter where there is one, so the Windows program is built from the
same releases the tests ran against. A Windows-only dependency that is not installed here (tzdata,
pefile, pywin32-ctypes) is pinned to the newest release that satisfies its requirement, which
``pip download`` then picks.
"""

from __future__ import annotations

import sys
import tomllib
from importlib import metadata
from pathlib import Path

from packaging.markers import default_environment
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

PYPROJECT = Path(__file__).resolve().parents[2] / "pyproject.toml"
EXTRAS = ("package", "postgres")  # the centre runs on PostgreSQL from Windows PCs too

WINDOWS = {
    **default_environment(),
    "os_name": "nt",
    "sys_platform": "win32",
    "platform_system": "Windows",
    "platform_machine": "AMD64",
    "implementation_name": "cpython",
    "platform_python_implementation": "CPython",
    "python_version": "3.11",
    "python_full_version": "3.11.9",
}


def _applies(req: Requirement, extra: str) -> bool:
    return req.marker is None or req.marker.evaluate({**WINDOWS, "extra": extra})


def closure() -> dict[str, str]:
    """canonical name -> requirement line (``name==version`` or the bare specifier)."""
    pins: dict[str, str] = {}
    todo: list[Requirement] = []
    # pyproject.toml itself, not the installed metadata: that may predate the last edit.
    project = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))["project"]
    lines = list(project["dependencies"])
    for extra in EXTRAS:
        lines += project["optional-dependencies"][extra]
    for line in lines:
        req = Requirement(line)
        if _applies(req, ""):
            todo.append(req)
    while todo:
        req = todo.pop()
        name = canonicalize_name(req.name)
        if name in pins and not req.extras:
            continue
        try:
            dist = metadata.distribution(req.name)
        except metadata.PackageNotFoundError:
            pins[name] = f"{req.name}{req.specifier}"
            continue
        pins[name] = f"{dist.metadata['Name']}=={dist.version}"
        wanted = ("", *req.extras)
        for line in dist.requires or []:
            sub = Requirement(line)
            if any(_applies(sub, e) for e in wanted):
                todo.append(sub)
    return pins


def main() -> int:
    for _name, line in sorted(closure().items()):
        sys.stdout.write(line + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
