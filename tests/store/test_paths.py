"""One resolver finds ui/, resources/ and migrations/ in a checkout, a wheel's _data and a frozen build."""

from __future__ import annotations

import sys
from pathlib import Path

from cluster_desktop import paths


def test_source_checkout_layout() -> None:
    paths.app_root.cache_clear()
    assert (paths.resource_dir() / "fonts" / "Vazirmatn-Regular.ttf").exists()
    assert (paths.migrations_dir() / "env.py").exists()
    assert paths.ui_dir().name == "ui"


def test_frozen_layout(monkeypatch, tmp_path: Path) -> None:
    (tmp_path / "resources").mkdir()
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    paths.app_root.cache_clear()
    try:
        assert paths.resource_dir() == tmp_path / "resources"
        assert paths.migrations_dir() == tmp_path / "migrations"
    finally:
        monkeypatch.delattr(sys, "_MEIPASS")
        paths.app_root.cache_clear()


def test_wheel_layout(monkeypatch, tmp_path: Path) -> None:
    pkg = tmp_path / "cluster_desktop"
    (pkg / "_data" / "resources").mkdir(parents=True)
    monkeypatch.setattr(paths, "__file__", str(pkg / "paths.py"))
    paths.app_root.cache_clear()
    try:
        assert paths.app_root() == pkg / "_data"
    finally:
        paths.app_root.cache_clear()
