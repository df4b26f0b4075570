"""The Blink Health dashboard card: served by the integration and loaded by every frontend.

Owners install nothing: when Blink Health loads, Home Assistant serves the card's JavaScript at
CARD_URL and adds it to the modules every frontend loads, so `custom:blink-health-card` is in the
card picker. The URL carries a hash of the file, so browsers fetch a new card after an update.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Final

from homeassistant.components.frontend import add_extra_js_url
from homeassistant.components.http.server import StaticPathConfig
from homeassistant.core import HomeAssistant

from .const import DOMAIN, LOGGER

CARD_FILE: Final = Path(__file__).parent / "www" / "blink-health-card.js"
CARD_URL: Final = f"/{DOMAIN}/blink-health-card.js"


def card_module_url() -> str:
    """Return the URL the frontend loads the card from, versioned by the file's content."""
    digest = hashlib.sha256(CARD_FILE.read_bytes()).hexdigest()[:12]
    return f"{CARD_URL}?v={digest}"


async def async_register_card(hass: HomeAssistant) -> None:
    """Serve the card and add it to every frontend; nothing to do without a frontend."""
    if "frontend" not in hass.config.components:
        LOGGER.debug("No frontend loaded: the dashboard card is not registered")
        return
    await hass.http.async_register_static_paths(
        [StaticPathConfig(CARD_URL, str(CARD_FILE), cache_headers=True)]
    )
    add_extra_js_url(hass, await hass.async_add_executor_job(card_module_url))
