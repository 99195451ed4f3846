"""The bundle ZIP, written reproducibly and read under limits; and the age envelope around it."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import random
import stat
import struct
import time
import warnings
import zipfile
from pathlib import Path

import pyrage
import pytest

from cluster_desktop.sync import limits
from cluster_desktop.sync.container import SafeZipReader, open_bundle, seal_bundle, write_zip
from cluster_desktop.sync.keys import generate_office_keys
from cluster_desktop.sync.limits import BundleError

RECORDS = "records/clusters.jsonl"
NOISE = random.Random(7).randbytes(20_000)  # does not compress, so ratios stay near 1


def raw_zip(*entries: tuple[str | zipfile.ZipInfo, bytes], method: int = zipfile.ZIP_DEFLATED, **kw) -> bytes:
    """A ZIP built with zipfile directly, as an attacker could, bypassing write_zip's checks."""
    buf = io.BytesIO()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about duplicate names
        with zipfile.ZipFile(buf, "w", method, **kw) as zf:
            for name, data in entries:
                zf.writestr(name, data)
    return buf.getvalue()


def refusal(data: bytes) -> str:
    with pytest.raises(BundleError) as err, SafeZipReader(data) as reader:
        for name in reader.names():
            reader.sha256_and_size(name)
    assert err.value.fa and err.value.en
    return err.value.reason


def test_write_zip_is_reproducible_and_reads_back(tmp_path: Path) -> None:
    # GIVEN entries from bytes and from a file, in any order
    attachment = tmp_path / "scan.pdf"
    attachment.write_bytes(NOISE)
    digest = hashlib.sha256(NOISE).hexdigest()
    entries = [(RECORDS, b'{"id":1}\n'), (f"attachments/{digest}", attachment), ("manifest.json", b"{}")]
    first, second = io.BytesIO(), io.BytesIO()
    write_zip(first, entries)
    write_zip(second, list(reversed(entries)))
    # THEN the bytes are identical and the reader returns what was written
    assert first.getvalue() == second.getvalue()
    with SafeZipReader(first.getvalue()) as reader:
        assert reader.names() == sorted(name for name, _ in entries)
        assert reader.read(RECORDS, 100) == b'{"id":1}\n'
        assert reader.sha256_and_size(f"attachments/{digest}") == (digest, len(NOISE))
        with pytest.raises(BundleError) as err:
            reader.read(RECORDS, 5)
        assert err.value.reason == "too_large"
        with pytest.raises(BundleError) as err:
            reader.read("records/other.jsonl", 100)
        assert err.value.reason == "missing_file"


def test_write_zip_stores_what_would_look_like_a_bomb() -> None:
    # a blank 5 MB scan deflates ~1000:1; stored instead, the reader accepts our own bundle
    blank = bytes(5_000_000)
    digest = hashlib.sha256(blank).hexdigest()
    buf = io.BytesIO()
    write_zip(buf, [(f"attachments/{digest}", blank)])
    with SafeZipReader(buf.getvalue()) as reader:
        assert reader.sha256_and_size(f"attachments/{digest}") == (digest, len(blank))


def test_write_zip_refuses_bad_and_duplicate_names() -> None:
    for entries, reason in [
        ([("../x", b"")], "bad_name"),
        ([(RECORDS, b""), (RECORDS, b"")], "duplicate_name"),
    ]:
        with pytest.raises(BundleError) as err:
            write_zip(io.BytesIO(), entries)
        assert err.value.reason == reason


@pytest.mark.parametrize(
    "name",
    ["../x", "/abs", "C:\\x", "C:/x", "a\\b", "records\\x.jsonl", "records//x.jsonl", "records/../manifest.json",
     "records/x.json", "attachments/ABC", "other.txt", "manifest.json/", "records/x.jsonl\n"],
)  # fmt: skip
def test_bad_names_are_refused_not_sanitised(name: str) -> None:
    assert refusal(raw_zip((name, b"x"))) in {"bad_name", "not_regular"}


def test_duplicate_names_are_refused() -> None:
    assert refusal(raw_zip((RECORDS, b"1"), (RECORDS, b"2"))) == "duplicate_name"


def test_directories_symlinks_encrypted_and_other_methods_are_refused() -> None:
    link = zipfile.ZipInfo(RECORDS)
    link.create_system = 3
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    assert refusal(raw_zip((link, b"/etc/passwd"))) == "not_regular"
    assert refusal(raw_zip(("records/", b""))) == "not_regular"
    data = bytearray(raw_zip((RECORDS, b"x")))
    data[data.rindex(b"PK\x01\x02") + 8] |= 0x1  # zipfile cannot write encrypted entries: set the flag
    assert refusal(bytes(data)) == "encrypted_entry"
    assert refusal(raw_zip((RECORDS, b"x" * 100), method=zipfile.ZIP_BZIP2)) == "compression"


def test_too_many_entries(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(limits, "MAX_ENTRIES", 3)
    data = raw_zip(*[(f"records/t_{c}.jsonl", b"{}") for c in "abcd"])
    assert refusal(data) == "too_many_entries"


def test_too_large_file_and_declared_total(monkeypatch: pytest.MonkeyPatch) -> None:
    data = raw_zip((RECORDS, NOISE), ("records/b.jsonl", NOISE))
    monkeypatch.setattr(limits, "MAX_BUNDLE_BYTES", len(data) - 1)
    assert refusal(data) == "too_large"
    monkeypatch.undo()
    monkeypatch.setattr(limits, "MAX_UNCOMPRESSED", len(NOISE) * 2 - 1)
    assert refusal(data) == "too_large"


def test_ratio_bomb_is_refused_before_decompression() -> None:
    # GIVEN 50 MB of zeros deflated to ~50 KB
    bomb = raw_zip((RECORDS, bytes(50 * 1024 * 1024)))
    assert len(bomb) < 100_000
    # WHEN it is opened THEN it is refused from the central directory alone, fast
    start = time.perf_counter()
    with pytest.raises(BundleError) as err:
        SafeZipReader(bomb)
    assert err.value.reason == "ratio"
    assert time.perf_counter() - start < 0.1


def _patch_declared_size(data: bytes, new_size: int) -> bytes:
    """Rewrite the uncompressed size of the (single) entry in the central directory."""
    at = data.rindex(b"PK\x01\x02") + 24
    return data[:at] + struct.pack("<L", new_size) + data[at + 4 :]


def test_declared_size_smaller_than_real_is_caught_while_streaming() -> None:
    data = _patch_declared_size(raw_zip((RECORDS, NOISE)), len(NOISE) - 1000)
    reader = SafeZipReader(data)  # nothing wrong is visible before decompressing
    with pytest.raises(BundleError) as err:
        reader.read(RECORDS, 10**6)
    assert err.value.reason == "size_mismatch"


def test_declared_size_larger_than_real_is_caught() -> None:
    data = _patch_declared_size(raw_zip((RECORDS, NOISE)), len(NOISE) + 1)
    assert refusal(data) == "size_mismatch"


def test_damaged_data_fails_its_crc() -> None:
    data = bytearray(raw_zip((RECORDS, NOISE), method=zipfile.ZIP_STORED))
    data[100] ^= 0xFF
    assert refusal(bytes(data)) == "crc"


def test_truncated_and_commented_files_are_refused() -> None:
    data = raw_zip((RECORDS, NOISE))
    assert refusal(data[: len(data) // 2]) == "truncated"
    assert refusal(data[:10]) == "truncated"
    assert refusal(b"") == "truncated"
    buf = io.BytesIO(data)
    with zipfile.ZipFile(buf, "a") as zf:
        zf.comment = b"PK\x05\x06 hidden end record"
    assert refusal(buf.getvalue()) == "truncated"


def test_reader_accepts_a_path_and_a_file(tmp_path: Path) -> None:
    path = tmp_path / "b.zip"
    path.write_bytes(raw_zip((RECORDS, b"{}\n")))
    with SafeZipReader(path) as reader:
        assert reader.read(RECORDS, 10) == b"{}\n"
    with path.open("rb") as f, SafeZipReader(f) as reader:
        stream = reader.open_stream(RECORDS)
        assert stream.read() == b"{}\n"
        assert stream.sha256 == hashlib.sha256(b"{}\n").hexdigest()


# --- envelope -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def office():
    return generate_office_keys()


def test_seal_and_open_round_trip(tmp_path: Path, office) -> None:
    zip_bytes = raw_zip((RECORDS, NOISE))
    out = tmp_path / "to-centre.bundle"
    seal_bundle(zip_bytes, office.age_recipient, out)
    assert os.listdir(tmp_path) == ["to-centre.bundle"]  # no temp file left behind
    assert NOISE[:64] not in out.read_bytes()
    with open_bundle(out, office.age_identity) as plain:
        assert plain.read() == zip_bytes
        plain.seek(0)
        with SafeZipReader(plain) as reader:
            assert reader.read(RECORDS, 10**6) == NOISE


def test_seal_streams_from_a_path_and_replaces_atomically(tmp_path: Path, office) -> None:
    src = tmp_path / "plain.zip"
    src.write_bytes(raw_zip((RECORDS, b"new")))
    out = tmp_path / "out.bundle"
    out.write_bytes(b"old bundle")
    seal_bundle(src, office.age_recipient, out)
    with open_bundle(out, str(office.age_identity)) as plain:
        assert plain.read() == src.read_bytes()
    assert sorted(os.listdir(tmp_path)) == ["out.bundle", "plain.zip"]


def test_open_with_another_identity_or_garbage_is_refused(tmp_path: Path, office) -> None:
    out = tmp_path / "b.bundle"
    seal_bundle(b"zip", office.age_recipient, out)
    with pytest.raises(BundleError) as err:
        open_bundle(out, generate_office_keys().age_identity)
    assert err.value.reason == "decrypt"
    assert err.value.fa.startswith("این بسته برای این دفتر رمز نشده یا خراب است")
    garbage = tmp_path / "g.bundle"
    garbage.write_bytes(b"not an age file at all")
    with pytest.raises(BundleError) as err:
        open_bundle(garbage, office.age_identity)
    assert err.value.reason == "decrypt"


@pytest.mark.parametrize("damage", ["flip", "truncate"])
def test_damaged_payload_after_a_valid_header_is_a_decrypt_refusal(
    tmp_path: Path, office, damage: str
) -> None:
    # GIVEN a real bundle whose header is intact but whose encrypted payload was damaged in transit
    out = tmp_path / "b.bundle"
    seal_bundle(raw_zip((RECORDS, NOISE)), office.age_recipient, out)
    data = bytearray(out.read_bytes())
    if damage == "flip":
        data[-100] ^= 0x01
    else:
        del data[-50:]
    out.write_bytes(bytes(data))
    # WHEN it is opened THEN pyrage's bare OSError becomes the clear "decrypt" refusal
    with pytest.raises(BundleError) as err:
        open_bundle(out, office.age_identity)
    assert err.value.reason == "decrypt"
    assert err.value.fa.startswith("این بسته برای این دفتر رمز نشده یا خراب است")
    assert not isinstance(err.value.__cause__, OSError)


def test_real_io_errors_are_not_blamed_on_the_bundle(
    tmp_path: Path, office, monkeypatch: pytest.MonkeyPatch
) -> None:
    # GIVEN a good bundle, and a disk that fills up while the plaintext is spooled
    out = tmp_path / "b.bundle"
    seal_bundle(b"zip", office.age_recipient, out)

    def disk_full(*_a: object) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(pyrage, "decrypt_io", disk_full)
    # THEN the I/O error propagates as it is (not "this bundle is damaged")
    with pytest.raises(OSError) as err:
        open_bundle(out, office.age_identity)
    assert not isinstance(err.value, BundleError) and err.value.errno == errno.ENOSPC
    # AND a file that cannot be read is the caller's OSError too
    with pytest.raises(FileNotFoundError):
        open_bundle(tmp_path / "missing.bundle", office.age_identity)


def test_envelope_limits_and_bad_recipient(tmp_path: Path, office, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "b.bundle"
    with pytest.raises(BundleError) as err:
        seal_bundle(b"zip", "age1notarecipient", out)
    assert err.value.reason == "bad_recipient"
    assert not out.exists()
    seal_bundle(b"zip" * 100, office.age_recipient, out)
    monkeypatch.setattr(limits, "MAX_BUNDLE_BYTES", 100)
    with pytest.raises(BundleError) as err:
        open_bundle(out, office.age_identity)
    assert err.value.reason == "too_large"
