"""Pure battery forecast: per camera a ledger of what the cells gave, and forecast() on it.

No Home Assistant imports: the runner (`battery_forecasts.py`) feeds each poll's readings and
the daily usage answer into the ledgers, and entities read the `Forecast`.
"""

from .engine import (
    Basis,
    BatteryReading,
    Forecast,
    collapsing,
    forecast,
    given_share,
)
from .ledger import (
    Ledger,
    add_usage,
    add_voltage,
    learn_capacity,
    start_ledger,
    tick,
    without_usage,
)
from .readings import UsageWindow
from .settings import (
    DEFAULT_FORECAST_SETTINGS,
    FORECAST_OPTIONS,
    BudgetFamily,
    ForecastSettings,
    budget_family,
)

__all__ = [
    "DEFAULT_FORECAST_SETTINGS",
    "FORECAST_OPTIONS",
    "Basis",
    "BatteryReading",
    "BudgetFamily",
    "Forecast",
    "ForecastSettings",
    "Ledger",
    "UsageWindow",
    "add_usage",
    "add_voltage",
    "budget_family",
    "collapsing",
    "forecast",
    "given_share",
    "learn_capacity",
    "start_ledger",
    "tick",
    "without_usage",
]
