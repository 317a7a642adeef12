"""Benchmarks run by scripts/bench.py (make bench). Each prints figures; none is a test."""
