"""The explain_led action: what could make a camera's light do what the owner sees."""

from __future__ import annotations

from typing import Any

from homeassistant.config_entries import ConfigEntryState
from homeassistant.core import (
    HomeAssistant,
    ServiceCall,
    ServiceResponse,
    SupportsResponse,
)
from homeassistant.exceptions import ServiceValidationError
from homeassistant.helpers import config_validation as cv, device_registry as dr
from homeassistant.helpers.translation import async_get_translations
from homeassistant.util import dt as dt_util
import probatio as vol

from .const import DOMAIN
from .coordinator import BlinkHealthConfigEntry
from .diagnosis import CameraHistory, Candidate, LedState, explain

SELECTOR = f"component.{DOMAIN}.selector"
CAUSE_NAMES = f"component.{DOMAIN}.entity.sensor.likely_cause.state"

SERVICE_EXPLAIN_LED = "explain_led"
ATTR_DEVICE_ID = "device_id"
ATTR_OBSERVED = "observed"

EXPLAIN_LED_SCHEMA = vol.Schema(
    {vol.Required(ATTR_DEVICE_ID): cv.string, vol.Required(ATTR_OBSERVED): cv.string}
)


def async_setup_services(hass: HomeAssistant) -> None:
    """Register the integration's actions."""
    hass.services.async_register(
        DOMAIN,
        SERVICE_EXPLAIN_LED,
        _async_explain_led,
        schema=EXPLAIN_LED_SCHEMA,
        supports_response=SupportsResponse.ONLY,
    )


async def _async_explain_led(call: ServiceCall) -> ServiceResponse:
    """Return the causes that fit the observed light, best first, with translated fixes."""
    hass = call.hass
    observed_text = str(call.data[ATTR_OBSERVED])
    try:
        observed = LedState(observed_text)
    except ValueError:
        raise ServiceValidationError(
            translation_domain=DOMAIN,
            translation_key="invalid_led",
            translation_placeholders={
                "observed": observed_text,
                "options": ", ".join(led.value for led in LedState),
            },
        ) from None
    device_id = str(call.data[ATTR_DEVICE_ID])
    entry, serial = _find_camera(hass, device_id)
    coordinator = entry.runtime_data
    snapshot = coordinator.data.snapshot
    camera = snapshot.cameras[serial]
    history = coordinator.data.histories.get(serial, CameraHistory())
    explanation = explain(
        observed,
        camera,
        snapshot.sync_module_for(camera),
        history,
        thresholds=coordinator.thresholds,
        now=dt_util.utcnow(),
    )
    texts = {
        **await async_get_translations(
            hass, hass.config.language, "selector", [DOMAIN]
        ),
        **await async_get_translations(hass, hass.config.language, "entity", [DOMAIN]),
    }
    return {
        "camera": camera.name,
        "observed": observed.value,
        "notes": [
            {
                "id": note.value,
                "text": texts.get(
                    f"{SELECTOR}.explain_note.options.{note}", note.value
                ),
            }
            for note in explanation.notes
        ],
        "nearest_led_states": [led.value for led in explanation.nearest],
        "causes": [_describe(candidate, texts) for candidate in explanation.candidates],
    }


def _find_camera(
    hass: HomeAssistant, device_id: str
) -> tuple[BlinkHealthConfigEntry, str]:
    """Return the loaded entry and serial of a Blink Health camera device."""
    device = dr.async_get(hass).async_get(device_id)
    # A device belongs to one config entry (`config_entries` is deprecated).
    entry: BlinkHealthConfigEntry | None = (
        hass.config_entries.async_get_entry(device.config_entry_id)
        if device is not None
        else None
    )
    if device is not None and entry is not None and entry.domain == DOMAIN:
        if entry.state is not ConfigEntryState.LOADED:
            raise ServiceValidationError(
                translation_domain=DOMAIN, translation_key="entry_not_loaded"
            )
        cameras = entry.runtime_data.data.snapshot.cameras
        for domain, serial in device.identifiers:
            if domain == DOMAIN and serial in cameras:
                return entry, serial
    raise ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="unknown_device",
        translation_placeholders={"device_id": device_id},
    )


def _describe(candidate: Candidate, texts: dict[str, str]) -> dict[str, Any]:
    """Return one candidate cause as plain data, named, its fixes with their titles and steps."""
    cause = candidate.cause.value
    return {
        "cause": cause,
        "name": texts.get(f"{CAUSE_NAMES}.{cause}", cause),
        "confidence": candidate.confidence.value,
        "fits_telemetry": candidate.fits_telemetry,
        "supporting": list(candidate.supporting),
        "contradicting": list(candidate.contradicting),
        "unknown": list(candidate.unknown),
        "fixes": [
            {
                "id": fix.value,
                "title": texts.get(f"{SELECTOR}.fix_title.options.{fix}", fix.value),
                "steps": texts.get(f"{SELECTOR}.fix_steps.options.{fix}", ""),
            }
            for fix in candidate.fixes
        ],
    }
