"""Benchmarks: run explicitly (scripts/bench_polling); pytest's default collection skips them."""
