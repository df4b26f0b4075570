"""No bursts: set-up and every poll stay within a small request budget at any account size.

Blink locks accounts that poll too much or in bursts. A quiet poll is 2 requests (homescreen and
the account's media list); each camera's own details (2 requests) are read a few cameras a poll,
spread over the detail interval, changed cameras first.
"""

from __future__ import annotations

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import EVENT_STATE_CHANGED, EVENT_STATE_REPORTED
from homeassistant.core import Event, HomeAssistant, callback
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from blink_sim.cloud import FakeBlinkCloud

from .helpers import poll

# Three hours of polls at the default 300 s: one whole detail interval, and a bit.
POLLS = 40


@pytest.mark.parametrize(
    ("scenario", "cameras", "budget"),
    [
        ("bench_small", 2, 6),
        ("bench", 8, 6),
        ("bench_large", 50, 6),
        ("bench_huge", 200, 14),
    ],
    ids=["2 cameras", "10 cameras", "50 cameras", "200 cameras"],
)
async def test_no_poll_exceeds_the_budget(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
    cameras: int,
    budget: int,
) -> None:
    """Set-up and each poll for three hours send at most the budget; quiet polls send 2."""
    mock_config_entry.add_to_hass(hass)
    cloud.reset_counts()
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    setup = cloud.total_requests()
    assert setup <= budget, cloud.counts()
    per_poll = []
    for _ in range(POLLS):
        cloud.reset_counts()
        await poll(hass, freezer)
        per_poll.append(cloud.total_requests())
    assert max(per_poll) <= budget, per_poll
    # Each camera's details read about once an interval (the first read, then one more), no
    # more: whatever the size, the reads are spread, not repeated.
    detail_requests = sum(per_poll) - 2 * POLLS
    assert detail_requests <= 2 * 2 * cameras, per_poll
    if cameras <= 10:
        assert per_poll.count(2) >= POLLS // 2, per_poll
    # Every camera with details read them within the interval.
    snapshot = mock_config_entry.runtime_data.data.snapshot
    with_details = [c for c in snapshot.cameras.values() if c.list_key == "cameras"]
    assert len(with_details) == cameras
    assert all(camera.details_read_at is not None for camera in with_details)


@pytest.mark.parametrize("scenario", ["bench"])
async def test_ten_cameras_have_their_details_within_half_an_hour(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    mock_config_entry: MockConfigEntry,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Cameras never read come first: every camera's voltage is known 30 minutes after set-up."""
    mock_config_entry.add_to_hass(hass)
    assert await hass.config_entries.async_setup(mock_config_entry.entry_id)
    await hass.async_block_till_done()
    await poll(hass, freezer, times=5)  # 25 minutes
    snapshot = mock_config_entry.runtime_data.data.snapshot
    unread = [
        camera.name
        for camera in snapshot.cameras.values()
        if camera.list_key == "cameras" and camera.details_read_at is None
    ]
    assert unread == []


async def test_a_changed_camera_is_read_at_once(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """A camera whose homescreen state changes is read in the next poll, before the others."""
    await poll(hass, freezer, times=2)
    cloud.reset_counts()
    await poll(hass, freezer)
    assert cloud.counts() == {"homescreen": 1, "media_changed": 1}
    cloud.update_camera("CAM-OUTDOOR-01", battery_state="low", battery_voltage=118)
    cloud.reset_counts()
    await poll(hass, freezer)
    assert cloud.counts()["camera_config"] == 1
    assert hass.states.get("sensor.front_yard_battery_voltage").state == "1.18"


@pytest.mark.parametrize("scenario", ["bench_large"])
async def test_a_quiet_poll_writes_only_what_changed(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """50 cameras and nothing changes: one write (the connection's last update).

    A change writes that camera's entities, not the others'.
    """
    await poll(hass, freezer, times=30)  # every camera's details read once
    writes: list[str] = []

    @callback
    def _count(event: Event) -> None:
        writes.append(event.data["entity_id"])

    @callback
    def _every(_data: object) -> bool:
        return True

    hass.bus.async_listen(EVENT_STATE_CHANGED, _count)
    hass.bus.async_listen(EVENT_STATE_REPORTED, _count, event_filter=_every)
    await poll(hass, freezer)
    assert writes == ["sensor.blink_account_connection"]
    writes.clear()
    cloud.update_camera("BENCH_LARGE-CAM-007", signals={"wifi": 2})
    await poll(hass, freezer)
    assert "sensor.bench_camera_7_wi_fi_bars" in writes
    assert not [w for w in writes if w.startswith("sensor.bench_camera_8_")]
