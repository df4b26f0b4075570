"""The checks of the two radio links: Wi-Fi, the link to the Sync Module, or both weak.

Each says match, no match or unknown, as every check does (`checks.py`); `signal.py` judges the
links over the signal window.
"""

from __future__ import annotations

from .checks import RuleResult, matched, not_matched, undecided
from .facts import Facts, fact
from .signal import FEW_READINGS, WEAK_WIFI_DBM_MARGIN, LinkState
from .verdict import Confidence


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


def _check_link(
    link: LinkState,
    evidence: tuple[str, ...],
    *,
    unknown: str,
    share_key: str,
    measured: bool,
) -> RuleResult:
    """Return whether one link has been weak: unknown when not reported, the share when weak."""
    if link.weak is None:
        return undecided(unknown)
    if not link.weak:
        return not_matched(*evidence)
    return matched(
        *evidence,
        fact(share_key, link.share),
        confidence=_signal_confidence(link, measured=measured),
    )


def check_weak_wifi(facts: Facts) -> RuleResult:
    """Match when the Wi-Fi signal has been weak over the signal window."""
    return _check_link(
        facts.wifi,
        _wifi_evidence(facts),
        unknown=fact("wifi_signal", None),
        share_key="wifi_weak_readings",
        measured=_wifi_measured(facts),
    )


def check_weak_sync_signal(facts: Facts) -> RuleResult:
    """Match when the link to the Sync Module has been weak over the signal window."""
    return _check_link(
        facts.sync,
        (fact("sync_signal_bars", facts.sync_bars),),
        unknown=fact("sync_signal", None),
        share_key="sync_weak_readings",
        measured=True,
    )
