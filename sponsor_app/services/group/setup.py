"""First-run setup: a new group file with its first household, all or nothing."""

from __future__ import annotations

from pathlib import Path

from ...storage.store import Store
from ..households.households import HouseholdInput, add_household
from .groups import NewGroup, create_group


def start_group(path: Path | str, group: NewGroup, first_household: HouseholdInput | None) -> Store:
    """Create the file and the first household; if either fails, no file is left behind."""

    def add_first(store: Store) -> None:
        if first_household is not None:
            add_household(store, first_household)

    return create_group(path, group, then=add_first)
