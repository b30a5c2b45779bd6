"""The one output rule, for the window and the command line (storage/outputs.py says it):
every report, bundle, export, calendar, list of import errors and combined summary is written
through `write_output`, and a Save dialog checks its choice with `check_output` first."""

from __future__ import annotations

from ...storage.outputs import (
    OutputRefused,
    check_output,
    in_backups,
    is_group_file,
    write_output,
    write_output_bytes,
)

__all__ = [
    "OutputRefused",
    "check_output",
    "in_backups",
    "is_group_file",
    "write_output",
    "write_output_bytes",
]
