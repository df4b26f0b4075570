"""A stateful fake of the Blink cloud (OAuth host and REST hosts), with no network code."""

import asyncio
import base64
from collections import Counter
from collections.abc import Awaitable, Callable, Mapping
import copy
from dataclasses import dataclass, field
from datetime import UTC, datetime
import hashlib
from http.cookies import SimpleCookie
import json
from pathlib import Path
import re
import secrets
import time
from typing import Any, Self
from urllib.parse import parse_qs
import uuid

from yarl import URL

SCENARIO_DIR = Path(__file__).parent / "scenarios"

OAUTH_HOST = "api.oauth.blink.com"
REDIRECT_URI = "immedia-blink://applinks.blink.com/signin/callback"
COOKIE_NAME = "sim_oauth"

# A valid 8x8 JPEG, served for every thumbnail.
THUMBNAIL_JPEG: bytes = base64.b64decode(
    "/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDABALDA4MChAODQ4SERATGCgaGBYWGDEjJR0oOjM9PDkzODdASFxOQERXRTc4UG1RV19iZ2hnPk1xeXBk"
    "eFxlZ2P/2wBDARESEhgVGC8aGi9jQjhCY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2NjY2P/wAARCAAIAAgD"
    "ASIAAhEBAxEB/8QAHwAAAQUBAQEBAQEAAAAAAAAAAAECAwQFBgcICQoL/8QAtRAAAgEDAwIEAwUFBAQAAAF9AQIDAAQRBRIhMUEGE1FhByJxFDKB"
    "kaEII0KxwRVS0fAkM2JyggkKFhcYGRolJicoKSo0NTY3ODk6Q0RFRkdISUpTVFVWV1hZWmNkZWZnaGlqc3R1dnd4eXqDhIWGh4iJipKTlJWWl5iZ"
    "mqKjpKWmp6ipqrKztLW2t7i5usLDxMXGx8jJytLT1NXW19jZ2uHi4+Tl5ufo6erx8vP09fb3+Pn6/8QAHwEAAwEBAQEBAQEBAQAAAAAAAAECAwQF"
    "BgcICQoL/8QAtREAAgECBAQDBAcFBAQAAQJ3AAECAxEEBSExBhJBUQdhcRMiMoEIFEKRobHBCSMzUvAVYnLRChYkNOEl8RcYGRomJygpKjU2Nzg5"
    "OkNERUZHSElKU1RVVldYWVpjZGVmZ2hpanN0dXZ3eHl6goOEhYaHiImKkpOUlZaXmJmaoqOkpaanqKmqsrO0tba3uLm6wsPExcbHyMnK0tPU1dbX"
    "2Nna4uPk5ebn6Onq8vP09fb3+Pn6/9oADAMBAAIRAxEAPwCnRRRXsnkn/9k="
)
# Not a playable video: just bytes with an MP4 signature, served for every clip.
CLIP_MP4: bytes = b"\x00\x00\x00\x18ftypmp42\x00\x00\x00\x00mp42isom" + b"\x00" * 32

OWL_TYPES = frozenset({"owl", "hawk", "superior"})
DOORBELL_TYPES = frozenset({"lotus"})
INTERNAL_FIELDS = frozenset(
    {"expected_cause", "standalone", "thumbnail_ts", "notes", "temperature"}
)

REST = "rest"
ALL = "all"
# Fault name -> default scope: "rest" (REST hosts), "all" (also OAuth) or a tuple of endpoint names.
FAULTS: dict[str, str | tuple[str, ...]] = {
    "unauthorized": REST,
    "refresh_refused": ("oauth_token",),
    "rate_limited": ("homescreen",),
    "unavailable": REST,
    "server_error_text": REST,
    "slow": ALL,
    "timeout": ALL,
    "malformed": ("homescreen",),
    "malformed_shape": ("homescreen",),
    "down": ALL,
}

_EPOCH_FMT = "%Y-%m-%dT%H:%M:%S+00:00"

type Json = dict[str, Any]


def _iso(epoch: float) -> str:
    """Format an epoch as the ISO time the Blink API uses."""
    return datetime.fromtimestamp(int(epoch), UTC).strftime(_EPOCH_FMT)


def _parse_time(value: str) -> float:
    """Parse an ISO / Blink timestamp (a '+' may have been decoded to a space) to an epoch."""
    text = value.strip().replace(" ", "+")
    try:
        return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S%z").timestamp()
    except ValueError:
        pass
    parsed = datetime.fromisoformat(text)
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    return parsed.timestamp()


@dataclass(slots=True)
class SimRequest:
    """One HTTP request as the fake cloud sees it."""

    method: str
    url: URL | str
    headers: Mapping[str, str] = field(default_factory=dict)
    body: bytes | str | Mapping[str, Any] | None = None

    @property
    def target(self) -> URL:
        """Return the URL as a yarl URL."""
        return self.url if isinstance(self.url, URL) else URL(self.url)

    def header(self, name: str) -> str | None:
        """Return a header case-insensitively."""
        lname = name.lower()
        for key, value in self.headers.items():
            if key.lower() == lname:
                return value
        return None

    def form(self) -> dict[str, str]:
        """Return the body as a flat form / JSON object with string keys."""
        body = self.body
        if body is None:
            return {}
        if isinstance(body, Mapping):
            return {
                str(k): v if isinstance(v, str) else json.dumps(v)
                for k, v in body.items()
            }
        text = body.decode() if isinstance(body, bytes) else body
        stripped = text.strip()
        if stripped.startswith("{"):
            try:
                data = json.loads(stripped)
            except ValueError:
                return {}
            if isinstance(data, dict):
                return {
                    str(k): v if isinstance(v, str) else json.dumps(v)
                    for k, v in data.items()
                }
            return {}
        return {k: v[0] for k, v in parse_qs(text, keep_blank_values=True).items()}

    def json_body(self) -> Any:
        """Return the body parsed as JSON (a mapping body is returned as a dict)."""
        body = self.body
        if body is None:
            return None
        if isinstance(body, Mapping):
            return dict(body)
        text = body.decode() if isinstance(body, bytes) else body
        try:
            return json.loads(text)
        except ValueError:
            return None

    def cookie(self, name: str) -> str | None:
        """Return a cookie sent with the request."""
        raw = self.header("Cookie")
        if not raw:
            return None
        jar: SimpleCookie = SimpleCookie()
        try:
            jar.load(raw)
        except Exception:  # noqa: BLE001 - a malformed cookie header is just no cookie
            return None
        morsel = jar.get(name)
        return morsel.value if morsel is not None else None


@dataclass(slots=True)
class SimResponse:
    """One HTTP response, or an instruction to the transport to fail the request."""

    status: int = 200
    headers: dict[str, str] = field(default_factory=dict)
    body: bytes = b""
    # The transport drops the connection (adapter: raises aiohttp.ClientConnectionError).
    disconnect: bool = False
    # The transport never answers (adapter: raises TimeoutError; server: sleeps this long).
    hang_seconds: float | None = None

    @classmethod
    def json(
        cls, data: Any, status: int = 200, headers: Mapping[str, str] | None = None
    ) -> Self:
        """Build a JSON response."""
        return cls(
            status=status,
            headers={"Content-Type": "application/json", **(headers or {})},
            body=json.dumps(data).encode(),
        )

    @classmethod
    def text(
        cls,
        text: str,
        status: int = 200,
        content_type: str = "text/plain",
        headers: Mapping[str, str] | None = None,
    ) -> Self:
        """Build a text response."""
        return cls(
            status=status,
            headers={
                "Content-Type": f"{content_type}; charset=utf-8",
                **(headers or {}),
            },
            body=text.encode(),
        )

    def json_body(self) -> Any:
        """Return the body parsed as JSON."""
        return json.loads(self.body)


@dataclass(slots=True)
class _OAuthSession:
    """One browser-like OAuth session (cookie) in progress."""

    sid: str
    csrf: str
    challenge: str | None
    hardware_id: str | None
    signed_in: bool = False
    verified: bool = False
    code: str | None = None


type _Handler = Callable[[SimRequest, re.Match[str]], Awaitable[SimResponse]]


@dataclass(slots=True)
class _Route:
    """A routing table entry."""

    method: str
    pattern: re.Pattern[str]
    name: str | Callable[[SimRequest, re.Match[str]], str]
    handler: _Handler


class FakeBlinkCloud:
    """A stateful fake of the Blink cloud answering blinkpy 0.25.9."""

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
        self.clips: list[Json] = []
        self.faults: dict[str, Json] = {}
        self.commands: list[Json] = []
        self.codes_sent: int = 0
        self.pin_attempts: list[str] = []
        self.grants: list[str] = []
        self.access_tokens: dict[str, float] = {}
        self.refresh_tokens: set[str] = set()
        self._counts: Counter[str] = Counter()
        self._next_id = 5000
        self._next_clip_id = 900000
        self._generation = 0
        self._command_state: dict[int, Json] = {}
        self._oauth: dict[str, _OAuthSession] = {}
        self._latest_oauth: str | None = None
        self._created = int(time.time()) - 86400 * 30
        for module in data.get("sync_modules", []):
            self.add_sync_module(module)
        for camera in data.get("cameras", []):
            self.add_camera(camera)
        now = time.time()
        for clip in data.get("clips", []):
            created = clip.get("created_at")
            epoch = (
                _parse_time(created)
                if isinstance(created, str)
                else now - float(clip.get("age_seconds", 86400))
            )
            self._append_clip(str(clip["serial"]), int(epoch))
        self._routes = self._build_routes()

    # ------------------------------------------------------------------ loading

    @classmethod
    def from_scenario(cls, name_or_path: str | Path) -> FakeBlinkCloud:
        """Load a scenario by name (blink_sim/scenarios/NAME.json) or by path."""
        path = Path(name_or_path)
        if not path.suffix and not path.exists():
            path = SCENARIO_DIR / f"{name_or_path}.json"
        data = json.loads(path.read_text(encoding="utf-8"))
        data.setdefault("name", path.stem)
        return cls(data)

    @staticmethod
    def scenario_names() -> list[str]:
        """List the bundled scenarios."""
        return sorted(p.stem for p in SCENARIO_DIR.glob("*.json"))

    def _new_id(self) -> int:
        """Return a fresh numeric id."""
        self._next_id += 1
        return self._next_id

    # ------------------------------------------------------------------ mutators

    def add_sync_module(self, module: Mapping[str, Any]) -> Json:
        """Add a Sync Module (and its network) to the account."""
        sm = dict(module)
        sm.setdefault("id", self._new_id())
        sm.setdefault("network_id", self._new_id())
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
        self.sync_modules[str(sm["serial"])] = sm
        return sm

    def add_camera(self, camera: Mapping[str, Any]) -> Json:
        """Add a camera, Mini or doorbell; standalone ones get a network of their own."""
        cam = dict(camera)
        cam.setdefault("type", "catalina")
        cam.setdefault("id", self._new_id())
        cam.setdefault("serial", f"CAM-{cam['id']}")
        cam.setdefault("name", f"Camera {cam['id']}")
        kind = self._kind(cam)
        if cam.get("network_id") is None:
            if kind == "default" or not cam.get("standalone", True):
                first = next(iter(self.sync_modules.values()), None)
                if first is None:
                    raise ValueError("a camera needs a Sync Module network")
                cam["network_id"] = first["network_id"]
            else:
                cam["network_id"] = self._new_id()
        cam["standalone"] = (
            kind != "default" and self._sync_for_network(cam["network_id"]) is None
        )
        cam.setdefault("status", "done" if kind == "default" else "online")
        cam.setdefault("issues", [])
        cam.setdefault("enabled", True)
        cam.setdefault("fw_version", "10.70" if kind == "default" else "2.2.4")
        cam.setdefault("onboarded", True)
        cam.setdefault("thumbnail_ts", int(time.time()) - 3600)
        if kind == "default":
            cam.setdefault("battery_state", "ok")
            cam.setdefault("battery_voltage", 160)
            cam.setdefault("wifi_strength", -55)
            cam.setdefault("battery_check_time", _iso(time.time() - 3600))
            cam.setdefault("signals", {"lfr": 5, "wifi": 5, "temp": 68, "battery": 3})
        elif kind == "doorbell":
            cam.setdefault("battery_state", "ok")
            cam.setdefault("signals", {"lfr": 5, "wifi": 4, "temp": 68, "battery": 3})
        else:
            cam.setdefault("signals", {"wifi": 4})
        self.cameras[str(cam["serial"])] = cam
        return cam

    def remove_camera(self, serial: str) -> None:
        """Remove a camera and its clips."""
        self._camera(serial)
        del self.cameras[serial]
        self.clips = [c for c in self.clips if c["serial"] != serial]

    def update_camera(self, serial: str, **fields: Any) -> Json:
        """Change a camera's fields (e.g. status="offline", battery_state="low")."""
        cam = self._camera(serial)
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
        """Record a new motion clip; blinkpy reports it once as motion (while armed) and as last_record."""
        cam = self._camera(serial)
        cam["thumbnail_ts"] = int(time.time())
        return self._append_clip(
            serial, int(at.timestamp()) if at is not None else None
        )

    def _append_clip(self, serial: str, epoch: int | None) -> Json:
        """Store a clip; a clip without a time gets one when first listed."""
        self._next_clip_id += 1
        clip: Json = {
            "id": self._next_clip_id,
            "serial": serial,
            "created_at": epoch,
            "reported_in": None,
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

    def revoke_tokens(self) -> None:
        """Invalidate every access and refresh token (as a password change would)."""
        self.access_tokens.clear()
        self.refresh_tokens.clear()

    # ------------------------------------------------------------------ counters

    def counts(self) -> dict[str, int]:
        """Return the number of requests per endpoint name."""
        return dict(self._counts)

    def total_requests(self) -> int:
        """Return the number of requests answered (or failed) since the last reset."""
        return sum(self._counts.values())

    def reset_counts(self) -> None:
        """Reset the request counters and the command log."""
        self._counts.clear()
        self.commands.clear()

    def state(self) -> Json:
        """Return a JSON-able snapshot of the whole account state."""
        return {
            "scenario": self.scenario_name,
            "account": {k: v for k, v in self.account.items() if k != "password"},
            "sync_modules": copy.deepcopy(list(self.sync_modules.values())),
            "cameras": copy.deepcopy(list(self.cameras.values())),
            "clips": [
                {
                    **c,
                    "created_at": _iso(c["created_at"])
                    if c["created_at"] is not None
                    else None,
                }
                for c in self.clips
            ],
            "faults": copy.deepcopy(self.faults),
            "counts": self.counts(),
            "commands": copy.deepcopy(self.commands),
            "codes_sent": self.codes_sent,
        }

    # ------------------------------------------------------------------ lookups

    @staticmethod
    def _kind(cam: Mapping[str, Any]) -> str:
        """Return default, mini or doorbell for a device."""
        ctype = str(cam.get("type", ""))
        if ctype in OWL_TYPES:
            return "mini"
        if ctype in DOORBELL_TYPES:
            return "doorbell"
        return "default"

    def _camera(self, serial: str) -> Json:
        """Return a camera by serial."""
        try:
            return self.cameras[serial]
        except KeyError:
            raise KeyError(f"no camera {serial}") from None

    def _sync_for_network(self, network_id: Any) -> Json | None:
        """Return the Sync Module of a network, if any."""
        for sm in self.sync_modules.values():
            if str(sm["network_id"]) == str(network_id):
                return sm
        return None

    def _device(
        self, network_id: str, device_id: str, kind: str | None = None
    ) -> Json | None:
        """Find a device by id (and kind), preferring one on the given network."""
        found = [
            c
            for c in self.cameras.values()
            if str(c["id"]) == device_id and (kind is None or self._kind(c) == kind)
        ]
        for cam in found:
            if str(cam["network_id"]) == network_id:
                return cam
        return found[0] if found else None

    def _network_name(self, network_id: Any) -> str:
        """Return a network's name."""
        sm = self._sync_for_network(network_id)
        if sm is not None:
            return str(sm["network_name"])
        for cam in self.cameras.values():
            if str(cam["network_id"]) == str(network_id):
                return str(cam["name"])
        return f"Network {network_id}"

    def _network_armed(self, network_id: Any) -> bool:
        """Return whether a network is armed."""
        sm = self._sync_for_network(network_id)
        if sm is not None:
            return bool(sm["armed"])
        for cam in self.cameras.values():
            if str(cam["network_id"]) == str(network_id):
                return bool(cam["enabled"])
        return False

    def _network_ids(self) -> list[int]:
        """Return every network id: Sync Module networks first, then standalone ones."""
        ids: list[int] = [int(sm["network_id"]) for sm in self.sync_modules.values()]
        for cam in self.cameras.values():
            if int(cam["network_id"]) not in ids:
                ids.append(int(cam["network_id"]))
        return ids

    def _base_path(self) -> str:
        """Return the media path prefix of the account."""
        return f"/api/v3/media/accounts/{self.account['account_id']}/networks"

    def _thumbnail_url(self, cam: Mapping[str, Any]) -> str:
        """Return the thumbnail path the API gives for a device."""
        return (
            f"{self._base_path()}/{cam['network_id']}/{cam['type']}/{cam['id']}"
            f"/thumbnail/thumbnail.jpg?ts={cam['thumbnail_ts']}&ext="
        )

    # ------------------------------------------------------------------ JSON views

    def _public(self, cam: Mapping[str, Any]) -> Json:
        """Return the API-visible fields of a device."""
        return {k: copy.deepcopy(v) for k, v in cam.items() if k not in INTERNAL_FIELDS}

    def homescreen(self) -> Json:
        """Return the homescreen JSON in the real API's shape."""
        created = _iso(self._created)
        updated = _iso(time.time() - 60)
        networks = [
            {
                "id": nid,
                "created_at": created,
                "updated_at": updated,
                "name": self._network_name(nid),
                "time_zone": "UTC",
                "dst": False,
                "armed": self._network_armed(nid),
                "lv_save": False,
            }
            for nid in self._network_ids()
        ]
        sync_modules = [
            {
                "id": sm["id"],
                "created_at": created,
                "updated_at": updated,
                "onboarded": sm["onboarded"],
                "status": sm["status"],
                "name": sm["name"],
                "serial": sm["serial"],
                "fw_version": sm["fw_version"],
                "type": sm["type"],
                "subtype": "vertigo",
                "last_hb": updated,
                "wifi_strength": sm["wifi_strength"],
                "network_id": sm["network_id"],
                "enable_temp_alerts": True,
                "local_storage_enabled": False,
                "local_storage_compatible": sm["local_storage_status"] != "unavailable",
                "local_storage_status": sm["local_storage_status"],
                "revision": "01",
            }
            for sm in self.sync_modules.values()
        ]
        cameras: list[Json] = []
        owls: list[Json] = []
        doorbells: list[Json] = []
        for cam in self.cameras.values():
            kind = self._kind(cam)
            entry: Json = {
                "id": cam["id"],
                "created_at": created,
                "updated_at": updated,
                "name": cam["name"],
                "serial": cam["serial"],
                "fw_version": cam["fw_version"],
                "type": cam["type"],
                "enabled": cam["enabled"],
                "thumbnail": self._thumbnail_url(cam),
                "status": cam["status"],
                "network_id": cam["network_id"],
                "issues": copy.deepcopy(cam["issues"]),
                "signals": copy.deepcopy(cam.get("signals", {})),
                "local_storage_enabled": False,
                "local_storage_compatible": False,
                "snooze": False,
                "snooze_time_remaining": None,
                "revision": "01",
                "color": "black",
            }
            if kind == "default":
                entry["battery"] = cam["battery_state"]
                entry["usage_rate"] = False
                cameras.append(entry)
                continue
            entry["onboarded"] = cam["onboarded"]
            if cam.get("battery_state") is not None:
                entry["battery"] = cam["battery_state"]
            (owls if kind == "mini" else doorbells).append(entry)
        return {
            "account": {
                "id": self.account["account_id"],
                "email_verified": True,
                "email_verification_required": False,
                "amazon_account_linked": False,
                "tier": self.account["region"],
            },
            "networks": networks,
            "sync_modules": sync_modules,
            "cameras": cameras,
            "sirens": [],
            "chimes": [],
            "video_stats": {
                "storage": 1,
                "auto_delete_days": 60,
                "auto_delete_day_options": [3, 7, 14, 30, 60],
            },
            "doorbell_buttons": [],
            "owls": owls,
            "doorbells": doorbells,
            "app_updates": {
                "message": "OK",
                "code": 103,
                "update_available": False,
                "update_required": False,
            },
            "device_limits": {
                "camera": 10,
                "chime": 5,
                "doorbell": 10,
                "doorbell_button": 10,
                "owl": 10,
                "siren": 5,
                "total_devices": 20,
            },
            "whats_new": {
                "updated_at": 20240101,
                "url": "https://blinkforhome.com/whats-new",
            },
            "subscriptions": {"updated_at": created},
            "entitlements": {"updated_at": created},
            "tiv_lock_enable": False,
            "tiv_lock_status": {"locked": False},
            "accessories": {"storm": [], "rosie": []},
        }

    def _camera_config(self, cam: Mapping[str, Any]) -> Json:
        """Return the per-camera config entry of a default camera."""
        signals = cam.get("signals", {})
        entry = self._public(cam)
        entry.pop("onboarded", None)
        entry.update(
            {
                "thumbnail": self._thumbnail_url(cam),
                "temperature": cam.get("temperature", signals.get("temp")),
                "account_id": self.account["account_id"],
                "created_at": _iso(self._created),
                "updated_at": _iso(time.time() - 60),
                "motion_sensitivity": 5,
                "video_length": 10,
                "illuminator_enable": 0,
                "night_vision_control": "normal",
            }
        )
        return entry

    # ------------------------------------------------------------------ dispatch

    async def handle(self, request: SimRequest) -> SimResponse:
        """Answer one request the way the Blink cloud would."""
        url = request.target
        method = request.method.upper()
        path = url.path
        route: _Route | None = None
        match: re.Match[str] | None = None
        for candidate in self._routes:
            if candidate.method != method:
                continue
            match = candidate.pattern.match(path)
            if match:
                route = candidate
                break
        if route is None or match is None:
            self._counts["unknown"] += 1
            return SimResponse.json({"message": "Not found", "code": 404}, status=404)
        name = route.name if isinstance(route.name, str) else route.name(request, match)
        self._counts[name] += 1
        if name == "homescreen":
            self._generation += 1
        failed = await self._fault_response(request, name)
        if failed is not None:
            return failed
        return await route.handler(request, match)

    async def _fault_response(
        self, request: SimRequest, name: str
    ) -> SimResponse | None:
        """Return the response an active fault (or a bad token) gives, or None to answer normally."""
        is_rest = not name.startswith("oauth_")
        active = {f for f in FAULTS if self._fault_applies(f, name, is_rest=is_rest)}
        for fault in ("down", "timeout"):
            if fault in active:
                return self._fault_reply(fault)
        if "slow" in active:
            await asyncio.sleep(float(self.faults["slow"].get("seconds", 2)))
        for fault in ("unauthorized", "unavailable", "server_error_text"):
            if fault in active:
                return self._fault_reply(fault)
        if is_rest and not self._token_ok(request):
            return self._fault_reply("unauthorized")
        for fault in ("rate_limited", "malformed", "malformed_shape"):
            if fault in active:
                return self._fault_reply(fault)
        return None

    def _fault_reply(self, fault: str) -> SimResponse:
        """Build the response of one fault."""
        params = self.faults.get(fault, {})
        replies: dict[str, Callable[[], SimResponse]] = {
            "down": lambda: SimResponse(status=0, disconnect=True),
            "timeout": lambda: SimResponse(
                status=0, hang_seconds=float(params.get("seconds", 15))
            ),
            "unauthorized": lambda: SimResponse.json(
                {"message": "Unauthorized Access", "code": 101}, status=401
            ),
            "unavailable": lambda: SimResponse.json(
                {"message": "Service temporarily unavailable", "code": 503}, status=503
            ),
            "server_error_text": lambda: SimResponse.text(
                "Internal Server Error", status=500
            ),
            "rate_limited": lambda: SimResponse.json(
                {"message": "Too many requests, please slow down", "code": 429},
                status=429,
            ),
            "malformed": lambda: SimResponse(
                status=200,
                headers={"Content-Type": "application/json"},
                body=b'{"account": {"id": ',
            ),
            "malformed_shape": lambda: SimResponse.json(
                {"account": {"id": self.account["account_id"]}, "unexpected": True}
            ),
        }
        return replies[fault]()

    def _fault_applies(self, fault: str, name: str, *, is_rest: bool) -> bool:
        """Tell whether an active fault hits this endpoint."""
        params = self.faults.get(fault)
        if params is None:
            return False
        scope = params.get("endpoints", FAULTS[fault])
        if scope == ALL:
            return True
        if scope == REST:
            return is_rest
        return name in scope

    def _token_ok(self, request: SimRequest) -> bool:
        """Check the bearer token when the transport passes headers (the aiohttp mock does not)."""
        if not request.headers:
            return True
        auth = request.header("Authorization") or ""
        token = auth.removeprefix("Bearer ").strip()
        expiry = self.access_tokens.get(token)
        return expiry is not None and expiry > time.time()

    def _build_routes(self) -> list[_Route]:
        """Build the routing table."""
        n = r"(?P<n>\d+)"
        c = r"(?P<c>\d+)"
        acc = r"/api/v1/accounts/(?P<a>\d+)"

        def authorize_name(req: SimRequest, _m: re.Match[str]) -> str:
            """Tell the first authorize call (with PKCE parameters) from the code request."""
            return (
                "oauth_authorize"
                if "code_challenge" in req.target.query
                else "oauth_authorize_code"
            )

        def action_name(prefix: str) -> Callable[[SimRequest, re.Match[str]], str]:
            """Name an endpoint by its action group."""

            def name(_req: SimRequest, m: re.Match[str]) -> str:
                """Return prefix_action."""
                return f"{prefix}_{m.group('act')}"

            return name

        table: list[
            tuple[str, str, str | Callable[[SimRequest, re.Match[str]], str], _Handler]
        ] = [
            ("GET", r"/oauth/v2/authorize", authorize_name, self._oauth_authorize),
            ("GET", r"/oauth/v2/signin", "oauth_signin_page", self._oauth_signin_page),
            ("POST", r"/oauth/v2/signin", "oauth_signin", self._oauth_signin),
            (
                "POST",
                r"/oauth/v2/2fa/verify",
                "oauth_2fa_verify",
                self._oauth_2fa_verify,
            ),
            ("POST", r"/oauth/token", "oauth_token", self._oauth_token),
            ("GET", r"/api/v1/users/tier_info", "tier_info", self._tier_info),
            (
                "GET",
                r"/api/v3/accounts/(?P<a>\d+)/homescreen",
                "homescreen",
                self._homescreen,
            ),
            ("GET", r"/networks", "networks", self._networks),
            ("GET", r"/api/v1/camera/usage", "camera_usage", self._camera_usage),
            ("GET", rf"/network/{n}/syncmodules", "syncmodules", self._syncmodules),
            ("POST", rf"/network/{n}/update", "network_update", self._network_update),
            ("GET", rf"/network/{n}", "network_status", self._network_update),
            ("GET", rf"{acc}/media/changed", "media_changed", self._media_changed),
            (
                "GET",
                rf"/network/{n}/camera/{c}/config",
                "camera_config",
                self._camera_config_route,
            ),
            (
                "GET",
                rf"/network/{n}/camera/{c}/signals",
                "camera_signals",
                self._camera_signals,
            ),
            (
                "POST",
                rf"/network/{n}/camera/{c}/(?P<act>enable|disable)",
                action_name("camera"),
                self._arm_device,
            ),
            (
                "POST",
                rf"/network/{n}/camera/{c}/(?P<act>thumbnail|clip)",
                action_name("camera"),
                self._device_action,
            ),
            (
                "POST",
                rf"/network/{n}/camera/{c}/update",
                "camera_update_config",
                self._config_update,
            ),
            (
                "GET",
                rf"{acc}/networks/{n}/owls/{c}/config",
                "owl_config",
                self._owl_config,
            ),
            (
                "POST",
                rf"{acc}/networks/{n}/owls/{c}/config",
                "owl_config_update",
                self._arm_device,
            ),
            (
                "POST",
                rf"{acc}/networks/{n}/owls/{c}/(?P<act>thumbnail|clip)",
                action_name("owl"),
                self._device_action,
            ),
            (
                "POST",
                rf"{acc}/networks/{n}/owls/{c}/lights/(?P<act>on|off)",
                action_name("owl_lights"),
                self._device_action,
            ),
            (
                "POST",
                rf"{acc}/networks/{n}/doorbells/{c}/(?P<act>enable|disable)",
                action_name("doorbell"),
                self._arm_device,
            ),
            (
                "POST",
                rf"{acc}/networks/{n}/doorbells/{c}/(?P<act>thumbnail|clip)",
                action_name("doorbell"),
                self._device_action,
            ),
            (
                "POST",
                rf"{acc}/networks/{n}/state/(?P<act>arm|disarm)",
                action_name("system"),
                self._arm_system,
            ),
            (
                "GET",
                rf"/network/{n}/command/(?P<cmd>\d+)",
                "command_status",
                self._command_status,
            ),
            (
                "POST",
                rf"/network/{n}/command/(?P<cmd>\d+)/done/?",
                "command_done",
                self._command_done,
            ),
            (
                "POST",
                r"/api/v(?P<v>\d+)/accounts/\d+/networks/(?P<n>\d+)/(?P<kind>cameras|owls|doorbells)/(?P<c>\d+)/liveview",
                "liveview",
                self._liveview,
            ),
            (
                "GET",
                r"/api/v3/media/accounts/\d+/networks/(?P<n>\d+)/(?P<t>\w+)/(?P<c>\d+)/thumbnail/thumbnail\.jpg",
                "thumbnail",
                self._thumbnail,
            ),
            (
                "GET",
                r"/api/v2/accounts/\d+/media/clip/(?P<clip>\d+)\.mp4",
                "clip",
                self._clip,
            ),
            ("GET", r"/user", "user", self._user),
            ("POST", r"/api/v4/account/\d+/client/\d+/logout", "logout", self._ok),
            (
                "GET",
                rf"{acc}/notifications/configuration",
                "notifications",
                self._notifications,
            ),
            (
                "POST",
                rf"{acc}/notifications/configuration",
                "notifications_update",
                self._ok,
            ),
            ("GET", r"/api/v2/videos/count", "video_count", self._video_count),
        ]
        return [_Route(m, re.compile(f"^{p}/?$"), nm, h) for m, p, nm, h in table]

    # ------------------------------------------------------------------ OAuth

    def _session(self, request: SimRequest) -> _OAuthSession | None:
        """Find the OAuth session from the cookie, or the latest one when headers are unknown."""
        sid = request.cookie(COOKIE_NAME)
        if sid is not None:
            return self._oauth.get(sid)
        if not request.headers and self._latest_oauth is not None:
            return self._oauth.get(self._latest_oauth)
        return None

    def _signin_page(self, csrf: str) -> str:
        """Render the signin page with the oauth-args script blinkpy parses."""
        args = json.dumps(
            {"csrf-token": csrf, "tsv_enabled": bool(self.account["two_factor"])}
        )
        return (
            "<!DOCTYPE html><html><head><title>Blink sign in</title>"
            f'<script id="oauth-args" type="application/json">{args}</script>'
            "</head><body><form method=post>Sign in</form></body></html>"
        )

    async def _oauth_authorize(
        self, request: SimRequest, _m: re.Match[str]
    ) -> SimResponse:
        """Start an OAuth session (with PKCE), or hand out the code once signed in."""
        query = request.target.query
        if "code_challenge" in query:
            hardware_id = query.get("hardware_id")
            try:
                uuid.UUID(str(hardware_id))
            except ValueError:
                return SimResponse.json({"error": "invalid hardware_id"}, status=406)
            session = _OAuthSession(
                sid=secrets.token_hex(16),
                csrf=secrets.token_urlsafe(24),
                challenge=query.get("code_challenge"),
                hardware_id=hardware_id,
            )
            self._oauth[session.sid] = session
            self._latest_oauth = session.sid
            return SimResponse.text(
                self._signin_page(session.csrf),
                content_type="text/html",
                headers={
                    "Set-Cookie": f"{COOKIE_NAME}={session.sid}; Path=/; Secure; HttpOnly"
                },
            )
        found = self._session(request)
        if found is None or not found.verified:
            return SimResponse.text(
                self._signin_page(found.csrf if found else ""), content_type="text/html"
            )
        found.code = secrets.token_urlsafe(24)
        return SimResponse(
            status=302,
            headers={
                "Location": f"{REDIRECT_URI}?code={found.code}&state={secrets.token_hex(8)}"
            },
        )

    async def _oauth_signin_page(
        self, request: SimRequest, _m: re.Match[str]
    ) -> SimResponse:
        """Serve the signin page carrying the CSRF token."""
        session = self._session(request)
        if session is None:
            return SimResponse.text("Session expired", status=400)
        return SimResponse.text(
            self._signin_page(session.csrf), content_type="text/html"
        )

    async def _oauth_signin(
        self, request: SimRequest, _m: re.Match[str]
    ) -> SimResponse:
        """Check the credentials; ask for the 2FA code when the account has 2FA."""
        session = self._session(request)
        form = request.form()
        if session is None or form.get("csrf-token") != session.csrf:
            return SimResponse.json({"error": "invalid csrf token"}, status=403)
        if (
            form.get("username", "").lower() != str(self.account["email"]).lower()
            or form.get("password") != self.account["password"]
        ):
            return SimResponse.json(
                {"message": "Invalid credentials", "code": 200}, status=401
            )
        session.signed_in = True
        if self.account["two_factor"]:
            self.codes_sent += 1
            if str(self.account["two_factor_style"]) == "202":
                return SimResponse.json(
                    {
                        "tsv_state": "sms",
                        "tsv_methods": ["sms"],
                        "phone_suffix": "42",
                        "next_time_in_secs": 60,
                    },
                    status=202,
                )
            return SimResponse.json(
                {"message": "2FA required", "tsv_state": "sms"}, status=412
            )
        session.verified = True
        return SimResponse(status=303, headers={"Location": "/oauth/v2/authorize"})

    async def _oauth_2fa_verify(
        self, request: SimRequest, _m: re.Match[str]
    ) -> SimResponse:
        """Check the 2FA code."""
        session = self._session(request)
        form = request.form()
        code = form.get("2fa_code", "")
        self.pin_attempts.append(code)
        if (
            session is None
            or not session.signed_in
            or form.get("csrf-token") != session.csrf
        ):
            return SimResponse.json(
                {"status": "error", "message": "no pending sign-in"}, status=403
            )
        if code != str(self.account["pin"]):
            return SimResponse.json(
                {"status": "invalid-code", "message": "Invalid verification code"},
                status=401,
            )
        session.verified = True
        return SimResponse.json({"status": "auth-completed"}, status=201)

    def _issue_tokens(self) -> Json:
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

    async def _oauth_token(self, request: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Exchange an authorization code, a refresh token or a password for tokens."""
        form = request.form()
        grant = form.get("grant_type", "")
        self.grants.append(grant)
        if grant == "authorization_code":
            session = next(
                (
                    s
                    for s in self._oauth.values()
                    if s.code and s.code == form.get("code")
                ),
                None,
            )
            if session is None:
                return SimResponse.json({"error": "invalid_grant"}, status=400)
            verifier = form.get("code_verifier", "")
            digest = hashlib.sha256(verifier.encode()).digest()
            challenge = base64.urlsafe_b64encode(digest).decode().rstrip("=")
            session.code = None
            if challenge != session.challenge:
                return SimResponse.json(
                    {"error": "invalid_grant", "error_description": "PKCE"}, status=400
                )
            self._oauth.pop(session.sid, None)
            return SimResponse.json(self._issue_tokens())
        if grant == "refresh_token":
            refused = self.faults.get("refresh_refused")
            if refused is not None:
                return SimResponse.json(
                    {"error": "invalid_grant"}, status=int(refused.get("status", 400))
                )
            if form.get("refresh_token") not in self.refresh_tokens:
                return SimResponse.json({"error": "invalid_grant"}, status=400)
            return SimResponse.json(self._issue_tokens())
        if grant == "password":
            if (
                form.get("username", "").lower() != str(self.account["email"]).lower()
                or form.get("password") != self.account["password"]
            ):
                return SimResponse.json({"error": "invalid_grant"}, status=401)
            if self.account["two_factor"]:
                self.codes_sent += 1
                return SimResponse.json({"error": "2fa_required"}, status=412)
            return SimResponse.json(self._issue_tokens())
        return SimResponse.json({"error": "unsupported_grant_type"}, status=400)

    # ------------------------------------------------------------------ REST

    def _command(self, network_id: Any, device: str, action: str) -> SimResponse:
        """Log a command and answer with the command object blinkpy polls."""
        cmd_id = self._new_id()
        record: Json = {
            "id": cmd_id,
            "network_id": int(network_id),
            "device": device,
            "action": action,
            "time": time.time(),
        }
        self.commands.append(record)
        self._command_state[cmd_id] = {"polls": 0, "action": action}
        return SimResponse.json(
            {
                "id": cmd_id,
                "created_at": _iso(time.time()),
                "updated_at": _iso(time.time()),
                "execute_time": _iso(time.time()),
                "command": action,
                "state_stage": "rest",
                "state_condition": "new",
                "network_id": int(network_id),
                "transaction": secrets.token_hex(8),
                "player_transaction": secrets.token_hex(8),
            }
        )

    async def _tier_info(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer tier_info with the region and account id."""
        return SimResponse.json(
            {"tier": self.account["region"], "account_id": self.account["account_id"]}
        )

    async def _homescreen(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer the homescreen (with the Client-Id / User-Id headers blinkpy reads)."""
        return SimResponse.json(
            self.homescreen(),
            headers={
                "Client-Id": str(self.account["client_id"]),
                "User-Id": str(self.account["user_id"]),
            },
        )

    async def _networks(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer /networks: Sync Module networks are onboarded, standalone ones are not."""
        summary: Json = {}
        networks: list[Json] = []
        for nid in self._network_ids():
            sm = self._sync_for_network(nid)
            onboarded = bool(sm["onboarded"]) if sm is not None else False
            summary[str(nid)] = {
                "name": self._network_name(nid),
                "onboarded": onboarded,
            }
            networks.append(
                {
                    "id": nid,
                    "name": self._network_name(nid),
                    "armed": self._network_armed(nid),
                    "onboarded": onboarded,
                }
            )
        return SimResponse.json({"summary": summary, "networks": networks})

    async def _camera_usage(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer camera usage: every Sync Module network with its default cameras."""
        networks = [
            {
                "network_id": sm["network_id"],
                "name": sm["network_name"],
                "cameras": [
                    {
                        "id": c["id"],
                        "name": c["name"],
                        "usage": 12,
                        "lv_seconds": 0,
                        "clip_seconds": 12,
                    }
                    for c in self.cameras.values()
                    if self._kind(c) == "default"
                    and str(c["network_id"]) == str(sm["network_id"])
                ],
            }
            for sm in self.sync_modules.values()
        ]
        return SimResponse.json(
            {"range_days": 7, "reference": {"usage": 0}, "networks": networks}
        )

    async def _syncmodules(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer the Sync Module summary of a network."""
        sm = self._sync_for_network(m.group("n"))
        if sm is None:
            return SimResponse.json({"message": "Not found", "code": 404}, status=404)
        return SimResponse.json(
            {
                "syncmodule": {
                    "id": sm["id"],
                    "created_at": _iso(self._created),
                    "updated_at": _iso(time.time() - 60),
                    "last_hb": _iso(time.time() - 30),
                    "name": sm["name"],
                    "network_id": sm["network_id"],
                    "serial": sm["serial"],
                    "status": sm["status"],
                    "onboarded": sm["onboarded"],
                    "server": f"rest-{self.account['region']}.immedia-semi.com",
                    "last_activity": _iso(time.time() - 30),
                    "fw_version": sm["fw_version"],
                    "type": sm["type"],
                    "subtype": "vertigo",
                    "wifi_strength": sm["wifi_strength"],
                    "mac_address": "00:00:00:00:00:00",
                    "ip_address": "192.0.2.10",
                    "table_update_sequence": 1,
                    "enable_temp_alerts": True,
                }
            }
        )

    async def _network_update(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer the network info blinkpy reads armed and sync_module_error from."""
        nid = m.group("n")
        sm = self._sync_for_network(nid)
        if sm is None:
            return SimResponse.json({"message": "Not found", "code": 404}, status=404)
        armed = bool(sm["armed"])
        return SimResponse.json(
            {
                "network": {
                    "id": sm["network_id"],
                    "created_at": _iso(self._created),
                    "updated_at": _iso(time.time() - 60),
                    "name": sm["network_name"],
                    "description": "",
                    "network_origin": "normal",
                    "locale": "",
                    "time_zone": "UTC",
                    "dst": False,
                    "armed": armed,
                    "arm_string": "Armed" if armed else "Disarmed",
                    "autoarm_geo_enable": False,
                    "autoarm_time_enable": False,
                    "lv_mode": "relay",
                    "lfr_channel": 0,
                    "video_destination": "server",
                    "storage_used": 0,
                    "storage_total": 0,
                    "video_count": 0,
                    "video_history_count": 4000,
                    "sm_backup_enabled": False,
                    "busy": False,
                    "camera_error": False,
                    "sync_module_error": bool(sm["sync_module_error"]),
                    "feature_plan_id": None,
                    "account_id": self.account["account_id"],
                    "lv_save": False,
                }
            }
        )

    async def _media_changed(
        self, request: SimRequest, _m: re.Match[str]
    ) -> SimResponse:
        """List clips newer than `since` (page 1 only); a new clip is listed as new exactly once."""
        query = request.target.query
        page = int(query.get("page", "1") or 1)
        since_raw = query.get("since")
        try:
            since = _parse_time(since_raw) if since_raw else 0.0
        except ValueError:
            since = 0.0
        # blinkpy asks for since = last_refresh - motion_interval; clips newer than last_refresh are "new".
        last_refresh = int(since) + 60 * self.motion_interval_minutes
        now = int(time.time())
        media: list[Json] = []
        for clip in self.clips:
            if clip["serial"] not in self.cameras:
                continue
            if clip["created_at"] is None:
                # Timed on first listing, so that blinkpy (which compares whole seconds) sees it as new.
                clip["created_at"] = max(now, last_refresh + 1) if since_raw else now
            elif (
                since_raw
                and clip["reported_in"] is not None
                and self._generation > clip["reported_in"]
                and clip["created_at"] > last_refresh
            ):
                # Already reported as new once: let it settle so blinkpy does not report it again.
                clip["created_at"] = last_refresh
            if clip["created_at"] <= since:
                continue
            if (
                since_raw
                and clip["created_at"] > last_refresh
                and clip["reported_in"] is None
            ):
                # blinkpy asks once per Sync Module in one refresh (one homescreen call).
                clip["reported_in"] = self._generation
            cam = self.cameras[clip["serial"]]
            media.append(
                {
                    "id": clip["id"],
                    "created_at": _iso(clip["created_at"]),
                    "updated_at": _iso(clip["created_at"]),
                    "deleted": False,
                    "device": {
                        "default": "camera",
                        "mini": "owl",
                        "doorbell": "doorbell",
                    }[self._kind(cam)],
                    "device_id": cam["id"],
                    "device_name": cam["name"],
                    "network_id": cam["network_id"],
                    "network_name": self._network_name(cam["network_id"]),
                    "type": "video",
                    "source": "pir",
                    "watched": False,
                    "partial": False,
                    "thumbnail": self._thumbnail_url(cam),
                    "media": f"/api/v2/accounts/{self.account['account_id']}/media/clip/{clip['id']}.mp4",
                    "additional_devices": [],
                    "time_zone": "UTC",
                }
            )
        media.sort(key=lambda e: str(e["created_at"]), reverse=True)
        if page > 1:
            media = []
        return SimResponse.json(
            {"limit": 25, "purge_id": 0, "refresh_count": 0, "media": media}
        )

    async def _camera_config_route(
        self, _r: SimRequest, m: re.Match[str]
    ) -> SimResponse:
        """Answer a default camera's config."""
        cam = self._device(m.group("n"), m.group("c"))
        if cam is None:
            return SimResponse.json(
                {"message": "Camera not found", "code": 404}, status=404
            )
        entry = self._camera_config(cam)
        return SimResponse.json(
            {"camera": [entry], "signals": copy.deepcopy(cam.get("signals", {}))}
        )

    async def _camera_signals(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer a camera's signals (blinkpy reads temp as the calibrated temperature)."""
        cam = self._device(m.group("n"), m.group("c"))
        if cam is None:
            return SimResponse.json(
                {"message": "Camera not found", "code": 404}, status=404
            )
        signals = {
            "lfr": None,
            "wifi": None,
            "temp": None,
            "battery": None,
            **cam.get("signals", {}),
        }
        if cam.get("temperature") is not None:
            signals["temp"] = cam["temperature"]
        signals["updated_at"] = _iso(time.time() - 60)
        return SimResponse.json(signals)

    async def _owl_config(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer a Mini's config."""
        cam = self._device(m.group("n"), m.group("c"), "mini")
        if cam is None:
            return SimResponse.json({"message": "Not found", "code": 404}, status=404)
        return SimResponse.json(
            {
                **self._public(cam),
                "illuminator_enable": 0,
                "illuminator_enable_v2": "auto",
                "night_vision_control": "normal",
            }
        )

    async def _arm_device(self, request: SimRequest, m: re.Match[str]) -> SimResponse:
        """Enable or disable motion detection on a camera, Mini or doorbell."""
        path = request.target.path
        if "/owls/" in path:
            kind = "mini"
            enabled = request.json_body()
            value = enabled.get("enabled") if isinstance(enabled, dict) else None
            if not isinstance(value, bool):
                return SimResponse.json(
                    {"message": "Invalid request", "code": 400}, status=400
                )
        else:
            kind = "doorbell" if "/doorbells/" in path else "default"
            value = m.group("act") == "enable"
        cam = self._device(m.group("n"), m.group("c"), kind)
        if cam is None:
            return SimResponse.json({"message": "Not found", "code": 404}, status=404)
        cam["enabled"] = value
        return self._command(
            cam["network_id"], str(cam["serial"]), "enable" if value else "disable"
        )

    async def _device_action(
        self, request: SimRequest, m: re.Match[str]
    ) -> SimResponse:
        """Snap a thumbnail, record a clip or switch lights: answered as a command."""
        path = request.target.path
        kind = (
            "mini"
            if "/owls/" in path
            else "doorbell"
            if "/doorbells/" in path
            else "default"
        )
        cam = self._device(m.group("n"), m.group("c"), kind)
        if cam is None:
            return SimResponse.json({"message": "Not found", "code": 404}, status=404)
        action = m.group("act")
        if action == "thumbnail":
            cam["thumbnail_ts"] = int(time.time())
        return self._command(cam["network_id"], str(cam["serial"]), action)

    async def _config_update(
        self, request: SimRequest, m: re.Match[str]
    ) -> SimResponse:
        """Accept a camera config update."""
        cam = self._device(m.group("n"), m.group("c"))
        if cam is None:
            return SimResponse.json({"message": "Not found", "code": 404}, status=404)
        return self._command(cam["network_id"], str(cam["serial"]), "config_update")

    async def _arm_system(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Arm or disarm a Sync Module network."""
        sm = self._sync_for_network(m.group("n"))
        if sm is None:
            return SimResponse.json({"message": "Not found", "code": 404}, status=404)
        action = m.group("act")
        sm["armed"] = action == "arm"
        return self._command(sm["network_id"], str(sm["serial"]), action)

    async def _command_status(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer a command poll; complete after `command_polls_needed` polls."""
        cmd_id = int(m.group("cmd"))
        state = self._command_state.get(cmd_id)
        if state is None:
            return SimResponse.json(
                {"message": "Command not found", "code": 404}, status=404
            )
        state["polls"] += 1
        complete = state["polls"] >= self.command_polls_needed
        return SimResponse.json(
            {
                "complete": complete,
                "status": 0,
                "status_msg": "Command succeeded"
                if complete
                else "Command in progress",
                "status_code": 908,
                "commands": [
                    {
                        "id": cmd_id,
                        "network_id": int(m.group("n")),
                        "command": state["action"],
                        "state_stage": "dev" if complete else "rest",
                        "state_condition": "done" if complete else "running",
                    }
                ],
                "media_id": None,
            }
        )

    async def _command_done(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Acknowledge a command."""
        return SimResponse.json({"message": "Command done", "code": 908})

    async def _liveview(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer a liveview request (no stream behind it)."""
        return SimResponse.json(
            {
                "command_id": self._new_id(),
                "server": f"rtsps://127.0.0.1:443/{m.group('c')}?client_id=1",
                "duration": 300,
                "network_id": int(m.group("n")),
            }
        )

    async def _thumbnail(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Serve the thumbnail JPEG."""
        return SimResponse(
            status=200, headers={"Content-Type": "image/jpeg"}, body=THUMBNAIL_JPEG
        )

    async def _clip(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Serve a clip."""
        return SimResponse(
            status=200, headers={"Content-Type": "video/mp4"}, body=CLIP_MP4
        )

    async def _user(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer the user info."""
        return SimResponse.json(
            {
                "user_id": self.account["user_id"],
                "account_id": self.account["account_id"],
                "email": self.account["email"],
            }
        )

    async def _notifications(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer the notification flags."""
        return SimResponse.json(
            {
                "notifications": {
                    "low_battery": True,
                    "camera_offline": True,
                    "motion": True,
                }
            }
        )

    async def _video_count(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer the video count."""
        return SimResponse.json({"count": len(self.clips)})

    async def _ok(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer a plain OK."""
        return SimResponse.json({"message": "OK", "code": 200})
