"""Funds: the ledger, categories and their rules, budgets, pledges and the funds position."""
