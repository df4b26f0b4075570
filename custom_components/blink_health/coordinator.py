"""The coordinator: one poll of the Blink account per interval, turned into a snapshot."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from aiohttp import ClientError, ClientSession
from blinkpy.auth import BlinkTwoFARequiredError, TokenRefreshFailed, UnauthorizedError
from blinkpy.blinkpy import Blink
from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.exceptions import ConfigEntryAuthFailed
from homeassistant.helpers import device_registry as dr
from homeassistant.helpers.storage import Store
from homeassistant.helpers.update_coordinator import DataUpdateCoordinator, UpdateFailed
from homeassistant.util import dt as dt_util

from .blink_client import (
    create_blink,
    disable_media_downloads,
    login_data_to_store,
    refresh_motion,
)
from .const import (
    CONF_POLLS_BEFORE_ISSUE,
    CONF_SCAN_INTERVAL,
    DEFAULT_SCAN_INTERVAL,
    DOMAIN,
    LOGGER,
    MANUFACTURER,
    MODEL_NAMES,
    THRESHOLD_OPTIONS,
)
from .diagnosis import (
    DEFAULT_THRESHOLDS,
    CameraHistory,
    Thresholds,
    Verdict,
    assess,
    diagnose,
    record_batteries_replaced,
    record_reset,
)
from .log_filter import BLINKPY_LOG_FILTER
from .repair_issues import DEFAULT_POLLS_BEFORE_ISSUE, RepairIssueTracker
from .snapshot import AccountSnapshot, CameraSnapshot
from .snapshot_builder import (
    HomescreenMalformedError,
    HomescreenRefusedError,
    build_snapshot,
    camera_extras,
    homescreen_device_ids,
    sync_module_errors,
    validate_homescreen,
)


def model_name(product_type: str | None) -> str | None:
    """Return a readable model name, or Blink's own type when it is not a known one."""
    if product_type is None:
        return None
    return MODEL_NAMES.get(product_type.lower(), product_type)


def _command_accepted(response: Any) -> bool:
    """Return whether Blink answered a command with a command id (an error body has none)."""
    return isinstance(response, Mapping) and response.get("id") is not None


def history_storage_key(entry_id: str) -> str:
    """Return the storage key of an entry's diagnosis history."""
    return f"{DOMAIN}.{entry_id}.history"


type BlinkHealthConfigEntry = ConfigEntry[BlinkHealthCoordinator]

FULL_REFRESH_INTERVAL = timedelta(minutes=30)
HISTORY_STORAGE_VERSION = 1
HISTORY_SAVE_DELAY = 10

_AUTH_ERRORS = (UnauthorizedError, TokenRefreshFailed, BlinkTwoFARequiredError)


@dataclass(frozen=True, slots=True)
class CameraState:
    """One camera as its entities see it: the snapshot, the verdict and the history."""

    camera: CameraSnapshot
    verdict: Verdict
    history: CameraHistory


@dataclass(frozen=True, slots=True)
class BlinkHealthData:
    """What one successful poll produced, read by every entity."""

    snapshot: AccountSnapshot
    verdicts: Mapping[str, Verdict] = field(default_factory=dict)
    histories: Mapping[str, CameraHistory] = field(default_factory=dict)

    def camera_state(self, serial: str) -> CameraState | None:
        """Return the camera's state, None when it left the account."""
        camera = self.snapshot.cameras.get(serial)
        verdict = self.verdicts.get(serial)
        if camera is None or verdict is None:
            return None
        return CameraState(camera, verdict, self.histories.get(serial, CameraHistory()))


def thresholds_from_options(options: Mapping[str, Any]) -> Thresholds:
    """Return the diagnosis thresholds the owner chose, defaults for the rest."""
    values = {
        name: int(options[name])
        for name in THRESHOLD_OPTIONS
        if options.get(name) is not None
    }
    return replace(DEFAULT_THRESHOLDS, **values)


class BlinkHealthCoordinator(DataUpdateCoordinator[BlinkHealthData]):
    """Polls Blink through blinkpy and keeps the latest snapshot."""

    config_entry: BlinkHealthConfigEntry

    def __init__(
        self, hass: HomeAssistant, entry: BlinkHealthConfigEntry, session: ClientSession
    ) -> None:
        """Set up the coordinator and its blinkpy object from the entry's saved tokens."""
        seconds = entry.options.get(CONF_SCAN_INTERVAL)
        super().__init__(
            hass,
            LOGGER,
            config_entry=entry,
            name=DOMAIN,
            update_interval=timedelta(seconds=seconds)
            if seconds
            else DEFAULT_SCAN_INTERVAL,
        )
        self.session = session
        self._device_ids: frozenset[tuple[str, object]] | None = None
        self._last_full_refresh: datetime | None = None
        self._full_refresh_requested = False
        self.thresholds = thresholds_from_options(entry.options)
        self._history_store = Store[dict[str, Any]](
            hass, HISTORY_STORAGE_VERSION, history_storage_key(entry.entry_id)
        )
        self._histories: dict[str, CameraHistory] = {}
        self.issues = RepairIssueTracker(hass, entry.entry_id)
        self.polls_before_issue = int(
            entry.options.get(CONF_POLLS_BEFORE_ISSUE, DEFAULT_POLLS_BEFORE_ISSUE)
        )
        self.blink: Blink = create_blink(
            session, entry.data, callback=self._async_save_tokens
        )

    async def _async_setup(self) -> None:
        """Load the diagnosis history, then sign in with the saved tokens.

        Failures leave the entry to retry or reauthenticate.
        """
        stored = await self._history_store.async_load() or {}
        self._histories = {
            str(serial): CameraHistory.from_dict(data)
            for serial, data in stored.get("cameras", {}).items()
        }
        saved_token = self.blink.auth.token
        try:
            started = await self.blink.start()
        except BlinkTwoFARequiredError as err:
            raise ConfigEntryAuthFailed(
                translation_domain=DOMAIN, translation_key="reauth_required"
            ) from err
        except Exception as err:
            # Unreachable (ClientError, TimeoutError) or an answer blinkpy chokes on: retry later.
            LOGGER.debug("blinkpy start failed: %r", err)
            self.issues.async_poll_failed(dt_util.utcnow())
            raise UpdateFailed(
                translation_domain=DOMAIN, translation_key="cannot_connect"
            ) from err
        if not started:
            # No new token: Blink refused the refresh token and the password-less sign-in.
            if self.blink.auth.token in (None, saved_token):
                raise ConfigEntryAuthFailed(
                    translation_domain=DOMAIN, translation_key="reauth_required"
                )
            self.issues.async_poll_failed(dt_util.utcnow())
            raise UpdateFailed(
                translation_domain=DOMAIN, translation_key="cannot_connect"
            )
        self._async_save_tokens()

    async def _async_update_data(self) -> BlinkHealthData:
        """Poll once; a successful poll advances the repair issues, a failed one counts time."""
        try:
            data = await self._async_poll()
        except UpdateFailed:
            self.issues.async_poll_failed(dt_util.utcnow())
            raise
        self.issues.async_poll_succeeded(
            data.snapshot, data.verdicts, self.polls_before_issue
        )
        if not self.last_update_success:
            BLINKPY_LOG_FILTER.reset()
        return data

    async def _async_poll(self) -> BlinkHealthData:
        """Refresh blinkpy once and build the snapshot; every failure becomes UpdateFailed."""
        try:
            await self._async_refresh_blinkpy()
        except _AUTH_ERRORS as err:
            raise ConfigEntryAuthFailed(
                translation_domain=DOMAIN, translation_key="reauth_required"
            ) from err
        except (ClientError, TimeoutError) as err:
            raise UpdateFailed(
                translation_domain=DOMAIN, translation_key="cannot_connect"
            ) from err
        except HomescreenRefusedError, HomescreenMalformedError:
            pass  # building the snapshot below reports it, with its own message
        except Exception as err:
            # blinkpy surfaces an unreachable cloud as AttributeError and odd bodies as KeyError
            # or TypeError from deep inside; none of them may escape a poll.
            LOGGER.debug("blinkpy refresh failed: %r", err)
            raise UpdateFailed(
                translation_domain=DOMAIN, translation_key="cannot_connect"
            ) from err
        self._async_save_tokens()
        await self._async_follow_device_changes()
        try:
            snapshot = build_snapshot(
                self.blink.homescreen,
                network_summary=getattr(self.blink, "networks", None),
                extras=camera_extras(self.blink),
                sync_errors=sync_module_errors(self.blink),
                now=dt_util.utcnow(),
            )
        except HomescreenRefusedError as err:
            if err.unauthorized:
                raise ConfigEntryAuthFailed(
                    translation_domain=DOMAIN, translation_key="reauth_required"
                ) from err
            raise UpdateFailed(
                translation_domain=DOMAIN,
                translation_key="cloud_refused",
                translation_placeholders={"code": str(err.code or "?")},
            ) from err
        except HomescreenMalformedError as err:
            LOGGER.debug("Malformed homescreen: %s", err)
            raise UpdateFailed(
                translation_domain=DOMAIN, translation_key="malformed_response"
            ) from err
        self._async_register_devices(snapshot)
        self._async_remove_stale_devices(snapshot)
        verdicts: dict[str, Verdict] = {}
        histories: dict[str, CameraHistory] = {}
        for serial, camera in snapshot.cameras.items():
            verdicts[serial], histories[serial] = assess(
                camera,
                snapshot.sync_module_for(camera),
                self._histories.get(serial, CameraHistory()),
                self.thresholds,
                snapshot.taken_at,
            )
        self._histories = histories
        self._history_store.async_delay_save(self._history_to_store, HISTORY_SAVE_DELAY)
        return BlinkHealthData(
            snapshot=snapshot, verdicts=verdicts, histories=histories
        )

    async def async_save_history(self) -> None:
        """Write the history now (on unload, so a reload reads what the last poll learned)."""
        await self._history_store.async_save(self._history_to_store())

    @callback
    def _history_to_store(self) -> dict[str, Any]:
        """Return the history in its stored form."""
        return {
            "cameras": {serial: h.to_dict() for serial, h in self._histories.items()}
        }

    async def async_rearm(self, serial: str) -> bool:
        """Disarm the camera's motion detection and arm it again; return whether Blink took both.

        Each model has its own call (camera enable/disable, Mini config, doorbell enable/disable);
        blinkpy picks it from the camera's type. The next poll confirms the new state.
        """
        camera = next(
            (cam for cam in list(self.blink.cameras.values()) if cam.serial == serial),
            None,
        )
        if camera is None:
            return False
        try:
            disarmed = _command_accepted(await camera.async_arm(False))
            armed = disarmed and _command_accepted(await camera.async_arm(True))
        except (ClientError, TimeoutError, *_AUTH_ERRORS) as err:
            LOGGER.warning("Could not re-arm %s: %r", camera.name, err)
            return False
        return armed

    async def async_record_batteries_replaced(self, serial: str) -> None:
        """Record that the owner just put new batteries in this camera."""
        await self._async_record(serial, record_batteries_replaced)

    async def async_record_reset(self, serial: str) -> None:
        """Record that the owner reset this camera and the light persists."""
        await self._async_record(serial, record_reset)

    async def _async_record(
        self,
        serial: str,
        action: Callable[[CameraHistory, datetime], CameraHistory],
    ) -> None:
        """Apply an owner's action to the history, save it, and diagnose again without polling."""
        self._histories[serial] = action(
            self._histories.get(serial, CameraHistory()), dt_util.utcnow()
        )
        await self.async_save_history()
        snapshot = self.data.snapshot
        camera = snapshot.cameras.get(serial)
        if camera is None:
            return
        verdict = diagnose(
            camera,
            snapshot.sync_module_for(camera),
            self._histories[serial],
            self.thresholds,
            dt_util.utcnow(),
        )
        self.async_set_updated_data(
            replace(
                self.data,
                verdicts={**self.data.verdicts, serial: verdict},
                histories=dict(self._histories),
            )
        )

    async def async_refresh_full(self) -> None:
        """Poll now, with every per-camera call (a fix flow checking whether a fix worked)."""
        self._full_refresh_requested = True
        await self.async_refresh()

    async def _async_refresh_blinkpy(self) -> None:
        """Refresh blinkpy fully every half hour, and lightly at the polls in between.

        A full refresh asks for each camera's config and signals (battery voltage, Wi-Fi dBm,
        temperature: values that change slowly). The homescreen alone carries every device's
        status, battery state, signal bars and issues, and media/changed the new clips, so a
        light poll costs 1 + M + K requests instead of 1 + 2M + 2N + K: far from Blink's limits.
        """
        # Camera objects come and go (start, rebuilds, blinkpy's own set-up retries): stop
        # their media downloads before every refresh rather than where each is made.
        disable_media_downloads(self.blink)
        now = dt_util.utcnow()
        full = (
            self._full_refresh_requested
            or self._last_full_refresh is None
            or now - self._last_full_refresh >= FULL_REFRESH_INTERVAL
            or not self.blink.available
        )
        if full:
            self._full_refresh_requested = False
            await self.blink.refresh()
            self._last_full_refresh = now
            return
        await self.blink.get_homescreen()
        # An error body stands where the homescreen should be: stop before asking for more.
        validate_homescreen(self.blink.homescreen)
        await refresh_motion(self.blink)

    async def _async_follow_device_changes(self) -> None:
        """Rebuild blinkpy's device objects when devices joined or left the account.

        blinkpy builds its camera objects once at start; without this a new camera would lack
        what only its per-camera calls report, and a removed one would still be asked for. It runs
        only when the homescreen's device list changes, so it never adds requests to a quiet poll.
        """
        device_ids = homescreen_device_ids(self.blink.homescreen)
        if not device_ids or device_ids == self._device_ids:
            return
        if self._device_ids is not None:
            LOGGER.info("Devices changed on the Blink account; reading them again")
            self.blink.sync.clear()
            try:
                rebuilt = await self.blink.setup_post_verify()
            except Exception as err:
                # blinkpy's set-up fails in many shapes on odd answers; a poll must not crash.
                raise UpdateFailed(
                    translation_domain=DOMAIN, translation_key="cannot_connect"
                ) from err
            if not rebuilt:
                # blinkpy retries its set-up at the next refresh; so do we.
                raise UpdateFailed(
                    translation_domain=DOMAIN, translation_key="cannot_connect"
                )
        self._device_ids = device_ids

    @callback
    def _async_save_tokens(self) -> None:
        """Write blinkpy's current tokens to the entry when they changed (never the password)."""
        stored = login_data_to_store(self.blink)
        merged = {**self.config_entry.data, **stored}
        merged.pop("password", None)
        if merged != dict(self.config_entry.data):
            self.hass.config_entries.async_update_entry(self.config_entry, data=merged)

    @callback
    def _async_register_devices(self, snapshot: AccountSnapshot) -> None:
        """Create or update a device per Sync Module, then per camera linked to its module."""
        registry = dr.async_get(self.hass)
        entry_id = self.config_entry.entry_id
        module_device_ids: dict[str, str] = {}
        for serial, module in snapshot.sync_modules.items():
            device = registry.async_get_or_create(
                config_entry_id=entry_id,
                identifiers={(DOMAIN, serial)},
                manufacturer=MANUFACTURER,
                model=model_name(module.product_type),
                model_id=module.product_type,
                name=module.name,
                serial_number=serial,
                sw_version=module.firmware,
            )
            module_device_ids[serial] = device.id
        for serial, camera in snapshot.cameras.items():
            registry.async_get_or_create(
                config_entry_id=entry_id,
                identifiers={(DOMAIN, serial)},
                manufacturer=MANUFACTURER,
                model=model_name(camera.product_type),
                model_id=camera.product_type,
                name=camera.name,
                serial_number=serial,
                sw_version=camera.firmware,
                via_device_id=module_device_ids.get(camera.sync_module_serial or ""),
            )

    @callback
    def _async_remove_stale_devices(self, snapshot: AccountSnapshot) -> None:
        """Detach devices whose camera or Sync Module left the account."""
        current = set(snapshot.cameras) | set(snapshot.sync_modules)
        registry = dr.async_get(self.hass)
        for device in dr.async_entries_for_config_entry(
            registry, self.config_entry.entry_id
        ):
            serials = {
                ident for domain, ident in device.identifiers if domain == DOMAIN
            }
            if serials and not serials & current:
                LOGGER.info(
                    "Removing %s: it is no longer on the Blink account", device.name
                )
                registry.async_update_device(
                    device.id, remove_config_entry_id=self.config_entry.entry_id
                )

    def known_serials(self) -> set[str]:
        """Return the serials of every device in the latest snapshot."""
        return set(self.data.snapshot.cameras) | set(self.data.snapshot.sync_modules)

    def diagnostics_blinkpy(self) -> dict[str, Any]:
        """Return blinkpy's raw per-camera attributes, for config entry diagnostics."""
        cameras: dict[str, Any] = {}
        for name, camera in list(self.blink.cameras.items()):
            attributes = getattr(camera, "attributes", None)
            cameras[str(name)] = (
                dict(attributes) if isinstance(attributes, dict) else {}
            )
        return {"cameras": cameras, "homescreen": self.blink.homescreen}
