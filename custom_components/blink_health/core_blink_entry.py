"""Home Assistant's `blink` entries as Blink Health finds them, and this mode's repair issues."""

from __future__ import annotations

from homeassistant.config_entries import ConfigEntry
from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir

from .blink_answers import as_str
from .const import DOMAIN

CORE_DOMAIN = "blink"
CONF_BLINK_ENTRY_ID = "blink_entry_id"
ISSUE_CORE_REAUTH = "core_reauth_required"
ISSUE_CORE_REMOVED = "core_entry_removed"


def core_issue_id(cause: str, entry_id: str) -> str:
    """Return the id of one of this mode's repair issues for a Blink Health entry."""
    return f"{cause}_{entry_id}"


def loaded_core_entries(hass: HomeAssistant) -> list[ConfigEntry]:
    """Return the loaded entries of Home Assistant's `blink` integration."""
    try:
        return list(hass.config_entries.async_loaded_entries(CORE_DOMAIN))
    except Exception:  # noqa: BLE001 - not a public contract; nothing found is the safe answer
        return []


def core_account(entry: ConfigEntry) -> str | None:
    """Return the account (lowercased username) of a core `blink` entry."""
    account = as_str(entry.unique_id) or as_str(entry.data.get("username"))
    return account.lower() if account else None


@callback
def async_raise_core_removed(hass: HomeAssistant, owner_entry_id: str) -> None:
    """Raise the repair that offers Blink Health's own sign-in after core's entry went."""
    ir.async_create_issue(
        hass,
        DOMAIN,
        core_issue_id(ISSUE_CORE_REMOVED, owner_entry_id),
        is_fixable=True,
        is_persistent=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key=ISSUE_CORE_REMOVED,
        data={"cause": ISSUE_CORE_REMOVED, "owner_entry_id": owner_entry_id},
    )


@callback
def async_update_core_reauth_issue(
    hass: HomeAssistant, owner_entry_id: str, *, needs_sign_in: bool, title: str
) -> None:
    """Raise one repair while core waits for its owner to sign in; clear it once core works."""
    issue_id = core_issue_id(ISSUE_CORE_REAUTH, owner_entry_id)
    if not needs_sign_in:
        ir.async_delete_issue(hass, DOMAIN, issue_id)
        return
    ir.async_create_issue(
        hass,
        DOMAIN,
        issue_id,
        is_fixable=False,
        severity=ir.IssueSeverity.ERROR,
        translation_key=ISSUE_CORE_REAUTH,
        translation_placeholders={"title": title},
        data={"cause": ISSUE_CORE_REAUTH, "owner_entry_id": owner_entry_id},
    )
