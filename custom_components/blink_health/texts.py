"""Words an owner reads for the engine's machine values: causes, lights and evidence.

The words come from the integration's translations in Home Assistant's language (already cached
once the integration is set up); a value without words is shown as it is, never dropped.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
import re

from homeassistant.core import HomeAssistant, callback
from homeassistant.helpers.translation import (
    async_get_cached_translations,
    async_get_translations,
)
from homeassistant.util import dt as dt_util

from .const import DOMAIN
from .diagnosis import Verdict
from .model import CameraSnapshot, model_name

# What a repair text shows where Blink did not report a value.
NO_VALUE = "-"

PREFIX = f"component.{DOMAIN}"
CAUSE_NAMES = f"{PREFIX}.entity.sensor.likely_cause.state"
LED_NAMES = f"{PREFIX}.entity.sensor.led_state.state"
CONNECTION_NAMES = f"{PREFIX}.entity.sensor.connection.state"
FIX_TITLES = f"{PREFIX}.selector.fix_title.options"
FIX_STEPS = f"{PREFIX}.selector.fix_steps.options"
NOTES = f"{PREFIX}.selector.explain_note.options"
BLINK_INTEGRATION_ERRORS = f"{PREFIX}.selector.blink_integration_error.options"
# One phrase per piece of evidence: `<key>_<value>` for a fixed value (`online_false`), or
# `<key>` with a {value} placeholder for a number or Blink's own words (`wifi_dbm`).
EVIDENCE = f"{PREFIX}.selector.evidence.options"
# Evidence whose value is a cause: the cause is named in words too.
CAUSE_VALUED = frozenset({"last_cause"})
_SLUG = re.compile(r"^[a-z0-9_]+$")
# A zero-width space, put where a name or Blink's text would otherwise start Markdown's links,
# images, raw HTML or autolinks in a repair's text; invisible where the same value shows as
# plain text (a repair's title).
ZWSP = "\u200b"
_ACTIVE_MARKDOWN = re.compile(r"(?<=[<\]@])|(?<=:)(?=//)|(?<=www)(?=\.)", re.IGNORECASE)


def markdown_safe(value: str) -> str:
    """Return a name or Blink's text made inert for Markdown: it shows, it never acts.

    Whitespace runs (newlines included) become one space, so a value stays inside its sentence;
    `<`, `](`, `://`, `www.` and `@` are broken by a zero-width space, so no tag, link, image or
    autolink can start in it.
    """
    return _ACTIVE_MARKDOWN.sub(ZWSP, " ".join(value.split()))


def plain_text(value: str) -> str:
    """Return a value made inert by markdown_safe as it was (for events and logs)."""
    return value.replace(ZWSP, "")


@dataclass(frozen=True, slots=True)
class Texts:
    """Flattened translations (full keys) of the entity and selector categories."""

    strings: Mapping[str, str]

    def cause(self, cause: str) -> str:
        """Return a cause's name (as the likely cause sensor shows it)."""
        return self.strings.get(f"{CAUSE_NAMES}.{cause}", cause)

    def connection(self, state: str) -> str:
        """Return how the account reaches Blink, in words (as its connection sensor says)."""
        return self.strings.get(f"{CONNECTION_NAMES}.{state}", state)

    def led_state(self, led_state: str) -> str:
        """Return an LED pattern in words."""
        return self.strings.get(f"{LED_NAMES}.{led_state}", led_state)

    def fix_title(self, fix: str) -> str:
        """Return what a fix is, in a few words."""
        return self.strings.get(f"{FIX_TITLES}.{fix}", fix)

    def fix_steps(self, fix: str, kind: str | None = None) -> str:
        """Return a fix's steps (Markdown) for this kind of camera, empty when it has none.

        A fix whose steps differ by how the camera is powered has `<fix>_<kind>` steps (a Mini
        is unplugged, never has its batteries taken out).
        """
        if kind is not None and (
            steps := self.strings.get(f"{FIX_STEPS}.{fix}_{kind}")
        ):
            return steps
        return self.strings.get(f"{FIX_STEPS}.{fix}", "")

    def note(self, note: str) -> str:
        """Return a note of explain_led in words."""
        return self.strings.get(f"{NOTES}.{note}", note)

    def blink_integration_error(self, kind: str) -> str:
        """Return the kind of the Blink integration's last error in words."""
        return self.strings.get(f"{BLINK_INTEGRATION_ERRORS}.{kind}", kind)

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

    def not_reported(self) -> str:
        """Return the words a text shows where Blink did not report a value."""
        return self.strings.get(f"{EVIDENCE}.value_not_reported", NO_VALUE)

    def evidence(self, facts: Iterable[str]) -> list[str]:
        """Return each piece of evidence as a phrase."""
        return [self.fact(fact) for fact in facts]

    @staticmethod
    def escaped(values: Mapping[str, str]) -> dict[str, str]:
        """Return a repair's placeholder values, each made inert for Markdown."""
        return {key: markdown_safe(value) for key, value in values.items()}


async def async_load_texts(hass: HomeAssistant) -> Texts:
    """Return the words in Home Assistant's language, loading them first if need be."""
    for category in ("entity", "selector"):
        await async_get_translations(hass, hass.config.language, category, [DOMAIN])
    return async_texts(hass)


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


def camera_placeholders(
    camera: CameraSnapshot, verdict: Verdict, texts: Texts
) -> dict[str, str]:
    """Return the values an issue about this camera names, in words."""
    voltage = (
        f"{camera.battery_voltage:.2f} V"
        if camera.battery_voltage is not None
        else texts.not_reported()
    )
    if camera.wifi_dbm is not None:
        signal = f"{camera.wifi_dbm} dBm"
    elif camera.wifi_bars is not None:
        signal = f"{camera.wifi_bars}/5"
    else:
        signal = texts.not_reported()
    sync_signal = (
        f"{camera.sync_signal_bars}/5"
        if camera.sync_signal_bars is not None
        else texts.not_reported()
    )
    return texts.escaped(
        {
            "camera": camera.name,
            "model": model_name(camera.product_type) or texts.not_reported(),
            "firmware": camera.firmware or texts.not_reported(),
            "voltage": voltage,
            "signal": signal,
            "sync_signal": sync_signal,
            # Since when Blink has reported the problem (not since the repair was raised).
            "since": dt_util.as_local(verdict.issue_since or verdict.since).strftime(
                "%Y-%m-%d %H:%M"
            ),
            "blink_message": ", ".join(verdict.issues) or texts.not_reported(),
            "led_state": texts.led_state(verdict.led_state.value),
            "evidence": ", ".join(texts.evidence(verdict.evidence))
            or texts.not_reported(),
        }
    )
