"""Fix flows: walk the owner through each repair, acting through Blink where it can, then check."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from homeassistant.components.repairs import RepairsFlow, RepairsFlowResult
from homeassistant.config_entries import ConfigEntryState
from homeassistant.helpers import issue_registry as ir
import probatio as vol

from ..const import DOMAIN
from ..texts import async_texts, camera_placeholders

if TYPE_CHECKING:
    # Type-only: the coordinator imports this package's tracker.
    from ..coordinator import BlinkHealthConfigEntry, BlinkHealthCoordinator
    from ..data import CameraView

_EMPTY = vol.Schema({})


class BlinkRepairFlow(RepairsFlow):
    """Shared parts: the entry's coordinator, the issue's values, and polling again."""

    def __init__(
        self, entry: BlinkHealthConfigEntry | None, issue_id: str, key: str
    ) -> None:
        """Remember which issue and device (by its key) this flow repairs."""
        self.entry = entry
        self.issue_id = issue_id
        self.key = key

    @property
    def coordinator(self) -> BlinkHealthCoordinator:
        """Return the entry's coordinator."""
        assert self.entry is not None  # noqa: S101 - checked by _async_loaded
        return self.entry.runtime_data

    def _loaded(self) -> bool:
        """Return whether the entry can act (loaded)."""
        return self.entry is not None and self.entry.state is ConfigEntryState.LOADED

    def _issue_open(self) -> bool:
        """Return whether the issue is still in the registry."""
        return (
            ir.async_get(self.hass).async_get_issue(DOMAIN, self.issue_id) is not None
        )

    def _placeholders(self) -> dict[str, str]:
        """Return the issue's values, refreshed from the latest poll where possible."""
        issue = ir.async_get(self.hass).async_get_issue(DOMAIN, self.issue_id)
        values = dict(issue.translation_placeholders or {}) if issue else {}
        if self._loaded():
            view = self.coordinator.data.camera(self.key)
            if view is not None:
                values.update(
                    camera_placeholders(
                        view.camera, view.verdict, async_texts(self.hass)
                    )
                )
        return values

    async def _async_poll_and_check(
        self, fixed: Callable[[CameraView], bool], *, poll: bool = True
    ) -> bool:
        """Read the camera afresh; if it passes `fixed`, close the issue and return True."""
        coordinator = self.coordinator
        if poll:
            await coordinator.async_check_camera(self.key)
        view = coordinator.data.camera(self.key)
        if coordinator.last_update_success and view is not None and fixed(view):
            coordinator.repairs.async_clear(self.issue_id)
            return True
        return False

    async def _async_poll_now(self) -> bool:
        """Poll Blink now; return whether the issue is gone afterwards."""
        await self.coordinator.async_check_camera(self.key)
        return not self._issue_open()

    def _show(
        self, step_id: str, errors: dict[str, str] | None = None
    ) -> RepairsFlowResult:
        """Show a step with no fields: its text carries the steps."""
        return self.async_show_form(
            step_id=step_id,
            data_schema=_EMPTY,
            description_placeholders=self._placeholders(),
            errors=errors,
        )

    def _not_loaded(self) -> RepairsFlowResult:
        """Abort: nothing can be checked while the entry is not loaded."""
        return self.async_abort(reason="entry_not_loaded")

    async def async_step_init(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Start at the flow's first step (the manager passes the issue here, not input)."""
        if not self._loaded():
            return self._not_loaded()
        return await self.async_step_confirm()

    async def async_step_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Show the steps; each flow decides what submitting does."""
        raise NotImplementedError


class CheckAgainFlow(BlinkRepairFlow):
    """The steps, then check again: closes only once the cause is gone."""

    _shown_answer: datetime | None = None

    async def async_step_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Show the steps; on submit, poll and close if fixed, else say it is still there."""
        judged = self._shown_answer
        self._shown_answer = self._answer_time()
        if user_input is None:
            return self._show("confirm")
        if await self._async_poll_now():
            return self.async_create_entry(data={})
        if not self.coordinator.last_update_success:
            # Nothing was checked: never say what Blink did not say.
            return self._show("confirm", {"base": "cannot_reach"})
        self._shown_answer = self._answer_time()
        if self._shown_answer == judged:
            # On the Blink integration's session, Blink may not have been asked again since
            # the owner read the step (blinkpy asks at most every 5 minutes): the same answer
            # proves nothing.
            return self._show("confirm", {"base": "no_new_answer"})
        return self._still_there()

    def _still_there(self) -> RepairsFlowResult:
        """Return what to show when a new answer found the cause still there."""
        return self._show("confirm", {"base": "still_present"})

    def _answer_time(self) -> datetime | None:
        """Return when the answer the latest poll read was made."""
        data = self.coordinator.data
        return data.snapshot.taken_at if data else None


class BatteriesFlow(BlinkRepairFlow):
    """Replace the batteries, record it, poll, and close if Blink reports them fine."""

    async def async_step_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Show the replacement steps; on submit, record the replacement and check."""
        if user_input is None:
            return self._show("confirm")
        # Recording the change reads the camera's battery afresh at once.
        await self.coordinator.async_record_batteries_replaced(self.key)
        return await self._async_recorded()

    async def _async_recorded(self) -> RepairsFlowResult:
        """Close the repair once Blink reports the new batteries fine; else say why not."""
        if await self._async_poll_and_check(
            lambda s: s.camera.battery_low is False and not s.verdict.problem,
            poll=False,
        ):
            return self.async_create_entry(data={})
        reason = (
            "battery_still_low"
            if self.coordinator.last_update_success
            else "battery_change_unchecked"
        )
        return self.async_abort(
            reason=reason, description_placeholders=self._placeholders()
        )


class BatteryDueFlow(BatteriesFlow):
    """Replace the batteries before they run out: record it, and the forecast starts afresh."""

    async def _async_recorded(self) -> RepairsFlowResult:
        """Close the repair: new batteries are not due, whatever Blink answers just now."""
        self.coordinator.repairs.async_clear(self.issue_id)
        return self.async_create_entry(data={})


class RearmFlow(BlinkRepairFlow):
    """Disarm and arm the camera again through Blink, confirm, and close."""

    async def async_step_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Explain; on submit, re-arm, poll, and close once the camera reports armed."""
        if user_input is None:
            return self._show("confirm")
        if await self.coordinator.async_rearm(
            self.key
        ) and await self._async_poll_and_check(lambda s: s.camera.armed is True):
            return self.async_create_entry(data={})
        return self._show("confirm", {"base": "rearm_failed"})


class HardwareFaultFlow(BlinkRepairFlow):
    """Soft reset, check, hard reset, check, then a summary for Blink support."""

    async def async_step_confirm(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Soft reset (keeps saved clips); record it and check again."""
        return await self._async_reset_step("confirm", "hard_reset", user_input)

    async def async_step_hard_reset(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Hard reset (erases saved data: the text says so first); check again."""
        return await self._async_reset_step("hard_reset", "support", user_input)

    async def _async_reset_step(
        self, step_id: str, next_step: str, user_input: dict[str, Any] | None
    ) -> RepairsFlowResult:
        """Show a reset step; after it, finish if healthy, wait if rebooting, else go on."""
        if user_input is None:
            return self._show(step_id)
        coordinator = self.coordinator
        await coordinator.async_record_reset(self.key)
        view = await coordinator.async_check_camera(self.key)
        # A camera still restarting is offline, which would clear the hardware issue without
        # anything being fixed: only a camera back online and healthy counts.
        if not coordinator.last_update_success:
            return self._show(step_id, {"base": "cannot_reach"})
        if view is None or not view.camera.online:
            return self._show(step_id, {"base": "offline"})
        if not view.verdict.problem:
            coordinator.repairs.async_clear(self.issue_id)
            return self.async_create_entry(data={})
        return self._show(next_step)

    async def async_step_support(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Show a summary to paste to Blink support; the issue stays until the camera is fine."""
        if user_input is None:
            return self._show("support")
        return self.async_abort(reason="support_summary_done")
