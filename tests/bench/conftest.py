"""Benchmarks measure real time and CPU time: blinkpy's sleeps stay real, the loop runs as in use."""

import asyncio

import pytest


@pytest.fixture(autouse=True)
def instant_blinkpy_sleeps() -> None:
    """Override the suite's instant sleeps: a set-up's time includes blinkpy's throttles."""


@pytest.fixture(autouse=True)
async def enable_event_loop_debug() -> None:
    """Override the harness's debug mode: Home Assistant runs its loop without it.

    Debug mode records a traceback for every task and callback, which would count in the CPU
    time of every poll (the more requests, the more).
    """
    asyncio.get_running_loop().set_debug(False)
