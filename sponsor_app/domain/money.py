"""Money as an integer number of minor units plus a currency code. Never a float."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cache

from babel.numbers import (
    format_currency,
    get_currency_precision,
    get_currency_symbol,
    get_decimal_symbol,
    get_group_symbol,
)

from .errors import InvalidInput
from .messages.funds import Amounts


@cache
def minor_digits(currency: str) -> int:
    """How many minor-unit digits the currency has (2 for NZD, 0 for JPY)."""
    return get_currency_precision(currency)


@dataclass(frozen=True, order=False)
class Money:
    minor: int
    currency: str

    def __post_init__(self) -> None:
        if not isinstance(self.minor, int) or isinstance(self.minor, bool):
            raise TypeError(f"Money needs an int of minor units, not {type(self.minor).__name__}")
        if len(self.currency) != 3 or not self.currency.isalpha() or not self.currency.isupper():
            raise ValueError(f"not an ISO 4217 currency code: {self.currency!r}")

    # --- construction -------------------------------------------------------------------
    @classmethod
    def zero(cls, currency: str) -> Money:
        return cls(0, currency)

    @classmethod
    def of_major(cls, major: int | str | Decimal, currency: str) -> Money:
        """Whole or decimal major units given exactly (an int, str or Decimal; never a float)."""
        if isinstance(major, float):
            raise TypeError("floats are not accepted for money")
        value = Decimal(major) * (10 ** minor_digits(currency))
        if value != value.to_integral_value():
            raise ValueError(f"{major} has more decimals than {currency} allows")
        return cls(int(value), currency)

    @classmethod
    def parse(cls, text: str, currency: str, locale: str = "en_NZ", field: str = "amount") -> Money:
        """Read an amount as people type it: "1,234.50", "$12", "-5", "45.5", "(20)".

        Raises InvalidInput with a sentence naming the problem.
        """
        return cls(parse_minor(text, currency, locale, field), currency)

    # --- arithmetic ---------------------------------------------------------------------
    def _same(self, other: Money) -> None:
        if not isinstance(other, Money):
            raise TypeError(f"cannot combine Money with {type(other).__name__}")
        if other.currency != self.currency:
            raise ValueError(f"cannot combine {self.currency} with {other.currency}")

    def __add__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor + other.minor, self.currency)

    def __sub__(self, other: Money) -> Money:
        self._same(other)
        return Money(self.minor - other.minor, self.currency)

    def __neg__(self) -> Money:
        return Money(-self.minor, self.currency)

    def __abs__(self) -> Money:
        return Money(abs(self.minor), self.currency)

    def __mul__(self, factor: int) -> Money:
        if not isinstance(factor, int) or isinstance(factor, bool):
            raise TypeError("Money can only be multiplied by an int")
        return Money(self.minor * factor, self.currency)

    __rmul__ = __mul__

    def __lt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor < other.minor

    def __le__(self, other: Money) -> bool:
        self._same(other)
        return self.minor <= other.minor

    def __gt__(self, other: Money) -> bool:
        self._same(other)
        return self.minor > other.minor

    def __ge__(self, other: Money) -> bool:
        self._same(other)
        return self.minor >= other.minor

    def __bool__(self) -> bool:
        return self.minor != 0

    def percent(self, percent: int) -> Money:
        """This amount times percent/100, rounded half up to the nearest minor unit."""
        numerator = self.minor * percent
        sign = -1 if numerator < 0 else 1
        return Money(sign * ((abs(numerator) + 50) // 100), self.currency)

    # --- presentation -------------------------------------------------------------------
    def as_decimal(self) -> Decimal:
        return Decimal(self.minor).scaleb(-minor_digits(self.currency))

    def format(self, locale: str = "en_NZ") -> str:
        """The amount as the group's locale writes it, e.g. "$1,234.50" or "-£5.00"."""
        return format_currency(self.as_decimal(), self.currency, locale=locale)

    def plain(self) -> str:
        """Digits and a point only ("-1234.50"): for CSV files and other machines."""
        return f"{self.as_decimal():f}"

    def __str__(self) -> str:
        return f"{self.plain()} {self.currency}"


# A trillion in major units is more than any group will hold, and well inside a 64-bit column.
MAX_WHOLE_DIGITS = 13
_SPACES = re.compile(r"[\s\u00a0\u202f]")


_PLAIN = re.compile(r"(-?)(\d{1,13})(?:\.(\d{1,2}))?")


def parse_minor(text: str, currency: str, locale: str = "en_NZ", field: str = "amount") -> int:
    """Parse a typed amount into minor units; see Money.parse."""
    digits = minor_digits(currency)
    plain = _PLAIN.fullmatch(text) if digits == 2 and _marks(locale)[0] == "." else None
    if plain is not None:  # "1234.5", "-20": what exports and banks write, read quickly
        sign, whole, fraction = plain.groups()
        minor = int(whole) * 100 + int((fraction or "0").ljust(2, "0"))
        return -minor if sign else minor
    raw = _SPACES.sub("", text or "")
    if not raw:
        raise InvalidInput.single(field, Amounts.MISSING())
    negative = False
    if raw.startswith("(") and raw.endswith(")"):
        negative, raw = True, raw[1:-1]
    if raw.startswith(("-", "\u2212")):
        if negative:  # "(-5)": accountants' brackets and a minus sign say two different things
            raise InvalidInput.single(field, Amounts.BRACKETS_AND_MINUS(text=text.strip()))
        negative, raw = True, raw[1:]
    for mark in _currency_marks(currency, locale):
        if raw.startswith(mark):
            raw = raw[len(mark) :]
            break
        if raw.endswith(mark):
            raw = raw[: -len(mark)]
            break
    else:
        foreign = _foreign_mark(raw)
        if foreign:
            raise InvalidInput.single(
                field, Amounts.OTHER_CURRENCY(text=text.strip(), mark=foreign, currency=currency)
            )
    if raw.startswith(("-", "\u2212")) and not negative:
        negative, raw = True, raw[1:]

    decimal_mark, group_mark = _marks(locale)
    whole, _, fraction = raw.partition(decimal_mark)
    if decimal_mark != "." and "." in raw and group_mark != ".":
        # Someone typed a point where the locale uses a comma: accept it as the decimal mark.
        whole, _, fraction = raw.partition(".")
    if group_mark:
        groups = whole.split(group_mark)
        if len(groups) > 1 and (
            not groups[0] or len(groups[0]) > 3 or any(len(g) != 3 for g in groups[1:])
        ):
            raise InvalidInput.single(field, Amounts.CHECK_THE_COMMAS(text=text.strip()))
        whole = "".join(groups)
    if not whole and not fraction:
        raise InvalidInput.single(field, Amounts.NOT_AN_AMOUNT(text=text.strip()))
    if not (whole or "0").isdigit() or (fraction and not fraction.isdigit()) or not whole.isascii():
        raise InvalidInput.single(field, Amounts.NOT_AN_AMOUNT(text=text.strip()))
    if len(fraction) > digits:
        if digits == 0:
            raise InvalidInput.single(field, Amounts.NO_CENTS(currency=currency))
        raise InvalidInput.single(field, Amounts.TOO_MANY_DECIMALS(text=text.strip(), n=digits))
    if len(whole.lstrip("0")) > MAX_WHOLE_DIGITS:
        raise InvalidInput.single(field, Amounts.TOO_LARGE(text=text.strip()))
    try:
        minor = int(Decimal(f"{whole or '0'}.{fraction or '0'}").scaleb(digits))
    except InvalidOperation as exc:  # pragma: no cover - guarded by the digit checks above
        raise InvalidInput.single(field, Amounts.NOT_AN_AMOUNT(text=text.strip())) from exc
    return -minor if negative else minor


# Marks of other currencies that people type: refused rather than read as the group's own
# (a "£5" in an NZD group is not NZ$5).
_FOREIGN_MARKS = ("£", "€", "¥", "₹", "₩", "₱", "₺", "₽", "₪", "฿", "₫", "₦", "₴", "₵")
_FOREIGN_CODE = re.compile(r"^([A-Za-z]{3})[\d.,]+$|^[\d.,]+([A-Za-z]{3})$")


@cache
def _marks(locale: str) -> tuple[str, str]:
    """The locale's decimal and group marks (looked up once: an import reads thousands)."""
    group_mark = get_group_symbol(locale)
    if group_mark in ("\u00a0", "\u202f"):
        group_mark = ""  # spaces are removed before the marks are read
    return get_decimal_symbol(locale), group_mark


@cache
def _currency_marks(currency: str, locale: str) -> list[str]:
    """Symbols someone might type before or after an amount of this currency, longest first."""
    symbols = {
        get_currency_symbol(currency, locale=locale),
        get_currency_symbol(currency, locale="en"),  # "NZ$", "CA$", "US$", "£"
    }
    marks = {currency, currency.lower(), *symbols}
    if any("$" in s for s in symbols):
        marks.add("$")  # every dollar is typed as a plain "$" at home
    return sorted((m for m in marks if m), key=len, reverse=True)


def _foreign_mark(raw: str) -> str | None:
    """The other currency's sign or code an amount starts or ends with, if any."""
    for mark in _FOREIGN_MARKS:
        if raw.startswith(mark) or raw.endswith(mark):
            return mark
    if raw.startswith("$") or raw.endswith("$"):
        return "$"
    found = _FOREIGN_CODE.match(raw)
    return (found.group(1) or found.group(2)).upper() if found else None
