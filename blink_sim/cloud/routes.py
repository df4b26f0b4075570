"""The routing table: which method and path is which endpoint name, answered by which handler."""

from collections.abc import Callable
from dataclasses import dataclass
import re

from blink_sim.cloud.devices import DeviceHandlers
from blink_sim.cloud.http import SimRequest
from blink_sim.cloud.oauth import OAuthHandlers
from blink_sim.cloud.rest import Handler, RestHandlers

type Namer = Callable[[SimRequest, re.Match[str]], str]


@dataclass(slots=True)
class Route:
    """A routing table entry."""

    method: str
    pattern: re.Pattern[str]
    name: str | Namer
    handler: Handler

    def endpoint(self, request: SimRequest, match: re.Match[str]) -> str:
        """Return the endpoint name a matched request is counted under."""
        return self.name if isinstance(self.name, str) else self.name(request, match)


def _authorize_name(req: SimRequest, _m: re.Match[str]) -> str:
    """Tell the first authorize call (with PKCE parameters) from the code request."""
    return (
        "oauth_authorize"
        if "code_challenge" in req.target.query
        else "oauth_authorize_code"
    )


def _action_name(prefix: str) -> Namer:
    """Name an endpoint by its action group."""

    def name(_req: SimRequest, m: re.Match[str]) -> str:
        """Return prefix_action."""
        return f"{prefix}_{m.group('act')}"

    return name


def build_routes(
    oauth: OAuthHandlers, rest: RestHandlers, devices: DeviceHandlers
) -> list[Route]:
    """Build the routing table (paths match whole, with an optional trailing slash)."""
    n = r"(?P<n>\d+)"
    c = r"(?P<c>\d+)"
    acc = r"/api/v1/accounts/(?P<a>\d+)"
    table: list[tuple[str, str, str | Namer, Handler]] = [
        ("GET", r"/oauth/v2/authorize", _authorize_name, oauth.authorize),
        ("GET", r"/oauth/v2/signin", "oauth_signin_page", oauth.signin_page),
        ("POST", r"/oauth/v2/signin", "oauth_signin", oauth.signin),
        ("POST", r"/oauth/v2/2fa/verify", "oauth_2fa_verify", oauth.verify_2fa),
        ("POST", r"/oauth/token", "oauth_token", oauth.token),
        ("GET", r"/api/v1/users/tier_info", "tier_info", rest.tier_info),
        (
            "GET",
            r"/api/v3/accounts/(?P<a>\d+)/homescreen",
            "homescreen",
            rest.homescreen,
        ),
        ("GET", r"/networks", "networks", rest.networks),
        ("GET", r"/api/v1/camera/usage", "camera_usage", rest.camera_usage),
        ("GET", rf"/network/{n}/syncmodules", "syncmodules", rest.syncmodules),
        ("POST", rf"/network/{n}/update", "network_update", rest.network_update),
        ("GET", rf"/network/{n}", "network_status", rest.network_update),
        ("GET", rf"{acc}/media/changed", "media_changed", rest.media_changed),
        (
            "GET",
            rf"/network/{n}/camera/{c}/config",
            "camera_config",
            devices.camera_config,
        ),
        (
            "GET",
            rf"/network/{n}/camera/{c}/signals",
            "camera_signals",
            devices.camera_signals,
        ),
        (
            "POST",
            rf"/network/{n}/camera/{c}/(?P<act>enable|disable)",
            _action_name("camera"),
            devices.arm,
        ),
        (
            "POST",
            rf"/network/{n}/camera/{c}/(?P<act>thumbnail|clip)",
            _action_name("camera"),
            devices.action,
        ),
        (
            "POST",
            rf"/network/{n}/camera/{c}/update",
            "camera_update_config",
            devices.config_update,
        ),
        (
            "GET",
            rf"{acc}/networks/{n}/owls/{c}/config",
            "owl_config",
            devices.owl_config,
        ),
        (
            "POST",
            rf"{acc}/networks/{n}/owls/{c}/config",
            "owl_config_update",
            devices.arm,
        ),
        (
            "POST",
            rf"{acc}/networks/{n}/owls/{c}/(?P<act>thumbnail|clip)",
            _action_name("owl"),
            devices.action,
        ),
        (
            "POST",
            rf"{acc}/networks/{n}/owls/{c}/lights/(?P<act>on|off)",
            _action_name("owl_lights"),
            devices.action,
        ),
        (
            "GET",
            rf"{acc}/networks/{n}/doorbells/{c}/config",
            "doorbell_config",
            devices.doorbell_config,
        ),
        (
            "POST",
            rf"{acc}/networks/{n}/doorbells/{c}/(?P<act>enable|disable)",
            _action_name("doorbell"),
            devices.arm,
        ),
        (
            "POST",
            rf"{acc}/networks/{n}/doorbells/{c}/(?P<act>thumbnail|clip)",
            _action_name("doorbell"),
            devices.action,
        ),
        (
            "POST",
            rf"{acc}/networks/{n}/state/(?P<act>arm|disarm)",
            _action_name("system"),
            rest.arm_system,
        ),
        (
            "POST",
            rf"{acc}/networks/{n}/sync_modules/(?P<s>\d+)/local_storage/manifest/request",
            "local_storage_manifest_request",
            rest.request_manifest,
        ),
        (
            "GET",
            rf"{acc}/networks/{n}/sync_modules/(?P<s>\d+)/local_storage/manifest/request/(?P<req>\d+)",
            "local_storage_manifest",
            rest.manifest,
        ),
        (
            "GET",
            rf"/network/{n}/command/(?P<cmd>\d+)",
            "command_status",
            rest.command_status,
        ),
        (
            "POST",
            rf"/network/{n}/command/(?P<cmd>\d+)/done/?",
            "command_done",
            rest.command_done,
        ),
        (
            "POST",
            r"/api/v(?P<v>\d+)/accounts/\d+/networks/(?P<n>\d+)/(?P<kind>cameras|owls|doorbells)/(?P<c>\d+)/liveview",
            "liveview",
            devices.liveview,
        ),
        (
            "GET",
            r"/api/v3/media/accounts/\d+/networks/(?P<n>\d+)/(?P<t>\w+)/(?P<c>\d+)/thumbnail/thumbnail\.jpg",
            "thumbnail",
            rest.thumbnail,
        ),
        (
            "GET",
            r"/api/v2/accounts/\d+/media/clip/(?P<clip>\d+)\.mp4",
            "clip",
            rest.clip,
        ),
        ("GET", r"/user", "user", rest.user),
        ("POST", r"/api/v4/account/\d+/client/\d+/logout", "logout", rest.ok),
        (
            "GET",
            rf"{acc}/notifications/configuration",
            "notifications",
            rest.notifications,
        ),
        (
            "POST",
            rf"{acc}/notifications/configuration",
            "notifications_update",
            rest.ok,
        ),
        ("GET", r"/api/v2/videos/count", "video_count", rest.video_count),
    ]
    return [Route(m, re.compile(f"^{p}/?$"), nm, h) for m, p, nm, h in table]


def find_route(
    routes: list[Route], method: str, path: str
) -> tuple[Route, re.Match[str]] | None:
    """Return the first route (and its match) for a method and path."""
    for route in routes:
        if route.method != method:
            continue
        match = route.pattern.match(path)
        if match:
            return route, match
    return None
