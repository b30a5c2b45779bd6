"""What the file knows of people, for the one name finder (domain/name_finder.py).

Every column that holds who someone is (a name, an email, a phone number, a street address, a
donor, payee, landlord or bond holder) is read here, each value with what anonymised text says
in its place. Anonymised outputs build their finder from all of it; a retention purge builds
one from a single household's or volunteer's values.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...domain.enums import TransactionKind
from ...domain.name_finder import KEEP, Known, KnownKind, NameFinder
from ...domain.text import fold
from ...storage.models import (
    GroupProfile,
    Household,
    HouseholdMember,
    LedgerTransaction,
    Pledge,
    Property,
    Tenancy,
    Volunteer,
)

A_FAMILY_MEMBER = "a family member"
A_DONOR = "a donor"
A_PAYEE = "a payee"
THE_LANDLORD = "the landlord"
THE_BOND_HOLDER = "the bond holder"
AN_ADDRESS = "an address"


def contact_kind(value: str) -> KnownKind:
    """A contact typed into one field may be an email, a phone number or a name."""
    if "@" in value:
        return KnownKind.EMAIL
    if sum(c.isdigit() for c in value) >= 6:
        return KnownKind.PHONE
    return KnownKind.NAME


def household_values(
    session: Session,
    household_ids: Iterable[int] | None = None,
    code_label: Callable[[str], str] | None = None,
):
    """(household id, Known) for each family name (said as the household's code, or as
    `code_label` gives it) and member's name; `household_ids` limits them to those
    households."""
    wanted = None if household_ids is None else set(household_ids)
    for household_id, code, family in session.execute(
        select(Household.id, Household.code, Household.family_name)
    ):
        if wanted is None or household_id in wanted:
            label = code_label(code) if code_label else code
            yield household_id, Known(family, label, KnownKind.PERSON)
    for household_id, name in session.execute(
        select(HouseholdMember.household_id, HouseholdMember.full_name)
    ):
        if wanted is None or household_id in wanted:
            yield household_id, Known(name, A_FAMILY_MEMBER, KnownKind.PERSON)


def volunteer_values(
    session: Session, label: Callable[[int], str], volunteer_ids: Iterable[int] | None = None
):
    """(volunteer id, Known) for each volunteer's name, email and phone number."""
    wanted = None if volunteer_ids is None else set(volunteer_ids)
    for volunteer_id, name, email, phone in session.execute(
        select(Volunteer.id, Volunteer.full_name, Volunteer.email, Volunteer.phone)
    ):
        if wanted is not None and volunteer_id not in wanted:
            continue
        said = label(volunteer_id)
        yield volunteer_id, Known(name, said, KnownKind.PERSON)
        if email:
            yield volunteer_id, Known(email, said, KnownKind.EMAIL)
        if phone:
            yield volunteer_id, Known(phone, said, KnownKind.PHONE)


def other_values(session: Session) -> Iterable[Known]:
    """Addresses, landlords, bond holders, donors and payees."""
    for address, landlord, contact in session.execute(
        select(Property.address, Property.landlord, Property.landlord_contact)
    ):
        yield Known(address, AN_ADDRESS, KnownKind.ADDRESS)
        yield Known(landlord, THE_LANDLORD, KnownKind.NAME)
        yield Known(contact, THE_LANDLORD, contact_kind(contact or ""))
    for (holder,) in session.execute(select(Tenancy.bond_holder).distinct()):
        yield Known(holder, THE_BOND_HOLDER, contact_kind(holder or ""))
    for (donor,) in session.execute(select(Pledge.donor).distinct()):
        yield Known(donor, A_DONOR, contact_kind(donor or ""))
    for counterparty, kind in session.execute(
        select(LedgerTransaction.counterparty, LedgerTransaction.kind).distinct()
    ):
        label = A_DONOR if kind == TransactionKind.INCOME else A_PAYEE
        yield Known(counterparty, label, contact_kind(counterparty or ""))


def anonymising_finder(
    session: Session,
    volunteer_label: Callable[[int], str],
    code_label: Callable[[str], str] | None = None,
) -> NameFinder:
    """The finder every anonymised output masks typed text with: everyone the file knows."""
    known = [k for _, k in household_values(session, code_label=code_label)]
    known += [k for _, k in volunteer_values(session, volunteer_label)]
    known += list(other_values(session))
    return NameFinder(known, places=place_words(session))


def finder_keeping_one(
    session: Session, volunteer_id: int, volunteer_label: Callable[[int], str]
) -> NameFinder:
    """The anonymising finder, but for one volunteer, whose own name, email and phone are left
    as they are (labelled KEEP) wherever they appear: what a subject access shows them, and
    what their own calendar may say. Their name is matched whole, so it outranks the part of
    someone else's that shares a word ("Rāwiri" of Hēmi Rāwiri is not Rāwiri Te Whata)."""
    own = [k for _id, k in volunteer_values(session, lambda _v: KEEP, [volunteer_id])]
    theirs = {fold(k.text) for k in own}
    known = [k for _id, k in household_values(session)]
    known += [k for vid, k in volunteer_values(session, volunteer_label) if vid != volunteer_id]
    known += list(other_values(session))
    known = [k for k in known if k.text and fold(k.text) not in theirs]
    known += [
        Known(k.text, KEEP, KnownKind.WHOLE if k.kind is KnownKind.PERSON else k.kind) for k in own
    ]
    return NameFinder(known, places=place_words(session))


def place_words(session: Session) -> list[str]:
    """The towns and suburbs the file holds, and the group's own name: words for places and
    for the group, which a donor's name may share without their being anyone's name."""
    places = [name for (name,) in session.execute(select(GroupProfile.name))]
    places += [town for (town,) in session.execute(select(Household.town).distinct())]
    places += [town for (town,) in session.execute(select(Property.town).distinct())]
    return [p for p in places if p]
