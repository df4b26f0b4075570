"""A doorbell's own config answer: its temperature, both signals in dBm and its battery state.

Blink's app asks `GET /api/v1/accounts/{account}/networks/{network}/doorbells/{id}/config`
(blinkpy issue 638, verified on types `tulip` and `orchid`; blinkpy's own doorbell calls use the
same base path, and 0.25.9 never reads this one). The answer carries `temp` (°F), `wifi_rssi` and
`lfr_rssi` (dBm) and `battery_state`; a model that leaves a field out leaves it unknown. Error
bodies come with status 200 too (`{"message": "Camera not found", "code": 500}`): an answer with
none of the fields is no reading.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import datetime
from typing import Any

from .details import CameraDetails, checked_details
from .values import as_id

# The fields of a doorbell's config that Blink Health reads.
DOORBELL_FIELDS = ("temp", "wifi_rssi", "lfr_rssi", "battery_state")
# Where an answer might nest the doorbell's entry instead of giving it at the top level.
_NESTED_KEYS = ("doorbell", "config", "lotus", "data")


def doorbell_config_path(account_id: Any, network_id: int, doorbell_id: int) -> str:
    """Return the REST path of a doorbell's config."""
    return (
        f"/api/v1/accounts/{account_id}/networks/{network_id}"
        f"/doorbells/{doorbell_id}/config"
    )


def _entry(answer: Any, doorbell_id: int) -> Mapping[str, Any] | None:
    """Return the part of the answer that describes this doorbell, None when there is none.

    The fields at the top level, or under one nested key, or in a list of entries: the entry with
    this doorbell's id, or the only entry when it carries no id. Another doorbell's entry is never
    read.
    """
    if isinstance(answer, list):
        entries = [item for item in answer if isinstance(item, Mapping)]
        match = [item for item in entries if as_id(item.get("id")) == doorbell_id]
        if match:
            return match[0]
        return entries[0] if len(entries) == 1 and "id" not in entries[0] else None
    if not isinstance(answer, Mapping):
        return None
    if "id" in answer and as_id(answer.get("id")) != doorbell_id:
        return None
    if any(field in answer for field in DOORBELL_FIELDS):
        return answer
    for key in _NESTED_KEYS:
        if (nested := _entry(answer.get(key), doorbell_id)) is not None:
            return nested
    return None


def doorbell_details(
    answer: Any, doorbell_id: int, now: datetime
) -> CameraDetails | None:
    """Return a doorbell's details from its config answer, None when it holds none of them."""
    entry = _entry(answer, doorbell_id)
    if entry is None:
        return None
    return checked_details(
        read_at=now,
        battery_state=entry.get("battery_state"),
        voltage_hundredths=None,
        wifi_strength=entry.get("wifi_rssi"),
        temperature=entry.get("temp"),
        battery_check_time=None,
        sync_strength=entry.get("lfr_rssi"),
    )
