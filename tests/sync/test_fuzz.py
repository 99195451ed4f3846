"""Hypothesis over mutated bundles: every mutation is refused cleanly (a ``DomainError``, the database
as before) or, if harmless, imported; nothing else ever escapes. ``CLUSTER_DESKTOP_FUZZ_EXAMPLES``
raises the count for a long run (the suite runs 50 per strategy)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from cluster_desktop.domain.errors import DomainError
from cluster_desktop.services import sync
from tests.pgserver import clone_database, restore_database

from .offices import Pair, _open, craft, raw_zip, seal, unpack

EXAMPLES = int(os.environ.get("CLUSTER_DESKTOP_FUZZ_EXAMPLES", "50"))
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    derandomize=EXAMPLES <= 50,  # the suite is reproducible; long runs explore
)


class Target:
    """The centre, put back to its state before each accepted import."""

    def __init__(self, pair: Pair, tmp: Path) -> None:
        self.office = pair.centre
        self.pristine = tmp / "centre-pristine"
        # On a server the database is copied too (no connection may be open while it is).
        self.url = None if self.office.ws.backend == "sqlite" else self.office.ws.db.url
        self.office.ws.close()
        shutil.copytree(self.office.dir, self.pristine)
        self.pristine_url = clone_database(self.url) if self.url else None
        self.office = _open(self.office.dir, self.url)
        self.before = self.office.dump()
        self.accepted = 0

    def attempt(self, path: Path) -> None:
        try:
            sync.import_bundle(self.office.ws, self.office.actor, self.office.keys, path)
        except DomainError as e:
            assert e.fa and e.en
            assert self.office.dump() == self.before
            return
        self.accepted += 1
        data_dir = self.office.dir
        self.office.ws.close()
        shutil.rmtree(data_dir)
        shutil.copytree(self.pristine, data_dir)
        if self.url and self.pristine_url:
            restore_database(self.url, self.pristine_url)
        self.office = _open(data_dir, self.url)


@pytest.fixture
def setup(pair: Pair, tmp_path: Path) -> tuple[Pair, Path, Target]:
    p = pair.province
    genuine = sync.export_bundle(p.ws, p.actor, p.keys, tmp_path / "genuine.bundle").files[0]
    return pair, genuine, Target(pair, tmp_path)


mutations = st.lists(
    st.tuples(st.integers(min_value=0), st.integers(min_value=1, max_value=255)), min_size=1, max_size=4
)


@FUZZ
@given(flips=mutations, cut=st.one_of(st.none(), st.integers(min_value=0)))
def test_mutated_encrypted_file(
    setup: tuple[Pair, Path, Target], tmp_path_factory: pytest.TempPathFactory, flips, cut
) -> None:  # type: ignore[no-untyped-def]
    _pair, genuine, target = setup
    data = bytearray(genuine.read_bytes())
    for pos, xor in flips:
        data[pos % len(data)] ^= xor
    if cut is not None:
        data = data[: cut % len(data)]
    assume(bytes(data) != genuine.read_bytes())  # two flips of one byte cancel out
    path = tmp_path_factory.mktemp("f") / "m.bundle"
    path.write_bytes(bytes(data))
    target.attempt(path)
    assert target.accepted == 0  # age authenticates every byte


@FUZZ
@given(flips=mutations)
def test_mutated_zip_inside_a_valid_envelope(
    setup: tuple[Pair, Path, Target], tmp_path_factory: pytest.TempPathFactory, flips
) -> None:  # type: ignore[no-untyped-def]
    pair, genuine, target = setup
    manifest, entries = unpack(genuine, pair.centre)
    path = craft(
        pair.province.keys, pair.centre, manifest, entries, tmp_path_factory.mktemp("z") / "z.bundle"
    )

    def mutate(z: bytes) -> bytes:
        b = bytearray(z)
        for pos, xor in flips:
            b[pos % len(b)] ^= xor
        return bytes(b)

    craft(pair.province.keys, pair.centre, manifest, entries, path, zip_hook=mutate)
    target.attempt(path)


json_bytes = st.binary(max_size=60) | st.sampled_from(
    [b"{}", b"[]", b"null", b'{"id":1}', b"1e400", b'"\\ud800"', b"[" * 50, b'{"a":1,"a":2}', b"\xff\xfe"]
)


@FUZZ
@given(
    table=st.sampled_from(["clusters", "dossiers", "transitions", "attachments", "evaluation_scores"]),
    line=st.integers(min_value=0),
    cut=st.integers(min_value=0),
    insert=json_bytes,
)
def test_mutated_records_signed_again(
    setup: tuple[Pair, Path, Target], tmp_path_factory: pytest.TempPathFactory, table, line, cut, insert
) -> None:  # type: ignore[no-untyped-def]
    # an attacker with the sender's key: every record file is re-listed and re-signed, so only the
    # record checks stand between the mutation and the database
    pair, genuine, target = setup
    manifest, entries = unpack(genuine, pair.centre)
    name = f"records/{table}.jsonl"
    lines = entries[name].split(b"\n")
    i = line % len(lines)
    j = cut % (len(lines[i]) + 1)
    lines[i] = lines[i][:j] + insert + lines[i][j:]
    entries[name] = b"\n".join(lines)
    target.attempt(
        craft(pair.province.keys, pair.centre, manifest, entries, tmp_path_factory.mktemp("r") / "r.bundle")
    )


def test_random_zip_entries_never_escape(setup: tuple[Pair, Path, Target], tmp_path: Path) -> None:
    pair, _genuine, target = setup
    for i, items in enumerate([[("manifest.json", b"{}")], [], [("manifest.json", b"x" * 2_000_000)]]):
        target.attempt(seal(raw_zip(items), pair.centre, tmp_path / f"{i}.bundle"))
    assert target.accepted == 0
