"""Building the snapshot from whatever Blink sends: odd, partial or hostile homescreens."""

from __future__ import annotations

from datetime import UTC, datetime
from types import SimpleNamespace
from typing import Any

from hypothesis import given, settings, strategies as st
import pytest

from custom_components.blink_health.snapshot import CameraKind
from custom_components.blink_health.snapshot_builder import (
    CameraExtras,
    HomescreenMalformedError,
    HomescreenRefusedError,
    build_snapshot,
    camera_extras,
    homescreen_device_ids,
    sync_module_errors,
)

NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)


def _home(**overrides: Any) -> dict[str, Any]:
    """Return a small valid homescreen."""
    home: dict[str, Any] = {
        "networks": [{"id": 1, "name": "Home", "armed": True}],
        "sync_modules": [
            {
                "id": 10,
                "network_id": 1,
                "serial": "SM1",
                "name": "Home",
                "status": "online",
            }
        ],
        "cameras": [
            {
                "id": 100,
                "network_id": 1,
                "serial": "C1",
                "name": "Porch",
                "type": "catalina",
                "status": "done",
                "battery": "ok",
                "enabled": True,
                "issues": [],
                "signals": {"lfr": 5, "wifi": 4, "temp": 68, "battery": 3},
            }
        ],
        "owls": [],
        "doorbells": [],
    }
    home.update(overrides)
    return home


def test_healthy_camera() -> None:
    """A healthy camera is online, armed, with its battery and signals, on its Sync Module."""
    snapshot = build_snapshot(_home(), now=NOW)
    camera = snapshot.cameras["C1"]
    assert camera.online is True
    assert camera.kind is CameraKind.BATTERY
    assert camera.battery_low is False
    assert camera.wifi_bars == 4
    assert camera.sync_signal_bars == 5
    assert camera.temperature_f == 68
    assert snapshot.sync_module_for(camera) == snapshot.sync_modules["SM1"]
    assert snapshot.sync_modules["SM1"].armed is True


@pytest.mark.parametrize(
    "body",
    [
        {"message": "Too many requests", "code": 429},
        {"code": 503, "message": "Unavailable"},
    ],
)
def test_error_body_is_refused(body: dict[str, Any]) -> None:
    """A 429 or 503 JSON body stored as the homescreen is recognised, not read as empty."""
    with pytest.raises(HomescreenRefusedError) as err:
        build_snapshot(body, now=NOW)
    assert err.value.code == body["code"]


@pytest.mark.parametrize(
    "home",
    [
        None,
        "<html>",
        [],
        {},
        {"networks": "x"},
        {"networks": [], "cameras": "x"},
        {"networks": [], "cameras": [1, 2]},
        {"networks": [], "account": {}},
    ],
)
def test_malformed_homescreen(home: Any) -> None:
    """Anything not shaped like a homescreen is malformed."""
    with pytest.raises(HomescreenMalformedError):
        build_snapshot(home, now=NOW)


def test_odd_values_are_unknown_not_wrong() -> None:
    """Missing ids are skipped; odd values become None rather than a lie."""
    home = _home(
        sync_modules=[
            {"name": "no id"},
            {"id": 11, "network_id": 2, "status": "weird"},
        ],
        cameras=[
            {"name": "no id"},
            {
                "id": "101",
                "network_id": "2",
                "status": None,
                "battery": None,
                "issues": [{"type": "lfr_weak"}, "camera_offline", 5, None, {"x": 1}],
                "signals": "bad",
                "enabled": "true",
                "type": "superior",
            },
        ],
    )
    snapshot = build_snapshot(home, now=NOW)
    module = snapshot.sync_modules["sync-11"]
    assert module.online is None
    camera = snapshot.cameras["wired-101"]
    assert camera.kind is CameraKind.WIRED
    assert camera.online is None
    assert camera.battery_low is None
    assert camera.armed is True
    assert camera.sync_module_serial == "sync-11"
    assert camera.issues == ("lfr_weak", "camera_offline", "5", '{"x": 1}')


def test_minis_and_doorbells() -> None:
    """Minis have no battery; standalone devices have no Sync Module; onboarding is read."""
    home = _home(
        owls=[
            {
                "id": 200,
                "network_id": 5,
                "serial": "M1",
                "name": "Mini",
                "status": "offline",
            },
            {
                "id": 201,
                "network_id": 6,
                "serial": "M2",
                "name": "New",
                "onboarded": False,
            },
        ],
        doorbells=[{"id": 300, "network_id": 7, "serial": "D1", "battery": "low"}],
    )
    home["sync_modules"].append({"id": 11, "network_id": 8, "serial": "SM8"})
    home["cameras"].append({"id": 101, "network_id": 8, "serial": "C8"})
    summary = {"7": {"onboarded": False}, "8": {"onboarded": False}}
    snapshot = build_snapshot(home, network_summary=summary, now=NOW)
    mini = snapshot.cameras["M1"]
    assert mini.kind is CameraKind.MINI
    assert mini.online is False
    assert mini.battery_state is None
    assert mini.battery_low is None
    assert mini.sync_module_serial is None
    assert snapshot.cameras["M2"].onboarded is False
    doorbell = snapshot.cameras["D1"]
    assert doorbell.battery_low is True
    # A standalone device's own network is never onboarded: its own flag decides.
    assert doorbell.onboarded is True
    # A camera on a Sync Module whose network is not onboarded did not finish setup.
    assert snapshot.cameras["C8"].onboarded is False
    assert snapshot.sync_modules["SM8"].onboarded is False


def test_extras_from_blinkpy_fill_the_homescreen_gaps() -> None:
    """What blinkpy's per-camera calls report fills in what the homescreen lacks."""
    extras = {
        (CameraKind.BATTERY, 100): CameraExtras(
            battery_state="LOW",
            battery_voltage=1.21,
            wifi_dbm=-82,
            temperature_f=40.0,
            armed=False,
            motion_detected=True,
            last_record="2026-11-01T11:59:00+00:00",
            battery_check_time="2026-10-31T10:00:00",
        )
    }
    home = _home()
    del home["cameras"][0]["battery"]
    del home["cameras"][0]["enabled"]
    camera = build_snapshot(home, extras=extras, now=NOW).cameras["C1"]
    assert camera.battery_low is True
    assert camera.battery_voltage == 1.21
    assert camera.wifi_dbm == -82
    assert camera.temperature_f == 40.0
    assert camera.armed is False
    assert camera.motion_detected is True
    assert camera.last_motion == datetime(2026, 11, 1, 11, 59, tzinfo=UTC)
    assert camera.battery_check_time == datetime(2026, 10, 31, 10, 0, tzinfo=UTC)
    # Where the homescreen has them, its values are the fresh ones.
    fresh = build_snapshot(_home(), extras=extras, now=NOW).cameras["C1"]
    assert fresh.battery_low is False
    assert fresh.armed is True


def test_camera_extras_from_blinkpy_objects() -> None:
    """Blinkpy's camera objects are read defensively: voltages in hundredths, dBm only if negative."""
    default = SimpleNamespace(
        camera_id="100",
        camera_type="",
        product_type="catalina",
        battery_voltage=158,
        motion_detected=False,
        motion_enabled=True,
        battery_state="ok",
        wifi_strength=-55,
        temperature=70,
        last_record="not a time",
        battery_check_time=None,
    )
    mini = SimpleNamespace(camera_id="200", camera_type="mini", wifi_strength=4)
    wired = SimpleNamespace(camera_id="400", camera_type="", product_type="superior")
    broken = SimpleNamespace(camera_id=None)
    sync = SimpleNamespace(
        cameras={"a": default, "b": mini, "c": wired, "d": broken},
        network_id="1",
        network_info={"network": {"sync_module_error": "offline"}},
    )
    blink = SimpleNamespace(sync={"Home": sync})
    extras = camera_extras(blink)
    assert extras[CameraKind.BATTERY, 100].battery_voltage == 1.58
    assert extras[CameraKind.BATTERY, 100].wifi_dbm == -55
    assert extras[CameraKind.MINI, 200].wifi_dbm is None
    assert (CameraKind.WIRED, 400) in extras
    assert sync_module_errors(blink) == {1: "offline"}
    camera = build_snapshot(_home(), extras=extras, now=NOW).cameras["C1"]
    assert camera.last_motion is None


def test_device_ids() -> None:
    """The device list is what the coordinator watches for cameras joining or leaving."""
    assert homescreen_device_ids(None) == frozenset()
    assert ("cameras", 100) in homescreen_device_ids(_home())


_json = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=5),
    lambda children: (
        st.lists(children, max_size=3)
        | st.dictionaries(st.text(max_size=8), children, max_size=4)
    ),
    max_leaves=20,
)
_device = st.fixed_dictionaries(
    {},
    optional={
        key: _json
        | st.integers(0, 3)
        | st.sampled_from(["online", "offline", "done", "low"])
        for key in (
            "id",
            "network_id",
            "serial",
            "name",
            "type",
            "status",
            "battery",
            "enabled",
            "issues",
            "signals",
            "onboarded",
            "fw_version",
        )
    },
)


@settings(max_examples=200, deadline=None)
@given(
    home=st.fixed_dictionaries(
        {
            "networks": st.lists(
                _json | st.dictionaries(st.sampled_from(["id", "armed"]), _json)
            )
        },
        optional={
            "sync_modules": st.lists(_device, max_size=3),
            "cameras": st.lists(_device, max_size=3),
            "owls": st.lists(_device, max_size=3),
            "doorbells": st.lists(_device, max_size=3),
        },
    ),
    summary=_json,
)
def test_any_homescreen_builds_or_is_malformed(
    home: dict[str, Any], summary: Any
) -> None:
    """Whatever the homescreen holds, building a snapshot never raises anything unexpected."""
    try:
        snapshot = build_snapshot(home, network_summary=summary, now=NOW)
    except HomescreenMalformedError, HomescreenRefusedError:
        return
    for camera in snapshot.cameras.values():
        assert camera.battery_low in (True, False, None)
        if camera.kind is CameraKind.MINI:
            assert camera.battery_low is None
