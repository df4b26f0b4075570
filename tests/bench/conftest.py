"""Benchmarks measure real time: blinkpy's throttle sleeps stay real here."""

import pytest


@pytest.fixture(autouse=True)
def instant_blinkpy_sleeps() -> None:
    """Override the suite's instant sleeps: a set-up's time includes blinkpy's throttles."""
