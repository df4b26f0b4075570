"""Tests for the pure diagnosis engine."""
