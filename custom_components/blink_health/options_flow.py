"""Options: how often Blink Health polls (or how it looks after the Blink integration), thresholds.

On the Blink integration's session there is no polling to set: instead, how long that
integration may fail before its repair, and whether Blink Health reloads it by itself. The
battery forecast's options come in a folded section of their own (stored flat with the others).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from typing import Any

from homeassistant.config_entries import ConfigFlowResult, OptionsFlowWithReload
from homeassistant.data_entry_flow import section
from homeassistant.helpers.selector import (
    BooleanSelector,
    NumberSelector,
    NumberSelectorConfig,
    NumberSelectorMode,
)
import probatio as vol

from .blink.blink_integration import CONF_BLINK_ENTRY_ID
from .const import (
    CONF_BLINK_AUTO_RELOAD,
    CONF_BLINK_FAILING_MINUTES,
    CONF_DETAIL_INTERVAL,
    CONF_POLLS_BEFORE_ISSUE,
    CONF_READ_USAGE,
    CONF_SCAN_INTERVAL,
    DEFAULT_BLINK_FAILING_MINUTES,
    DEFAULT_DETAIL_INTERVAL,
    DEFAULT_POLLS_BEFORE_ISSUE,
    DEFAULT_SCAN_INTERVAL,
    MIN_SCAN_INTERVAL,
)
from .diagnosis import DEFAULT_THRESHOLDS, THRESHOLD_OPTIONS, Thresholds
from .forecast import DEFAULT_FORECAST_SETTINGS, FORECAST_OPTIONS, ForecastSettings

# Options that set how Blink Health polls: not offered when it reads the Blink integration.
_POLLING_OPTIONS = frozenset({CONF_SCAN_INTERVAL, CONF_DETAIL_INTERVAL})
# Options about the Blink integration: offered only when Blink Health reads it (reading usage
# for the forecast too: signed in, usage is always read).
_BLINK_INTEGRATION_OPTIONS = frozenset(
    {CONF_BLINK_FAILING_MINUTES, CONF_BLINK_AUTO_RELOAD, CONF_READ_USAGE}
)
# How long the Blink integration may fail before its repair, in minutes.
BLINK_FAILING_MINUTES_RANGE = (5, 1440)
# How often the Blink integration refreshes (its coordinator's fixed interval).
BLINK_INTEGRATION_REFRESH_SECONDS = 300
# The forecast's options, in a section of their own.
FORECAST_SECTION = "battery_forecast"
_FORECAST_KEYS = frozenset({CONF_READ_USAGE, *FORECAST_OPTIONS})


class BlinkHealthOptionsFlow(OptionsFlowWithReload):
    """Change how often Blink Health polls and how the LED doctor judges."""

    def _poll_seconds(self, options: Mapping[str, Any]) -> int:
        """Return how often the entry polls: its option, or the Blink integration's refresh."""
        if CONF_BLINK_ENTRY_ID in self.config_entry.data:
            return BLINK_INTEGRATION_REFRESH_SECONDS
        default = int(DEFAULT_SCAN_INTERVAL.total_seconds())
        return int(options.get(CONF_SCAN_INTERVAL, default))

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show and store the options."""
        errors: dict[str, str] = {}
        poll = self._poll_seconds(self.config_entry.options)
        current = self._current()
        if user_input is not None:
            flat = {
                **{k: v for k, v in user_input.items() if k != FORECAST_SECTION},
                **user_input.get(FORECAST_SECTION, {}),
            }
            options = {
                key: value if isinstance(value, bool) else int(value)
                for key, value in flat.items()
            }
            # A new clip at every poll for the window needs at least one poll in the window
            # (in the Blink integration's mode, a poll is its refresh, every 300 s).
            poll = self._poll_seconds(options)
            if poll > options["continuous_recording_minutes"] * 60:
                errors["continuous_recording_minutes"] = "window_shorter_than_poll"
            # A signal is judged on most of its readings in the window: it needs two at least.
            if 2 * poll > options["weak_signal_minutes"] * 60:
                errors["weak_signal_minutes"] = "signal_window_too_short"
            if not errors:
                return self.async_create_entry(data=options)
        on_blink_integration = CONF_BLINK_ENTRY_ID in self.config_entry.data
        return self.async_show_form(
            step_id="init",
            data_schema=self.add_suggested_values_to_schema(
                _options_schema(current, polling=not on_blink_integration),
                user_input or _nested(current),
            ),
            # The errors about the recording and signal windows name the least they may be.
            description_placeholders={
                "poll_minutes": str(-(-poll // 60)),
                "signal_minutes": str(-(-2 * poll // 60)),
            },
            errors=errors,
        )

    def _current(self) -> dict[str, int | bool]:
        """Return the options this entry offers, as set (defaults for those never set)."""
        on_blink_integration = CONF_BLINK_ENTRY_ID in self.config_entry.data
        offered = (
            _BLINK_INTEGRATION_OPTIONS if on_blink_integration else _POLLING_OPTIONS
        )
        hidden = (_POLLING_OPTIONS | _BLINK_INTEGRATION_OPTIONS) - offered
        return {
            key: self.config_entry.options.get(key, value)
            for key, value in _option_defaults().items()
            if key not in hidden
        }


def _number(
    minimum: float, maximum: float, unit: str = "", step: float = 1
) -> NumberSelector:
    """Return a number box."""
    config = NumberSelectorConfig(
        min=minimum, max=maximum, step=step, mode=NumberSelectorMode.BOX
    )
    if unit:
        config["unit_of_measurement"] = unit
    return NumberSelector(config)


def _option_defaults() -> dict[str, int | bool]:
    """Return every option's default."""
    return {
        CONF_BLINK_FAILING_MINUTES: DEFAULT_BLINK_FAILING_MINUTES,
        CONF_BLINK_AUTO_RELOAD: False,
        CONF_SCAN_INTERVAL: int(DEFAULT_SCAN_INTERVAL.total_seconds()),
        CONF_DETAIL_INTERVAL: int(DEFAULT_DETAIL_INTERVAL.total_seconds() // 3600),
        CONF_POLLS_BEFORE_ISSUE: DEFAULT_POLLS_BEFORE_ISSUE,
        **{name: int(getattr(DEFAULT_THRESHOLDS, name)) for name in THRESHOLD_OPTIONS},
        CONF_READ_USAGE: False,
        **{
            name: int(getattr(DEFAULT_FORECAST_SETTINGS, name))
            for name in FORECAST_OPTIONS
        },
    }


def _nested(flat: dict[str, int | bool]) -> dict[str, Any]:
    """Return options as the form holds them: the forecast's inside their section."""
    return {
        **{key: value for key, value in flat.items() if key not in _FORECAST_KEYS},
        FORECAST_SECTION: {k: v for k, v in flat.items() if k in _FORECAST_KEYS},
    }


def _forecast_section(current: dict[str, int | bool]) -> section:
    """Return the forecast's options, folded: each field keeps its value when left out."""
    boxes: dict[Any, Any] = {}
    if CONF_READ_USAGE in current:
        boxes[vol.Optional(CONF_READ_USAGE, default=current[CONF_READ_USAGE])] = (
            BooleanSelector()
        )
    for setting in fields(ForecastSettings):
        meta = setting.metadata
        boxes[vol.Optional(setting.name, default=current[setting.name])] = _number(
            meta["min"], meta["max"], meta["unit"]
        )
    return section(vol.Schema(boxes), {"collapsed": True})


def _options_schema(
    current: dict[str, int | bool], *, polling: bool = True
) -> vol.Schema:
    """Return the options form: polling or the Blink integration's care, thresholds, forecast."""
    boxes: dict[Any, Any] = {}
    if polling:
        boxes[vol.Required(CONF_SCAN_INTERVAL)] = _number(
            MIN_SCAN_INTERVAL.total_seconds(), 3600, "s", 10
        )
        boxes[vol.Required(CONF_DETAIL_INTERVAL)] = _number(1, 24, "h")
    else:
        boxes[vol.Required(CONF_BLINK_FAILING_MINUTES)] = _number(
            *BLINK_FAILING_MINUTES_RANGE, "min"
        )
        boxes[vol.Required(CONF_BLINK_AUTO_RELOAD)] = BooleanSelector()
    boxes[vol.Required(CONF_POLLS_BEFORE_ISSUE)] = _number(1, 20)
    for threshold in fields(Thresholds):
        meta = threshold.metadata
        boxes[vol.Required(threshold.name)] = _number(
            meta["min"], meta["max"], meta["unit"]
        )
    boxes[vol.Optional(FORECAST_SECTION, default={})] = _forecast_section(current)
    return vol.Schema(boxes)
