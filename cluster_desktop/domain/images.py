"""The letterhead image an office prints at the top of its documents: what is accepted.

The same check runs when a secretariat chooses its image and when a peer's image arrives in a
bundle, so a file that is not a whole PNG or JPEG, too large, or of absurd dimensions is refused in
both places with the same reason. The header is read first and the pixel count bounded before
anything is decoded (a small file may declare a huge bitmap).
"""

from __future__ import annotations

import io
from dataclasses import dataclass

from cluster_desktop.domain.errors import ValidationError
from cluster_desktop.domain.numbers import to_persian_digits

MAX_LETTERHEAD_BYTES = 1024 * 1024
MIN_SIDE = 32  # pixels: smaller prints as a smudge
MAX_SIDE = 6000
MAX_PIXELS = 24_000_000
MEDIA_TYPES = {"PNG": "image/png", "JPEG": "image/jpeg"}
FIELD = "letterhead"


@dataclass(frozen=True)
class LetterheadImage:
    media_type: str  # image/png | image/jpeg
    width: int
    height: int


def _refuse(fa: str, en: str) -> ValidationError:
    return ValidationError(fa, en, field=FIELD)


def check_size(size: int) -> None:
    """Refuse an empty file or one over the cap (also before reading a chosen file)."""
    if size <= 0:
        raise _refuse("پروندهٔ تصویر سربرگ خالی است.", "The letterhead image file is empty.")
    if size > MAX_LETTERHEAD_BYTES:
        kb, got = MAX_LETTERHEAD_BYTES // 1024, -(-size // 1024)
        raise _refuse(
            f"تصویر سربرگ حداکثر {to_persian_digits(kb)} کیلوبایت است؛ این پرونده "
            f"{to_persian_digits(got)} کیلوبایت است.",
            f"The letterhead image takes at most {kb} kB; this file is {got} kB.",
        )


def check_letterhead(data: bytes) -> LetterheadImage:
    """The image's type and size in pixels; ``ValidationError`` (field ``letterhead``) if refused."""
    check_size(len(data))
    from PIL import Image, UnidentifiedImageError

    not_image = _refuse(
        "این پرونده تصویر PNG یا JPEG سالم نیست.", "This file is not a sound PNG or JPEG image."
    )
    try:
        with Image.open(io.BytesIO(data)) as img:
            kind, (width, height) = img.format, img.size
            if kind not in MEDIA_TYPES:
                raise not_image
            if not (MIN_SIDE <= width <= MAX_SIDE and MIN_SIDE <= height <= MAX_SIDE) or (
                width * height > MAX_PIXELS
            ):
                raise _refuse(
                    f"ابعاد تصویر سربرگ ({to_persian_digits(width)}×{to_persian_digits(height)} نقطه) "
                    f"پذیرفته نیست؛ هر ضلع باید میان {to_persian_digits(MIN_SIDE)} و "
                    f"{to_persian_digits(MAX_SIDE)} نقطه باشد.",
                    f"The letterhead image's size ({width}×{height} pixels) is not accepted; each side "
                    f"must be between {MIN_SIDE} and {MAX_SIDE} pixels.",
                )
            img.load()  # decodes every pixel: a truncated or damaged file fails here
    except ValidationError:
        raise
    except (UnidentifiedImageError, OSError, ValueError, SyntaxError, Image.DecompressionBombError):
        raise not_image from None
    return LetterheadImage(MEDIA_TYPES[kind], width, height)
