"""The fix flow of "The Blink integration stopped working", for an entry reading its session.

It reloads the Blink integration, waits, and says whether it came back; where that integration
needs its owner to sign in again, it says so and leads to its own re-authentication (Blink
Health never signs in in this mode).
"""

from __future__ import annotations

from typing import Any

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.config_entries import ConfigEntry, ConfigEntryState
from homeassistant.helpers import issue_registry as ir
import probatio as vol

from ..blink import BlinkIntegrationState, SourceStatus
from ..blink.blink_integration import CONF_BLINK_ENTRY_ID
from ..blink.blink_integration.status import async_reload_blink_integration
from ..const import DOMAIN
from ..texts import async_load_texts
from .issues import failing_placeholders

_EMPTY = vol.Schema({})


class ReloadBlinkIntegrationFlow(RepairsFlow):
    """Reload the Blink integration whose session this entry reads, then report the outcome."""

    def __init__(self, entry_id: str, issue_id: str) -> None:
        """Remember the Blink Health entry (by id: it may be set up again meanwhile)."""
        self.entry_id = entry_id
        self.issue_id = issue_id
        self._status: SourceStatus | None = None

    @property
    def entry(self) -> ConfigEntry | None:
        """Return the Blink Health entry, None once it was removed."""
        return self.hass.config_entries.async_get_entry(self.entry_id)

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Start at the confirmation (the manager passes the issue here, not input)."""
        return await self.async_step_confirm()

    async def async_step_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Say what happened; on submit, reload the Blink integration and wait for it."""
        entry = self.entry
        if entry is None or CONF_BLINK_ENTRY_ID not in entry.data:
            return self.async_abort(reason="entry_removed")
        if user_input is None:
            return await self._async_show_confirm()
        status = await async_reload_blink_integration(
            self.hass, str(entry.data[CONF_BLINK_ENTRY_ID])
        )
        self._status = status
        state = status.blink_integration
        placeholders = {"title": status.title}
        if state is BlinkIntegrationState.WORKING:
            await self._async_follow(entry)
            return self.async_show_form(
                step_id="back",
                data_schema=_EMPTY,
                description_placeholders=placeholders,
            )
        if state is BlinkIntegrationState.NEEDS_SIGN_IN:
            return self.async_abort(
                reason="blink_integration_sign_in",
                description_placeholders=placeholders,
            )
        if state in (BlinkIntegrationState.DISABLED, BlinkIntegrationState.REMOVED):
            return self.async_abort(reason="blink_integration_gone")
        return await self._async_show_confirm({"base": "not_back"})

    async def async_step_back(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Close the repair: the Blink integration works again."""
        return self.async_create_entry(data={})

    async def _async_show_confirm(
        self, errors: dict[str, str] | None = None
    ) -> RepairsFlowResult:
        """Show the issue's values; after a reload, its outcome's (the latest error)."""
        issue = ir.async_get(self.hass).async_get_issue(DOMAIN, self.issue_id)
        placeholders = dict(issue.translation_placeholders or {}) if issue else {}
        if self._status is not None and self._status.failing_since is not None:
            texts = await async_load_texts(self.hass)
            placeholders.update(failing_placeholders(self._status, texts))
        return self.async_show_form(
            step_id="confirm",
            data_schema=_EMPTY,
            description_placeholders=placeholders,
            errors=errors,
        )

    async def _async_follow(self, entry: ConfigEntry) -> None:
        """Have Blink Health read the Blink integration again, closing the repair.

        Loaded, it reads at once; still retrying its own set-up, it is set up again now.
        """
        if entry.state is ConfigEntryState.LOADED:
            coordinator = entry.runtime_data
            await coordinator.async_refresh()
            coordinator.repairs.async_clear(self.issue_id)
        elif entry.state is ConfigEntryState.SETUP_RETRY:
            self.hass.config_entries.async_schedule_reload(entry.entry_id)
