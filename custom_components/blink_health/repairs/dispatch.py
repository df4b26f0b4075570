"""Which fix flow Home Assistant opens for each of Blink Health's issues."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.components.repairs import RepairsFlow
from homeassistant.core import HomeAssistant
from homeassistant.helpers import device_registry as dr

from ..const import DOMAIN
from ..diagnosis import Cause
from .flows import (
    BatteriesFlow,
    BlinkRepairFlow,
    CheckAgainFlow,
    HardwareFaultFlow,
    RearmFlow,
    SwitchToSignInFlow,
)
from .issues import AccountIssue
from .reading_flows import LocalStorageFlow, SignalCheckFlow
from .storage import LOCAL_STORAGE

if TYPE_CHECKING:
    from ..coordinator import BlinkHealthConfigEntry

_FLOWS: dict[str, type[BlinkRepairFlow]] = {
    Cause.LOW_BATTERY.value: BatteriesFlow,
    Cause.WRONG_BATTERY_TYPE.value: BatteriesFlow,
    Cause.CONTINUOUS_RECORDING.value: RearmFlow,
    Cause.HARDWARE_FAULT.value: HardwareFaultFlow,
    Cause.WIFI_DISCONNECTED.value: CheckAgainFlow,
    Cause.WEAK_WIFI.value: SignalCheckFlow,
    Cause.SYNC_MODULE_OFFLINE.value: CheckAgainFlow,
    Cause.SETUP_INCOMPLETE.value: CheckAgainFlow,
    AccountIssue.CLOUD_UNREACHABLE.value: CheckAgainFlow,
    LOCAL_STORAGE: LocalStorageFlow,
}


async def async_create_fix_flow(
    hass: HomeAssistant, issue_id: str, data: dict[str, str | int | float | None] | None
) -> RepairsFlow:
    """Return the fix flow for one of Blink Health's issues."""
    data = data or {}
    if data.get("cause") == AccountIssue.BLINK_INTEGRATION_REMOVED:
        return SwitchToSignInFlow(str(data.get("entry_id", "")))
    entry: BlinkHealthConfigEntry | None = hass.config_entries.async_get_entry(
        str(data.get("entry_id", ""))
    )
    flow = _FLOWS.get(str(data.get("cause", "")), CheckAgainFlow)
    device = dr.async_get(hass).async_get(str(data.get("device_id") or ""))
    key = next((i for d, i in device.identifiers if d == DOMAIN), "") if device else ""
    return flow(entry, issue_id, key)
