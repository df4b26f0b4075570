"""Binary sensors: online, low battery, motion and armed, per camera and Sync Module."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass

from homeassistant.components.binary_sensor import (
    BinarySensorEntity,
    BinarySensorEntityDescription,
)
from homeassistant.components.binary_sensor.const import BinarySensorDeviceClass
from homeassistant.const import EntityCategory
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import BlinkHealthConfigEntry
from .data import CameraView
from .entity import (
    BlinkCameraEntity,
    BlinkSyncModuleEntity,
    EntityCandidate,
    async_track_entities,
    camera_candidates,
    sync_module_candidates,
)
from .model import CameraSnapshot, SyncModuleSnapshot

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class CameraBinarySensorDescription(BinarySensorEntityDescription):
    """A camera binary sensor: its value, and whether the model reports it at all."""

    is_on_fn: Callable[[CameraView], bool | None]
    exists_fn: Callable[[CameraSnapshot], bool] = lambda _: True
    # Reported by the camera itself: unknown while it (or its Sync Module) is offline.
    reported_by_camera: bool = False
    # Home Assistant's `blink` shows the same on its device ("Battery", "Motion", "Camera armed").
    shown_by_blink: bool = False


@dataclass(frozen=True, kw_only=True)
class SyncModuleBinarySensorDescription(BinarySensorEntityDescription):
    """A Sync Module binary sensor."""

    is_on_fn: Callable[[SyncModuleSnapshot], bool | None]


CAMERA_BINARY_SENSORS: tuple[CameraBinarySensorDescription, ...] = (
    CameraBinarySensorDescription(
        key="problem",
        translation_key="problem",
        device_class=BinarySensorDeviceClass.PROBLEM,
        # On exactly when the likely cause needs the owner: neither ok nor a clip recording.
        is_on_fn=lambda view: view.verdict.problem,
    ),
    CameraBinarySensorDescription(
        key="online",
        translation_key="online",
        device_class=BinarySensorDeviceClass.CONNECTIVITY,
        is_on_fn=lambda view: view.camera.online,
    ),
    CameraBinarySensorDescription(
        key="battery",
        translation_key="battery",
        reported_by_camera=True,
        device_class=BinarySensorDeviceClass.BATTERY,
        is_on_fn=lambda view: view.camera.battery_low,
        # A Mini or wired camera has no battery: it must never look like a low one.
        exists_fn=lambda camera: camera.has_battery,
        shown_by_blink=True,
    ),
    CameraBinarySensorDescription(
        key="motion",
        translation_key="motion",
        reported_by_camera=True,
        device_class=BinarySensorDeviceClass.MOTION,
        # An offline camera records nothing new: unknown, not "clear".
        is_on_fn=lambda view: view.camera.motion_detected,
        exists_fn=lambda camera: camera.motion_detected is not None,
        shown_by_blink=True,
    ),
    CameraBinarySensorDescription(
        key="armed",
        translation_key="armed",
        reported_by_camera=True,
        entity_category=EntityCategory.DIAGNOSTIC,
        is_on_fn=lambda view: view.camera.armed,
        exists_fn=lambda camera: camera.armed is not None,
        shown_by_blink=True,
    ),
)

SYNC_MODULE_BINARY_SENSORS: tuple[SyncModuleBinarySensorDescription, ...] = (
    SyncModuleBinarySensorDescription(
        key="online",
        translation_key="online",
        device_class=BinarySensorDeviceClass.CONNECTIVITY,
        is_on_fn=lambda module: module.online,
    ),
    SyncModuleBinarySensorDescription(
        key="armed",
        translation_key="armed",
        entity_category=EntityCategory.DIAGNOSTIC,
        is_on_fn=lambda module: module.armed,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BlinkHealthConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add binary sensors for every device now and for devices that appear later."""
    coordinator = entry.runtime_data

    def candidates() -> Iterator[EntityCandidate]:
        yield from camera_candidates(
            coordinator, CAMERA_BINARY_SENSORS, CameraBinarySensor
        )
        yield from sync_module_candidates(
            coordinator, SYNC_MODULE_BINARY_SENSORS, SyncModuleBinarySensor
        )

    entry.async_on_unload(
        async_track_entities(coordinator, async_add_entities, candidates)
    )


class CameraBinarySensor(BlinkCameraEntity, BinarySensorEntity):
    """A camera's binary sensor."""

    entity_description: CameraBinarySensorDescription

    @property
    def is_on(self) -> bool | None:
        """Return the value from the latest snapshot (unknown where it cannot be fresh)."""
        view = self.camera
        description = self.entity_description
        if view is None or (
            description.reported_by_camera and not view.camera.reachable
        ):
            return None
        return description.is_on_fn(view)


class SyncModuleBinarySensor(BlinkSyncModuleEntity, BinarySensorEntity):
    """A Sync Module's binary sensor."""

    entity_description: SyncModuleBinarySensorDescription

    @property
    def is_on(self) -> bool | None:
        """Return the value from the latest snapshot."""
        module = self.sync_module
        return None if module is None else self.entity_description.is_on_fn(module)
