"""Which Home Assistant device a homescreen entry is: bound to Blink's id, never to its name.

A device's key (its identifier and the prefix of its entities' unique ids) is the serial Blink
reported the first time its (list, id) was seen. A later answer that reports another serial for
the same id, or another device's serial, changes no key; a Mini stays a Mini whatever list or type
a later answer gives it.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass, field, replace
from typing import Any

from ..blink.reading import CameraKind
from ..blink.vocabulary import model_name
from ..const import LOGGER
from .snapshot import CameraSnapshot, SyncModuleSnapshot


@dataclass(slots=True)
class DeviceIdentities:
    """The sticky binding of Blink ids to device keys and kinds, stored with the history."""

    keys: dict[str, str] = field(default_factory=dict)
    kinds: dict[str, CameraKind] = field(default_factory=dict)
    _warned: set[str] = field(default_factory=set)

    @staticmethod
    def binding(list_key: str, device_id: int) -> str:
        """Return the binding name of a homescreen entry: its list and its Blink id."""
        return f"{list_key}:{device_id}"

    def key_for(
        self,
        binding: str,
        reported_serial: str | None,
        fallback: str,
        listed: Collection[str],
        *,
        reliable_lists: Collection[str] | None = None,
    ) -> str:
        """Return the entry's device key, binding it on first sight.

        `listed` holds the bindings of every entry in the same answer: a serial already bound to
        an entry that is still listed is a collision, and the newcomer gets `fallback` instead.
        A serial whose entry is no longer listed is shared with the new id (a camera added
        again), with its kind, but only when that entry's list is well formed (`reliable_lists`,
        None: all): an entry that merely could not be read keeps its serial to itself.
        """
        if (known := self.keys.get(binding)) is not None:
            if reported_serial is not None and reported_serial != known:
                owner = self._owner(reported_serial)
                if owner is not None and owner != binding and owner in listed:
                    self._warn_collision(binding, reported_serial, owner)
            return known
        key = reported_serial or fallback
        owners = [b for b, k in self.keys.items() if k == key]
        if any(
            owner in listed
            or (
                reliable_lists is not None
                and owner.partition(":")[0] not in reliable_lists
            )
            for owner in owners
        ):
            self._warn_collision(binding, key, owners[0])
            key = fallback
        elif owners and (kind := self.kinds.get(owners[0])) is not None:
            # The old entry keeps its binding too: should it come back, it is the same device
            # (listed twice, read once), never a second device taking the first one's place.
            self.kinds.setdefault(binding, kind)
        self.keys[binding] = key
        return key

    def _owner(self, key: str) -> str | None:
        """Return the binding that holds this key, if any."""
        return next((b for b, k in self.keys.items() if k == key), None)

    def _warn_collision(self, binding: str, key: str, owner: str) -> None:
        """Log a serial collision once per entry, the serial itself only at DEBUG."""
        if binding not in self._warned:
            self._warned.add(binding)
            LOGGER.warning(
                "Two Blink devices report the same serial number; the newer one is kept apart"
            )
        LOGGER.debug("Serial collision: %s claims %s of %s", binding, key, owner)

    def kind_for(self, binding: str, kind: CameraKind) -> CameraKind:
        """Return the kind first seen for this entry (a Mini never becomes a battery camera)."""
        return self.kinds.setdefault(binding, kind)

    def drop_conflicts(self) -> int:
        """Unbind every entry that shares its key with another; return how many were.

        A store from another installation (or an edited one) may give two Blink ids one key;
        the first binding keeps it and the others are bound afresh when next seen (their own
        serial, or `<kind>-<id>` when that is taken), so both cameras stay.
        """
        holders: dict[str, str] = {}
        dropped = 0
        for binding in sorted(self.keys):
            key = self.keys[binding]
            if key in holders:
                del self.keys[binding]
                dropped += 1
            else:
                holders[key] = binding
        return dropped

    def to_dict(self) -> dict[str, Any]:
        """Return the stored form."""
        return {
            "keys": dict(self.keys),
            "kinds": {b: str(k) for b, k in self.kinds.items()},
        }

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> DeviceIdentities:
        """Return the identities from their stored form; anything unreadable is dropped."""
        data = data if isinstance(data, Mapping) else {}
        keys = data.get("keys")
        kinds = data.get("kinds")
        return cls(
            keys={
                str(b): str(k)
                for b, k in (keys.items() if isinstance(keys, Mapping) else ())
            },
            kinds={
                str(b): CameraKind(k)
                for b, k in (kinds.items() if isinstance(kinds, Mapping) else ())
                if k in CameraKind.__members__.values()
            },
        )


def named_devices[T: (SyncModuleSnapshot, CameraSnapshot)](
    devices: Mapping[str, T],
) -> dict[str, T]:
    """Return the devices with every unnamed one called by its model, numbered when needed.

    A serial is never a name: names show in the UI, logs and diagnostics.
    """
    unnamed = [key for key, device in devices.items() if not device.name]
    counts: dict[str, int] = {}
    for key in unnamed:
        model = model_name(devices[key].product_type) or "Blink"
        counts[model] = counts.get(model, 0) + 1
    seen: dict[str, int] = {}
    named = dict(devices)
    for key in sorted(unnamed, key=lambda k: devices[k].id):
        model = model_name(devices[key].product_type) or "Blink"
        seen[model] = seen.get(model, 0) + 1
        name = model if counts[model] == 1 else f"{model} {seen[model]}"
        named[key] = replace(devices[key], name=name)
    return named
