"""What an owner may tune in the forecast: each model's budget of typical use, and the warning.

Blink rates its battery cameras "up to two years" on two AA lithium cells under what it calls
typical use, given as seconds of motion recording and Live View over those two years. The
published figures differ by model and by source (README, "Battery forecast"): each family's
budget is an option. Each field's metadata gives the range and unit the options form offers.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import StrEnum

from ..blink.reading import CameraKind


class BudgetFamily(StrEnum):
    """Models that share one published budget of typical use."""

    FIRST_GENERATION = "first_generation"
    XT2 = "xt2"
    OUTDOOR = "outdoor"
    DOORBELL = "doorbell"


# Blink's product types of the first generation (Blink Indoor and XT): 40,000 s.
_FIRST_GENERATION_TYPES = frozenset({"white", "xt"})
_BUDGET_LIMITS = {"min": 10_000, "max": 400_000, "unit": "s"}


@dataclass(frozen=True, slots=True, kw_only=True)
class ForecastSettings:
    """The forecast's options: seconds of typical use per family, and the days of warning."""

    budget_first_generation_seconds: int = field(
        default=40_000, metadata=_BUDGET_LIMITS
    )
    budget_xt2_seconds: int = field(default=80_000, metadata=_BUDGET_LIMITS)
    budget_outdoor_seconds: int = field(default=54_000, metadata=_BUDGET_LIMITS)
    budget_doorbell_seconds: int = field(default=54_000, metadata=_BUDGET_LIMITS)
    battery_due_days: int = field(
        default=14, metadata={"min": 1, "max": 90, "unit": "d"}
    )

    def budget_seconds(self, family: BudgetFamily) -> int:
        """Return a family's seconds of typical use over Blink's two years."""
        budget: int = getattr(self, f"budget_{family.value}_seconds")
        return budget


DEFAULT_FORECAST_SETTINGS = ForecastSettings()
# The option keys of the forecast: the fields themselves, never a second list.
FORECAST_OPTIONS = tuple(f.name for f in fields(ForecastSettings))


def budget_family(kind: CameraKind, product_type: str | None) -> BudgetFamily:
    """Return which published budget a camera's model falls under.

    Doorbells have their own; Blink Indoor (gen 1) and XT share the first figure; XT2 its own;
    every other battery camera (Outdoor, Outdoor 4, types Blink adds) the current one.
    """
    if kind is CameraKind.DOORBELL:
        return BudgetFamily.DOORBELL
    product = (product_type or "").strip().lower()
    if product in _FIRST_GENERATION_TYPES:
        return BudgetFamily.FIRST_GENERATION
    if product == "xt2":
        return BudgetFamily.XT2
    return BudgetFamily.OUTDOOR
