"""Doorbells' own readings (temperature, Wi-Fi and Sync Module signal), over HTTP from their config."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.core import HomeAssistant
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.blink.doorbell import doorbell_details
from custom_components.blink_health.connection import Connection

from .helpers import poll

DOORBELL = "DOORBELL-05"
DETAIL_INTERVAL = timedelta(hours=3)
WIFI = "sensor.front_door_wi_fi_signal"
SYNC = "sensor.front_door_sync_module_signal_strength"
CONNECTION = "sensor.blink_account_connection"


def _doorbell(entry: MockConfigEntry, key: str = DOORBELL) -> Any:
    """Return a doorbell's snapshot from the entry's latest poll."""
    return entry.runtime_data.data.snapshot.cameras[key]


async def _read_again(hass: HomeAssistant, freezer: FrozenDateTimeFactory) -> None:
    """Let the detail interval pass and poll twice: the cameras' details, then the doorbell's.

    The poll's request budget (6) goes to the two cameras first; the doorbell follows.
    """
    freezer.tick(DETAIL_INTERVAL)
    await poll(hass, freezer, times=2)


@pytest.fixture
async def settled(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> MockConfigEntry:
    """Set up and poll once: set-up's budget left a camera and the doorbell for the first poll."""
    await poll(hass, freezer)
    return init_integration


async def test_doorbell_readings_from_its_config(
    hass: HomeAssistant,
    settled: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Wi-Fi and Sync Module signal in dBm and the temperature come from the doorbell's config."""
    # The foundation's doorbell reports no dBm: unknown, as before (no entity).
    assert hass.states.get(WIFI) is None
    assert _doorbell(settled).details_read_at is not None
    # The homescreen's temperature wins where it has one (this poll's): this doorbell has none.
    cloud.update_camera(
        DOORBELL,
        wifi_strength=-67,
        lfr_strength=-71,
        temperature=41,
        signals={"temp": None},
    )
    cloud.reset_counts()
    await poll(hass, freezer)
    assert "doorbell_config" not in cloud.counts(), "not due before the detail interval"
    await _read_again(hass, freezer)
    assert cloud.counts()["doorbell_config"] == 1, "once, after the cameras' details"
    assert hass.states.get(WIFI).state == "-67"
    sync = hass.states.get(SYNC)
    assert (sync.state, sync.attributes["unit_of_measurement"]) == ("-71", "dBm")
    assert sync.attributes["state_class"] == "measurement"
    assert _doorbell(settled).temperature_f == 41


async def test_a_changed_doorbell_is_read_at_once(
    hass: HomeAssistant,
    settled: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A doorbell whose homescreen state changes is read at the next poll, as a camera is."""
    cloud.update_camera(DOORBELL, wifi_strength=-70, signals={"wifi": 2})
    cloud.reset_counts()
    await poll(hass, freezer)
    assert cloud.counts()["doorbell_config"] == 1
    assert hass.states.get(WIFI).state == "-70"


async def test_at_most_one_doorbell_a_poll(
    hass: HomeAssistant,
    settled: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """New doorbells (a 2nd gen and a 2K+) are read one a poll; then a quiet poll is 2 requests."""
    for serial, kind in (("TULIP-1", "tulip"), ("ORCHID-1", "orchid")):
        cloud.add_camera(
            {"serial": serial, "name": kind.title(), "type": kind, "wifi_strength": -49}
        )
    reads = []
    for _ in range(3):
        cloud.reset_counts()
        await poll(hass, freezer)
        reads.append(cloud.counts().get("doorbell_config", 0))
        assert cloud.total_requests() == 2 + reads[-1]
    assert reads == [1, 1, 0]
    for serial in ("TULIP-1", "ORCHID-1"):
        assert _doorbell(settled, serial).wifi_dbm == -49
    assert hass.states.get("sensor.tulip_wi_fi_signal").state == "-49"
    models = {_doorbell(settled, s).product_type for s in ("TULIP-1", "ORCHID-1")}
    assert models == {"tulip", "orchid"}


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        pytest.param({"message": "Camera not found", "code": 500}, "-62", id="an error body with status 200"),
        pytest.param([{"id": 9999, "temp": 10, "wifi_rssi": -99}], "-62", id="another doorbell's entry"),
        pytest.param([], "-62", id="an empty list"),
        pytest.param("maintenance", "-62", id="a string"),
        pytest.param(None, "-62", id="null"),
        pytest.param({"id": "2005"}, "-62", id="no fields at all"),
        # Fields there but of no use: Blink reported nothing valid, as a camera's details say.
        pytest.param({"temp": "hot", "wifi_rssi": 12, "lfr_rssi": -255, "battery_state": ["ok"]}, "unknown", id="wrong types and placeholders"),
    ],
)  # fmt: skip
async def test_odd_answers_fail_nothing(
    hass: HomeAssistant,
    settled: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    answer: Any,
    expected: str,
) -> None:
    """Whatever the config answers, the poll stands; an answer without a reading keeps the last."""
    cloud.update_camera(DOORBELL, wifi_strength=-62)
    await _read_again(hass, freezer)
    assert hass.states.get(WIFI).state == "-62"
    cloud.update_camera(DOORBELL, config_answer=answer)
    await _read_again(hass, freezer)
    assert hass.states.get(CONNECTION).state == Connection.CONNECTED
    assert hass.states.get(WIFI).state == expected
    assert hass.states.get("binary_sensor.front_door_battery").state == "off"


@pytest.mark.parametrize(
    ("fault", "params"),
    [
        ("camera_gone", {"serials": [DOORBELL]}),
        ("camera_not_found", {"serials": [DOORBELL]}),
        ("server_error_text", {"endpoints": ["doorbell_config"]}),
        ("timeout", {"endpoints": ["doorbell_config"]}),
    ],
)
async def test_failing_config_fails_nothing_else(
    hass: HomeAssistant,
    settled: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    fault: str,
    params: dict[str, Any],
) -> None:
    """A 404, an error body, a 500 or a timeout on the doorbell's config is no outage."""
    cloud.update_camera(DOORBELL, wifi_strength=-58)
    await _read_again(hass, freezer)
    cloud.set_fault(fault, True, **params)
    cloud.update_camera(DOORBELL, wifi_strength=-90)
    await _read_again(hass, freezer)
    assert cloud.fault_hits()[fault] >= 1
    assert hass.states.get(CONNECTION).state == Connection.CONNECTED
    assert hass.states.get(WIFI).state == "-58"
    assert hass.states.get("binary_sensor.front_door_online").state == "on"


async def test_a_fix_flow_check_reads_the_doorbell_now(
    hass: HomeAssistant,
    settled: MockConfigEntry,
    cloud: FakeBlinkCloud,
) -> None:
    """Checking a doorbell (a fix flow, "batteries replaced") reads its config at once."""
    cloud.update_camera(DOORBELL, wifi_strength=-52)
    cloud.reset_counts()
    await settled.runtime_data.async_check_camera(DOORBELL)
    assert cloud.counts()["doorbell_config"] == 1
    assert hass.states.get(WIFI).state == "-52"


def test_answer_shapes() -> None:
    """Nested or listed entries are read for this doorbell only; nonsense is no reading."""
    now = datetime(2026, 6, 1, tzinfo=UTC)
    nested = doorbell_details({"doorbell": {"temp": 50, "wifi_rssi": -60}}, 7, now)
    assert nested is not None
    assert (nested.temperature_f, nested.wifi_dbm) == (50, -60)
    listed = doorbell_details([{"id": 7, "lfr_rssi": -70}, {"id": 8}], 7, now)
    assert listed is not None
    assert listed.sync_signal_dbm == -70
    only = doorbell_details([{"battery_state": "low"}], 7, now)
    assert only is not None
    assert only.battery_state == "low"
    assert doorbell_details({"id": 8, "temp": 50}, 7, now) is None
    assert doorbell_details({"config": "x"}, 7, now) is None
