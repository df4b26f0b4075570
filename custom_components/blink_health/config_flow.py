"""Config flow: sign in (with a 2FA code when Blink asks), reauthenticate, reconfigure, options."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from aiohttp import ClientSession
from homeassistant.config_entries import (
    SOURCE_REAUTH,
    SOURCE_RECONFIGURE,
    ConfigFlow,
    ConfigFlowResult,
)
from homeassistant.const import CONF_PASSWORD, CONF_USERNAME
from homeassistant.core import callback
from homeassistant.helpers.selector import (
    SelectOptionDict,
    SelectSelector,
    SelectSelectorConfig,
    TextSelector,
    TextSelectorConfig,
    TextSelectorType,
)
import probatio as vol

from .blink.blink_integration import (
    CONF_BLINK_ENTRY_ID,
    blink_account,
    loaded_blink_entries,
)
from .blink.session import create_blink_session, release_blink_session
from .blink.signed_in import (
    CONF_PIN,
    BlinkSignIn,
    async_sign_in_outcome,
    entry_data_with,
)
from .const import CONF_HARDWARE_ID, DOMAIN
from .coordinator import BlinkHealthConfigEntry
from .options_flow import BlinkHealthOptionsFlow

_PASSWORD = TextSelector(TextSelectorConfig(type=TextSelectorType.PASSWORD))
_EMAIL = TextSelector(
    TextSelectorConfig(type=TextSelectorType.EMAIL, autocomplete="username")
)


class BlinkHealthConfigFlow(ConfigFlow, domain=DOMAIN):
    """Sign in to a Blink account."""

    VERSION = 1

    def __init__(self) -> None:
        """Start with no sign-in in progress."""
        self._username = ""
        self._session: ClientSession | None = None
        self._login: BlinkSignIn | None = None
        self._login_data: dict[str, Any] = {}
        self._sign_in_step = "user"

    @staticmethod
    @callback
    def async_get_options_flow(
        config_entry: BlinkHealthConfigEntry,
    ) -> BlinkHealthOptionsFlow:
        """Return the options flow."""
        return BlinkHealthOptionsFlow()

    async def async_step_user(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Offer the Blink integration's account when one is loaded, else ask to sign in."""
        if user_input is None and loaded_blink_entries(self.hass):
            return await self.async_step_connect()
        return await self._async_step_sign_in_form(user_input)

    async def async_step_connect(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask how to reach Blink: its own step and texts, a choice rather than a sign-in."""
        return self.async_show_menu(
            step_id="connect", menu_options=["blink_integration", "sign_in"]
        )

    async def async_step_sign_in(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the Blink account's email and password (chosen from the menu)."""
        self._sign_in_step = "sign_in"
        return await self._async_step_sign_in_form(user_input)

    async def async_step_blink_integration(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Use a loaded Blink integration entry: at once for one, after a choice for several."""
        entries = {entry.entry_id: entry for entry in loaded_blink_entries(self.hass)}
        if not entries:
            return self.async_abort(reason="blink_integration_not_loaded")
        if user_input is not None:
            chosen = entries.get(str(user_input.get(CONF_BLINK_ENTRY_ID)))
        elif len(entries) == 1:
            chosen = next(iter(entries.values()))
        else:
            chosen = None
        if chosen is None:
            options = [
                SelectOptionDict(value=entry_id, label=entry.title)
                for entry_id, entry in entries.items()
            ]
            return self.async_show_form(
                step_id="blink_integration",
                data_schema=vol.Schema(
                    {
                        vol.Required(CONF_BLINK_ENTRY_ID): SelectSelector(
                            SelectSelectorConfig(options=options)
                        )
                    }
                ),
            )
        account = blink_account(chosen)
        if account is None:
            return self.async_abort(reason="blink_integration_no_account")
        await self.async_set_unique_id(account)
        self._abort_if_unique_id_configured()
        # Titled by the account, as a signed-in entry is (the Blink integration's own title may be just "blink").
        return self.async_create_entry(
            title=account, data={CONF_BLINK_ENTRY_ID: chosen.entry_id}
        )

    async def _async_step_sign_in_form(
        self, user_input: dict[str, Any] | None
    ) -> ConfigFlowResult:
        """Show the sign-in form, or sign in with what was entered."""
        errors: dict[str, str] = {}
        if user_input is not None:
            self._username = user_input[CONF_USERNAME].strip()
            await self.async_set_unique_id(self._username.lower())
            self._abort_if_unique_id_configured()
            if result := await self._async_sign_in_step(user_input, errors):
                return result
        fields: dict[Any, Any] = {
            vol.Required(CONF_USERNAME): _EMAIL,
            vol.Required(CONF_PASSWORD): _PASSWORD,
        }
        suggested = {k: v for k, v in (user_input or {}).items() if k != CONF_PASSWORD}
        return self.async_show_form(
            step_id=self._sign_in_step,
            data_schema=self.add_suggested_values_to_schema(
                vol.Schema(fields), suggested
            ),
            errors=errors,
        )

    async def async_step_reauth(
        self, entry_data: Mapping[str, Any]
    ) -> ConfigFlowResult:
        """Start reauthentication when Blink refuses the saved tokens."""
        self._username = entry_data.get(CONF_USERNAME) or (
            self._get_reauth_entry().unique_id or ""
        )
        return await self.async_step_reauth_confirm()

    async def async_step_reauth_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the password again."""
        errors: dict[str, str] = {}
        if user_input is not None and (
            result := await self._async_sign_in_step(user_input, errors)
        ):
            return result
        return self.async_show_form(
            step_id="reauth_confirm",
            data_schema=vol.Schema({vol.Required(CONF_PASSWORD): _PASSWORD}),
            description_placeholders={"username": self._username},
            errors=errors,
        )

    async def async_step_reconfigure(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Sign in again, for example after changing the Blink password."""
        entry = self._get_reconfigure_entry()
        errors: dict[str, str] = {}
        if user_input is not None:
            self._username = user_input[CONF_USERNAME].strip()
            await self.async_set_unique_id(self._username.lower())
            self._abort_if_unique_id_mismatch(reason="account_mismatch")
            if result := await self._async_sign_in_step(user_input, errors):
                return result
        username = self._username or entry.data.get(CONF_USERNAME, "")
        schema = vol.Schema(
            {
                vol.Required(CONF_USERNAME): _EMAIL,
                vol.Required(CONF_PASSWORD): _PASSWORD,
            }
        )
        return self.async_show_form(
            step_id="reconfigure",
            data_schema=self.add_suggested_values_to_schema(
                schema, {CONF_USERNAME: username}
            ),
            errors=errors,
        )

    async def async_step_2fa(
        self, user_input: dict[str, Any] | None = None
    ) -> ConfigFlowResult:
        """Ask for the code Blink sent; a wrong code may be tried again in the same sign-in."""
        errors: dict[str, str] = {}
        if user_input is not None and self._login is not None:
            outcome = await async_sign_in_outcome(
                self._login.async_send_code(str(user_input[CONF_PIN]).strip())
            )
            if outcome.login is not None:
                self._login_data = outcome.login
                return await self._async_finish()
            errors["base"] = outcome.error or "unknown"
        return self.async_show_form(
            step_id="2fa",
            data_schema=vol.Schema({vol.Required(CONF_PIN): str}),
            description_placeholders={"username": self._username},
            errors=errors,
        )

    async def _async_sign_in_step(
        self, user_input: Mapping[str, Any], errors: dict[str, str]
    ) -> ConfigFlowResult | None:
        """Sign in with the entered password; return the next step, or None with `errors` set."""
        await self._async_close_session()
        self._session = create_blink_session(self.hass)
        self._login = BlinkSignIn.start_for(
            self._session,
            self._username,
            user_input[CONF_PASSWORD],
            self._hardware_id(),
        )
        outcome = await async_sign_in_outcome(self._login.async_sign_in())
        if outcome.needs_code:
            return await self.async_step_2fa()
        if outcome.login is None:
            errors["base"] = outcome.error or "unknown"
            return None
        self._login_data = outcome.login
        return await self._async_finish()

    def _hardware_id(self) -> str | None:
        """Return the entry's hardware id when signing in again, so Blink sees one device."""
        if self.source == SOURCE_REAUTH:
            return self._get_reauth_entry().data.get(CONF_HARDWARE_ID)
        if self.source == SOURCE_RECONFIGURE:
            return self._get_reconfigure_entry().data.get(CONF_HARDWARE_ID)
        return None

    async def _async_finish(self) -> ConfigFlowResult:
        """Store the tokens (never the password) and create or update the entry."""
        await self._async_close_session()
        if self.source in (SOURCE_REAUTH, SOURCE_RECONFIGURE):
            entry = (
                self._get_reauth_entry()
                if self.source == SOURCE_REAUTH
                else self._get_reconfigure_entry()
            )
            data = entry_data_with(
                entry.data, self._login_data, **{CONF_USERNAME: self._username}
            )
            return self.async_update_reload_and_abort(entry, data=data)
        data = entry_data_with({}, self._login_data, **{CONF_USERNAME: self._username})
        return self.async_create_entry(title=self._username, data=data)

    async def _async_close_session(self) -> None:
        """Let go of the sign-in session; the entry opens its own."""
        release_blink_session(self._session)
        self._session = None

    @callback
    def async_remove(self) -> None:
        """Let go of the session of a sign-in that was abandoned."""
        release_blink_session(self._session)
