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
    cache = request.getfixturevalue("office_templates")
    if ("pair", backend) not in cache:
        root = request.getfixturevalue("tmp_path_factory").mktemp(f"pair-template-{backend}")
        names: dict[str, str] = {}
        urls: dict[str, str | None] = {}
        if backend == "postgresql":
            server = request.getfixturevalue("pg_server")
            for office in OFFICES:
                names[office] = server.create(f"tpl_pair_{office}")
                urls[office] = server.url(names[office])
        build_pair(root, urls=urls)
        cache[("pair", backend)] = (root, names)
    return cache[("pair", backend)]  # type: ignore[no-any-return]


@pytest.fixture
def pair(
    pair_template: tuple[Path, dict[str, str]], tmp_path: Path, request: pytest.FixtureRequest
) -> Iterator[Pair]:
    root, names = pair_template
    urls: dict[str, str | None] = {}
    if names:
        server = request.getfixturevalue("pg_server")
        for office, template in names.items():
            copy = server.create(template=template)
            request.addfinalizer(lambda c=copy: server.drop(c))
            urls[office] = server.url(copy)
    p = copy_pair(root, tmp_path / "offices", urls)
    yield p
    p.close()
