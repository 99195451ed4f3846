"""The bundle's containers: a deterministic ZIP, read under strict limits, inside an age envelope.

The reader trusts nothing in the archive. Before decompressing a byte it checks the file size,
the central directory, the entry count, every name (refused, never sanitised), duplicates, entry
types, encryption and each entry's declared sizes and ratio. Entry data is then decompressed by our
own loop (not ``ZipExtFile``, which silently cuts output at the declared size) so that more output
than declared is reported as ``size_mismatch``, and the CRC and SHA-256 are computed as it streams.
"""

from __future__ import annotations

import contextlib
import hashlib
import io
import os
import re
import shutil
import stat
import struct
import tempfile
import zipfile
import zlib
from collections import Counter
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import IO, BinaryIO

import pyrage
from pyrage import x25519

from . import limits
from .limits import BundleError

MANIFEST_NAME = "manifest.json"
SIGNATURE_NAME = "manifest.sig"
RECORDS_NAME = re.compile(r"records/([a-z_]{1,64})\.jsonl")
ATTACHMENT_NAME = re.compile(r"attachments/([0-9a-f]{64})")

_FIXED_TIME = (1980, 1, 1, 0, 0, 0)  # the earliest ZIP time; makes the archive bytes reproducible
_CHUNK = 256 * 1024
_EOCD = struct.Struct("<4s4H2LH")  # end of central directory record, no comment allowed
_LOCAL_HEADER = struct.Struct("<4s5H3L2H")
_UNIX_SYSTEM = 3


def is_allowed_name(name: str) -> bool:
    """True for the only names a bundle may hold: the manifest, its signature, records, attachments."""
    return (
        name in (MANIFEST_NAME, SIGNATURE_NAME)
        or RECORDS_NAME.fullmatch(name) is not None
        or ATTACHMENT_NAME.fullmatch(name) is not None
    )


def _name_problem(name: str) -> str | None:
    """Why ``name`` is refused (for the message), or None if it is allowed."""
    if is_allowed_name(name):
        return None
    if name.startswith("/"):
        return "absolute path"
    if "\\" in name:
        return "backslash"
    if re.match(r"[A-Za-z]:", name):
        return "drive letter"
    parts = name.split("/")
    if ".." in parts:
        return "'..' component"
    if "" in parts:
        return "empty component"
    return "not a bundle file name"


# --- writing -----------------------------------------------------------------------------------


def _deflated_size(data: bytes) -> int:
    comp = zlib.compressobj(6, zlib.DEFLATED, -15)
    return len(comp.compress(data)) + len(comp.flush())


def _method_for(source: bytes | Path, size: int) -> int:
    """Deflate, unless the entry would not shrink (a PDF, a photo) or would shrink beyond MAX_RATIO.

    A file whose first MiB does not shrink by a tenth is stored without a second full pass; the
    choice depends only on the content, so the archive stays reproducible.
    """
    if size == 0:
        return zipfile.ZIP_DEFLATED
    if isinstance(source, bytes):
        deflated = _deflated_size(source)
    else:
        with open(source, "rb") as f:
            sample = f.read(limits.MB)
            if _deflated_size(sample) > 0.9 * len(sample):
                return zipfile.ZIP_STORED
            comp = zlib.compressobj(6, zlib.DEFLATED, -15)
            deflated = len(comp.compress(sample))
            while chunk := f.read(_CHUNK):
                deflated += len(comp.compress(chunk))
            deflated += len(comp.flush())
    return zipfile.ZIP_STORED if size > limits.MAX_RATIO * max(deflated, 1) else zipfile.ZIP_DEFLATED


def write_zip(target: str | os.PathLike[str] | BinaryIO, entries: Iterable[tuple[str, bytes | Path]]) -> None:
    """Write a reproducible ZIP: sorted names, fixed times and modes, deflate at zlib's default level (6).

    An entry that deflate would shrink beyond ``MAX_RATIO`` (a blank scan, say) is stored instead, so
    our own bundles never trip the reader's zip-bomb check; so is a file that does not compress.
    Names must be allowed bundle names. ``bytes`` entries are held in memory; pass large files as
    ``Path`` to stream them.
    """
    items = sorted(entries, key=lambda item: item[0])
    names = [name for name, _ in items]
    for name in names:
        if (problem := _name_problem(name)) is not None:
            raise BundleError("bad_name", f"{name!r}: {problem}")
    if dup := [n for n, c in Counter(names).items() if c > 1]:
        raise BundleError("duplicate_name", dup[0])
    with zipfile.ZipFile(target, "w") as zf:
        for name, source in items:
            size = len(source) if isinstance(source, bytes) else source.stat().st_size
            info = zipfile.ZipInfo(name, date_time=_FIXED_TIME)
            info.create_system = _UNIX_SYSTEM
            info.external_attr = (stat.S_IFREG | 0o644) << 16
            info.file_size = size
            info.compress_type = _method_for(source, size)
            with zf.open(info, "w") as out:
                if isinstance(source, bytes):
                    out.write(source)
                else:
                    with open(source, "rb") as f:
                        shutil.copyfileobj(f, out, _CHUNK)


# --- reading -----------------------------------------------------------------------------------


class EntryStream(io.RawIOBase):
    """One entry's bytes, decompressed on demand, never more than declared, hashed as they pass.

    At the end of the data it checks the exact size, the deflate end marker and the CRC; after
    that ``sha256`` holds the hex digest and ``size`` the byte count.
    """

    def __init__(self, fileobj: IO[bytes], info: zipfile.ZipInfo, data_offset: int) -> None:
        super().__init__()
        self._file = fileobj
        self._info = info
        self._pos = data_offset
        self._compress_left = info.compress_size
        self._decomp = zlib.decompressobj(-15) if info.compress_type == zipfile.ZIP_DEFLATED else None
        self._pending = b""
        self._crc = 0
        self._hash = hashlib.sha256()
        self._finished = False
        self.size = 0
        self.sha256: str | None = None

    def readable(self) -> bool:
        return True

    def _raw(self, n: int) -> bytes:
        self._file.seek(self._pos)
        data = self._file.read(n)
        if len(data) != n:
            raise BundleError("truncated", self._info.filename)
        self._pos += n
        self._compress_left -= n
        return data

    def _next_chunk(self) -> bytes:
        """The next piece of output, b"" once the entry ended and was verified."""
        while not self._finished:
            if self._decomp is None:
                if self._compress_left == 0:
                    self._finish()
                    break
                data = self._raw(min(_CHUNK, self._compress_left))
            else:
                tail = self._decomp.unconsumed_tail
                raw = tail or (self._raw(min(_CHUNK, self._compress_left)) if self._compress_left else b"")
                try:
                    data = self._decomp.decompress(raw, _CHUNK)
                except zlib.error:
                    raise BundleError("truncated", self._info.filename) from None
                if not data:
                    if self._decomp.eof or not raw:
                        self._finish()
                        break
                    continue
            self.size += len(data)
            if self.size > self._info.file_size:
                raise BundleError(
                    "size_mismatch", f"{self._info.filename}: more than {self._info.file_size} bytes"
                )
            self._crc = zlib.crc32(data, self._crc)
            self._hash.update(data)
            return data
        return b""

    def _finish(self) -> None:
        name = self._info.filename
        if self._decomp is not None and not self._decomp.eof:
            raise BundleError("truncated", name)
        if self._compress_left or (self._decomp is not None and self._decomp.unused_data):
            raise BundleError("size_mismatch", f"{name}: compressed size")
        if self.size != self._info.file_size:
            raise BundleError("size_mismatch", f"{name}: {self.size} != {self._info.file_size} bytes")
        if self._crc != self._info.CRC:
            raise BundleError("crc", name)
        self._finished = True
        self.sha256 = self._hash.hexdigest()

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        view = memoryview(buffer).cast("B")
        if not self._pending:
            self._pending = self._next_chunk()
        n = min(len(view), len(self._pending))
        view[:n] = self._pending[:n]
        self._pending = self._pending[n:]
        return n


class SafeZipReader:
    """A bundle ZIP opened under ``limits``; every refusal is a ``BundleError`` with a reason code.

    ``source`` is a path, bytes or a seekable binary file (left open; a path is closed by ``close``).
    """

    def __init__(self, source: str | os.PathLike[str] | bytes | IO[bytes]) -> None:
        if isinstance(source, bytes):
            self._file: IO[bytes] = io.BytesIO(source)
            self._owned = True
        elif isinstance(source, str | os.PathLike):
            self._file = open(source, "rb")  # noqa: SIM115 - closed by close()
            self._owned = True
        else:
            self._file = source
            self._owned = False
        try:
            self._infos = self._check_directory()
        except BaseException:
            self.close()
            raise

    def _check_directory(self) -> dict[str, zipfile.ZipInfo]:
        f = self._file
        f.seek(0, os.SEEK_END)
        self._size = f.tell()
        if self._size > limits.MAX_BUNDLE_BYTES:
            raise BundleError("too_large", f"{self._size} bytes")
        if self._size < _EOCD.size:
            raise BundleError("truncated")
        # Our writer never adds an archive comment, so the end record must be the last 22 bytes.
        # Reading it ourselves bounds the directory before zipfile builds an object per entry.
        f.seek(self._size - _EOCD.size)
        sig, disk, cd_disk, disk_entries, total_entries, cd_size, cd_offset, comment = _EOCD.unpack(
            f.read(_EOCD.size)
        )
        if sig != b"PK\x05\x06" or comment:
            raise BundleError("truncated", "no end of central directory")
        if total_entries > limits.MAX_ENTRIES or disk_entries != total_entries or disk or cd_disk:
            raise BundleError("too_many_entries", str(total_entries))
        if cd_size > limits.MAX_CENTRAL_DIRECTORY_BYTES or cd_offset + cd_size > self._size:
            raise BundleError("too_many_entries", "central directory")
        try:
            f.seek(0)
            with zipfile.ZipFile(f) as zf:
                infos = zf.infolist()
        except (zipfile.BadZipFile, EOFError, ValueError, struct.error, NotImplementedError) as exc:
            raise BundleError("truncated", str(exc)[:120]) from None
        if len(infos) > limits.MAX_ENTRIES:
            raise BundleError("too_many_entries", str(len(infos)))

        counts = Counter(info.orig_filename for info in infos)
        total = 0
        for info in infos:
            name = info.orig_filename  # before zipfile cuts at NUL or turns os.sep into "/"
            if info.is_dir() or name.endswith("/"):
                raise BundleError("not_regular", name[:100])
            if (problem := _name_problem(name)) is not None or name != info.filename:
                raise BundleError("bad_name", f"{name[:100]!r}: {problem or 'NUL byte'}")
            if counts[name] > 1:
                raise BundleError("duplicate_name", name)
            mode = info.external_attr >> 16
            if info.create_system == _UNIX_SYSTEM and mode and stat.S_IFMT(mode) not in (0, stat.S_IFREG):
                raise BundleError("not_regular", name)
            if info.external_attr & 0x10:  # MS-DOS directory attribute
                raise BundleError("not_regular", name)
            if info.flag_bits & 0x1:
                raise BundleError("encrypted_entry", name)
            if info.compress_type not in (zipfile.ZIP_STORED, zipfile.ZIP_DEFLATED):
                raise BundleError("compression", f"{name}: method {info.compress_type}")
            if info.file_size > limits.MAX_UNCOMPRESSED:
                raise BundleError("too_large", f"{name}: {info.file_size} bytes")
            if info.file_size > limits.MAX_RATIO * max(info.compress_size, 1):
                raise BundleError("ratio", f"{name}: {info.file_size} / {info.compress_size}")
            if info.compress_size > self._size:
                raise BundleError("truncated", name)
            total += info.file_size
            if total > limits.MAX_UNCOMPRESSED:
                raise BundleError("too_large", f"total {total} bytes declared")
        return {info.orig_filename: info for info in infos}

    def __enter__(self) -> SafeZipReader:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self._owned:
            self._file.close()

    def names(self) -> list[str]:
        """Entry names in archive order."""
        return list(self._infos)

    def info(self, name: str) -> zipfile.ZipInfo:
        try:
            return self._infos[name]
        except KeyError:
            raise BundleError("missing_file", name) from None

    def _data_offset(self, info: zipfile.ZipInfo) -> int:
        self._file.seek(info.header_offset)
        header = self._file.read(_LOCAL_HEADER.size)
        if len(header) != _LOCAL_HEADER.size or header[:4] != b"PK\x03\x04":
            raise BundleError("truncated", info.filename)
        fields = _LOCAL_HEADER.unpack(header)
        name_len: int = fields[9]
        extra_len: int = fields[10]
        if self._file.read(name_len) != info.orig_filename.encode("ascii"):
            raise BundleError("bad_name", f"{info.filename}: local header names another file")
        offset = info.header_offset + _LOCAL_HEADER.size + name_len + extra_len
        if offset + info.compress_size > self._size:
            raise BundleError("truncated", info.filename)
        return offset

    def open_stream(self, name: str) -> EntryStream:
        """A checked, hashing stream over one entry; read it to the end to get its verdict."""
        info = self.info(name)
        return EntryStream(self._file, info, self._data_offset(info))

    def read(self, name: str, max_bytes: int) -> bytes:
        """The whole entry, refused (before decompressing) if it declares more than ``max_bytes``."""
        info = self.info(name)
        if info.file_size > max_bytes:
            raise BundleError("too_large", f"{name}: {info.file_size} > {max_bytes} bytes")
        stream = self.open_stream(name)
        parts = []
        while chunk := stream.read(_CHUNK):
            parts.append(chunk)
        return b"".join(parts)

    def sha256_and_size(self, name: str) -> tuple[str, int]:
        """SHA-256 (hex) and size of an entry, streamed without holding it in memory."""
        stream = self.open_stream(name)
        while stream.read(_CHUNK):
            pass
        assert stream.sha256 is not None  # set once the stream ended and was verified
        return stream.sha256, stream.size

    def copy_to(self, name: str, out: IO[bytes]) -> tuple[str, int]:
        """Stream an entry into ``out``; returns its SHA-256 and size (write to a temp file first)."""
        stream = self.open_stream(name)
        while chunk := stream.read(_CHUNK):
            out.write(chunk)
        assert stream.sha256 is not None
        return stream.sha256, stream.size


# --- the age envelope ----------------------------------------------------------------------------


def _fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # Windows cannot open a directory for fsync; NTFS journals the rename
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(out_path: str | os.PathLike[str], fill: Callable[[IO[bytes]], None]) -> None:
    """Create ``out_path`` whole or not at all: ``fill(file)`` writes a temp file beside it,
    which is fsynced and renamed over the target, then the directory is fsynced."""
    target = Path(out_path)
    fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent)
    tmp = Path(tmp_name)
    try:
        with os.fdopen(fd, "wb") as f:
            fill(f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise
    _fsync_dir(target.parent)


def _recipient(recipient_age: str) -> x25519.Recipient:
    try:
        return x25519.Recipient.from_str(recipient_age)
    except (pyrage.RecipientError, ValueError, TypeError):
        raise BundleError("bad_recipient") from None


def seal_bundle(
    source: bytes | str | os.PathLike[str] | IO[bytes], recipient_age: str, out_path: str | os.PathLike[str]
) -> None:
    """Encrypt a bundle ZIP to one office's age recipient and write it atomically to ``out_path``."""
    recipient = _recipient(recipient_age)

    def fill(out: IO[bytes]) -> None:
        if isinstance(source, bytes):
            pyrage.encrypt_io(io.BytesIO(source), out, [recipient])
        elif isinstance(source, str | os.PathLike):
            with open(source, "rb") as f:
                pyrage.encrypt_io(f, out, [recipient])
        else:
            pyrage.encrypt_io(source, out, [recipient])

    atomic_write(out_path, fill)


SPOOL_IN_MEMORY = 32 * limits.MB  # larger decrypted bundles spill to a temp file


def open_bundle(path: str | os.PathLike[str], identity: str | x25519.Identity) -> IO[bytes]:
    """Decrypt a bundle file into a seekable temporary file (positioned at 0) for ``SafeZipReader``.

    The encrypted size is checked first; a file not encrypted to ``identity``, or damaged, raises
    ``BundleError("decrypt")``. The caller closes the returned file.
    """
    source = Path(path)
    size = source.stat().st_size
    if size > limits.MAX_BUNDLE_BYTES:
        raise BundleError("too_large", f"{size} bytes")
    if isinstance(identity, str):
        identity = x25519.Identity.from_str(identity)
    out = tempfile.SpooledTemporaryFile(max_size=SPOOL_IN_MEMORY)  # noqa: SIM115 - returned to the caller
    try:
        with open(source, "rb") as f:  # an unreadable file is the caller's OSError, not a bad bundle
            _decrypt(f, out, identity)
    except BaseException:
        out.close()
        raise
    out.seek(0)
    return out  # type: ignore[return-value]


def _decrypt(source: IO[bytes], out: IO[bytes], identity: x25519.Identity) -> None:
    """age's verdict on the envelope as ``BundleError("decrypt")``.

    pyrage raises ``DecryptError`` for a bad header or no matching key, but a payload damaged after a
    valid header (a flipped byte, a cut-off copy) surfaces as a bare ``OSError("decryption error")``
    without an errno. Real I/O failures (disk full while spooling, a failing USB stick) carry an
    errno and propagate unchanged: they say nothing about the bundle.
    """
    try:
        pyrage.decrypt_io(source, out, [identity])
    except pyrage.DecryptError:
        raise BundleError("decrypt") from None
    except OSError as exc:
        if exc.errno is not None:
            raise
        raise BundleError("decrypt") from None
