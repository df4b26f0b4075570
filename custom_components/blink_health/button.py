"""Buttons: tell Blink Health the batteries were just replaced."""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from dataclasses import dataclass
from typing import Any

from homeassistant.components.button import ButtonEntity, ButtonEntityDescription
from homeassistant.core import HomeAssistant
from homeassistant.helpers.entity_platform import AddConfigEntryEntitiesCallback

from .coordinator import BlinkHealthConfigEntry, BlinkHealthCoordinator
from .entity import BlinkCameraEntity, async_setup_camera_entities
from .model import CameraSnapshot

PARALLEL_UPDATES = 0


@dataclass(frozen=True, kw_only=True)
class CameraButtonDescription(ButtonEntityDescription):
    """A camera button: what it does, and which models have it."""

    press_fn: Callable[[BlinkHealthCoordinator, str], Coroutine[Any, Any, None]]
    exists_fn: Callable[[CameraSnapshot], bool]
    shown_by_blink: bool = False


CAMERA_BUTTONS: tuple[CameraButtonDescription, ...] = (
    CameraButtonDescription(
        key="batteries_replaced",
        translation_key="batteries_replaced",
        press_fn=lambda coordinator, key: coordinator.async_record_batteries_replaced(
            key
        ),
        exists_fn=lambda camera: camera.has_battery,
    ),
)


async def async_setup_entry(
    hass: HomeAssistant,
    entry: BlinkHealthConfigEntry,
    async_add_entities: AddConfigEntryEntitiesCallback,
) -> None:
    """Add buttons for every battery camera now and for cameras that appear later."""
    async_setup_camera_entities(entry, async_add_entities, CAMERA_BUTTONS, CameraButton)


class CameraButton(BlinkCameraEntity, ButtonEntity):
    """A camera's button."""

    entity_description: CameraButtonDescription

    @property
    def available(self) -> bool:
        """Return whether the camera is known: recording an owner's action needs no Blink."""
        return self.coordinator.data is not None and self.camera is not None

    async def async_press(self) -> None:
        """Do what the button says."""
        await self.entity_description.press_fn(self.coordinator, self.device_key)
