"""Repair issues: which problems the owner must act on, raised only once they hold, and cleared.

`wanted_issues` is pure: verdicts in, the issues that should exist out. `RepairIssueTracker` keeps
the streak of polls each one has held for, and creates and deletes them in Home Assistant's issue
registry, firing a `blink_health_issue` event each time.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util

from .const import DOMAIN, LOGGER
from .diagnosis import Cause, Verdict, is_problem
from .snapshot import AccountSnapshot, CameraKind, CameraSnapshot
from .texts import Texts, async_texts, camera_placeholders

type DeviceIdLookup = Callable[[str], str | None]

EVENT_ISSUE = f"{DOMAIN}_issue"
CLOUD_UNREACHABLE = "cloud_unreachable"
CLOUD_UNREACHABLE_AFTER = timedelta(minutes=30)
DEFAULT_POLLS_BEFORE_ISSUE = 2

# Causes the owner must act on. `ok` and `recording` are normal; a Sync Module's outage is one
# issue for the module, not one per camera.
CAMERA_ISSUE_CAUSES = frozenset(
    {
        Cause.LOW_BATTERY,
        Cause.WRONG_BATTERY_TYPE,
        Cause.SETUP_INCOMPLETE,
        Cause.WIFI_DISCONNECTED,
        Cause.WEAK_WIFI,
        Cause.CONTINUOUS_RECORDING,
        Cause.HARDWARE_FAULT,
    }
)
# The camera cannot record at all: an error, not a warning.
ERROR_CAUSES = frozenset(
    {
        Cause.WIFI_DISCONNECTED,
        Cause.SYNC_MODULE_OFFLINE,
        Cause.SETUP_INCOMPLETE,
        Cause.HARDWARE_FAULT,
    }
)
# Causes whose steps depend on how the camera is powered: a Mini is plugged in and shows solid
# red, a wired camera is plugged in, a battery camera may have run flat.
KIND_SPECIFIC_CAUSES = frozenset({Cause.WIFI_DISCONNECTED})
KIND_SUFFIX = {CameraKind.MINI: "_mini", CameraKind.WIRED: "_wired"}


@dataclass(frozen=True, slots=True, kw_only=True)
class WantedIssue:
    """A repair issue that the latest poll says should exist."""

    issue_id: str
    cause: str
    severity: ir.IssueSeverity
    placeholders: Mapping[str, str]
    device_id: str | None
    camera: str | None
    # The texts to show, when they differ from the cause's (steps that fit the model).
    translation_key: str | None = None


def severity_of(cause: Cause, camera: CameraSnapshot) -> ir.IssueSeverity | None:
    """Return how serious a camera's cause is: an error when it cannot record, None when fine."""
    if not is_problem(cause):
        return None
    if cause in ERROR_CAUSES or camera.online is False:
        return ir.IssueSeverity.ERROR
    return ir.IssueSeverity.WARNING


def issue_id_for(cause: str, device_id: str) -> str:
    """Return the issue id of a cause on one device (its registry id: never a serial)."""
    return f"{cause}_{device_id}"


def translation_key_for(cause: Cause, camera: CameraSnapshot) -> str | None:
    """Return the texts of a cause's issue for this model, None for the cause's own.

    A Mini's offline issue must not ask to check its batteries: it has none.
    """
    if cause in KIND_SPECIFIC_CAUSES and camera.kind in KIND_SUFFIX:
        return cause.value + KIND_SUFFIX[camera.kind]
    return None


def wanted_issues(
    snapshot: AccountSnapshot,
    verdicts: Mapping[str, Verdict],
    device_id_for: DeviceIdLookup,
    texts: Texts,
) -> dict[str, WantedIssue]:
    """Return every issue the verdicts call for, by issue id."""
    wanted: dict[str, WantedIssue] = {}
    offline_modules: dict[str, list[str]] = {}
    for key, verdict in verdicts.items():
        camera = snapshot.cameras.get(key)
        device_id = device_id_for(key)
        if camera is None or device_id is None:
            continue
        if verdict.cause is Cause.SYNC_MODULE_OFFLINE and camera.sync_module_serial:
            offline_modules.setdefault(camera.sync_module_serial, []).append(
                camera.name
            )
            continue
        if verdict.cause not in CAMERA_ISSUE_CAUSES:
            continue
        issue_id = issue_id_for(verdict.cause.value, device_id)
        wanted[issue_id] = WantedIssue(
            issue_id=issue_id,
            cause=verdict.cause.value,
            severity=severity_of(verdict.cause, camera) or ir.IssueSeverity.WARNING,
            placeholders=camera_placeholders(camera, verdict, texts),
            device_id=device_id,
            camera=camera.name,
            translation_key=translation_key_for(verdict.cause, camera),
        )
    for module_key, names in offline_modules.items():
        module = snapshot.sync_modules.get(module_key)
        module_device_id = device_id_for(module_key)
        if module is None or module_device_id is None:
            continue
        issue_id = issue_id_for(Cause.SYNC_MODULE_OFFLINE.value, module_device_id)
        wanted[issue_id] = WantedIssue(
            issue_id=issue_id,
            cause=Cause.SYNC_MODULE_OFFLINE.value,
            severity=ir.IssueSeverity.ERROR,
            placeholders={
                "sync_module": module.name,
                "cameras": ", ".join(sorted(names)),
                "count": str(len(names)),
            },
            device_id=module_device_id,
            camera=None,
        )
    return wanted


class RepairIssueTracker:
    """Raise an issue after it held for N successful polls; clear it as soon as it is gone."""

    def __init__(
        self, hass: HomeAssistant, entry_id: str, device_id_for: DeviceIdLookup
    ) -> None:
        """Pick up the issues this entry raised before a restart (moving old serial-named ones)."""
        self.hass = hass
        self.entry_id = entry_id
        self._device_id_for = device_id_for
        self._streaks: dict[str, int] = {}
        # Kept outside the tracker: a set-up retried during an outage builds a new one each time,
        # and the outage clock must run across them.
        self._failures: dict[str, datetime] = hass.data.setdefault(
            DOMAIN, {}
        ).setdefault("first_failure", {})
        registry = ir.async_get(hass)
        self._raised: dict[str, WantedIssue] = {}
        for (domain, stored_id), entry in list(registry.issues.items()):
            data = entry.data or {}
            if domain != DOMAIN or data.get("entry_id") != entry_id:
                continue
            issue_id = stored_id
            placeholders = dict(entry.translation_placeholders or {})
            cause = str(data.get("cause", entry.translation_key))
            device_id = data.get("device_id")
            if data.get("serial"):
                # Issues of version 0.1 were named by serial: move them to the device's id.
                ir.async_delete_issue(hass, DOMAIN, stored_id)
                device_id = device_id_for(str(data["serial"]))
                if device_id is None:
                    continue
                issue_id = issue_id_for(cause, device_id)
            issue = WantedIssue(
                issue_id=issue_id,
                cause=cause,
                severity=entry.severity or ir.IssueSeverity.WARNING,
                placeholders=placeholders,
                device_id=str(device_id) if device_id else None,
                camera=placeholders.get("camera"),
                translation_key=None
                if entry.translation_key == cause
                else entry.translation_key,
            )
            if data.get("serial"):
                self._async_create(issue)
            self._raised[issue_id] = issue

    @callback
    def async_poll_succeeded(
        self,
        snapshot: AccountSnapshot,
        verdicts: Mapping[str, Verdict],
        polls_needed: int,
    ) -> None:
        """Advance every streak with a successful poll's verdicts."""
        self._failures.pop(self.entry_id, None)
        if CLOUD_UNREACHABLE in self._raised:
            self._async_clear(CLOUD_UNREACHABLE)
        wanted = wanted_issues(
            snapshot, verdicts, self._device_id_for, async_texts(self.hass)
        )
        for issue_id in list(self._raised):
            if issue_id != CLOUD_UNREACHABLE and issue_id not in wanted:
                self._async_clear(issue_id)
        self._streaks = {
            issue_id: self._streaks.get(issue_id, 0) + 1 for issue_id in wanted
        }
        for issue_id, issue in wanted.items():
            if issue_id in self._raised:
                if self._raised[issue_id] != issue:
                    self._async_create(issue)  # same issue, fresher values
                    self._raised[issue_id] = issue
            elif self._streaks[issue_id] >= polls_needed:
                self._async_create(issue)
                self._raised[issue_id] = issue
                self._async_fire(issue, "raised")

    @callback
    def async_poll_failed(self, now: datetime) -> None:
        """Count a failed poll: camera issues stay as they are; a long outage gets its own issue."""
        first_failure = self._failures.setdefault(self.entry_id, now)
        if CLOUD_UNREACHABLE in self._raised:
            return
        if now - first_failure >= CLOUD_UNREACHABLE_AFTER:
            issue = WantedIssue(
                issue_id=CLOUD_UNREACHABLE,
                cause=CLOUD_UNREACHABLE,
                severity=ir.IssueSeverity.ERROR,
                placeholders={
                    "since": dt_util.as_local(first_failure).strftime("%H:%M")
                },
                device_id=None,
                camera=None,
            )
            self._async_create(issue)
            self._raised[CLOUD_UNREACHABLE] = issue
            self._async_fire(issue, "raised")

    @callback
    def async_clear(self, issue_id: str) -> None:
        """Close an issue now, for a fix flow that repaired it."""
        if issue_id in self._raised:
            self._async_clear(issue_id)
        self._streaks.pop(issue_id, None)

    def _async_create(self, issue: WantedIssue) -> None:
        """Create or refresh the issue in the registry."""
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            issue.issue_id,
            is_fixable=True,
            is_persistent=True,
            severity=issue.severity,
            translation_key=issue.translation_key or issue.cause,
            translation_placeholders=dict(issue.placeholders),
            data={
                "entry_id": self.entry_id,
                "cause": issue.cause,
                "device_id": issue.device_id or "",
            },
        )

    def _async_clear(self, issue_id: str) -> None:
        """Delete the issue and tell automations."""
        issue = self._raised.pop(issue_id)
        ir.async_delete_issue(self.hass, DOMAIN, issue_id)
        LOGGER.debug("Cleared repair issue %s", issue_id)
        self._async_fire(issue, "cleared")

    def _async_fire(self, issue: WantedIssue, action: str) -> None:
        """Fire the event automations listen for."""
        data: dict[str, Any] = {
            "entry_id": self.entry_id,
            "issue_id": issue.issue_id,
            "cause": issue.cause,
            "action": action,
            "camera": issue.camera,
            "device_id": issue.device_id,
        }
        if issue.cause == Cause.SYNC_MODULE_OFFLINE.value:
            data["sync_module"] = issue.placeholders.get("sync_module")
            data["cameras"] = issue.placeholders.get("cameras", "").split(", ")
        self.hass.bus.async_fire(EVENT_ISSUE, data)
