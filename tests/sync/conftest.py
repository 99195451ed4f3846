"""Fixtures for bundle tests: a province and a centre that trust each other, fresh for each test, on
SQLite files and on a PostgreSQL server."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import BACKENDS

from .offices import Pair, build_pair, copy_pair

OFFICES = ("province", "centre")


@pytest.fixture(params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


@pytest.fixture
def pair_template(backend: str, request: pytest.FixtureRequest) -> tuple[Path, dict[str, str]]:
    """Built once per run and backend: the folders, and on PostgreSQL the template databases."""
    return _template(request, backend, "pair", demos=False)


@pytest.fixture
def demo_pair_template(backend: str, request: pytest.FixtureRequest) -> tuple[Path, dict[str, str]]:
    """Like ``pair_template``, both offices demos with development programmes (``build_pair(demos=True)``)."""
    return _template(request, backend, "demo-pair", demos=True)


@pytest.fixture
def demo_pair(
    demo_pair_template: tuple[Path, dict[str, str]], tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Pair]:
    p = _copy(demo_pair_template, tmp_path, request)
    yield p
    p.close()


def _template(
    request: pytest.FixtureRequest, backend: str, key: str, *, demos: bool
) -> tuple[Path, dict[str, str]]:
    cache = request.getfixturevalue("office_templates")
    if (key, backend) not in cache:
        root = request.getfixturevalue("tmp_path_factory").mktemp(f"{key}-template-{backend}")
        names: dict[str, str] = {}
        urls: dict[str, str | None] = {}
        if backend == "postgresql":
            server = request.getfixturevalue("pg_server")
            for office in OFFICES:
                names[office] = server.create(f"tpl_{key.replace('-', '_')}_{office}")
                urls[office] = server.url(names[office])
        build_pair(root, urls=urls, demos=demos)
        cache[(key, backend)] = (root, names)
    return cache[(key, backend)]  # type: ignore[no-any-return]


def _copy(template: tuple[Path, dict[str, str]], tmp_path: Path, request: pytest.FixtureRequest) -> Pair:
    root, names = template
    urls: dict[str, str | None] = {}
    if names:
        server = request.getfixturevalue("pg_server")
        for office, name in names.items():
            copy = server.create(template=name)
            request.addfinalizer(lambda c=copy: server.drop(c))
            urls[office] = server.url(copy)
    return copy_pair(root, tmp_path / "offices", urls)


@pytest.fixture
def pair(
    pair_template: tuple[Path, dict[str, str]], tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Pair]:
    p = _copy(pair_template, tmp_path, request)
    yield p
    p.close()
