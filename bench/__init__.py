"""Benchmarks for the performance budgets in DESIGN.md; `make bench` runs them all."""
