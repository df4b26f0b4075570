"""Run the rules in precedence order to get a verdict, or rank the causes behind an LED the owner sees."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from typing import TYPE_CHECKING

from .checks import Outcome, RuleResult
from .facts import Facts, fact, gather
from .history import CameraHistory, as_utc, record_poll
from .rules import NEAREST_LEDS, RULES, Rule, model_shows
from .status import reported_trouble
from .verdict import (
    Candidate,
    Cause,
    Confidence,
    Explanation,
    LedState,
    Note,
    Thresholds,
    Verdict,
)

if TYPE_CHECKING:
    from ..model import CameraSnapshot, SyncModuleSnapshot

_OUTCOME_RANK = {Outcome.MATCH: 0, Outcome.UNKNOWN: 1, Outcome.NO_MATCH: 2}
# How long an owner's "I reset it and it still blinks" stays relevant when telemetry shows nothing.
RESET_REPORT_MEMORY = timedelta(days=1)


def diagnose(
    camera: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None,
    history: CameraHistory,
    thresholds: Thresholds,
    now: datetime,
) -> Verdict:
    """Return the most likely LED state and cause for one camera, trying the rules in precedence order."""
    facts = gather(camera, sync_module, history, thresholds, now)
    undecided: list[str] = []
    for rule in RULES:
        if not rule.applies(camera):
            continue
        result = rule.check(facts)
        if result.outcome is Outcome.UNKNOWN:
            undecided.extend(result.evidence)
        elif result.outcome is Outcome.MATCH:
            return _verdict(rule, result, facts, undecided)
    raise AssertionError("the ok rule always matches")  # pragma: no cover


def _verdict(
    rule: Rule, result: RuleResult, facts: Facts, undecided: list[str]
) -> Verdict:
    """Return the verdict for the first rule that matched."""
    confidence = result.confidence
    if rule.cause is Cause.OK:
        if facts.camera.online is None:
            confidence = Confidence.LOW
        elif undecided:
            confidence = Confidence.MEDIUM
    elif undecided and confidence is Confidence.HIGH:
        # A rule above could not be judged and might have won, so this one cannot be certain.
        confidence = Confidence.MEDIUM
    history = facts.history
    since = facts.now
    if history.last_cause is rule.cause and history.cause_since is not None:
        since = min(as_utc(history.cause_since), facts.now)
    return Verdict(
        led_state=result.led_state or rule.led_state,
        cause=rule.cause,
        confidence=confidence,
        evidence=tuple(
            dict.fromkeys((*result.evidence, *undecided, *_cold_evidence(facts)))
        ),
        fixes=rule.fixes,
        since=since,
        issue_since=facts.abnormal_since,
        issues=reported_trouble(facts.camera),
    )


def _cold_evidence(facts: Facts) -> tuple[str, ...]:
    """Return the cold at a battery camera as a note: lithium cells give less, never a fault."""
    if not facts.cold or facts.temperature_c is None:
        return ()
    return (fact("cold_temperature_c", round(facts.temperature_c)),)


def assess(
    camera: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None,
    history: CameraHistory,
    thresholds: Thresholds,
    now: datetime,
) -> tuple[Verdict, CameraHistory]:
    """Return the verdict for this poll and the history to store for the next one."""
    verdict = diagnose(camera, sync_module, history, thresholds, now)
    return verdict, record_poll(history, camera, verdict, now, thresholds)


def explain(
    observed: LedState,
    camera: CameraSnapshot,
    sync_module: SyncModuleSnapshot | None,
    history: CameraHistory,
    *,
    thresholds: Thresholds,
    now: datetime,
) -> Explanation:
    """Return the causes that can produce the LED the owner sees, best supported by telemetry first.

    A pattern this model never shows is named as such, with the causes of the nearest patterns it does.
    """
    facts = gather(camera, sync_module, history, thresholds, now)
    shown = model_shows(camera, observed)
    leds = (
        (observed,)
        if shown
        else tuple(led for led in NEAREST_LEDS[observed] if model_shows(camera, led))
    )
    by_cause: dict[Cause, list[tuple[int, Rule, RuleResult]]] = {}
    for position, rule in enumerate(RULES):
        if rule.applies(camera) and not rule.leds.isdisjoint(leds):
            by_cause.setdefault(rule.cause, []).append(
                (position, rule, rule.check(facts))
            )
    candidates = sorted(
        (_candidate(results) for results in by_cause.values()), key=lambda pair: pair[0]
    )
    ranked = [candidate for _, candidate in candidates]
    if LedState.BLINKING_RED in leds:
        ranked = _blame_hardware_by_elimination(ranked, facts)
    verdict = diagnose(camera, sync_module, history, thresholds, now)
    reported = verdict.cause if verdict.problem else None
    if reported is not None:
        ranked = [_contradict_ok(candidate, verdict.evidence) for candidate in ranked]
    # The problem Blink reports is named first, unless the light's best answer is that problem.
    explained = (
        bool(ranked) and ranked[0].cause is reported and ranked[0].fits_telemetry
    )
    notes = (
        *((Note.PROBLEM_REPORTED,) if reported is not None and not explained else ()),
        *(() if shown else (Note.LED_NOT_SHOWN_BY_MODEL,)),
        *(() if any(c.fits_telemetry for c in ranked) else (Note.NOTHING_FITS,)),
        *((Note.BATTERY_READING_AWAITED,) if facts.battery_awaited else ()),
        *((Note.COLD_BATTERIES,) if facts.cold else ()),
    )
    return Explanation(
        observed=observed,
        candidates=tuple(ranked),
        notes=notes,
        nearest=() if shown else leds,
        reported=reported,
    )


def _contradict_ok(candidate: Candidate, problem: tuple[str, ...]) -> Candidate:
    """Return the candidate, `ok` contradicted by the problem Blink reports.

    A reported problem (batteries low, offline, weak Wi-Fi) is never evidence that all is well,
    whatever light the owner sees: the light may not show it yet.
    """
    if candidate.cause is not Cause.OK:
        return candidate
    return replace(
        candidate,
        confidence=Confidence.LOW,
        fits_telemetry=False,
        supporting=(),
        contradicting=problem,
    )


def _candidate(
    results: list[tuple[int, Rule, RuleResult]],
) -> tuple[tuple[int, int], Candidate]:
    """Return one cause's candidate from every rule that can produce it, with its sort key."""
    position, rule, result = min(
        results, key=lambda entry: (_OUTCOME_RANK[entry[2].outcome], entry[0])
    )
    outcome = result.outcome

    def evidence(kind: Outcome) -> tuple[str, ...]:
        """Return the facts all of the cause's rules gave with one outcome."""
        return tuple(
            dict.fromkeys(
                item
                for _, _, other in results
                if other.outcome is kind
                for item in other.evidence
            )
        )

    candidate = Candidate(
        cause=rule.cause,
        confidence=result.confidence if outcome is Outcome.MATCH else Confidence.LOW,
        fits_telemetry=outcome is Outcome.MATCH,
        supporting=result.evidence if outcome is Outcome.MATCH else (),
        contradicting=() if outcome is Outcome.MATCH else evidence(Outcome.NO_MATCH),
        unknown=() if outcome is Outcome.MATCH else evidence(Outcome.UNKNOWN),
        fixes=rule.fixes,
    )
    return (_OUTCOME_RANK[outcome], position), candidate


def _blame_hardware_by_elimination(
    candidates: list[Candidate], facts: Facts
) -> list[Candidate]:
    """Return the list with hardware first when the owner sees red blinking that nothing else explains."""
    # An offline camera's light is explained by the lost connection, not by elimination.
    if facts.camera.online is False or any(c.fits_telemetry for c in candidates):
        return candidates
    others = [
        candidate
        for candidate in candidates
        if candidate.cause is not Cause.HARDWARE_FAULT
    ]
    hardware = next(
        (
            candidate
            for candidate in candidates
            if candidate.cause is Cause.HARDWARE_FAULT
        ),
        None,
    )
    if hardware is None or any(candidate.unknown for candidate in others):
        return candidates
    reset_at = facts.history.reset_reported_at
    reset_recent = (
        reset_at is not None
        and timedelta(0) <= facts.now - as_utc(reset_at) <= RESET_REPORT_MEMORY
    )
    ruled_out = tuple(
        dict.fromkeys(item for candidate in others for item in candidate.contradicting)
    )
    # First by elimination, as the guide says; but it fits only where nothing Blink reports
    # speaks against it (a camera reporting no issue and a healthy status does).
    promoted = Candidate(
        cause=Cause.HARDWARE_FAULT,
        confidence=Confidence.MEDIUM if reset_recent else Confidence.LOW,
        fits_telemetry=not hardware.contradicting,
        supporting=(
            *ruled_out,
            *((fact("reset_reported", value=True),) if reset_recent else ()),
        ),
        contradicting=hardware.contradicting,
        unknown=hardware.unknown,
        fixes=hardware.fixes,
    )
    return [promoted, *others]
