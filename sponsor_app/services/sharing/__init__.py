"""Sharing a group file between laptops (issue 22): founding it, one sync run over a folder or
a hub, and what the last syncs did. The merge itself is storage/sync's; the places are
storage/sync/folder.py and hub/transport.py."""
