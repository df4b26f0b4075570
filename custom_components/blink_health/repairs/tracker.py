"""Raise and clear repair issues: a device's once it held for N polls, the account's at once.

`RepairIssueTracker` is the one place that writes Blink Health's issues to Home Assistant's issue
registry, each with one data schema, firing a `blink_health_issue` event at each raise and clear.
It reads the coordinator's results (verdicts after a poll, the outage clock after a failure, the
source's status) and never the other way round.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import replace
from datetime import timedelta
from typing import Any

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers import issue_registry as ir
from homeassistant.util import dt as dt_util

from ..blink import SourceStatus
from ..blink.blink_integration import CONF_BLINK_ENTRY_ID
from ..const import DOMAIN, LOGGER
from ..diagnosis import Cause, Verdict
from ..model import AccountSnapshot
from ..runtime import Since, runtime
from ..texts import async_texts, plain_text
from .issues import (
    BLINK_INTEGRATION_CAUSES,
    AccountIssue,
    DeviceIdLookup,
    WantedIssue,
    blink_integration_issues,
    issue_id_for,
    undecided_devices,
    wanted_issues,
)
from .keep_alive import KeepAlive, async_auto_reload

EVENT_ISSUE = f"{DOMAIN}_issue"
CLOUD_UNREACHABLE_AFTER = timedelta(minutes=30)
# Issues of earlier versions, by the data key that named their entry: re-raised afresh.
_OLD_ENTRY_KEYS = ("owner_entry_id",)


class RepairIssueTracker:
    """Raise a device's issue after it held for N successful polls; clear it once it is gone."""

    def __init__(
        self, hass: HomeAssistant, entry_id: str, device_id_for: DeviceIdLookup
    ) -> None:
        """Pick up the issues this entry raised before a restart (dropping older schemas)."""
        self.hass = hass
        self.entry_id = entry_id
        config_entry = hass.config_entries.async_get_entry(entry_id)
        self._keep_alive = KeepAlive.from_options(
            config_entry.options if config_entry else {}
        )
        # On the Blink integration's session a failed read is that integration's failure: its
        # own issues say so, never "Blink cloud unreachable".
        self._on_blink_integration = (
            config_entry is not None and CONF_BLINK_ENTRY_ID in config_entry.data
        )
        self._device_id_for = device_id_for
        self._streaks: dict[str, int] = {}
        self._outages = runtime(hass).outages
        self._raised: dict[str, WantedIssue] = {}
        for (domain, issue_id), entry in list(ir.async_get(hass).issues.items()):
            data = entry.data or {}
            if domain != DOMAIN:
                continue
            if any(data.get(key) == entry_id for key in _OLD_ENTRY_KEYS) or (
                data.get("entry_id") == entry_id
                and issue_id == AccountIssue.CLOUD_UNREACHABLE
            ):
                # An earlier version's account issue: what still holds is raised again.
                ir.async_delete_issue(hass, DOMAIN, issue_id)
                continue
            if data.get("entry_id") != entry_id:
                continue
            placeholders = dict(entry.translation_placeholders or {})
            plain = {key: plain_text(value) for key, value in placeholders.items()}
            cause = str(data.get("cause", entry.translation_key))
            self._raised[issue_id] = WantedIssue(
                issue_id=issue_id,
                cause=cause,
                severity=entry.severity or ir.IssueSeverity.WARNING,
                placeholders=placeholders,
                device_id=str(data.get("device_id") or ""),
                camera=plain.get("camera"),
                translation_key=None
                if entry.translation_key == cause
                else entry.translation_key,
                fixable=bool(entry.is_fixable),
                event_data={
                    "sync_module": plain.get("sync_module"),
                    "cameras": plain.get("cameras", "").split(", "),
                }
                if cause == Cause.SYNC_MODULE_OFFLINE
                else {},
            )

    @callback
    def async_poll_succeeded(
        self,
        snapshot: AccountSnapshot,
        verdicts: Mapping[str, Verdict],
        polls_needed: int,
        extra: Mapping[str, WantedIssue] | None = None,
    ) -> None:
        """Advance every device issue's streak (`extra`: the forecast's too); no outage now."""
        self._outages.pop(self.entry_id, None)
        self._async_clear_cause(AccountIssue.CLOUD_UNREACHABLE)
        wanted = wanted_issues(
            snapshot, verdicts, self._device_id_for, async_texts(self.hass)
        ) | dict(extra or {})
        undecided = undecided_devices(snapshot, self._device_id_for)

        def held(issue_id: str) -> bool:
            """Return whether an issue is about a device this poll could not read."""
            return issue_id.rpartition("_")[2] in undecided

        for issue_id, issue in list(self._raised.items()):
            if issue.device_id and issue_id not in wanted and not held(issue_id):
                self._async_clear(issue_id)
        self._streaks = {
            **{i: streak for i, streak in self._streaks.items() if held(i)},
            **{i: self._streaks.get(i, 0) + 1 for i in wanted},
        }
        for issue_id, issue in wanted.items():
            if issue_id in self._raised or self._streaks[issue_id] >= polls_needed:
                self._async_raise(issue)

    @callback
    def async_poll_failed(self) -> None:
        """Count a failed poll: device issues stay as they are; a long outage gets its own."""
        outage = self._outages.setdefault(self.entry_id, Since.now())
        if self._on_blink_integration or outage.lasted() < CLOUD_UNREACHABLE_AFTER:
            return
        cause = AccountIssue.CLOUD_UNREACHABLE
        since = dt_util.as_local(outage.at).strftime("%H:%M")
        words = async_texts(self.hass).connection("cannot_connect")
        self._async_raise(
            WantedIssue(
                issue_id=issue_id_for(cause, self.entry_id),
                cause=cause,
                severity=ir.IssueSeverity.ERROR,
                placeholders={"since": since},
                event_data={"cause_name": words, "fix": ""},
            )
        )

    @callback
    def async_source_status(self, status: SourceStatus) -> None:
        """Raise or clear the issues the source's own state calls for; reload `blink` if due.

        Called after every poll, after every failed one, and between polls by the
        coordinator's status check (the Blink integration failing on calls no listener).
        """
        wanted = blink_integration_issues(
            status,
            self.entry_id,
            async_texts(self.hass),
            failing_after=self._keep_alive.failing_after,
            auto_reload=self._keep_alive.auto_reload,
        )
        causes: tuple[AccountIssue, ...] = BLINK_INTEGRATION_CAUSES
        if self._on_blink_integration:
            causes += (AccountIssue.CLOUD_UNREACHABLE,)
        for cause in causes:
            if issue_id_for(cause, self.entry_id) not in wanted:
                self._async_clear_cause(cause)
        for issue in wanted.values():
            self._async_raise(issue)
        async_auto_reload(self.hass, self._keep_alive, status)

    @callback
    def async_device_moved(self, old_device_id: str, new_device_id: str) -> None:
        """Re-key the issues of a device whose entities moved to another device.

        The issue is the same problem of the same camera: no event is fired, and a streak
        towards raising it carries on.
        """
        old_suffix = f"_{old_device_id}"
        for issue_id in [i for i in self._streaks if i.endswith(old_suffix)]:
            new_id = issue_id.removesuffix(old_suffix) + f"_{new_device_id}"
            self._streaks[new_id] = self._streaks.pop(issue_id)
        for issue_id, issue in list(self._raised.items()):
            if issue.device_id != old_device_id:
                continue
            moved = replace(
                issue,
                issue_id=issue_id_for(issue.cause, new_device_id),
                device_id=new_device_id,
            )
            del self._raised[issue_id]
            ir.async_delete_issue(self.hass, DOMAIN, issue_id)
            self._raised[moved.issue_id] = moved
            self._async_write(moved)

    @callback
    def async_clear(self, issue_id: str) -> None:
        """Close an issue now, for a fix flow that repaired it."""
        if issue_id in self._raised:
            self._async_clear(issue_id)
        self._streaks.pop(issue_id, None)

    def _async_clear_cause(self, cause: AccountIssue) -> None:
        """Clear one of the account's issues, if raised."""
        if (issue_id := issue_id_for(cause, self.entry_id)) in self._raised:
            self._async_clear(issue_id)

    def _async_raise(self, issue: WantedIssue) -> None:
        """Create the issue, or refresh its values; tell automations the first time."""
        known = self._raised.get(issue.issue_id)
        if known == issue:
            return
        self._raised[issue.issue_id] = issue
        self._async_write(issue)
        if known is None:
            self._async_fire(issue, "raised")

    def _async_write(self, issue: WantedIssue) -> None:
        """Write the issue to Home Assistant's issue registry."""
        ir.async_create_issue(
            self.hass,
            DOMAIN,
            issue.issue_id,
            is_fixable=issue.fixable,
            is_persistent=True,
            severity=issue.severity,
            translation_key=issue.translation_key or issue.cause,
            translation_placeholders=dict(issue.placeholders),
            data={
                "entry_id": self.entry_id,
                "cause": issue.cause,
                "device_id": issue.device_id,
            },
        )

    def _async_clear(self, issue_id: str) -> None:
        """Delete the issue and tell automations."""
        issue = self._raised.pop(issue_id)
        ir.async_delete_issue(self.hass, DOMAIN, issue_id)
        LOGGER.debug("Cleared repair issue %s", issue_id)
        self._async_fire(issue, "cleared")

    def _async_fire(self, issue: WantedIssue, action: str) -> None:
        """Fire the event automations listen for."""
        data: dict[str, Any] = {
            "entry_id": self.entry_id,
            "issue_id": issue.issue_id,
            "cause": issue.cause,
            "action": action,
            "camera": issue.camera,
            "device_id": issue.device_id or None,
            **issue.event_data,
        }
        self.hass.bus.async_fire(EVENT_ISSUE, data)
        if issue.event is not None and action == "raised":
            self.hass.bus.async_fire(issue.event, data)


@callback
def async_remove_entry_issues(hass: HomeAssistant, entry_id: str) -> None:
    """Delete every issue of a removed entry, and forget its outage."""
    registry = ir.async_get(hass)
    for (domain, issue_id), issue in list(registry.issues.items()):
        if domain == DOMAIN and (issue.data or {}).get("entry_id") == entry_id:
            ir.async_delete_issue(hass, DOMAIN, issue_id)
    runtime(hass).outages.pop(entry_id, None)
