"""Fix flows of the readings: a weak signal's check, and a Sync Module's local storage."""

from __future__ import annotations

from typing import Any

from homeassistant.components.repairs import RepairsFlowResult

from ..diagnosis import recovering
from .flows import CheckAgainFlow


class SignalCheckFlow(CheckAgainFlow):
    """Check again; a signal that already reads better is said to need one more reading.

    A weak signal ends only after two readings in a row clearly better than the limit, so the
    first good reading after a fix does not close the repair yet (a blip must not either).
    """

    def _still_there(self) -> RepairsFlowResult:
        """Say the signal is improving when every weak link reads better now."""
        state = self.coordinator.data.camera(self.key)
        if state is not None and recovering(
            state.history.signal, self.coordinator.thresholds
        ):
            return self._show("confirm", {"base": "signal_improving"})
        return super()._still_there()


class LocalStorageFlow(CheckAgainFlow):
    """The steps, then check again; still not working, it offers to stop watching it."""

    def _still_there(self) -> RepairsFlowResult:
        """Offer to stop watching: the owner may have stopped using local storage on purpose."""
        return self._show("stop_watching")

    async def async_step_stop_watching(
        self, user_input: dict[str, Any] | None = None
    ) -> RepairsFlowResult:
        """Forget that this module's local storage worked (its owner stopped using it); close."""
        if user_input is None:
            return self._show("stop_watching")
        await self.coordinator.local_storage.async_forget(self.key)
        self.coordinator.repairs.async_clear(self.issue_id)
        return self.async_create_entry(data={})
