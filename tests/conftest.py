"""Shared fixtures: offscreen Qt, cheap KDF parameters, a fresh data directory per test."""

from __future__ import annotations

import os

# Before any Qt import: no display here, and none in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Hashes and key wraps store their own parameters; tests use cheap ones so logins stay fast.
os.environ.setdefault("CLUSTER_DESKTOP_FAST_KDF", "1")

from collections.abc import Iterator
from pathlib import Path

import pytest

from cluster_desktop.domain.errors import set_language
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.workspace import Workspace

PASSWORD = "secret-pass-1"


@pytest.fixture(autouse=True)
def _persian_messages() -> Iterator[None]:
    set_language("fa")
    yield
    set_language("fa")


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path / "data")
    yield ws
    ws.close()


@pytest.fixture
def province_admin(workspace: Workspace) -> Actor:
    return setup_office(workspace, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PASSWORD))


@pytest.fixture
def central_admin(workspace: Workspace) -> Actor:
    return setup_office(workspace, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PASSWORD))
