"""Faults: what the cloud answers instead of the truth while a fault is switched on."""

import asyncio
from collections.abc import Callable, Mapping
import re
import time
from typing import TYPE_CHECKING, Any

from blink_sim.cloud.http import SimRequest, SimResponse

if TYPE_CHECKING:
    from blink_sim.cloud.state import CloudState

REST = "rest"
ALL = "all"
# Every endpoint that names one device (a camera, Mini or doorbell id in its path).
DEVICE_ENDPOINTS = (
    "camera_config",
    "camera_signals",
    "camera_enable",
    "camera_disable",
    "camera_thumbnail",
    "camera_clip",
    "camera_update_config",
    "owl_config",
    "owl_config_update",
    "owl_thumbnail",
    "owl_clip",
    "owl_lights_on",
    "owl_lights_off",
    "doorbell_config",
    "doorbell_enable",
    "doorbell_disable",
    "doorbell_thumbnail",
    "doorbell_clip",
    "liveview",
    "thumbnail",
)
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
    "camera_not_found": ("camera_config", "camera_signals", "doorbell_config"),
    "camera_gone": DEVICE_ENDPOINTS,
    "token_unavailable": ("oauth_token",),
    "token_timeout": ("oauth_token",),
    "token_invalid_grant": ("oauth_token",),
    "token_unauthorized": ("oauth_token",),
}
# Per-device faults, in precedence order: they hit only the devices named by `serials`.
DEVICE_FAULTS = ("camera_gone", "camera_not_found")
# Token endpoint faults, in precedence order: they hit only the grant types named by `grants`.
TOKEN_FAULTS = (
    "token_timeout",
    "token_unavailable",
    "token_unauthorized",
    "token_invalid_grant",
    "refresh_refused",
)
DEFAULT_GRANTS = ("refresh_token",)


def _reply(cloud: CloudState, fault: str, *, counted: bool = True) -> SimResponse:
    """Build the answer of one fault (counted as a fault hit unless told otherwise)."""
    params = cloud.faults.get(fault, {})
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
            {"account": {"id": cloud.account["account_id"]}, "unexpected": True}
        ),
        # A real answer owners posted: HTTP 200 with an error body.
        "camera_not_found": lambda: SimResponse.json(
            {"message": "Camera not found", "code": 500}
        ),
        "camera_gone": lambda: SimResponse.json(
            {"message": "Camera not found", "code": 404}, status=404
        ),
        "token_timeout": lambda: SimResponse(
            status=0, hang_seconds=float(params.get("seconds", 15))
        ),
        "token_unavailable": lambda: SimResponse.json(
            {"message": "Service temporarily unavailable", "code": 503}, status=503
        ),
        "token_unauthorized": lambda: SimResponse.json(
            {"error": "unauthorized", "error_description": "Unauthorized"},
            status=401,
        ),
        "token_invalid_grant": lambda: SimResponse.json(
            {"error": "invalid_grant"}, status=int(params.get("status", 400))
        ),
        "refresh_refused": lambda: SimResponse.json(
            {"error": "invalid_grant"}, status=int(params.get("status", 400))
        ),
    }
    if counted:
        cloud.count_fault(fault)
    return replies[fault]()


def _applies(cloud: CloudState, fault: str, name: str, *, is_rest: bool) -> bool:
    """Tell whether an active fault hits this endpoint."""
    params = cloud.faults.get(fault)
    if params is None:
        return False
    scope = params.get("endpoints", FAULTS[fault])
    if scope == ALL:
        return True
    if scope == REST:
        return is_rest
    return name in scope


def token_ok(cloud: CloudState, request: SimRequest) -> bool:
    """Check the bearer token when the transport passes headers (the aiohttp mock does not)."""
    if not request.headers:
        return True
    auth = request.header("Authorization") or ""
    token = auth.removeprefix("Bearer ").strip()
    expiry = cloud.access_tokens.get(token)
    return expiry is not None and expiry > time.time()


def _first(active: list[str], names: tuple[str, ...]) -> str | None:
    """Return the first of `names` that is active."""
    return next((name for name in names if name in active), None)


async def fault_response(
    cloud: CloudState, request: SimRequest, name: str, match: re.Match[str]
) -> SimResponse | None:
    """Return the answer an active fault (or a bad token) gives, or None to answer normally."""
    is_rest = not name.startswith("oauth_")
    active = [f for f in FAULTS if _applies(cloud, f, name, is_rest=is_rest)]
    hit = _first(active, ("down", "timeout"))
    if hit is not None:
        return _reply(cloud, hit)
    if "slow" in active:
        await asyncio.sleep(float(cloud.faults["slow"].get("seconds", 2)))
    hit = _first(active, ("unauthorized", "unavailable", "server_error_text"))
    if hit is not None:
        return _reply(cloud, hit)
    if is_rest and not token_ok(cloud, request):
        return _reply(cloud, "unauthorized", counted=False)
    hit = _first(active, ("rate_limited", "malformed", "malformed_shape"))
    if hit is not None:
        return _reply(cloud, hit)
    return _device_fault(cloud, match, active)


def _device_fault(
    cloud: CloudState, match: re.Match[str], active: list[str]
) -> SimResponse | None:
    """Return a per-device fault's answer when the path names a device the fault covers."""
    groups = match.groupdict()
    if "n" not in groups or "c" not in groups:
        return None
    device = cloud.device(groups["n"], groups["c"])
    if device is None:
        return None
    for fault in DEVICE_FAULTS:
        if fault in active and _names(cloud, fault, device):
            return _reply(cloud, fault)
    return None


def _names(cloud: CloudState, fault: str, device: Mapping[str, Any]) -> bool:
    """Tell whether a per-device fault names this device (no `serials`: every device)."""
    serials = cloud.faults[fault].get("serials")
    return serials is None or str(device["serial"]) in {str(s) for s in serials}


def token_fault(cloud: CloudState, grant: str) -> SimResponse | None:
    """Return the token endpoint's faulty answer to a grant, or None to answer normally."""
    for fault in TOKEN_FAULTS:
        params = cloud.faults.get(fault)
        if params is not None and grant in params.get("grants", DEFAULT_GRANTS):
            return _reply(cloud, fault)
    return None
