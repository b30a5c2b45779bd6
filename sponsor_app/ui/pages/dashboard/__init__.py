"""The dashboard: page.py (filling it), view.py (its layout), cards.py (a card), words.py
(what the cards say)."""

from .cards import ROWS_SHOWN, ListCard
from .page import DashboardPage

__all__ = ["ROWS_SHOWN", "DashboardPage", "ListCard"]
