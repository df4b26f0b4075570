"""The forecast's stored part: every camera's ledger, and when Blink's usage was last asked for.

Stored with the diagnosis history. Reading it never fails: a malformed ledger is dropped (that
camera starts afresh from Blink's battery level), a malformed time reads as never.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime, timedelta

from ..diagnosis.history import as_utc, load_time
from .ledger import Ledger

# Blink's usage is asked for at most this often, for the whole account (one request).
USAGE_INTERVAL = timedelta(days=1)


@dataclass(slots=True, kw_only=True)
class ForecastLog:
    """Ledgers by device key; the last usage request, the last that worked, and the failures."""

    ledgers: dict[str, Ledger] = field(default_factory=dict)
    usage_asked_at: datetime | None = None
    usage_read_at: datetime | None = None
    usage_failing_since: datetime | None = None

    def usage_due(self, now: datetime) -> bool:
        """Return whether a day has passed since Blink's usage was last asked for.

        A clock set back (the last request "in the future") waits a day from now, not for ever.
        """
        asked = self.usage_asked_at
        now = as_utc(now)
        if asked is not None and asked > now:
            self.usage_asked_at = asked = now
        return asked is None or now - asked >= USAGE_INTERVAL

    def to_dict(self) -> dict[str, object]:
        """Return a JSON-ready mapping."""
        return {
            "usage_asked_at": _dump(self.usage_asked_at),
            "usage_read_at": _dump(self.usage_read_at),
            "usage_failing_since": _dump(self.usage_failing_since),
            "ledgers": {key: ledger.to_dict() for key, ledger in self.ledgers.items()},
        }

    @classmethod
    def from_dict(cls, data: object) -> ForecastLog:
        """Return the log stored by to_dict; whatever cannot be read is left out."""
        if not isinstance(data, Mapping):
            return cls()
        stored = data.get("ledgers")
        ledgers = {
            str(key): ledger
            for key, value in (stored.items() if isinstance(stored, Mapping) else ())
            if (ledger := Ledger.from_dict(value)) is not None
        }
        return cls(
            ledgers=ledgers,
            usage_asked_at=load_time(data.get("usage_asked_at")),
            usage_read_at=load_time(data.get("usage_read_at")),
            usage_failing_since=load_time(data.get("usage_failing_since")),
        )


def _dump(value: datetime | None) -> str | None:
    """Return an ISO 8601 string, or None."""
    return None if value is None else value.isoformat()
