"""The REST hosts' account and network endpoints: homescreen, networks, clips, commands, media."""

from collections.abc import Awaitable, Callable
import re
import secrets
import time
from typing import TYPE_CHECKING, Any

from blink_sim.cloud import views
from blink_sim.cloud.common import CLIP_MP4, THUMBNAIL_JPEG, Json, iso, parse_time
from blink_sim.cloud.http import SimRequest, SimResponse, not_found

if TYPE_CHECKING:
    from blink_sim.cloud.state import CloudState

type Handler = Callable[[SimRequest, re.Match[str]], Awaitable[SimResponse]]


def start_command(
    cloud: CloudState, network_id: Any, device: str, action: str
) -> SimResponse:
    """Log a command and answer with the command object blinkpy polls."""
    cmd_id = cloud.new_id()
    cloud.commands.append(
        {
            "id": cmd_id,
            "network_id": int(network_id),
            "device": device,
            "action": action,
            "time": time.time(),
        }
    )
    cloud.command_state[cmd_id] = {"polls": 0, "action": action}
    now = iso(time.time())
    return SimResponse.json(
        {
            "id": cmd_id,
            "created_at": now,
            "updated_at": now,
            "execute_time": now,
            "command": action,
            "state_stage": "rest",
            "state_condition": "new",
            "network_id": int(network_id),
            "transaction": secrets.token_hex(8),
            "player_transaction": secrets.token_hex(8),
        }
    )


class RestHandlers:
    """Answer the account-wide and per-network REST endpoints."""

    def __init__(self, cloud: CloudState) -> None:
        """Serve this account."""
        self.cloud = cloud

    async def tier_info(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer tier_info with the region and account id."""
        account = self.cloud.account
        return SimResponse.json(
            {"tier": account["region"], "account_id": account["account_id"]}
        )

    async def homescreen(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer the homescreen (through the mutator, if set; with the headers blinkpy reads)."""
        body: Any = views.homescreen(self.cloud)
        mutator = self.cloud.homescreen_mutator
        if mutator is not None:
            changed = mutator(body)
            if changed is not None:
                body = changed
        account = self.cloud.account
        return SimResponse.json(
            body,
            headers={
                "Client-Id": str(account["client_id"]),
                "User-Id": str(account["user_id"]),
            },
        )

    async def networks(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer /networks."""
        return SimResponse.json(views.networks(self.cloud))

    async def camera_usage(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer camera usage (through the usage mutator, if set)."""
        body: Any = views.camera_usage(self.cloud)
        mutator = self.cloud.usage_mutator
        if mutator is not None and (changed := mutator(body)) is not None:
            body = changed
        return SimResponse.json(body)

    async def syncmodules(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer the Sync Module summary of a network."""
        sm = self.cloud.sync_for_network(m.group("n"))
        if sm is None:
            return not_found()
        return SimResponse.json(views.sync_module_summary(self.cloud, sm))

    async def network_update(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer the network info blinkpy reads armed and sync_module_error from."""
        sm = self.cloud.sync_for_network(m.group("n"))
        if sm is None:
            return not_found()
        return SimResponse.json(views.network_info(self.cloud, sm))

    async def media_changed(
        self, request: SimRequest, _m: re.Match[str]
    ) -> SimResponse:
        """List the clips newer than `since` (page 1 only), each with the time it was recorded."""
        cloud = self.cloud
        query = request.target.query
        page = int(query.get("page", "1") or 1)
        since_raw = query.get("since")
        try:
            since = parse_time(since_raw) if since_raw else 0.0
        except ValueError:
            since = 0.0
        now = int(time.time())
        media: list[Json] = []
        for clip in cloud.clips:
            if clip["serial"] not in cloud.cameras:
                continue
            if clip["created_at"] is None:
                # A scenario's clip without a time is dated when first listed; never changed after.
                clip["created_at"] = now
            if clip["created_at"] <= since:
                continue
            media.append(views.media_entry(cloud, clip, cloud.cameras[clip["serial"]]))
        media.sort(key=lambda e: str(e["created_at"]), reverse=True)
        if page > 1:
            media = []
        return SimResponse.json(
            {"limit": 25, "purge_id": 0, "refresh_count": 0, "media": media}
        )

    async def arm_system(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Arm or disarm a Sync Module network."""
        sm = self.cloud.sync_for_network(m.group("n"))
        if sm is None:
            return not_found()
        action = m.group("act")
        sm["armed"] = action == "arm"
        return start_command(self.cloud, sm["network_id"], str(sm["serial"]), action)

    async def request_manifest(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Start building a Sync Module's local storage manifest (answered as a command)."""
        sm = self.cloud.sync_for_network(m.group("n"))
        if sm is None or sm["local_storage_status"] != "active":
            return not_found("Local storage not available")
        return start_command(
            self.cloud, sm["network_id"], str(sm["serial"]), "local_storage_manifest"
        )

    async def manifest(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer a Sync Module's local storage manifest: no clips stored on the drive."""
        if self.cloud.sync_for_network(m.group("n")) is None:
            return not_found()
        return SimResponse.json({"manifest_id": int(m.group("req")), "clips": []})

    async def command_status(self, _r: SimRequest, m: re.Match[str]) -> SimResponse:
        """Answer a command poll; complete after `command_polls_needed` polls."""
        cmd_id = int(m.group("cmd"))
        state = self.cloud.command_state.get(cmd_id)
        if state is None:
            return not_found("Command not found")
        state["polls"] += 1
        complete = state["polls"] >= self.cloud.command_polls_needed
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

    async def command_done(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Acknowledge a command."""
        return SimResponse.json({"message": "Command done", "code": 908})

    async def thumbnail(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Serve the thumbnail JPEG."""
        return SimResponse(
            status=200, headers={"Content-Type": "image/jpeg"}, body=THUMBNAIL_JPEG
        )

    async def clip(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Serve a clip."""
        return SimResponse(
            status=200, headers={"Content-Type": "video/mp4"}, body=CLIP_MP4
        )

    async def user(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer the user info."""
        account = self.cloud.account
        return SimResponse.json(
            {
                "user_id": account["user_id"],
                "account_id": account["account_id"],
                "email": account["email"],
            }
        )

    async def notifications(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
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

    async def video_count(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer the video count."""
        return SimResponse.json({"count": len(self.cloud.clips)})

    async def ok(self, _r: SimRequest, _m: re.Match[str]) -> SimResponse:
        """Answer a plain OK."""
        return SimResponse.json({"message": "OK", "code": 200})
