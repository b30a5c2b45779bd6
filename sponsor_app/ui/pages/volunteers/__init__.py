"""The Volunteers page: page.py (the roster's actions), view.py (its layout), roster.py (the
roster's columns and filters), details.py (a volunteer's checks, training and hours) and
roles.py (what the roles dialog may do)."""

from .page import VolunteersPage

__all__ = ["VolunteersPage"]
