"""Saving a record's list of child rows that are unique by a key (a year, a criterion).

Assigning a new list makes SQLAlchemy insert the new rows before deleting the old ones, which collides
on the unique key at the second save. Rows whose key stays are updated in place instead (their version
moves on only when a value changed, so bundles carry only real changes); new keys get new rows; keys
gone are deleted with the list.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any, TypeVar

from cluster_desktop.store.models import utcnow

Row = TypeVar("Row")


def merge_by_key(
    current: Iterable[Row],
    key: str,
    wanted: Iterable[Mapping[str, Any]],
    make: Callable[..., Row],
) -> list[Row]:
    """The new list: ``wanted`` (dicts of column values, each holding ``key``) matched to ``current``."""
    by_key = {getattr(row, key): row for row in current}
    rows: list[Row] = []
    for values in wanted:
        row = by_key.get(values[key])
        if row is None:
            row = make(**values)
        else:
            changed = {k: v for k, v in values.items() if getattr(row, k) != v}
            if changed:
                for k, v in changed.items():
                    setattr(row, k, v)
                row.version += 1  # type: ignore[attr-defined]
                row.updated_at = utcnow()  # type: ignore[attr-defined]
        rows.append(row)
    return rows
