"""The battery forecast as an owner sees it: local dates, days left, and what it rests on in words.

The words come from the translations (`selector.forecast_basis` and `selector.forecast_fact`),
in Home Assistant's language; numbers are rounded to what they can tell.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from datetime import date, datetime
from typing import TYPE_CHECKING, Any

from homeassistant.util import dt as dt_util

from .forecast import Basis, Forecast
from .texts import PREFIX, Texts

if TYPE_CHECKING:
    from .data import BlinkHealthData, CameraView

BASIS_WORDS = f"{PREFIX}.selector.forecast_basis.options"
FACT_WORDS = f"{PREFIX}.selector.forecast_fact.options"
# Causes whose own repair already says to replace the batteries.
_NOW = frozenset({Basis.BATTERIES_LOW, Basis.VOLTAGE_DROP})


def local_day(moment: datetime) -> date:
    """Return the day a moment falls on in Home Assistant's time zone."""
    return dt_util.as_local(moment).date()


def days_left(forecast: Forecast, now: datetime | None = None) -> int:
    """Return the whole days from today to the most likely day (0 when it is today or past)."""
    today = local_day(now or dt_util.utcnow())
    return max(0, (local_day(forecast.due) - today).days)


def _fill(template: str, values: Mapping[str, str]) -> str:
    """Return a translated sentence with its {placeholders} filled."""
    for name, value in values.items():
        template = template.replace(f"{{{name}}}", value)
    return template


def _temperature(fahrenheit: float) -> str:
    """Return a temperature in both scales (Blink reports °F; most owners read °C)."""
    celsius = (fahrenheit - 32) * 5 / 9
    return f"{fahrenheit:.0f} °F ({celsius:.0f} °C)"


def based_on(forecast: Forecast, texts: Texts) -> str:
    """Return what the date rests on, in a few sentences in the owner's language."""
    words = texts.strings
    values = {
        "start": local_day(forecast.started_at).isoformat(),
        "readings": str(forecast.readings),
        "typical": f"{forecast.typical_per_day:.0f}",
        "voltage": f"{forecast.voltage:.2f} V" if forecast.voltage else "-",
    }
    sentences = [_fill(words.get(f"{BASIS_WORDS}.{forecast.basis.value}", ""), values)]
    if forecast.basis not in _NOW:
        if forecast.learning and forecast.basis is not Basis.LEARNING:
            sentences.append(_fill(words.get(f"{FACT_WORDS}.learning", ""), values))
        if forecast.clip_per_day is not None and forecast.live_view_per_day is not None:
            values |= {
                "clip": f"{forecast.clip_per_day:.0f}",
                "live_view": f"{forecast.live_view_per_day:.0f}",
            }
            sentences.append(_fill(words.get(f"{FACT_WORDS}.use", ""), values))
        if forecast.learned_from:
            values["share"] = f"{forecast.capacity_share * 100:.0f}"
            sentences.append(_fill(words.get(f"{FACT_WORDS}.learned", ""), values))
        if forecast.cold < 1 and forecast.temperature_f is not None:
            values["temperature"] = _temperature(forecast.temperature_f)
            sentences.append(_fill(words.get(f"{FACT_WORDS}.cold", ""), values))
    if forecast.usage_stale_since is not None:
        values["since"] = dt_util.as_local(forecast.usage_stale_since).strftime(
            "%Y-%m-%d %H:%M"
        )
        sentences.append(_fill(words.get(f"{FACT_WORDS}.usage_stale", ""), values))
    return " ".join(sentence for sentence in sentences if sentence)


def due_value(view: CameraView) -> date | None:
    """Return the day the camera's batteries most likely need replacing."""
    return None if view.forecast is None else local_day(view.forecast.due)


def due_attributes(view: CameraView, texts: Texts) -> Mapping[str, Any]:
    """Return the forecast's days left, range and basis (an id, and in words)."""
    forecast = view.forecast
    if forecast is None:
        return {}
    return {
        "days_left": days_left(forecast),
        "earliest": local_day(forecast.earliest).isoformat(),
        "latest": local_day(forecast.latest).isoformat(),
        "basis": forecast.basis.value,
        "based_on": based_on(forecast, texts),
        "usage_per_day": round(forecast.activity_per_day),
    }


def batteries_due(
    data: BlinkHealthData,
    within_days: int,
    device_id_for: Callable[[str], str | None],
) -> list[dict[str, Any]]:
    """Return the cameras whose batteries are due within the days, soonest first.

    Each with its name in Blink, the registry id of the device its entities sit on (Blink
    Health's or `blink`'s), the day and the days left.
    """
    due: list[tuple[datetime, dict[str, Any]]] = []
    for key, forecast in data.forecasts.items():
        camera = data.snapshot.cameras.get(key)
        if camera is None or (left := days_left(forecast)) > within_days:
            continue
        due.append(
            (
                forecast.due,
                {
                    "name": camera.name,
                    "device_id": device_id_for(key),
                    "date": local_day(forecast.due).isoformat(),
                    "days_left": left,
                },
            )
        )
    return [entry for _, entry in sorted(due, key=lambda item: item[0])]
