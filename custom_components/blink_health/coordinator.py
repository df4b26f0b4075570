"""The coordinator: read the account, build the snapshot, diagnose, and hand the result on.

Each poll: the source's `AccountReading` -> the model's `AccountSnapshot` -> the diagnosis
engine's verdicts -> the repairs tracker; entities, repairs and the card only read the result.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from datetime import datetime, timedelta

from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers.event import async_track_time_interval
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .battery_forecasts import BatteryForecasts
from .blink import AuthRefused, BlinkSource, CameraRef, SourceError
from .blink.log_filter import BLINKPY_LOG_FILTER
from .connection import Connection, ConnectionStatus, connection_for, ha_error_for
from .const import (
    CONF_POLLS_BEFORE_ISSUE,
    DEFAULT_POLLS_BEFORE_ISSUE,
    DOMAIN,
    LOGGER,
)
from .data import BlinkHealthData, CameraView, thresholds_from_options
from .device_sync import DeviceSync
from .diagnosis import (
    CameraHistory,
    Verdict,
    assess,
    diagnose,
    record_batteries_replaced,
    record_reset,
)
from .events import async_fire_changes
from .history_store import HistoryStore
from .model import SnapshotBuilder
from .repairs.storage import local_storage_issues
from .repairs.tracker import RepairIssueTracker
from .storage_watch import LocalStorageWatch
from .texts import async_texts

type BlinkHealthConfigEntry = ConfigEntry[BlinkHealthCoordinator]


class BlinkHealthCoordinator(DataUpdateCoordinator[BlinkHealthData]):
    """Polls one Blink source and keeps the latest snapshot, verdicts and history."""

    config_entry: BlinkHealthConfigEntry

    def __init__(
        self,
        hass: HomeAssistant,
        entry: BlinkHealthConfigEntry,
        source: BlinkSource,
        update_interval: timedelta | None,
    ) -> None:
        """Set up the coordinator over a source (update_interval None: the source pushes)."""
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name=DOMAIN,
            update_interval=update_interval,
        )
        self.source = source
        self.thresholds = thresholds_from_options(entry.options)
        self.polls_before_issue = int(
            entry.options.get(CONF_POLLS_BEFORE_ISSUE, DEFAULT_POLLS_BEFORE_ISSUE)
        )
        self.store = HistoryStore(hass, entry.entry_id)
        self.forecasts = BatteryForecasts(self.store, entry.data, entry.options)
        self.local_storage = LocalStorageWatch(hass, entry.entry_id)
        self.devices = DeviceSync(hass, entry.entry_id)
        self.repairs = RepairIssueTracker(hass, entry.entry_id, self.devices.device_id)
        self.devices.async_on_device_moved(self.repairs.async_device_moved)
        if (check := source.status_check_interval) is not None:
            entry.async_on_unload(
                async_track_time_interval(hass, self._async_check_source, check)
            )
        self._builder: SnapshotBuilder | None = None
        self._details_for: set[int] = set()
        self._reported_bug = False
        self.connection = ConnectionStatus(
            state=Connection.CONNECTED, since=dt_util.utcnow()
        )

    async def _async_setup(self) -> None:
        """Load the history, then start the source; failures retry or ask to sign in."""
        await self.store.async_load()
        await self.local_storage.async_load()
        self._builder = SnapshotBuilder(self.store.identities)
        try:
            await self.source.async_start(self._async_source_updated)
        except SourceError as err:
            raise self._async_failed(err) from err

    @callback
    def _async_check_source(self, _now: datetime) -> None:
        """Hand the source's status to the repairs between reads (no request)."""
        self.repairs.async_source_status(self.source.status())

    @callback
    def _async_source_updated(self) -> None:
        """Read the source again: it has something new (once the entry is set up)."""
        if self.config_entry.state is ConfigEntryState.LOADED:
            self.config_entry.async_create_task(
                self.hass, self.async_refresh(), "blink_health follows its source"
            )

    async def _async_update_data(self) -> BlinkHealthData:
        """Poll once; a successful poll advances the repair issues, a failed one counts time."""
        try:
            data = await self._async_poll()
        except SourceError as err:
            raise self._async_failed(err) from err
        except Exception as err:
            # A bug, not an outage: log it once with its traceback, and count a failed poll.
            if not self._reported_bug:
                self._reported_bug = True
                LOGGER.exception("Unexpected error polling Blink; please report it")
            raise self._async_failed(err) from err
        self._set_connection(None)
        async_fire_changes(
            self.hass,
            self.config_entry.entry_id,
            previous=self.data.snapshot if self.data else None,
            snapshot=data.snapshot,
            verdicts=data.verdicts,
            device_id_for=self.devices.device_id,
        )
        self.repairs.async_poll_succeeded(
            data.snapshot,
            data.verdicts,
            self.polls_before_issue,
            self.forecasts.due_issues(self.hass, data, self.devices.device_id)
            | local_storage_issues(
                data.snapshot,
                data.storage_worked,
                self.devices.device_id,
                async_texts(self.hass),
            ),
        )
        self.repairs.async_source_status(self.source.status())
        if not self.last_update_success:
            BLINKPY_LOG_FILTER.reset()
        self._reported_bug = False
        return data

    @callback
    def _async_failed(self, err: Exception) -> ConfigEntryAuthFailed | UpdateFailed:
        """Note a failed poll (the connection, the outage clock, the source's own issues).

        Returns the Home Assistant error to raise: a refused sign-in asks to sign in again.
        """
        self._set_connection(err)
        if not isinstance(err, AuthRefused):
            self.repairs.async_poll_failed()
        self.repairs.async_source_status(self.source.status())
        if self.connection.state is Connection.SIGN_IN_REQUIRED:
            LOGGER.warning(
                "Blink refused the saved sign-in for good; Home Assistant asks to sign in again"
            )
        return ha_error_for(err)

    def _set_connection(self, err: Exception | None) -> None:
        """Note how this poll reached Blink; the state's `since` moves only when it changes."""
        now = dt_util.utcnow()
        last_update: datetime | None = now
        code: str | None = None
        if err is None:
            state = Connection.CONNECTED
        else:
            state, code = connection_for(err)
            last_update = self.connection.last_update
        changed = state is not self.connection.state or code != self.connection.code
        self.connection = ConnectionStatus(
            state=state,
            since=now if changed else self.connection.since,
            last_update=last_update,
            code=code,
        )
        if changed and err is not None and not self.last_update_success:
            # Home Assistant tells no entity about a failure that follows a failure: the
            # connection sensor must still show that the reason changed.
            self.async_update_listeners()

    async def _async_poll(self) -> BlinkHealthData:
        """Read, build the snapshot, sync devices and diagnose every camera."""
        details_for, self._details_for = self._details_for, set()
        reading = await self.source.async_fetch(details_for=details_for)
        if self._builder is None:  # pragma: no cover - _async_setup always runs first
            raise RuntimeError("coordinator not set up")
        previous = self.data.snapshot if self.data else None
        snapshot = self._builder.build(reading, previous)
        gone = self.devices.async_update(snapshot)
        if gone:
            snapshot = replace(
                snapshot,
                cameras={k: c for k, c in snapshot.cameras.items() if k not in gone},
                sync_modules={
                    k: m for k, m in snapshot.sync_modules.items() if k not in gone
                },
            )
        histories = self.store.histories
        verdicts: dict[str, Verdict] = {}
        known = self.data.verdicts if self.data else {}
        for key, camera in snapshot.cameras.items():
            if camera.carried and key in known:
                # Not in this answer: nothing new to judge it by; its entities are unavailable.
                verdicts[key] = known[key]
                continue
            verdicts[key], histories[key] = assess(
                camera,
                snapshot.sync_module_for(camera),
                histories.get(key, CameraHistory()),
                self.thresholds,
                snapshot.taken_at,
            )
        for key in gone:
            histories.pop(key, None)
        forecasts = await self.forecasts.async_poll(self.source, snapshot, histories)
        self.store.async_save_later()
        return BlinkHealthData(
            snapshot,
            verdicts,
            dict(histories),
            forecasts,
            storage_worked=self.local_storage.async_update(snapshot),
        )

    async def async_check_camera(self, key: str) -> CameraView | None:
        """Poll now, reading this camera's own details afresh (a fix flow checking its fix)."""
        if self.data and (camera := self.data.snapshot.cameras.get(key)):
            self._details_for.add(camera.id)
        await self.async_refresh()
        return self.data.camera(key) if self.last_update_success else None

    async def async_rearm(self, key: str) -> bool:
        """Turn the camera's motion detection off and on; return whether Blink took both."""
        camera = self.data.snapshot.cameras.get(key) if self.data else None
        if camera is None:
            return False
        ref = CameraRef(
            id=camera.id,
            network_id=camera.network_id,
            kind=camera.kind,
            serials=tuple(dict.fromkeys(s for s in (camera.serial, camera.key) if s)),
        )
        return await self.source.async_rearm(ref)

    async def async_record_batteries_replaced(self, key: str) -> None:
        """Record that the owner just put new batteries in this camera, then check it."""
        await self._async_record(key, record_batteries_replaced)
        await self.async_check_camera(key)

    async def async_record_reset(self, key: str) -> None:
        """Record that the owner reset this camera and the light persists."""
        await self._async_record(key, record_reset)

    async def _async_record(
        self, key: str, action: Callable[[CameraHistory, datetime], CameraHistory]
    ) -> None:
        """Apply an owner's action to the history, save it, and diagnose again without polling."""
        histories = self.store.histories
        histories[key] = action(histories.get(key, CameraHistory()), dt_util.utcnow())
        await self.store.async_save()
        camera = self.data.snapshot.cameras.get(key) if self.data else None
        if camera is None:
            return
        verdict = diagnose(
            camera,
            self.data.snapshot.sync_module_for(camera),
            histories[key],
            self.thresholds,
            dt_util.utcnow(),
        )
        # Not async_set_updated_data: that would mark a failing poll as a success.
        self.data = replace(
            self.data,
            verdicts={**self.data.verdicts, key: verdict},
            histories=dict(histories),
            forecasts=self.forecasts.after_change(
                self.data.forecasts, key, camera, histories[key]
            ),
        )
        self.async_update_listeners()

    def known_keys(self) -> set[str]:
        """Return the keys of every device in the latest snapshot."""
        if not self.data:
            return set()
        return set(self.data.snapshot.cameras) | set(self.data.snapshot.sync_modules)
