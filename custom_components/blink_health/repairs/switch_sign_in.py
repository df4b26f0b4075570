"""The repair that moves an entry off a removed Blink integration: it signs in right here.

The owner types the Blink password (and the code Blink may send) in the repair itself; the entry
keeps its cameras, history and repairs, switches to its own sign-in and reloads. Nothing expired,
so no "authentication expired" flow is started.
"""

from __future__ import annotations

from typing import Any

from aiohttp import ClientSession
from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.config_entries import ConfigEntry
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
from homeassistant.core import callback
from homeassistant.helpers.selector import (
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)
import probatio as vol

from ..blink.blink_integration import CONF_BLINK_ENTRY_ID
from ..blink.session import create_blink_session, release_blink_session
from ..blink.signed_in import (
    CONF_PIN,
    BlinkSignIn,
    async_sign_in_outcome,
    entry_data_with,
)

_PASSWORD = vol.Schema(
    {
        vol.Required(CONF_PASSWORD): TextSelector(
            TextSelectorConfig(type=TextSelectorType.PASSWORD)
        )
    }
)
_PIN = vol.Schema({vol.Required(CONF_PIN): str})


class SwitchToSignInFlow(RepairsFlow):
    """Sign the entry in to Blink on its own, the Blink integration it read being gone."""

    def __init__(self, entry_id: str) -> None:
        """Remember which Blink Health entry to switch."""
        self.entry_id = entry_id
        self._session: ClientSession | None = None
        self._sign_in: BlinkSignIn | None = None

    def _entry(self) -> ConfigEntry | None:
        """Return the entry to switch, None once it was removed."""
        return self.hass.config_entries.async_get_entry(self.entry_id)

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Start at the password."""
        return await self.async_step_confirm()

    async def async_step_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Ask for the Blink password of the entry's account, then sign in with it."""
        entry = self._entry()
        if entry is None:
            return self.async_abort(reason="entry_removed")
        errors: dict[str, str] = {}
        if user_input is not None:
            await self._async_close()
            self._session = create_blink_session(self.hass)
            self._sign_in = BlinkSignIn.start_for(
                self._session,
                entry.unique_id or "",
                str(user_input[CONF_PASSWORD]),
                hardware_id=None,
            )
            outcome = await async_sign_in_outcome(self._sign_in.async_sign_in())
            if outcome.needs_code:
                return await self.async_step_code()
            if outcome.login is not None:
                return await self._async_switch(entry, outcome.login)
            errors["base"] = outcome.error or "unknown"
        return self.async_show_form(
            step_id="confirm",
            data_schema=_PASSWORD,
            description_placeholders={"title": entry.title},
            errors=errors,
        )

    async def async_step_code(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Ask for the code Blink sent; a wrong one may be tried again."""
        entry = self._entry()
        if entry is None or self._sign_in is None:
            return self.async_abort(reason="entry_removed")
        errors: dict[str, str] = {}
        if user_input is not None:
            outcome = await async_sign_in_outcome(
                self._sign_in.async_send_code(str(user_input[CONF_PIN]).strip())
            )
            if outcome.login is not None:
                return await self._async_switch(entry, outcome.login)
            errors["base"] = outcome.error or "unknown"
        return self.async_show_form(
            step_id="code",
            data_schema=_PIN,
            description_placeholders={"username": entry.unique_id or ""},
            errors=errors,
        )

    async def _async_switch(
        self, entry: ConfigEntry, login: dict[str, Any]
    ) -> RepairsFlowResult:
        """Store the tokens (never the password), leave the Blink integration, and reload."""
        await self._async_close()
        data = entry_data_with(
            entry.data, login, **{CONF_USERNAME: entry.unique_id or ""}
        )
        data.pop(CONF_BLINK_ENTRY_ID, None)
        self.hass.config_entries.async_update_entry(entry, data=data)
        self.hass.config_entries.async_schedule_reload(entry.entry_id)
        return self.async_create_entry(data={})

    @callback
    def async_remove(self) -> None:
        """Let go of the session of a sign-in the owner abandoned."""
        release_blink_session(self._session)

    async def _async_close(self) -> None:
        """Let go of the sign-in's session."""
        release_blink_session(self._session)
        self._session = None
