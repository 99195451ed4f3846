"""Fixtures for bundle tests: a province and a centre that trust each other, fresh for each test."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from .offices import Pair, build_pair, copy_pair


@pytest.fixture(scope="session")
def pair_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("pair-template")
    build_pair(root)
    return root


@pytest.fixture
def pair(pair_template: Path, tmp_path: Path) -> Iterator[Pair]:
    p = copy_pair(pair_template, tmp_path / "offices")
    yield p
    p.close()
