"""The demo groups (small, large, huge): made with the same services a person uses."""
