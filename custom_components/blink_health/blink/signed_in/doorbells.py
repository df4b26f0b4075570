"""Doorbells' own config, read by id: as often as a camera's details, one doorbell a poll at most.

A doorbell is due when it first appears, when its homescreen state changes, when a fix flow asks
for it, and otherwise once per detail interval, as a camera's details are (the same schedule,
`schedule.py`). One doorbell is read per poll at most, for the whole account, and only within
what the poll's request budget has left after the cameras' details; the others wait for the next
polls. A failing or odd answer (404, an error body with status 200, fields missing or of the
wrong type) keeps that doorbell's last details and fails nothing else.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime, timedelta
from typing import Any

from ...const import LOGGER
from ..details import CameraDetails
from ..doorbell import doorbell_config_path, doorbell_details
from ..errors import SourceError
from ..reading import AccountReading, CameraKind, CameraReading
from .rest import BlinkRest
from .schedule import DetailSchedule

DOORBELLS_PER_POLL = 1


def _signature(doorbell: CameraReading) -> tuple[object, ...]:
    """Return what of a doorbell's homescreen entry, when it changes, calls for a fresh read."""
    return (
        doorbell.battery_state,
        doorbell.status,
        doorbell.wifi_bars,
        doorbell.sync_signal_bars,
        doorbell.issues,
    )


class DoorbellReader:
    """Reads each doorbell's config when due, at most one request a poll for the account."""

    def __init__(
        self, rest: BlinkRest, detail_interval: timedelta, poll_interval: timedelta
    ) -> None:
        """Read through this REST client, on the detail schedule of these intervals."""
        self._rest = rest
        self._schedule = DetailSchedule(detail_interval, poll_interval)
        self.details: dict[int, CameraDetails] = {}

    async def async_read(
        self,
        reading: AccountReading,
        account_id: Any,
        now: datetime,
        *,
        forced: Collection[int] = (),
        spent: int = 0,
    ) -> None:
        """Read the config of the doorbell most due, if the budget has room; forget those gone.

        `spent` is what this poll already sent beyond the homescreen and media list.
        """
        doorbells = {
            camera.id: camera
            for camera in reading.cameras
            if camera.kind is CameraKind.DOORBELL and camera.network_id is not None
        }
        for gone in set(self.details) - set(doorbells):
            del self.details[gone]
        due = self._schedule.due(
            {doorbell_id: _signature(d) for doorbell_id, d in doorbells.items()},
            now,
            forced=forced,
            spent=spent,
            limit=DOORBELLS_PER_POLL,
        )
        for doorbell_id in due:
            await self._async_read_one(doorbells[doorbell_id], account_id, now)

    async def _async_read_one(
        self, doorbell: CameraReading, account_id: Any, now: datetime
    ) -> None:
        """Read one doorbell's config; a failure keeps its last details."""
        network_id = doorbell.network_id or 0
        try:
            answer = await self._rest.async_get_json(
                doorbell_config_path(account_id, network_id, doorbell.id)
            )
        except SourceError as err:
            # One doorbell's failure (404, a timeout, a refusal) is not an outage of the account.
            LOGGER.debug("Config of doorbell %s not read: %r", doorbell.id, err)
            return
        details = doorbell_details(answer, doorbell.id, now)
        if details is None:
            LOGGER.debug("Config of doorbell %s unreadable", doorbell.id)
            return
        self.details[doorbell.id] = details

    def diagnostics(self) -> Mapping[str, int]:
        """Return how many doorbells have details (no ids)."""
        return {"doorbells_with_details": len(self.details)}
