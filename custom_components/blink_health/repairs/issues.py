"""Which repair issues there are, and which the latest poll calls for: pure, no registry calls.

Every issue carries one data schema: `{"entry_id", "cause", "device_id"}` (`device_id` is the
registry id of the camera or Sync Module it is about, "" for the account's own issues). Ids:
`<cause>_<device registry id>` for a device, `<cause>_<entry id>` for the account.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum

from homeassistant.helpers import issue_registry as ir

from ..blink import BlinkIntegrationState, SourceStatus
from ..diagnosis import Cause, Fix, Verdict, is_problem
from ..model import AccountSnapshot, CameraKind, CameraSnapshot
from ..texts import Texts, camera_placeholders

type DeviceIdLookup = Callable[[str], str | None]


class AccountIssue(StrEnum):
    """The account's own issues (not about one device)."""

    CLOUD_UNREACHABLE = "cloud_unreachable"
    BLINK_INTEGRATION_REAUTH = "blink_integration_reauth"
    BLINK_INTEGRATION_REMOVED = "blink_integration_removed"


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
# Causes whose steps depend on the verdict's first fix: a weak signal names the link that is weak
# (a weak Sync Module link is moved closer, both weak is the camera's spot, not the router).
FIX_SPECIFIC_TEXTS = {
    (Cause.WEAK_WIFI, Fix.MOVE_SYNC_MODULE): "weak_wifi_sync_module",
    (Cause.WEAK_WIFI, Fix.MOVE_CAMERA): "weak_wifi_placement",
}
# Which link a weak signal's first fix speaks of, for the repair's event.
WEAK_LINKS = {
    Fix.IMPROVE_WIFI_SIGNAL: "wifi",
    Fix.MOVE_SYNC_MODULE: "sync_module",
    Fix.MOVE_CAMERA: "both",
}


@dataclass(frozen=True, slots=True, kw_only=True)
class WantedIssue:
    """A repair issue that the latest poll says should exist."""

    issue_id: str
    cause: str
    severity: ir.IssueSeverity
    placeholders: Mapping[str, str]
    device_id: str = ""
    camera: str | None = None
    # The texts to show, when they differ from the cause's (steps that fit the model).
    translation_key: str | None = None
    # An issue Blink Health fixes by itself (the Blink integration's) has no fix flow.
    fixable: bool = True
    # What the issue's event tells automations besides its cause, camera and device.
    event_data: Mapping[str, object] = field(default_factory=dict)


def severity_of(cause: Cause, camera: CameraSnapshot) -> ir.IssueSeverity | None:
    """Return how serious a camera's cause is: an error when it cannot record, None when fine."""
    if not is_problem(cause):
        return None
    if cause in ERROR_CAUSES or camera.online is False:
        return ir.IssueSeverity.ERROR
    return ir.IssueSeverity.WARNING


def issue_id_for(cause: str, owner_id: str) -> str:
    """Return the id of a cause's issue on a device (its registry id: never a serial) or entry."""
    return f"{cause}_{owner_id}"


def translation_key_for(
    cause: Cause, camera: CameraSnapshot, verdict: Verdict | None = None
) -> str | None:
    """Return the texts of a cause's issue for this model and verdict, None for the cause's own.

    A Mini's offline issue must not ask to check its batteries: it has none. Weak Wi-Fi whose
    first fix is the camera's spot gets the steps for both weak links.
    """
    if cause in KIND_SPECIFIC_CAUSES and camera.kind in KIND_SUFFIX:
        return cause.value + KIND_SUFFIX[camera.kind]
    if verdict is not None and verdict.fixes:
        return FIX_SPECIFIC_TEXTS.get((cause, verdict.fixes[0]))
    return None


def _weak_link(verdict: Verdict) -> dict[str, object]:
    """Return which link a weak signal's repair is about (`wifi`, `sync_module`, `both`)."""
    if verdict.cause is not Cause.WEAK_WIFI or not verdict.fixes:
        return {}
    link = WEAK_LINKS.get(verdict.fixes[0])
    return {} if link is None else {"weak_link": link}


def wanted_issues(
    snapshot: AccountSnapshot,
    verdicts: Mapping[str, Verdict],
    device_id_for: DeviceIdLookup,
    texts: Texts,
) -> dict[str, WantedIssue]:
    """Return every device issue the verdicts call for, by issue id."""
    wanted: dict[str, WantedIssue] = {}
    offline_modules: dict[str, list[str]] = {}
    for key, verdict in verdicts.items():
        camera = snapshot.cameras.get(key)
        device_id = device_id_for(key)
        if camera is None or device_id is None:
            continue
        if verdict.cause is Cause.SYNC_MODULE_OFFLINE and camera.sync_module_key:
            offline_modules.setdefault(camera.sync_module_key, []).append(camera.name)
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
            translation_key=translation_key_for(verdict.cause, camera, verdict),
            event_data=_weak_link(verdict),
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
            placeholders=texts.escaped(
                {
                    "sync_module": module.name,
                    "cameras": ", ".join(sorted(names)),
                    "count": str(len(names)),
                }
            ),
            device_id=module_device_id,
            event_data={"sync_module": module.name, "cameras": sorted(names)},
        )
    return wanted


def blink_integration_issues(
    status: SourceStatus, entry_id: str, texts: Texts
) -> dict[str, WantedIssue]:
    """Return the issues the Blink integration's state calls for (a source on its session).

    Waiting for its owner's sign-in: one issue pointing to its re-authentication (Blink Health
    never asks for a code). Removed: one issue offering Blink Health's own sign-in.
    """
    cause = {
        BlinkIntegrationState.NEEDS_SIGN_IN: AccountIssue.BLINK_INTEGRATION_REAUTH,
        BlinkIntegrationState.REMOVED: AccountIssue.BLINK_INTEGRATION_REMOVED,
    }.get(status.blink_integration or BlinkIntegrationState.WORKING)
    if cause is None:
        return {}
    issue_id = issue_id_for(cause.value, entry_id)
    return {
        issue_id: WantedIssue(
            issue_id=issue_id,
            cause=cause.value,
            severity=ir.IssueSeverity.ERROR,
            placeholders=texts.escaped({"title": status.title}),
            fixable=cause is AccountIssue.BLINK_INTEGRATION_REMOVED,
        )
    }
