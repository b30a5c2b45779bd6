"""The Settlement plan page: page.py (what happens), view.py (its layout) and a module per tab."""

from .page import PlanPage

__all__ = ["PlanPage"]
