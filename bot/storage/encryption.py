"""Encryption at rest for what clients write (decision 4).

Every column that holds a client's own words uses `PrivateText`, so no model can forget it.
The cipher belongs to the engine it encrypts for (set on its dialect by `Database`), which
keeps two databases with different keys apart, as tests and key rotation need.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from sqlalchemy.engine import Dialect
from sqlalchemy.types import Text, TypeDecorator

log = logging.getLogger(__name__)

KEY_FILE_MODE = 0o600


class EncryptionKeyError(RuntimeError):
    """The key is missing, malformed, or not the one the data was written with."""


class FieldCipher:
    """Fernet with rotation: encrypts with the first key, decrypts with any of them."""

    def __init__(self, keys: Sequence[bytes]) -> None:
        if not keys:
            raise EncryptionKeyError("at least one encryption key is needed")
        self.keys = tuple(keys)
        try:
            self._fernet = MultiFernet([Fernet(key) for key in keys])
        except (ValueError, TypeError) as error:
            raise EncryptionKeyError(
                "DATA_ENCRYPTION_KEY is not a valid Fernet key: each key is 32 url-safe "
                "base64-encoded bytes (make one with `python -m bot newkey`)"
            ) from error

    def encrypt(self, text: str) -> str:
        return self._fernet.encrypt(text.encode("utf-8")).decode("ascii")

    def decrypt(self, token: str) -> str:
        try:
            return self._fernet.decrypt(token.encode("ascii")).decode("utf-8")
        except InvalidToken as error:
            raise EncryptionKeyError(
                "stored data cannot be decrypted with DATA_ENCRYPTION_KEY: "
                "is the key the one this database was written with?"
            ) from error

    def rotate(self, token: str) -> str:
        """The same plaintext, encrypted again with the first (newest) key."""
        try:
            return self._fernet.rotate(token.encode("ascii")).decode("ascii")
        except InvalidToken as error:
            raise EncryptionKeyError("a stored value matches none of the keys") from error


def attach_cipher(dialect: Dialect, cipher: FieldCipher) -> None:
    dialect.waypoint_cipher = cipher  # type: ignore[attr-defined]


def cipher_of(dialect: Dialect) -> FieldCipher:
    cipher = getattr(dialect, "waypoint_cipher", None)
    if not isinstance(cipher, FieldCipher):
        # Refuse rather than write a client's words in plaintext.
        raise EncryptionKeyError("no encryption key is configured for this database")
    return cipher


class PrivateText(TypeDecorator[str]):
    """Text a client wrote, stored as a Fernet token."""

    impl = Text
    cache_ok = True

    def process_bind_param(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else cipher_of(dialect).encrypt(value)

    def process_result_value(self, value: str | None, dialect: Dialect) -> str | None:
        return None if value is None else cipher_of(dialect).decrypt(value)


def parse_keys(setting: str) -> list[bytes]:
    """DATA_ENCRYPTION_KEY: one key, or several separated by commas, newest first."""
    return [part.strip().encode("ascii") for part in setting.split(",") if part.strip()]


def embedded_key(key_file: Path) -> bytes:
    """The embedded default's key: read from its file, or made on first start."""
    if key_file.exists():
        return key_file.read_bytes().strip()
    key_file.parent.mkdir(parents=True, exist_ok=True)
    key = Fernet.generate_key()
    descriptor = os.open(key_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, KEY_FILE_MODE)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(key + b"\n")
    log.warning(
        "encryption_key_generated file=%s (set DATA_ENCRYPTION_KEY in production)", key_file
    )
    return key


def new_key() -> str:
    return Fernet.generate_key().decode("ascii")
