"""Benchmarks measure real time: blinkpy's throttle sleeps stay real here.

Home Assistant's blink imports the camera component, which imports PyTurboJPEG (not in this
environment: it is only used to scale camera images, which no benchmark does). A stand-in module
lets it import.
"""

from __future__ import annotations

import sys
import types

import pytest

if "turbojpeg" not in sys.modules:
    try:
        import turbojpeg  # noqa: F401
    except ImportError:
        _stub = types.ModuleType("turbojpeg")
        _stub.TurboJPEG = type("TurboJPEG", (), {})  # type: ignore[attr-defined]
        sys.modules["turbojpeg"] = _stub


@pytest.fixture(autouse=True)
def instant_blinkpy_sleeps() -> None:
    """Override the suite's instant sleeps: a set-up's time includes blinkpy's throttles."""
