"""The battery forecast's repair: a camera's batteries will most likely need replacing soon.

Which issues the forecasts call for, pure like `issues.py` (whose `WantedIssue`, schema and ids
it uses): one per battery camera whose most likely day is within the warning days, with the
`blink_health_battery_due` event the tracker fires when it is raised.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from datetime import datetime

from homeassistant.helpers import issue_registry as ir

from ..const import DOMAIN
from ..diagnosis import Cause, Fix, Verdict
from ..forecast import Forecast
from ..forecast_view import based_on, days_left, local_day
from ..model import AccountSnapshot, model_name
from ..texts import Texts
from .issues import DeviceIdLookup, WantedIssue, issue_id_for

# The battery forecast's repair: the batteries will most likely need replacing within N days.
BATTERY_DUE = "battery_due"
EVENT_BATTERY_DUE = f"{DOMAIN}_battery_due"
# Causes whose own repair already says to replace the batteries: no forecast repair beside them.
BATTERY_CAUSES = frozenset({Cause.LOW_BATTERY, Cause.WRONG_BATTERY_TYPE})
# A raised forecast repair closes once the date is this many days beyond the warning, so a date
# wobbling at the edge does not raise and clear it day after day.
DUE_CLEAR_MARGIN_DAYS = 3


def battery_due_issues(
    snapshot: AccountSnapshot,
    verdicts: Mapping[str, Verdict],
    forecasts: Mapping[str, Forecast],
    device_id_for: DeviceIdLookup,
    texts: Texts,
    *,
    within_days: int,
    raised: Collection[str],
    now: datetime,
) -> dict[str, WantedIssue]:
    """Return a repair for each camera whose batteries are due within the days, by issue id."""
    wanted: dict[str, WantedIssue] = {}
    for key, forecast in forecasts.items():
        camera = snapshot.cameras.get(key)
        verdict = verdicts.get(key)
        device_id = device_id_for(key)
        if camera is None or device_id is None or verdict is None:
            continue
        issue_id = issue_id_for(BATTERY_DUE, device_id)
        left = days_left(forecast, now)
        limit = within_days + (DUE_CLEAR_MARGIN_DAYS if issue_id in raised else 0)
        if verdict.cause in BATTERY_CAUSES or left > limit:
            continue
        values = {
            "date": local_day(forecast.due).isoformat(),
            "days_left": str(left),
            "earliest": local_day(forecast.earliest).isoformat(),
            "latest": local_day(forecast.latest).isoformat(),
        }
        wanted[issue_id] = WantedIssue(
            issue_id=issue_id,
            cause=BATTERY_DUE,
            severity=ir.IssueSeverity.WARNING,
            placeholders=texts.escaped(
                {
                    "camera": camera.name,
                    "model": model_name(camera.product_type) or texts.not_reported(),
                    "based_on": based_on(forecast, texts),
                    **values,
                }
            ),
            device_id=device_id,
            camera=camera.name,
            event_data={
                **values,
                "days_left": left,
                "fix": texts.fix_title(Fix.REPLACE_BATTERIES.value),
            },
            event=EVENT_BATTERY_DUE,
        )
    return wanted
