"""Benchmarks run by `handbook bench` (make bench). Each prints figures; none is a test."""
