"""The plain results the window shows: loading them loads no database code (a saved dashboard
paints before SQLAlchemy is imported), and their gaps are never negative."""

import subprocess
import sys

import pytest

from sponsor_app.domain.money import Money
from sponsor_app.domain.programmes import FundsRequirement, FundsRuleKind
from sponsor_app.services.results import FundsPosition, RentStatus


def _nzd(minor: int) -> Money:
    return Money(minor, "NZD")


def test_importing_the_results_loads_no_database_code():
    probe = (
        "import sys\n"
        "import sponsor_app.services.results\n"
        "import sponsor_app.services.files.snapshot\n"
        "print(sorted(m for m in sys.modules if m.split('.')[0] in ('sqlalchemy', 'sqlite3')))\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert done.stdout.strip() == "[]", done.stdout


@pytest.mark.parametrize(
    ("held", "required", "shortfall", "surplus", "met"),
    [
        (1_000_00, 1_500_00, 500_00, 0, False),
        (1_500_00, 1_500_00, 0, 0, True),
        (2_000_01, 1_500_00, 0, 500_01, True),
    ],
)
def test_the_funds_position_has_a_shortfall_or_a_surplus_never_both(
    held, required, shortfall, surplus, met
):
    requirement = FundsRequirement(_nzd(required), None, FundsRuleKind.FIXED)
    position = FundsPosition(_nzd(held), requirement, _nzd(0))
    assert (position.shortfall, position.surplus, position.met) == (
        _nzd(shortfall),
        _nzd(surplus),
        met,
    )


def test_rent_is_behind_by_what_is_unpaid_and_never_by_a_negative_amount():
    assert RentStatus(_nzd(800_00), _nzd(500_00)).behind == _nzd(300_00)
    assert RentStatus(_nzd(800_00), _nzd(900_00)).behind == _nzd(0)
