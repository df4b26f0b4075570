"""Doorbells' own config, read by id: no more often than a camera's details, one doorbell a poll.

A doorbell is due when it first appears, when its homescreen state changes, when a fix flow asks
for it, and otherwise once per detail interval, as a camera's details are. Of the due doorbells
one is read per poll, for the whole account: the one asked for first, then one never read, then
the one read longest ago; the others wait for the next polls. A failing or odd answer (404, an
error body with status 200, fields missing or of the wrong type) keeps that doorbell's last
details and fails nothing else.
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

    def __init__(self, rest: BlinkRest, detail_interval: timedelta) -> None:
        """Read through this REST client; refresh each doorbell once per `detail_interval`."""
        self._rest = rest
        self._detail_interval = detail_interval
        self.details: dict[int, CameraDetails] = {}
        self._attempted: dict[int, datetime] = {}
        self._signatures: dict[int, tuple[object, ...]] = {}

    async def async_read(
        self,
        reading: AccountReading,
        account_id: Any,
        now: datetime,
        forced: Collection[int] = (),
    ) -> None:
        """Read the config of the doorbell most due, if any; forget doorbells that left."""
        doorbells = {
            camera.id: camera
            for camera in reading.cameras
            if camera.kind is CameraKind.DOORBELL and camera.network_id is not None
        }
        for gone in set(self._attempted) - set(doorbells):
            self.details.pop(gone, None)
            self._attempted.pop(gone, None)
            self._signatures.pop(gone, None)
        due = [
            camera
            for camera in doorbells.values()
            if self._due(camera, now, forced=camera.id in forced)
        ]
        if not due:
            return
        doorbell = min(due, key=lambda camera: self._order(camera, forced))
        await self._async_read_one(doorbell, account_id, now)

    def _due(self, doorbell: CameraReading, now: datetime, *, forced: bool) -> bool:
        """Return whether the doorbell's config should be read."""
        attempted = self._attempted.get(doorbell.id)
        return (
            forced
            or attempted is None
            or self._signatures.get(doorbell.id) != _signature(doorbell)
            or now - attempted >= self._detail_interval
        )

    def _order(
        self, doorbell: CameraReading, forced: Collection[int]
    ) -> tuple[int, float, int]:
        """Return the doorbell's place in the queue: asked for, never read, then oldest read."""
        attempted = self._attempted.get(doorbell.id)
        rank = 0 if doorbell.id in forced else 1 if attempted is None else 2
        return (rank, attempted.timestamp() if attempted else 0.0, doorbell.id)

    async def _async_read_one(
        self, doorbell: CameraReading, account_id: Any, now: datetime
    ) -> None:
        """Read one doorbell's config; a failure keeps its last details."""
        # A doorbell whose call fails is tried again at the next interval, not at every poll.
        self._attempted[doorbell.id] = now
        self._signatures[doorbell.id] = _signature(doorbell)
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
