"""Which Home Assistant device each Blink device's entities sit on, kept in step with the account.

One device per camera and Sync Module: where Home Assistant's `blink` integration has an enabled
device for it (the device key is the serial Blink reports), Blink Health's entities sit on that
device and Blink Health keeps no device of its own for it; otherwise Blink Health makes its own
(a camera linked to its Sync Module). `DeviceSync` is the one place that knows which device hosts
which device key, both ways. When the host changes (the `blink` device appears, its `blink` entry
is disabled, or it is removed), it moves this entry's entities in the entity registry, removes its own device once
empty, and tells its listeners (the repairs) which device id became which. Removal from the
account is slow: two well-formed answers in a row must leave a device out.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import device_registry as dr, entity_registry as er

from .blink.blink_integration import blink_integration_device
from .const import DOMAIN, LOGGER, MANUFACTURER
from .model import AccountSnapshot, CameraSnapshot, SyncModuleSnapshot, model_name

# Well-formed answers in a row that must leave a device out before it is removed.
POLLS_BEFORE_REMOVAL = 2

type DeviceMoved = Callable[[str, str], None]


@dataclass(frozen=True, slots=True)
class Host:
    """The device a key's entities sit on, and what `blink` has for the same camera.

    `blink_integration`: the device is `blink`'s. `blink_device`: `blink` has a device for it
    (perhaps its `blink` entry is disabled, then we sit on our own): its entities hold their
    names either way.
    """

    device_id: str
    blink_integration: bool = False
    blink_device: bool = False


def unique_id_for(device_key: str, description_key: str) -> str:
    """Return the unique id of a device's entity: `<device key>_<description key>`."""
    return f"{device_key}_{description_key}"


def key_of_unique_id(unique_id: str, keys: Mapping[str, object]) -> str | None:
    """Return the device key an entity's unique id starts with (the longest that fits)."""
    end = len(unique_id)
    while (end := unique_id.rfind("_", 0, end)) > 0:
        if unique_id[:end] in keys:
            return unique_id[:end]
    return None


class DeviceSync:
    """Creates, finds and moves the devices of one entry's Sync Modules and cameras."""

    def __init__(self, hass: HomeAssistant, entry_id: str) -> None:
        """Work on this entry's devices."""
        self._hass = hass
        self._entry_id = entry_id
        self._unlisted_polls: dict[str, int] = {}
        self._hosts: dict[str, Host] = {}
        self._keys: dict[str, str] = {}
        self._listeners: list[DeviceMoved] = []

    # What the rest of Blink Health asks.

    def device_id(self, key: str) -> str | None:
        """Return the registry id of the device a key's entities sit on, None when none."""
        host = self._hosts.get(key)
        return host.device_id if host else None

    def key_for(self, device_id: str) -> str | None:
        """Return the device key whose entities sit on this device, None for any other."""
        return self._keys.get(device_id)

    def shown_by_blink(self, key: str) -> bool:
        """Return whether `blink` has a device (and its entities) for this key, even disabled.

        Its entities keep their entity ids while disabled: ours saying the same would get `_2`.
        """
        host = self._hosts.get(key)
        return host is not None and host.blink_device

    def blink_device(self, key: str) -> dr.DeviceEntry | None:
        """Return the `blink` device a key's entities sit on, None when they have our own."""
        host = self._hosts.get(key)
        if host is None or not host.blink_integration:
            return None
        return dr.async_get(self._hass).async_get(
            host.device_id, include_child_devices=False
        )

    def diagnostics(self) -> dict[str, int]:
        """Return how many devices sit on `blink`'s devices and how many are Blink Health's."""
        on_blink = sum(host.blink_integration for host in self._hosts.values())
        return {"on_blink_integration": on_blink, "own": len(self._hosts) - on_blink}

    @callback
    def async_on_device_moved(self, listener: DeviceMoved) -> None:
        """Call `listener(old device id, new device id)` whenever a key's device changes."""
        self._listeners.append(listener)

    # Keeping the registry in step.

    @callback
    def async_update(self, snapshot: AccountSnapshot) -> frozenset[str]:
        """Find or create every device and move entities to it; return the keys that left.

        A device leaves once POLLS_BEFORE_REMOVAL well-formed answers in a row did not list it.
        """
        registry = dr.async_get(self._hass)
        moved: dict[str, str] = {}
        hosts: dict[str, Host] = {}
        for key, module in snapshot.sync_modules.items():
            hosts[key] = self._async_host(registry, module, None, moved)
        for key, camera in snapshot.cameras.items():
            module_host = hosts.get(camera.sync_module_key or "")
            hosts[key] = self._async_host(registry, camera, module_host, moved)
        for key, host in hosts.items():
            old = self._hosts.get(key)
            if old is not None and old.device_id != host.device_id:
                moved[old.device_id] = host.device_id
        self._async_move_entities(hosts)
        gone = self._async_remove_gone(registry, snapshot.unlisted, hosts)
        self._hosts = {key: host for key, host in hosts.items() if key not in gone}
        self._keys = {host.device_id: key for key, host in self._hosts.items()}
        for old_id, new_id in moved.items():
            for listener in self._listeners:
                listener(old_id, new_id)
        return gone

    def _async_host(
        self,
        registry: dr.DeviceRegistry,
        device: SyncModuleSnapshot | CameraSnapshot,
        module_host: Host | None,
        moved: dict[str, str],
    ) -> Host:
        """Return the device this Sync Module or camera sits on, creating ours if need be.

        A device kept apart from another that reported the same serial (its key is not its
        serial) never sits on the `blink` device of that serial.
        """
        key = device.key
        blink = (
            blink_integration_device(self._hass, device.serial)
            if device.serial and device.serial == key
            else None
        )
        own = registry.async_get_device_by_identifier((DOMAIN, key), self._entry_id)
        # A device disabled with its `blink` entry is no home (Home Assistant would disable our
        # entities added there); one its owner disabled keeps ours, disabled with it.
        if blink is None or blink.disabled_by is dr.DeviceEntryDisabler.CONFIG_ENTRY:
            return Host(
                self._async_own_device(registry, device, module_host).id,
                blink_device=blink is not None,
            )
        if own is not None:
            # This entry's entities first: removing our device would delete them.
            self._async_move_device_entities(own.id, blink.id)
            registry.async_remove_device(own.id)
            moved[own.id] = blink.id
            LOGGER.info(
                "%s now sits on the Blink integration's device",
                device.name or "A device",
            )
        if module_host is not None and blink.via_device_id is None:
            # `blink` links no camera to its Sync Module: a camera picked in an automation or
            # on the card must still lead to its Sync Module's repair.
            registry.async_update_device(blink.id, via_device_id=module_host.device_id)
        return Host(blink.id, blink_integration=True, blink_device=True)

    def _async_own_device(
        self,
        registry: dr.DeviceRegistry,
        device: SyncModuleSnapshot | CameraSnapshot,
        module_host: Host | None,
    ) -> dr.DeviceEntry:
        """Create or update Blink Health's own device for a Sync Module or camera."""
        return registry.async_get_or_create(
            config_entry_id=self._entry_id,
            identifiers={(DOMAIN, device.key)},
            manufacturer=MANUFACTURER,
            model=model_name(device.product_type),
            model_id=device.product_type,
            name=device.name,
            serial_number=device.serial,
            sw_version=device.firmware,
            via_device_id=module_host.device_id if module_host else None,
        )

    def _async_move_device_entities(self, old_id: str, new_id: str) -> None:
        """Move this entry's entities from one device to another."""
        entities = er.async_get(self._hass)
        for entity in er.async_entries_for_device(
            entities, old_id, include_disabled_entities=True
        ):
            if entity.config_entry_id == self._entry_id:
                entities.async_update_entity(entity.entity_id, device_id=new_id)

    def _async_move_entities(self, hosts: Mapping[str, Host]) -> None:
        """Put each of this entry's device entities on its key's host (orphans included)."""
        entities = er.async_get(self._hass)
        for entity in er.async_entries_for_config_entry(entities, self._entry_id):
            key = key_of_unique_id(entity.unique_id, hosts)
            if key is not None and entity.device_id != hosts[key].device_id:
                entities.async_update_entity(
                    entity.entity_id, device_id=hosts[key].device_id
                )

    def _async_remove_gone(
        self,
        registry: dr.DeviceRegistry,
        unlisted: Iterable[str],
        hosts: Mapping[str, Host],
    ) -> frozenset[str]:
        """Count the polls each device was left out; remove those left out long enough.

        Our own device goes with its entities; on a `blink` device only our entities go.
        """
        self._unlisted_polls = {
            key: self._unlisted_polls.get(key, 0) + 1 for key in unlisted
        }
        gone = frozenset(
            key
            for key, polls in self._unlisted_polls.items()
            if polls >= POLLS_BEFORE_REMOVAL
        )
        entities = er.async_get(self._hass)
        for key in gone:
            self._unlisted_polls.pop(key)
            host = hosts.get(key) or self._hosts.get(key)
            if host is not None and host.blink_integration:
                LOGGER.info("Removing a device's entities: it left the Blink account")
                for entity in er.async_entries_for_device(
                    entities, host.device_id, include_disabled_entities=True
                ):
                    if entity.config_entry_id == self._entry_id:
                        entities.async_remove(entity.entity_id)
            elif device := registry.async_get_device_by_identifier(
                (DOMAIN, key), self._entry_id
            ):
                LOGGER.info(
                    "Removing %s: it is no longer on the Blink account", device.name
                )
                registry.async_remove_device(device.id)
        return gone
