"""Which payments count toward which pledge: the donor's name folded, the pledge's dates, and
each payment once."""

from datetime import date

from sponsor_app.domain.pledges import Payment, PledgeTerms, payments_due, received_by_pledge

TODAY = date(2025, 6, 30)


def _pledge(pledge_id, donor, amount, frequency="monthly", start=date(2025, 1, 1), end=None):
    return PledgeTerms(pledge_id, donor, amount, frequency, start, end)


def test_a_payment_counts_whatever_the_capitals_macrons_and_spaces():
    pledges = [_pledge(1, "Ngāti Whātua whānau", 4000)]
    payments = [
        Payment(date(2025, 2, 1), 4000, "NGATI WHATUA WHANAU "),
        Payment(date(2025, 3, 1), 4000, "Ngati Whatua Whanau"),
        Payment(date(2025, 3, 2), 4000, "Ngāti Whātua"),  # another name: not this pledge
    ]
    assert received_by_pledge(pledges, payments, TODAY) == {1: 8000}


def test_payments_outside_the_pledges_dates_or_after_today_do_not_count():
    pledges = [_pledge(1, "Hutt Valley Harriers", 2500, end=date(2025, 3, 31))]
    payments = [
        Payment(date(2024, 12, 31), 2500, "Hutt Valley Harriers"),  # before it began
        Payment(date(2025, 3, 31), 2500, "Hutt Valley Harriers"),
        Payment(date(2025, 4, 1), 2500, "Hutt Valley Harriers"),  # after it ended
    ]
    assert received_by_pledge(pledges, payments, TODAY) == {1: 2500}
    assert received_by_pledge(pledges, payments, date(2025, 3, 30)) == {1: 0}


def test_two_pledges_of_one_amount_share_the_payments_in_turn():
    """A donor who pledged $10 a month twice (two people in one family): the second payment
    of a month goes to the pledge still owed, not to the first one again."""
    pledges = [_pledge(1, "Aroha Ngata", 1000), _pledge(2, "Aroha Ngata", 1000)]
    payments = [Payment(date(2025, 1, 5), 1000, "Aroha Ngata")] * 2
    assert received_by_pledge(pledges, payments, date(2025, 1, 31)) == {1: 1000, 2: 1000}


def test_payments_due_by_frequency():
    assert payments_due(_pledge(1, "A", 100, "once"), TODAY) == 1
    assert payments_due(_pledge(1, "A", 100, "monthly"), TODAY) == 6
    assert payments_due(_pledge(1, "A", 100, "monthly", start=date(2025, 7, 1)), TODAY) == 0
