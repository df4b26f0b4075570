"""The real blinkpy 0.25.9 against the fake cloud, over HTTPS and through aioclient_mock."""

from datetime import UTC, datetime
import json
import time

from aiohttp import ContentTypeError
from blinkpy.auth import (
    Auth,
    BlinkTwoFARequiredError,
    TokenRefreshFailed,
    UnauthorizedError,
)
from blinkpy.blinkpy import Blink
import pytest

from .conftest import SimEnv

STEADY_REFRESH = {
    "homescreen": 1,
    "network_update": 2,
    "media_changed": 4,
    "camera_config": 2,
    "camera_signals": 2,
}


async def _refresh(blink: Blink) -> bool:
    """Run one ordinary (not forced) refresh."""
    blink.last_refresh = int(time.time()) - 60
    return await blink.refresh()


async def test_login_without_2fa(env: SimEnv) -> None:
    """A plain login runs the whole OAuth flow and builds every device."""
    blink = await env.started()
    counts = env.cloud.counts()
    for name in (
        "oauth_authorize",
        "oauth_signin_page",
        "oauth_signin",
        "oauth_authorize_code",
        "oauth_token",
        "tier_info",
    ):
        assert counts[name] == 1, name
    assert "oauth_2fa_verify" not in counts
    assert env.cloud.codes_sent == 0
    assert blink.auth.region_id == "u011"
    assert blink.auth.account_id == 12345
    assert blink.auth.client_id == "424242"
    assert blink.auth.token in env.cloud.access_tokens
    assert set(blink.sync) == {"Home", "Garage", "Nursery", "Front Door"}
    assert set(blink.cameras) == {
        "Front Yard",
        "Back Door",
        "Living Room",
        "Nursery",
        "Front Door",
    }
    front = blink.cameras["Front Yard"]
    assert front.serial == "CAM-OUTDOOR-01"
    assert front.battery == "ok"
    assert front.battery_voltage == 158
    assert front.wifi_strength == -55
    assert front.sync_signal_strength == 5
    assert front.battery_level == 3
    assert front.temperature_calibrated == 68
    assert front.status == "done"
    assert front.online is True
    assert front.image_from_cache is not None
    assert front.image_from_cache.startswith(b"\xff\xd8")
    mini = blink.cameras["Living Room"]
    assert mini.camera_type == "mini"
    assert mini.sync.name == "Home"
    assert mini.wifi_strength is None
    assert blink.cameras["Nursery"].sync.serial == "MINI-NURSERY-04"
    assert blink.cameras["Front Door"].camera_type == "doorbell"
    assert blink.sync["Home"].serial == "SM-HOME-0001"
    assert blink.sync["Home"].arm is False


async def test_wrong_password(env: SimEnv) -> None:
    """A wrong password makes start() return False."""
    blink = env.blink({"username": "owner@example.com", "password": "nope"})
    assert await blink.start() is False
    assert env.cloud.access_tokens == {}
    assert "oauth_token" not in env.cloud.counts()


@pytest.mark.parametrize("style", ["412", "202"])
async def test_login_with_2fa(env: SimEnv, style: str) -> None:
    """2FA: a wrong pin returns False, the right one on the same session completes setup."""
    env.cloud.account["two_factor"] = True
    env.cloud.account["two_factor_style"] = style
    blink = env.blink()
    with pytest.raises(BlinkTwoFARequiredError):
        await blink.start()
    assert env.cloud.codes_sent == 1
    assert await blink.send_2fa_code("000000") is False
    assert await blink.send_2fa_code("123456") is True
    assert blink.available is True
    assert env.cloud.pin_attempts == ["000000", "123456"]
    assert len(blink.cameras) == 5
    assert env.cloud.codes_sent == 1


async def test_steady_refresh_counts(env: SimEnv) -> None:
    """A refresh costs 1 + 2M + 2N + K requests and downloads nothing new."""
    blink = await env.started()
    env.cloud.reset_counts()
    assert await _refresh(blink) is True
    assert env.cloud.counts() == STEADY_REFRESH
    assert env.cloud.total_requests() == 1 + 2 * 2 + 2 * 2 + 2
    env.cloud.reset_counts()
    assert await _refresh(blink) is True
    assert env.cloud.total_requests() == 11


@pytest.mark.parametrize("sim_scenario", ["bench"])
async def test_bench_counts(env: SimEnv) -> None:
    """The bench account: 2 Sync Modules, 8 default cameras, 2 Minis on Sync Modules."""
    blink = await env.started()
    assert len(blink.cameras) == 10
    env.cloud.reset_counts()
    await _refresh(blink)
    assert env.cloud.total_requests() == 1 + 2 * 2 + 2 * 8


@pytest.mark.parametrize("sim_scenario", ["demo"])
async def test_demo_conditions(env: SimEnv) -> None:
    """The demo account shows its conditions through blinkpy and the raw homescreen."""
    blink = await env.started()
    assert blink.cameras["Patio"].battery == "low"
    assert blink.cameras["Patio"].battery_voltage == 118
    assert blink.cameras["Side Gate"].wifi_strength == -84
    assert blink.cameras["Kitchen"].online is False
    assert blink.cameras["Cabin Porch"].status == "offline"
    home = blink.homescreen
    assert "expected_cause" not in str(home)
    by_name = {c["name"]: c for c in home["cameras"]}
    assert by_name["Workshop"]["issues"]
    assert by_name["Side Gate"]["signals"]["wifi"] == 1
    sms = {s["serial"]: s for s in home["sync_modules"]}
    assert sms["SM-DEMO-CABIN"]["status"] == "offline"
    assert all("expected_cause" in c for c in env.cloud.cameras.values())


async def test_token_refresh_in_query(env: SimEnv) -> None:
    """An expiring token is refreshed by query() with a refresh-token grant, then the callback runs."""
    blink = await env.started()
    calls: list[str] = []
    blink.auth.callback = lambda: calls.append(blink.auth.token)
    old = blink.auth.token
    blink.auth.expiration_date = time.time()
    assert await _refresh(blink) is True
    assert env.cloud.grants[-1] == "refresh_token"
    assert blink.auth.token != old
    assert calls == [blink.auth.token]
    assert blink.cameras["Front Yard"].battery == "ok"


async def test_start_with_saved_refresh_token(env: SimEnv) -> None:
    """A saved refresh token skips the login pages."""
    first = await env.started()
    saved = dict(first.auth.login_attributes)
    saved.pop("password")
    env.cloud.reset_counts()
    blink = env.blink(saved)
    assert await blink.start() is True
    counts = env.cloud.counts()
    assert counts["oauth_token"] == 1
    assert "oauth_authorize" not in counts
    assert "tier_info" not in counts
    assert env.cloud.grants[-1] == "refresh_token"


async def test_refresh_refused_in_query(env: SimEnv) -> None:
    """A refused refresh grant raises TokenRefreshFailed (400) or UnauthorizedError (401)."""
    blink = await env.started()
    env.cloud.set_fault("refresh_refused", True)
    blink.auth.expiration_date = time.time()
    with pytest.raises(TokenRefreshFailed):
        await _refresh(blink)
    env.cloud.set_fault("refresh_refused", True, status=401)
    blink.auth.expiration_date = time.time()
    with pytest.raises(UnauthorizedError):
        await _refresh(blink)


async def test_refresh_refused_at_start_needs_2fa_again(env: SimEnv) -> None:
    """With the refresh refused, start() falls back to the full login, which asks for 2FA again."""
    first = await env.started()
    saved = dict(first.auth.login_attributes)
    env.cloud.account["two_factor"] = True
    env.cloud.set_fault("refresh_refused", True)
    blink = env.blink(saved)
    with pytest.raises(BlinkTwoFARequiredError):
        await blink.start()
    assert env.cloud.codes_sent == 1
    assert await blink.send_2fa_code("123456") is True


async def test_unauthorized(env: SimEnv) -> None:
    """A 401 on REST calls raises UnauthorizedError out of refresh()."""
    blink = await env.started()
    env.cloud.set_fault("unauthorized", True)
    with pytest.raises(UnauthorizedError):
        await _refresh(blink)
    assert blink.homescreen == {"message": "Unauthorized Access", "code": 101}


async def test_rate_limited(env: SimEnv) -> None:
    """A 429 with a JSON body raises nothing: the homescreen becomes the error body."""
    blink = await env.started()
    env.cloud.set_fault("rate_limited", True)
    assert await _refresh(blink) is True
    assert blink.homescreen["code"] == 429
    assert blink.sync["Home"].available is True


async def test_unavailable(env: SimEnv) -> None:
    """A 503 with a JSON body raises nothing; Sync Modules go unavailable."""
    blink = await env.started()
    env.cloud.set_fault("unavailable", True)
    assert await _refresh(blink) is True
    assert blink.homescreen["code"] == 503
    assert blink.sync["Home"].available is False
    assert blink.cameras["Front Yard"].battery == "ok"


async def test_server_error_text(env: SimEnv) -> None:
    """A 500 text body makes the homescreen parse fail."""
    blink = await env.started()
    env.cloud.set_fault("server_error_text", True)
    expected = ContentTypeError if env.transport == "server" else ValueError
    with pytest.raises(expected):
        await _refresh(blink)


async def test_slow(env: SimEnv) -> None:
    """A slow cloud still answers."""
    blink = await env.started()
    env.cloud.set_fault("slow", True, seconds=0.01)
    assert await _refresh(blink) is True


async def test_timeout_through_mock(env: SimEnv) -> None:
    """A timeout is swallowed by query(); the homescreen step then fails on None."""
    if env.transport == "server":
        pytest.skip("blinkpy's timeout is 10 s; the server just sleeps")
    blink = await env.started()
    env.cloud.set_fault("timeout", True)
    with pytest.raises(AttributeError):
        await _refresh(blink)


async def test_down(env: SimEnv) -> None:
    """A dropped connection is swallowed by query(); the homescreen step then fails on None."""
    blink = await env.started()
    env.cloud.set_fault("down", True)
    with pytest.raises(AttributeError):
        await _refresh(blink)
    env.cloud.set_fault("down", False)
    assert await _refresh(blink) is True


async def test_malformed(env: SimEnv) -> None:
    """Invalid JSON raises ValueError; JSON of the wrong shape raises nothing."""
    blink = await env.started()
    env.cloud.set_fault("malformed", True)
    with pytest.raises(json.JSONDecodeError):
        await _refresh(blink)
    env.cloud.set_fault("malformed", False)
    env.cloud.set_fault("malformed_shape", True)
    assert await _refresh(blink) is True
    assert "owls" not in blink.homescreen


async def test_arm_and_disarm(env: SimEnv) -> None:
    """Arm/disarm calls change the state and are polled to completion."""
    blink = await env.started()
    env.cloud.reset_counts()
    await blink.sync["Home"].async_arm(True)
    assert env.cloud.sync_modules["SM-HOME-0001"]["armed"] is True
    assert env.cloud.counts() == {"system_arm": 1, "command_status": 1}
    await blink.cameras["Front Yard"].async_arm(False)
    assert env.cloud.cameras["CAM-OUTDOOR-01"]["enabled"] is False
    await blink.cameras["Living Room"].async_arm(False)
    assert env.cloud.cameras["MINI-LIVING-03"]["enabled"] is False
    await blink.cameras["Front Door"].async_arm(False)
    assert env.cloud.cameras["DOORBELL-05"]["enabled"] is False
    await blink.sync["Garage"].async_arm(False)
    counts = env.cloud.counts()
    assert counts["camera_disable"] == 1
    assert counts["owl_config_update"] == 1
    assert counts["doorbell_disable"] == 1
    assert counts["system_disarm"] == 1
    assert counts["command_status"] == 5
    assert [(c["device"], c["action"]) for c in env.cloud.commands] == [
        ("SM-HOME-0001", "arm"),
        ("CAM-OUTDOOR-01", "disable"),
        ("MINI-LIVING-03", "disable"),
        ("DOORBELL-05", "disable"),
        ("SM-GARAGE-0002", "disarm"),
    ]
    await _refresh(blink)
    assert blink.sync["Home"].arm is True
    assert blink.cameras["Front Yard"].arm is False


async def test_command_polls(env: SimEnv) -> None:
    """A command that needs several polls is polled until complete."""
    blink = await env.started()
    env.cloud.command_polls_needed = 3
    env.cloud.reset_counts()
    await blink.sync["Home"].async_arm(True)
    assert env.cloud.counts()["command_status"] == 3


async def test_new_clip_is_motion_once(env: SimEnv) -> None:
    """A new clip shows as motion (while armed) on one refresh, and as last_record after.

    The clip keeps the time it was recorded: the second refresh, once time has moved past the
    clip, reports no motion and the same last_record.
    """
    blink = await env.started()
    await blink.sync["Home"].async_arm(True)
    await _refresh(blink)
    camera = blink.cameras["Front Yard"]
    assert camera.motion_detected is False
    recorded = blink.last_refresh + 1
    env.cloud.add_clip("CAM-OUTDOOR-01", at=datetime.fromtimestamp(recorded, UTC))
    env.cloud.reset_counts()
    await blink.refresh(force=True)
    assert camera.motion_detected is True
    assert env.cloud.counts()["clip"] == 1
    first_record = camera.last_record
    assert datetime.fromisoformat(first_record).timestamp() == recorded
    blink.last_refresh = recorded + 1  # time moved on past the clip
    await blink.refresh(force=True)
    assert camera.motion_detected is False
    assert camera.last_record == first_record


async def test_state_changes_reach_blinkpy(env: SimEnv) -> None:
    """Mutators show up on the next refresh."""
    blink = await env.started()
    env.cloud.update_camera("CAM-OUTDOOR-01", battery_state="low", status="offline")
    env.cloud.update_camera("MINI-NURSERY-04", status="offline")
    env.cloud.update_sync_module("SM-GARAGE-0002", armed=True, status="offline")
    await _refresh(blink)
    assert blink.cameras["Front Yard"].battery == "low"
    assert blink.cameras["Front Yard"].online is False
    assert blink.cameras["Nursery"].online is False
    assert blink.sync["Garage"].arm is True
    garage = next(s for s in blink.homescreen["sync_modules"] if s["name"] == "Garage")
    assert garage["status"] == "offline"
    env.cloud.remove_camera("CAM-XT2-02")
    env.cloud.add_camera(
        {
            "serial": "NEW-CAM-09",
            "name": "Porch",
            "type": "catalina",
            "network_id": 1002,
        }
    )
    await _refresh(blink)
    names = {c["name"] for c in blink.homescreen["cameras"]}
    assert names == {"Front Yard", "Porch"}
    fresh = await env.started()
    assert "Porch" in fresh.cameras
    assert "Back Door" not in fresh.cameras


async def test_auth_object_shared_session(env: SimEnv) -> None:
    """Auth built separately on the same session works (what the integration does)."""
    blink = Blink(session=env.session)
    blink.auth = Auth(
        {"username": "OWNER@example.com", "password": "correct-horse"},
        no_prompt=True,
        session=env.session,
    )
    assert await blink.start() is True
