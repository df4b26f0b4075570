"""Words an owner reads for the engine's machine values: causes, lights and evidence.

The words come from the integration's translations in Home Assistant's language (already cached
once the integration is set up); a value without words is shown as it is, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
import re

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.translation import async_get_cached_translations

from .const import DOMAIN

PREFIX = f"component.{DOMAIN}"
CAUSE_NAMES = f"{PREFIX}.entity.sensor.likely_cause.state"
LED_NAMES = f"{PREFIX}.entity.sensor.led_state.state"
# One phrase per piece of evidence: `<key>_<value>` for a fixed value (`online_false`), or
# `<key>` with a {value} placeholder for a number or Blink's own words (`wifi_dbm`).
EVIDENCE = f"{PREFIX}.selector.evidence.options"
# Evidence whose value is a cause: the cause is named in words too.
CAUSE_VALUED = frozenset({"last_cause"})
_SLUG = re.compile(r"^[a-z0-9_]+$")


@dataclass(frozen=True, slots=True)
class Texts:
    """Flattened translations (full keys) of the entity and selector categories."""

    strings: Mapping[str, str]

    def cause(self, cause: str) -> str:
        """Return a cause's name (as the likely cause sensor shows it)."""
        return self.strings.get(f"{CAUSE_NAMES}.{cause}", cause)

    def led_state(self, led_state: str) -> str:
        """Return an LED pattern in words."""
        return self.strings.get(f"{LED_NAMES}.{led_state}", led_state)

    def fact(self, fact: str) -> str:
        """Return one piece of evidence (`key=value`) as a phrase, or as it is when unknown."""
        key, sep, value = fact.partition("=")
        if not sep:
            return fact
        if _SLUG.match(value) and (
            phrase := self.strings.get(f"{EVIDENCE}.{key}_{value}")
        ):
            return phrase
        if phrase := self.strings.get(f"{EVIDENCE}.{key}"):
            shown = self.cause(value) if key in CAUSE_VALUED else value
            return phrase.replace("{value}", shown)
        return fact

    def evidence(self, facts: Iterable[str]) -> list[str]:
        """Return each piece of evidence as a phrase."""
        return [self.fact(fact) for fact in facts]


@callback
def async_texts(hass: HomeAssistant) -> Texts:
    """Return the words in Home Assistant's language (its cache falls back to English per key)."""
    language = hass.config.language
    return Texts(
        {
            **async_get_cached_translations(hass, language, "entity", DOMAIN),
            **async_get_cached_translations(hass, language, "selector", DOMAIN),
        }
    )
