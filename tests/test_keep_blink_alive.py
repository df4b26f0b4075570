"""Keeping Home Assistant's `blink` alive: its failures noticed, one repair, a reload that reports.

Runs the real `blink` integration on the simulated cloud, its token endpoint failing (503 and
timeouts) and recovering, its set-up retrying, and Blink Health on its session.
"""

from __future__ import annotations

from datetime import timedelta
import logging
from typing import Any
from unittest.mock import patch

from aiohttp import ClientConnectionError
from blinkpy.auth import BlinkBadResponse, TokenRefreshFailed
from freezegun.api import FrozenDateTimeFactory
from homeassistant.config_entries import (
    ConfigEntryDisabler,
    ConfigEntryState,
    OperationNotAllowed,
)
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType
from homeassistant.helpers import issue_registry as ir
import pytest
from pytest_homeassistant_custom_component.common import (
    MockConfigEntry,
    async_capture_events,
)

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.blink import (
    BlinkIntegrationError,
    BlinkIntegrationState,
)
from custom_components.blink_health.blink.blink_integration.status import (
    async_reload_blink_integration,
    error_kind,
)
from custom_components.blink_health.const import (
    CONF_BLINK_AUTO_RELOAD,
    CONF_BLINK_FAILING_MINUTES,
    DOMAIN,
)
from custom_components.blink_health.repairs.blink_integration_flow import (
    ReloadBlinkIntegrationFlow,
)
from custom_components.blink_health.repairs.issues import AccountIssue, issue_id_for
from custom_components.blink_health.repairs.tracker import EVENT_ISSUE
from custom_components.blink_health.texts import plain_text

from .conftest import ACCOUNT_EMAIL
from .core_blink import (
    add_core_blink,
    add_health,
    core_and_health,
    core_poll,
    setup_core_blink,
)
from .helpers import poll, start_fix_flow, submit_fix_flow

EVERY_GRANT = ["refresh_token", "authorization_code", "password"]


@pytest.fixture
def scenario() -> str:
    """Use the demo account."""
    return "demo"


def _failing_issue(
    hass: HomeAssistant, health: MockConfigEntry
) -> ir.IssueEntry | None:
    """Return the "Blink integration stopped working" issue of a Blink Health entry."""
    return ir.async_get(hass).async_get_issue(
        DOMAIN, issue_id_for(AccountIssue.BLINK_INTEGRATION_FAILING, health.entry_id)
    )


def _issue_ids(hass: HomeAssistant) -> set[str]:
    """Return the ids of every open Blink Health issue."""
    return {i for (d, i) in ir.async_get(hass).issues if d == DOMAIN}


async def _minutes(
    hass: HomeAssistant, freezer: FrozenDateTimeFactory, minutes: int
) -> None:
    """Let minutes pass one at a time: Blink Health's status check runs once a minute."""
    await poll(hass, freezer, times=minutes, every=timedelta(minutes=1))


async def _failing_for_16_minutes(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    **fault: Any,
) -> tuple[MockConfigEntry, MockConfigEntry, ir.IssueEntry]:
    """Set both up, fail `blink`'s token refreshes for 16 minutes; return its repair too."""
    core, health = await core_and_health(hass, cloud)
    cloud.set_fault("token_unavailable", True, **fault)
    await _expire_token(hass, cloud, freezer)
    await _minutes(hass, freezer, 16)
    issue = _failing_issue(hass, health)
    assert issue is not None
    return core, health, issue


async def _expire_token(
    hass: HomeAssistant, cloud: FakeBlinkCloud, freezer: FrozenDateTimeFactory
) -> None:
    """Move on to when blinkpy refreshes its token: core's next refresh asks for a new one."""
    freezer.tick(timedelta(seconds=int(cloud.account.get("expires_in", 14400))))
    await core_poll(hass, freezer)


@pytest.mark.parametrize(
    "fault", ["token_unavailable", "token_timeout"], ids=["503", "timeout"]
)
async def test_token_refresh_failing_one_repair_then_cleared(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
    fault: str,
) -> None:
    """Token refreshes failing: one repair after 15 minutes, none before; gone at recovery."""
    core, health = await core_and_health(hass, cloud)
    events = async_capture_events(hass, EVENT_ISSUE)
    cloud.set_fault(fault, True)
    await _expire_token(hass, cloud, freezer)
    assert not core.runtime_data.last_update_success
    status = health.runtime_data.source.status()
    assert status.blink_integration is BlinkIntegrationState.FAILING
    assert status.last_error is BlinkIntegrationError.TOKEN_REFRESH_FAILED
    diagnostics = health.runtime_data.source.diagnostics()
    assert diagnostics["blink_integration"] == "failing"
    assert diagnostics["blink_last_error"] == "token_refresh_failed"
    assert diagnostics["blink_failing_since"] == status.failing_since.isoformat()
    # Said as it is: the Blink integration cannot reach Blink, not "Blink Health cannot".
    assert hass.states.get("sensor.blink_account_connection").state == (
        "blink_integration_failing"
    )
    await _minutes(hass, freezer, 13)
    assert _failing_issue(hass, health) is None
    await _minutes(hass, freezer, 3)
    issue = _failing_issue(hass, health)
    assert issue is not None
    assert issue.severity is ir.IssueSeverity.ERROR
    assert issue.is_fixable
    assert issue.translation_key == "blink_integration_failing"
    assert issue.translation_placeholders["error"] == (
        "Blink did not renew its sign-in (the token refresh failed)"
    )
    assert plain_text(issue.translation_placeholders["title"]) == ACCOUNT_EMAIL
    # One repair for one failure: never "Blink cloud unreachable" besides it.
    await _minutes(hass, freezer, 30)
    assert _issue_ids(hass) == {issue.issue_id}
    assert [(e.data["cause"], e.data["action"]) for e in events] == [
        ("blink_integration_failing", "raised")
    ]

    cloud.set_fault(fault, False)
    await core_poll(hass, freezer)
    assert core.runtime_data.last_update_success
    assert _failing_issue(hass, health) is None
    assert events[-1].data["action"] == "cleared"
    assert hass.states.get("sensor.driveway_likely_cause").state == "ok"


async def test_fix_flow_reloads_and_says_it_came_back(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """The fix flow reloads `blink` (whose full sign-in still works) and says it is back."""
    core, health, issue = await _failing_for_16_minutes(hass, cloud, freezer)
    old_coordinator = core.runtime_data
    result = await start_fix_flow(hass, issue.issue_id)
    assert result["step_id"] == "confirm"
    assert result["description_placeholders"]["error"]
    result = await submit_fix_flow(hass, result["flow_id"])
    assert result["step_id"] == "back"
    assert core.runtime_data is not old_coordinator
    assert core.state is ConfigEntryState.LOADED
    assert _failing_issue(hass, health) is None
    result = await submit_fix_flow(hass, result["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert hass.states.get("sensor.driveway_likely_cause").state == "ok"


async def test_fix_flow_says_when_it_did_not_come_back(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """The token endpoint still refusing every grant: "did not come back", the issue stays."""
    core, health, issue = await _failing_for_16_minutes(
        hass, cloud, freezer, grants=EVERY_GRANT
    )
    result = await start_fix_flow(hass, issue.issue_id)
    result = await submit_fix_flow(hass, result["flow_id"])
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "confirm"
    assert result["errors"] == {"base": "not_back"}
    assert core.state is ConfigEntryState.SETUP_RETRY
    assert _failing_issue(hass, health) is not None
    # Blink's sign-in service back: the next try brings it back.
    cloud.clear_faults()
    result = await submit_fix_flow(hass, result["flow_id"])
    assert result["step_id"] == "back"


async def test_set_up_retrying_counts_and_the_flow_brings_both_back(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """`blink` retrying its set-up (and Blink Health with it): the repair, then both back."""
    cloud.set_fault("down", True)
    core = await add_core_blink(hass, cloud)
    assert core.state is ConfigEntryState.SETUP_RETRY
    health = await add_health(hass, core)
    assert health.state is ConfigEntryState.SETUP_RETRY
    await _minutes(hass, freezer, 16)
    assert health.state is ConfigEntryState.SETUP_RETRY
    issue = _failing_issue(hass, health)
    assert issue is not None
    assert issue.translation_placeholders["error"] == "it could not connect to Blink"

    cloud.set_fault("down", False)
    result = await start_fix_flow(hass, issue.issue_id)
    result = await submit_fix_flow(hass, result["flow_id"])
    assert result["step_id"] == "back"
    result = await submit_fix_flow(hass, result["flow_id"])
    assert result["type"] is FlowResultType.CREATE_ENTRY
    await hass.async_block_till_done()
    assert core.state is ConfigEntryState.LOADED
    assert health.state is ConfigEntryState.LOADED
    assert _failing_issue(hass, health) is None


async def test_needing_a_sign_in_leads_to_blinks_reauthentication(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """After the reload `blink` needs its owner's sign-in: the flow says so, no sign-in of ours."""
    _, health, issue = await _failing_for_16_minutes(hass, cloud, freezer)
    # Blink now refuses the account's sign-in for good (a changed password, say).
    cloud.clear_faults()
    cloud.set_fault("unauthorized", True)
    result = await start_fix_flow(hass, issue.issue_id)
    result = await submit_fix_flow(hass, result["flow_id"])
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "blink_integration_sign_in"
    await hass.async_block_till_done()
    flows = hass.config_entries.flow.async_progress()
    assert [(f["handler"], f["context"]["source"]) for f in flows] == [
        ("blink", "reauth")
    ]
    assert _failing_issue(hass, health) is None
    reauth = issue_id_for(AccountIssue.BLINK_INTEGRATION_REAUTH, health.entry_id)
    await _minutes(hass, freezer, 1)
    assert reauth in _issue_ids(hass)


async def test_auto_reload_brings_blink_back(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """The option on: after the threshold Blink Health reloads `blink`, which signs in afresh."""
    core, health = await core_and_health(hass, cloud, **{CONF_BLINK_AUTO_RELOAD: True})
    caplog.set_level(logging.INFO, logger="custom_components.blink_health")
    cloud.set_fault("token_unavailable", True)
    await _expire_token(hass, cloud, freezer)
    await _minutes(hass, freezer, 14)
    assert "reloading it" not in caplog.text
    await _minutes(hass, freezer, 2)
    assert caplog.text.count("reloading it (at most once an hour)") == 1
    assert "works again after the automatic reload" in caplog.text
    assert core.state is ConfigEntryState.LOADED
    assert core.runtime_data.last_update_success
    assert _failing_issue(hass, health) is None
    assert hass.states.get("sensor.driveway_likely_cause").state == "ok"


async def test_auto_reload_at_most_once_an_hour(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Not back after the reload: the next one an hour later, each logged without ids."""
    core, health = await core_and_health(
        hass, cloud, **{CONF_BLINK_AUTO_RELOAD: True, CONF_BLINK_FAILING_MINUTES: 20}
    )
    caplog.set_level(logging.INFO, logger="custom_components.blink_health")
    cloud.set_fault("token_unavailable", True, grants=EVERY_GRANT)
    await _expire_token(hass, cloud, freezer)
    await _minutes(hass, freezer, 18)
    assert "reloading it" not in caplog.text
    await _minutes(hass, freezer, 3)
    issue = _failing_issue(hass, health)
    assert issue is not None
    assert issue.translation_key == "blink_integration_failing_auto"

    def attempts() -> int:
        return caplog.text.count("reloading it (at most once an hour)")

    assert attempts() == 1
    assert "still does not work after the automatic reload" in caplog.text
    assert core.state is ConfigEntryState.SETUP_RETRY
    await _minutes(hass, freezer, 50)
    assert attempts() == 1
    await _minutes(hass, freezer, 12)
    assert attempts() == 2
    assert _failing_issue(hass, health) is not None
    # Nothing in Blink Health's lines names the account or its devices.
    for record in caplog.records:
        if record.name.startswith("custom_components.blink_health"):
            assert ACCOUNT_EMAIL not in record.getMessage()
            assert "DEMO-" not in record.getMessage()
            assert core.entry_id not in record.getMessage()


async def test_never_raised_while_blink_is_disabled(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Failing, then disabled by its owner: the repair goes and never comes back meanwhile."""
    core, health = await core_and_health(hass, cloud)
    cloud.set_fault("token_unavailable", True)
    await _expire_token(hass, cloud, freezer)
    await _minutes(hass, freezer, 16)
    assert _failing_issue(hass, health) is not None
    assert await hass.config_entries.async_set_disabled_by(
        core.entry_id, ConfigEntryDisabler.USER
    )
    await hass.async_block_till_done()
    await _minutes(hass, freezer, 30)
    assert _failing_issue(hass, health) is None
    status = health.runtime_data.source.status()
    assert status.blink_integration is BlinkIntegrationState.DISABLED
    assert status.failing_since is None


async def test_status_check_stops_with_the_entry(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
) -> None:
    """Unloaded, Blink Health checks nothing more: no repair of an entry that is not there."""
    core, health = await core_and_health(hass, cloud)
    assert await hass.config_entries.async_unload(health.entry_id)
    cloud.set_fault("token_unavailable", True)
    await _expire_token(hass, cloud, freezer)
    await _minutes(hass, freezer, 20)
    assert not core.runtime_data.last_update_success
    assert _issue_ids(hass) == set()


async def test_options_on_the_blink_session(
    hass: HomeAssistant, cloud: FakeBlinkCloud
) -> None:
    """On `blink`'s session: the failing threshold and the automatic reload (off by default)."""
    _, health = await core_and_health(hass, cloud)
    result = await hass.config_entries.options.async_init(health.entry_id)
    fields = {str(key): key for key in result["data_schema"].schema}
    assert fields.keys() >= {CONF_BLINK_FAILING_MINUTES, CONF_BLINK_AUTO_RELOAD}
    assert "scan_interval" not in fields
    suggested = {
        name: key.description["suggested_value"]
        for name, key in fields.items()
        if name != "battery_forecast"  # a section: its own fields hold the values
    }
    assert suggested[CONF_BLINK_FAILING_MINUTES] == 15
    assert suggested[CONF_BLINK_AUTO_RELOAD] is False
    result = await hass.config_entries.options.async_configure(
        result["flow_id"],
        {**suggested, CONF_BLINK_FAILING_MINUTES: 30.0, CONF_BLINK_AUTO_RELOAD: True},
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert health.options[CONF_BLINK_FAILING_MINUTES] == 30
    assert health.options[CONF_BLINK_AUTO_RELOAD] is True


@pytest.mark.parametrize(
    ("error", "kind"),
    [
        (TokenRefreshFailed(), BlinkIntegrationError.TOKEN_REFRESH_FAILED),
        (TimeoutError(), BlinkIntegrationError.TIMEOUT),
        (ClientConnectionError(), BlinkIntegrationError.CANNOT_CONNECT),
        (AttributeError("'NoneType' object has no attribute 'json'"), "cannot_connect"),
        (BlinkBadResponse(), BlinkIntegrationError.REFUSED),
        (ValueError("unexpected character"), BlinkIntegrationError.REFUSED),
        (RuntimeError("something else"), BlinkIntegrationError.UNKNOWN),
        (None, BlinkIntegrationError.UNKNOWN),
    ],
)
def test_error_kinds(error: BaseException | None, kind: str) -> None:
    """Each error `blink`'s refresh ends with is named by a kind an owner can act on."""
    assert error_kind(error) == kind


def test_error_kind_follows_the_cause() -> None:
    """An error raised from a timeout is a timeout."""
    outer = RuntimeError("refresh failed")
    outer.__cause__ = TimeoutError()
    assert error_kind(outer) is BlinkIntegrationError.TIMEOUT


async def test_a_reload_home_assistant_refuses_is_only_logged(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    caplog: pytest.LogCaptureFixture,
) -> None:
    """Reloading a disabled `blink` does nothing; a refused reload is logged without names."""
    core = await setup_core_blink(hass, cloud)
    caplog.set_level(logging.INFO, logger="custom_components.blink_health")
    with patch.object(
        hass.config_entries,
        "async_reload",
        side_effect=OperationNotAllowed(f"{ACCOUNT_EMAIL} cannot be reloaded now"),
    ):
        status = await async_reload_blink_integration(hass, core.entry_id)
    assert status.blink_integration is BlinkIntegrationState.WORKING
    assert "did not reload the Blink integration (OperationNotAllowed)" in caplog.text
    assert ACCOUNT_EMAIL not in caplog.text

    assert await hass.config_entries.async_set_disabled_by(
        core.entry_id, ConfigEntryDisabler.USER
    )
    await hass.async_block_till_done()
    status = await async_reload_blink_integration(hass, core.entry_id)
    assert status.blink_integration is BlinkIntegrationState.DISABLED
    assert core.state is ConfigEntryState.NOT_LOADED


async def test_fix_flow_of_an_entry_gone_or_a_blink_disabled(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    freezer: FrozenDateTimeFactory,
    repairs: None,
) -> None:
    """The flow aborts plainly when `blink` was disabled meanwhile, or the entry is gone."""
    core, _, issue = await _failing_for_16_minutes(hass, cloud, freezer)
    result = await start_fix_flow(hass, issue.issue_id)
    assert await hass.config_entries.async_set_disabled_by(
        core.entry_id, ConfigEntryDisabler.USER
    )
    await hass.async_block_till_done()
    result = await submit_fix_flow(hass, result["flow_id"])
    assert result["reason"] == "blink_integration_gone"

    flow = ReloadBlinkIntegrationFlow("gone", issue.issue_id)
    flow.hass = hass
    result = await flow.async_step_init()
    assert result["reason"] == "entry_removed"
