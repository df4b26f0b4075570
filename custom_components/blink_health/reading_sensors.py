"""Sensors of the readings: a Sync Module's local storage, and a doorbell's Sync Module signal.

Set up by the sensor platform (`sensor.py`) next to its own sensors.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import SIGNAL_STRENGTH_DECIBELS_MILLIWATT, EntityCategory
from homeassistant.core import callback
from homeassistant.helpers.entity import Entity

from .coordinator import BlinkHealthConfigEntry
from .data import CameraView
from .entity import (
    BlinkCameraEntity,
    BlinkSyncModuleEntity,
    async_setup_camera_entities,
    async_track_entities,
    sync_module_candidates,
)
from .model import CameraSnapshot, SyncModuleSnapshot
from .model.storage import LocalStorage, local_storage_state, storage_medium


@dataclass(frozen=True, kw_only=True)
class SyncModuleSensorDescription(SensorEntityDescription):
    """A Sync Module sensor: its value and attributes from the module's snapshot."""

    value_fn: Callable[[SyncModuleSnapshot], str | None]
    attributes_fn: Callable[[SyncModuleSnapshot, bool], Mapping[str, Any]]


@dataclass(frozen=True, kw_only=True)
class CameraReadingDescription(SensorEntityDescription):
    """A camera sensor of a reading that only some models report."""

    value_fn: Callable[[CameraView], int | None]
    exists_fn: Callable[[CameraSnapshot], bool]
    # Home Assistant's `blink` shows none of these readings.
    shown_by_blink: bool = False


def _storage_value(module: SyncModuleSnapshot) -> str | None:
    """Return the module's local storage state, None (unknown) when Blink's answer cannot tell.

    An offline module's answer is the one from before it went: unknown too.
    """
    state = None if module.online is False else local_storage_state(module)
    return None if state is None else state.value


def _storage_attributes(module: SyncModuleSnapshot, worked: bool) -> Mapping[str, Any]:
    """Return what the model stores on, Blink's own status, and whether storage has worked."""
    return {
        "medium": storage_medium(module.product_type).value,
        "blink_status": module.local_storage_status,
        "worked": worked,
    }


SYNC_MODULE_SENSORS: tuple[SyncModuleSensorDescription, ...] = (
    SyncModuleSensorDescription(
        key="local_storage",
        translation_key="local_storage",
        device_class=SensorDeviceClass.ENUM,
        options=[state.value for state in LocalStorage],
        value_fn=_storage_value,
        attributes_fn=_storage_attributes,
    ),
)

CAMERA_READING_SENSORS: tuple[CameraReadingDescription, ...] = (
    CameraReadingDescription(
        key="sync_signal_strength",
        translation_key="sync_signal_strength",
        device_class=SensorDeviceClass.SIGNAL_STRENGTH,
        native_unit_of_measurement=SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda state: state.camera.sync_signal_dbm,
        exists_fn=lambda camera: camera.sync_signal_dbm is not None,
    ),
)


@callback
def async_setup_reading_sensors(
    entry: BlinkHealthConfigEntry, add_entities: Callable[[Iterable[Entity]], None]
) -> None:
    """Add the readings' sensors for every device now and for devices that appear later."""
    coordinator = entry.runtime_data
    async_setup_camera_entities(
        entry, add_entities, CAMERA_READING_SENSORS, CameraReadingSensor
    )
    entry.async_on_unload(
        async_track_entities(
            coordinator,
            add_entities,
            lambda: sync_module_candidates(
                coordinator, SYNC_MODULE_SENSORS, SyncModuleSensor
            ),
        )
    )


class SyncModuleSensor(BlinkSyncModuleEntity, SensorEntity):
    """A Sync Module's sensor."""

    entity_description: SyncModuleSensorDescription

    @property
    def native_value(self) -> str | None:
        """Return the value from the latest snapshot."""
        module = self.sync_module
        return None if module is None else self.entity_description.value_fn(module)

    @property
    def extra_state_attributes(self) -> Mapping[str, Any] | None:
        """Return the details behind the value."""
        module = self.sync_module
        if module is None:
            return None
        worked = self.device_key in self.coordinator.data.storage_worked
        return self.entity_description.attributes_fn(module, worked)


class CameraReadingSensor(BlinkCameraEntity, SensorEntity):
    """A camera's sensor of a reading only some models report."""

    entity_description: CameraReadingDescription

    @property
    def native_value(self) -> int | None:
        """Return the value from the latest poll (unknown while it cannot be fresh)."""
        state = self.camera
        if state is None or not state.camera.reachable:
            return None
        return self.entity_description.value_fn(state)
