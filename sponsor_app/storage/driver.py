"""The SQLite driver's error classes, for code that must tell a database error from a bug.

Only storage/connect.py makes connections (and imports the driver to do so); this module
names the driver's errors for everything else, storage/errors.py included, so that the
errors a person can act on are told apart without importing the module that connects.
"""

from __future__ import annotations

import sqlcipher3.dbapi2 as _driver

DriverError = _driver.Error
DriverDatabaseError = _driver.DatabaseError
