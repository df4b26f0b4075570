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
from homeassistant.helpers import (
    config_validation as cv,
    device_registry as dr,
    entity_registry as er,
)
from homeassistant.util import dt as dt_util
import probatio as vol

from .const import DOMAIN
from .coordinator import BlinkHealthConfigEntry
from .diagnosis import CameraHistory, Candidate, LedState, explain
from .model import CameraKind
from .texts import Texts, async_load_texts

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
    entry, key = _find_camera(hass, device_id)
    coordinator = entry.runtime_data
    snapshot = coordinator.data.snapshot
    camera = snapshot.cameras[key]
    history = coordinator.data.histories.get(key, CameraHistory())
    explanation = explain(
        observed,
        camera,
        snapshot.sync_module_for(camera),
        history,
        thresholds=coordinator.thresholds,
        now=dt_util.utcnow(),
    )
    texts = await async_load_texts(hass)
    reported = explanation.reported
    reported_name = texts.cause(reported.value) if reported is not None else ""
    return {
        "camera": camera.name,
        "observed": observed.value,
        "reported_cause": None
        if reported is None
        else {"cause": reported.value, "name": reported_name},
        "notes": [
            {
                "id": note.value,
                "text": texts.note(note.value).replace("{cause}", reported_name),
            }
            for note in explanation.notes
        ],
        "nearest_led_states": [led.value for led in explanation.nearest],
        "causes": [
            _describe(candidate, texts, camera.kind)
            for candidate in explanation.candidates
        ],
    }


def _find_camera(
    hass: HomeAssistant, device_id: str
) -> tuple[BlinkHealthConfigEntry, str]:
    """Return the loaded entry and device key of a Blink Health camera's device.

    The device is Blink Health's own or Home Assistant's `blink` device its entities sit on.
    The errors name the device as the owner knows it, never by its registry id.
    """
    device = dr.async_get(hass).async_get(device_id)
    if device is None:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="unknown_device"
        )
    entries: list[BlinkHealthConfigEntry] = hass.config_entries.async_entries(DOMAIN)
    for entry in entries:
        if entry.state is not ConfigEntryState.LOADED:
            continue
        key = entry.runtime_data.devices.key_for(device.id)
        if key is not None and key in entry.runtime_data.data.snapshot.cameras:
            return entry, key
    if _entry_ids_on(hass, device) - {
        e.entry_id for e in entries if e.state is ConfigEntryState.LOADED
    }:
        raise ServiceValidationError(
            translation_domain=DOMAIN, translation_key="entry_not_loaded"
        )
    raise ServiceValidationError(
        translation_domain=DOMAIN,
        translation_key="not_a_camera",
        translation_placeholders={"device": device.name_by_user or device.name or ""},
    )


def _entry_ids_on(hass: HomeAssistant, device: dr.AnyDeviceEntry) -> set[str]:
    """Return the Blink Health entries with a device or an entity there."""
    ids = {
        entity.config_entry_id
        for entity in er.async_entries_for_device(
            er.async_get(hass), device.id, include_disabled_entities=True
        )
        if entity.platform == DOMAIN and entity.config_entry_id
    }
    if any(domain == DOMAIN for domain, _ in device.identifiers):
        ids.add(device.config_entry_id)
    return ids


def _describe(candidate: Candidate, texts: Texts, kind: CameraKind) -> dict[str, Any]:
    """Return one candidate cause as plain data, named, its fixes with the model's steps."""
    cause = candidate.cause.value
    return {
        "cause": cause,
        "name": texts.cause(cause),
        "confidence": candidate.confidence.value,
        "fits_telemetry": candidate.fits_telemetry,
        "supporting": list(candidate.supporting),
        "contradicting": list(candidate.contradicting),
        "unknown": list(candidate.unknown),
        "fixes": [
            {
                "id": fix.value,
                "title": texts.fix_title(fix.value),
                "steps": texts.fix_steps(fix.value, kind),
                # The steps' translation id: the card shows them in its viewer's language.
                "steps_id": texts.fix_steps_id(fix.value, kind),
            }
            for fix in candidate.fixes
        ],
    }
