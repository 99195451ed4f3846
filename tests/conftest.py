"""Shared fixtures: offscreen Qt, cheap KDF parameters, a fresh data directory per test."""

from __future__ import annotations

import os
import shutil

# Before any Qt import: no display here, and none in CI.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Hashes and key wraps store their own parameters; tests use cheap ones so logins stay fast.
os.environ.setdefault("CLUSTER_DESKTOP_FAST_KDF", "1")
# QSettings (window geometry, last folders) of the test run go to a throw-away folder, never the
# tester's own ~/.config.
import tempfile

os.environ["XDG_CONFIG_HOME"] = tempfile.mkdtemp(prefix="cluster-desktop-test-config-")

from collections.abc import Callable, Iterator
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


@pytest.fixture(scope="session")
def central_demo_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A central office with 45 demo dossiers, filled once per run; tests open copies of it."""
    from cluster_desktop.services import demo

    root = tmp_path_factory.mktemp("central-demo") / "data"
    ws = Workspace.open(root)
    admin = setup_office(ws, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PASSWORD))
    demo.fill_demo(ws, admin, PASSWORD, count=45, seed=11)
    ws.close()
    return root


@pytest.fixture
def central_demo(
    central_demo_template: Path, tmp_path: Path
) -> Iterator[Callable[[str], tuple[Workspace, Actor]]]:
    """``central_demo(username)``: a private copy of the central demo office, logged in as that user."""
    from cluster_desktop.services import users

    opened: list[Workspace] = []

    def open_as(username: str) -> tuple[Workspace, Actor]:
        data = tmp_path / f"central-{len(opened)}"
        shutil.copytree(central_demo_template, data)
        ws = Workspace.open(data)
        opened.append(ws)
        with ws.db.session() as s:
            return ws, users.authenticate(s, username, PASSWORD)

    yield open_as
    for ws in opened:
        ws.close()
