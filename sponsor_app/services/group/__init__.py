"""The group itself: its profile and programme, a new group, and the dashboard's figures."""
