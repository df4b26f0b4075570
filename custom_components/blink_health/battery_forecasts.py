"""Each battery camera's forecast, poll by poll, and Blink's usage read once a day for them all.

At every poll each battery camera's ledger follows the camera: a battery change recorded since
starts it afresh, the time passed (and its cold) is added, a new voltage reading is kept. Once a
day (a day after the last request, across restarts) one usage request covers the account; a
failing or odd answer is logged, fails nothing, and the forecasts keep the last reading and say
so. Minis and wired cameras have no forecast.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import fields, replace
from datetime import datetime
from typing import TYPE_CHECKING, Any

from homeassistant.core import HomeAssistant
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util

from .blink import BlinkSource, SourceError
from .blink.blink_integration import CONF_BLINK_ENTRY_ID
from .const import CONF_READ_USAGE, DOMAIN, LOGGER
from .diagnosis import CameraHistory
from .forecast import (
    DEFAULT_FORECAST_SETTINGS,
    BatteryReading,
    Forecast,
    ForecastSettings,
    Ledger,
    UsageWindow,
    add_usage,
    add_voltage,
    budget_family,
    forecast,
    given_share,
    learn_capacity,
    start_ledger,
    tick,
    without_usage,
)
from .forecast.log import ForecastLog
from .forecast.model import level_interval
from .history_store import HistoryStore
from .model import AccountSnapshot, CameraKind, CameraSnapshot
from .repairs.battery_due import battery_due_issues
from .repairs.issues import WantedIssue
from .texts import async_texts

if TYPE_CHECKING:
    from .data import BlinkHealthData

__all__ = ["BatteryForecasts", "Forecast", "reads_usage", "settings_from_options"]

# The cells' level when Blink says nothing of it but "not low": anything but empty.
UNKNOWN_LEVEL = (0.05, 1.0)
LOW_LEVEL = (0.0, 0.05)


def settings_from_options(options: Mapping[str, Any]) -> ForecastSettings:
    """Return the forecast settings the owner chose (within their ranges), defaults for the rest."""
    values = {
        setting.name: min(
            max(int(options[setting.name]), setting.metadata["min"]),
            setting.metadata["max"],
        )
        for setting in fields(ForecastSettings)
        if isinstance(options.get(setting.name), (int, float))
    }
    return replace(DEFAULT_FORECAST_SETTINGS, **values)


def reads_usage(data: Mapping[str, Any], options: Mapping[str, Any]) -> bool:
    """Return whether an entry asks Blink for usage: always signed in, by option on `blink`'s."""
    return CONF_BLINK_ENTRY_ID not in data or bool(options.get(CONF_READ_USAGE, False))


class BatteryForecasts:
    """Keeps every battery camera's ledger (in the store's forecast log) and forecasts from it."""

    def __init__(
        self, store: HistoryStore, data: Mapping[str, Any], options: Mapping[str, Any]
    ) -> None:
        """Follow the store's ledgers, with the entry's options."""
        self._store = store
        self.settings = settings_from_options(options)
        self.reads_usage = reads_usage(data, options)

    @property
    def log(self) -> ForecastLog:
        """Return the ledgers and usage bookkeeping (loaded with the history)."""
        return self._store.forecast

    async def async_poll(
        self,
        source: BlinkSource,
        snapshot: AccountSnapshot,
        histories: Mapping[str, CameraHistory],
    ) -> dict[str, Forecast]:
        """Follow every battery camera to this poll, read usage when due, and forecast."""
        now = snapshot.taken_at
        cameras = {k: c for k, c in snapshot.cameras.items() if c.has_battery}
        for key, camera in cameras.items():
            self._follow(key, camera, histories.get(key), now)
        for gone in set(self.log.ledgers) - set(cameras):
            del self.log.ledgers[gone]
        if self.reads_usage and self.log.usage_due(now):
            await self._async_read_usage(source, cameras, now)
        return {
            key: self._forecast(key, camera, now) for key, camera in cameras.items()
        }

    def due_issues(
        self,
        hass: HomeAssistant,
        data: BlinkHealthData,
        device_id_for: Callable[[str], str | None],
    ) -> dict[str, WantedIssue]:
        """Return the repairs for batteries due within the warning days (open ones kept)."""
        return battery_due_issues(
            data.snapshot,
            data.verdicts,
            data.forecasts,
            device_id_for,
            async_texts(hass),
            within_days=self.settings.battery_due_days,
            raised={
                key for domain, key in ir.async_get(hass).issues if domain == DOMAIN
            },
            now=dt_util.utcnow(),
        )

    def after_change(
        self,
        forecasts: Mapping[str, Forecast],
        key: str,
        camera: CameraSnapshot,
        history: CameraHistory,
    ) -> dict[str, Forecast]:
        """Return the forecasts with this camera's afresh, right after the owner's change."""
        updated = dict(forecasts)
        if camera.has_battery:
            now = dt_util.utcnow()
            self._follow(key, camera, history, now)
            updated[key] = self._forecast(key, camera, now)
        return updated

    def _follow(
        self,
        key: str,
        camera: CameraSnapshot,
        history: CameraHistory | None,
        now: datetime,
    ) -> None:
        """Bring a camera's ledger to `now`: new cells start afresh, time and cold are added."""
        ledger = self.log.ledgers.get(key)
        replaced = history.batteries_replaced_at if history else None
        if replaced is not None and (
            ledger is None or not ledger.from_change or replaced > ledger.started_at
        ):
            ledger = start_ledger(replaced, from_change=True, previous=ledger)
        elif ledger is None:
            ledger = start_ledger(now, from_change=False, level=_level(camera))
        ledger = tick(ledger, now, camera.temperature_f)
        if camera.battery_voltage is not None and camera.details_read_at is not None:
            ledger = add_voltage(ledger, camera.battery_voltage, camera.details_read_at)
        if camera.battery_low:
            # The cells read low: what they gave is what this camera's cells hold.
            ledger = learn_capacity(
                ledger, given_share(ledger, self._reading(camera)), now
            )
        self.log.ledgers[key] = ledger

    async def _async_read_usage(
        self, source: BlinkSource, cameras: Mapping[str, CameraSnapshot], now: datetime
    ) -> None:
        """Ask Blink for the account's usage once, and add each camera's to its ledger.

        A source without room in this poll answers None: it is asked again at the next poll.
        """
        try:
            usage = await source.async_fetch_usage()
        except SourceError as err:
            LOGGER.debug("Camera usage not read: %r", err)
            self.log.usage_asked_at = now
            if self.log.usage_failing_since is None:
                LOGGER.info(
                    "Blink's camera usage could not be read; the battery forecasts keep "
                    "the last reading"
                )
                self.log.usage_failing_since = now
            return
        if usage is None:
            return
        self.log.usage_asked_at = now
        self.log.usage_failing_since = None
        self.log.usage_read_at = now
        for key, camera in cameras.items():
            ledger = self.log.ledgers[key]
            entry = usage.cameras.get(camera.id) if _in_usage(camera) else None
            self.log.ledgers[key] = (
                without_usage(ledger)
                if entry is None
                else add_usage(
                    ledger,
                    UsageWindow(
                        at=now,
                        clip_seconds=entry.clip_seconds,
                        live_view_seconds=entry.live_view_seconds,
                        range_days=entry.range_days,
                    ),
                )
            )

    def _reading(self, camera: CameraSnapshot) -> BatteryReading:
        """Return what Blink reports of a camera's batteries, with its model's budget."""
        return BatteryReading(
            budget_seconds=self.settings.budget_seconds(
                budget_family(camera.kind, camera.product_type)
            ),
            battery_low=camera.battery_low,
            bars=camera.battery_bars,
            voltage=camera.battery_voltage,
        )

    def _forecast(self, key: str, camera: CameraSnapshot, now: datetime) -> Forecast:
        """Return a camera's forecast from its ledger and what Blink reports now."""
        ledger: Ledger = self.log.ledgers[key]
        return forecast(
            ledger,
            self._reading(camera),
            now,
            reads_usage=self.reads_usage,
            usage_stale_since=self.log.usage_failing_since,
        )


def _in_usage(camera: CameraSnapshot) -> bool:
    """Return whether Blink's usage answer lists this kind of camera (its default cameras)."""
    return camera.kind is CameraKind.BATTERY


def _level(camera: CameraSnapshot) -> tuple[float, float]:
    """Return the share of the capacity Blink's reading allows, for cells first seen now."""
    if camera.battery_low:
        return LOW_LEVEL
    return level_interval(camera.battery_bars, camera.battery_voltage) or UNKNOWN_LEVEL
