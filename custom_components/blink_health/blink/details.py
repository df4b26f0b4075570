"""A camera's own details (battery voltage, Wi-Fi dBm, temperature), from either source.

Signed in, they come from the camera's config and signals answers; on Home Assistant's `blink`
session, from blinkpy's camera object. Both go through the same checks here.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from .values import (
    as_dbm,
    as_float,
    as_id,
    as_str,
    as_temperature_f,
    as_time,
    in_range,
)


@dataclass(frozen=True, slots=True, kw_only=True)
class CameraDetails:
    """What one camera's own calls reported, read at `read_at`; None where Blink did not say.

    `battery_voltage` in volts, `wifi_dbm` and `sync_signal_dbm` (a doorbell's link to its Sync
    Module) in dBm (negative), `temperature_f` in degrees Fahrenheit, `battery_check_time` when
    Blink last measured the batteries.
    """

    read_at: datetime
    battery_state: str | None = None
    battery_voltage: float | None = None
    wifi_dbm: int | None = None
    sync_signal_dbm: int | None = None
    temperature_f: float | None = None
    battery_check_time: datetime | None = None


def checked_details(
    *,
    read_at: datetime,
    battery_state: Any,
    voltage_hundredths: Any,
    wifi_strength: Any,
    temperature: Any,
    battery_check_time: Any,
    sync_strength: Any = None,
) -> CameraDetails:
    """Return details from Blink's raw values, each checked (nonsense becomes None).

    Blink sends the voltage in hundredths of a volt (155 = 1.55 V) and the temperature in °F.
    """
    voltage = in_range(as_float(voltage_hundredths), 1, 999)
    return CameraDetails(
        read_at=read_at,
        battery_state=as_str(battery_state),
        battery_voltage=round(voltage / 100, 2) if voltage is not None else None,
        wifi_dbm=as_dbm(wifi_strength),
        sync_signal_dbm=as_dbm(sync_strength),
        temperature_f=as_temperature_f(temperature),
        battery_check_time=as_time(battery_check_time, now=read_at),
    )


def camera_details(
    config: Any, signals: Any, camera_id: int, now: datetime
) -> CameraDetails | None:
    """Return a camera's details from its config and signals answers, None when unusable.

    The config answer is `{"camera": [{...}], "signals": {...}}`; only an entry with this
    camera's id (or the only entry, when it carries no id) is read.
    """
    entries = config.get("camera") if isinstance(config, Mapping) else None
    if not isinstance(entries, list):
        return None
    entry = next(
        (
            item
            for item in entries
            if isinstance(item, Mapping) and as_id(item.get("id")) == camera_id
        ),
        None,
    )
    if entry is None and len(entries) == 1 and isinstance(entries[0], Mapping):
        entry = entries[0] if "id" not in entries[0] else None
    if entry is None:
        return None
    sensors = signals if isinstance(signals, Mapping) else {}
    temperature = sensors.get("temp")
    if as_float(temperature) is None:
        temperature = entry.get("temperature")
    return checked_details(
        read_at=now,
        battery_state=entry.get("battery_state") or entry.get("battery"),
        voltage_hundredths=entry.get("battery_voltage"),
        wifi_strength=entry.get("wifi_strength"),
        temperature=temperature,
        battery_check_time=entry.get("battery_check_time"),
    )
