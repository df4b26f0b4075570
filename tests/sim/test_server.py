"""The HTTPS server: loopback only, token checks, the control API and the CLI helpers."""

from aiohttp import ClientSession, TCPConnector
import pytest

from blink_sim.__main__ import build_parser, control, parse_fields
from blink_sim.cloud import FakeBlinkCloud
from blink_sim.server import start_simulator


async def test_refuses_non_loopback() -> None:
    """Binding anything but loopback is refused."""
    with pytest.raises(ValueError, match="loopback"):
        await start_simulator("foundation", host="192.0.2.1")


async def test_control_api_and_tokens(socket_enabled: None) -> None:
    """The control API changes state; REST calls need a valid bearer token over HTTP."""
    sim = await start_simulator("foundation")
    try:
        async with ClientSession(connector=TCPConnector(ssl=False)) as session:
            async with session.get(
                f"{sim.url}/api/v3/accounts/12345/homescreen",
                headers={"Authorization": "Bearer wrong"},
            ) as resp:
                assert resp.status == 401
            token = sim.cloud._issue_tokens()["access_token"]
            async with session.get(
                f"{sim.url}/api/v3/accounts/12345/homescreen",
                headers={
                    "Authorization": f"Bearer {token}",
                    "Host": "rest-u011.immedia-semi.com",
                },
            ) as resp:
                assert resp.status == 200
                assert resp.headers["Client-Id"] == "424242"
                assert len((await resp.json())["cameras"]) == 2
        host, port = "127.0.0.1", sim.port
        await control(
            host, port, "POST", "camera/CAM-OUTDOOR-01", {"battery_state": "low"}
        )
        assert sim.cloud.cameras["CAM-OUTDOOR-01"]["battery_state"] == "low"
        await control(
            host, port, "POST", "sync_module/SM-HOME-0001", {"status": "offline"}
        )
        assert sim.cloud.sync_modules["SM-HOME-0001"]["status"] == "offline"
        await control(host, port, "POST", "fault/rate_limited", {"on": True})
        assert "rate_limited" in sim.cloud.faults
        await control(host, port, "POST", "fault/rate_limited", {"on": False})
        assert sim.cloud.faults == {}
        await control(host, port, "POST", "clip/CAM-OUTDOOR-01")
        assert len(sim.cloud.clips) == 2
        await control(
            host,
            port,
            "POST",
            "camera",
            {"serial": "X-1", "name": "New", "network_id": 1001},
        )
        assert "X-1" in sim.cloud.cameras
        await control(host, port, "DELETE", "camera/X-1")
        assert "X-1" not in sim.cloud.cameras
        counts = await control(host, port, "GET", "counts")
        assert counts["counts"]["homescreen"] == 2
        await control(host, port, "POST", "reset_counts")
        assert sim.cloud.total_requests() == 0
        state = await control(host, port, "GET", "state")
        assert "password" not in state["account"]
        with pytest.raises(SystemExit, match="404"):
            await control(host, port, "POST", "camera/NOPE", {"status": "offline"})
    finally:
        await sim.close()


async def test_cookie_less_session_cannot_sign_in(socket_enabled: None) -> None:
    """Over HTTP the OAuth session lives in a cookie: a session that drops cookies cannot sign in."""
    from aiohttp import DummyCookieJar
    from blinkpy.auth import Auth
    from blinkpy.blinkpy import Blink

    from blink_sim.server import LoopbackResolver

    sim = await start_simulator(FakeBlinkCloud.from_scenario("foundation"))
    session = ClientSession(
        connector=TCPConnector(resolver=LoopbackResolver(sim.port), ssl=False),
        cookie_jar=DummyCookieJar(),
    )
    try:
        blink = Blink(session=session)
        blink.auth = Auth(
            {"username": "owner@example.com", "password": "correct-horse"},
            no_prompt=True,
            session=session,
        )
        assert await blink.start() is False
    finally:
        await session.close()
        await sim.close()


def test_cli_parsing() -> None:
    """Values are parsed as JSON where possible."""
    assert parse_fields(
        ["status=offline", "battery_voltage=118", "enabled=false", "issues=[]"]
    ) == {
        "status": "offline",
        "battery_voltage": 118,
        "enabled": False,
        "issues": [],
    }
    args = build_parser().parse_args(
        ["--port", "9000", "fault", "slow", "on", "seconds=3"]
    )
    assert (args.port, args.name, args.switch, args.fields) == (
        9000,
        "slow",
        "on",
        ["seconds=3"],
    )
    args = build_parser().parse_args(["serve", "--scenario", "demo", "--port", "8443"])
    assert (args.scenario, args.serve_port) == ("demo", 8443)


async def test_control_counts_fault_hits(socket_enabled: None) -> None:
    """The control API's counts include how many answers each fault changed."""
    sim = await start_simulator("real_world")
    try:
        host, port = "127.0.0.1", sim.port
        await control(
            host,
            port,
            "POST",
            "fault/camera_gone",
            {"on": True, "serials": ["RW-GARAGE-401"]},
        )
        token = sim.cloud.issue_tokens()["access_token"]
        async with (
            ClientSession(connector=TCPConnector(ssl=False)) as session,
            session.get(
                f"{sim.url}/network/1401/camera/401/config",
                headers={"Authorization": f"Bearer {token}"},
            ) as resp,
        ):
            assert resp.status == 404
        counts = await control(host, port, "GET", "counts")
        assert counts["fault_hits"] == {"camera_gone": 1}
        assert counts["counts"] == {"camera_config": 1}
    finally:
        await sim.close()
