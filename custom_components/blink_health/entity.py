"""Base entities: one Home Assistant device per camera and per Sync Module, one for the account.

A camera or Sync Module's entities sit on the device `DeviceSync` names for it: Home Assistant's
`blink` device when there is one (the entity sets `device_entry` and gives no `device_info`), else
Blink Health's own. Where `blink` has a device for a camera (even a disabled one), descriptions
marked `shown_by_blink` are not created (an earlier version's copy is removed): `blink`'s own
entity says the same and holds the name.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from functools import partial
from typing import Protocol

from homeassistant.core import callback
from homeassistant.helpers import entity_registry as er
from homeassistant.helpers.device_registry import DeviceEntryType, DeviceInfo
from homeassistant.helpers.entity import Entity, EntityDescription
from homeassistant.helpers.entity_platform import (
    EntityPlatform,
    async_get_current_platform,
)
from homeassistant.helpers.update_coordinator import CoordinatorEntity
from homeassistant.util import slugify

from .const import DOMAIN, LOGGER, MANUFACTURER
from .coordinator import BlinkHealthConfigEntry, BlinkHealthCoordinator
from .data import CameraView
from .device_sync import unique_id_for
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
        self._attr_unique_id = unique_id_for(device_key, description.key)
        # The device name our entity ids start with, on a `blink` device.
        self._blink_device_name: str | None = None
        if (device := coordinator.devices.blink_device(device_key)) is not None:
            # Home Assistant's `blink` device for this camera: no device of our own.
            self.device_entry = device
            snapshot = coordinator.data.snapshot
            own = snapshot.cameras.get(device_key) or snapshot.sync_modules.get(
                device_key
            )
            self._blink_device_name = device.name_by_user or (own.name if own else None)
        else:
            # The coordinator registers our device (a camera linked to its Sync Module) first.
            self._attr_device_info = DeviceInfo(identifiers={(DOMAIN, device_key)})

    def suggest_entity_id(self, platform: EntityPlatform) -> None:
        """On a `blink` device, suggest the entity id it would have on Blink Health's own.

        Home Assistant starts a new entity id with its device's name, which `blink`'s platforms
        set in turn ("Driveway", "blink Driveway", whichever came last): the entity ids must
        not depend on that, so they are the same in both modes (`sensor.driveway_likely_cause`,
        `binary_sensor.home_online`). A registered entity keeps its id whatever is suggested.
        """
        data = getattr(platform, "platform_data", None)
        if self._blink_device_name is None or self.translation_key is None:
            return
        key = f"component.{DOMAIN}.entity.{platform.domain}.{self.translation_key}.name"
        if name := getattr(data, "object_id_platform_translations", {}).get(key):
            self.entity_id = (
                f"{platform.domain}.{slugify(f'{self._blink_device_name} {name}')}"
            )


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


# (device key, description key) and how to make the entity; None: it must not exist (on a
# `blink` device, `blink`'s own entity says the same).
type EntityCandidate = tuple[tuple[str, str], Callable[[], Entity] | None]
type EntityCandidates = Callable[[], Iterable[EntityCandidate]]


class CameraDescription(Protocol):
    """What every camera entity description has: its key, its model test, its `blink` twin."""

    @property
    def key(self) -> str:
        """Return the description's key."""

    @property
    def exists_fn(self) -> Callable[[CameraSnapshot], bool]:
        """Return whether the model reports this value."""

    @property
    def shown_by_blink(self) -> bool:
        """Return whether `blink`'s entities on a camera say this already."""


def camera_candidates[D: CameraDescription](
    coordinator: BlinkHealthCoordinator,
    descriptions: Iterable[D],
    factory: Callable[[BlinkHealthCoordinator, str, D], Entity],
) -> Iterator[EntityCandidate]:
    """Yield, for every camera, each entity its model reports, ready to be made.

    Where `blink` has a device for the camera, a description it shows is yielded as one not to
    make (its entity holds the name, even while disabled).
    """
    for key, camera in coordinator.data.snapshot.cameras.items():
        blink_twin = coordinator.devices.shown_by_blink(key)
        for description in descriptions:
            if blink_twin and description.shown_by_blink:
                yield (key, description.key), None
            elif description.exists_fn(camera):
                yield (
                    (key, description.key),
                    partial(factory, coordinator, key, description),
                )


def sync_module_candidates[D: EntityDescription](
    coordinator: BlinkHealthCoordinator,
    descriptions: Iterable[D],
    factory: Callable[[BlinkHealthCoordinator, str, D], Entity],
) -> Iterator[EntityCandidate]:
    """Yield, for every Sync Module, each entity of these descriptions, ready to be made."""
    for key in coordinator.data.snapshot.sync_modules:
        for description in descriptions:
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
    stays until its device leaves the account, or until it sits on a `blink` device whose own
    entity says the same (then it is removed, and made again should the `blink` device go).
    """
    added: set[tuple[str, str]] = set()
    platform = async_get_current_platform()
    registry = er.async_get(coordinator.hass)

    @callback
    def _add_new() -> None:
        present = coordinator.known_keys()
        added.intersection_update({key for key in added if key[0] in present})
        new: list[tuple[tuple[str, str], Callable[[], Entity]]] = []
        for key, make in candidates():
            if make is None:
                added.discard(key)
                _async_remove_registered(registry, platform.domain, key)
            elif key not in added:
                new.append((key, make))
        if new:
            added.update(key for key, _ in new)
            entities = [make() for _, make in new]
            for entity in entities:
                if isinstance(entity, BlinkHealthEntity):
                    entity.suggest_entity_id(platform)
            add_entities(entities)

    _add_new()
    return coordinator.async_add_listener(_add_new)


def _async_remove_registered(
    registry: er.EntityRegistry, domain: str, key: tuple[str, str]
) -> None:
    """Remove an entity of ours from the registry (and Home Assistant), if it is there."""
    entity_id = registry.async_get_entity_id(domain, DOMAIN, unique_id_for(*key))
    if entity_id is not None:
        LOGGER.info(
            "Removed %s: the Blink integration's entity on the same device says the same",
            entity_id,
        )
        registry.async_remove(entity_id)


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
