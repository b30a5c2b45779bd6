"""The Housing page: page.py (what happens), view.py (its layout), columns.py (its tables)."""

from .page import HousingPage

__all__ = ["HousingPage"]
