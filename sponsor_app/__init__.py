"""Sponsor Desk: records and evaluation reports for community refugee sponsorship groups."""

import os

__version__ = "0.1.0"
APP_NAME = "Sponsor Desk"

# Everything the app creates is its user's alone (0600 files, 0700 folders), whichever code
# writes it: SQLite's log beside a group file, openpyxl and reportlab, Qt's settings, logs.
# Set as the package loads, so the window, the command line and every test run under it.
if os.name == "posix":
    os.umask(0o077)
