"""Save a Copy: a consistent copy of the open group file at a place the user chose."""

from __future__ import annotations

import os
from pathlib import Path

from ..storage.backup import backup_file
from ..storage.store import Store


def save_copy(store: Store, target: Path | str) -> Path:
    """Write a complete copy to `target` (replacing a file there); the open file is untouched."""
    target = Path(target)
    if target.resolve() == store.path.resolve():
        from ..domain.errors import InvalidInput

        raise InvalidInput.single(
            "path", "Choose another name: a copy cannot replace the open file."
        )
    made = backup_file(store.path, reason="copy", to_dir=target.parent)
    os.replace(made, target)
    return target
