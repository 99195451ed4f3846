"""Hard limits on what a bundle may hold, and the error every bundle refusal raises.

A bundle comes from another office on a USB stick or by e-mail, so everything in it is checked
against these numbers before it is decompressed, parsed or trusted.
"""

from __future__ import annotations

from cluster_desktop.domain.errors import DomainError

MB = 1024 * 1024

MAX_BUNDLE_BYTES = 200 * MB  # the encrypted file, and the ZIP inside it
MAX_ENTRIES = 10_000  # files in the ZIP
MAX_UNCOMPRESSED = 1024 * MB  # declared uncompressed size of all entries together
MAX_RATIO = 100  # uncompressed / compressed, per entry
MAX_CENTRAL_DIRECTORY_BYTES = MAX_ENTRIES * 1024  # bounds parsing work before the entry count is known
MAX_MANIFEST_BYTES = 1 * MB
MAX_JSON_DEPTH = 32
MAX_JSON_BYTES = 16 * MB  # default for one JSON document (a manifest, a certificate, a record line)
MAX_RECORD_LINE_BYTES = 4 * MB  # one line of records/<table>.jsonl
SIGNATURE_BYTES = 64  # manifest.sig: one raw Ed25519 signature

# reason code -> (Persian, English); what a clerk reads when a bundle is refused.
REASONS: dict[str, tuple[str, str]] = {
    # JSON
    "utf8": ("متن بسته با کدگذاری UTF-8 خوانا نیست.", "The bundle text is not valid UTF-8."),
    "bom": ("متن بسته با نشانه BOM آغاز شده است که پذیرفته نیست.", "The bundle text starts with a BOM."),
    "syntax": ("ساختار JSON در بسته نادرست است.", "The bundle contains malformed JSON."),
    "duplicate_key": ("یک کلید در JSON بسته تکراری است.", "The bundle JSON repeats a key."),
    "nan": ("عدد نامعتبر (NaN یا بی‌نهایت) در بسته است.", "The bundle JSON holds NaN or Infinity."),
    "depth": ("تودرتویی JSON بسته بیش از حد مجاز است.", "The bundle JSON is nested too deeply."),
    "surrogate": ("نویسهٔ نامعتبر یونیکد در بسته است.", "The bundle JSON holds an unpaired surrogate."),
    # ZIP container
    "too_large": (
        "حجم بسته یا یکی از فایل‌های آن بیش از حد مجاز است.",
        "The bundle or one of its files is too large.",
    ),
    "too_many_entries": ("تعداد فایل‌های درون بسته بیش از حد مجاز است.", "The bundle holds too many files."),
    "ratio": (
        "یکی از فایل‌های بسته بیش از حد فشرده شده است (احتمال بمب فشرده‌سازی).",
        "A file in the bundle is compressed beyond the allowed ratio (possible zip bomb).",
    ),
    "bad_name": ("نام یکی از فایل‌های درون بسته مجاز نیست.", "A file name in the bundle is not allowed."),
    "duplicate_name": ("یک فایل دو بار در بسته آمده است.", "A file appears twice in the bundle."),
    "not_regular": (
        "بسته پوشه یا پیوند نمادین دارد که پذیرفته نیست.",
        "The bundle holds a directory or symbolic link.",
    ),
    "encrypted_entry": ("یکی از فایل‌های درون بسته رمزدار است.", "A file inside the bundle is encrypted."),
    "compression": (
        "روش فشرده‌سازی یکی از فایل‌ها پشتیبانی نمی‌شود.",
        "A file uses an unsupported compression method.",
    ),
    "truncated": ("فایل بسته ناقص یا خراب است.", "The bundle file is truncated or damaged."),
    "size_mismatch": (
        "اندازهٔ واقعی یکی از فایل‌های بسته با اندازهٔ اعلام‌شده نمی‌خواند.",
        "A file in the bundle does not have its declared size.",
    ),
    "crc": ("یکی از فایل‌های بسته خراب است (CRC نادرست).", "A file in the bundle is damaged (bad CRC)."),
    "missing_file": (
        "فایلی که باید در بسته باشد پیدا نشد.",
        "A file the bundle should contain is missing.",
    ),
    # manifest, signature, envelope
    "bad_manifest": ("فهرست محتوای بسته (manifest) نامعتبر است.", "The bundle manifest is invalid."),
    "bad_signature": (
        "امضای بسته درست نیست؛ بسته دست‌کاری شده یا از فرستندهٔ دیگری است.",
        "The bundle signature does not verify; it was altered or comes from another sender.",
    ),
    "decrypt": (
        "این بسته برای این دفتر رمز نشده یا خراب است.",
        "This bundle is not encrypted to this office, or is damaged.",
    ),
    "bad_recipient": ("کلید رمزگذاری گیرنده نامعتبر است.", "The recipient's encryption key is invalid."),
    "schema_revision": (
        "این بسته با نسخهٔ دیگری از نرم‌افزار (ساختار دادهٔ دیگری) ساخته شده است؛ نرم‌افزار هر دو دفتر را به"
        " یک نسخه به‌روز کنید و بسته را دوباره بسازید.",
        "This bundle was made by another version of the program (another data schema); bring both"
        " offices to the same version and export the bundle again.",
    ),
}


class BundleError(DomainError):
    """A bundle refused for a reason named by ``reason`` (a key of ``REASONS``).

    ``detail`` (a file name, a field, an offset) is appended to both messages so support staff can
    tell two refusals with the same reason apart.
    """

    def __init__(
        self, reason: str, detail: str | None = None, *, fa: str | None = None, en: str | None = None
    ):
        default_fa, default_en = REASONS.get(reason, ("بسته نامعتبر است.", "The bundle is invalid."))
        fa = fa or default_fa
        en = en or default_en
        if detail:
            fa = f"{fa} ({detail})"
            en = f"{en} ({detail})"
        super().__init__(fa, en)
        self.reason = reason
        self.detail = detail

    def __repr__(self) -> str:
        return f"BundleError({self.reason!r}, {self.detail!r})"
