"""Files and privacy: backups, copies, protection, the health check, the history of change
sets, what is written where (the output rule), retention and subject access."""
