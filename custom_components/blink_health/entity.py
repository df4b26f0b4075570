"""Base entities: one Home Assistant device per camera and per Sync Module, one for the account."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Protocol

from homeassistant.core import callback
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription
from homeassistant.helpers.update_coordinator import CoordinatorEntity

from .const import DOMAIN, MANUFACTURER
from .coordinator import BlinkHealthConfigEntry, BlinkHealthCoordinator, CameraView
from .model import CameraSnapshot, SyncModuleSnapshot


class ChangesOnlyEntity(CoordinatorEntity[BlinkHealthCoordinator]):
    """A coordinator entity that writes its state only when something an owner sees changed.

    Most polls change nothing; on a large account writing every entity's unchanged state at each
    poll costs more than the poll itself.
    """

    _attr_has_entity_name = True
    _written: tuple[object, ...] | None = None

    def _shown(self) -> tuple[object, ...]:
        """Return what the entity shows: availability, state and attributes."""
        available = self.available
        return (
            available,
            self.state if available else None,
            self.extra_state_attributes if available else None,
        )

    async def async_added_to_hass(self) -> None:
        """Remember the state Home Assistant writes when the entity is added."""
        await super().async_added_to_hass()
        self._written = self._shown()

    @callback
    def _handle_coordinator_update(self) -> None:
        """Write the state after a poll, only when it differs from the state written last."""
        shown = self._shown()
        if shown == self._written:
            return
        self._written = shown
        super()._handle_coordinator_update()


class BlinkHealthEntity(ChangesOnlyEntity):
    """An entity of one Blink device, found by its device key in each snapshot."""

    def __init__(
        self,
        coordinator: BlinkHealthCoordinator,
        device_key: str,
        description: EntityDescription,
    ) -> None:
        """Bind the entity to a device (by its key) and a description."""
        super().__init__(coordinator)
        self.entity_description = description
        self.device_key = device_key
        self._attr_unique_id = f"{device_key}_{description.key}"
        # The coordinator registers the device (a camera linked to its Sync Module) first.
        self._attr_device_info = DeviceInfo(identifiers={(DOMAIN, device_key)})


class BlinkCameraEntity(BlinkHealthEntity):
    """An entity of a camera, Mini or doorbell."""

    @property
    def camera(self) -> CameraView | None:
        """Return this camera's snapshot, verdict and history, None when it is gone."""
        return self.coordinator.data.camera(self.device_key)

    @property
    def available(self) -> bool:
        """Return whether the last poll read this camera (worked, and listed it)."""
        camera = self.camera
        return super().available and camera is not None and not camera.camera.carried


class BlinkSyncModuleEntity(BlinkHealthEntity):
    """An entity of a Sync Module."""

    @property
    def sync_module(self) -> SyncModuleSnapshot | None:
        """Return this Sync Module in the latest snapshot, None when it is gone."""
        return self.coordinator.data.snapshot.sync_modules.get(self.device_key)

    @property
    def available(self) -> bool:
        """Return whether the last poll read this Sync Module (worked, and listed it)."""
        module = self.sync_module
        return super().available and module is not None and not module.carried


def account_identifier(entry_id: str) -> tuple[str, str]:
    """Return the device identifier of the Blink account behind a config entry."""
    return (DOMAIN, entry_id)


class BlinkAccountEntity(ChangesOnlyEntity):
    """An entity of the whole Blink account, on a service device of its own."""

    def __init__(
        self, coordinator: BlinkHealthCoordinator, description: EntityDescription
    ) -> None:
        """Bind the entity to the entry's account device and a description."""
        super().__init__(coordinator)
        self.entity_description = description
        entry_id = coordinator.config_entry.entry_id
        self._attr_unique_id = f"{entry_id}_{description.key}"
        self._attr_device_info = DeviceInfo(
            identifiers={account_identifier(entry_id)},
            entry_type=DeviceEntryType.SERVICE,
            manufacturer=MANUFACTURER,
            translation_key="account",
        )


type EntityCandidate = tuple[tuple[str, str], Callable[[], Entity]]
type EntityCandidates = Callable[[], Iterable[EntityCandidate]]


class CameraDescription(Protocol):
    """What every camera entity description has: a key and whether the model reports it."""

    @property
    def key(self) -> str:
        """Return the description's key."""

    @property
    def exists_fn(self) -> Callable[[CameraSnapshot], bool]:
        """Return whether the model reports this value."""


def camera_candidates[D: CameraDescription](
    coordinator: BlinkHealthCoordinator,
    descriptions: Iterable[D],
    factory: Callable[[BlinkHealthCoordinator, str, D], Entity],
) -> Iterator[EntityCandidate]:
    """Yield, for every camera, each entity its model reports, ready to be made."""
    for key, camera in coordinator.data.snapshot.cameras.items():
        for description in descriptions:
            if description.exists_fn(camera):
                yield (
                    (key, description.key),
                    partial(factory, coordinator, key, description),
                )


def async_track_entities(
    coordinator: BlinkHealthCoordinator,
    add_entities: Callable[[Iterable[Entity]], None],
    candidates: EntityCandidates,
) -> Callable[[], None]:
    """Add each (device key, description key) entity once it should exist, now or after any later poll.

    A camera that joins the account, or starts reporting a value it did not report at first
    (for example its Wi-Fi once it is back online), gets the entity without a reload. An entity
    stays until its device leaves the account.
    """
    added: set[tuple[str, str]] = set()

    @callback
    def _add_new() -> None:
        present = coordinator.known_keys()
        added.intersection_update({key for key in added if key[0] in present})
        new = [(key, make) for key, make in candidates() if key not in added]
        if new:
            added.update(key for key, _ in new)
            add_entities([make() for _, make in new])

    _add_new()
    return coordinator.async_add_listener(_add_new)


@callback
def async_setup_camera_entities[D: CameraDescription](
    entry: BlinkHealthConfigEntry,
    add_entities: Callable[[Iterable[Entity]], None],
    descriptions: Iterable[D],
    factory: Callable[[BlinkHealthCoordinator, str, D], Entity],
) -> None:
    """Add every camera's entities now, and whenever a camera appears or starts reporting."""
    coordinator = entry.runtime_data
    entry.async_on_unload(
        async_track_entities(
            coordinator,
            add_entities,
            lambda: camera_candidates(coordinator, descriptions, factory),
        )
    )
