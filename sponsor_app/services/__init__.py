"""Use cases. One transaction per call; plain frozen dataclasses in and out, never ORM objects."""
