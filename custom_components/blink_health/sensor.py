"""Sensors: battery voltage, Wi-Fi and Sync Module signal, temperature and last motion."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
    SensorStateClass,
)
from homeassistant.const import (
    SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
    EntityCategory,
    UnitOfElectricPotential,
    UnitOfTemperature,
)
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity import Entity
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import BlinkHealthConfigEntry, BlinkHealthCoordinator
from .entity import BlinkCameraEntity, async_track_new_devices
from .snapshot import CameraSnapshot

PARALLEL_UPDATES = 0

type SensorValue = str | int | float | datetime | None


@dataclass(frozen=True, kw_only=True)
class CameraSensorDescription(SensorEntityDescription):
    """A camera sensor: its value, and whether the model reports it at all."""

    value_fn: Callable[[CameraSnapshot], SensorValue]
    exists_fn: Callable[[CameraSnapshot], bool]


CAMERA_SENSORS: tuple[CameraSensorDescription, ...] = (
    CameraSensorDescription(
        key="battery_voltage",
        translation_key="battery_voltage",
        device_class=SensorDeviceClass.VOLTAGE,
        native_unit_of_measurement=UnitOfElectricPotential.VOLT,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=2,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda camera: camera.battery_voltage,
        exists_fn=lambda camera: (
            camera.has_battery and camera.battery_voltage is not None
        ),
    ),
    CameraSensorDescription(
        key="wifi_signal",
        translation_key="wifi_signal",
        device_class=SensorDeviceClass.SIGNAL_STRENGTH,
        native_unit_of_measurement=SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda camera: camera.wifi_dbm,
        exists_fn=lambda camera: camera.wifi_dbm is not None,
    ),
    CameraSensorDescription(
        key="wifi_bars",
        translation_key="wifi_bars",
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda camera: camera.wifi_bars,
        exists_fn=lambda camera: camera.wifi_bars is not None,
    ),
    CameraSensorDescription(
        key="sync_signal",
        translation_key="sync_signal",
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda camera: camera.sync_signal_bars,
        exists_fn=lambda camera: camera.sync_signal_bars is not None,
    ),
    CameraSensorDescription(
        key="temperature",
        translation_key="temperature",
        device_class=SensorDeviceClass.TEMPERATURE,
        native_unit_of_measurement=UnitOfTemperature.FAHRENHEIT,
        suggested_display_precision=1,
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
        entity_registry_enabled_default=False,
        value_fn=lambda camera: camera.temperature_f,
        exists_fn=lambda camera: camera.temperature_f is not None,
    ),
    CameraSensorDescription(
        key="last_motion",
        translation_key="last_motion",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda camera: camera.last_motion,
        exists_fn=lambda camera: camera.motion_detected is not None,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BlinkHealthConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add sensors for every camera now and for cameras that appear later."""
    coordinator = entry.runtime_data

    def build(serials: set[str]) -> Iterable[Entity]:
        cameras = coordinator.data.snapshot.cameras
        return [
            CameraSensor(coordinator, serial, description)
            for serial in sorted(serials & set(cameras))
            for description in CAMERA_SENSORS
            if description.exists_fn(cameras[serial])
        ]

    entry.async_on_unload(
        async_track_new_devices(coordinator, async_add_entities, build)
    )


class CameraSensor(BlinkCameraEntity, SensorEntity):
    """A camera's sensor."""

    entity_description: CameraSensorDescription

    def __init__(
        self,
        coordinator: BlinkHealthCoordinator,
        serial: str,
        description: CameraSensorDescription,
    ) -> None:
        """Bind to the camera."""
        super().__init__(coordinator, serial, description)

    @property
    def native_value(self) -> SensorValue:
        """Return the value from the latest snapshot."""
        camera = self.camera
        return None if camera is None else self.entity_description.value_fn(camera)
