"""Tests of the pure battery forecast."""
