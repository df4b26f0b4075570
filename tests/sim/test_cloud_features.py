"""Simulator features beyond blinkpy's happy path: ids over names, extra lists, faults, hooks."""

import time
from typing import Any

from blinkpy.auth import TokenRefreshFailed, UnauthorizedError
from blinkpy.blinkpy import Blink
import pytest

from blink_sim.cloud import FakeBlinkCloud, SimRequest, SimResponse

from .conftest import SimEnv

REST = "https://rest-u011.immedia-semi.com"
OAUTH = "https://api.oauth.blink.com"
RW_ACCOUNT = 42345
RW_NETWORK = 1401


async def call(
    cloud: FakeBlinkCloud, method: str, path: str, body: Any = None
) -> SimResponse:
    """Send one request straight to the cloud (no transport, no token check)."""
    host = OAUTH if path.startswith("/oauth") else REST
    return await cloud.handle(SimRequest(method, f"{host}{path}", body=body))


async def _refresh(blink: Blink) -> bool:
    """Run one ordinary (not forced) refresh."""
    blink.last_refresh = int(time.time()) - 60
    return await blink.refresh()


@pytest.fixture
def real_world() -> FakeBlinkCloud:
    """Return the real_world account."""
    return FakeBlinkCloud.from_scenario("real_world")


async def test_same_name_cameras_answer_by_id(real_world: FakeBlinkCloud) -> None:
    """Two cameras named Garage: config, signals and arming each reach the camera with that id."""
    cloud = real_world
    names = [c["name"] for c in cloud.homescreen()["cameras"]]
    assert names.count("Garage") == 2
    for cam_id, voltage, dbm, bars in ((401, 160, -58, 3), (402, 118, -61, 1)):
        config = await call(
            cloud, "GET", f"/network/{RW_NETWORK}/camera/{cam_id}/config"
        )
        (entry,) = config.json_body()["camera"]
        assert (entry["id"], entry["battery_voltage"], entry["wifi_strength"]) == (
            cam_id,
            voltage,
            dbm,
        )
        signals = await call(
            cloud, "GET", f"/network/{RW_NETWORK}/camera/{cam_id}/signals"
        )
        assert signals.json_body()["battery"] == bars
    await call(cloud, "POST", f"/network/{RW_NETWORK}/camera/402/disable")
    assert cloud.cameras["RW-GARAGE-402"]["enabled"] is False
    assert cloud.cameras["RW-GARAGE-401"]["enabled"] is True
    mini = await call(
        cloud,
        "GET",
        f"/api/v1/accounts/{RW_ACCOUNT}/networks/{RW_NETWORK}/owls/404/config",
    )
    assert (mini.json_body()["name"], mini.json_body()["type"]) == ("Front Yard", "owl")
    assert cloud.camera_by_id(403)["type"] == "catalina"


async def test_media_changed_entries_carry_device_ids(
    real_world: FakeBlinkCloud,
) -> None:
    """A clip of each Garage is listed with its own device_id and the fields blinkpy reads."""
    cloud = real_world
    cloud.add_clip("RW-GARAGE-401")
    cloud.add_clip("RW-GARAGE-402")
    cloud.add_clip("RW-HAWK-405")
    answer = await call(
        cloud, "GET", f"/api/v1/accounts/{RW_ACCOUNT}/media/changed?page=1"
    )
    media = answer.json_body()["media"]
    by_device = {entry["device_id"]: entry for entry in media}
    assert set(by_device) == {401, 402, 405}
    for cam_id in (401, 402):
        entry = by_device[cam_id]
        assert entry["device_name"] == "Garage"
        assert entry["network_id"] == RW_NETWORK
        assert entry["type"] == "video"
        assert entry["deleted"] is False
        assert entry["created_at"].endswith("+00:00")
        assert entry["media"].endswith(".mp4")
    assert by_device[405]["network_id"] == 1405


async def test_add_camera_keeps_ids_and_serials_unique(
    real_world: FakeBlinkCloud,
) -> None:
    """A repeated name is fine; a repeated id or serial is refused, and fresh ids skip used ones."""
    cloud = real_world
    made = cloud.add_camera({"name": "Garage", "network_id": RW_NETWORK})
    assert made["id"] not in {401, 402, 403, 404, 405, 406, RW_NETWORK}
    with pytest.raises(ValueError, match="id 401"):
        cloud.add_camera({"id": 401, "serial": "OTHER"})
    with pytest.raises(ValueError, match="serial RW-GARAGE-402"):
        cloud.add_camera({"serial": "RW-GARAGE-402"})


async def test_hawk_under_its_own_list(real_world: FakeBlinkCloud) -> None:
    """A sync-less Outdoor 4 is listed under hawks only; it has an owl config but no network camera."""
    cloud = real_world
    home = cloud.homescreen()
    assert [d["id"] for d in home["hawks"]] == [405]
    assert home["hawks"][0]["battery"] == "ok"
    assert 405 not in {
        d["id"] for key in ("cameras", "owls", "doorbells") for d in home[key]
    }
    assert [d["id"] for d in home["owls"]] == [404]
    config = await call(
        cloud, "GET", f"/api/v1/accounts/{RW_ACCOUNT}/networks/1405/owls/405/config"
    )
    assert config.status == 200
    assert "list" not in config.json_body()
    assert "expected_cause" not in config.json_body()
    for what in ("config", "signals"):
        answer = await call(cloud, "GET", f"/network/1405/camera/405/{what}")
        assert answer.status == 404
    assert (await call(cloud, "GET", "/network/1405/camera/403/config")).status == 200


async def test_list_key_moves_a_camera(real_world: FakeBlinkCloud) -> None:
    """Any device can be listed under another key; its entry keeps the shape of its kind."""
    cloud = real_world
    cloud.update_camera("RW-FRONT-YARD-403", list="spotlights")
    home = cloud.homescreen()
    assert [d["id"] for d in home["spotlights"]] == [403]
    assert home["spotlights"][0]["battery"] == "ok"
    assert 403 not in {d["id"] for d in home["cameras"]}


async def test_accessory_is_not_a_camera(real_world: FakeBlinkCloud) -> None:
    """The pan-tilt mount is in accessories.rosie and in no device list."""
    home = real_world.homescreen()
    assert home["accessories"]["storm"] == []
    (mount,) = home["accessories"]["rosie"]
    assert (mount["id"], mount["target"], mount["target_id"]) == (1881, "owl", 404)
    device_ids = {
        d["id"] for key in ("cameras", "owls", "doorbells", "hawks") for d in home[key]
    }
    assert 1881 not in device_ids
    assert real_world.state()["accessories"][0]["serial"] == "RW-ROSIE-01"


def test_real_world_scenario_shapes(real_world: FakeBlinkCloud) -> None:
    """Every device has an expected cause; the doorbell reports no dBm, voltage or temperature."""
    assert {c["serial"]: c["expected_cause"] for c in real_world.cameras.values()} == {
        "RW-GARAGE-401": "ok",
        "RW-GARAGE-402": "low_battery",
        "RW-FRONT-YARD-403": "ok",
        "RW-FRONT-YARD-MINI-404": "ok",
        "RW-HAWK-405": "ok",
        "RW-DOORBELL-406": "low_battery",
    }
    (doorbell,) = real_world.homescreen()["doorbells"]
    assert doorbell["battery"] == "replace"
    assert "temp" not in doorbell["signals"]
    assert "battery_voltage" not in doorbell
    assert "wifi_strength" not in doorbell


@pytest.mark.parametrize("sim_scenario", ["real_world"])
async def test_blinkpy_loses_a_same_name_camera(env: SimEnv) -> None:
    """What owners saw: blinkpy keys by name, so one Garage and one Front Yard are lost."""
    blink = await env.started()
    assert sorted(blink.cameras) == ["Front Door", "Front Yard", "Garage"]
    assert blink.cameras["Front Door"].battery == "replace"
    assert blink.cameras["Front Door"].temperature is None


async def test_camera_not_found_fault(real_world: FakeBlinkCloud) -> None:
    """One camera's config and signals answer 200 with Blink's error body; the others are fine."""
    cloud = real_world
    cloud.set_fault("camera_not_found", True, serials=["RW-GARAGE-401"])
    for what in ("config", "signals"):
        answer = await call(cloud, "GET", f"/network/{RW_NETWORK}/camera/401/{what}")
        assert answer.status == 200
        assert answer.json_body() == {"message": "Camera not found", "code": 500}
    fine = await call(cloud, "GET", f"/network/{RW_NETWORK}/camera/402/config")
    assert fine.json_body()["camera"][0]["id"] == 402
    armed = await call(cloud, "POST", f"/network/{RW_NETWORK}/camera/401/disable")
    assert armed.status == 200
    assert cloud.fault_hits() == {"camera_not_found": 2}
    assert cloud.counts()["camera_config"] == 2


async def test_camera_gone_fault(real_world: FakeBlinkCloud) -> None:
    """Every per-camera call of the named devices answers 404; no serials means every device."""
    cloud = real_world
    cloud.set_fault(
        "camera_gone", True, serials=["RW-GARAGE-402", "RW-FRONT-YARD-MINI-404"]
    )
    for method, path in (
        ("GET", f"/network/{RW_NETWORK}/camera/402/config"),
        ("GET", f"/network/{RW_NETWORK}/camera/402/signals"),
        ("POST", f"/network/{RW_NETWORK}/camera/402/enable"),
        ("GET", f"/api/v1/accounts/{RW_ACCOUNT}/networks/{RW_NETWORK}/owls/404/config"),
    ):
        assert (await call(cloud, method, path)).status == 404, path
    assert (
        await call(cloud, "GET", f"/network/{RW_NETWORK}/camera/401/config")
    ).status == 200
    assert cloud.fault_hits() == {"camera_gone": 4}
    cloud.set_fault("camera_gone", True)
    assert (
        await call(cloud, "GET", f"/network/{RW_NETWORK}/camera/401/config")
    ).status == 404
    media = await call(cloud, "GET", f"/api/v1/accounts/{RW_ACCOUNT}/media/changed")
    assert media.status == 200


async def test_camera_not_found_through_blinkpy(env: SimEnv) -> None:
    """A refresh survives one camera's error body; the other camera still updates."""
    blink = await env.started()
    env.cloud.set_fault("camera_not_found", True, serials=["CAM-OUTDOOR-01"])
    env.cloud.update_camera("CAM-XT2-02", battery_voltage=140)
    assert await _refresh(blink) is True
    assert blink.cameras["Back Door"].battery_voltage == 140
    # blinkpy gives up on that camera after the config answer: no signals call for it.
    assert env.cloud.fault_hits() == {"camera_not_found": 1}


@pytest.mark.parametrize(
    ("fault", "params", "raised"),
    [
        ("token_unavailable", {}, TokenRefreshFailed),
        ("token_invalid_grant", {}, TokenRefreshFailed),
        ("token_unauthorized", {}, UnauthorizedError),
        ("token_timeout", {"seconds": 0.05}, TokenRefreshFailed),
        ("refresh_refused", {"status": 401}, UnauthorizedError),
    ],
)
async def test_token_faults_on_refresh(
    env: SimEnv, fault: str, params: dict[str, Any], raised: type[Exception]
) -> None:
    """Each token fault fails blinkpy's token refresh; switched off, the same tokens refresh."""
    blink = await env.started()
    env.cloud.set_fault(fault, True, **params)
    blink.auth.expiration_date = time.time()
    with pytest.raises(raised):
        await _refresh(blink)
    assert env.cloud.grants[-1] == "refresh_token"
    assert env.cloud.fault_hits() == {fault: 1}
    env.cloud.set_fault(fault, False)
    blink.auth.expiration_date = time.time()
    assert await _refresh(blink) is True


async def test_token_fault_answers() -> None:
    """The token endpoint's faulty answers, and `grants` choosing which grant types fail."""
    cloud = FakeBlinkCloud.from_scenario("foundation")
    refresh = cloud.issue_tokens()["refresh_token"]
    form = {"grant_type": "refresh_token", "refresh_token": refresh}
    cloud.set_fault("token_unavailable", True)
    answer = await call(cloud, "POST", "/oauth/token", form)
    assert answer.status == 503
    assert answer.json_body()["code"] == 503
    cloud.set_fault("token_unavailable", False)
    cloud.set_fault("token_timeout", True, seconds=3)
    assert (await call(cloud, "POST", "/oauth/token", form)).hang_seconds == 3
    cloud.clear_faults()
    cloud.set_fault("token_invalid_grant", True, grants=["password"])
    assert (await call(cloud, "POST", "/oauth/token", form)).status == 200
    password = {
        "grant_type": "password",
        "username": "owner@example.com",
        "password": "correct-horse",
    }
    answer = await call(cloud, "POST", "/oauth/token", password)
    assert (answer.status, answer.json_body()) == (400, {"error": "invalid_grant"})
    cloud.clear_faults()
    cloud.set_fault("token_unauthorized", True)
    assert (await call(cloud, "POST", "/oauth/token", form)).status == 401
    assert cloud.counts()["oauth_token"] == 5


async def test_token_unavailable_at_start_falls_back_to_login(env: SimEnv) -> None:
    """With the refresh grant failing, start() with saved tokens signs in again (no 2FA here)."""
    first = await env.started()
    saved = dict(first.auth.login_attributes)
    env.cloud.set_fault("token_unavailable", True)
    env.cloud.reset_counts()
    blink = env.blink(saved)
    assert await blink.start() is True
    assert env.cloud.counts()["oauth_authorize"] == 1
    assert env.cloud.grants[-2:] == ["refresh_token", "authorization_code"]


async def test_homescreen_mutator(env: SimEnv) -> None:
    """The mutator edits (or replaces) the homescreen just before it is served, polls included."""
    blink = await env.started()
    seen: list[dict[str, Any]] = []

    def drop_owls(home: dict[str, Any]) -> None:
        """Remove the Minis, in place."""
        seen.append(home)
        del home["owls"]

    env.cloud.homescreen_mutator = drop_owls
    assert await _refresh(blink) is True
    assert "owls" not in blink.homescreen
    assert len(seen) == 1
    assert "owls" in env.cloud.homescreen()
    env.cloud.homescreen_mutator = lambda _home: {"cameras": "not a list"}
    await _refresh(blink)
    assert blink.homescreen == {"cameras": "not a list"}
    env.cloud.homescreen_mutator = None
    assert await _refresh(blink) is True
    assert "owls" in blink.homescreen


@pytest.mark.parametrize(
    ("name", "modules", "cameras"),
    [("bench_small", 1, 2), ("bench", 2, 10), ("bench_large", 5, 50)],
)
def test_bench_scenarios(name: str, modules: int, cameras: int) -> None:
    """The polling benchmark's accounts: healthy cameras spread over their Sync Modules."""
    cloud = FakeBlinkCloud.from_scenario(name)
    assert name in FakeBlinkCloud.scenario_names()
    assert len(cloud.sync_modules) == modules
    assert len(cloud.cameras) == cameras
    assert len({c["name"] for c in cloud.cameras.values()}) == cameras
    networks = {sm["network_id"] for sm in cloud.sync_modules.values()}
    assert {c["network_id"] for c in cloud.cameras.values()} == networks
    assert all(c["status"] in {"done", "online"} for c in cloud.cameras.values())
    assert all(c.get("battery_state", "ok") == "ok" for c in cloud.cameras.values())


@pytest.mark.parametrize("sim_scenario", ["bench_small"])
async def test_bench_small_refresh_counts(env: SimEnv) -> None:
    """1 Sync Module and 2 default cameras: a refresh costs 1 + 2 + 4 requests."""
    blink = await env.started()
    env.cloud.reset_counts()
    assert await _refresh(blink) is True
    assert env.cloud.total_requests() == 1 + 2 * 1 + 2 * 2


async def test_doorbell_config_answers_by_id() -> None:
    """A doorbell's config carries what it has (temp, dBm, battery); odd answers on request."""
    cloud = FakeBlinkCloud.from_scenario("foundation")
    path = "/api/v1/accounts/12345/networks/1004/doorbells/2005/config"
    answer = (await call(cloud, "GET", path)).json_body()
    assert answer["id"] == 2005
    assert (answer["temp"], answer["battery_state"]) == (66, "ok")
    assert "wifi_rssi" not in answer, "a model that does not report it leaves it out"
    cloud.update_camera("DOORBELL-05", wifi_strength=-54, lfr_strength=-70)
    answer = (await call(cloud, "GET", path)).json_body()
    assert (answer["wifi_rssi"], answer["lfr_rssi"]) == (-54, -70)
    cloud.update_camera("DOORBELL-05", config_answer=["odd"])
    assert (await call(cloud, "GET", path)).json_body() == ["odd"]
    assert (await call(cloud, "GET", path.replace("2005", "2001"))).status == 404
    cloud.set_fault("camera_not_found", True, serials=["DOORBELL-05"])
    assert (await call(cloud, "GET", path)).json_body()["message"] == "Camera not found"
    assert cloud.counts()["doorbell_config"] == 5


async def test_local_storage_manifest_for_blinkpy() -> None:
    """An active Sync Module answers blinkpy's manifest request (a command) and manifest."""
    cloud = FakeBlinkCloud.from_scenario("foundation")
    base = "/api/v1/accounts/12345/networks/1001/sync_modules/3001/local_storage"
    assert (await call(cloud, "POST", f"{base}/manifest/request")).status == 404
    cloud.update_sync_module(
        "SM-HOME-0001", local_storage_status="active", local_storage_enabled=True
    )
    request = (await call(cloud, "POST", f"{base}/manifest/request")).json_body()
    manifest = await call(cloud, "GET", f"{base}/manifest/request/{request['id']}")
    assert manifest.json_body() == {"manifest_id": request["id"], "clips": []}
    home = cloud.homescreen()["sync_modules"][0]
    assert (home["local_storage_enabled"], home["local_storage_status"]) == (
        True,
        "active",
    )
