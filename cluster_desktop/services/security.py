"""Password hashing and the office data key, both under scrypt (memory-hard).

Passwords: ``scrypt$N$r$p$salt$hash`` (parameters stored, so they can be raised later).
Private keys: sealed with AES-GCM under a random 32-byte data key; the data key is wrapped once per
key-holding user under that user's password (scrypt N=2^17, r=8: OWASP's recommendation). The
passphrase-wrapped copy exported for safekeeping uses age's own scrypt (sync.keys.seal_private_keys).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import secrets

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from cluster_desktop.domain.errors import DomainError

# Tests set CLUSTER_DESKTOP_FAST_KDF=1 so that hundreds of logins stay quick; parameters are stored
# with each hash and wrap, so a real installation never verifies against the weak ones.
_FAST = os.environ.get("CLUSTER_DESKTOP_FAST_KDF") == "1"
SCRYPT_N = 2**10 if _FAST else 2**17
SCRYPT_R = 8
SCRYPT_P = 1


def _scrypt(secret: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=n, r=r, p=p, maxmem=2**28, dklen=32)


def _b64(b: bytes) -> str:
    return base64.b64encode(b).decode("ascii")


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${_b64(salt)}${_b64(digest)}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
    except ValueError:
        return False
    if scheme != "scrypt":
        return False
    got = _scrypt(password, base64.b64decode(salt), int(n), int(r), int(p))
    return hmac.compare_digest(got, base64.b64decode(digest))


def new_data_key() -> bytes:
    return secrets.token_bytes(32)


def seal(data_key: bytes, plaintext: bytes) -> bytes:
    nonce = secrets.token_bytes(12)
    return b"CDK1" + nonce + AESGCM(data_key).encrypt(nonce, plaintext, b"cluster-desktop-keys")


def unseal(data_key: bytes, blob: bytes) -> bytes:
    if blob[:4] != b"CDK1":
        raise DomainError("کلیدهای دفتر خوانا نیستند.", "The office keys are unreadable.")
    try:
        return AESGCM(data_key).decrypt(blob[4:16], blob[16:], b"cluster-desktop-keys")
    except InvalidTag as exc:
        raise DomainError("کلیدهای دفتر خوانا نیستند.", "The office keys are unreadable.") from exc


def wrap_data_key(data_key: bytes, password: str) -> bytes:
    salt = secrets.token_bytes(16)
    kek = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    header = f"{SCRYPT_N}:{SCRYPT_R}:{SCRYPT_P}:".encode()
    nonce = secrets.token_bytes(12)
    return b"CDW1" + header + salt + nonce + AESGCM(kek).encrypt(nonce, data_key, b"cluster-desktop-wrap")


def unwrap_data_key(blob: bytes, password: str) -> bytes:
    wrong = DomainError("گذرواژه نادرست است.", "Wrong password.")
    if blob[:4] != b"CDW1":
        raise wrong
    n, r, p, rest = blob[4:].split(b":", 3)
    salt, nonce, ct = rest[:16], rest[16:28], rest[28:]
    kek = _scrypt(password, salt, int(n), int(r), int(p))
    try:
        return AESGCM(kek).decrypt(nonce, ct, b"cluster-desktop-wrap")
    except InvalidTag as exc:
        raise wrong from exc
