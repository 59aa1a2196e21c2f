"""Benchmarks of the running system (`make bench`); see docs/benchmarks.md."""
