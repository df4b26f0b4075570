"""The source on Home Assistant's `blink` session: it reads what `blink` fetched, and sends nothing.

Home Assistant's `blink` entry holds a signed-in blinkpy `Blink` object that its coordinator
refreshes every 300 s. This source reads what that refresh left (the raw homescreen, the camera
and doorbell objects' details and the Sync Modules' clip records) and follows its refreshes. None of it is a
public API: every access is guarded, and the entry's coordinator is looked up again at every read
(a reload of `blink` replaces it). Acting goes through `blink`'s public motion switch entities.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from datetime import UTC, datetime, timedelta
from typing import Any, ClassVar

from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    ConfigEntry,
    ConfigEntryChange,
)
from homeassistant.const import Platform
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.dispatcher import async_dispatcher_connect

from ...const import LOGGER
from ..clips import ClipTracker
from ..details import CameraDetails
from ..errors import (
    AuthRefused,
    BlinkIntegrationFailing,
    BlinkIntegrationUnavailable,
)
from ..homescreen import read_homescreen, takes_details, with_details
from ..reading import AccountReading, CameraRef
from ..source import BlinkSource, SourceStatus
from ..usage import AccountUsage
from .entries import BLINK_DOMAIN, blink_coordinator
from .objects import (
    camera_object_details,
    camera_objects,
    epoch,
    recorded_clips,
    unique_names,
)
from .status import blink_integration_status
from .usage import async_read_usage

# The Blink integration's motion switch: unique id f"{serial}-motion_enabled".
MOTION_SWITCH_SUFFIX = "-motion_enabled"


class BlinkIntegrationSource(BlinkSource):
    """Reads the Blink account through Home Assistant's own `blink` entry.

    `on_update` (given at start) is called after each refresh of that entry's coordinator that
    read something new, and when the entry is loaded, unloaded or removed. Reading sends nothing
    to Blink. `blink` failing on calls no listener: its status is worth a look every minute.
    """

    status_check_interval: ClassVar[timedelta | None] = timedelta(minutes=1)

    def __init__(self, hass: HomeAssistant, blink_entry_id: str) -> None:
        """Remember which `blink` entry to read."""
        self.hass = hass
        self.blink_entry_id = blink_entry_id
        self._on_update: Callable[[], None] = lambda: None
        self._unsub_listener: CALLBACK_TYPE | None = None
        self._unsub_state: CALLBACK_TYPE | None = None
        self._unsub_changes: CALLBACK_TYPE | None = None
        self._listening_to: Any = None
        self._fetching = False
        self._clip_tracker = ClipTracker()
        self.refreshes_followed = 0
        self._seen_refresh: Any = None
        self._removed = False
        # Blink Health's own requests: the usage answer, when the owner allows it.
        self.requests = 0

    def _entry(self) -> ConfigEntry | None:
        """Return the `blink` entry, None once it was removed."""
        if self._removed:
            return None
        return self.hass.config_entries.async_get_entry(self.blink_entry_id)

    # The BlinkSource interface.

    async def async_start(self, on_update: Callable[[], None]) -> None:
        """Follow the `blink` entry; raise BlinkIntegrationUnavailable until it is loaded."""
        self._on_update = on_update
        if self._unsub_state is None:
            entry = self._entry()
            if entry is None:
                self._removed = True
                raise BlinkIntegrationUnavailable(
                    "the Blink integration's entry is gone"
                )
            self._unsub_state = entry.async_on_state_change(self._async_entry_state)
            self._unsub_changes = async_dispatcher_connect(
                self.hass, SIGNAL_CONFIG_ENTRY_CHANGED, self._async_entry_changed
            )
        if blink_coordinator(self._entry()) is None:
            raise BlinkIntegrationUnavailable("the Blink integration is not loaded")
        self._async_attach()

    async def async_fetch(self, *, details_for: Collection[int] = ()) -> AccountReading:
        """Read what `blink`'s latest refresh left; with `details_for`, have it refresh first."""
        coordinator = blink_coordinator(self._entry())
        if coordinator is None:
            raise BlinkIntegrationUnavailable("the Blink integration is not loaded")
        self._async_attach()
        if details_for:
            self._fetching = True
            try:
                await coordinator.async_request_refresh()
            finally:
                self._fetching = False
            coordinator = blink_coordinator(self._entry())
            if coordinator is None:
                raise BlinkIntegrationUnavailable("the Blink integration is not loaded")
        if not getattr(coordinator, "last_update_success", False):
            raise BlinkIntegrationFailing("the Blink integration's last refresh failed")
        blink = coordinator.api
        # What the Blink integration read is as old as its last refresh, not as this read.
        now = epoch(getattr(blink, "last_refresh", None)) or datetime.now(UTC)
        try:
            reading = read_homescreen(
                getattr(blink, "homescreen", None), fetched_at=now
            )
        except AuthRefused as err:
            # Blink refused the Blink integration's sign-in: its owner signs in there, never
            # in Blink Health (its repair says so).
            raise BlinkIntegrationUnavailable(
                "the Blink integration's sign-in"
            ) from err
        names = unique_names(reading.cameras)
        objects = camera_objects(blink, names)
        details: dict[int, CameraDetails] = {
            camera.id: camera_object_details(objects[camera.id], now)
            for camera in reading.cameras
            if takes_details(camera) and camera.id in objects
        }
        clips = self._clip_tracker.update(
            recorded_clips(blink, names, objects, now), now
        )
        return with_details(reading, details, clips)

    async def async_fetch_usage(self) -> AccountUsage | None:
        """Ask Blink for the account's usage with the `blink` entry's blinkpy: one request."""
        coordinator = blink_coordinator(self._entry())
        if coordinator is None:
            raise BlinkIntegrationUnavailable("the Blink integration is not loaded")
        self.requests += 1
        return await async_read_usage(coordinator.api)

    async def async_rearm(self, camera: CameraRef) -> bool:
        """Turn the Blink integration's motion switch for this camera off and on again."""
        registry = er.async_get(self.hass)
        entity_id = None
        for serial in camera.serials:
            if entity_id := registry.async_get_entity_id(
                Platform.SWITCH, BLINK_DOMAIN, f"{serial}{MOTION_SWITCH_SUFFIX}"
            ):
                break
        if entity_id is None:
            LOGGER.debug("No motion switch of the Blink integration for %s", camera.id)
            return False
        try:
            for service in ("turn_off", "turn_on"):
                await self.hass.services.async_call(
                    Platform.SWITCH, service, {"entity_id": entity_id}, blocking=True
                )
        except HomeAssistantError as err:
            LOGGER.debug("Re-arm through %s failed: %r", entity_id, err)
            return False
        return True

    async def async_close(self) -> None:
        """Stop following the `blink` entry."""
        self._async_detach()
        for unsub in (self._unsub_state, self._unsub_changes):
            if unsub is not None:
                unsub()
        self._unsub_state = self._unsub_changes = None

    def status(self) -> SourceStatus:
        """Return where the `blink` entry stands, since when it fails and why (no request)."""
        return blink_integration_status(self.hass, self.blink_entry_id, self._entry())

    def diagnostics(self) -> dict[str, Any]:
        """Return the mode and what this source knows of the `blink` entry (nothing secret)."""
        entry = self._entry()
        coordinator = blink_coordinator(entry)
        status = self.status()
        return {
            "mode": "blink_integration",
            "blink_entry_state": entry.state.value if entry else None,
            "blink_last_update_success": getattr(
                coordinator, "last_update_success", None
            ),
            "blink_refreshes_followed": self.refreshes_followed,
            "blink_integration": status.blink_integration,
            "blink_failing_since": status.failing_since.isoformat()
            if status.failing_since
            else None,
            "blink_last_error": status.last_error,
            "requests": self.requests,
        }

    # Following the `blink` entry.

    @callback
    def _async_attach(self) -> None:
        """Listen to the entry's current coordinator (a new one after each reload)."""
        coordinator = blink_coordinator(self._entry())
        if coordinator is self._listening_to:
            return
        self._async_detach()
        if coordinator is None:
            return
        try:
            self._unsub_listener = coordinator.async_add_listener(self._async_refreshed)
        except Exception:  # noqa: BLE001 - not a public contract
            LOGGER.debug("Cannot follow the Blink integration's refreshes")
            return
        self._listening_to = coordinator

    @callback
    def _async_detach(self) -> None:
        """Stop listening to a coordinator."""
        if self._unsub_listener is not None:
            self._unsub_listener()
        self._unsub_listener = None
        self._listening_to = None

    @callback
    def _async_refreshed(self) -> None:
        """Read again after the entry refreshed (or failed), unless a read of ours asked for it.

        blinkpy skips a refresh asked within its own refresh rate (300 s, `blink`'s interval
        too), so about every other update of its coordinator read nothing new: such an update is
        no poll (it must not advance a repair's streak of polls), unless it failed.
        """
        self.refreshes_followed += 1
        coordinator = blink_coordinator(self._entry())
        refreshed = getattr(getattr(coordinator, "api", None), "last_refresh", None)
        succeeded = bool(getattr(coordinator, "last_update_success", False))
        if succeeded and refreshed is not None and refreshed == self._seen_refresh:
            return
        self._seen_refresh = refreshed
        if not self._fetching:
            self._on_update()

    @callback
    def _async_entry_state(self) -> None:
        """Follow the entry's new coordinator after it was loaded or unloaded, then read."""
        self._async_attach()
        self._on_update()

    @callback
    def _async_entry_changed(
        self, change: ConfigEntryChange, entry: ConfigEntry
    ) -> None:
        """Stop following the entry once it was removed, and tell the owner of this source."""
        if (
            change is ConfigEntryChange.REMOVED
            and entry.entry_id == self.blink_entry_id
        ):
            self._removed = True
            self._async_detach()
            self._on_update()
