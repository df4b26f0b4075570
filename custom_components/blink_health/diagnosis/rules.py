"""The rules, one per situation, listed in the order the engine tries them."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from ..model import CameraKind, CameraSnapshot
from .checks import (
    RuleResult,
    check_continuous_recording,
    check_hardware_fault,
    check_low_battery,
    check_offline,
    check_offline_low_battery,
    check_ok,
    check_recording,
    check_setup,
    check_sync_module_offline,
    check_wrong_battery_type,
)
from .signal_checks import (
    check_weak_signal_both,
    check_weak_sync_signal,
    check_weak_wifi,
)
from .verdict import Cause, Fix, LedState

if TYPE_CHECKING:
    from collections.abc import Callable

    from .facts import Facts


def _any_camera(_camera: CameraSnapshot) -> bool:
    """Return True: the rule applies to every model."""
    return True


def _battery_powered(camera: CameraSnapshot) -> bool:
    """Return whether the model runs on batteries; a Mini never does."""
    return camera.has_battery


def _mini(camera: CameraSnapshot) -> bool:
    """Return whether the camera is a Mini."""
    return camera.kind is CameraKind.MINI


def _not_mini(camera: CameraSnapshot) -> bool:
    """Return whether the camera is anything but a Mini."""
    return camera.kind is not CameraKind.MINI


def _sync_linked(camera: CameraSnapshot) -> bool:
    """Return whether the camera talks to a Sync Module over its own radio (a Mini never does)."""
    return camera.sync_module_key is not None and camera.kind is not CameraKind.MINI


def model_shows(camera: CameraSnapshot, led: LedState) -> bool:
    """Return whether this model has that light pattern at all."""
    if led is LedState.SOLID_RED:  # the guide: solid red is the Mini's alone
        return camera.kind is CameraKind.MINI
    if led is LedState.RED_SIX_FLASHES:  # the low-battery pattern needs batteries
        return camera.has_battery
    return True


# For a pattern a model never shows, the ones it does show that an owner most likely saw instead.
NEAREST_LEDS: dict[LedState, tuple[LedState, ...]] = {
    LedState.SOLID_RED: (LedState.BLINKING_RED, LedState.RED_WHILE_RECORDING),
    LedState.RED_SIX_FLASHES: (LedState.BLINKING_RED, LedState.RED_WHILE_RECORDING),
}


@dataclass(frozen=True, slots=True, kw_only=True)
class Rule:
    """One situation: when it applies, what it concludes, what the LED shows and what fixes it."""

    name: str
    cause: Cause
    led_state: LedState
    fixes: tuple[Fix, ...]
    position_reason: str
    check: Callable[[Facts], RuleResult]
    applies: Callable[[CameraSnapshot], bool] = _any_camera
    also_shows: frozenset[LedState] = field(default_factory=frozenset)

    @property
    def leds(self) -> frozenset[LedState]:
        """Return every LED pattern this situation can produce."""
        return self.also_shows | {self.led_state}


RULES: tuple[Rule, ...] = (
    Rule(
        name="setup_incomplete",
        cause=Cause.SETUP_INCOMPLETE,
        # The guide: a camera whose setup is unfinished blinks red, even mounted; blue only means
        # "ready to start setup", before the cloud knows the camera, so red is the likelier sight.
        led_state=LedState.BLINKING_RED,
        also_shows=frozenset({LedState.BLINKING_BLUE}),
        fixes=(Fix.COMPLETE_SETUP, Fix.CHECK_WIFI_CONNECTION, Fix.SOFT_RESET),
        position_reason="Nothing else can be judged until setup is done, and an unfinished camera reports odd values.",
        check=check_setup,
    ),
    Rule(
        name="sync_module_offline",
        cause=Cause.SYNC_MODULE_OFFLINE,
        led_state=LedState.BLINKING_RED,
        also_shows=frozenset({LedState.SOLID_RED}),
        fixes=(
            Fix.RESTART_SYNC_MODULE,
            Fix.CHECK_WIFI_CONNECTION,
            Fix.CHECK_INTERNET_SPEED,
        ),
        position_reason="A Sync Module outage cuts off every camera on it, so one fix clears them all.",
        check=check_sync_module_offline,
    ),
    Rule(
        name="offline_low_battery",
        cause=Cause.LOW_BATTERY,
        led_state=LedState.OFF,
        also_shows=frozenset({LedState.RED_SIX_FLASHES}),
        fixes=(Fix.REPLACE_BATTERIES, Fix.USE_LITHIUM_AA),
        position_reason="A camera that drops offline right after reporting a low battery has most likely run flat.",
        check=check_offline_low_battery,
        applies=_battery_powered,
    ),
    Rule(
        name="mini_offline",
        cause=Cause.WIFI_DISCONNECTED,
        led_state=LedState.SOLID_RED,
        also_shows=frozenset({LedState.OFF}),
        fixes=(
            Fix.RECONNECT_MINI_WIFI,
            Fix.CHECK_INTERNET_SPEED,
            Fix.CHECK_WIFI_CONNECTION,
        ),
        position_reason="An offline camera cannot report anything newer, so every later rule would read stale data.",
        check=check_offline,
        applies=_mini,
    ),
    Rule(
        name="camera_offline",
        cause=Cause.WIFI_DISCONNECTED,
        led_state=LedState.BLINKING_RED,
        also_shows=frozenset({LedState.OFF}),
        fixes=(
            Fix.CHECK_WIFI_CONNECTION,
            Fix.CHECK_INTERNET_SPEED,
            Fix.IMPROVE_WIFI_SIGNAL,
            Fix.SOFT_RESET,
        ),
        position_reason="An offline camera cannot report anything newer, so every later rule would read stale data.",
        check=check_offline,
        applies=_not_mini,
    ),
    Rule(
        name="wrong_battery_type",
        cause=Cause.WRONG_BATTERY_TYPE,
        led_state=LedState.RED_SIX_FLASHES,
        also_shows=frozenset({LedState.OFF}),
        fixes=(Fix.USE_LITHIUM_AA, Fix.REPLACE_BATTERIES),
        position_reason="It is the more specific reading of a low battery, so it must be tried before plain low battery.",
        check=check_wrong_battery_type,
        applies=_battery_powered,
    ),
    Rule(
        name="low_battery",
        cause=Cause.LOW_BATTERY,
        led_state=LedState.RED_SIX_FLASHES,
        also_shows=frozenset({LedState.OFF}),
        fixes=(Fix.REPLACE_BATTERIES, Fix.USE_LITHIUM_AA),
        position_reason="A flat battery produces its own red pattern and will soon stop everything below.",
        check=check_low_battery,
        applies=_battery_powered,
    ),
    Rule(
        name="continuous_recording",
        cause=Cause.CONTINUOUS_RECORDING,
        led_state=LedState.RED_WHILE_RECORDING,
        fixes=(Fix.DISARM_AND_REARM, Fix.SOFT_RESET, Fix.CONTACT_SUPPORT),
        position_reason="It is the stuck form of recording, so it must be tried before a single recording.",
        check=check_continuous_recording,
    ),
    Rule(
        name="recording",
        cause=Cause.RECORDING,
        led_state=LedState.RED_WHILE_RECORDING,
        fixes=(),
        position_reason="A red light during a clip is normal and explains the light better than any fault below.",
        check=check_recording,
    ),
    Rule(
        name="hardware_fault",
        cause=Cause.HARDWARE_FAULT,
        led_state=LedState.BLINKING_RED,
        fixes=(Fix.SOFT_RESET, Fix.HARD_RESET, Fix.CONTACT_SUPPORT),
        position_reason="The guide blames hardware only once setup, Wi-Fi, battery and recording are ruled out.",
        check=check_hardware_fault,
    ),
    # A weak signal leaves the light as it is: two radio links, one light, so one cause. Which
    # link is weak refines the advice (the fixes, the repair's steps), not the cause: `weak_wifi`
    # stays the id of every weak-signal verdict, so automations on it keep working and now also
    # hear of a weak Sync Module link. Its name says "weak signal"; the repair names the link.
    Rule(
        name="weak_signal_both",
        cause=Cause.WEAK_WIFI,
        led_state=LedState.SOLID_GREEN,
        fixes=(Fix.MOVE_CAMERA, Fix.IMPROVE_WIFI_SIGNAL, Fix.MOVE_SYNC_MODULE),
        position_reason="A weak signal still works, so it only matters when nothing worse is going on. With both links weak the camera's spot is what they share, so this refinement of weak_wifi is tried before either link alone.",
        check=check_weak_signal_both,
        applies=_sync_linked,
    ),
    Rule(
        name="weak_wifi",
        cause=Cause.WEAK_WIFI,
        led_state=LedState.SOLID_GREEN,
        also_shows=frozenset({LedState.SOLID_RED}),
        fixes=(Fix.IMPROVE_WIFI_SIGNAL, Fix.CHECK_INTERNET_SPEED),
        position_reason="A weak signal still works, so it only matters when nothing worse is going on. Weak Wi-Fi with a good Sync Module link is the router's side (router or extender); Wi-Fi carries the clips, so it is tried before the Sync Module link.",
        check=check_weak_wifi,
    ),
    Rule(
        name="weak_sync_signal",
        cause=Cause.WEAK_WIFI,
        led_state=LedState.SOLID_GREEN,
        fixes=(Fix.MOVE_SYNC_MODULE,),
        position_reason="A weak signal still works, so it only matters when nothing worse is going on. A weak Sync Module link with good Wi-Fi is the same light and the same weak_wifi cause, refined: the fix is the Sync Module's place (move it closer or add one), never the router.",
        check=check_weak_sync_signal,
        applies=_sync_linked,
    ),
    Rule(
        name="ok",
        cause=Cause.OK,
        led_state=LedState.SOLID_GREEN,
        fixes=(),
        position_reason="The fallback: nothing in the telemetry points at a problem.",
        check=check_ok,
    ),
)


def fixes_for(cause: Cause) -> tuple[Fix, ...]:
    """Return the fixes of the first rule that concludes `cause` (the ones a verdict gives)."""
    return next((rule.fixes for rule in RULES if rule.cause is cause), ())
