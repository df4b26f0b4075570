"""What one poll produced, as every entity, repair and the card read it (no Home Assistant calls)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from .diagnosis import (
    DEFAULT_THRESHOLDS,
    THRESHOLD_OPTIONS,
    CameraHistory,
    Thresholds,
    Verdict,
)
from .forecast import Forecast
from .model import AccountSnapshot, CameraSnapshot


@dataclass(frozen=True, slots=True)
class CameraView:
    """One camera as its entities see it: the snapshot, the verdict, the history, the forecast."""

    camera: CameraSnapshot
    verdict: Verdict
    history: CameraHistory
    forecast: Forecast | None = None


@dataclass(frozen=True, slots=True)
class BlinkHealthData:
    """What the latest successful poll produced, read by every entity."""

    snapshot: AccountSnapshot
    verdicts: Mapping[str, Verdict] = field(default_factory=dict)
    histories: Mapping[str, CameraHistory] = field(default_factory=dict)
    forecasts: Mapping[str, Forecast] = field(default_factory=dict)
    # The Sync Modules (by key) whose local storage has worked.
    storage_worked: frozenset[str] = frozenset()

    def camera(self, key: str) -> CameraView | None:
        """Return the camera with this device key, None when it left the account."""
        camera = self.snapshot.cameras.get(key)
        verdict = self.verdicts.get(key)
        if camera is None or verdict is None:
            return None
        history = self.histories.get(key, CameraHistory())
        return CameraView(camera, verdict, history, self.forecasts.get(key))


def thresholds_from_options(options: Mapping[str, Any]) -> Thresholds:
    """Return the diagnosis thresholds the owner chose, defaults for the rest."""
    values = {
        name: int(options[name])
        for name in THRESHOLD_OPTIONS
        if options.get(name) is not None
    }
    return replace(DEFAULT_THRESHOLDS, **values)
