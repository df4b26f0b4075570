"""Keep Home Assistant's device registry in step with the account, slowly on removals."""

from __future__ import annotations

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr

from .const import DOMAIN, LOGGER, MANUFACTURER
from .model import AccountSnapshot, model_name

# Well-formed answers in a row that must leave a device out before it is removed.
POLLS_BEFORE_REMOVAL = 2


class DeviceSync:
    """Creates a device per Sync Module and camera (cameras linked to their module)."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Work on this entry's devices."""
        self._hass = hass
        self._entry_id = entry_id
        self._unlisted_polls: dict[str, int] = {}

    @callback
    def async_update(self, snapshot: AccountSnapshot) -> frozenset[str]:
        """Create or update every device; return the keys of devices that left the account.

        A device leaves once POLLS_BEFORE_REMOVAL well-formed answers in a row did not list it.
        """
        registry = dr.async_get(self._hass)
        module_ids: dict[str, str] = {}
        for key, module in snapshot.sync_modules.items():
            module_ids[key] = registry.async_get_or_create(
                config_entry_id=self._entry_id,
                identifiers={(DOMAIN, key)},
                manufacturer=MANUFACTURER,
                model=model_name(module.product_type),
                model_id=module.product_type,
                name=module.name,
                serial_number=module.serial,
                sw_version=module.firmware,
            ).id
        for key, camera in snapshot.cameras.items():
            registry.async_get_or_create(
                config_entry_id=self._entry_id,
                identifiers={(DOMAIN, key)},
                manufacturer=MANUFACTURER,
                model=model_name(camera.product_type),
                model_id=camera.product_type,
                name=camera.name,
                serial_number=camera.serial,
                sw_version=camera.firmware,
                via_device_id=module_ids.get(camera.sync_module_key or ""),
            )
        self._unlisted_polls = {
            key: self._unlisted_polls.get(key, 0) + 1 for key in snapshot.unlisted
        }
        gone = frozenset(
            key
            for key, polls in self._unlisted_polls.items()
            if polls >= POLLS_BEFORE_REMOVAL
        )
        for key in gone:
            self._unlisted_polls.pop(key)
            if device := registry.async_get_device_by_identifier(
                (DOMAIN, key), self._entry_id
            ):
                LOGGER.info(
                    "Removing %s: it is no longer on the Blink account", device.name
                )
                registry.async_remove_device(device.id)
        return gone

    def device_id(self, key: str) -> str | None:
        """Return the registry id of a device key, None when it has no device."""
        device = dr.async_get(self._hass).async_get_device_by_identifier(
            (DOMAIN, key), self._entry_id
        )
        return device.id if device else None
