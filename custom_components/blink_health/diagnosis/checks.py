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
from .signal import FEW_READINGS, WEAK_WIFI_DBM_MARGIN, LinkState
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
    evidence = [fact("issues", ",".join(issues))] if issues else []
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


def _signal_confidence(link: LinkState, *, measured: bool) -> Confidence:
    """Return how sure a weak link is: high on a measured signal over enough readings."""
    return (
        Confidence.HIGH
        if measured and link.readings >= FEW_READINGS
        else Confidence.MEDIUM
    )


def _wifi_evidence(facts: Facts) -> tuple[str, ...]:
    """Return the Wi-Fi values Blink reports now."""
    return tuple(
        fact(key, value)
        for key, value in (("wifi_dbm", facts.wifi_dbm), ("wifi_bars", facts.wifi_bars))
        if value is not None
    )


def _wifi_measured(facts: Facts) -> bool:
    """Return whether the dBm (not only the bars) says the Wi-Fi is weak."""
    # Once weak, the margin that keeps it weak applies to the dBm too.
    margin = WEAK_WIFI_DBM_MARGIN if facts.history.signal.wifi_weak else 0
    limit = facts.thresholds.weak_wifi_dbm + margin
    return facts.wifi_dbm is not None and facts.wifi_dbm <= limit


def check_weak_signal_both(facts: Facts) -> RuleResult:
    """Match when both the Wi-Fi and the link to the Sync Module have been weak."""
    wifi, sync = facts.wifi, facts.sync
    evidence = (
        *_wifi_evidence(facts),
        *(
            (fact("sync_signal_bars", facts.sync_bars),)
            if sync.weak is not None
            else ()
        ),
    )
    if not (wifi.weak and sync.weak):
        return not_matched(*evidence)
    return matched(
        *evidence,
        fact("wifi_weak_readings", wifi.share),
        fact("sync_weak_readings", sync.share),
        confidence=_signal_confidence(wifi, measured=_wifi_measured(facts)),
    )


def check_weak_wifi(facts: Facts) -> RuleResult:
    """Match when the Wi-Fi signal has been weak over the signal window."""
    wifi = facts.wifi
    if wifi.weak is None:
        return undecided(fact("wifi_signal", None))
    evidence = _wifi_evidence(facts)
    if not wifi.weak:
        return not_matched(*evidence)
    return matched(
        *evidence,
        fact("wifi_weak_readings", wifi.share),
        confidence=_signal_confidence(wifi, measured=_wifi_measured(facts)),
    )


def check_weak_sync_signal(facts: Facts) -> RuleResult:
    """Match when the link to the Sync Module has been weak over the signal window."""
    sync = facts.sync
    if sync.weak is None:
        return undecided(fact("sync_signal", None))
    evidence = fact("sync_signal_bars", facts.sync_bars)
    if not sync.weak:
        return not_matched(evidence)
    return matched(
        evidence,
        fact("sync_weak_readings", sync.share),
        confidence=_signal_confidence(sync, measured=True),
    )


def check_ok(facts: Facts) -> RuleResult:
    """Match always: nothing above fired."""
    camera = facts.camera
    evidence = [fact("online", camera.online)]
    if camera.has_battery:
        evidence.append(fact("battery_state", facts.battery))
    if facts.battery_awaited:
        return matched(*evidence, BATTERY_READING_AWAITED, confidence=Confidence.MEDIUM)
    return matched(*evidence)
