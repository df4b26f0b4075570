"""Property tests: the battery forecast behaves as an owner expects, whatever the use.

Each history is built the way the integration builds it: cells in (a recorded change, or first
seen at Blink's level), a tick a day with the camera's temperature, and each day Blink's usage
answer: the seconds of the 7 days before it (days before the change count in the first ones).
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from hypothesis import assume, given, settings, strategies as st

from custom_components.blink_health.forecast import (
    Basis,
    BatteryReading,
    Forecast,
    Ledger,
    UsageWindow,
    add_usage,
    add_voltage,
    forecast,
    start_ledger,
    tick,
)
from custom_components.blink_health.forecast.model import LIVE_VIEW_COST

START = datetime(2026, 3, 1, 9, 0, tzinfo=UTC)
DAY = timedelta(days=1)
BUDGETS = st.sampled_from([40_000, 54_000, 80_000])
# Seconds of clips (or Live View) a day: from none to a busy street's.
USE = st.floats(min_value=0, max_value=1500, allow_nan=False)
DAYS = st.lists(st.tuples(USE, USE), min_size=1, max_size=40)
TEMPERATURES = st.none() | st.floats(min_value=-40, max_value=110)
BARS = st.none() | st.integers(min_value=1, max_value=3)
VOLTS = st.none() | st.floats(min_value=1.4, max_value=1.8)


def typical(budget: float) -> float:
    """Return Blink's typical use for a budget, in seconds of clips a day."""
    return budget / 730


def ledger_after(
    days: list[tuple[float, float]],
    *,
    before: tuple[tuple[float, float], ...] = (),
    temperature: float | None = 68.0,
    from_change: bool = True,
    level: tuple[float, float] = (1.0, 1.0),
) -> tuple[Ledger, datetime]:
    """Return the ledger after these days of use (clips, Live View), read once a day."""
    history = [*before, *days]
    ledger = start_ledger(START, from_change=from_change, level=level)
    now = START
    for number in range(len(days)):
        now += DAY
        ledger = tick(ledger, now, temperature)
        upto = len(before) + number + 1
        week = history[max(0, upto - 7) : upto]
        ledger = add_usage(
            ledger,
            UsageWindow(
                at=now,
                clip_seconds=sum(clips for clips, _ in week),
                live_view_seconds=sum(live_view for _, live_view in week),
                range_days=7,
            ),
        )
    return ledger, now


def predict(
    ledger: Ledger,
    now: datetime,
    budget: float,
    *,
    low: bool | None = False,
    bars: int | None = None,
    volts: float | None = None,
) -> Forecast:
    """Return the forecast Blink Health would show."""
    return forecast(
        ledger,
        BatteryReading(
            budget_seconds=budget, battery_low=low, bars=bars, voltage=volts
        ),
        now,
        reads_usage=True,
    )


def days_out(result: Forecast, now: datetime) -> float:
    """Return how many days from now the most likely day is."""
    return (result.due - now) / DAY


@settings(max_examples=300)
@given(
    days=DAYS,
    extra=st.lists(st.tuples(USE, USE), min_size=40, max_size=40),
    budget=BUDGETS,
    temperature=TEMPERATURES,
    bars=BARS,
    volts=VOLTS,
    from_change=st.booleans(),
)
def test_more_use_never_gives_a_later_date(
    days: list[tuple[float, float]],
    extra: list[tuple[float, float]],
    budget: int,
    temperature: float | None,
    bars: int | None,
    volts: float | None,
    from_change: bool,
) -> None:
    """Any extra seconds of clips or Live View, on any day, never move any date later."""
    more = [(c + ec, lv + elv) for (c, lv), (ec, elv) in zip(days, extra, strict=False)]
    level = (1.0, 1.0) if from_change else (0.3, 1.0)
    results = []
    for use in (days, more):
        ledger, now = ledger_after(
            use, temperature=temperature, from_change=from_change, level=level
        )
        results.append(predict(ledger, now, budget, bars=bars, volts=volts))
    less, most = results
    assert most.due <= less.due
    assert most.earliest <= less.earliest
    assert most.latest <= less.latest


@given(days=st.integers(min_value=1, max_value=60), budget=BUDGETS)
def test_no_use_lasts_longer_than_typical_use(days: int, budget: int) -> None:
    """A camera that records nothing outlasts one used as Blink's typical use assumes."""
    idle, now = ledger_after([(0.0, 0.0)] * days)
    used, _ = ledger_after([(typical(budget), 0.0)] * days)
    assert predict(idle, now, budget).due > predict(used, now, budget).due


@given(days=st.integers(min_value=3, max_value=30), budget=BUDGETS)
def test_typical_use_on_new_batteries_is_about_two_years(
    days: int, budget: int
) -> None:
    """Blink's typical use on new batteries: about two years after the change."""
    use = (typical(budget), 0.0)
    ledger, now = ledger_after([use] * days, before=(use,) * 7)
    result = predict(ledger, now, budget, bars=3)
    assert result.basis is Basis.USAGE
    assert 700 <= (result.due - START) / DAY <= 760
    assert result.earliest < result.due < result.latest


@given(days=st.integers(min_value=7, max_value=30), budget=BUDGETS)
def test_four_times_typical_use_is_months_not_years(days: int, budget: int) -> None:
    """Four times the typical use (clips, or the same in Live View): months, not years."""
    for use in (
        (4 * typical(budget), 0.0),
        (0.0, 4 * typical(budget) / LIVE_VIEW_COST),
    ):
        ledger, now = ledger_after([use] * days, before=(use,) * 7)
        lasts = (predict(ledger, now, budget).due - START) / DAY
        assert 90 <= lasts <= 300, use


@given(
    days=DAYS,
    budget=BUDGETS,
    temperature=TEMPERATURES,
    from_change=st.booleans(),
    bars=BARS,
    volts=VOLTS,
)
def test_low_batteries_are_due_today_or_earlier(
    days: list[tuple[float, float]],
    budget: int,
    temperature: float | None,
    from_change: bool,
    bars: int | None,
    volts: float | None,
) -> None:
    """While Blink reports the batteries low, the date is never in the future."""
    ledger, now = ledger_after(days, temperature=temperature, from_change=from_change)
    result = predict(ledger, now, budget, low=True, bars=bars, volts=volts)
    assert result.basis is Basis.BATTERIES_LOW
    assert result.due <= now
    assert result.latest <= now


@given(
    old=st.lists(st.tuples(USE, USE, USE, USE), min_size=1, max_size=30),
    recent=st.tuples(USE, USE),
    budget=BUDGETS,
)
def test_new_batteries_start_afresh(
    old: list[tuple[float, float, float, float]],
    recent: tuple[float, float],
    budget: int,
) -> None:
    """After a recorded change only the use since counts: the old cells' history is gone.

    Two cameras used differently for months, then alike for three weeks (the usage readings
    kept), get new batteries: the same forecast.
    """
    alike = [recent] * 21
    now = START
    changed = []
    for past in ([(a, b) for a, b, _, _ in old], [(c, d) for _, _, c, d in old]):
        ledger, now = ledger_after([*past, *alike])
        changed.append(start_ledger(now, from_change=True, previous=ledger))
    first, second = (predict(ledger, now, budget) for ledger in changed)
    assert first == second
    assert first.started_at == now
    assert first.basis is Basis.USAGE


@given(
    before=st.integers(min_value=14, max_value=200),
    budget=BUDGETS,
    factor=st.sampled_from([0.0, 4.0]),
)
def test_a_change_in_use_shows_within_two_days(
    before: int, budget: int, factor: float
) -> None:
    """Two days after the use quadruples (or stops), the date has moved by weeks at least."""
    steady = [(typical(budget), 0.0)] * before
    changed = [(factor * typical(budget), 0.0)] * 2
    stayed, now = ledger_after(steady + [(typical(budget), 0.0)] * 2)
    moved, _ = ledger_after(steady + changed)
    was = days_out(predict(stayed, now, budget), now)
    shift = days_out(predict(moved, now, budget), now) - was
    if factor > 1:
        assert shift <= -max(30.0, 0.2 * was)
    else:
        assert shift >= max(30.0, 0.05 * was)


@given(
    bars=st.integers(min_value=1, max_value=3),
    volts=VOLTS,
    budget=BUDGETS,
    days=st.integers(min_value=0, max_value=10),
)
def test_before_any_change_the_level_decides_with_a_wide_range(
    bars: int, volts: float | None, budget: int, days: int
) -> None:
    """Never a recorded change: Blink's level is the start, and the range is as wide as it."""
    from custom_components.blink_health.forecast.model import level_interval

    level = level_interval(bars, volts)
    assert level is not None
    use = (typical(budget), 0.0)
    ledger, now = ledger_after(
        [use] * max(days, 1), before=(use,) * 7, from_change=False, level=level
    )
    result = predict(ledger, now, budget, bars=bars, volts=volts)
    assert result.basis is Basis.BATTERY_LEVEL
    low, high = level_interval(bars, volts) or (0, 1)
    used = max(days, 1)
    assert result.earliest <= now + DAY * max(0.0, low * 730 - used)
    assert result.latest >= now + DAY * (high * 730 * 0.9 - used)
    if bars > 1:
        fewer = predict(ledger, now, budget, bars=bars - 1, volts=volts)
        assert fewer.due <= result.due


@given(readings=st.integers(min_value=0, max_value=6), budget=BUDGETS)
def test_too_little_data_says_it_is_still_learning(readings: int, budget: int) -> None:
    """Fewer than three daily readings since Blink Health started: still learning."""
    if readings:
        ledger, now = ledger_after([(typical(budget), 0.0)] * readings)
    else:
        ledger, now = start_ledger(START, from_change=True), START
    result = predict(ledger, now, budget)
    assert result.learning is (readings < 3)
    assert result.basis is (Basis.LEARNING if readings < 3 else Basis.USAGE)


@given(days=DAYS, budget=BUDGETS, warm=TEMPERATURES, colder=st.floats(0, 80))
def test_cold_never_gives_a_later_date(
    days: list[tuple[float, float]], budget: int, warm: float | None, colder: float
) -> None:
    """The same use in colder weather: never a later date."""
    assume(warm is not None)
    assert warm is not None
    results = [
        predict(ledger_after(days, temperature=t)[0], START + DAY * len(days), budget)
        for t in (warm, warm - colder)
    ]
    assert results[1].due <= results[0].due


def test_a_sudden_voltage_drop_means_now() -> None:
    """Two readings 0.1 V under the week's best, or one under 1.40 V: replace now."""
    ledger, now = ledger_after([(74.0, 0.0)] * 10)
    for hours, volts in ((0, 1.62), (3, 1.61), (6, 1.50), (9, 1.49)):
        ledger = add_voltage(ledger, volts, now + timedelta(hours=hours))
    result = predict(ledger, now, 54_000, volts=1.49)
    assert result.basis is Basis.VOLTAGE_DROP
    assert result.due == now
    assert predict(ledger, now, 54_000, volts=1.38).basis is Basis.VOLTAGE_DROP
    # One low reading may be a cold night: not yet.
    one_low = add_voltage(ledger_after([(74.0, 0.0)] * 10)[0], 1.62, now)
    one_low = add_voltage(one_low, 1.50, now + DAY)
    assert predict(one_low, now, 54_000, volts=1.50).basis is Basis.USAGE


@given(days=DAYS, budget=BUDGETS, temperature=TEMPERATURES, from_change=st.booleans())
def test_range_holds_the_date_and_a_stored_ledger_reads_back(
    days: list[tuple[float, float]],
    budget: int,
    temperature: float | None,
    from_change: bool,
) -> None:
    """Earliest <= most likely <= latest, never before now; storing loses nothing."""
    ledger, now = ledger_after(
        days, temperature=temperature, from_change=from_change, level=(0.2, 0.9)
    )
    result = predict(ledger, now, budget)
    assert now <= result.earliest <= result.due <= result.latest
    assert Ledger.from_dict(ledger.to_dict()) == ledger


@given(
    days=st.integers(min_value=31, max_value=200),
    use=st.floats(min_value=0, max_value=1500),
    budget=BUDGETS,
)
def test_cells_that_read_low_teach_the_next_forecast(
    days: int, use: float, budget: int
) -> None:
    """Cells that read low early make the next set's date earlier; late, later. Never twice."""
    from custom_components.blink_health.forecast import given_share, learn_capacity

    ledger, now = ledger_after([(use, 0.0)] * days, before=((use, 0.0),) * 7)
    reading = BatteryReading(budget_seconds=budget, battery_low=True)
    share = given_share(ledger, reading)
    learned = learn_capacity(ledger, share, now)
    assert learned.learned_from == 1
    assert learn_capacity(learned, 0.1, now) == learned, "one lesson per set of cells"
    fresh = start_ledger(now, from_change=True, previous=ledger)
    taught = start_ledger(now, from_change=True, previous=learned)
    before, after = predict(fresh, now, budget), predict(taught, now, budget)
    if share < 1:
        assert after.due <= before.due
    else:
        assert after.due >= before.due
    assert after.learned_from == 1
