"""The checks behind the rules: each reads one poll's facts and says match, no match or unknown."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum

from .facts import (
    BATTERY_CAUSES,
    BATTERY_READING_AWAITED,
    BatteryReading,
    Facts,
    fact,
    minutes_between,
)
from .history import as_utc
from .status import abnormal_status, camera_issues, in_setup_status
from .verdict import Confidence, LedState


class Outcome(StrEnum):
    """What one rule concluded."""

    MATCH = "match"
    NO_MATCH = "no_match"
    UNKNOWN = "unknown"


@dataclass(frozen=True, slots=True)
class RuleResult:
    """A rule's outcome, with the facts that led to it."""

    outcome: Outcome
    evidence: tuple[str, ...] = ()
    confidence: Confidence = Confidence.HIGH
    led_state: LedState | None = None


def matched(
    *evidence: str,
    confidence: Confidence = Confidence.HIGH,
    led_state: LedState | None = None,
) -> RuleResult:
    """Return a result saying the rule fits."""
    return RuleResult(Outcome.MATCH, evidence, confidence, led_state)


def not_matched(*evidence: str) -> RuleResult:
    """Return a result saying the rule does not fit."""
    return RuleResult(Outcome.NO_MATCH, evidence)


def undecided(*evidence: str) -> RuleResult:
    """Return a result saying the data cannot tell."""
    return RuleResult(Outcome.UNKNOWN, evidence, Confidence.LOW)


def check_setup(facts: Facts) -> RuleResult:
    """Match when the camera or its Sync Module has not finished setup."""
    camera, sync = facts.camera, facts.sync_module
    evidence: list[str] = []
    if not camera.onboarded:
        evidence.append(fact("onboarded", value=False))
    if in_setup_status(camera.status):
        evidence.append(fact("status", camera.status))
    if sync is not None:
        if not sync.onboarded:
            evidence.append(fact("sync_module_onboarded", value=False))
        if in_setup_status(sync.status):
            evidence.append(fact("sync_module_status", sync.status))
    if evidence:
        return matched(*evidence)
    return not_matched(fact("onboarded", value=True))


def check_sync_module_offline(facts: Facts) -> RuleResult:
    """Match when the Sync Module the camera hangs off is offline."""
    sync = facts.sync_module
    if sync is None:
        return not_matched("sync_module=none")
    if sync.online is None:
        return undecided(fact("sync_module_online", None))
    if sync.online:
        return not_matched(fact("sync_module_online", value=True))
    # A Mini talks to Wi-Fi itself; when its Sync Module drops, the home network usually went with it.
    led = LedState.SOLID_RED if facts.is_mini else None
    return matched(fact("sync_module_online", value=False), led_state=led)


def check_offline(facts: Facts) -> RuleResult:
    """Match when the camera is offline."""
    online = facts.camera.online
    if online is None:
        return undecided(fact("online", None))
    if online:
        return not_matched(fact("online", value=True))
    return matched(fact("online", value=False))


def check_offline_low_battery(facts: Facts) -> RuleResult:
    """Match when a battery camera went offline after its last report said the battery was low."""
    offline = check_offline(facts)
    if offline.outcome is not Outcome.MATCH:
        return offline
    if facts.last_battery is BatteryReading.LOW:
        return matched(
            fact("online", value=False),
            fact("battery_state", "low"),
            confidence=Confidence.MEDIUM,
        )
    if (
        facts.last_battery is BatteryReading.UNKNOWN
        and facts.history.last_cause in BATTERY_CAUSES
    ):
        return matched(
            fact("online", value=False),
            fact("last_cause", facts.history.last_cause),
            confidence=Confidence.MEDIUM,
        )
    return not_matched(
        fact("online", value=False), fact("battery_state", facts.last_battery)
    )


def check_wrong_battery_type(facts: Facts) -> RuleResult:
    """Match when the battery reads low although the owner replaced the batteries recently."""
    if not facts.replaced_recently:
        return not_matched("batteries_replaced_recently=false")
    replaced = fact("batteries_replaced_days_ago", facts.replaced_days_ago)
    match facts.battery:
        case BatteryReading.LOW:
            checked = facts.camera.battery_check_time
            confidence = Confidence.HIGH if checked is not None else Confidence.MEDIUM
            return matched(
                fact("battery_state", "low"), replaced, confidence=confidence
            )
        case BatteryReading.STALE_LOW:
            return undecided(
                fact("battery_state", "low"), BATTERY_READING_AWAITED, replaced
            )
        case BatteryReading.OK:
            return not_matched(fact("battery_state", "ok"), replaced)
        case _:
            return undecided(fact("battery_state", None), replaced)


def check_low_battery(facts: Facts) -> RuleResult:
    """Match when the battery reads low."""
    match facts.battery:
        case BatteryReading.LOW:
            return matched(fact("battery_state", "low"))
        case BatteryReading.STALE_LOW:
            # Blink still says low, but measured before the new batteries: say so, never "ok".
            return matched(
                fact("battery_state", "low"),
                BATTERY_READING_AWAITED,
                confidence=Confidence.LOW,
            )
        case BatteryReading.OK:
            return not_matched(fact("battery_state", "ok"))
        case _:
            return undecided(fact("battery_state", None))


def check_continuous_recording(facts: Facts) -> RuleResult:
    """Match when every poll has brought a new clip for the configured number of minutes."""
    if not facts.new_clip or facts.clip_streak_since is None:
        return not_matched(fact("new_clip", value=False))
    minutes = minutes_between(facts.clip_streak_since, facts.now)
    evidence = (fact("new_clip", value=True), fact("clip_streak_minutes", minutes))
    if minutes >= facts.thresholds.continuous_recording_minutes:
        return matched(*evidence, confidence=Confidence.MEDIUM)
    return not_matched(*evidence)


def check_recording(facts: Facts) -> RuleResult:
    """Match when a clip is being recorded now."""
    if not facts.new_clip:
        return not_matched(fact("new_clip", value=False))
    if facts.camera.motion_detected:
        return matched(fact("motion_detected", value=True))
    return matched(fact("new_clip", value=True), confidence=Confidence.MEDIUM)


def check_hardware_fault(facts: Facts) -> RuleResult:
    """Match when issues or an odd status persist past the window, or survive a reset."""
    issues = camera_issues(facts.camera)
    status = abnormal_status(facts.camera)
    if facts.abnormal_since is None:
        return not_matched("issues=none", fact("status", facts.camera.status))
    evidence = [fact("issues", "; ".join(issues), verbatim=True)] if issues else []
    if status is not None:
        evidence.append(fact("status", status))
    minutes = minutes_between(facts.abnormal_since, facts.now)
    evidence.append(fact("abnormal_minutes", minutes))
    window = timedelta(minutes=facts.thresholds.hardware_fault_minutes)
    reset_at = facts.history.reset_reported_at
    # A reset counts when the trouble was already there, or came back within the window after it.
    if reset_at is not None and facts.abnormal_since - as_utc(reset_at) <= window:
        return matched(*evidence, "reset_reported=true")
    if minutes >= facts.thresholds.hardware_fault_minutes:
        return matched(*evidence, confidence=Confidence.MEDIUM)
    return undecided(*evidence)


def check_ok(facts: Facts) -> RuleResult:
    """Match always: nothing above fired."""
    camera = facts.camera
    evidence = [fact("online", camera.online)]
    if camera.has_battery:
        evidence.append(fact("battery_state", facts.battery))
    if facts.battery_awaited:
        return matched(*evidence, BATTERY_READING_AWAITED, confidence=Confidence.MEDIUM)
    return matched(*evidence)
