"""The `blink_health_change` event: a device went offline or came back, its batteries turned low or fine.

Fired once per change, for every camera and Sync Module of the account (ones added later too),
so an automation or blueprint needs no list of entities. A change is only what two polls that
both read the device tell: nothing fires at the first poll, for an unknown value, or for a device
this poll could not read.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import Any

from homeassistant.core import HomeAssistant, callback

from .const import DOMAIN
from .diagnosis import Cause, Fix, Verdict, fixes_for
from .model import AccountSnapshot, CameraSnapshot, SyncModuleSnapshot
from .texts import Texts, async_texts

EVENT_CHANGE = f"{DOMAIN}_change"


def _flip(
    before: bool | None, now: bool | None, when_true: str, when_false: str
) -> str | None:
    """Return the change between two known readings, None when there is none (or unknown)."""
    if before is None or now is None or before == now:
        return None
    return when_true if now else when_false


def _camera_changes(before: CameraSnapshot, camera: CameraSnapshot) -> Iterator[str]:
    """Yield what changed for a camera between two polls that both read it."""
    if change := _flip(before.online, camera.online, "online", "offline"):
        yield change
    # Batteries are judged only while Blink can have read them.
    if (
        before.reachable
        and camera.reachable
        and (
            change := _flip(
                before.battery_low, camera.battery_low, "batteries_low", "batteries_ok"
            )
        )
    ):
        yield change


def device_changes(
    previous: AccountSnapshot | None,
    snapshot: AccountSnapshot,
    verdicts: Mapping[str, Verdict],
    device_id_for: Callable[[str], str | None],
    texts: Texts,
) -> list[dict[str, Any]]:
    """Return the event data of every change between the previous poll and this one."""
    if previous is None:
        return []
    events: list[dict[str, Any]] = []
    for key, camera in snapshot.cameras.items():
        before = previous.cameras.get(key)
        if before is None or before.carried or camera.carried:
            continue
        verdict = verdicts.get(key)
        cause = verdict.cause if verdict is not None else Cause.OK
        fixes = verdict.fixes if verdict is not None else ()
        events.extend(
            _data(
                camera, change, cause, fixes, device_id=device_id_for(key), texts=texts
            )
            for change in _camera_changes(before, camera)
        )
    for key, module in snapshot.sync_modules.items():
        old = previous.sync_modules.get(key)
        if old is None or old.carried or module.carried:
            continue
        if module_change := _flip(old.online, module.online, "online", "offline"):
            offline = module_change == "offline"
            events.append(
                _data(
                    module,
                    module_change,
                    Cause.SYNC_MODULE_OFFLINE if offline else Cause.OK,
                    fixes_for(Cause.SYNC_MODULE_OFFLINE) if offline else (),
                    device_id=device_id_for(key),
                    texts=texts,
                )
            )
    return events


def _data(
    device: CameraSnapshot | SyncModuleSnapshot,
    change: str,
    cause: Cause,
    fixes: tuple[Fix, ...],
    *,
    device_id: str | None,
    texts: Texts,
) -> dict[str, Any]:
    """Return one change's event data: ids for automations, names and words for people."""
    return {
        "device_id": device_id,
        "name": device.name,
        "kind": "sync_module" if isinstance(device, SyncModuleSnapshot) else "camera",
        "change": change,
        "cause": cause.value,
        "cause_name": texts.cause(cause.value),
        "fix": texts.fix_title(fixes[0].value) if fixes else "",
    }


@callback
def async_fire_changes(
    hass: HomeAssistant,
    entry_id: str,
    *,
    previous: AccountSnapshot | None,
    snapshot: AccountSnapshot,
    verdicts: Mapping[str, Verdict],
    device_id_for: Callable[[str], str | None],
) -> None:
    """Fire one `blink_health_change` event per change this poll saw."""
    for data in device_changes(
        previous, snapshot, verdicts, device_id_for, async_texts(hass)
    ):
        hass.bus.async_fire(EVENT_CHANGE, {"entry_id": entry_id, **data})
