"""The core source: reads Home Assistant's own `blink` integration, sending no request to Blink.

Home Assistant's `blink` entry holds a signed-in blinkpy `Blink` object that its coordinator
refreshes every 300 s. This source reads what that refresh left (the raw homescreen, the camera
objects' details and the Sync Modules' clip records) and follows its refreshes. None of it is a
public API: every access is guarded, and the entry's coordinator is looked up again at every fetch
(a reload of core replaces it). Acting goes through core's public motion switch entities.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Mapping
from datetime import UTC, datetime
from typing import Any

from homeassistant.config_entries import (
    SIGNAL_CONFIG_ENTRY_CHANGED,
    ConfigEntry,
    ConfigEntryChange,
    ConfigEntryState,
)
from homeassistant.const import Platform
from homeassistant.core import CALLBACK_TYPE, HomeAssistant, callback
from homeassistant.exceptions import HomeAssistantError
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.dispatcher import async_dispatcher_connect

from .blink_answers import (
    check_homescreen,
    homescreen_cameras,
)
from .blink_source import (
    AccountState,
    BlinkIntegrationUnavailable,
    BlinkSource,
    CameraClips,
    CameraDetails,
    ClipTracker,
    CloudUnreachable,
)
from .const import LOGGER
from .core_blink_entry import (
    CORE_DOMAIN,
    async_raise_core_removed,
    async_update_core_reauth_issue,
    core_needs_sign_in,
)
from .core_blink_objects import (
    camera_object_details,
    camera_objects,
    epoch,
    newest_clips,
    unique_names,
)
from .snapshot import CameraSnapshot

# Core's motion switch: unique id f"{serial}-motion_enabled" (homeassistant/components/blink).
CORE_SWITCH_SUFFIX = "-motion_enabled"


class CoreBlinkSource(BlinkSource):
    """Reads the Blink account through Home Assistant's own `blink` entry.

    `on_update` is called after each refresh of core's coordinator (and when core's entry is
    loaded or unloaded); the owner then fetches. Fetching sends nothing to Blink.
    """

    def __init__(
        self,
        hass: HomeAssistant,
        owner_entry_id: str,
        core_entry_id: str,
        on_update: Callable[[], None],
    ) -> None:
        """Remember which core entry to read and whom to tell about its refreshes."""
        self.hass = hass
        self.owner_entry_id = owner_entry_id
        self.core_entry_id = core_entry_id
        self._on_update = on_update
        self._unsub_listener: CALLBACK_TYPE | None = None
        self._unsub_state: CALLBACK_TYPE | None = None
        self._unsub_changes: CALLBACK_TYPE | None = None
        self._listening_to: Any = None
        self._fetching = False
        self._clip_tracker = ClipTracker()
        self._last_fetch: datetime | None = None
        self.core_refreshes = 0
        self._seen_refresh: Any = None
        self.core_removed = False

    # Looking core up, guarded: none of this is a public API.

    def _core_entry(self) -> ConfigEntry | None:
        """Return core's entry, None when it was removed."""
        return self.hass.config_entries.async_get_entry(self.core_entry_id)

    def _core_coordinator(self) -> Any:
        """Return core's coordinator when its entry is loaded, else None (looked up afresh)."""
        entry = self._core_entry()
        if entry is None or entry.state is not ConfigEntryState.LOADED:
            return None
        coordinator = getattr(entry, "runtime_data", None)
        if coordinator is None or getattr(coordinator, "api", None) is None:
            return None
        return coordinator

    # The BlinkSource interface.

    async def async_start(self) -> None:
        """Follow core's entry; raise CloudUnreachable until it is loaded (set-up retries)."""
        if self._unsub_state is None:
            entry = self._core_entry()
            if entry is None:
                self._async_core_removed()
                raise BlinkIntegrationUnavailable(
                    "the Blink integration's entry is gone"
                )
            self._unsub_state = entry.async_on_state_change(self._async_core_state)
            self._unsub_changes = async_dispatcher_connect(
                self.hass,
                SIGNAL_CONFIG_ENTRY_CHANGED,
                self._async_entry_changed,
            )
        if self._core_coordinator() is None:
            self._async_update_reauth_issue()
            raise BlinkIntegrationUnavailable("the Blink integration is not loaded")
        self._async_attach()

    async def async_fetch(self, *, details_for: Collection[int] = ()) -> AccountState:
        """Read what core's latest refresh left; with `details_for`, have core refresh first."""
        coordinator = self._core_coordinator()
        self._async_update_reauth_issue()
        if coordinator is None:
            raise BlinkIntegrationUnavailable("the Blink integration is not loaded")
        self._async_attach()
        if details_for:
            self._fetching = True
            try:
                await coordinator.async_request_refresh()
            finally:
                self._fetching = False
            coordinator = self._core_coordinator()
            if coordinator is None:
                raise BlinkIntegrationUnavailable("the Blink integration is not loaded")
        if not getattr(coordinator, "last_update_success", False):
            self._async_update_reauth_issue()
            raise CloudUnreachable("the Blink integration's last refresh failed")
        blink = coordinator.api
        raw: Any = getattr(blink, "homescreen", None)
        check_homescreen(raw)  # raises unless it is a mapping with a networks list
        homescreen: Mapping[str, Any] = raw
        now = datetime.now(UTC)
        read_at = epoch(getattr(blink, "last_refresh", None)) or now
        cameras = homescreen_cameras(homescreen)
        names = unique_names(homescreen)
        objects = camera_objects(blink, names)
        details: dict[int, CameraDetails] = {}
        for camera_id in cameras:
            camera = objects.get(camera_id)
            if camera is not None and (
                found := camera_object_details(camera, camera_id, read_at)
            ):
                details[camera_id] = found
        clips = self._clips(blink, names, objects, now)
        self._last_fetch = now
        return AccountState(
            fetched_at=now, homescreen=homescreen, details=details, clips=clips
        )

    async def async_rearm(self, camera: CameraSnapshot) -> bool:
        """Turn core's motion switch for this camera off and on again."""
        registry = er.async_get(self.hass)
        entity_id = None
        for serial in (camera.reported_serial, camera.serial):
            if serial and (
                entity_id := registry.async_get_entity_id(
                    Platform.SWITCH, CORE_DOMAIN, f"{serial}{CORE_SWITCH_SUFFIX}"
                )
            ):
                break
        if entity_id is None:
            LOGGER.debug(
                "No motion switch of the Blink integration for %s", camera.name
            )
            return False
        try:
            for service in ("turn_off", "turn_on"):
                await self.hass.services.async_call(
                    Platform.SWITCH,
                    service,
                    {"entity_id": entity_id},
                    blocking=True,
                )
        except HomeAssistantError as err:
            LOGGER.debug("Re-arm through %s failed: %r", entity_id, err)
            return False
        return True

    async def async_close(self) -> None:
        """Stop following core."""
        self._async_detach()
        for unsub in (self._unsub_state, self._unsub_changes):
            if unsub is not None:
                unsub()
        self._unsub_state = self._unsub_changes = None

    def diagnostics(self) -> dict[str, Any]:
        """Return the mode and what this source knows of core (nothing secret)."""
        entry = self._core_entry()
        coordinator = self._core_coordinator()
        return {
            "mode": "blink_integration",
            "core_entry_state": entry.state.value if entry else None,
            "core_last_update_success": getattr(
                coordinator, "last_update_success", None
            ),
            "core_refreshes_followed": self.core_refreshes,
            "requests": 0,
        }

    # Following core.

    @callback
    def _async_attach(self) -> None:
        """Listen to core's current coordinator (a new one after each reload)."""
        coordinator = self._core_coordinator()
        if coordinator is self._listening_to:
            return
        self._async_detach()
        if coordinator is None:
            return
        try:
            self._unsub_listener = coordinator.async_add_listener(
                self._async_core_updated
            )
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
    def _async_core_updated(self) -> None:
        """Core refreshed (or failed): fetch again, unless a fetch of ours asked for it.

        blinkpy skips a refresh asked within its own refresh rate (300 s, core's interval too),
        so about every other update of core's coordinator read nothing new: such an update is
        no poll (it must not advance a repair's streak of polls), unless it failed.
        """
        self.core_refreshes += 1
        coordinator = self._core_coordinator()
        refreshed = getattr(getattr(coordinator, "api", None), "last_refresh", None)
        succeeded = bool(getattr(coordinator, "last_update_success", False))
        if succeeded and refreshed is not None and refreshed == self._seen_refresh:
            return
        self._seen_refresh = refreshed
        if not self._fetching:
            self._on_update()

    @callback
    def _async_core_state(self) -> None:
        """Core's entry was loaded or unloaded: follow its new coordinator, then fetch."""
        self._async_attach()
        self._async_update_reauth_issue()
        self._on_update()

    @callback
    def _async_entry_changed(
        self, change: ConfigEntryChange, entry: ConfigEntry
    ) -> None:
        """Core's entry was removed: offer to switch to Blink Health's own sign-in."""
        if change is ConfigEntryChange.REMOVED and entry.entry_id == self.core_entry_id:
            self._async_detach()
            self._async_core_removed()
            self._on_update()

    @callback
    def _async_core_removed(self) -> None:
        """Raise the repair that offers Blink Health's own sign-in."""
        self.core_removed = True
        async_raise_core_removed(self.hass, self.owner_entry_id)

    @callback
    def _async_update_reauth_issue(self) -> None:
        """Raise one repair while core waits for a sign-in; clear it once core works again."""
        entry = self._core_entry()
        async_update_core_reauth_issue(
            self.hass,
            self.owner_entry_id,
            needs_sign_in=core_needs_sign_in(self.hass, entry),
            title=entry.title if entry else "",
        )

    def _clips(
        self,
        blink: Any,
        names: Mapping[str, int],
        objects: Mapping[int, Any],
        now: datetime,
    ) -> dict[int, CameraClips]:
        """Return each camera's clips from blinkpy's records (only cameras with unique names)."""
        return self._clip_tracker.update(newest_clips(blink, names, objects, now))
