"""Which fix flow Home Assistant opens for each of Blink Health's issues."""

from __future__ import annotations

from typing import TYPE_CHECKING

from homeassistant.components.repairs import RepairsFlow
from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import HomeAssistant

from ..diagnosis import Cause
from .battery_due import BATTERY_DUE
from .blink_integration_flow import ReloadBlinkIntegrationFlow
from .flows import (
    BatteriesFlow,
    BatteryDueFlow,
    BlinkRepairFlow,
    CheckAgainFlow,
    HardwareFaultFlow,
    RearmFlow,
)
from .issues import AccountIssue
from .reading_flows import LocalStorageFlow, SignalCheckFlow
from .storage import LOCAL_STORAGE
from .switch_sign_in import SwitchToSignInFlow

if TYPE_CHECKING:
    from ..coordinator import BlinkHealthConfigEntry

_FLOWS: dict[str, type[BlinkRepairFlow]] = {
    Cause.LOW_BATTERY.value: BatteriesFlow,
    BATTERY_DUE: BatteryDueFlow,
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
    if data.get("cause") == AccountIssue.BLINK_INTEGRATION_FAILING:
        return ReloadBlinkIntegrationFlow(str(data.get("entry_id", "")), issue_id)
    entry: BlinkHealthConfigEntry | None = hass.config_entries.async_get_entry(
        str(data.get("entry_id", ""))
    )
    flow = _FLOWS.get(str(data.get("cause", "")), CheckAgainFlow)
    key = None
    if entry is not None and entry.state is ConfigEntryState.LOADED:
        # Blink Health's own device or the `blink` device its entities sit on.
        key = entry.runtime_data.devices.key_for(str(data.get("device_id") or ""))
    return flow(entry, issue_id, key or "")
