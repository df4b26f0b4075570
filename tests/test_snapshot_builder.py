"""SnapshotBuilder and Blink's answer readers on hand-made answers: devices by id, odd entries skipped."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta
import logging
from typing import Any

import pytest

from custom_components.blink_health.blink import AccountReading
from custom_components.blink_health.blink.clips import CameraClips, clips_in_media
from custom_components.blink_health.blink.details import CameraDetails, camera_details
from custom_components.blink_health.blink.homescreen import (
    camera_entries,
    read_homescreen,
    with_details,
)
from custom_components.blink_health.blink.values import as_time
from custom_components.blink_health.model import (
    AccountSnapshot,
    CameraKind,
    CameraSnapshot,
    DeviceIdentities,
    SnapshotBuilder,
)

NOW = datetime(2026, 5, 1, 12, 0, tzinfo=UTC)
SM = {
    "id": 1,
    "network_id": 10,
    "serial": "SM-0001",
    "name": "Home",
    "status": "online",
    "type": "sm2",
}


def cam(
    camera_id: Any, serial: str, name: str = "Camera", **extra: Any
) -> dict[str, Any]:
    """Return a homescreen entry of a default camera on the Sync Module."""
    return {
        "id": camera_id,
        "serial": serial,
        "name": name,
        "type": "catalina",
        "network_id": 10,
        "status": "done",
        "battery": "ok",
        "enabled": True,
        "signals": {"lfr": 5, "wifi": 5, "temp": 68, "battery": 3},
        **extra,
    }


def mini(
    camera_id: int, serial: str, name: str = "Mini", **extra: Any
) -> dict[str, Any]:
    """Return a homescreen entry of a Mini."""
    return {
        "id": camera_id,
        "serial": serial,
        "name": name,
        "type": "owl",
        "network_id": 10,
        "status": "online",
        "onboarded": True,
        "signals": {"wifi": 4},
        **extra,
    }


def home(**lists: Any) -> dict[str, Any]:
    """Return a well-formed homescreen; keyword lists replace (or, as None, remove) the defaults."""
    answer: dict[str, Any] = {
        "account": {"id": 12345},
        "networks": [{"id": 10, "armed": True}],
        "sync_modules": [dict(SM)],
        "cameras": [],
        "owls": [],
        "doorbells": [],
    }
    for key, value in lists.items():
        if value is None:
            answer.pop(key, None)
        else:
            answer[key] = value
    return answer


def state(
    homescreen: dict[str, Any],
    *,
    details: dict[int, CameraDetails] | None = None,
    clips: dict[int, CameraClips] | None = None,
    at: datetime = NOW,
) -> AccountReading:
    """Return the reading a source hands over for this homescreen, details and clips."""
    return with_details(
        read_homescreen(homescreen, fetched_at=at), details or {}, clips or {}
    )


def build_all(*states: AccountReading) -> tuple[SnapshotBuilder, list[AccountSnapshot]]:
    """Build the states in order, each over the previous snapshot."""
    builder = SnapshotBuilder(DeviceIdentities())
    snapshots: list[AccountSnapshot] = []
    for item in states:
        snapshots.append(builder.build(item, snapshots[-1] if snapshots else None))
    return builder, snapshots


def by_id(snapshot: AccountSnapshot) -> dict[int, CameraSnapshot]:
    """Return the snapshot's cameras by Blink id."""
    return {camera.id: camera for camera in snapshot.cameras.values()}


def test_two_cameras_with_one_name_keep_their_own_details() -> None:
    """Two "Garage" cameras: each shows the voltage, dBm and battery of its own id."""
    details = {
        401: camera_details(
            {
                "camera": [
                    {
                        "id": 401,
                        "battery_voltage": 160,
                        "wifi_strength": -58,
                        "battery_state": "ok",
                    }
                ]
            },
            {"temp": 70},
            401,
            NOW,
        ),
        402: camera_details(
            {
                "camera": [
                    {
                        "id": 402,
                        "battery_voltage": 118,
                        "wifi_strength": -61,
                        "battery_state": "low",
                    }
                ]
            },
            {"temp": 71},
            402,
            NOW,
        ),
    }
    assert all(value is not None for value in details.values())
    answer = home(
        cameras=[
            cam(401, "G-401", "Garage", battery="ok"),
            cam(402, "G-402", "Garage", battery="low", signals={"wifi": 4}),
        ]
    )
    _, (snapshot,) = build_all(
        state(answer, details={k: v for k, v in details.items() if v is not None})
    )
    cameras = by_id(snapshot)
    assert (cameras[401].battery_voltage, cameras[401].wifi_dbm) == (1.60, -58)
    assert (cameras[402].battery_voltage, cameras[402].wifi_dbm) == (1.18, -61)
    assert cameras[401].battery_low is False
    assert cameras[402].battery_low is True
    # The homescreen's temperature is this poll's and wins; without one, the details' stands.
    assert cameras[401].temperature_f == 68
    assert cameras[402].temperature_f == 71
    assert cameras[401].key != cameras[402].key


@pytest.mark.parametrize(
    ("config", "expected"),
    [
        pytest.param(
            {"camera": [{"id": 402, "battery_voltage": 118}]}, None, id="other-camera"
        ),
        pytest.param(
            {"camera": [{"battery_voltage": 160, "wifi_strength": -58}]},
            (1.60, -58),
            id="only-entry-without-id",
        ),
        pytest.param(
            {
                "camera": [
                    {"id": 402, "battery_voltage": 118, "wifi_strength": -61},
                    {"id": 401, "battery_voltage": 160, "wifi_strength": -58},
                ]
            },
            (1.60, -58),
            id="own-entry-among-others",
        ),
        pytest.param(
            {"camera": [{"id": 401, "battery_voltage": "x", "wifi_strength": 3}]},
            (None, None),
            id="bars-not-dbm",
        ),
        pytest.param({"message": "Camera not found", "code": 500}, None, id="error"),
        pytest.param(None, None, id="none"),
        pytest.param({"camera": "x"}, None, id="wrong-type"),
    ],
)
def test_camera_details_read_only_the_cameras_own_entry(
    config: Any, expected: tuple[float | None, int | None] | None
) -> None:
    """A config answer gives details only from the entry of the camera asked for."""
    details = camera_details(config, None, 401, NOW)
    if expected is None:
        assert details is None
    else:
        assert details is not None
        assert (details.battery_voltage, details.wifi_dbm) == expected


def test_mini_named_like_a_camera_is_its_own_device() -> None:
    """A Mini called "Garage" next to a camera called "Garage": two devices, each its own."""
    answer = home(
        cameras=[cam(401, "G-401", "Garage")],
        owls=[mini(501, "M-501", "Garage")],
    )
    details = {
        401: CameraDetails(read_at=NOW, battery_voltage=1.6, wifi_dbm=-58),
    }
    _, (snapshot,) = build_all(state(answer, details=details))
    cameras = by_id(snapshot)
    assert cameras[401].kind is CameraKind.BATTERY
    assert cameras[401].wifi_dbm == -58
    assert cameras[501].kind is CameraKind.MINI
    assert cameras[501].wifi_dbm is None
    assert cameras[501].wifi_bars == 4


def test_unknown_list_of_devices_and_accessories() -> None:
    """A sync-less Outdoor 4 under `hawks` is a camera; `accessories` entries are not."""
    answer = home(
        hawks=[
            {
                "id": 601,
                "serial": "H-601",
                "name": "Barn",
                "type": "hawk",
                "network_id": 99,
                "status": "online",
                "battery": "ok",
            }
        ],
        accessories=[
            {"id": 701, "serial": "ACC-701", "type": "rosie", "name": "Mount"}
        ],
        storms=[{"id": 702, "type": "storm", "serial": "ST-702"}],
        video_stats={"storage": 1},
        other=[1, 2, {"no": "id"}],
    )
    _, (snapshot,) = build_all(state(answer))
    cameras = by_id(snapshot)
    assert cameras[601].list_key == "hawks"
    assert cameras[601].sync_module_key is None
    assert cameras[601].name == "Barn"
    assert 701 not in cameras
    assert {key for key, _ in camera_entries(answer)} >= {"hawks"}
    assert "accessories" not in {key for key, _ in camera_entries(answer)}


@pytest.mark.parametrize(
    "odd_entry",
    [
        pytest.param({"serial": "X-1", "name": "No id"}, id="no-id"),
        pytest.param(cam([4001], "X-2"), id="id-list"),
        pytest.param(cam({"v": 5002}, "X-3"), id="id-object"),
        pytest.param(cam(None, "X-4"), id="id-none"),
        pytest.param(cam("abc", "X-5"), id="id-text"),
        pytest.param(cam(-3, "X-6"), id="id-negative"),
        pytest.param(cam(10**30, "X-7"), id="id-huge"),
        pytest.param(cam(True, "X-8"), id="id-bool"),
        pytest.param("camera", id="not-an-object"),
        pytest.param(None, id="none"),
    ],
)
def test_unreadable_camera_entry_is_skipped_and_removes_nothing(
    odd_entry: Any, caplog: pytest.LogCaptureFixture
) -> None:
    """An entry without a readable id is skipped; every other camera stays and none is unlisted."""
    first = home(cameras=[cam(401, "G-401"), cam(402, "G-402")])
    second = home(cameras=[cam(401, "G-401"), odd_entry])
    with caplog.at_level(logging.DEBUG):
        _, (before, after, again) = build_all(
            state(first),
            state(second, at=NOW + timedelta(minutes=5)),
            state(second, at=NOW + timedelta(minutes=10)),
        )
    assert set(after.cameras) == set(before.cameras)
    assert after.unlisted == frozenset()
    assert again.unlisted == frozenset()
    skipped = [r for r in caplog.records if "unreadable device entry" in r.getMessage()]
    assert len(skipped) == 1
    assert skipped[0].levelno < logging.WARNING


@pytest.mark.parametrize(
    ("missing", "carried"),
    [
        pytest.param("owls", "M-501", id="owls"),
        pytest.param("cameras", "G-401", id="cameras"),
        pytest.param("sync_modules", "SM-0001", id="sync-modules"),
        pytest.param("doorbells", "D-801", id="doorbells"),
    ],
)
@pytest.mark.parametrize("how", ["missing", "none", "object"])
def test_missing_list_carries_its_devices(missing: str, carried: str, how: str) -> None:
    """Without a list (or with something else in its place) its devices keep their last reading."""
    lists: dict[str, Any] = {
        "cameras": [cam(401, "G-401")],
        "owls": [mini(501, "M-501")],
        "doorbells": [{"id": 801, "serial": "D-801", "type": "lotus", "name": "Door"}],
    }
    first = home(**lists)
    second = copy.deepcopy(first)
    if how == "missing":
        del second[missing]
    else:
        second[missing] = None if how == "none" else {"oops": 1}
    _, (before, after, again) = build_all(
        state(first),
        state(second, at=NOW + timedelta(minutes=5)),
        state(second, at=NOW + timedelta(minutes=10)),
    )
    assert set(after.cameras) == set(before.cameras)
    assert set(after.sync_modules) == set(before.sync_modules)
    assert carried in set(after.cameras) | set(after.sync_modules)
    assert after.unlisted == frozenset()
    assert again.unlisted == frozenset()


def test_device_left_a_well_formed_list_is_unlisted() -> None:
    """A camera absent from a well-formed list is a removal candidate (kept in the snapshot)."""
    _, (_, after) = build_all(
        state(home(cameras=[cam(401, "G-401"), cam(402, "G-402")])),
        state(home(cameras=[cam(401, "G-401")]), at=NOW + timedelta(minutes=5)),
    )
    assert after.unlisted == frozenset({"G-402"})
    assert "G-402" in after.cameras


def test_camera_reporting_its_sync_modules_serial() -> None:
    """A camera with its Sync Module's serial gets its own key and is never its own parent."""
    _, (snapshot, later) = build_all(
        state(home(cameras=[cam(401, "SM-0001")])),
        state(home(cameras=[cam(401, "SM-0001")]), at=NOW + timedelta(minutes=5)),
    )
    for item in (snapshot, later):
        (camera,) = item.cameras.values()
        assert camera.key != "SM-0001"
        assert camera.sync_module_key == "SM-0001"
        assert set(item.sync_modules) == {"SM-0001"}
    assert later.cameras.keys() == snapshot.cameras.keys()


def test_camera_reporting_another_cameras_serial(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """For one poll camera 402 reports 401's serial: no key changes; one warning, no serial."""
    good = home(cameras=[cam(401, "G-401"), cam(402, "G-402")])
    clash = home(cameras=[cam(401, "G-401"), cam(402, "G-401")])
    with caplog.at_level(logging.DEBUG):
        _, snapshots = build_all(
            state(good),
            state(clash, at=NOW + timedelta(minutes=5)),
            state(clash, at=NOW + timedelta(minutes=10)),
            state(good, at=NOW + timedelta(minutes=15)),
        )
    for snapshot in snapshots:
        assert {c.id: key for key, c in snapshot.cameras.items()} == {
            401: "G-401",
            402: "G-402",
        }
        assert snapshot.unlisted == frozenset()
    warnings = [r for r in caplog.records if r.levelno >= logging.WARNING]
    assert len(warnings) == 1
    assert "G-40" not in warnings[0].getMessage()


def test_new_camera_with_a_listed_serial_is_kept_apart(
    caplog: pytest.LogCaptureFixture,
) -> None:
    """A newcomer claiming a listed camera's serial gets its own key; the first keeps its own."""
    with caplog.at_level(logging.WARNING):
        _, (_, snapshot) = build_all(
            state(home(cameras=[cam(401, "G-401")])),
            state(
                home(cameras=[cam(401, "G-401"), cam(403, "G-401")]),
                at=NOW + timedelta(minutes=5),
            ),
        )
    cameras = by_id(snapshot)
    assert cameras[401].key == "G-401"
    assert cameras[403].key not in {"G-401", "SM-0001"}
    assert all("G-401" not in r.getMessage() for r in caplog.records)


def test_camera_added_again_keeps_its_device() -> None:
    """A camera removed and added again (new id, same serial) takes its old key back."""
    _, (_, snapshot) = build_all(
        state(home(cameras=[cam(401, "G-401")])),
        state(home(cameras=[cam(409, "G-401")]), at=NOW + timedelta(minutes=5)),
    )
    assert by_id(snapshot)[409].key == "G-401"


@pytest.mark.parametrize(
    "created_at",
    [
        pytest.param("9999-12-31T23:59:59-05:00", id="year-9999"),
        pytest.param("9999-12-31T23:59:59+00:00", id="year-9999-utc"),
        pytest.param("2126-05-01T12:00:00+00:00", id="century-ahead"),
        pytest.param("yesterday", id="text"),
        pytest.param(12, id="number"),
        pytest.param(None, id="none"),
        pytest.param(["2026-05-01T11:00:00+00:00"], id="list"),
    ],
)
def test_nonsense_clip_times_are_ignored(created_at: Any) -> None:
    """A clip dated in the year 9999 (or unreadably) is ignored; the real newest clip stands."""
    real = "2026-05-01T11:00:00+00:00"
    media = {
        "media": [
            {"device_id": 401, "created_at": real},
            {"device_id": 401, "created_at": created_at},
            {"device_id": [401], "created_at": real},
        ]
    }
    clips = clips_in_media(media, NOW)
    assert [(clip.camera_id, clip.made_at) for clip in clips] == [
        (401, datetime.fromisoformat(real))
    ]
    assert as_time(created_at, now=NOW) is None


def test_battery_check_time_in_year_9999_is_ignored() -> None:
    """A nonsense battery check time in the details becomes unknown."""
    config = {
        "camera": [
            {"id": 401, "battery_check_time": "9999-12-31T23:59:59-05:00"},
        ]
    }
    details = {401: camera_details(config, {}, 401, NOW)}
    _, (snapshot,) = build_all(
        state(home(cameras=[cam(401, "G-401")]), details=details)
    )
    assert by_id(snapshot)[401].battery_check_time is None


@pytest.mark.parametrize(
    ("battery", "low"),
    [
        pytest.param("replace", True, id="replace"),
        pytest.param("Low", True, id="low"),
        pytest.param("ok", False, id="ok"),
        pytest.param(None, None, id="none"),
        pytest.param("unknown", None, id="unknown"),
        pytest.param(7, None, id="number"),
    ],
)
def test_doorbell_battery(battery: Any, low: bool | None) -> None:
    """A doorbell's "replace" (older firmware) means a low battery; a word Blink adds, unknown.

    The battery entity and the diagnosis read the state through one rule: an answer that says
    neither low nor fine is unknown for both, never "fine" for one of them.
    """
    answer = home(
        doorbells=[
            {
                "id": 801,
                "serial": "D-801",
                "type": "lotus",
                "name": "Door",
                "battery": battery,
            }
        ]
    )
    _, (snapshot,) = build_all(state(answer))
    doorbell = by_id(snapshot)[801]
    assert doorbell.kind is CameraKind.DOORBELL
    assert doorbell.battery_low is low


@pytest.mark.parametrize(
    "entries",
    [
        pytest.param(
            {"owls": [mini(501, "M-501", battery="low", signals={"battery": 3})]},
            id="owl-with-battery",
        ),
        pytest.param(
            {"cameras": [cam(501, "M-501", type="owl", battery_voltage=150)]},
            id="owl-type-in-cameras",
        ),
        pytest.param(
            {"hawks": [mini(501, "M-501", battery="low", signals={"battery": 2})]},
            id="owl-type-in-unknown-list",
        ),
    ],
)
def test_mini_never_has_battery_values(entries: dict[str, Any]) -> None:
    """Whatever the payload says, a Mini reports no battery state, voltage or bars."""
    details = {
        501: CameraDetails(read_at=NOW, battery_state="low", battery_voltage=1.2)
    }
    _, (snapshot,) = build_all(state(home(**entries), details=details))
    camera = by_id(snapshot)[501]
    assert camera.kind is CameraKind.MINI
    assert (camera.battery_state, camera.battery_voltage, camera.battery_bars) == (
        None,
        None,
        None,
    )
    assert camera.battery_low is None


@pytest.mark.parametrize(
    "later",
    [
        pytest.param(
            {"owls": [mini(501, "M-501", type="catalina")]}, id="type-changed"
        ),
        pytest.param(
            {"owls": [], "cameras": [cam(501, "M-501", battery="low")]},
            id="moved-to-cameras",
        ),
        pytest.param(
            {"owls": [{"serial": "M-501"}], "cameras": [cam(502, "M-501")]},
            id="serial-taken-while-unreadable",
        ),
    ],
)
def test_a_mini_stays_a_mini(later: dict[str, Any]) -> None:
    """A Mini's device never turns into a battery camera, whatever a later answer says."""
    details = {
        501: CameraDetails(read_at=NOW, battery_state="low", battery_voltage=1.2),
        502: CameraDetails(read_at=NOW, battery_state="low", battery_voltage=1.2),
    }
    _, (_, snapshot) = build_all(
        state(home(owls=[mini(501, "M-501")])),
        state(home(**later), details=details, at=NOW + timedelta(minutes=5)),
    )
    assert snapshot.cameras["M-501"].kind is CameraKind.MINI
    assert snapshot.cameras["M-501"].battery_voltage is None


@pytest.mark.parametrize(
    ("entries", "names"),
    [
        pytest.param(
            [cam(401, "G-401", name=""), cam(402, "G-402", name="Porch")],
            {401: "Blink Outdoor", 402: "Porch"},
            id="one-unnamed",
        ),
        pytest.param(
            [cam(402, "G-402", name=None), cam(401, "G-401", name="  ")],
            {401: "Blink Outdoor 1", 402: "Blink Outdoor 2"},
            id="two-unnamed-same-model",
        ),
        pytest.param(
            [cam(401, "G-401", name=None, type=None)],
            {401: "Blink"},
            id="no-model",
        ),
        pytest.param(
            [cam(401, "G-401", name={"x": 1}, type="xt2")],
            {401: "Blink XT2"},
            id="name-object",
        ),
    ],
)
def test_unnamed_devices_are_named_by_model(
    entries: list[dict[str, Any]], names: dict[int, str]
) -> None:
    """A device without a name is called by its model (numbered when needed), never its serial."""
    module = {**SM, "name": None}
    _, (snapshot,) = build_all(state(home(cameras=entries, sync_modules=[module])))
    assert {c.id: c.name for c in snapshot.cameras.values()} == names
    assert snapshot.sync_modules["SM-0001"].name == "Sync Module 2"
    for camera in snapshot.cameras.values():
        assert "G-40" not in camera.name
