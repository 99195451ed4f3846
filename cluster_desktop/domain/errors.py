"""Errors that carry their message in Persian and English.

Services and domain rules are Qt-free, so they cannot use Qt's translation system; each refusal
is raised with both texts and shown in the language chosen at start-up (``set_language``).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
T = TypeVar("T")
_language = "fa"


def set_language(lang: str) -> None:
    """Choose the language of messages: ``"fa"`` (default) or ``"en"``."""
    global _language
    if lang not in ("fa", "en"):
        raise ValueError(f"unsupported language: {lang}")
    _language = lang


def language() -> str:
    return _language


def bilingual(fa: str, en: str) -> str:
    """Pick the text for the current language."""
    return fa if _language == "fa" else en


class DomainError(Exception):
    """A refusal with a message for people; ``field`` names the input that caused it, if any."""

    def __init__(self, fa: str, en: str, *, field: str | None = None) -> None:
        super().__init__(en)
        self.fa = fa
        self.en = en
        self.field = field

    def __str__(self) -> str:
        return bilingual(self.fa, self.en)


class ValidationError(DomainError):
    """Bad input: a value that cannot be accepted as given."""


class TransitionError(DomainError):
    """A workflow step that is not allowed from the current state, for this role, or without its inputs."""


class PermissionDenied(DomainError):
    """The acting user's role may not do this."""


class NotFound(DomainError):
    """A record that does not exist (or is not visible to this office)."""


class ConflictError(DomainError):
    """The change collides with existing data (a duplicate, a second license, ...)."""


class FormError(ValidationError):
    """Several fields refused at once; ``errors`` maps each field to its message (for beside-field display)."""

    def __init__(self, errors: list[ValidationError]) -> None:
        self.errors = errors
        super().__init__(
            "\n".join(e.fa for e in errors), "\n".join(e.en for e in errors), field=errors[0].field
        )

    def by_field(self) -> dict[str, str]:
        out: dict[str, str] = {}
        for e in self.errors:
            out.setdefault(e.field or "", str(e))
        return out


class FieldCollector:
    """Collects ValidationErrors while a whole form is checked, then raises them together."""

    def __init__(self) -> None:
        self.errors: list[ValidationError] = []

    def check(self, fn: Callable[P, T], *args: P.args, **kwargs: P.kwargs) -> T | None:
        """fn's result, or None with its errors collected."""
        try:
            return fn(*args, **kwargs)
        except ValidationError as e:
            if isinstance(e, FormError):
                self.errors.extend(e.errors)
            else:
                self.errors.append(e)
            return None

    def add(self, field: str, fa: str, en: str) -> None:
        self.errors.append(ValidationError(fa, en, field=field))

    def raise_if_any(self) -> None:
        if self.errors:
            raise FormError(self.errors)
