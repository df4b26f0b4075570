"""The account's sensors: cameras needing attention (and batteries due soon), the connection."""

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
    # The connection is Blink Health's own record: it is what an outage shows.
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
    """Return each camera needing attention (name, cause, since), and batteries due soon."""
    data = coordinator.data
    return {
        "batteries_due": batteries_due(
            data, coordinator.forecasts.settings.battery_due_days
        ),
        "cameras": [
            {
                "name": view.camera.name,
                "cause": view.verdict.cause.value,
                "cause_name": texts.cause(view.verdict.cause.value),
                "since": view.verdict.since.isoformat(),
            }
            for view in _cameras_needing_attention(data)
        ],
    }


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
    # The list changes with every camera's cause; the recorder keeps only the count.
    _unrecorded_attributes = frozenset(
        {"cameras", "batteries_due", "since", "last_update", "code"}
    )

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
