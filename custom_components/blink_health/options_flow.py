"""Options: how often Blink Health polls (or how it looks after the Blink integration), thresholds.

On the Blink integration's session there is no polling to set: instead, how long that
integration may fail before its repair, and whether Blink Health reloads it by itself.
"""

from __future__ import annotations

from dataclasses import fields
from typing import Any

from homeassistant.config_entries import ConfigFlowResult, OptionsFlowWithReload
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
    CONF_SCAN_INTERVAL,
    DEFAULT_BLINK_FAILING_MINUTES,
    DEFAULT_DETAIL_INTERVAL,
    DEFAULT_SCAN_INTERVAL,
    MIN_SCAN_INTERVAL,
)
from .diagnosis import DEFAULT_THRESHOLDS, THRESHOLD_OPTIONS, Thresholds
from .repairs.tracker import DEFAULT_POLLS_BEFORE_ISSUE

# Options that set how Blink Health polls: not offered when it reads the Blink integration.
_POLLING_OPTIONS = frozenset({CONF_SCAN_INTERVAL, CONF_DETAIL_INTERVAL})
# Options about the Blink integration: offered only when Blink Health reads it.
_BLINK_INTEGRATION_OPTIONS = frozenset(
    {CONF_BLINK_FAILING_MINUTES, CONF_BLINK_AUTO_RELOAD}
)
# How long the Blink integration may fail before its repair, in minutes.
BLINK_FAILING_MINUTES_RANGE = (5, 1440)
# How often the Blink integration refreshes (its coordinator's fixed interval).
CORE_REFRESH_SECONDS = 300


class BlinkHealthOptionsFlow(OptionsFlowWithReload):
    """Change how often Blink Health polls and how the LED doctor judges."""

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Show and store the options."""
        errors: dict[str, str] = {}
        poll = int(
            self.config_entry.options.get(CONF_SCAN_INTERVAL, CORE_REFRESH_SECONDS)
        )
        if user_input is not None:
            options = {
                key: value if isinstance(value, bool) else int(value)
                for key, value in user_input.items()
            }
            # A new clip at every poll for the window needs at least one poll in the window
            # (in the Blink integration's mode, a poll is its refresh, every 300 s).
            poll = options.get(CONF_SCAN_INTERVAL, CORE_REFRESH_SECONDS)
            if poll > options["continuous_recording_minutes"] * 60:
                errors["continuous_recording_minutes"] = "window_shorter_than_poll"
            # A signal is judged on most of its readings in the window: it needs two at least.
            if 2 * poll > options["weak_signal_minutes"] * 60:
                errors["weak_signal_minutes"] = "signal_window_too_short"
            if not errors:
                return self.async_create_entry(data=options)
        on_blink_integration = CONF_BLINK_ENTRY_ID in self.config_entry.data
        offered = (
            _BLINK_INTEGRATION_OPTIONS if on_blink_integration else _POLLING_OPTIONS
        )
        hidden = (_POLLING_OPTIONS | _BLINK_INTEGRATION_OPTIONS) - offered
        current = {
            key: self.config_entry.options.get(key, value)
            for key, value in _option_defaults().items()
            if key not in hidden
        }
        return self.async_show_form(
            step_id="init",
            data_schema=self.add_suggested_values_to_schema(
                _options_schema(polling=not on_blink_integration), user_input or current
            ),
            # The errors about the recording and signal windows name the least they may be.
            description_placeholders={
                "poll_minutes": str(-(-poll // 60)),
                "signal_minutes": str(-(-2 * poll // 60)),
            },
            errors=errors,
        )


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
    }


def _options_schema(*, polling: bool = True) -> vol.Schema:
    """Return the options form: polling, or the Blink integration's care; then thresholds."""
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
    return vol.Schema(boxes)
