"""Per-device endpoints, found by the device's Blink id: config, signals, arm, actions, liveview."""

import re
import time
from typing import TYPE_CHECKING

from blink_sim.cloud import views
from blink_sim.cloud.common import Json
from blink_sim.cloud.http import SimRequest, SimResponse, not_found
from blink_sim.cloud.rest import start_command

if TYPE_CHECKING:
    from blink_sim.cloud.state import CloudState


def _path_kind(path: str) -> str:
    """Return the device kind a URL path addresses (owls, doorbells, or a network camera)."""
    if "/owls/" in path:
        return "mini"
    if "/doorbells/" in path:
        return "doorbell"
    return "default"


class DeviceHandlers:
    """Answer the endpoints that address one camera, Mini or doorbell by id."""

    def __init__(self, cloud: CloudState) -> None:
        """Serve this account's devices."""
        self.cloud = cloud

    def _network_camera(self, m: re.Match[str]) -> Json | None:
        """Return the device a /network/{n}/camera/{c}/... path names, if it is on a Sync Module.

        A sync-less device (a standalone Mini, doorbell or Outdoor 4) has no network camera.
        """
        cam = self.cloud.device(m.group("n"), m.group("c"))
        if cam is None or cam["standalone"]:
            return None
        return cam

    async def camera_config(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer a camera's config."""
        cam = self._network_camera(m)
        if cam is None:
            return not_found("Camera not found")
        return SimResponse.json(
            {
                "camera": [views.camera_config(self.cloud, cam)],
                "signals": dict(cam.get("signals", {})),
            }
        )

    async def camera_signals(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer a camera's signals."""
        cam = self._network_camera(m)
        if cam is None:
            return not_found("Camera not found")
        return SimResponse.json(views.camera_signals(cam))

    async def owl_config(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer a Mini's (or an Outdoor 4's) config."""
        cam = self.cloud.device(m.group("n"), m.group("c"), "mini")
        if cam is None:
            return not_found()
        return SimResponse.json(
            {
                **views.public(cam),
                "illuminator_enable": 0,
                "illuminator_enable_v2": "auto",
                "night_vision_control": "normal",
            }
        )

    async def doorbell_config(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer a doorbell's config (a `config_answer` on the doorbell is served as it is)."""
        cam = self.cloud.device(m.group("n"), m.group("c"), "doorbell")
        if cam is None:
            return not_found("Camera not found")
        if "config_answer" in cam:
            return SimResponse.json(cam["config_answer"])
        return SimResponse.json(views.doorbell_config(cam))

    async def arm(self, request: SimRequest, m: re.Match[str]) -> SimResponse:
        """Enable or disable motion detection on a camera, Mini or doorbell."""
        device_kind = _path_kind(request.target.path)
        if device_kind == "mini":
            body = request.json_body()
            value = body.get("enabled") if isinstance(body, dict) else None
            if not isinstance(value, bool):
                return SimResponse.json(
                    {"message": "Invalid request", "code": 400}, status=400
                )
        else:
            value = m.group("act") == "enable"
        cam = self.cloud.device(m.group("n"), m.group("c"), device_kind)
        if cam is None:
            return not_found()
        cam["enabled"] = value
        return start_command(
            self.cloud,
            cam["network_id"],
            str(cam["serial"]),
            "enable" if value else "disable",
        )

    async def action(self, request: SimRequest, m: re.Match[str]) -> SimResponse:
        """Snap a thumbnail, record a clip or switch lights: answered as a command."""
        cam = self.cloud.device(
            m.group("n"), m.group("c"), _path_kind(request.target.path)
        )
        if cam is None:
            return not_found()
        action = m.group("act")
        if action == "thumbnail":
            cam["thumbnail_ts"] = int(time.time())
        return start_command(self.cloud, cam["network_id"], str(cam["serial"]), action)

    async def config_update(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Accept a camera config update."""
        cam = self.cloud.device(m.group("n"), m.group("c"))
        if cam is None:
            return not_found()
        return start_command(
            self.cloud, cam["network_id"], str(cam["serial"]), "config_update"
        )

    async def liveview(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer a liveview request (no stream behind it)."""
        return SimResponse.json(
            {
                "command_id": self.cloud.new_id(),
                "server": f"rtsps://127.0.0.1:443/{m.group('c')}?client_id=1",
                "duration": 300,
                "network_id": int(m.group("n")),
            }
        )
