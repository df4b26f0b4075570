"""Blink's own words and what they mean: battery states, device statuses, product types.

Blink Health's other layers read these meanings, never the words: a word Blink adds is unknown
everywhere (never "fine"), and a change in Blink's vocabulary is made here alone.
"""

from __future__ import annotations

from collections.abc import Mapping

# Statuses that mean the camera is healthy: default cameras say "done", Minis and doorbells "online".
HEALTHY_STATUSES = frozenset({"done", "online"})
# "offline" is a connectivity state that the online flag already covers, not a device fault.
CONNECTIVITY_STATUSES = frozenset({"offline"})
SETUP_STATUSES = frozenset(
    {"setup", "in_setup", "onboarding", "not_onboarded", "pending_setup", "new"}
)


def online_from_status(status: str | None) -> bool | None:
    """Return what a device's status says of its connection, None when it says neither."""
    cleaned = (status or "").strip().lower()
    if cleaned in HEALTHY_STATUSES:
        return True
    if cleaned in CONNECTIVITY_STATUSES:
        return False
    return None


# Blink's battery states meaning "replace the batteries" (older firmware says "replace").
LOW_BATTERY_STATES = frozenset({"low", "replace"})
# Blink's battery states meaning the batteries are fine.
HEALTHY_BATTERY_STATES = frozenset({"ok", "good", "normal", "full"})
# Readable model names for Blink's product types; unknown types are shown as Blink sends them.
MODEL_NAMES: Mapping[str, str] = {
    "white": "Blink Indoor (gen 1)",
    "xt": "Blink XT",
    "xt2": "Blink XT2",
    "catalina": "Blink Outdoor",
    "owl": "Blink Mini",
    "hawk": "Blink Outdoor 4",
    "lotus": "Blink Video Doorbell",
    "superior": "Blink Wired Floodlight",
    "tulip": "Blink Video Doorbell (2nd gen)",
    "orchid": "Blink Battery Doorbell 2K+",
    "sm1": "Sync Module",
    "sm2": "Sync Module 2",
    # A third-generation module without a USB port (openHAB's notes on the homescreen): the Sync
    # Module Core by its description, an inference.
    "kalahari": "Sync Module Core",
}
# A guess: the Sync Module XR's product type has not been seen in a public answer; an unknown
# type that names "xr" is taken for it (no camera type does).
XR_MARK = "xr"
XR_MODEL = "Sync Module XR"


def model_name(product_type: str | None) -> str | None:
    """Return a readable model name, or Blink's own type when it is not a known one."""
    if product_type is None:
        return None
    cleaned = product_type.lower()
    if cleaned in MODEL_NAMES:
        return MODEL_NAMES[cleaned]
    return XR_MODEL if XR_MARK in cleaned else product_type


def battery_low(state: str | None) -> bool | None:
    """Return True when a battery state says low, False when it says fine, None otherwise.

    The one reading of Blink's battery words: the battery entity and the diagnosis both use it,
    so "unknown" (or any word Blink adds) is unknown everywhere, never "fine".
    """
    cleaned = (state or "").strip().lower()
    if cleaned in LOW_BATTERY_STATES:
        return True
    if cleaned in HEALTHY_BATTERY_STATES:
        return False
    return None
