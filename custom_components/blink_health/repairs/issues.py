"""Which repair issues there are, and which the latest poll calls for: pure, no registry calls.

Every issue carries one data schema: `{"entry_id", "cause", "device_id"}` (`device_id` is the
registry id of the camera or Sync Module it is about, "" for the account's own issues). Ids:
`<cause>_<device registry id>` for a device, `<cause>_<entry id>` for the account.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import timedelta
from enum import StrEnum

from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util

from ..blink import BlinkIntegrationError, BlinkIntegrationState, SourceStatus
from ..diagnosis import Cause, Fix, Severity, Verdict, fixes_for, severity
from ..model import AccountSnapshot, CameraKind, CameraSnapshot
from ..texts import Texts, camera_placeholders

type DeviceIdLookup = Callable[[str], str | None]


class AccountIssue(StrEnum):
    """The account's own issues (not about one device)."""

    CLOUD_UNREACHABLE = "cloud_unreachable"
    BLINK_INTEGRATION_REAUTH = "blink_integration_reauth"
    BLINK_INTEGRATION_REMOVED = "blink_integration_removed"
    BLINK_INTEGRATION_FAILING = "blink_integration_failing"


# The Blink integration's issues, each raised and cleared by its state alone.
BLINK_INTEGRATION_CAUSES = (
    AccountIssue.BLINK_INTEGRATION_REAUTH,
    AccountIssue.BLINK_INTEGRATION_REMOVED,
    AccountIssue.BLINK_INTEGRATION_FAILING,
)
# The failing issue's texts when Blink Health reloads the Blink integration by itself.
AUTO_RELOAD_SUFFIX = "_auto"


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
# Causes whose steps depend on how the camera is powered, and the texts' suffix per kind: a Mini
# is plugged in and shows solid red, a wired camera is plugged in, a battery camera may have run
# flat; a plugged-in camera is restarted by unplugging it, a battery one by its batteries.
KIND_TEXTS: Mapping[Cause, Mapping[CameraKind, str]] = {
    Cause.WIFI_DISCONNECTED: {CameraKind.MINI: "_mini", CameraKind.WIRED: "_wired"},
    Cause.HARDWARE_FAULT: {CameraKind.MINI: "_plugged", CameraKind.WIRED: "_plugged"},
}
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
    # An event of its own, fired with the same data when the issue is raised.
    event: str | None = None


def issue_severity(cause: Cause, camera: CameraSnapshot) -> ir.IssueSeverity:
    """Return a camera issue's severity in the issue registry's terms (the diagnosis decides)."""
    if severity(cause, online=camera.online) is Severity.ERROR:
        return ir.IssueSeverity.ERROR
    return ir.IssueSeverity.WARNING


def issue_id_for(cause: str, owner_id: str) -> str:
    """Return the id of a cause's issue on a device (its registry id: never a serial) or entry."""
    return f"{cause}_{owner_id}"


def translation_key_for(
    cause: Cause, camera: CameraSnapshot, verdict: Verdict | None = None
) -> str | None:
    """Return the texts of a cause's issue for this model and verdict, None for the cause's own.

    A Mini's issues must not ask to check or take out its batteries: it has none. A weak signal
    whose first fix names a link (the Sync Module's place, the camera's spot) gets its steps.
    """
    suffix = KIND_TEXTS.get(cause, {}).get(camera.kind)
    if suffix is not None:
        return cause.value + suffix
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
        if camera is None or camera.carried or device_id is None:
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
            severity=issue_severity(verdict.cause, camera),
            placeholders=camera_placeholders(camera, verdict, texts),
            device_id=device_id,
            camera=camera.name,
            translation_key=translation_key_for(verdict.cause, camera, verdict),
            event_data={
                **_words(texts, verdict.cause, verdict.fixes),
                **_weak_link(verdict),
            },
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
            event_data={
                "sync_module": module.name,
                "cameras": sorted(names),
                **_words(
                    texts,
                    Cause.SYNC_MODULE_OFFLINE,
                    fixes_for(Cause.SYNC_MODULE_OFFLINE),
                ),
            },
        )
    return wanted


def _words(texts: Texts, cause: Cause, fixes: tuple[Fix, ...]) -> dict[str, str]:
    """Return a cause and its first fix in words, for the issue's event (automations)."""
    return {
        "cause_name": texts.cause(cause.value),
        "fix": texts.fix_title(fixes[0].value) if fixes else "",
    }


def undecided_devices(
    snapshot: AccountSnapshot, device_id_for: DeviceIdLookup
) -> set[str]:
    """Return the registry ids of devices this poll could not read (kept from an earlier one).

    Their issues are neither raised nor cleared on what an earlier answer said.
    """
    keys = [c.key for c in snapshot.cameras.values() if c.carried]
    keys += [m.key for m in snapshot.sync_modules.values() if m.carried]
    return {device_id for key in keys if (device_id := device_id_for(key))}


def failing_too_long(status: SourceStatus, failing_after: timedelta) -> bool:
    """Return whether the Blink integration stopped by itself at least `failing_after` ago.

    Never while its owner disabled it, it waits for a sign-in, or it was removed: those have
    their own messages.
    """
    state = status.blink_integration
    return (
        state is not None
        and state.not_working
        and status.failing_for is not None
        and status.failing_for >= failing_after
    )


def failing_placeholders(status: SourceStatus, texts: Texts) -> dict[str, str]:
    """Return the failing issue's values: the entry, since when, and its last error in words."""
    since = status.failing_since
    return texts.escaped(
        {
            "title": status.title,
            "since": dt_util.as_local(since).strftime("%Y-%m-%d %H:%M")
            if since
            else texts.not_reported(),
            "error": texts.blink_integration_error(
                status.last_error or BlinkIntegrationError.UNKNOWN
            ),
        }
    )


def blink_integration_issues(
    status: SourceStatus,
    entry_id: str,
    texts: Texts,
    *,
    failing_after: timedelta,
    auto_reload: bool = False,
) -> dict[str, WantedIssue]:
    """Return the issues the Blink integration's state calls for (a source on its session).

    Waiting for its owner's sign-in: one issue pointing to its re-authentication (Blink Health
    never asks for a code). Removed: one issue offering Blink Health's own sign-in. Failing
    for `failing_after` or longer: one issue whose fix flow reloads it (its texts say whether
    Blink Health also reloads it by itself).
    """
    cause: AccountIssue | None
    translation_key = None
    if failing_too_long(status, failing_after):
        cause = AccountIssue.BLINK_INTEGRATION_FAILING
        placeholders = failing_placeholders(status, texts)
        if auto_reload:
            translation_key = cause.value + AUTO_RELOAD_SUFFIX
    else:
        cause = {
            BlinkIntegrationState.NEEDS_SIGN_IN: AccountIssue.BLINK_INTEGRATION_REAUTH,
            BlinkIntegrationState.REMOVED: AccountIssue.BLINK_INTEGRATION_REMOVED,
        }.get(status.blink_integration or BlinkIntegrationState.WORKING)
        placeholders = texts.escaped({"title": status.title})
    if cause is None:
        return {}
    issue_id = issue_id_for(cause.value, entry_id)
    return {
        issue_id: WantedIssue(
            issue_id=issue_id,
            cause=cause.value,
            severity=ir.IssueSeverity.ERROR,
            placeholders=placeholders,
            translation_key=translation_key,
            # Only the sign-in the owner gives in the Blink integration has no fix of ours.
            fixable=cause is not AccountIssue.BLINK_INTEGRATION_REAUTH,
        )
    }
