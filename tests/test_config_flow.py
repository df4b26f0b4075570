"""Every config flow path, through real blinkpy against the fake cloud."""

from __future__ import annotations

import logging
from unittest.mock import patch
import uuid

from homeassistant.config_entries import SOURCE_USER
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
from homeassistant.core import HomeAssistant
from homeassistant.data_entry_flow import FlowResultType, InvalidData
from homeassistant.setup import async_setup_component
import pytest
from pytest_homeassistant_custom_component.common import MockConfigEntry
from syrupy.assertion import SnapshotAssertion
from syrupy.filters import props

from blink_sim.cloud import FakeBlinkCloud
from custom_components.blink_health.const import (
    CONF_SCAN_INTERVAL,
    DOMAIN,
)

from .conftest import ACCOUNT_EMAIL, ACCOUNT_PASSWORD, HARDWARE_ID

DEFAULT_OPTIONS = {
    CONF_SCAN_INTERVAL: 300,
    "detail_refresh_hours": 3,
    "polls_before_issue": 2,
    "battery_replacement_window_days": 14,
    "continuous_recording_minutes": 10,
    "hardware_fault_minutes": 30,
    "weak_wifi_dbm": -80,
    "weak_wifi_bars": 1,
    "weak_sync_signal_bars": 1,
    "weak_signal_minutes": 60,
    "cold_battery_celsius": 0,
}
CREDENTIALS = {CONF_USERNAME: "Owner@Example.com", CONF_PASSWORD: ACCOUNT_PASSWORD}


@pytest.fixture(autouse=True)
def no_setup_after_flow():
    """Keep flow tests to the flow: creating an entry does not set it up."""
    with patch(
        "custom_components.blink_health.async_setup_entry", return_value=True
    ) as mock:
        yield mock


async def _start(hass: HomeAssistant):
    """Open the user step."""
    return await hass.config_entries.flow.async_init(
        DOMAIN, context={"source": SOURCE_USER}
    )


async def _start_two_factor(hass: HomeAssistant, cloud: FakeBlinkCloud):
    """Sign in to a 2FA account and stop at the code step."""
    cloud.account["two_factor"] = True
    result = await _start(hass)
    return await hass.config_entries.flow.async_configure(
        result["flow_id"], CREDENTIALS
    )


def _assert_stored_entry(result, cloud: FakeBlinkCloud) -> None:
    """Check what a successful sign-in stores: tokens and a UUID hardware id, no password."""
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert result["title"] == "Owner@Example.com"
    assert result["result"].unique_id == "owner@example.com"
    data = result["data"]
    assert CONF_PASSWORD not in data
    assert data[CONF_USERNAME] == "Owner@Example.com"
    assert data["refresh_token"] in cloud.refresh_tokens
    assert data["region_id"] == cloud.account["region"]
    assert uuid.UUID(data["hardware_id"])


async def test_user_success(
    hass: HomeAssistant, cloud: FakeBlinkCloud, snapshot: SnapshotAssertion
) -> None:
    """Email and password sign in and create the entry."""
    result = await _start(hass)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "user"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], CREDENTIALS
    )
    _assert_stored_entry(result, cloud)
    assert cloud.codes_sent == 0
    # Tokens and the hardware id are new at every sign-in; the rest is what the entry holds.
    assert result == snapshot(
        exclude=props(
            "flow_id",
            "result",
            "token",
            "refresh_token",
            "hardware_id",
            "expiration_date",
            "uid",
        )
    )


async def test_two_factor_wrong_code_then_right(
    hass: HomeAssistant, cloud: FakeBlinkCloud
) -> None:
    """A wrong code shows an error and stays on the 2FA step; the right one finishes."""
    result = await _start_two_factor(hass, cloud)
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "2fa"

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"pin": "000000"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["step_id"] == "2fa"
    assert result["errors"] == {"base": "invalid_2fa_code"}

    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"pin": cloud.account["pin"]}
    )
    _assert_stored_entry(result, cloud)
    # One code sent for the whole sign-in: the retry reused the same session.
    assert cloud.codes_sent == 1


async def test_two_factor_success(hass: HomeAssistant, cloud: FakeBlinkCloud) -> None:
    """The right code at once finishes the sign-in."""
    result = await _start_two_factor(hass, cloud)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"pin": cloud.account["pin"]}
    )
    _assert_stored_entry(result, cloud)


@pytest.mark.parametrize(
    ("fault", "error"),
    [("down", "cannot_connect"), ("server_error_text", "cannot_connect")],
)
async def test_two_factor_errors(
    hass: HomeAssistant, cloud: FakeBlinkCloud, fault: str, error: str
) -> None:
    """The cloud failing during the 2FA step shows an error and keeps the step."""
    result = await _start_two_factor(hass, cloud)
    cloud.set_fault(fault, True)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"pin": cloud.account["pin"]}
    )
    assert result["step_id"] == "2fa"
    assert result["errors"] == {"base": error}
    cloud.set_fault(fault, False)


async def test_two_factor_unknown_error(
    hass: HomeAssistant, cloud: FakeBlinkCloud
) -> None:
    """An unexpected error in the 2FA step is reported as unknown."""
    result = await _start_two_factor(hass, cloud)
    with patch(
        "blinkpy.auth.Auth.complete_2fa_login", side_effect=RuntimeError("boom")
    ):
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], {"pin": cloud.account["pin"]}
        )
    assert result["errors"] == {"base": "unknown"}


async def test_invalid_auth_then_success(
    hass: HomeAssistant, cloud: FakeBlinkCloud
) -> None:
    """A wrong password shows invalid_auth, keeps the email, and can be corrected."""
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {**CREDENTIALS, CONF_PASSWORD: "wrong"}
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {"base": "invalid_auth"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], CREDENTIALS
    )
    _assert_stored_entry(result, cloud)


@pytest.mark.parametrize("fault", ["down", "timeout", "unavailable"])
async def test_cannot_connect(
    hass: HomeAssistant, cloud: FakeBlinkCloud, fault: str
) -> None:
    """The cloud unreachable or failing shows cannot_connect."""
    cloud.set_fault(fault, True)
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], CREDENTIALS
    )
    assert result["errors"] == {"base": "cannot_connect"}


async def test_unknown_error(hass: HomeAssistant, cloud: FakeBlinkCloud) -> None:
    """An unexpected error shows unknown."""
    result = await _start(hass)
    with patch("blinkpy.auth.Auth.startup", side_effect=RuntimeError("boom")):
        result = await hass.config_entries.flow.async_configure(
            result["flow_id"], CREDENTIALS
        )
    assert result["errors"] == {"base": "unknown"}


async def test_already_configured(
    hass: HomeAssistant, cloud: FakeBlinkCloud, mock_config_entry: MockConfigEntry
) -> None:
    """The same account (any letter case) cannot be added twice."""
    mock_config_entry.add_to_hass(hass)
    result = await _start(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], CREDENTIALS
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "already_configured"


async def test_abandoned_flow_closes_its_session(
    hass: HomeAssistant, cloud: FakeBlinkCloud
) -> None:
    """A sign-in abandoned at the 2FA step closes its HTTP session."""
    result = await _start_two_factor(hass, cloud)
    flow = hass.config_entries.flow._progress[result["flow_id"]]
    session = flow._session
    hass.config_entries.flow.async_abort(result["flow_id"])
    await hass.async_block_till_done()
    assert session.closed


async def test_reauth(
    hass: HomeAssistant, cloud: FakeBlinkCloud, mock_config_entry: MockConfigEntry
) -> None:
    """Reauthentication asks for the password (and a code) and keeps the hardware id."""
    mock_config_entry.add_to_hass(hass)
    cloud.account["two_factor"] = True
    result = await mock_config_entry.start_reauth_flow(hass)
    assert result["step_id"] == "reauth_confirm"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PASSWORD: "wrong"}
    )
    assert result["errors"] == {"base": "invalid_auth"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_PASSWORD: ACCOUNT_PASSWORD}
    )
    assert result["step_id"] == "2fa"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {"pin": cloud.account["pin"]}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reauth_successful"
    assert CONF_PASSWORD not in mock_config_entry.data
    assert mock_config_entry.data["hardware_id"] == HARDWARE_ID
    assert mock_config_entry.data["refresh_token"] in cloud.refresh_tokens


async def test_reconfigure(
    hass: HomeAssistant, cloud: FakeBlinkCloud, mock_config_entry: MockConfigEntry
) -> None:
    """Reconfiguring signs in again to the same account."""
    mock_config_entry.add_to_hass(hass)
    result = await mock_config_entry.start_reconfigure_flow(hass)
    assert result["step_id"] == "reconfigure"
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_USERNAME: ACCOUNT_EMAIL, CONF_PASSWORD: "wrong"}
    )
    assert result["errors"] == {"base": "invalid_auth"}
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"],
        {CONF_USERNAME: ACCOUNT_EMAIL, CONF_PASSWORD: ACCOUNT_PASSWORD},
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "reconfigure_successful"
    assert CONF_PASSWORD not in mock_config_entry.data


async def test_reconfigure_other_account(
    hass: HomeAssistant, cloud: FakeBlinkCloud, mock_config_entry: MockConfigEntry
) -> None:
    """Reconfiguring cannot switch to another account."""
    mock_config_entry.add_to_hass(hass)
    result = await mock_config_entry.start_reconfigure_flow(hass)
    result = await hass.config_entries.flow.async_configure(
        result["flow_id"], {CONF_USERNAME: "someone@else.com", CONF_PASSWORD: "x"}
    )
    assert result["type"] is FlowResultType.ABORT
    assert result["reason"] == "account_mismatch"


async def test_options(hass: HomeAssistant, mock_config_entry: MockConfigEntry) -> None:
    """The poll interval, the repair delay and the diagnosis thresholds are options."""
    mock_config_entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    assert result["step_id"] == "init"
    options = {
        CONF_SCAN_INTERVAL: 600,
        "detail_refresh_hours": 6,
        "polls_before_issue": 3,
        "battery_replacement_window_days": 21,
        "continuous_recording_minutes": 15,
        "hardware_fault_minutes": 45,
        "weak_wifi_dbm": -85,
        "weak_wifi_bars": 2,
        "weak_sync_signal_bars": 2,
        "weak_signal_minutes": 90,
        "cold_battery_celsius": -5,
    }
    forecast = {
        "budget_first_generation_seconds": 30_000,
        "budget_xt2_seconds": 60_000,
        "budget_outdoor_seconds": 45_000,
        "budget_doorbell_seconds": 50_000,
        "battery_due_days": 21,
    }
    schema = result["data_schema"].schema
    section = next(value for key, value in schema.items() if key == "battery_forecast")
    in_section = {str(key) for key in section.schema.schema}
    assert "read_usage" not in in_section, "signed in, usage is always read"
    assert "budget_outdoor_seconds" in in_section
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**options, "battery_forecast": forecast}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    # The forecast's section is stored flat with the other options.
    assert mock_config_entry.options == {**options, **forecast}


async def test_options_forecast_section_keeps_values(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """Left out (a client that sends no section), the forecast's options keep their values."""
    mock_config_entry.add_to_hass(hass)
    hass.config_entries.async_update_entry(
        mock_config_entry, options={**DEFAULT_OPTIONS, "battery_due_days": 30}
    )
    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], DEFAULT_OPTIONS
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY
    assert mock_config_entry.options["battery_due_days"] == 30
    assert mock_config_entry.options["budget_outdoor_seconds"] == 54_000


async def test_options_budget_range(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """A budget outside 10,000 to 400,000 seconds is refused."""
    mock_config_entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    with pytest.raises(InvalidData):
        await hass.config_entries.options.async_configure(
            result["flow_id"],
            {**DEFAULT_OPTIONS, "battery_forecast": {"budget_outdoor_seconds": 500}},
        )


async def test_options_minimum_interval(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """A poll interval under 60 seconds is refused: Blink locks accounts that poll too much."""
    mock_config_entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    with pytest.raises(InvalidData):
        await hass.config_entries.options.async_configure(
            result["flow_id"],
            {**DEFAULT_OPTIONS, CONF_SCAN_INTERVAL: 30},
        )


async def test_options_recording_window_covers_a_poll(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """A stuck-recording window shorter than the poll interval could never fire: refused."""
    mock_config_entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    options = {**DEFAULT_OPTIONS, CONF_SCAN_INTERVAL: 900}
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], options
    )
    assert result["type"] is FlowResultType.FORM
    assert result["errors"] == {
        "continuous_recording_minutes": "window_shorter_than_poll"
    }
    # The error names the least the window may be: the poll interval, in minutes.
    assert result["description_placeholders"]["poll_minutes"] == "15"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**options, "continuous_recording_minutes": 15}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


async def test_options_signal_window_holds_two_polls(
    hass: HomeAssistant, mock_config_entry: MockConfigEntry
) -> None:
    """A signal window shorter than two polls could judge only one reading: refused."""
    mock_config_entry.add_to_hass(hass)
    result = await hass.config_entries.options.async_init(mock_config_entry.entry_id)
    options = {
        **DEFAULT_OPTIONS,
        CONF_SCAN_INTERVAL: 900,
        "continuous_recording_minutes": 15,
    }
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**options, "weak_signal_minutes": 20}
    )
    assert result["errors"] == {"weak_signal_minutes": "signal_window_too_short"}
    assert result["description_placeholders"]["signal_minutes"] == "30"
    result = await hass.config_entries.options.async_configure(
        result["flow_id"], {**options, "weak_signal_minutes": 30}
    )
    assert result["type"] is FlowResultType.CREATE_ENTRY


@pytest.mark.parametrize("step", ["password", "code"])
async def test_an_owners_typo_is_no_error_in_the_log(
    hass: HomeAssistant,
    cloud: FakeBlinkCloud,
    caplog: pytest.LogCaptureFixture,
    step: str,
) -> None:
    """A wrong password or code is told in the form; the log shows nothing at WARNING or above.

    blinkpy logs a refused sign-in as errors; during the form's sign-in they are DEBUG lines.
    """
    await async_setup_component(hass, "logger", {"logger": {"default": "info"}})
    if step == "code":
        cloud.account["two_factor"] = True
    caplog.clear()
    result = await _start(hass)
    with caplog.at_level(logging.INFO):
        if step == "password":
            result = await hass.config_entries.flow.async_configure(
                result["flow_id"], {**CREDENTIALS, CONF_PASSWORD: "wrong"}
            )
            assert result["errors"] == {"base": "invalid_auth"}
        else:
            result = await hass.config_entries.flow.async_configure(
                result["flow_id"], CREDENTIALS
            )
            result = await hass.config_entries.flow.async_configure(
                result["flow_id"], {"pin": "000000"}
            )
            assert result["errors"] == {"base": "invalid_2fa_code"}
    loud = [
        r
        for r in caplog.records
        if r.levelno >= logging.WARNING and r.name.startswith(("blinkpy", "custom_"))
    ]
    assert loud == [], [r.getMessage() for r in loud]
