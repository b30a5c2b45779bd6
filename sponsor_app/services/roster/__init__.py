"""The volunteer roster: volunteers, their roles, vetting and training, and hours."""
