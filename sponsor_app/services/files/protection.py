"""Passphrase protection as the window and the command line use it.

storage/protection.py does the work (and storage/keys.py says how the keys are kept); this
module adds what a person deals with: how strong a new passphrase is, the check that it was
typed the same twice, and one way to unlock with either the passphrase or the recovery code.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from ...domain.errors import InvalidInput, Problem
from ...domain.messages import Files, Message
from ...storage import protection as _storage
from ...storage.connect import check_is_group_file, forget_keys, protection_of
from ...storage.errors import (
    MistypedRecoveryCode,
    NotProtected,
    PassphraseNeeded,
    WrongPassphrase,
    WrongRecoveryCode,
)
from ...storage.keys import BadRecoveryCode, parse_code
from ...storage.protection import (
    Progress,
    Protected,
    change_passphrase,
    copies_left_plain,
    delete_copies,
    finish_interrupted_protection,
    is_protected,
    is_unlocked,
    new_recovery_code,
    protect_copies,
    unlock,
    unprotect_file,
)

__all__ = [
    "MistypedRecoveryCode",
    "NotProtected",
    "PassphraseNeeded",
    "Protected",
    "Strength",
    "WrongPassphrase",
    "WrongRecoveryCode",
    "change_passphrase",
    "check_is_group_file",
    "check_new_passphrase",
    "copies_left_plain",
    "delete_copies",
    "finish_interrupted_protection",
    "forget_keys",
    "guessable_words",
    "is_protected",
    "is_unlocked",
    "new_recovery_code",
    "protect_copies",
    "protect_file",
    "recovery_code_shown",
    "strength",
    "unlock",
    "unlock_with_either",
    "unprotect_file",
]


def protect_file(path: Path | str, passphrase: str, progress: Progress | None = None) -> Protected:
    """storage.protection.protect_file, and the start-up snapshot of the file (its figures and
    household codes in the app's folder) forgotten: none is kept for a protected file."""
    from .snapshot import forget_snapshot

    done = _storage.protect_file(Path(path), passphrase, progress)
    forget_snapshot(Path(path))
    return done


def recovery_code_shown(path: Path | str) -> None:
    """The person was shown the recovery code of the protected file at `path`: a later open
    no longer shows it (storage/protection.py marks it unshown until then)."""
    key_id = protection_of(Path(path).resolve())
    if key_id is not None:
        _storage.code_shown(key_id)


MIN_LENGTH = 8
MIN_SCORE = 2  # zxcvbn's "somewhat guessable": beyond ~10^8 guesses
_ESTIMATE_LENGTH = 72  # zxcvbn refuses longer; the rest only adds strength


@dataclass(frozen=True)
class Strength:
    """zxcvbn's estimate: a score from 0 (too guessable) to 4 (very unguessable), and its
    advice in English (the window words the score itself)."""

    score: int
    warning: str | Message  # zxcvbn's advice (its own English), or ours
    suggestions: tuple[str, ...]

    @property
    def acceptable(self) -> bool:
        return self.score >= MIN_SCORE


def strength(passphrase: str, context: tuple[str, ...] = ()) -> Strength:
    """How hard `passphrase` is to guess; words of `context` (the group's name, the file's
    name) count as known to a guesser."""
    if not passphrase:
        return Strength(0, "", ())
    from zxcvbn import zxcvbn  # its dictionaries load on first use, not at start-up

    words = [w for text in context for w in re.split(r"\W+", text) if len(w) > 2]
    words += [_plain(w) for w in words if _plain(w) != w]  # "Kāpiti" is typed "kapiti" too
    # zxcvbn rates each space as a random character, so any phrase of three words scored
    # "strong", the group's own name and "password password" included: the spaces count for
    # nothing here, and the weakest reading of the phrase is its rating.
    readings = {passphrase, re.sub(r"\s+", "", passphrase), re.sub(r"\s+", "", _plain(passphrase))}
    found = min(
        (zxcvbn(text[:_ESTIMATE_LENGTH], user_inputs=words) for text in readings if text),
        key=lambda result: result["guesses"],
    )
    feedback = found.get("feedback") or {}
    typed = {_plain(w).lower() for w in re.split(r"\W+", passphrase) if w}
    if typed and typed <= {_plain(w).lower() for w in words}:
        # zxcvbn allows any three "known" words 10^8 guesses; the group's own name is one guess.
        return Strength(0, Files.OWN_NAME_GUESSABLE(), ())
    return Strength(
        int(found["score"]), feedback.get("warning") or "", tuple(feedback.get("suggestions", ()))
    )


def _plain(word: str) -> str:
    decomposed = unicodedata.normalize("NFKD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def check_new_passphrase(
    passphrase: str, again: str, context: tuple[str, ...] = ()
) -> list[Problem]:
    """The problems with a new passphrase, each tied to its field ("passphrase", "again")."""
    if len(passphrase) < MIN_LENGTH:
        return [Problem("passphrase", Files.PASSPHRASE_TOO_SHORT(n=MIN_LENGTH))]
    rated = strength(passphrase, context)
    if not rated.acceptable:
        if isinstance(rated.warning, Message):  # ours: the group's own name
            return [Problem("passphrase", Files.TOO_EASY_OWN_NAME())]
        if rated.warning:  # zxcvbn's advice, in its English
            why = Files.TOO_EASY_BECAUSE(why=rated.warning.rstrip("."))
            return [Problem("passphrase", why)]
        return [Problem("passphrase", Files.TOO_EASY())]
    if again != passphrase:
        return [Problem("again", Files.PASSPHRASES_DIFFER())]
    return []


def guessable_words(path: Path | str) -> tuple[str, ...]:
    """What a guesser would try first for the file at `path`: its name and its group's."""
    from ...storage.facts import group_of_file

    group = group_of_file(Path(path))
    return (Path(path).stem, group.name) if group else (Path(path).stem,)


def require_new_passphrase(passphrase: str, again: str, context: tuple[str, ...] = ()) -> None:
    problems = check_new_passphrase(passphrase, again, context)
    if problems:
        raise InvalidInput(problems)


def looks_like_recovery_code(text: str) -> bool:
    try:
        parse_code(text)
    except BadRecoveryCode:
        return False
    return True


def unlock_with_either(path: Path | str, typed: str) -> None:
    """Unlock with what a person typed at one prompt: the recovery code if it is one (its
    check group makes a passphrase that merely looks like one impossible), else the
    passphrase."""
    if looks_like_recovery_code(typed):
        unlock(Path(path), recovery_code=typed)
    elif _SHAPED_LIKE_A_CODE.match(typed.strip()):
        # Nine groups of four with dashes is no passphrase: a code with a typing mistake.
        raise MistypedRecoveryCode(Path(path), Files.RECOVERY_CODE_MISTYPED())
    else:
        unlock(Path(path), passphrase=typed)


_SHAPED_LIKE_A_CODE = re.compile(r"^[0-9A-Za-z]{4}(?:[ -]+[0-9A-Za-z]{4}){8}$")
