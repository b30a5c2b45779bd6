"""Ledger rows from a transactions sheet or a bank statement: reading, duplicates, writing.

Duplicates are counted, not just compared: a file row consumes one matching ledger row, so
two $20 cash gifts on one day in a file are both kept the first time, and both recognised the
second time, while a third such gift in a later file is still imported.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from datetime import date

from sqlalchemy import insert, select, update

from ...domain.enums import CategoryPurpose, TransactionKind
from ...domain.errors import InvalidInput, Problem
from ...domain.messages import Households, Imports, Message
from ...domain.money import Money, parse_minor
from ...domain.text import fold
from ...domain.validation import household_code_problems
from ...domain.words import Unreadable, parse_day, parse_yes_no
from ...storage.models import CategoryRule, Household, LedgerCategory, LedgerTransaction
from ...storage.models.ledger import search_text_for
from ...storage.sync.ids import reserve_ids
from ..rows import added
from .fields import ImportKind, Vocabulary
from .model import CREATE, LEAVE_OUT, RowStatus, UnknownValue
from .passes import LeftOut, Pass, Row, RowProblem, Waiting

INCOME, EXPENSE = TransactionKind.INCOME, TransactionKind.EXPENSE
KIND_WORDS = {
    **dict.fromkeys(
        ("income", "in", "credit", "cr", "deposit", "received", "receipt", "money in"), INCOME
    ),
    **dict.fromkeys(
        (
            "expense",
            "expenses",
            "out",
            "debit",
            "dr",
            "payment",
            "paid",
            "spending",
            "spent",
            "money out",
        ),
        EXPENSE,
    ),
}
LIMITS = {"counterparty": 200, "method": 40, "reference": 80, "note": 20_000}
MATCH_DAYS = 3  # a bank posts a payment up to a few days after the day it was entered
_WAIT = object()


class LedgerRows:
    """Shared by transactions and bank statements."""

    SHOWN: tuple[str, ...] = ()
    WRITTEN = frozenset({RowStatus.NEW, RowStatus.MATCHED})

    def __init__(self, p: Pass):
        self.p = p
        session = p.session
        self.categories: dict[tuple[TransactionKind, str], tuple[int, str]] = {
            (c.kind, fold(c.name)): (c.id, c.name) for c in session.scalars(select(LedgerCategory))
        }
        self.by_purpose = {
            c.purpose: (c.id, c.name, c.kind)
            for c in session.scalars(
                select(LedgerCategory).where(LedgerCategory.purpose.is_not(None))
            )
        }
        self.households = {
            fold(code): (hid, code)
            for hid, code in session.execute(select(Household.id, Household.code))
        }
        t = LedgerTransaction
        self.exact: Counter = Counter()
        self.likely: Counter = Counter()
        self.refs: set[str] = set()
        self.unmatched: dict[tuple, list[tuple[int, int]]] = defaultdict(list)
        for day, kind, amount, reference, counterparty, ref, tid in session.execute(
            select(
                t.occurred_on,
                t.kind,
                t.amount_minor,
                t.reference,
                t.counterparty,
                t.statement_ref,
                t.id,
            )
        ):
            if reference:
                self.exact[(day, kind, amount, fold(reference))] += 1
            self.likely[(day, kind, amount, fold(counterparty))] += 1
            if ref:
                self.refs.add(ref)
            else:
                self.unmatched[(kind, amount)].append((day.toordinal(), tid))
        self.matched_ids: set[int] = set()
        self.pending: dict[tuple, tuple[int, str]] = {}  # to create when first written
        self.made: dict[int, int] = {}

    # --- values --------------------------------------------------------------------------
    def amount_and_kind(self, v: dict[str, str], kind_text: str | None, problems: list):
        """(kind, minor units > 0) from an amount and a kind, a signed amount, or money in and
        money out columns; None for the kind when it waits on a mapping."""
        currency, locale = self.p.currency, self.p.locale
        credit, debit = v.get("credit", ""), v.get("debit", "")
        amount_text = v.get("amount", "")
        try:
            if amount_text:
                minor = parse_minor(amount_text, currency, locale)
                if kind_text is not None:
                    if minor <= 0:
                        problems.append(Imports.AMOUNT_NOT_ABOVE_ZERO())
                    return None, abs(minor)
                if minor == 0:
                    problems.append(Imports.AMOUNT_ZERO())
                return (INCOME if minor > 0 else EXPENSE), abs(minor)
            if credit and debit:
                problems.append(Imports.IN_AND_OUT())
                return None, 0
            if credit or debit:
                minor = parse_minor(credit or debit, currency, locale)
                if minor == 0:
                    problems.append(Imports.AMOUNT_ZERO())
                kind = INCOME if credit else EXPENSE
                if minor < 0:  # some banks write money out as a negative debit
                    minor = -minor
                return kind, minor
        except InvalidInput as error:
            problems.extend(_reason(p.said) for p in error.problems)
            return None, 0
        problems.append(Imports.FIELD_EMPTY(field="amount"))
        return None, 0

    def kind(self, text: str, line: int) -> TransactionKind | object:
        word = fold(text)
        if word in KIND_WORDS:
            return KIND_WORDS[word]
        choice = self.p.choice(Vocabulary.KIND, word)
        self.p.unknown(Vocabulary.KIND, word, text, line, choice=choice)
        if choice == LEAVE_OUT:
            raise LeftOut
        if choice in ("income", "expense"):
            return TransactionKind(choice)
        return _WAIT

    def category(self, kind: TransactionKind, text: str, line: int) -> tuple[int, str] | object:
        found = self.categories.get((kind, fold(text)))
        if found is not None:
            return found
        key = f"{kind.value}:{fold(text)}"
        choice = self.p.unknown_to_make(
            Vocabulary.CATEGORY, key, text, line, fold(text), kind=kind.value
        )
        if choice == CREATE:
            return self._create_category(kind, text.strip())
        if choice is not None:
            target = self.categories.get((kind, fold(choice)))
            if target is None:
                raise RowProblem(_not_a_category(kind, choice))
            return target
        return _WAIT

    def _create_category(self, kind: TransactionKind, name: str) -> tuple[int, str]:
        """A stand-in id until a row that uses it is written: a skipped row creates nothing."""
        name = name[:80]
        key = ("category", kind, fold(name))
        if key not in self.pending:
            self.pending[key] = (-len(self.pending) - 1, name)
        return self.pending[key][0], name

    def _made(self, stand_in: int | None) -> int | None:
        """The real id for a stand-in, creating the category or household the first time."""
        if stand_in is None or stand_in >= 0:
            return stand_in
        if stand_in in self.made:
            return self.made[stand_in]
        key, (_, name) = next((k, v) for k, v in self.pending.items() if v[0] == stand_in)
        if key[0] == "category":
            row = LedgerCategory(name=name, kind=key[1])
            created = (
                Imports.CREATED_INCOME_CATEGORY
                if key[1] is TransactionKind.INCOME
                else Imports.CREATED_EXPENSE_CATEGORY
            )
            self.p.created.append(created(name=name))
        else:
            row = Household(code=name)
            self.p.created.append(Imports.CREATED_HOUSEHOLD(code=name))
        added(self.p.session, row)
        self.made[stand_in] = row.id
        return row.id

    def household(self, text: str, line: int) -> int | object | None:
        if not text:
            return None
        found = self.households.get(fold(text))
        if found is not None:
            return found[0]
        choice = self.p.unknown_to_make(Vocabulary.HOUSEHOLD, fold(text), text, line)
        if choice == CREATE:
            if problems := household_code_problems("household", text):
                raise RowProblem(_reason(problems[0].said))
            key = ("household", None, fold(text))
            if key not in self.pending:
                self.pending[key] = (-len(self.pending) - 1, text.strip())
            return self.pending[key][0]
        if choice is not None:
            target = self.households.get(fold(choice))
            if target is None:
                raise RowProblem(Imports.NO_HOUSEHOLD(code=choice))
            return target[0]
        return _WAIT

    @staticmethod
    def record(day: date, kind, amount: int, category, counterparty: str, reference: str) -> dict:
        """The ledger row a file's line becomes, with what a bank statement does not say
        (method, household, restricted, note, its statement reference) left empty for the
        reader to fill."""
        return {
            "occurred_on": day,
            "kind": kind.value,
            "amount_minor": amount,
            "category_id": category[0],
            "counterparty": counterparty,
            "method": "",
            "reference": reference,
            "household_id": None,
            "restricted": False,
            "note": "",
            "statement_ref": None,
        }

    # --- duplicates ----------------------------------------------------------------------
    def classify(self, line: int, day: date, kind, amount: int, reference: str, counterparty: str):
        if reference:
            key = (day, kind, amount, fold(reference))
            if self.exact[key] > 0:
                self.exact[key] -= 1
                return RowStatus.DUPLICATE, Imports.IN_THE_LEDGER()
            return RowStatus.NEW, ""
        key = (day, kind, amount, fold(counterparty))
        if self.likely[key] > 0:
            self.likely[key] -= 1
            if line in self.p.request.include_lines:
                return RowStatus.NEW, ""
            return RowStatus.LIKELY, Imports.LIKELY_IN_THE_LEDGER()
        return RowStatus.NEW, ""

    # --- writing -------------------------------------------------------------------------
    def write(self, rows: list[Row]) -> None:
        new = [r.record for r in rows if r.status is RowStatus.NEW]
        if new:
            for record in new:
                record["category_id"] = self._made(record["category_id"])
                record["household_id"] = self._made(record["household_id"])
                record["search_text"] = search_text_for(
                    record["counterparty"], record["reference"], record["note"], record["method"]
                )
            table = LedgerTransaction.__table__
            ids = reserve_ids(self.p.session.connection(), table.name, len(new))
            for record, row_id in zip(new, ids, strict=True):
                record["id"] = row_id  # at once: the column default would query per row
            self.p.session.execute(insert(table), new)
        matched = [r.record for r in rows if r.status is RowStatus.MATCHED]
        if matched:
            table = LedgerTransaction.__table__
            self.p.session.execute(
                update(table)
                .where(table.c.id == _bind("match_id"))
                .values(statement_ref=_bind("ref")),
                [{"match_id": m["match_id"], "ref": m["statement_ref"]} for m in matched],
            )

    def finish(self) -> dict:
        return {}

    def unknown_problem(self, u: UnknownValue) -> Problem:
        lines = u.where
        if u.vocabulary is Vocabulary.CATEGORY:
            known = sorted(
                {name for (kind, _), (_, name) in self.categories.items() if kind.value == u.kind},
                key=fold,
            )
            unknown = (
                Imports.UNKNOWN_INCOME_CATEGORY
                if u.kind == TransactionKind.INCOME.value
                else Imports.UNKNOWN_EXPENSE_CATEGORY
            )
            return Problem("category", unknown(text=u.text, lines=lines, known=tuple(known)))
        if u.vocabulary is Vocabulary.HOUSEHOLD:
            codes = sorted((code for _, code in self.households.values()), key=fold)
            known = tuple(codes) or Households.NONE_YET()
            return Problem(
                "household", Imports.UNKNOWN_HOUSEHOLD(text=u.text, lines=lines, known=known)
            )
        return Problem("kind", Imports.UNKNOWN_KIND(text=u.text, lines=lines))


def _bind(name: str):
    from sqlalchemy import bindparam

    return bindparam(name)


def _reason(said: Message | str) -> Message | str:
    """A field's problem as one reason among a row's (a sentence still in words loses its
    full stop: the row's problem ends with one)."""
    return said.rstrip(".") if isinstance(said, str) else said


def _not_a_category(kind: TransactionKind, name: str) -> Message:
    if kind is TransactionKind.INCOME:
        return Imports.NOT_INCOME_CATEGORY(name=name)
    return Imports.NOT_EXPENSE_CATEGORY(name=name)


def _limits(values: dict[str, str], problems: list) -> None:
    for name, limit in LIMITS.items():
        if len(values.get(name, "")) > limit:
            problems.append(Imports.FIELD_TOO_LONG(field=name, n=limit))


class TransactionRows(LedgerRows):
    SHOWN = ("date", "kind", "amount", "category", "counterparty", "reference", "household", "note")

    def read(self, line: int, v: dict[str, str]) -> Row:
        problems: list = []
        day = self._day(v.get("date", ""), problems)
        kind_text = v.get("kind")
        kind, amount = self.amount_and_kind(v, kind_text if kind_text else None, problems)
        if kind_text:  # else the amount's sign says which way it went
            kind = self.kind(kind_text, line)
        category = _WAIT
        name = v.get("category", "")
        if not name:
            problems.append(Imports.FIELD_EMPTY(field="category"))
        elif isinstance(kind, TransactionKind):
            category = self.category(kind, name, line)
        household = self.household(v.get("household", ""), line)
        try:
            restricted = bool(parse_yes_no(v.get("restricted", ""), frozenset({"restricted"})))
        except Unreadable as error:
            problems.append(Imports.FIELD_SAYS(field="restricted", why=error.said))
            restricted = False
        _limits(v, problems)
        if problems:
            raise RowProblem(*problems)
        if _WAIT in (kind, category, household):
            raise Waiting
        counterparty, reference = v.get("counterparty", ""), v.get("reference", "")
        status, note = self.classify(line, day, kind, amount, reference, counterparty)
        record = self.record(day, kind, amount, category, counterparty, reference)
        record.update(
            method=v.get("method", ""),
            household_id=household,
            restricted=restricted,
            note=v.get("note", ""),
        )
        shown = (
            day.isoformat(),
            kind.value,
            Money(amount, self.p.currency).plain(),
            category[1],
            counterparty,
            reference,
            v.get("household", ""),
            v.get("note", ""),
        )
        return Row(line, status, record, shown, note)

    def _day(self, text: str, problems: list) -> date | None:
        try:
            day = parse_day(text, self.p.date_locale)
        except Unreadable as error:
            problems.append(Imports.FIELD_SAYS(field="date", why=error.said))
            return None
        if day is None:
            problems.append(Imports.FIELD_EMPTY(field="date"))
        return day


class BankRows(TransactionRows):
    SHOWN = ("date", "kind", "amount", "counterparty", "category", "reference", "type", "note")

    def __init__(self, p: Pass, debits_positive: bool = False):
        super().__init__(p)
        self.debits_positive = debits_positive
        self.rules = sorted(
            (
                (fold(r.pattern), r.field, r.category_id)
                for r in p.session.scalars(select(CategoryRule))
                if fold(r.pattern)
            ),
            key=lambda rule: (-len(rule[0]), rule[2]),
        )
        self.names = {cid: (name, kind) for (kind, _), (cid, name) in self.categories.items()}
        self.seen: Counter = Counter()

    def read(self, line: int, v: dict[str, str]) -> Row:
        problems: list = []
        day = self._day(v.get("date", ""), problems)
        kind, amount = self.amount_and_kind(v, None, problems)
        if self.debits_positive and kind is not None:
            kind = EXPENSE if kind is INCOME else INCOME
        # Kiwibank ends its descriptions with " ;"
        counterparty = (v.get("counterparty", "") or v.get("memo", "")).rstrip(" ;")
        note = " ".join(
            x for x in (v.get("particulars", ""), v.get("code", ""), v.get("memo", "")) if x
        )
        if counterparty == v.get("memo", ""):
            note = " ".join(x for x in (v.get("particulars", ""), v.get("code", "")) if x)
        fields = {"counterparty": counterparty, "reference": v.get("reference", ""), "note": note}
        _limits(fields, problems)
        if problems:
            raise RowProblem(*problems)
        category = self._category(kind, counterparty, note, line)
        status, why = RowStatus.NEW, ""
        ref = self._statement_ref(v, day, kind, amount)
        record = self.record(day, kind, amount, category, counterparty, v.get("reference", ""))
        record.update(method=v.get("type", "")[:40], note=note, statement_ref=ref)
        if ref in self.refs:
            status, why = RowStatus.DUPLICATE, Imports.FROM_A_STATEMENT()
        else:
            match = self._hand_entry(day, kind, amount)
            if match is not None and line not in self.p.request.include_lines:
                status, why = RowStatus.MATCHED, Imports.ENTERED_BY_HAND(id=match)
                record["match_id"] = match
                self.matched_ids.add(match)
            else:
                status, why = self.classify(line, day, kind, amount, "", counterparty)
        shown = (
            day.isoformat(),
            kind.value,
            Money(amount, self.p.currency).plain(),
            counterparty,
            category[1],
            v.get("reference", ""),
            v.get("type", ""),
            note,
        )
        return Row(line, status, record, shown, why)

    def _statement_ref(self, v, day: date, kind, amount: int) -> str:
        account = v.get("account", "")
        if v.get("unique_id"):
            return f"id:{account}:{v['unique_id']}"[:120]
        text = "\x1f".join(
            (
                day.isoformat(),
                kind.value,
                str(amount),
                account,
                *(
                    v.get(k, "")
                    for k in ("counterparty", "particulars", "code", "reference", "type", "memo")
                ),
            )
        )
        digest = hashlib.sha1(text.encode("utf-8")).hexdigest()[:24]
        self.seen[digest] += 1  # identical lines in one statement are each their own line
        return f"line:{digest}#{self.seen[digest]}"

    def _hand_entry(self, day: date, kind, amount: int) -> int | None:
        candidates = self.unmatched.get((kind, amount))
        if not candidates:
            return None
        best = None
        for ordinal, tid in candidates:
            gap = abs(ordinal - day.toordinal())
            if (
                gap <= MATCH_DAYS
                and tid not in self.matched_ids
                and (best is None or gap < best[0])
            ):
                best = (gap, tid)
        return best[1] if best else None

    def _category(self, kind, counterparty: str, note: str, line: int) -> tuple[int, str]:
        key = f"{kind.value}:{fold(counterparty)}"
        choice = self.p.choice(Vocabulary.COUNTERPARTY, key)
        how = Imports.CHOSEN_BY_YOU()
        found = None
        if choice is not None:
            found = self.categories.get((kind, fold(choice)))
            if found is None:
                raise RowProblem(_not_a_category(kind, choice))
        else:
            found, how = self._by_rule(kind, counterparty, note)
        self.p.unknown(
            Vocabulary.COUNTERPARTY,
            key,
            counterparty,
            line,
            kind=kind.value,
            choice=found[1],
            how=how,
        )
        return found

    def _by_rule(self, kind, counterparty: str, note: str) -> tuple[tuple[int, str], Message]:
        folded, everything = fold(counterparty), fold(f"{counterparty} {note}")
        for pattern, field, category_id in self.rules:
            name_kind = self.names.get(category_id)
            if name_kind is None or name_kind[1] is not kind:
                continue
            if pattern in (folded if field == "counterparty" else everything):
                return (category_id, name_kind[0]), Imports.CHOSEN_BY_RULE(pattern=pattern)
        purpose = CategoryPurpose.OTHER_INCOME if kind is INCOME else CategoryPurpose.OTHER_SPENDING
        fallback = self.by_purpose.get(purpose.value)
        if fallback is None:
            no_rule = (
                Imports.NO_RULE_NO_OTHER_INCOME
                if kind is INCOME
                else Imports.NO_RULE_NO_OTHER_SPENDING
            )
            raise RowProblem(no_rule(counterparty=counterparty))
        return (fallback[0], fallback[1]), Imports.NO_RULE()

    def finish(self) -> dict:
        """Learn a rule from each category the person chose for a counterparty."""
        if not self.p.request.learn_rules:
            return {}
        chosen = self.p.request.values.get(Vocabulary.COUNTERPARTY.value, {})
        existing = {
            (fold(r.pattern), r.category_id) for r in self.p.session.scalars(select(CategoryRule))
        }
        learned = 0
        for key, name in chosen.items():
            kind_text, _, _ = key.partition(":")
            entry = self.p.unknowns.get((Vocabulary.COUNTERPARTY, key))
            category = self.categories.get((TransactionKind(kind_text), fold(name)))
            if entry is None or category is None or not entry.text:
                continue
            pattern = entry.text.strip()[:80]
            if (fold(pattern), category[0]) in existing:
                continue
            self.p.session.add(
                CategoryRule(pattern=pattern, field="counterparty", category_id=category[0])
            )
            existing.add((fold(pattern), category[0]))
            learned += 1
        return {"rules": learned}


def make(kind: ImportKind, p: Pass, layout: str) -> LedgerRows:
    if kind is ImportKind.BANK:
        from .banks import LAYOUTS

        positive = next((x.debits_positive for x in LAYOUTS if x.name == layout), False)
        return BankRows(p, positive)
    return TransactionRows(p)
