"""The account's sensors: cameras needing attention, batteries due soon, the connection."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

from homeassistant.components.sensor import (
    SensorDeviceClass,
    SensorEntity,
    SensorEntityDescription,
)

from .connection import Connection
from .coordinator import BlinkHealthCoordinator
from .data import BlinkHealthData, CameraView
from .entity import BlinkAccountEntity
from .forecast_view import batteries_due
from .texts import Texts, async_texts

type AccountSensorValue = str | int | None


@dataclass(frozen=True, kw_only=True)
class AccountSensorDescription(SensorEntityDescription):
    """A sensor of the whole account: its value and attributes from the coordinator."""

    value_fn: Callable[[BlinkHealthCoordinator], AccountSensorValue]
    attributes_fn: (
        Callable[[BlinkHealthCoordinator, Texts], Mapping[str, Any]] | None
    ) = None
    # Blink Health's own records (the connection, the forecasts) are what an outage shows.
    own_record: bool = False


def _cameras_needing_attention(data: BlinkHealthData) -> list[CameraView]:
    """Return the cameras whose cause needs the owner, by name."""
    views = (data.camera(key) for key in data.snapshot.cameras)
    return sorted(
        (view for view in views if view is not None and view.verdict.problem),
        key=lambda view: view.camera.name.casefold(),
    )


def _attention_attributes(
    coordinator: BlinkHealthCoordinator, texts: Texts
) -> Mapping[str, Any]:
    """Return each camera needing attention: name, cause (an id, and in words), since."""
    return {
        "cameras": [
            {
                "name": view.camera.name,
                "cause": view.verdict.cause.value,
                "cause_name": texts.cause(view.verdict.cause.value),
                "since": view.verdict.since.isoformat(),
            }
            for view in _cameras_needing_attention(coordinator.data)
        ],
    }


def _batteries_due_soon(coordinator: BlinkHealthCoordinator) -> list[dict[str, Any]]:
    """Return the cameras whose batteries are due within the owner's warning days."""
    return batteries_due(
        coordinator.data,
        coordinator.forecasts.settings.battery_due_days,
        coordinator.devices.device_id,
    )


def _connection_attributes(
    coordinator: BlinkHealthCoordinator, _texts: Texts
) -> Mapping[str, Any]:
    """Return since when the connection is in its state, the last poll that worked, Blink's code."""
    status = coordinator.connection.as_dict()
    status.pop("state")
    return status


ACCOUNT_SENSORS: tuple[AccountSensorDescription, ...] = (
    AccountSensorDescription(
        key="cameras_needing_attention",
        translation_key="cameras_needing_attention",
        # A count of cameras, not a measurement: no statistics, so history never shows a mean
        # such as "4.8 cameras".
        value_fn=lambda coordinator: len(_cameras_needing_attention(coordinator.data)),
        attributes_fn=_attention_attributes,
    ),
    AccountSensorDescription(
        key="batteries_due_soon",
        translation_key="batteries_due_soon",
        # The forecasts are Blink Health's own records: the list stays true in an outage. A
        # count of cameras, like the one above: no statistics.
        own_record=True,
        value_fn=lambda coordinator: len(_batteries_due_soon(coordinator)),
        attributes_fn=lambda coordinator, _texts: {
            "cameras": _batteries_due_soon(coordinator)
        },
    ),
    AccountSensorDescription(
        key="connection",
        translation_key="connection",
        device_class=SensorDeviceClass.ENUM,
        options=[state.value for state in Connection],
        own_record=True,
        value_fn=lambda coordinator: coordinator.connection.state.value,
        attributes_fn=_connection_attributes,
    ),
)


class AccountSensor(BlinkAccountEntity, SensorEntity):
    """A sensor of the whole account."""

    entity_description: AccountSensorDescription
    # The lists change with every camera's cause or forecast; the recorder keeps only the count.
    _unrecorded_attributes = frozenset({"cameras", "since", "last_update", "code"})

    @property
    def available(self) -> bool:
        """Return whether the value can be shown (the connection itself is shown in an outage)."""
        return self.entity_description.own_record or super().available

    @property
    def native_value(self) -> AccountSensorValue:
        """Return the value from the coordinator."""
        return self.entity_description.value_fn(self.coordinator)

    @property
    def extra_state_attributes(self) -> Mapping[str, Any] | None:
        """Return the details behind the value."""
        attributes_fn = self.entity_description.attributes_fn
        if attributes_fn is None:
            return None
        return attributes_fn(self.coordinator, async_texts(self.hass))
