"""Standard streams that carry Persian on every platform.

A Windows console, pipe or file opens Python's streams in the ANSI code page (cp1252 on an English
Windows, cp1256 on a Persian one), and a frozen build ignores ``PYTHONUTF8``: the first «→» or Persian
name written to a redirected stream raises ``UnicodeEncodeError``. Every entry point calls
:func:`use_utf8_streams` first, so output is UTF-8 wherever it goes.
"""

from __future__ import annotations

import codecs
import io
import sys


def _is_utf8(encoding: str | None) -> bool:
    if not encoding:
        return False
    try:
        return codecs.lookup(encoding).name == "utf-8"
    except LookupError:
        return False


def use_utf8_streams() -> None:
    """Re-open stdin, stdout and stderr as UTF-8 where they are something narrower.

    A windowed executable has no streams at all (``None``): nothing to do there; the log file is its
    record. Characters that still cannot be written (a lone surrogate) are escaped, never fatal.
    """
    for name in ("stdin", "stdout", "stderr"):
        stream = getattr(sys, name, None)
        if stream is None or _is_utf8(getattr(stream, "encoding", None)):
            continue
        errors = "strict" if name == "stdin" else "backslashreplace"
        if isinstance(stream, io.TextIOWrapper):
            stream.reconfigure(encoding="utf-8", errors=errors)
