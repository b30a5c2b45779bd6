"""The one name finder: where a text names a person, and what to say instead.

Anything a person typed may hold a name. Before such text leaves the file anonymised (reports,
the bundle, combine, a calendar) or when a retention purge scrubs a person, it passes here. The
finder is built from what the file knows (`Known`: full names, family names, emails, phone
numbers, street addresses, donors and payees) and matches them as whole words, case and
diacritics aside ("YASMIN AL-KHATIB", "yāsmin", "Al Khatib's"): a full name, each part of a
person's name alone (a first name, a family name, either half of "Al-Khatib"), an email or a
phone number however it is spaced. Emails, phone numbers and street addresses it was not told
about are found by their shape too.

Matching works on words, not on a regular expression of every name: a text is folded once,
split into words, and each run of up to `_LONGEST` words is looked up in a dict, so a file with
thousands of names costs no more per text than one with ten.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache


class KnownKind(StrEnum):
    PERSON = "person"  # a person's full name: its parts are names too
    NAME = "name"  # a donor, payee, landlord or bond holder: the whole name, and its parts
    # only when it reads as a person's ("Margaret Smith", not "Kāpiti Rotary Club")
    EMAIL = "email"
    PHONE = "phone"
    ADDRESS = "address"
    # A name matched only whole, never by its parts: another person's name that must outrank
    # a part of the name being looked for ("Sami Haddad" is not "Sami" of "Sami Al-Khatib").
    WHOLE = "whole"


@dataclass(frozen=True)
class Known:
    """A personal value the file holds, and what anonymised text says in its place."""

    text: str
    label: str  # "a family member", "H1", "Volunteer 7", "a donor"...
    kind: KnownKind = KnownKind.PERSON


@dataclass(frozen=True)
class Found:
    """One place in a text that names someone: text[start:end] becomes `label`."""

    start: int
    end: int
    label: str


# Generic labels, for what was found by its shape or named by two different people.
SOMEONE = "someone"
# The label of a value found only so that it is left alone: the one person whose own data it
# is (a subject access keeps the volunteer's name while masking everyone else's) or another
# person whose whole name must outrank a part of the name being removed.
KEEP = "\x00keep"
AN_EMAIL = "an email address"
A_PHONE = "a phone number"
AN_ADDRESS = "an address"

# Words inside names that are no name alone ("Al" of "Al-Khatib", "van" of "van der Berg").
_PARTICLE_WORDS = (
    "a al an and abu bin bint binti da das de del della den der des di do dos du e el ibn la "
    "le les mac mc of st the van von y"
)
_PARTICLES = frozenset(_PARTICLE_WORDS.split())
# Words that say a name is an organisation's, so its words alone are not names.
_ORGANISATION_TEXT = (
    "agency agent airlines airways appeal appliances association bakery bank board books "
    "bowls broadband bus butcher cafe camp center centre charity church circle clinic club "
    "co college committee community company corporation council countdown courier cricket "
    "dental department dept doctors electric energy fellowship football foundation fund "
    "furniture garage gas group habitat hall hapu hardware harriers health high hospital "
    "hotel housing hub inc incorporated insurance interfaith intermediate internet iwi "
    "kainga kindergarten kitchen kiwanis landlord library limited lions lodge ltd mall "
    "management manager marae market mart medical memorial ministry mission mobile mosque "
    "motel motors netball network new organisation organization pak parish partners "
    "pharmacy playcentre post power preschool primary private property quakers realty "
    "rentals restaurant restore rotary rugby runanga school scouts secondary services shop "
    "society sports store supermarket surgery taxi team telecom temple tenancy trade "
    "traders transport trust university valley warehouse water welcome whanau world "
    "zealand"
)
_ORGANISATION_WORDS = frozenset(_ORGANISATION_TEXT.split())
_STREET_WORDS = (
    "street|st|road|rd|avenue|ave|lane|ln|drive|dr|crescent|cres|place|pl|terrace|tce|way|"
    "close|court|ct|grove|parade|highway|hwy|boulevard|blvd|square|sq|quay|rise|esplanade"
)
_LONGEST = 6  # words in the longest name looked up (longer ones are cut to their parts)

_WORD = re.compile(r"\w+")
_EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
# 7 to 15 digits, spaced by blanks, dots, dashes or brackets, perhaps after a +: a phone number.
# A date (2026-12-07, 07.12.2026) has fewer digits or a year's shape and is left alone below.
_PHONE = re.compile(r"(?<![\w+])\+?\(?\d[\d\s().-]{5,}\d(?!\w)")
_DATE_LIKE = re.compile(r"^\d{1,4}[-./ ]\d{1,2}[-./ ]\d{1,4}$")
_STREET = re.compile(
    rf"(?<!\w)\d+[a-z]?(?:/\d+)?\s+(?:[^\W\d_][\w'’-]*\s+){{1,4}}(?:{_STREET_WORDS})(?!\w)",
    re.IGNORECASE,
)


@lru_cache(maxsize=4096)
def _fold_char(char: str) -> str:
    # Turkish dotless ı folds to itself; a name typed with it is still the same name.
    decomposed = unicodedata.normalize("NFKD", char.casefold().replace("ı", "i"))
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _folded_with_origins(text: str) -> tuple[str, list[int] | None]:
    """The text folded (case and diacritics off) and, unless it kept its length, where each
    folded character came from."""
    if text.isascii():
        return text.lower(), None
    pieces, origins = [], []
    for index, char in enumerate(text):
        piece = _fold_char(char)
        pieces.append(piece)
        origins.extend([index] * len(piece))
    return "".join(pieces), origins


_COMBINING: dict[int, None] | None = None


def _fold_quick(text: str) -> str:
    """The same folding as _folded_with_origins, without the origins: in C, for a quick test
    of hundreds of thousands of texts."""
    global _COMBINING
    if text.isascii():
        return text.lower()
    if _COMBINING is None:  # every combining mark of the planes in use, once
        _COMBINING = {point: None for point in range(0x30000) if unicodedata.combining(chr(point))}
    return unicodedata.normalize("NFKD", text.casefold().replace("ı", "i")).translate(_COMBINING)


def _words(text: str) -> tuple[str, ...]:
    folded, _ = _folded_with_origins(text)
    return tuple(_WORD.findall(folded))


def _digits(text: str) -> str:
    return "".join(c for c in text if c.isdigit())


def name_parts(name: str) -> tuple[str, ...]:
    """The parts of a person's name that are names alone: "Yasmin Al-Khatib" gives "yasmin",
    "khatib" (folded); particles and single letters are left out."""
    return tuple(w for w in _words(name) if len(w) > 1 and w not in _PARTICLES)


def reads_as_person(name: str) -> bool:
    """ "Margaret Smith" reads as a person's name, "Kāpiti Rotary Club", "Hutt Valley
    Harriers" and "A HADDAD KOHA 12345" as an organisation's or a reference, and "Household
    allowance" as words (a person's name does not mix small and capital initials, particles
    aside): only a person's parts are masked alone."""
    words = _words(name)
    if not 2 <= len(words) <= 4 or any(w in _ORGANISATION_WORDS or w.isdigit() for w in words):
        return False
    initials = [w[0] for w in _WORD.findall(name) if w.casefold() not in _PARTICLES]
    return not (any(c.islower() for c in initials) and any(c.isupper() for c in initials))


class NameFinder:
    """Finds the known personal values (and emails, phones and addresses by their shape) in a
    text, and masks them."""

    def __init__(
        self, known: Iterable[Known], *, by_shape: bool = True, places: Iterable[str] = ()
    ):
        """`places`: words the file uses for places and for the group itself ("Kāpiti",
        "Nelson"): never a name alone when they are part of a donor's or payee's name
        ("Kāpiti Quakers"), though a person's name is masked whatever its words."""
        self._phrases: dict[tuple[str, ...], str] = {}
        self._emails: dict[str, str] = {}
        self._phones: dict[str, str] = {}
        self._by_shape = by_shape
        whole, parts = _Labels(), _Labels()
        place_words = {w for place in places for w in _words(place)}
        for item in known:
            if not item.text or not item.text.strip():
                continue
            if item.kind is KnownKind.EMAIL:
                _add(self._emails, item.text.strip().casefold(), item.label)
            elif item.kind is KnownKind.PHONE:
                if len(_digits(item.text)) >= 6:
                    _add(self._phones, _digits(item.text)[-9:], item.label)
            else:
                words = _words(item.text)[:_LONGEST]
                known_person = item.kind is KnownKind.PERSON
                if words:
                    whole.add(words, item.label, known_person)
                person = known_person or (
                    item.kind is KnownKind.NAME and reads_as_person(item.text)
                )
                if person:
                    for part in name_parts(item.text):
                        if known_person or part not in place_words:
                            parts.add((part,), item.label, known_person)
                if item.kind is KnownKind.ADDRESS:
                    street = item.text.split(",")[0]
                    if _words(street) != words and _words(street):
                        whole.add(_words(street)[:_LONGEST], item.label, False)
        # A whole name outranks a part of another's that happens to be the same word.
        self._phrases = {**parts, **whole}
        self._longest = max((len(k) for k in self._phrases), default=0)
        self._first_words = frozenset(k[0] for k in self._phrases)

    def __bool__(self) -> bool:
        return bool(self._phrases or self._emails or self._phones or self._by_shape)

    def find(self, text: str) -> list[Found]:
        """Every place in `text` that names someone, in order, none overlapping."""
        if not text:
            return []
        found = self._shaped(text) if (self._by_shape or self._emails or self._phones) else []
        found += self._named(text)
        return _without_overlaps(found)

    def mask(self, text: str) -> str:
        """`text` with each name, email, phone number and address replaced by its label
        (those labelled KEEP are left as they are)."""
        return self.masked(text)[0]

    def masked(self, text: str) -> tuple[str, tuple[tuple[int, int], ...]]:
        """`text` masked, and where in the result each label stands (start, end), so what
        was put in place of a name can be shown marked."""
        pieces: list[str] = []
        spans: list[tuple[int, int]] = []
        at = length = 0
        for item in self.find(text):
            if item.label == KEEP:
                continue
            pieces += [text[at : item.start], item.label]
            length += item.start - at
            spans.append((length, length + len(item.label)))
            length += len(item.label)
            at = item.end
        pieces.append(text[at:])
        return "".join(pieces), tuple(spans)

    def names_someone(self, text: str) -> bool:
        return any(item.label != KEEP for item in self.find(text))

    def quick_check(self, labels: Iterable[str]) -> Callable[[str], bool]:
        """A cheap test that is False only when `text` surely holds nothing that `find`
        would give one of `labels` (or SOMEONE): a purge runs `find` on hundreds of thousands
        of texts, nearly all of which name nobody it looks for."""
        wanted = {*labels, SOMEONE}
        words = {
            word
            for key, label in self._phrases.items()
            if label in wanted
            for word in key
            if len(word) > 1 and word not in _PARTICLES
        }
        emails = [e for e, label in self._emails.items() if label in wanted]
        phones = [p for p, label in self._phones.items() if label in wanted]
        pattern = (
            re.compile(r"\b(?:" + "|".join(map(re.escape, sorted(words, key=len))) + r")\b")
            if words
            else None
        )

        def may_name(text: str) -> bool:
            if not text:
                return False
            if pattern is not None and pattern.search(_fold_quick(text)):
                return True
            if emails and "@" in text:
                lowered = text.casefold()
                if any(email in lowered for email in emails):
                    return True
            if phones:
                for match in _PHONE.finditer(text):
                    digits = _digits(match.group())
                    if any(phone in digits or digits in phone for phone in phones):
                        return True
            return False

        return may_name

    # --- the two ways of finding ---------------------------------------------------------
    def _named(self, text: str) -> list[Found]:
        if not self._phrases:
            return []
        folded, origins = _folded_with_origins(text)
        words = [(m.group(), m.start(), m.end()) for m in _WORD.finditer(folded)]
        found, at = [], 0
        while at < len(words):
            if words[at][0] not in self._first_words:  # the quick path most words take
                at += 1
                continue
            for size in range(min(self._longest, len(words) - at), 0, -1):
                key = tuple(w for w, _, _ in words[at : at + size])
                label = self._phrases.get(key)
                if label is not None:
                    start, end = words[at][1], words[at + size - 1][2]
                    found.append(Found(*_original_span(text, origins, start, end), label))
                    at += size
                    break
            else:
                at += 1
        return found

    def _shaped(self, text: str) -> list[Found]:
        found = []
        if "@" in text:
            for match in _EMAIL.finditer(text):
                email = match.group().strip(".'-").casefold()
                label = self._emails.get(email, AN_EMAIL if self._by_shape else None)
                if label is not None:  # an email it was not told of, unless told to by shape
                    found.append(Found(match.start(), match.start() + len(email), label))
        if any(c.isdigit() for c in text):
            for match in _PHONE.finditer(text):
                digits = _digits(match.group())
                if 7 <= len(digits) <= 15 and not _DATE_LIKE.match(match.group().strip()):
                    label = self._phones.get(digits[-9:], A_PHONE if self._by_shape else None)
                    if label is not None:
                        found.append(Found(match.start(), match.end(), label))
            if self._by_shape:
                found += [Found(m.start(), m.end(), AN_ADDRESS) for m in _STREET.finditer(text)]
        return found


class _Labels(dict):
    """Words -> what to say instead. A person the file holds (a family member, a volunteer)
    outranks a donor or payee of the same name: the volunteer who also gave money is still
    "Volunteer 7"; two people of one name are "someone"."""

    def __init__(self):
        super().__init__()
        self._people: set = set()

    def add(self, key, label: str, person: bool) -> None:
        held = self.get(key)
        if held is None or held == label:
            self[key] = label
        elif person and key not in self._people:
            self[key] = label  # a person's own label over a donor's or payee's
        elif person or key not in self._people:
            self[key] = SOMEONE
        if person:
            self._people.add(key)


def _add(table: dict, key, label: str) -> None:
    """Two people sharing a name (a first name, say) are both "someone" where it stands
    alone: which of them is meant cannot be told, and either label would say too much."""
    held = table.get(key)
    table[key] = label if held is None or held == label else SOMEONE


def _original_span(text: str, origins: list[int] | None, start: int, end: int):
    if origins is None:
        return start, end
    last = origins[end - 1] + 1
    while last < len(text) and not _fold_char(text[last]):  # an accent after the match
        last += 1
    return origins[start], last


def _without_overlaps(found: list[Found]) -> list[Found]:
    kept: list[Found] = []
    for item in sorted(found, key=lambda f: (f.start, -(f.end - f.start))):
        if kept and item.start < kept[-1].end:
            if item.end > kept[-1].end:  # overlapping: one span covering both
                kept[-1] = Found(kept[-1].start, item.end, kept[-1].label)
            continue
        kept.append(item)
    return kept
