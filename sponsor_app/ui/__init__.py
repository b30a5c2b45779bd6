"""The PySide6 window. Talks to services only; never to storage or SQL."""
