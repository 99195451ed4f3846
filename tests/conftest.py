"""Shared fixtures: offscreen Qt, cheap KDF parameters, a fresh data directory per test."""

from __future__ import annotations

import os
import re
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
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from cluster_desktop.domain.errors import set_language
from cluster_desktop.domain.roles import OfficeKind
from cluster_desktop.services.actor import Actor
from cluster_desktop.services.office import OfficeSetup, setup_office
from cluster_desktop.services.workspace import Workspace

if TYPE_CHECKING:
    from tests.pgserver import PgServer

PASSWORD = "secret-pass-1"


@pytest.fixture(autouse=True)
def _own_settings(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Each test starts with nothing remembered: a window saved in English by one test would otherwise
    put the next Persian test's navigation on the left."""
    from PySide6.QtCore import QSettings

    folder = tmp_path_factory.mktemp("config")
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))


@pytest.fixture(autouse=True)
def _persian_messages() -> Iterator[None]:
    set_language("fa")
    yield
    set_language("fa")


# --- databases: SQLite everywhere, and PostgreSQL where a directory's conftest parametrises `backend` ---

BACKENDS = ("sqlite", "postgresql")


@pytest.fixture(scope="session")
def pg_server() -> Iterator[PgServer]:
    """One real PostgreSQL server for the run (tests/pgserver.py). Without the server binaries the
    PostgreSQL half of the suite is skipped on a developer's machine and fails in CI (CI=true)."""
    from tests.pgserver import PgServer, wait_ready

    try:
        server = PgServer().start()
        wait_ready(server)
    except Exception as exc:
        message = f"PostgreSQL test server did not start: {exc}"
        if os.environ.get("CI", "").lower() in ("1", "true", "yes"):
            pytest.fail(message)
        pytest.skip(message)
    yield server
    server.stop()


@pytest.fixture
def backend() -> str:
    """The database the test's offices run on; tests/{store,services,sync} ask for both."""
    return "sqlite"


@pytest.fixture
def new_db_url(backend: str, request: pytest.FixtureRequest) -> Callable[[], str | None]:
    """``new_db_url()``: the URL of a new empty database on the test's backend (None = the SQLite
    file of the data directory); PostgreSQL databases are dropped after the test."""
    made: list[str] = []

    def make() -> str | None:
        if backend == "sqlite":
            return None
        server = request.getfixturevalue("pg_server")
        made.append(server.create())
        return str(server.url(made[-1]))

    yield make  # type: ignore[misc]
    if made:
        server = request.getfixturevalue("pg_server")
        for name in made:
            server.drop(name)


@pytest.fixture
def workspace(tmp_path: Path, new_db_url: Callable[[], str | None]) -> Iterator[Workspace]:
    ws = Workspace.open(tmp_path / "data", new_db_url())
    yield ws
    ws.close()


@pytest.fixture
def province_admin(workspace: Workspace) -> Actor:
    return setup_office(workspace, OfficeSetup(OfficeKind.PROVINCE, "IR-07", "admin", PASSWORD))


@pytest.fixture
def central_admin(workspace: Workspace) -> Actor:
    return setup_office(workspace, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PASSWORD))


@dataclass
class Template:
    """A prepared office: its data directory and, on PostgreSQL, the database to copy it from."""

    data_dir: Path
    database: str | None


@pytest.fixture(scope="session")
def office_templates() -> dict[tuple[str, str], Template]:
    return {}


def template(
    request: pytest.FixtureRequest, key: str, backend: str, build: Callable[[Workspace], None]
) -> Template:
    """Build the ``key`` office on ``backend`` once per run."""
    cache = request.getfixturevalue("office_templates")
    if (key, backend) not in cache:
        root = request.getfixturevalue("tmp_path_factory").mktemp(f"{key}-{backend}") / "data"
        database = None
        url = None
        if backend == "postgresql":
            server = request.getfixturevalue("pg_server")
            database = server.create(f"tpl_{key}".replace("-", "_"))
            url = server.url(database)
        ws = Workspace.open(root, url)
        try:
            build(ws)
        finally:
            ws.close()  # no connection may stay open on a template database
        cache[(key, backend)] = Template(root, database)
    return cache[(key, backend)]


def copy_template(request: pytest.FixtureRequest, tpl: Template, dest: Path) -> str | None:
    """A private copy of a prepared office at ``dest``; returns its database URL (None for SQLite)."""
    shutil.copytree(tpl.data_dir, dest)
    if tpl.database is None:
        return None
    server = request.getfixturevalue("pg_server")
    name = server.create(template=tpl.database)
    request.addfinalizer(lambda: server.drop(name))
    return str(server.url(name))


def _fill_central_demo(ws: Workspace) -> None:
    from cluster_desktop.services import demo

    admin = setup_office(ws, OfficeSetup(OfficeKind.CENTRAL, None, "admin", PASSWORD))
    demo.fill_demo(ws, admin, PASSWORD, count=45, seed=11)


@pytest.fixture
def central_demo_template(backend: str, request: pytest.FixtureRequest) -> Template:
    """A central office with 45 demo dossiers, filled once per run and backend; tests open copies."""
    return template(request, "central-demo", backend, _fill_central_demo)


@pytest.fixture
def central_demo(
    central_demo_template: Template, tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Callable[[str], tuple[Workspace, Actor]]]:
    """``central_demo(username)``: a private copy of the central demo office, logged in as that user."""
    from cluster_desktop.services import users

    opened: list[Workspace] = []

    def open_as(username: str) -> tuple[Workspace, Actor]:
        data = tmp_path / f"central-{len(opened)}"
        url = copy_template(request, central_demo_template, data)
        ws = Workspace.open(data, url)
        opened.append(ws)
        with ws.db.session() as s:
            return ws, users.authenticate(s, username, PASSWORD)

    yield open_as
    for ws in opened:
        ws.close()


_ON_POSTGRES = re.compile(r"[\[-]postgresql[\]-]")  # the backend parameter in a test's id


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    """CI's log says how much of the suite ran on the PostgreSQL server."""
    counts: dict[str, int] = {}
    for outcome in ("passed", "failed", "error", "skipped"):
        for report in terminalreporter.stats.get(outcome, []):
            if _ON_POSTGRES.search(getattr(report, "nodeid", "")) and getattr(report, "when", "call") in (
                "call",
                "setup",
            ):
                if outcome == "passed" and report.when != "call":
                    continue
                counts[outcome] = counts.get(outcome, 0) + 1
    if counts:
        terminalreporter.write_line(
            "PostgreSQL tests: " + ", ".join(f"{n} {outcome}" for outcome, n in counts.items())
        )
