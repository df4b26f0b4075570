"""Every cloud fault on every endpoint a poll uses: an outage is not a sign-out, one camera not the account."""

from __future__ import annotations

from datetime import timedelta
import logging
from typing import Any

from freezegun.api import FrozenDateTimeFactory
from homeassistant.const import STATE_UNAVAILABLE
from homeassistant.core import HomeAssistant
from homeassistant.helpers import entity_registry as er, issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import DOMAIN

from .helpers import poll

CAMERA = "CAM-OUTDOOR-01"
# Past the access token's lifetime (tokens last 4 hours): the next poll refreshes it.
PAST_TOKEN_EXPIRY = timedelta(hours=4, minutes=1)

TRANSIENT = {
    "down": {},
    "timeout": {},
    "503": {"fault": "unavailable"},
    "429": {"fault": "rate_limited"},
    "500-text": {"fault": "server_error_text"},
    "malformed-json": {"fault": "malformed"},
}
REFUSALS = {
    "401": {"fault": "unauthorized"},
}
TOKEN_REFUSALS = {
    "400-invalid-grant": {"fault": "refresh_refused"},
    "401-refresh": {"fault": "refresh_refused", "status": 401},
}


def _cases() -> list[Any]:
    """Return (fault label, endpoint) for the whole matrix."""
    cases = []
    for endpoint in ("homescreen", "media_changed", "camera_config", "oauth_token"):
        labels = [*TRANSIENT, *REFUSALS]
        if endpoint == "oauth_token":
            labels += list(TOKEN_REFUSALS)
        cases.extend(
            pytest.param(label, endpoint, id=f"{endpoint}-{label}") for label in labels
        )
    return cases


def _fault(label: str) -> tuple[str, dict[str, Any]]:
    """Return the simulator's fault name and parameters for a label."""
    spec = dict({**TRANSIENT, **REFUSALS, **TOKEN_REFUSALS}[label])
    return spec.pop("fault", label), spec


def _identifying(cloud: FakeBlinkCloud, entry: MockConfigEntry) -> set[str]:
    """Return every string that identifies the account: ids, serials, email, tokens."""
    values = {
        str(cloud.account["account_id"]),
        str(cloud.account["user_id"]),
        cloud.account["email"],
        *cloud.cameras,
        *cloud.sync_modules,
        *cloud.refresh_tokens,
        *cloud.access_tokens,
        entry.data["token"],
        entry.data["refresh_token"],
    }
    return {value for value in values if value}


def _loud_text(caplog: pytest.LogCaptureFixture) -> str:
    """Return every record at WARNING or above, tracebacks included."""
    formatter = logging.Formatter("%(name)s %(levelname)s %(message)s")
    return "\n".join(
        formatter.format(record)
        for record in caplog.records
        if record.levelno >= logging.WARNING
    )


def _states(hass: HomeAssistant, entry: MockConfigEntry) -> dict[str, str]:
    """Return the state of every entity of the entry."""
    entries = er.async_entries_for_config_entry(er.async_get(hass), entry.entry_id)
    states = {e.entity_id: hass.states.get(e.entity_id) for e in entries}
    return {entity_id: s.state for entity_id, s in states.items() if s is not None}


def _camera_entity(hass: HomeAssistant) -> str:
    """Return the likely-cause sensor of the test camera."""
    entity_id = er.async_get(hass).async_get_entity_id(
        "sensor", DOMAIN, f"{CAMERA}_likely_cause"
    )
    assert entity_id is not None
    return entity_id


def _reauth_flows(hass: HomeAssistant) -> list[str]:
    """Return the sources of the flows in progress (a reauth is "reauth")."""
    return [
        flow["context"]["source"] for flow in hass.config_entries.flow.async_progress()
    ]


def _our_issues(hass: HomeAssistant) -> list[str]:
    """Return Blink Health's repair issues."""
    return [iid for (domain, iid) in ir.async_get(hass).issues if domain == DOMAIN]


@pytest.mark.parametrize(("label", "endpoint"), _cases())
async def test_fault_matrix(
    hass: HomeAssistant,
    init_integration: MockConfigEntry,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
    label: str,
    endpoint: str,
) -> None:
    """One poll with the fault, then one without: unavailable and reauth only where they belong."""
    entry = init_integration
    coordinator = entry.runtime_data
    entity_id = _camera_entity(hass)
    assert hass.states.get(entity_id).state != STATE_UNAVAILABLE
    name, params = _fault(label)
    account_fails = endpoint in {"homescreen", "oauth_token"}
    refusal = label in REFUSALS or label in TOKEN_REFUSALS
    before = cloud.counts().get(endpoint, 0)
    grants = len(cloud.grants)

    cloud.set_fault(name, True, endpoints=[endpoint], **params)
    if endpoint == "camera_config":
        # A camera's details are read when asked for (as a fix flow's check does).
        coordinator._details_for.add(coordinator.data.snapshot.cameras[CAMERA].id)
    if endpoint == "oauth_token":
        freezer.tick(PAST_TOKEN_EXPIRY - timedelta(seconds=301))
    await poll(hass, freezer)
    assert cloud.counts().get(endpoint, 0) > before, "the fault was never hit"

    states = _states(hass, entry)
    if account_fails:
        assert states[entity_id] == STATE_UNAVAILABLE
    else:
        assert STATE_UNAVAILABLE not in states.values(), label
    expect_reauth = account_fails and refusal
    assert _reauth_flows(hass) == (["reauth"] if expect_reauth else [])
    assert _our_issues(hass) == []

    cloud.set_fault(name, False)
    if not expect_reauth:
        await poll(hass, freezer)
        assert STATE_UNAVAILABLE not in _states(hass, entry).values()
        assert _reauth_flows(hass) == []
        assert _our_issues(hass) == []
        # Only refresh-token grants: no new sign-in was needed.
        assert set(cloud.grants[grants:]) <= {"refresh_token"}
        if endpoint == "oauth_token":
            # The refresh failed in the fault's poll and was tried again, and taken, in the next.
            assert cloud.grants[grants:] == ["refresh_token"]

    loud = _loud_text(caplog)
    leaked = sorted(v for v in _identifying(cloud, entry) if v in loud)
    assert not leaked, loud
