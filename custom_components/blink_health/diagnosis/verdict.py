"""Value types of the diagnosis engine: LED states, causes, fixes, thresholds and verdicts."""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from datetime import datetime


class LedState(StrEnum):
    """What the camera's status LED is showing."""

    SOLID_GREEN = "solid_green"
    BLINKING_BLUE = "blinking_blue"
    BLINKING_RED = "blinking_red"
    RED_SIX_FLASHES = "red_six_flashes"
    RED_WHILE_RECORDING = "red_while_recording"
    SOLID_RED = "solid_red"
    OFF = "off"


class Cause(StrEnum):
    """Why the LED shows what it shows."""

    OK = "ok"
    RECORDING = "recording"
    CONTINUOUS_RECORDING = "continuous_recording"
    LOW_BATTERY = "low_battery"
    WRONG_BATTERY_TYPE = "wrong_battery_type"
    SETUP_INCOMPLETE = "setup_incomplete"
    WIFI_DISCONNECTED = "wifi_disconnected"
    WEAK_WIFI = "weak_wifi"
    SYNC_MODULE_OFFLINE = "sync_module_offline"
    HARDWARE_FAULT = "hardware_fault"


class Fix(StrEnum):
    """Something the owner can do about a cause."""

    COMPLETE_SETUP = "complete_setup"
    CHECK_WIFI_CONNECTION = "check_wifi_connection"
    CHECK_INTERNET_SPEED = "check_internet_speed"
    RECONNECT_MINI_WIFI = "reconnect_mini_wifi"
    RESTART_SYNC_MODULE = "restart_sync_module"
    IMPROVE_WIFI_SIGNAL = "improve_wifi_signal"
    MOVE_SYNC_MODULE = "move_sync_module"
    MOVE_CAMERA = "move_camera"
    REPLACE_BATTERIES = "replace_batteries"
    USE_LITHIUM_AA = "use_lithium_aa"
    DISARM_AND_REARM = "disarm_and_rearm"
    SOFT_RESET = "soft_reset"
    HARD_RESET = "hard_reset"
    CONTACT_SUPPORT = "contact_support"


class Note(StrEnum):
    """Something explain_led tells the owner besides the causes."""

    PROBLEM_REPORTED = "problem_reported"
    LED_NOT_SHOWN_BY_MODEL = "led_not_shown_by_model"
    NOTHING_FITS = "nothing_fits"
    BATTERY_READING_AWAITED = "battery_reading_awaited"
    COLD_BATTERIES = "cold_batteries"


class Confidence(StrEnum):
    """How strongly the telemetry backs a conclusion."""

    HIGH = "high"
    MEDIUM = "medium"
    LOW = "low"


NOT_PROBLEMS = frozenset({Cause.OK, Cause.RECORDING})
# The camera cannot record at all: an error, not a warning.
ERROR_CAUSES = frozenset(
    {
        Cause.WIFI_DISCONNECTED,
        Cause.SYNC_MODULE_OFFLINE,
        Cause.SETUP_INCOMPLETE,
        Cause.HARDWARE_FAULT,
    }
)


class Severity(StrEnum):
    """How serious a problem is: an error when the camera cannot record, else a warning."""

    ERROR = "error"
    WARNING = "warning"


def is_problem(cause: Cause) -> bool:
    """Return whether a cause is something the owner should act on."""
    return cause not in NOT_PROBLEMS


def severity(cause: Cause, *, online: bool | None) -> Severity | None:
    """Return how serious a camera's cause is; None when it needs nothing.

    An offline camera records nothing, whatever the cause: its problem is an error.
    """
    if not is_problem(cause):
        return None
    if cause in ERROR_CAUSES or online is False:
        return Severity.ERROR
    return Severity.WARNING


@dataclass(frozen=True, slots=True, kw_only=True)
class Thresholds:
    """Tunable limits the rules compare telemetry and history against.

    Each field's metadata gives the range and unit an owner may choose it in (the options form).
    """

    battery_replacement_window_days: int = field(
        default=14, metadata={"min": 1, "max": 90, "unit": "d"}
    )
    continuous_recording_minutes: int = field(
        default=10, metadata={"min": 5, "max": 240, "unit": "min"}
    )
    hardware_fault_minutes: int = field(
        default=30, metadata={"min": 5, "max": 1440, "unit": "min"}
    )
    weak_wifi_dbm: int = field(
        default=-80, metadata={"min": -100, "max": -50, "unit": "dBm"}
    )
    weak_wifi_bars: int = field(default=1, metadata={"min": 0, "max": 4, "unit": ""})
    weak_sync_signal_bars: int = field(
        default=1, metadata={"min": 0, "max": 4, "unit": ""}
    )
    # How long a signal is judged over: weak when most readings of the window are.
    weak_signal_minutes: int = field(
        default=60, metadata={"min": 10, "max": 240, "unit": "min"}
    )
    # Lithium AA cells are rated from -40 °C (Energizer L91), but give less in the cold.
    cold_battery_celsius: int = field(
        default=0, metadata={"min": -40, "max": 20, "unit": "°C"}
    )


DEFAULT_THRESHOLDS = Thresholds()
# The option keys of the thresholds: the fields themselves, never a second list.
THRESHOLD_OPTIONS = tuple(f.name for f in fields(Thresholds))


@dataclass(frozen=True, slots=True, kw_only=True)
class Verdict:
    """The engine's conclusion for one camera at one poll."""

    led_state: LedState
    cause: Cause
    confidence: Confidence
    evidence: tuple[str, ...]
    fixes: tuple[Fix, ...]
    since: datetime
    # Since when Blink has reported the camera's issues or odd status (the first poll that saw
    # them), and Blink's own words for them; None and () while it reports none.
    issue_since: datetime | None = None
    issues: tuple[str, ...] = ()

    @property
    def problem(self) -> bool:
        """Return whether the cause needs the owner's attention."""
        return is_problem(self.cause)


@dataclass(frozen=True, slots=True, kw_only=True)
class Candidate:
    """One cause that could explain an LED pattern the owner reports, with the telemetry behind it."""

    cause: Cause
    confidence: Confidence
    fits_telemetry: bool
    supporting: tuple[str, ...]
    contradicting: tuple[str, ...]
    unknown: tuple[str, ...]
    fixes: tuple[Fix, ...]


@dataclass(frozen=True, slots=True, kw_only=True)
class Explanation:
    """What explain_led answers: the causes best supported first, and notes for the owner."""

    observed: LedState
    candidates: tuple[Candidate, ...]
    notes: tuple[Note, ...] = ()
    # The patterns whose causes are listed instead, when this model never shows the observed one.
    nearest: tuple[LedState, ...] = ()
    # The problem Blink's data shows now, whatever the owner sees (None when there is none).
    reported: Cause | None = None
