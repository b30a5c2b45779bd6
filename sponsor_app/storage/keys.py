"""The keys of a protected group file: a recovery secret, the data key made from it, and the
passphrase slot that unlocks it.

A protected file is encrypted by SQLCipher (AES-256, HMAC-SHA512 on every page: its defaults)
with a **data key** derived from a random 160-bit **recovery secret**:

- the **recovery code** a person prints is that secret (Crockford base32, with a check group),
  so the code alone opens the file, and every copy and backup of it, on any computer;
- the **passphrase** opens it through a **passphrase slot**: the secret encrypted with AES-GCM
  under a key stretched from the passphrase by PBKDF2-HMAC-SHA512 with SQLCipher 4's own
  default iteration count (256,000). Changing the passphrase writes a new slot, never the file;
  a wrong passphrase fails the slot's authentication, so it is told apart from a damaged file.
- SQLCipher is given the data key in its raw form (``x'…'``): a random 256-bit key needs no
  stretching, and each of the many connections the app makes (pool, backups, checks) then opens
  in microseconds instead of SQLCipher re-running its key derivation (0.1 s) for every one.

SQLCipher's file format has no room for a slot, so the slot lives in a small **key file** beside
the group file (``NAME.sponsor-key``, JSON, owner-only) and in the app's own folder under the
key's id (so backups, moved files and copies on this computer open with the passphrase too).
Neither holds anything a person wrote; without the passphrase a slot is useless.

The file itself says it is protected and which key it needs: its first 96 bytes stay plain
(SQLCipher's plaintext header), showing SQLite's signature, the app's id and, in the
``user_version`` field, the key's id.
"""

from __future__ import annotations

import base64
import contextlib
import hashlib
import json
import os
import secrets
import stat
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.ciphers.aead import AESGCM
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from cryptography.hazmat.primitives.kdf.pbkdf2 import PBKDF2HMAC

from ..domain.plurals import counted
from . import files

SECRET_BYTES = 20  # 160 bits: 32 characters of base32
KDF_ITERATIONS = 256_000  # SQLCipher 4's default for PBKDF2-HMAC-SHA512
# What a slot may say it was stretched with: what this version writes, up to four times it
# (room for a later version to raise it). Anything else is a damaged (or edited) key file.
ITERATION_RANGE = (KDF_ITERATIONS, 4 * KDF_ITERATIONS)
KEY_FILE_SUFFIX = "-key"
_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford: no I, L, O, U
_READ_AS = {"O": "0", "I": "1", "L": "1"}
CODE_GROUPS = 9  # 8 groups of the secret and one check group, four characters each
_SLOT_CONTEXT = b"Sponsor Desk passphrase slot 1"


class BadRecoveryCode(ValueError):
    """Typed text that is not a recovery code at all (length or check group wrong)."""


@dataclass(frozen=True, repr=False)
class DataKey:
    """A protected file's key, made from its recovery secret. Its repr never shows it."""

    secret: bytes
    key: bytes = field(init=False)
    salt: bytes = field(init=False)
    key_id: int = field(init=False)

    def __post_init__(self) -> None:
        if len(self.secret) != SECRET_BYTES:
            raise ValueError("a recovery secret has 20 bytes")
        derived = HKDF(
            algorithm=hashes.SHA256(), length=52, salt=None, info=b"Sponsor Desk data key 1"
        ).derive(self.secret)
        object.__setattr__(self, "key", derived[:32])
        object.__setattr__(self, "salt", derived[32:48])
        # PRAGMA user_version is a signed 32-bit number; 0 is what a plain file holds.
        key_id = int.from_bytes(derived[48:52], "big", signed=True) or 1
        object.__setattr__(self, "key_id", key_id)

    def __repr__(self) -> str:
        return f"DataKey(id={self.key_id:#x})"

    @classmethod
    def new(cls) -> DataKey:
        return cls(secrets.token_bytes(SECRET_BYTES))

    @property
    def pragma(self) -> str:
        """SQLCipher's raw key with its salt, as PRAGMA key takes it (inside double quotes)."""
        return f"x'{self.key.hex()}{self.salt.hex()}'"

    @property
    def recovery_code(self) -> str:
        return format_code(self.secret)

    @classmethod
    def from_recovery_code(cls, text: str) -> DataKey:
        return cls(parse_code(text))


def key_id_text(key_id: int) -> str:
    return f"{key_id & 0xFFFFFFFF:08x}"


# --- recovery codes ------------------------------------------------------------------------------
def _base32(data: bytes, characters: int) -> str:
    """`characters` of base32 from the first bits of `data` (padded with zero bits)."""
    number = int.from_bytes(data, "big")
    spare = characters * 5 - len(data) * 8
    number = number << spare if spare >= 0 else number >> -spare
    return "".join(
        _ALPHABET[(number >> (5 * (characters - 1 - n))) & 31] for n in range(characters)
    )


def _check_group(secret: bytes) -> str:
    return _base32(hashlib.sha256(b"check" + secret).digest()[:3], 4)


def format_code(secret: bytes) -> str:
    text = _base32(secret, 32) + _check_group(secret)
    return "-".join(text[n : n + 4] for n in range(0, len(text), 4))


def parse_code(text: str) -> bytes:
    """The secret a typed recovery code holds: case, spaces and dashes do not matter, and
    O/I/L are read as 0/1 (they are never printed)."""
    cleaned = "".join(_READ_AS.get(c, c) for c in text.upper() if c not in " -\t\n")
    if len(cleaned) != CODE_GROUPS * 4 or any(c not in _ALPHABET for c in cleaned):
        raise BadRecoveryCode(
            f"A recovery code has {counted(CODE_GROUPS, 'group')} of four letters and digits."
        )
    number = 0
    for character in cleaned[:32]:
        number = number * 32 + _ALPHABET.index(character)
    secret = number.to_bytes(SECRET_BYTES, "big")
    if _check_group(secret) != cleaned[32:]:
        raise BadRecoveryCode("That recovery code has a mistake in it: check each group.")
    return secret


# --- the passphrase slot -------------------------------------------------------------------------
@dataclass(frozen=True, repr=False)
class PassphraseSlot:
    """The recovery secret encrypted under a passphrase (safe to store: useless without it)."""

    key_id: int
    salt: bytes
    nonce: bytes
    wrapped: bytes
    iterations: int = KDF_ITERATIONS

    def to_json(self) -> str:
        return json.dumps(
            {
                "sponsor_desk": "passphrase slot",
                "version": 1,
                "key_id": key_id_text(self.key_id),
                "kdf": "PBKDF2-HMAC-SHA512",
                "iterations": self.iterations,
                "salt": _b64(self.salt),
                "cipher": "AES-256-GCM",
                "nonce": _b64(self.nonce),
                "wrapped": _b64(self.wrapped),
            },
            indent=1,
        )

    @classmethod
    def from_json(cls, text: str) -> PassphraseSlot | None:
        """The slot, or None when the text is not one the app writes: every parameter is
        checked against what `lock_with` makes (an edited "iterations" of -5 overflowed, one
        of 2,000,000,000 made a check run for hours)."""
        try:
            data = json.loads(text)
            if data.get("sponsor_desk") != "passphrase slot" or data.get("version") != 1:
                return None
            if data.get("kdf") != "PBKDF2-HMAC-SHA512" or data.get("cipher") != "AES-256-GCM":
                return None
            if len(data["key_id"]) != 8:
                return None
            key_id = int.from_bytes(bytes.fromhex(data["key_id"]), "big", signed=True)
            iterations = data["iterations"]
            if (
                type(iterations) is not int
                or not ITERATION_RANGE[0] <= iterations <= ITERATION_RANGE[1]
            ):
                return None
            slot = cls(
                key_id,
                base64.b64decode(data["salt"], validate=True),
                base64.b64decode(data["nonce"], validate=True),
                base64.b64decode(data["wrapped"], validate=True),
                iterations,
            )
        except (ValueError, KeyError, TypeError, AttributeError):
            return None
        sizes = (len(slot.salt), len(slot.nonce), len(slot.wrapped))
        return slot if sizes == (16, 12, SECRET_BYTES + 16) else None


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _stretch(passphrase: str, salt: bytes, iterations: int) -> bytes:
    # NFC: the same passphrase typed on another keyboard (a precomposed or combining macron)
    # gives the same bytes.
    text = unicodedata.normalize("NFC", passphrase).encode("utf-8")
    return PBKDF2HMAC(hashes.SHA512(), 32, salt, iterations).derive(text)


def _context(key_id: int) -> bytes:
    return _SLOT_CONTEXT + key_id.to_bytes(4, "big", signed=True)


def lock_with(passphrase: str, key: DataKey, iterations: int = KDF_ITERATIONS) -> PassphraseSlot:
    salt, nonce = secrets.token_bytes(16), secrets.token_bytes(12)
    wrapped = AESGCM(_stretch(passphrase, salt, iterations)).encrypt(
        nonce, key.secret, _context(key.key_id)
    )
    return PassphraseSlot(key.key_id, salt, nonce, wrapped, iterations)


def unlock_with(slot: PassphraseSlot, passphrase: str) -> DataKey | None:
    """The key the slot holds, or None when the passphrase is not the slot's."""
    try:
        secret = AESGCM(_stretch(passphrase, slot.salt, slot.iterations)).decrypt(
            slot.nonce, slot.wrapped, _context(slot.key_id)
        )
    except (InvalidTag, ValueError):
        return None
    key = DataKey(secret)
    return key if key.key_id == slot.key_id else None


# --- where slots are kept --------------------------------------------------------------------
def key_file(path: Path) -> Path:
    """The key file beside a group file: `group.sponsor-key`, beside the file itself when
    `path` is a symbolic link to it (protecting rewrites the real file, whatever link led to
    it)."""
    return Path(f"{Path(path).resolve()}{KEY_FILE_SUFFIX}")


def _stored_if_any(key_id: int) -> Path:
    """Where this computer's slot of key `key_id` would be, without making any folder (reading
    must not fail on a key folder that cannot be made)."""
    from ..locations import data_dir

    return data_dir() / "keys" / f"{key_id_text(key_id)}.json"


def stored_slot(key_id: int) -> Path:
    """Where this computer keeps the slot of key `key_id` (its folder made if missing)."""
    from ..locations import private_folder

    place = _stored_if_any(key_id)
    private_folder(place.parent)
    return place


_LARGEST_SLOT = 64 * 1024  # a slot is a few hundred bytes of JSON


def read_slot(path: Path) -> PassphraseSlot | None:
    """The slot in `path`, or None. Only a small regular file is read: a key file that is a
    link to /dev/zero read until memory ran out, one to a pipe waited for ever."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        facts = os.fstat(fd)
        if not stat.S_ISREG(facts.st_mode) or facts.st_size > _LARGEST_SLOT:
            return None
        text = os.read(fd, _LARGEST_SLOT + 1).decode("utf-8")
        return PassphraseSlot.from_json(text)
    except (OSError, UnicodeDecodeError):
        return None
    finally:
        os.close(fd)


def slots_for(group_file: Path, key_id: int) -> list[PassphraseSlot]:
    """The slots that may open the file with key `key_id`: its key file, then this
    computer's own (the passphrase of either works)."""
    found = []
    for place in (key_file(group_file), _stored_if_any(key_id)):
        slot = read_slot(place)
        if slot is not None and slot.key_id == key_id and slot not in found:
            found.append(slot)
    return found


def key_file_problem(group_file: Path, key_id: int) -> str | None:
    """What is wrong with the key file beside `group_file` for key `key_id`: "missing",
    "folder", "damaged" (unreadable, empty, cut short, not a slot) or "another" (a slot of
    another key); None when it holds the slot."""
    place = key_file(group_file)
    if not place.exists():
        return "missing"
    if place.is_dir():
        return "folder"
    slot = read_slot(place)
    if slot is None:
        return "damaged"
    return None if slot.key_id == key_id else "another"


def stored_here(key_id: int) -> bool:
    """This computer keeps a slot of its own for key `key_id`."""
    slot = read_slot(_stored_if_any(key_id))
    return slot is not None and slot.key_id == key_id


def write_private(target: Path, text: str) -> None:
    """Owner-only, written whole: a temporary file renamed into place."""
    partial = target.with_name(f".{target.name}.{secrets.token_hex(4)}.partial")
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
        files.fsync_folder(target.parent)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise


def keep_slot(slot: PassphraseSlot, beside: Path | None = None) -> None:
    """Save the slot in this computer's store and, with `beside`, as that file's key file."""
    write_private(stored_slot(slot.key_id), slot.to_json())
    if beside is not None:
        write_private(key_file(beside), slot.to_json())


def copy_key_file(key: DataKey, target: Path, source: Path | None = None) -> None:
    """Give a copy of a protected file the key file it needs elsewhere: this computer's slot
    for its key (the current passphrase), or else the key file beside `source` (a computer
    that never protected the file opened it with that one)."""
    places = [_stored_if_any(key.key_id)]
    if source is not None:
        places.append(key_file(source))
    for place in places:
        slot = read_slot(place)
        if slot is not None and slot.key_id == key.key_id:
            write_private(key_file(target), slot.to_json())
            return


def remove_key_file(group_file: Path) -> None:
    key_file(group_file).unlink(missing_ok=True)
