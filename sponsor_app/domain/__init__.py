"""Pure-Python core: money, periods, enums, validation and programme rules. No Qt, no SQL."""
