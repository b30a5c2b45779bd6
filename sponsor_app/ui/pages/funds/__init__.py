"""The Funds page: page.py (what concerns the whole page), view.py (its layout), and a module
per tab (ledger, budget, pledges, charts), each tab's layout in its own *_view.py."""

from .page import FundsPage

__all__ = ["FundsPage"]
