"""The account behind the fake cloud: devices, clips, tokens, faults and request counters."""

from collections import Counter
from collections.abc import Callable, Mapping
import copy
from datetime import datetime
import secrets
import time
from typing import Any

from blink_sim.cloud import battery
from blink_sim.cloud.common import Json, iso, kind, parse_time
from blink_sim.cloud.faults import FAULTS


class CloudState:
    """A Blink account as the cloud keeps it, with the mutators tests and the CLI use."""

    def __init__(self, scenario: Mapping[str, Any]) -> None:
        """Build the account state from a scenario mapping."""
        data = copy.deepcopy(dict(scenario))
        self.scenario_name: str = str(data.get("name", "custom"))
        account = dict(data.get("account", {}))
        account.setdefault("email", "owner@example.com")
        account.setdefault("password", "correct-horse")
        account.setdefault("two_factor", False)
        account.setdefault("two_factor_style", "412")
        account.setdefault("pin", "123456")
        account.setdefault("region", "u011")
        account.setdefault("account_id", 12345)
        account.setdefault("user_id", 67890)
        account.setdefault("client_id", 424242)
        account.setdefault("expires_in", 14400)
        self.account: Json = account
        self.motion_interval_minutes: int = int(data.get("motion_interval_minutes", 1))
        self.command_polls_needed: int = 1
        self.sync_modules: dict[str, Json] = {}
        self.cameras: dict[str, Json] = {}
        self.accessories: list[Json] = []
        self.clips: list[Json] = []
        self.faults: dict[str, Json] = {}
        self.commands: list[Json] = []
        # Command id -> {"polls": n, "action": ...}: what command polls answer.
        self.command_state: dict[int, Json] = {}
        self.codes_sent: int = 0
        self.pin_attempts: list[str] = []
        self.grants: list[str] = []
        self.access_tokens: dict[str, float] = {}
        self.refresh_tokens: set[str] = set()
        # Called with the homescreen JSON just before it is served; a non-None result replaces it.
        self.homescreen_mutator: Callable[[Json], Any] | None = None
        # The same for the camera usage answer.
        self.usage_mutator: Callable[[Json], Any] | None = None
        self.generation = 0
        self.created = int(time.time()) - 86400 * 30
        self._counts: Counter[str] = Counter()
        self._fault_hits: Counter[str] = Counter()
        self._next_id = 5000
        self._next_clip_id = 900000
        for module in data.get("sync_modules", []):
            self.add_sync_module(module)
        for camera in data.get("cameras", []):
            self.add_camera(camera)
        for accessory in data.get("accessories", []):
            self.add_accessory(accessory)
        now = time.time()
        for clip in data.get("clips", []):
            created = clip.get("created_at")
            epoch = (
                parse_time(created)
                if isinstance(created, str)
                else now - float(clip.get("age_seconds", 86400))
            )
            self._append_clip(str(clip["serial"]), int(epoch))

    def new_id(self) -> int:
        """Return a fresh numeric id, unused by any device or network."""
        used = {
            int(value)
            for device in (*self.cameras.values(), *self.sync_modules.values())
            for value in (device["id"], device["network_id"])
        }
        self._next_id += 1
        while self._next_id in used:
            self._next_id += 1
        return self._next_id

    # ------------------------------------------------------------------ mutators

    def add_sync_module(self, module: Mapping[str, Any]) -> Json:
        """Add a Sync Module (and its network) to the account."""
        sm = dict(module)
        sm.setdefault("id", self.new_id())
        sm.setdefault("network_id", self.new_id())
        sm.setdefault("serial", f"SM-{sm['id']}")
        sm.setdefault("name", f"Network {sm['network_id']}")
        sm.setdefault("network_name", sm["name"])
        sm.setdefault("status", "online")
        sm.setdefault("armed", False)
        sm.setdefault("fw_version", "4.4.8")
        sm.setdefault("onboarded", True)
        sm.setdefault("sync_module_error", False)
        sm.setdefault("wifi_strength", 5)
        sm.setdefault("type", "sm2")
        sm.setdefault("local_storage_status", "unavailable")
        # A Sync Module 2 can take a USB drive; a first-generation one and a Core cannot.
        sm.setdefault("local_storage_compatible", sm["type"] == "sm2")
        sm.setdefault("local_storage_enabled", sm["local_storage_status"] == "active")
        self.sync_modules[str(sm["serial"])] = sm
        return sm

    def add_camera(self, camera: Mapping[str, Any]) -> Json:
        """Add a camera, Mini or doorbell; standalone ones get a network of their own.

        Names may repeat (Blink allows it); serials and ids may not.
        """
        cam = dict(camera)
        cam.setdefault("type", "catalina")
        cam.setdefault("id", self.new_id())
        cam.setdefault("serial", f"CAM-{cam['id']}")
        cam.setdefault("name", f"Camera {cam['id']}")
        if str(cam["serial"]) in self.cameras:
            raise ValueError(f"a camera with serial {cam['serial']} exists")
        if self.camera_by_id(cam["id"]) is not None:
            raise ValueError(f"a camera with id {cam['id']} exists")
        device_kind = kind(cam)
        if cam.get("network_id") is None:
            if device_kind == "default" or not cam.get("standalone", True):
                first = next(iter(self.sync_modules.values()), None)
                if first is None:
                    raise ValueError("a camera needs a Sync Module network")
                cam["network_id"] = first["network_id"]
            else:
                cam["network_id"] = self.new_id()
        cam["standalone"] = (
            device_kind != "default"
            and self.sync_for_network(cam["network_id"]) is None
        )
        cam.setdefault("status", "done" if device_kind == "default" else "online")
        cam.setdefault("issues", [])
        cam.setdefault("enabled", True)
        cam.setdefault("fw_version", "10.70" if device_kind == "default" else "2.2.4")
        cam.setdefault("onboarded", True)
        cam.setdefault("thumbnail_ts", int(time.time()) - 3600)
        if device_kind == "default":
            cam.setdefault("battery_state", "ok")
            cam.setdefault("battery_voltage", 160)
            cam.setdefault("wifi_strength", -55)
            cam.setdefault("battery_check_time", iso(time.time() - 3600))
            cam.setdefault("signals", {"lfr": 5, "wifi": 5, "temp": 68, "battery": 3})
        elif device_kind == "doorbell":
            cam.setdefault("battery_state", "ok")
            cam.setdefault("signals", {"lfr": 5, "wifi": 4, "temp": 68, "battery": 3})
        else:
            cam.setdefault("signals", {"wifi": 4})
        if isinstance(cam.get("drain"), Mapping):
            now = time.time()
            cam["drain"] = battery.new_drain(cam["drain"], now)
            battery.advance(cam["drain"], cam["id"], now)
            battery.show(cam, now)
        self.cameras[str(cam["serial"])] = cam
        return cam

    def advance_batteries(self, now: float | None = None) -> None:
        """Use every draining camera's cells up to now (each answer shows them as they are)."""
        now = time.time() if now is None else now
        for cam in self.cameras.values():
            if isinstance(cam.get("drain"), dict):
                battery.advance(cam["drain"], cam["id"], now)
                battery.show(cam, now)

    def set_use(self, serial: str, **profile: Any) -> Json:
        """Change how a draining camera is used from now on (e.g. clip_seconds_per_day=280)."""
        cam = self.camera(serial)
        if not isinstance(cam.get("drain"), dict):
            cam["drain"] = battery.new_drain({}, time.time())
        self.advance_batteries()
        unknown = set(profile) - set(battery.DEFAULTS)
        if unknown:
            raise ValueError(f"unknown use keys: {', '.join(sorted(unknown))}")
        cam["drain"].update({key: float(value) for key, value in profile.items()})
        return cam

    def replace_batteries(self, serial: str, cells: float | None = None) -> Json:
        """Put new cells in a draining camera now (`cells`: their capacity against the rating)."""
        cam = self.camera(serial)
        if not isinstance(cam.get("drain"), dict):
            cam["drain"] = battery.new_drain({}, time.time())
        self.advance_batteries()
        battery.replace_cells(cam, time.time(), cells)
        return cam

    def battery_low_at(self, serial: str) -> float:
        """Return when a draining camera's cells will read low if its use stays as it is."""
        self.advance_batteries()
        cam = self.camera(serial)
        return battery.low_at(cam["drain"], cam["id"])

    def add_accessory(self, accessory: Mapping[str, Any]) -> Json:
        """Add an accessory (type "rosie": a Mini's pan-tilt mount; "storm": a floodlight)."""
        item = dict(accessory)
        item.setdefault("type", "rosie")
        item.setdefault("id", self.new_id())
        item.setdefault("serial", f"ACC-{item['id']}")
        item.setdefault("connected", True)
        item.setdefault("revision", "01")
        self.accessories.append(item)
        return item

    def remove_camera(self, serial: str) -> None:
        """Remove a camera and its clips."""
        self.camera(serial)
        del self.cameras[serial]
        self.clips = [c for c in self.clips if c["serial"] != serial]

    def update_camera(self, serial: str, **fields: Any) -> Json:
        """Change a camera's fields (e.g. status="offline", battery_state="low")."""
        cam = self.camera(serial)
        if "signals" in fields and isinstance(fields["signals"], Mapping):
            signals = {**cam.get("signals", {}), **fields.pop("signals")}
            cam["signals"] = signals
        cam.update(fields)
        return cam

    def update_sync_module(self, serial: str, **fields: Any) -> Json:
        """Change a Sync Module's fields (e.g. status="offline", armed=True)."""
        try:
            sm = self.sync_modules[serial]
        except KeyError:
            raise KeyError(f"no sync module {serial}") from None
        sm.update(fields)
        return sm

    def add_clip(self, serial: str, at: datetime | None = None) -> Json:
        """Record a motion clip made now (or `at`); its time never changes afterwards.

        Like Blink, a clip carries the time it was recorded: a reader that polls after that time
        sees it as new once, and as the camera's last clip from then on.
        """
        cam = self.camera(serial)
        cam["thumbnail_ts"] = int(time.time())
        return self._append_clip(
            serial, int(at.timestamp()) if at is not None else int(time.time())
        )

    def _append_clip(self, serial: str, epoch: int | None) -> Json:
        """Store a clip (a scenario's clip without a time gets one when first listed)."""
        self._next_clip_id += 1
        clip: Json = {
            "id": self._next_clip_id,
            "serial": serial,
            "created_at": epoch,
        }
        self.clips.append(clip)
        return clip

    def set_fault(self, name: str, on: bool, **params: Any) -> None:
        """Switch a fault on (with parameters) or off."""
        if name not in FAULTS:
            raise KeyError(f"unknown fault {name}; known: {', '.join(FAULTS)}")
        if on:
            self.faults[name] = dict(params)
        else:
            self.faults.pop(name, None)

    def clear_faults(self) -> None:
        """Switch every fault off."""
        self.faults.clear()

    def issue_tokens(self) -> Json:
        """Issue a new access and refresh token pair."""
        access = secrets.token_urlsafe(32)
        refresh = secrets.token_urlsafe(32)
        expires_in = int(self.account["expires_in"])
        self.access_tokens[access] = time.time() + expires_in
        self.refresh_tokens.add(refresh)
        return {
            "access_token": access,
            "refresh_token": refresh,
            "expires_in": expires_in,
            "scope": "client",
            "token_type": "Bearer",
        }

    def revoke_tokens(self) -> None:
        """Invalidate every access and refresh token (as a password change would)."""
        self.access_tokens.clear()
        self.refresh_tokens.clear()

    # ------------------------------------------------------------------ counters

    def count(self, name: str) -> None:
        """Count one request to an endpoint."""
        self._counts[name] += 1

    def count_fault(self, name: str) -> None:
        """Count one answer a fault changed."""
        self._fault_hits[name] += 1

    def counts(self) -> dict[str, int]:
        """Return the number of requests per endpoint name."""
        return dict(self._counts)

    def fault_hits(self) -> dict[str, int]:
        """Return how many answers each fault changed since the last reset."""
        return dict(self._fault_hits)

    def total_requests(self) -> int:
        """Return the number of requests answered (or failed) since the last reset."""
        return sum(self._counts.values())

    def reset_counts(self) -> None:
        """Reset the request counters, the fault hits and the command log."""
        self._counts.clear()
        self._fault_hits.clear()
        self.commands.clear()

    def state(self) -> Json:
        """Return a JSON-able snapshot of the whole account state."""
        return {
            "scenario": self.scenario_name,
            "account": {k: v for k, v in self.account.items() if k != "password"},
            "sync_modules": copy.deepcopy(list(self.sync_modules.values())),
            "cameras": copy.deepcopy(list(self.cameras.values())),
            "accessories": copy.deepcopy(self.accessories),
            "clips": [
                {
                    **c,
                    "created_at": iso(c["created_at"])
                    if c["created_at"] is not None
                    else None,
                }
                for c in self.clips
            ],
            "faults": copy.deepcopy(self.faults),
            "counts": self.counts(),
            "fault_hits": self.fault_hits(),
            "commands": copy.deepcopy(self.commands),
            "codes_sent": self.codes_sent,
        }

    # ------------------------------------------------------------------ lookups

    def camera(self, serial: str) -> Json:
        """Return a camera by serial."""
        try:
            return self.cameras[serial]
        except KeyError:
            raise KeyError(f"no camera {serial}") from None

    def camera_by_id(self, device_id: object) -> Json | None:
        """Return a camera by its Blink id (ids are unique; names are not)."""
        for cam in self.cameras.values():
            if str(cam["id"]) == str(device_id):
                return cam
        return None

    def sync_for_network(self, network_id: object) -> Json | None:
        """Return the Sync Module of a network, if any."""
        for sm in self.sync_modules.values():
            if str(sm["network_id"]) == str(network_id):
                return sm
        return None

    def device(
        self, network_id: str, device_id: str, device_kind: str | None = None
    ) -> Json | None:
        """Find a device by id (and kind), preferring one on the given network."""
        found = [
            c
            for c in self.cameras.values()
            if str(c["id"]) == device_id
            and (device_kind is None or kind(c) == device_kind)
        ]
        for cam in found:
            if str(cam["network_id"]) == network_id:
                return cam
        return found[0] if found else None

    def network_name(self, network_id: object) -> str:
        """Return a network's name."""
        sm = self.sync_for_network(network_id)
        if sm is not None:
            return str(sm["network_name"])
        for cam in self.cameras.values():
            if str(cam["network_id"]) == str(network_id):
                return str(cam["name"])
        return f"Network {network_id}"

    def network_armed(self, network_id: object) -> bool:
        """Return whether a network is armed."""
        sm = self.sync_for_network(network_id)
        if sm is not None:
            return bool(sm["armed"])
        for cam in self.cameras.values():
            if str(cam["network_id"]) == str(network_id):
                return bool(cam["enabled"])
        return False

    def network_ids(self) -> list[int]:
        """Return every network id: Sync Module networks first, then standalone ones."""
        ids: list[int] = [int(sm["network_id"]) for sm in self.sync_modules.values()]
        for cam in self.cameras.values():
            if int(cam["network_id"]) not in ids:
                ids.append(int(cam["network_id"]))
        return ids

    def thumbnail_url(self, cam: Mapping[str, Any]) -> str:
        """Return the thumbnail path the API gives for a device."""
        return (
            f"/api/v3/media/accounts/{self.account['account_id']}/networks"
            f"/{cam['network_id']}/{cam['type']}/{cam['id']}"
            f"/thumbnail/thumbnail.jpg?ts={cam['thumbnail_ts']}&ext="
        )
