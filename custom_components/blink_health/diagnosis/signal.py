"""The camera's two radio links judged over time: Wi-Fi, and the link to its Sync Module.

A camera reaches the internet over Wi-Fi (dBm and bars) and talks to its Sync Module over a
separate radio link (Blink's `lfr`, in bars). Each poll adds one reading to the camera's history
(at most MAX_READINGS, none while the camera is offline: its values are the ones it sent before).
A link turns weak when more than half of its readings in the window (`weak_signal_minutes`, since
the link last turned fine) are at or below the limit: a signal weak all evening, not one bad
reading. Once weak, it is fine again only after RECOVERY_READINGS readings in a row better than
the limit by a margin, so a signal hovering at the limit never raises and clears a repair at
every other poll. Pure: no Home Assistant imports.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any, overload

if TYPE_CHECKING:
    from ..model import CameraSnapshot
    from .verdict import Thresholds

WEAK_WIFI_DBM_MARGIN = 3
WEAK_BARS_MARGIN = 1
RECOVERY_READINGS = 2
# Readings kept per camera (an hour at the shortest poll interval; 10 hours at the default).
MAX_READINGS = 120
# Fewer readings than this in the window: the verdict says it is judged on few.
FEW_READINGS = 3


@dataclass(frozen=True, slots=True)
class SignalReading:
    """One poll's signal values (None where Blink did not report one)."""

    at: datetime
    wifi_dbm: int | None = None
    wifi_bars: int | None = None
    sync_bars: int | None = None


@dataclass(frozen=True, slots=True)
class LinkState:
    """How one link stands now: `weak` None when the camera does not report it now.

    `weak_readings` of `readings` in the window were at or below the limit.
    """

    weak: bool | None
    weak_readings: int = 0
    readings: int = 0

    @property
    def share(self) -> str:
        """Return the weak readings of the window as "k/n"."""
        return f"{self.weak_readings}/{self.readings}"


@dataclass(frozen=True, slots=True, kw_only=True)
class SignalTrend:
    """The readings of the last polls and each link's judged state, stored with the history."""

    readings: tuple[SignalReading, ...] = ()
    wifi_weak: bool = False
    sync_weak: bool = False
    wifi_changed_at: datetime | None = None
    sync_changed_at: datetime | None = None

    def to_dict(self) -> dict[str, Any]:
        """Return a JSON-ready mapping: times as epoch seconds, readings as [time, dBm, bars, Sync bars]."""
        return {
            "readings": [
                [_stamp(r.at), r.wifi_dbm, r.wifi_bars, r.sync_bars]
                for r in self.readings
            ],
            "wifi_weak": self.wifi_weak,
            "sync_weak": self.sync_weak,
            "wifi_changed_at": _stamp(self.wifi_changed_at),
            "sync_changed_at": _stamp(self.sync_changed_at),
        }

    @classmethod
    def from_dict(cls, data: object) -> SignalTrend:
        """Return the trend stored by to_dict; anything unreadable is dropped."""
        if not isinstance(data, Mapping):
            return cls()
        raw = data.get("readings")
        readings = [
            reading
            for item in (raw if isinstance(raw, list) else ())
            if (reading := _load_reading(item)) is not None
        ]
        readings.sort(key=lambda reading: reading.at)
        return cls(
            readings=tuple(readings[-MAX_READINGS:]),
            wifi_weak=data.get("wifi_weak") is True,
            sync_weak=data.get("sync_weak") is True,
            wifi_changed_at=_from_stamp(data.get("wifi_changed_at")),
            sync_changed_at=_from_stamp(data.get("sync_changed_at")),
        )


@dataclass(frozen=True, slots=True)
class Signals:
    """Both links judged at one poll, and the trend to store after it."""

    wifi: LinkState
    sync: LinkState
    trend: SignalTrend


@overload
def _stamp(value: datetime) -> int: ...
@overload
def _stamp(value: None) -> None: ...
def _stamp(value: datetime | None) -> int | None:
    """Return a time as whole epoch seconds (readings are taken to the second)."""
    return None if value is None else int(value.timestamp())


def _from_stamp(value: object) -> datetime | None:
    """Return the UTC time whole epoch seconds hold, None when they are not a time."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    try:
        return datetime.fromtimestamp(value, UTC)
    except ValueError, OverflowError, OSError:
        return None


def _small_int(value: object) -> int | None:
    """Return a stored signal value (an int from -130 to 5), None otherwise."""
    if isinstance(value, bool) or not isinstance(value, int):
        return None
    return value if -130 <= value <= 5 else None


def _load_reading(item: object) -> SignalReading | None:
    """Return one stored reading, None when it is not one."""
    if not isinstance(item, list) or len(item) != 4:
        return None
    stamp, dbm, bars, sync = item
    if (at := _from_stamp(stamp)) is None:
        return None
    return SignalReading(at, _small_int(dbm), _small_int(bars), _small_int(sync))


def current_reading(camera: CameraSnapshot, now: datetime) -> SignalReading | None:
    """Return this poll's reading, None when its values cannot be this poll's.

    An offline camera, one whose Sync Module is offline, and one this answer did not list carry
    the values they sent before.
    """
    if camera.online is False or not camera.reachable or camera.carried:
        return None
    return SignalReading(
        # Whole seconds, as stored: a reading reads back the same after a restart.
        now.replace(microsecond=0),
        camera.wifi_dbm if camera.wifi_dbm in range(-130, 0) else None,
        camera.wifi_bars if camera.wifi_bars in range(6) else None,
        camera.sync_signal_bars if camera.sync_signal_bars in range(6) else None,
    )


@dataclass(frozen=True, slots=True)
class _Link:
    """How to read one link from a reading: known, weak, and clearly fine."""

    known: Callable[[SignalReading], bool]
    weak: Callable[[SignalReading], bool]
    clear: Callable[[SignalReading], bool]


def _wifi_link(limits: Thresholds) -> _Link:
    """Return the Wi-Fi link: weak at or below the dBm or the bars limit."""

    def below(reading: SignalReading, dbm_margin: int, bars_margin: int) -> bool:
        dbm, bars = reading.wifi_dbm, reading.wifi_bars
        return (dbm is not None and dbm <= limits.weak_wifi_dbm + dbm_margin) or (
            bars is not None and bars <= limits.weak_wifi_bars + bars_margin
        )

    return _Link(
        known=lambda r: r.wifi_dbm is not None or r.wifi_bars is not None,
        weak=lambda r: below(r, 0, 0),
        clear=lambda r: not below(r, WEAK_WIFI_DBM_MARGIN, WEAK_BARS_MARGIN),
    )


def _sync_link(limits: Thresholds) -> _Link:
    """Return the Sync Module link: weak at or below the bars limit."""
    limit = limits.weak_sync_signal_bars
    return _Link(
        known=lambda r: r.sync_bars is not None,
        weak=lambda r: r.sync_bars is not None and r.sync_bars <= limit,
        clear=lambda r: (
            r.sync_bars is not None and r.sync_bars > limit + WEAK_BARS_MARGIN
        ),
    )


def _judge(
    link: _Link,
    readings: Sequence[SignalReading],
    *,
    was_weak: bool,
    since: datetime,
) -> LinkState:
    """Return one link's state given every reading (this poll's last) and its state before."""
    if not link.known(readings[-1]):
        return LinkState(weak=None)
    known = [r for r in readings if link.known(r)]
    window = [r for r in known if r.at >= since]
    weak_count = sum(1 for r in window if link.weak(r))
    if was_weak:
        latest = known[-RECOVERY_READINGS:]
        recovered = len(latest) == RECOVERY_READINGS and all(map(link.clear, latest))
        weak = not recovered
    else:
        weak = weak_count * 2 > len(window)
    return LinkState(weak=weak, weak_readings=weak_count, readings=len(window))


def assess_signals(
    trend: SignalTrend,
    camera: CameraSnapshot,
    limits: Thresholds,
    now: datetime,
) -> Signals:
    """Return both links judged with this poll's reading, and the trend to store after it."""
    reading = current_reading(camera, now)
    if reading is None:
        unknown = LinkState(weak=None)
        return Signals(unknown, unknown, trend)
    earlier = [r for r in trend.readings if r.at < reading.at]
    readings = [*earlier, reading][-MAX_READINGS:]
    window_start = now - timedelta(minutes=limits.weak_signal_minutes)

    def since(changed_at: datetime | None) -> datetime:
        return max(window_start, changed_at) if changed_at else window_start

    wifi = _judge(
        _wifi_link(limits),
        readings,
        was_weak=trend.wifi_weak,
        since=since(trend.wifi_changed_at),
    )
    sync = _judge(
        _sync_link(limits),
        readings,
        was_weak=trend.sync_weak,
        since=since(trend.sync_changed_at),
    )
    wifi_weak = trend.wifi_weak if wifi.weak is None else wifi.weak
    sync_weak = trend.sync_weak if sync.weak is None else sync.weak
    stored = replace(
        trend,
        readings=tuple(readings),
        wifi_weak=wifi_weak,
        sync_weak=sync_weak,
        wifi_changed_at=reading.at
        if wifi_weak != trend.wifi_weak
        else trend.wifi_changed_at,
        sync_changed_at=reading.at
        if sync_weak != trend.sync_weak
        else trend.sync_changed_at,
    )
    return Signals(wifi, sync, stored)


def recovering(trend: SignalTrend, limits: Thresholds) -> bool:
    """Return whether every link still judged weak already reads better than its limit by the margin.

    Such a link ends its weak verdict at the next reading that holds (a fix flow says so).
    """
    weak_links = [
        link
        for weak, link in (
            (trend.wifi_weak, _wifi_link(limits)),
            (trend.sync_weak, _sync_link(limits)),
        )
        if weak
    ]
    latest = [[r for r in trend.readings if link.known(r)][-1:] for link in weak_links]
    return bool(weak_links) and all(
        last and link.clear(last[0])
        for link, last in zip(weak_links, latest, strict=True)
    )
