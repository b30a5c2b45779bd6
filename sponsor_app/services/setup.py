"""First-run setup: a new group file with its first household, all or nothing."""

from __future__ import annotations

from pathlib import Path

from ..storage.store import Store
from .groups import NewGroup, create_group
from .households import HouseholdInput, add_household


def start_group(path: Path | str, group: NewGroup, first_household: HouseholdInput | None) -> Store:
    """Create the file and the first household; if either fails, no file is left behind."""
    store = create_group(path, group)
    try:
        if first_household is not None:
            add_household(store, first_household)
    except BaseException:
        store.discard()
        raise
    return store
