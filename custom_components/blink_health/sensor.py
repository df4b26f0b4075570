"""Sensors: the likely LED state and cause, battery, signal, temperature and motion times.

Per account (sensor_account.py): how many cameras need attention, and which; the connection.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

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
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import BlinkHealthConfigEntry
from .data import CameraView
from .diagnosis import Cause, LedState, severity
from .entity import BlinkCameraEntity, async_setup_camera_entities
from .forecast_view import due_attributes, due_value
from .model import CameraSnapshot
from .reading_sensors import async_setup_reading_sensors
from .sensor_account import ACCOUNT_SENSORS, AccountSensor
from .texts import Texts, async_texts

PARALLEL_UPDATES = 0

type SensorValue = str | int | float | date | datetime | None


@dataclass(frozen=True, kw_only=True)
class CameraSensorDescription(SensorEntityDescription):
    """A camera sensor: its value, and whether the model reports it at all."""

    value_fn: Callable[[CameraView], SensorValue]
    exists_fn: Callable[[CameraSnapshot], bool]
    attributes_fn: Callable[[CameraView, Texts], Mapping[str, Any]] | None = None
    # Blink Health's own records (not Blink's readings) stay available during an outage.
    own_record: bool = False
    # Measured by the camera itself: unknown while it (or its Sync Module) is offline, since
    # Blink cannot have had a fresh value.
    reported_by_camera: bool = False
    # Home Assistant's `blink` shows the same on its device ("Temperature", "Wi-Fi signal strength").
    shown_by_blink: bool = False


def _cause_attributes(view: CameraView, texts: Texts) -> Mapping[str, Any]:
    """Return why the engine chose this cause: ids for automations, the evidence in words.

    The frontend shows `confidence` and `fixes` in words from their state_attributes translations.
    """
    verdict = view.verdict
    how_serious = severity(verdict.cause, online=view.camera.online)
    return {
        "severity": None if how_serious is None else how_serious.value,
        "blink_issues": list(verdict.issues),
        "confidence": verdict.confidence.value,
        "evidence": list(verdict.evidence),
        "evidence_text": texts.evidence(verdict.evidence),
        "fixes": [fix.value for fix in verdict.fixes],
        "since": verdict.since.isoformat(),
    }


CAMERA_SENSORS: tuple[CameraSensorDescription, ...] = (
    CameraSensorDescription(
        key="led_state",
        translation_key="led_state",
        device_class=SensorDeviceClass.ENUM,
        options=[led.value for led in LedState],
        value_fn=lambda view: view.verdict.led_state.value,
        exists_fn=lambda _: True,
    ),
    CameraSensorDescription(
        key="likely_cause",
        translation_key="likely_cause",
        device_class=SensorDeviceClass.ENUM,
        options=[cause.value for cause in Cause],
        value_fn=lambda view: view.verdict.cause.value,
        attributes_fn=_cause_attributes,
        exists_fn=lambda _: True,
    ),
    CameraSensorDescription(
        key="battery_voltage",
        translation_key="battery_voltage",
        reported_by_camera=True,
        device_class=SensorDeviceClass.VOLTAGE,
        native_unit_of_measurement=UnitOfElectricPotential.VOLT,
        state_class=SensorStateClass.MEASUREMENT,
        suggested_display_precision=2,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda view: view.camera.battery_voltage,
        exists_fn=lambda camera: (
            camera.has_battery and camera.battery_voltage is not None
        ),
    ),
    CameraSensorDescription(
        key="batteries_replaced",
        translation_key="batteries_replaced",
        own_record=True,
        device_class=SensorDeviceClass.TIMESTAMP,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda view: view.history.batteries_replaced_at,
        exists_fn=lambda camera: camera.has_battery,
    ),
    CameraSensorDescription(
        # The battery forecast: the day the batteries most likely need replacing.
        key="battery_replacement_due",
        translation_key="battery_replacement_due",
        own_record=True,
        device_class=SensorDeviceClass.DATE,
        value_fn=due_value,
        attributes_fn=due_attributes,
        exists_fn=lambda camera: camera.has_battery,
    ),
    CameraSensorDescription(
        key="battery_level",
        translation_key="battery_level",
        reported_by_camera=True,
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda view: view.camera.battery_bars,
        exists_fn=lambda camera: camera.has_battery and camera.battery_bars is not None,
    ),
    CameraSensorDescription(
        key="wifi_signal",
        translation_key="wifi_signal",
        reported_by_camera=True,
        device_class=SensorDeviceClass.SIGNAL_STRENGTH,
        native_unit_of_measurement=SIGNAL_STRENGTH_DECIBELS_MILLIWATT,
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda view: view.camera.wifi_dbm,
        exists_fn=lambda camera: camera.wifi_dbm is not None,
        shown_by_blink=True,
    ),
    CameraSensorDescription(
        key="wifi_bars",
        translation_key="wifi_bars",
        reported_by_camera=True,
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda view: view.camera.wifi_bars,
        exists_fn=lambda camera: camera.wifi_bars is not None,
    ),
    CameraSensorDescription(
        key="sync_signal",
        translation_key="sync_signal",
        reported_by_camera=True,
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
        value_fn=lambda view: view.camera.sync_signal_bars,
        exists_fn=lambda camera: camera.sync_signal_bars is not None,
    ),
    CameraSensorDescription(
        key="temperature",
        translation_key="temperature",
        reported_by_camera=True,
        device_class=SensorDeviceClass.TEMPERATURE,
        native_unit_of_measurement=UnitOfTemperature.FAHRENHEIT,
        suggested_display_precision=1,
        state_class=SensorStateClass.MEASUREMENT,
        entity_category=EntityCategory.DIAGNOSTIC,
        entity_registry_enabled_default=False,
        value_fn=lambda view: view.camera.temperature_f,
        exists_fn=lambda camera: camera.temperature_f is not None,
        shown_by_blink=True,
    ),
    CameraSensorDescription(
        key="last_motion",
        translation_key="last_motion",
        device_class=SensorDeviceClass.TIMESTAMP,
        value_fn=lambda view: view.camera.last_motion,
        exists_fn=lambda camera: camera.motion_detected is not None,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BlinkHealthConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add the account's sensors, and every camera's now and whenever one appears or starts reporting."""
    coordinator = entry.runtime_data
    async_add_entities(
        AccountSensor(coordinator, description) for description in ACCOUNT_SENSORS
    )
    async_setup_camera_entities(entry, async_add_entities, CAMERA_SENSORS, CameraSensor)
    async_setup_reading_sensors(entry, async_add_entities)


class CameraSensor(BlinkCameraEntity, SensorEntity):
    """A camera's sensor."""

    entity_description: CameraSensorDescription
    # The reasons behind a cause change every poll; the recorder keeps only the cause itself.
    _unrecorded_attributes = frozenset(
        {
            "severity",
            "blink_issues",
            "confidence",
            "evidence",
            "evidence_text",
            "fixes",
            "since",
            "based_on",
            "usage_per_day",
        }
    )

    @property
    def available(self) -> bool:
        """Return whether the value can be shown (our own records survive an outage)."""
        if self.entity_description.own_record:
            return self.coordinator.data is not None and self.camera is not None
        return super().available

    @property
    def native_value(self) -> SensorValue:
        """Return the value from the latest poll (unknown where it cannot be fresh)."""
        view = self.camera
        description = self.entity_description
        if view is None or (
            description.reported_by_camera and not view.camera.reachable
        ):
            return None
        return description.value_fn(view)

    @property
    def extra_state_attributes(self) -> Mapping[str, Any] | None:
        """Return the evidence behind the value, where the sensor has any."""
        view = self.camera
        attributes_fn = self.entity_description.attributes_fn
        if view is None or attributes_fn is None:
            return None
        return attributes_fn(view, async_texts(self.hass))
